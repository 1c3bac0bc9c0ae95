#include "ResolverSetup.h"

#include "ZoneResolver.h"

#include <fstream>
#include <sstream>

namespace sealcheck {

verifier::Expected<std::shared_ptr<const verifier::Resolver>> makeResolver(const ResolverOptions &options)
{
    auto zone = std::make_shared<verifier::ZoneResolver>();
    for (const std::string &file : options.zoneFiles) {
        std::ifstream in(file, std::ios::binary);
        if (!in)
            return verifier::makeError("cannot read zone file " + file);
        std::stringstream text;
        text << in.rdbuf();
        auto added = zone->loadMasterFile(text.str());
        if (!added)
            return verifier::makeError(file + ": " + added.error().message);
    }
    return std::shared_ptr<const verifier::Resolver>(zone);
}

} // namespace sealcheck
