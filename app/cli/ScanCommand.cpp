#include "VerifyCommand.h"

namespace sealcheck::cli {

int runScan(const QStringList &)
{
    std::fprintf(stderr, "sealcheck-cli scan: not available yet\n");
    return 2;
}

} // namespace sealcheck::cli
