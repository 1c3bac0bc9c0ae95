// ZoneResolver::loadMasterFile: the master-file reader (MasterFileParser) feeding the zone.
#include "ZoneResolver.h"

#include "DnsName.h"
#include "MasterFileParser.h"

namespace verifier {

Expected<int> ZoneResolver::loadMasterFile(std::string_view text, std::string_view origin)
{
    auto parsed = MasterFileParser::parse(text, origin);
    if (!parsed)
        return parsed.error();
    // All or nothing: a zone with an error adds no record.
    // Owners come in presentation form (DnsName::toText, "\032" for a space); queries come as
    // plain text (RFC 7208 macro-mania-in-domain asks for a name with spaces): key by the latter.
    for (auto &r : parsed->records)
        add(queryKey(r.owner), r.type, std::move(r.record));
    m_ignoredRecords += parsed->ignored;
    return int(parsed->records.size());
}

} // namespace verifier
