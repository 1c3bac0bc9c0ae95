#pragma once
/// The assessment of a sender domain's mail protection (SPF, DMARC, DKIM, MTA-STS, TLS-RPT,
/// DANE, BIMI), as plain values. Made by PostureAssessor; read by `sealcheck-cli domain` and
/// the security panel. Every check carries a rating, a one-line summary in plain words, notes,
/// and for each weakness the concrete DNS record (or action) the owner should publish.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verifier {

/// The verdict on one check. Unknown: could not be checked (DNS failure, DKIM without a
/// selector, MTA-STS policy not fetched) or not applicable (no MX host).
enum class PostureRating { Good, Weak, Missing, Broken, Unknown };
std::string_view postureRatingName(PostureRating rating); ///< "good", "weak", "missing", "broken", "unknown"

/// The overall grade, A (best) to F, by what protects the people who receive mail in the
/// domain's name (issue 20): A: DMARC p=reject applied to all failing mail + working SPF.
/// B: DMARC p=quarantine applied to all (spoofs reach the spam folder). C: DMARC enforced with
/// SPF not working, or partially enforced (pct < 100, t=y). D: DMARC p=none or no DMARC, with
/// working SPF. F: nothing stops spoofing (or SPF +all). A broken MTA-STS setup or DKIM key
/// costs one grade. Transport security (MTA-STS, DANE) protects mail *to* the domain: noted,
/// but it does not decide the grade.
enum class PostureGrade { A, B, C, D, F };
std::string_view postureGradeName(PostureGrade grade); ///< "A" ... "F"

/// Why the grade is what it is; args are data (a policy name, an SPF "all", a summary).
enum class GradeReasonCode {
    DmarcReject,        ///< p=reject applies to all failing mail
    DmarcQuarantine,    ///< p=quarantine applies to all: spoofs go to spam, not away
    DmarcPartial,       ///< args: the policy; only partly applied (pct, t=y)
    DmarcMonitorOnly,   ///< p=none
    DmarcUnknown,       ///< could not be checked
    DmarcMissing,       ///< no working DMARC policy
    SpfWorks,           ///< args: the "all" term
    SpfPlusAll,         ///< +all lets anyone pass
    SpfNotWorking,      ///< args: rating name, summary
    TransportProtected, ///< args: "MTA-STS enforce", "DANE", or both; mail *to* the domain
    TransportMissing,   ///< mail to the domain is not protected in transit (a note, no grade)
    NullMx,             ///< the domain accepts no mail
    MtaStsBroken,       ///< args: summary; one grade lower
    DkimBroken,         ///< one grade lower
    DomainMissing,      ///< NXDOMAIN
};
struct GradeReason
{
    GradeReasonCode code = GradeReasonCode::DmarcMissing;
    std::vector<std::string> args;
};

/// Fields shared by every check.
struct PostureCheck
{
    PostureRating rating = PostureRating::Missing;
    std::string summary;             ///< one line, plain words
    std::vector<std::string> notes;  ///< further facts and problems, plain words
    /// What to publish: whole DNS records in zone-file form ("_dmarc.example.com. TXT \"...\""),
    /// or a short instruction when no single record fixes it.
    std::vector<std::string> fixes;
    /// The DNS answer this check rests on (its record, or the denial that there is one) was
    /// DNSSEC-validated. SPF: the TXT answer at the domain; DMARC: at _dmarc.<record domain>
    /// (or _dmarc.<domain> when none); DKIM: every selector's answer; MTA-STS: _mta-sts TXT;
    /// TLS-RPT: _smtp._tls TXT; DANE: the MX answer (TLSA per host in DaneHostPosture::secure);
    /// BIMI: default._bimi TXT. False for an unsigned zone or a resolver without validation.
    bool dnssec = false;
};

/// One MX host of the domain (RFC 5321 §5.1), in preference order.
struct PostureMxHost
{
    std::string host; ///< lower case, no trailing dot
    uint16_t preference = 0;
};

/// An include:/redirect= target met while counting SPF lookups.
struct SpfIncludeStatus
{
    enum class State { Ok, Missing, Broken, TempError, NotFollowed };
    std::string domain;
    std::string via;    ///< "include" or "redirect"
    State state = State::Ok;
    std::string detail; ///< why missing/broken/not followed
};
std::string_view spfIncludeStateName(SpfIncludeStatus::State state); ///< "ok", "missing", "broken", "temperror", "not_followed"

struct SpfPosture : PostureCheck
{
    std::string record;        ///< the top-level record text; empty when none
    bool valid = false;        ///< exactly one record, and it parses
    /// DNS-querying terms (include, a, mx, ptr, exists, redirect) across the whole include /
    /// redirect tree: the most one evaluation can use (RFC 7208 §4.6.4).
    int dnsLookups = 0;
    int lookupLimit = 10;
    /// Terms of the tree whose query answers NXDOMAIN or no records (limit 2, §4.6.4).
    int voidLookups = 0;
    /// What the effective `all` says: "-all", "~all", "?all", "+all", or "" (none: a
    /// non-matching sender gets neutral, §4.7).
    std::string all;
    /// Where `all` came from when it came through redirect= (the target domain), else "".
    std::string allFrom;
    std::vector<SpfIncludeStatus> includes;
};

struct DmarcPosture : PostureCheck
{
    std::string record;        ///< the record text; empty when none
    std::string recordDomain;  ///< where the record was found (the domain or an ancestor)
    std::string orgDomain;     ///< RFC 9989 §4.10.2
    std::string policy;        ///< p= as read: "none", "quarantine", "reject", "" when absent/invalid
    std::string subdomainPolicy; ///< sp= as read, "" when absent
    /// np= as read, "" when absent or invalid: the policy for mail From names under the
    /// organisational domain that do not exist in DNS (RFC 9989 §4.7, np tag; §4.10.1).
    std::string nonExistentPolicy;
    /// What mail From a non-existent subdomain (nosuch.<domain>) gets: np=, else sp=, else
    /// p= (RFC 9989 §4.10.1); "" when there is no usable record.
    std::string nonExistentEffectivePolicy;
    /// The policy that applies to mail From this domain (p=, or sp= when the record is an
    /// ancestor's), "" when there is none.
    std::string effectivePolicy;
    std::optional<int> pct;    ///< RFC 7489 pct= (legacy)
    bool testing = false;      ///< t=y (RFC 9989)
    std::string dkimAlignment = "relaxed"; ///< adkim
    std::string spfAlignment = "relaxed";  ///< aspf
    std::vector<std::string> rua, ruf;
    /// quarantine or reject, applied to all failing mail (no pct < 100, no t=y).
    bool enforcing = false;
};

struct DkimSelectorPosture
{
    std::string selector;
    PostureRating rating = PostureRating::Missing;
    std::string keyType;       ///< "rsa", "ed25519", or as written
    int keyBits = 0;           ///< 0 when the key could not be read
    bool testing = false;      ///< t=y
    bool revoked = false;      ///< p= empty
    bool dnssec = false;       ///< the key answer was DNSSEC-validated
    std::string summary;
};

struct DkimPosture : PostureCheck
{
    std::vector<DkimSelectorPosture> selectors; ///< one per selector asked for, in order
};

/// Why the MTA-STS policy could not be used (RFC 8461 §3.3 requires HTTPS with a valid
/// certificate for mta-sts.DOMAIN, status 200, no redirect, media type text/plain).
enum class MtaStsFetchFailure {
    None,
    InvalidDomain, ///< the name cannot form https://mta-sts.DOMAIN/
    Certificate,   ///< the TLS certificate was not accepted
    Connection,    ///< no connection (name not found, refused, reset, TLS handshake failure)
    Timeout,       ///< no complete answer in time
    HttpStatus,    ///< an HTTP status other than 200 (and not a redirect)
    Redirect,      ///< a 3xx answer: forbidden by §3.3
    ContentType,   ///< not served as text/plain
    TooLarge,      ///< larger than the size limit
};
/// "none", "invalid_domain", "certificate", "connection", "timeout", "http_status", "redirect",
/// "content_type", "too_large"
std::string_view mtaStsFetchFailureName(MtaStsFetchFailure failure);

struct MtaStsPosture : PostureCheck
{
    std::string record;        ///< the _mta-sts TXT record; empty when none usable
    std::string id;            ///< id=
    bool recordValid = false;
    /// The policy fetch: not attempted (no record, or the caller did not fetch), done, failed.
    enum class Fetch { NotAttempted, Fetched, Failed };
    Fetch fetch = Fetch::NotAttempted;
    std::string fetchError;    ///< when Failed: why (certificate, redirect, size, timeout...)
    MtaStsFetchFailure fetchFailure = MtaStsFetchFailure::None; ///< when Failed: the kind
    bool policyValid = false;
    std::string mode;          ///< "enforce", "testing", "none"; "" when no valid policy
    std::optional<int64_t> maxAge;
    std::vector<std::string> mxPatterns;
    /// MX hosts of the domain that no mx pattern matches (RFC 8461 §4.1).
    std::vector<std::string> unmatchedMx;
};
std::string_view mtaStsFetchName(MtaStsPosture::Fetch fetch); ///< "not_attempted", "fetched", "failed"

struct TlsRptPosture : PostureCheck
{
    std::string record;
    std::vector<std::string> rua;
};

struct DaneHostPosture
{
    std::string host;
    int tlsaRecords = 0;   ///< TLSA RRs at _25._tcp.host
    bool secure = false;   ///< the TLSA answer was DNSSEC-validated
    std::vector<std::string> tlsa; ///< "usage selector matching hex" as published
};

struct DanePosture : PostureCheck
{
    bool mxSecure = false; ///< the MX RRset was DNSSEC-validated (RFC 7672 §2.2.1)
    std::vector<DaneHostPosture> hosts;
};

struct BimiPosture : PostureCheck
{
    std::string record;
    std::string logo;       ///< l=
    std::string authority;  ///< a=
    /// True when mail clients may show the logo: a valid record and an enforcing DMARC policy.
    bool shown = false;
};

struct DomainPosture
{
    std::string domain;        ///< lower case, no trailing dot
    bool domainExists = true;  ///< false when DNS says NXDOMAIN for the domain itself
    std::vector<PostureMxHost> mx;
    bool nullMx = false;       ///< RFC 7505: "0 ." — the domain accepts no mail
    bool mxSecure = false;
    SpfPosture spf;
    DmarcPosture dmarc;
    DkimPosture dkim;
    MtaStsPosture mtaSts;
    TlsRptPosture tlsRpt;
    DanePosture dane;
    BimiPosture bimi;
    PostureGrade grade = PostureGrade::F;
    std::vector<std::string> gradeReasons;
    /// The same reasons as codes with data, for a user interface to word in its language.
    std::vector<GradeReason> gradeReasonCodes;
    /// Set when the MX lookup got a temporary DNS failure (SERVFAIL, timeout).
    std::string mxFailure;
    /// Non-empty when DNS did not answer a lookup the grade rests on (MX, SPF, DMARC): the
    /// domain is then *not checked*, and `grade` means nothing (issue 24: never a grade computed
    /// from missing answers). Plain words, naming what failed.
    std::string notChecked;
};

} // namespace verifier
