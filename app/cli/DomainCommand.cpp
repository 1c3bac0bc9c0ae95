#include "VerifyCommand.h"

namespace sealcheck::cli {

int runDomain(const QStringList &)
{
    std::fprintf(stderr, "sealcheck-cli domain: not available yet\n");
    return 2;
}

} // namespace sealcheck::cli
