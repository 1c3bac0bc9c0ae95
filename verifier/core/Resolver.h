#pragma once
/// The one door to DNS (ARCHITECTURE.md): every lookup of the verifier goes through a Resolver.
/// Implementations: UnboundResolver (libunbound, DNSSEC-aware), ZoneResolver (in-memory zone
/// from RFC 1035 master-file text), CachingResolver (TTL-respecting, thread-safe).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace verifier {

enum class RrType : uint16_t {
    A = 1,
    NS = 2,
    CNAME = 5,
    SOA = 6,
    PTR = 12,
    MX = 15,
    TXT = 16,
    AAAA = 28,
    SRV = 33,
    TLSA = 52,
    SPF = 99,
};

std::string_view rrTypeName(RrType type);

/// The outcome of one query. NXDOMAIN, "name exists but no record of that type", SERVFAIL and
/// timeout are told apart because SPF, DKIM and DMARC treat them differently.
enum class DnsStatus { Ok, NxDomain, NoData, ServFail, Timeout };

std::string_view dnsStatusName(DnsStatus status);

/// One resource record's data, in a form fit for its type:
///  - TXT/SPF: `strings` holds each character-string; `text` is their concatenation.
///  - A/AAAA: `text` is the address in its canonical textual form.
///  - CNAME/PTR/NS: `text` is the target name, lower case, without the trailing dot.
///  - MX: `preference` and `text` = the exchange name (lower case, no trailing dot).
///  - SRV: `preference` = priority, `weight`, `port`, `text` = target.
///  - TLSA: `text` is "usage selector matching hexdata".
struct DnsRecord
{
    std::string text;
    std::vector<std::string> strings;
    uint16_t preference = 0;
    uint16_t weight = 0;
    uint16_t port = 0;
    uint32_t ttl = 0;
    bool operator==(const DnsRecord &) const = default;
};

struct DnsAnswer
{
    DnsStatus status = DnsStatus::NxDomain;
    /// True when the answer (or the denial) was DNSSEC-validated.
    bool secure = false;
    /// True when validation failed (bogus); status is then ServFail.
    bool bogus = false;
    std::vector<DnsRecord> records;
    /// The smallest TTL of the answer (or the negative TTL), for caching.
    uint32_t ttl = 0;
    /// A human explanation for ServFail/Timeout (never shown as the only reason).
    std::string why;

    bool ok() const { return status == DnsStatus::Ok; }
    /// True for the outcomes that RFC 7208/6376 call temporary (SERVFAIL, timeout).
    bool temporary() const { return status == DnsStatus::ServFail || status == DnsStatus::Timeout; }
};

/// Thread-safe: query() may be called from several threads at once.
class Resolver
{
public:
    virtual ~Resolver() = default;
    /// @p name is a domain name, with or without the trailing dot, in A-label form; case does
    /// not matter. For A/AAAA/TXT/MX queries a CNAME chain is followed by the implementation.
    virtual DnsAnswer query(std::string_view name, RrType type) const = 0;
};

} // namespace verifier
