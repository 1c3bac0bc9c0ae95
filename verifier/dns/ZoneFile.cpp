// Placeholder: the RFC 1035 master-file reader is written in its own change.
#include "ZoneResolver.h"

namespace verifier {

Expected<int> ZoneResolver::loadMasterFile(std::string_view, std::string_view)
{
    return makeError("zone files are not supported yet");
}

} // namespace verifier
