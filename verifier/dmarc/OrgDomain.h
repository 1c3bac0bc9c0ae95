#pragma once
/// RFC 9989 §4.10 DNS tree walk (at most 8 queries) for the DMARC record and organisational
/// domain, plus the RFC 7489 reading with the public suffix list (libpsl, Debian's publicsuffix
/// data; psl_latest(nullptr) or /usr/share/publicsuffix/public_suffix_list.dafsa).
///
/// One OrgDomain serves one evaluation: it remembers every _dmarc answer it fetched, so the
/// author walk, the walks for DKIM/SPF identifiers (relaxed alignment, §4.10.2) and the RFC 7489
/// discovery never ask the same name twice. Not thread-safe; cheap to create.

#include "DmarcRecord.h"
#include "PublicSuffixList.h"
#include "Resolver.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verifier {

/// The DMARC records at one _dmarc name.
struct DmarcLookup
{
    DnsStatus status = DnsStatus::NxDomain;
    /// The TXT records that begin with v=DMARC1 (others are discarded, RFC 9989 §4.10 step 2).
    std::vector<DmarcRecord> records;
    std::string why; ///< DNS failure detail
    /// Exactly one DMARC record (several are all discarded).
    bool single() const { return records.size() == 1; }
};

struct TreeWalk
{
    std::string startDomain;
    bool tempError = false;
    DnsStatus failure = DnsStatus::Ok; ///< ServFail or Timeout when tempError
    std::string failedName;
    /// §4.10.2: the organisational domain (the start domain when no record was found).
    std::string orgDomain;
    /// §4.10.1: the record that applies to the start domain, and where it was found.
    std::optional<DmarcRecord> record;
    std::string recordDomain;
    /// Where a psd=y record stopped the walk (empty if none).
    std::string psdDomain;
    /// The names queried by this walk, in order ("_dmarc.example.com"), cached or not.
    std::vector<std::string> queried;
    std::vector<std::string> notes;
};

struct Rfc7489Discovery
{
    bool tempError = false;
    std::string orgDomain;    ///< public suffix list reading
    std::optional<DmarcRecord> record;
    std::string recordDomain;
    std::string note;
};

class OrgDomain
{
public:
    explicit OrgDomain(const Resolver &resolver, const PublicSuffixList &psl = PublicSuffixList::system());

    /// RFC 9989 §4.10: query _dmarc.<domain>; then, with x labels, drop to min(x-1, 7) labels and
    /// go up one label at a time to the top-level domain; stop at a single record with psd=n or
    /// psd=y. Then §4.10.1 (the record that applies) and §4.10.2 (the organisational domain:
    /// psd=n record; one label below a psd=y record other than the start; else the record with
    /// the fewest labels; else the start domain). A SERVFAIL/timeout sets tempError.
    /// A name whose last label is all digits (an address, not a DNS name) is not walked upward.
    TreeWalk walk(std::string_view domain) const;

    /// RFC 7489 §6.6.3: _dmarc.<domain>, then _dmarc.<PSL organisational domain>; several
    /// records end discovery with no policy.
    Rfc7489Discovery discoverRfc7489(std::string_view domain) const;

    /// Identifier alignment (RFC 9989 §4.4, RFC 7489 §3.1): strict = equal (case-insensitive);
    /// relaxed = same organisational domain. nullopt on a DNS temporary failure.
    std::optional<bool> aligned(std::string_view authorDomain, std::string_view other, DmarcAlignmentMode mode) const;
    /// The same with the public suffix list (RFC 7489).
    static bool alignedPsl(std::string_view authorDomain, std::string_view other, DmarcAlignmentMode mode,
                           const PublicSuffixList &psl);

    /// The memoised answer for _dmarc.<domain>.
    const DmarcLookup &lookup(std::string_view domain) const;
    /// Every distinct _dmarc name asked of the resolver, in order.
    const std::vector<std::string> &queryLog() const { return m_log; }
    const PublicSuffixList &publicSuffixList() const { return m_psl; }

    /// A syntactically valid DNS name in A-label form: 1..253 octets, labels 1..63 of
    /// letters, digits, '-' and '_' (no leading/trailing '-'), no empty label.
    static bool isValidDomain(std::string_view domain);

private:
    const Resolver &m_resolver;
    const PublicSuffixList &m_psl;
    mutable std::map<std::string, DmarcLookup> m_cache;
    mutable std::vector<std::string> m_log;
};

} // namespace verifier
