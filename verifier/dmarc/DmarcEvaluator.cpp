#include "DmarcEvaluator.h"

#include "OrgDomain.h"
#include "Strings.h"

namespace verifier {

namespace {

DmarcPolicy softer(DmarcPolicy p)
{
    switch (p) {
    case DmarcPolicy::Reject: return DmarcPolicy::Quarantine;
    case DmarcPolicy::Quarantine: return DmarcPolicy::None;
    case DmarcPolicy::None:
    case DmarcPolicy::Unspecified: return p;
    }
    return p;
}

/// RFC 9989 §4.10.1 / RFC 7489 §6.6.3 step 6: a record without a valid p= (or with an invalid
/// sp=/np=) counts as p=none when rua= holds a valid URI; otherwise DMARC does not apply.
bool usablePolicy(DmarcRecord &r, bool withNp)
{
    const bool bad = !r.policyValid || !r.subdomainPolicyValid || (withNp && !r.nonExistentPolicyValid);
    if (!bad)
        return true;
    if (!r.ruaHasValidUri)
        return false;
    if (!r.policyValid)
        r.policy = DmarcPolicy::None;
    if (!r.subdomainPolicyValid)
        r.subdomainPolicy = DmarcPolicy::Unspecified;
    if (!r.nonExistentPolicyValid)
        r.nonExistentPolicy = DmarcPolicy::Unspecified;
    return true;
}

enum class Existence { Exists, NonExistent, Unknown };

/// RFC 9989 §4.7 np: the From domain does not exist when A, AAAA and MX all answer NXDOMAIN.
Existence domainExists(const Resolver &resolver, const std::string &domain)
{
    bool temp = false;
    for (RrType t : {RrType::A, RrType::AAAA, RrType::MX}) {
        DnsAnswer a = resolver.query(domain, t);
        if (a.status == DnsStatus::Ok || a.status == DnsStatus::NoData)
            return Existence::Exists;
        if (a.temporary())
            temp = true;
    }
    return temp ? Existence::Unknown : Existence::NonExistent;
}

struct Alignment
{
    bool spf = false;
    bool dkim = false;
    bool temp = false;
    std::string spfDomain, dkimDomain;
};

} // namespace

DmarcResult evaluateDmarc(const FromInfo &from, std::vector<DkimResult> &dkim, const SpfResult &spf,
                          const Resolver &resolver)
{
    return evaluateDmarc(from, dkim, spf, resolver, PublicSuffixList::system());
}

DmarcResult evaluateDmarc(const FromInfo &from, std::vector<DkimResult> &dkim, const SpfResult &spf,
                          const Resolver &resolver, const PublicSuffixList &psl)
{
    DmarcResult r;
    for (auto &d : dkim)
        d.aligned = false;

    // RFC 7489 §6.6.1 (kept by RFC 9989): DMARC needs exactly one author domain.
    if (from.kind != AddressListKind::One) {
        r.result = AuthResult::PermError;
        switch (from.kind) {
        case AddressListKind::None: r.reason = "no From address, so there is no domain to check"; break;
        case AddressListKind::Several:
            r.reason = from.fieldCount > 1 ? "several From fields: DMARC needs exactly one author"
                                           : "From holds several mailboxes: DMARC needs exactly one author";
            break;
        case AddressListKind::Ambiguous: r.reason = "From can be read in more than one way: not evaluated"; break;
        case AddressListKind::Invalid: r.reason = "From cannot be read as a mailbox: not evaluated"; break;
        case AddressListKind::One: break;
        }
        if (!from.problem.empty())
            r.reason += " (" + from.problem + ")";
        r.resultRfc7489.reset();
        return r;
    }
    r.domain = toLower(from.domain);
    if (!OrgDomain::isValidDomain(r.domain)) {
        r.result = AuthResult::PermError;
        r.reason = "the From domain \"" + escapeForDisplay(r.domain) + "\" is not a valid domain name";
        return r;
    }

    OrgDomain org(resolver, psl);
    TreeWalk walk = org.walk(r.domain);
    r.orgDomain = walk.orgDomain;

    // Alignment of every identifier, passing or not: a DKIM signature or SPF domain that would
    // align but could not be checked (a DNS temporary error) makes DMARC temperror when nothing
    // aligned passed (RFC 9989: a temporary failure is not a fail), and `aligned` tells the
    // verdict which failed signatures could have mattered.
    auto computeAlignment = [&](const DmarcRecord &rec, bool usePsl, bool setDkim) {
        Alignment a;
        auto aligned = [&](const std::string &domain, DmarcAlignmentMode mode) {
            if (usePsl)
                return OrgDomain::alignedPsl(r.domain, domain, mode, psl);
            auto ok = org.aligned(r.domain, domain, mode);
            a.temp = a.temp || !ok;
            return ok.value_or(false);
        };
        if (spf.identity == "mailfrom" && !spf.domain.empty() &&
            (spf.result == AuthResult::Pass || spf.result == AuthResult::TempError) &&
            aligned(spf.domain, rec.spfAlignment)) {
            if (spf.result == AuthResult::Pass) {
                a.spf = true;
                a.spfDomain = toLower(spf.domain);
            } else {
                a.temp = true;
            }
        }
        for (auto &d : dkim) {
            if (d.domain.empty() || d.failure == DkimFailure::NotEvaluated)
                continue;
            const bool al = aligned(d.domain, rec.dkimAlignment);
            if (setDkim)
                d.aligned = al;
            if (!al)
                continue;
            if (d.result == AuthResult::TempError)
                a.temp = true;
            if (d.result == AuthResult::Pass && !a.dkim) {
                a.dkim = true;
                a.dkimDomain = toLower(d.domain);
            }
        }
        return a;
    };

    // ---- RFC 9989
    if (walk.tempError) {
        r.result = AuthResult::TempError;
        r.reason = std::string("DNS ") + (walk.failure == DnsStatus::Timeout ? "timeout" : "failure (SERVFAIL)") +
                   " looking up " + walk.failedName;
    } else if (!walk.record) {
        r.result = AuthResult::None;
        r.reason = walk.notes.empty() ? "no DMARC record for " + r.domain
                                      : walk.notes.front() + "; no DMARC policy applies";
        // Still say which identifiers match From (relaxed, the default): a signature by the From
        // domain itself is not "another domain" just because no policy is published.
        Alignment a = computeAlignment(DmarcRecord{}, false, true);
        r.spfAligned = a.spf;
        r.dkimAligned = a.dkim;
    } else {
        DmarcRecord rec = *walk.record;
        r.recordDomain = walk.recordDomain;
        r.record = rec.text;
        r.strictDkim = rec.dkimAlignment == DmarcAlignmentMode::Strict;
        r.strictSpf = rec.spfAlignment == DmarcAlignmentMode::Strict;
        if (!usablePolicy(rec, true)) {
            r.result = AuthResult::None;
            r.reason = "the DMARC record at _dmarc." + walk.recordDomain +
                       " has no valid p= and no valid rua=: DMARC does not apply";
        } else {
            r.domainPolicy = rec.policy;
            r.testing = rec.testing || (rec.pct && *rec.pct < 100);
            // §4.10.1 which policy applies.
            DmarcPolicy applied = rec.policy;
            std::string which = "p=";
            if (walk.recordDomain != r.domain) {
                if (rec.nonExistentPolicy != DmarcPolicy::Unspecified) {
                    Existence e = domainExists(resolver, r.domain);
                    if (e == Existence::NonExistent) {
                        applied = rec.nonExistentPolicy;
                        which = "np= (" + r.domain + " does not exist)";
                    }
                }
                if (which == "p=" && rec.subdomainPolicy != DmarcPolicy::Unspecified) {
                    applied = rec.subdomainPolicy;
                    which = "sp=";
                }
            }
            if (rec.testing)
                applied = softer(applied);
            r.policy = applied;

            Alignment a = computeAlignment(rec, false, true);
            r.spfAligned = a.spf;
            r.dkimAligned = a.dkim;
            if (a.spf || a.dkim) {
                r.result = AuthResult::Pass;
                r.reason = a.dkim ? "DKIM signature by " + a.dkimDomain + " is valid and aligned with From"
                                  : "SPF pass for " + a.spfDomain + " is aligned with From";
            } else if (a.temp) {
                r.result = AuthResult::TempError;
                r.reason = "DNS failure while finding an organisational domain for alignment";
            } else {
                r.result = AuthResult::Fail;
                r.reason = "neither SPF nor DKIM passed aligned with " + r.domain + "; policy " +
                           std::string(dmarcPolicyName(applied)) + " from " + which +
                           (rec.testing ? " (t=y: testing, applied one step softer)" : "");
            }
        }
    }

    // ---- RFC 7489 reading
    Rfc7489Discovery old = org.discoverRfc7489(r.domain);
    AuthResult oldResult = AuthResult::None;
    if (old.tempError) {
        oldResult = AuthResult::TempError;
    } else if (old.record) {
        DmarcRecord rec = *old.record;
        if (usablePolicy(rec, false)) {
            Alignment a = computeAlignment(rec, true, false);
            oldResult = (a.spf || a.dkim) ? AuthResult::Pass : AuthResult::Fail;
        }
    }
    if (!walk.tempError && old.orgDomain != r.orgDomain)
        r.orgDomainPsl = old.orgDomain;
    if (oldResult != r.result)
        r.resultRfc7489 = oldResult;
    if (r.resultRfc7489 && r.result != AuthResult::PermError)
        r.reason += "; RFC 7489 (public suffix list) reading: " + std::string(rfc8601Token(oldResult));
    return r;
}

} // namespace verifier
