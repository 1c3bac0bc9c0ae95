#pragma once
/// An in-memory DNS zone: for unit and conformance tests and `sealcheck-cli --dns-zone`.
/// Names absent from the zone are NXDOMAIN; a name that exists with no record of the asked
/// type is NODATA (also empty non-terminals, RFC 8020); CNAMEs are followed (at most 8 links)
/// for other types. No wildcard expansion. The answer TTL is the smallest record TTL (records
/// added with ttl 0 count as 300); a negative answer takes min(SOA TTL, SOA MINIMUM) of the
/// closest enclosing SOA in the zone (RFC 2308 §5), else 300.
/// Thread-safe for concurrent query() calls once loading is finished; loading is not.

#include "Expected.h"
#include "Resolver.h"

#include <map>
#include <set>
#include <string>
#include <utility>

namespace verifier {

class ZoneResolver final : public Resolver
{
public:
    ZoneResolver() = default;

    /// Adds one record. @p name is absolute (trailing dot optional), any case.
    void add(std::string_view name, RrType type, DnsRecord record);
    /// Convenience for TXT: one record made of the given character-strings.
    void addTxt(std::string_view name, std::vector<std::string> strings);
    void addAddress(std::string_view name, std::string_view address); // A or AAAA by syntax
    void addMx(std::string_view name, uint16_t preference, std::string_view exchange);
    /// Every query for @p name (any type) answers @p status (Timeout or ServFail).
    void setFailure(std::string_view name, DnsStatus status);
    /// Marks every answer from this zone as DNSSEC-secure (for tests of DANE and the like).
    void setSecure(bool secure) { m_secure = secure; }

    /// Parses RFC 1035 master-file text (CLI.md "Zone files"; syntax in MasterFileParser.h) and
    /// adds its records; returns how many were added. @p origin is the initial $ORIGIN
    /// ("" = root). On error ("line N: ...") nothing is added. Records of unsupported types or
    /// classes are skipped and counted in ignoredRecords().
    Expected<int> loadMasterFile(std::string_view text, std::string_view origin = "");
    /// Records skipped by loadMasterFile() so far (unsupported type or class).
    int ignoredRecords() const { return m_ignoredRecords; }

    DnsAnswer query(std::string_view name, RrType type) const override;

    /// Lower-cases and strips the trailing dot.
    static std::string canonicalName(std::string_view name);
    /// The key of a name given in presentation form (RFC 1035 §5.1 "\DDD" and "\X" escapes, as
    /// zone files and DnsRecord texts hold them): unescaped, the way query names arrive.
    static std::string queryKey(std::string_view presentation);

private:
    std::map<std::pair<std::string, RrType>, std::vector<DnsRecord>> m_records;
    std::set<std::string> m_names;
    std::map<std::string, DnsStatus> m_failures;
    bool m_secure = false;
    int m_ignoredRecords = 0;

    uint32_t negativeTtl(const std::string &name) const;
};

} // namespace verifier
