#pragma once
/// Reader for RFC 1035 §5 master-file text, as `dig` prints it (CLI.md "Zone files").
///
/// Supported: `$ORIGIN` (relative to the current origin when not absolute), `$TTL` (RFC 2308 §4),
/// `@`, relative and absolute owner names, a blank owner (the line starts with SP/HTAB) meaning
/// the previous owner, optional TTL and class in either order (RFC 1035 §5.1), parentheses
/// across lines, `;` comments (not inside quotes), quoted and unquoted character-strings with
/// `\"`, `\\` and `\DDD` escapes, several strings in one TXT record. TTLs are seconds or BIND
/// units ("1h30m"); a record without TTL takes `$TTL`, else the last stated TTL, else 300.
/// Types read: A, AAAA, MX, TXT, SPF, PTR, CNAME, NS, SRV, TLSA, SOA. Records of other types
/// (RRSIG, DNSKEY, TYPE65534 ...) and of other classes than IN are read past and counted in
/// `ignored`. `$INCLUDE` is refused (a zone never makes the reader open files).
///
/// Total and bounded: at most `maxRecords` records (ignored ones included) and `maxBytes` of
/// text; a character-string over 255 octets (RFC 1035 §3.3), a label over 63 or a name over 255
/// octets is an error. Every error message starts with "line N: ".

#include "Expected.h"
#include "Resolver.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace verifier {

struct MasterFileRecord
{
    /// Canonical owner name (DnsName::toText: lower case, no trailing dot).
    std::string owner;
    RrType type = RrType::A;
    /// Rdata in the form Resolver.h describes; record.ttl holds the record's TTL.
    DnsRecord record;
    int line = 0;
};

struct MasterFileContents
{
    std::vector<MasterFileRecord> records;
    /// Records read past: unsupported types or classes other than IN.
    int ignored = 0;
};

class MasterFileParser final
{
public:
    struct Limits
    {
        size_t maxRecords = 100000;
        size_t maxBytes = 64u * 1024u * 1024u;
    };

    /// Parses the whole text; nothing is returned unless all of it parses.
    /// @p origin is the initial $ORIGIN ("" or "." = the root).
    static Expected<MasterFileContents> parse(std::string_view text, std::string_view origin);
    static Expected<MasterFileContents> parse(std::string_view text, std::string_view origin, const Limits &limits);

    /// Decodes the escapes of one character-string (the text between quotes, or an unquoted
    /// token): `\X` is X, `\DDD` the octet DDD. Exposed for tests.
    static Expected<std::string> decodeCharacterString(std::string_view raw);
};

} // namespace verifier
