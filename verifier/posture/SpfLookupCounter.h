#pragma once
/// Counts the DNS lookups an SPF record can cost, through its whole include/redirect tree,
/// against the limits of RFC 7208 §4.6.4 — a static reading for domain owners, not check_host().
///
/// Every include, a, mx, ptr, exists and redirect term of every record reached counts one
/// (the most one evaluation may use: a sender that matches nothing walks the whole tree).
/// include: and redirect= targets are followed when they hold no macro (§7); a target with a
/// macro counts one and is reported NotFollowed. a and mx targets without macros are queried to
/// count void lookups (NXDOMAIN or no records) and MX names (more than 10 is a permerror).
/// An include target with no SPF record, or a redirect target without one, is Missing (a
/// permerror at evaluation, §5.2, §6.1); one with several records or a syntax error is Broken.
/// Bounded: loops are cut (a name already on the path is Broken), at most 20 records fetched
/// and 100 DNS queries in all; counting goes on past the limit of 10 so the owner sees the
/// real figure.

#include "DomainPosture.h"
#include "Resolver.h"
#include "SpfRecord.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verifier {

struct SpfTree
{
    /// The top-level lookup.
    DnsStatus status = DnsStatus::NxDomain;
    bool secure = false;              ///< the top-level TXT answer (or its denial) was DNSSEC-validated
    int recordCount = 0;              ///< SPF records at the domain (several = permerror)
    std::string text;                 ///< the first SPF record's text
    std::optional<SpfRecord> record;  ///< when exactly one record parsed
    std::string parseError;           ///< when it did not
    int dnsLookups = 0;
    int voidLookups = 0;
    std::vector<SpfIncludeStatus> includes;
    /// The effective `all` (following redirect= when the record has no all), "" when none.
    std::string all;
    std::string allFrom;
    /// Terms worth a word: ptr (discouraged, §5.5), mx with over 10 names, a truncated walk.
    std::vector<std::string> notes;
    bool truncated = false;           ///< a bound of the walk was hit
};

class SpfLookupCounter
{
public:
    explicit SpfLookupCounter(const Resolver &resolver) : m_resolver(resolver) {}

    SpfTree count(std::string_view domain) const;

    static constexpr int kMaxRecords = 20;
    static constexpr int kMaxQueries = 100;

private:
    const Resolver &m_resolver;
};

} // namespace verifier
