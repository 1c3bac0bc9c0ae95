// ZoneResolver::loadMasterFile: the master-file reader (MasterFileParser) feeding the zone.
#include "ZoneResolver.h"

#include "MasterFileParser.h"

namespace verifier {

Expected<int> ZoneResolver::loadMasterFile(std::string_view text, std::string_view origin)
{
    auto parsed = MasterFileParser::parse(text, origin);
    if (!parsed)
        return parsed.error();
    // All or nothing: a zone with an error adds no record.
    for (auto &r : parsed->records)
        add(r.owner, r.type, std::move(r.record));
    m_ignoredRecords += parsed->ignored;
    return int(parsed->records.size());
}

} // namespace verifier
