#include "Verdict.h"

#include "Strings.h"

#include <algorithm>

namespace verifier {

namespace {

bool sameDomain(std::string_view a, std::string_view b)
{
    auto strip = [](std::string_view s) {
        while (!s.empty() && s.back() == '.')
            s.remove_suffix(1);
        return s;
    };
    return equalsIgnoreCase(strip(a), strip(b));
}

std::string property(const AuthMethodResult &m, std::string_view key)
{
    for (const auto &[k, v] : m.properties) {
        if (equalsIgnoreCase(k, key))
            return v;
    }
    return {};
}

/// The domain named by a DKIM result in an Authentication-Results field: header.d, else the
/// domain part of header.i.
std::string reportedDkimDomain(const AuthMethodResult &m)
{
    std::string d = property(m, "header.d");
    if (d.empty()) {
        std::string i = property(m, "header.i");
        size_t at = i.rfind('@');
        d = at == std::string::npos ? i : i.substr(at + 1);
    }
    return toLower(d);
}

/// Failures that time alone brings to a genuine signature: the key withdrawn, revoked or past
/// x=, an algorithm or key size retired since (RFC 8301). On old mail they say "cannot be
/// verified any more", never "forged" (ARCHITECTURE.md, "Evidence that time has made
/// unverifiable"); on fresh mail they are failures like any other.
bool keyGoneByTime(DkimFailure f)
{
    switch (f) {
    case DkimFailure::KeyNotFound:
    case DkimFailure::KeyRevoked:
    case DkimFailure::Expired:
    case DkimFailure::WeakAlgorithm:
    case DkimFailure::KeyTooSmall:
        return true;
    case DkimFailure::None:
    case DkimFailure::SignatureSyntax:
    case DkimFailure::MissingTag:
    case DkimFailure::UnsupportedVersion:
    case DkimFailure::UnsupportedAlgorithm:
    case DkimFailure::UnsupportedCanonicalization:
    case DkimFailure::UnsupportedQueryMethod:
    case DkimFailure::FromNotSigned:
    case DkimFailure::InvalidDomain:
    case DkimFailure::IdentityMismatch:
    case DkimFailure::FutureTimestamp:
    case DkimFailure::TimestampOrder:
    case DkimFailure::KeyUnavailable:
    case DkimFailure::KeySyntax:
    case DkimFailure::KeyAlgorithmMismatch:
    case DkimFailure::KeyHashNotAllowed:
    case DkimFailure::KeyServiceType:
    case DkimFailure::KeyStrictSubdomain:
    case DkimFailure::BodyLengthExceeded:
    case DkimFailure::BodyHashMismatch:
    case DkimFailure::SignatureMismatch:
    case DkimFailure::NotEvaluated:
        return false;
    }
    return false;
}

/// YYYY-MM-DD (UTC) of a Unix time (civil-from-days, proleptic Gregorian calendar).
std::string isoDate(int64_t unixSeconds)
{
    int64_t z = (unixSeconds >= 0 ? unixSeconds : unixSeconds - 86399) / 86400 + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    auto pad = [](int64_t v, size_t width) {
        std::string t = std::to_string(v);
        return t.size() < width ? std::string(width - t.size(), '0') + t : t;
    };
    return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2);
}

/// A finding whose English text (CLI, logs) ends with a detail in parentheses that is not one of
/// its arguments: arguments are data (domains, counts, codes) that a translation may embed;
/// English prose such as a verifier reason stays out of them.
Finding withDetail(Finding f, const std::string &detail)
{
    if (!detail.empty())
        f.text += " (" + detail + ")";
    return f;
}

void addOnce(std::vector<Finding> &list, Finding f)
{
    for (const Finding &x : list) {
        if (x.code == f.code && x.args == f.args)
            return;
    }
    list.push_back(std::move(f));
}


/// RFC 8301 (January 2018) retired rsa-sha1 and keys under 1024 bits: verifiers had accepted them
/// before. A provider that still reported pass for them later was lenient, not overtaken by time.
constexpr int64_t kRfc8301 = 1514764800; // 2018-01-01T00:00:00Z

bool retiredByPolicy(DkimFailure f) { return f == DkimFailure::WeakAlgorithm || f == DkimFailure::KeyTooSmall; }

bool retiredByTime(const DkimResult &k, std::optional<int64_t> arrival)
{
    if (!keyGoneByTime(k.failure))
        return false;
    // An rsa-sha1 signature made after RFC 8301 never verified, whatever became of its key.
    if (equalsIgnoreCase(k.algorithm, "rsa-sha1") && (!arrival || *arrival >= kRfc8301))
        return false;
    return !retiredByPolicy(k.failure) || (arrival && *arrival < kRfc8301);
}

enum class ReportedPolicy { Enforcing, NotEnforcing, Unknown };

/// The policy a trusted dmarc=fail was reported under: policy.dmarc (RFC 8601),
/// policy.published-domain-policy (Fastmail), action= (Microsoft 365: reject, quarantine, oreject
/// = overridden), else a "p=..." comment after the method (Gmail: "(p=REJECT sp=REJECT dis=NONE)",
/// rspamd: "(policy=none)"), else unknown.
ReportedPolicy reportedPolicy(const AuthMethodResult &m, std::string_view rawField)
{
    for (const char *key : {"policy.dmarc", "policy.published-domain-policy", "action"}) {
        const std::string v = toLower(property(m, key));
        if (v.empty())
            continue;
        if (v == "reject" || v == "quarantine" || v == "oreject" || v == "oquarantine")
            return ReportedPolicy::Enforcing;
        if (v == "none")
            return ReportedPolicy::NotEnforcing;
    }
    const std::string raw = toLower(rawField);
    const size_t at = raw.find("dmarc=fail");
    if (at == std::string::npos)
        return ReportedPolicy::Unknown;
    const size_t end = std::min(raw.find(';', at), raw.size());
    const std::string segment = raw.substr(at, end - at);
    for (const char *p : {"(p=", " p=", "(policy="}) {
        const size_t q = segment.find(p);
        if (q == std::string::npos)
            continue;
        const std::string_view v = std::string_view(segment).substr(q + std::string_view(p).size());
        if (v.rfind("reject", 0) == 0 || v.rfind("quarantine", 0) == 0)
            return ReportedPolicy::Enforcing;
        if (v.rfind("none", 0) == 0)
            return ReportedPolicy::NotEnforcing;
    }
    return ReportedPolicy::Unknown;
}

/// What the user's provider recorded at delivery, from the trusted Authentication-Results fields.
struct TrustedReports
{
    struct Item
    {
        std::string authservId;
        const AuthMethodResult *method;
        const std::string *rawField;
    };
    std::vector<Item> dmarc; ///< for the From domain (or naming none)
    std::vector<Item> dkim;
    std::vector<std::string> arcPassBy; ///< ids that reported arc=pass
    int untrusted = 0;
    std::string untrustedWhy, untrustedId;
};

TrustedReports readTrustedReports(const Report &r, bool fromOne)
{
    TrustedReports t;
    for (const AuthResultsHeader &h : r.authenticationResults) {
        if (!h.trusted) {
            ++t.untrusted;
            if (t.untrustedWhy.empty()) {
                t.untrustedWhy = h.trustReason;
                t.untrustedId = h.authservId;
            }
            continue;
        }
        // A field without an authserv-id (Microsoft 365) is named by the profile that vouched for it.
        const std::string id = !h.authservId.empty() ? h.authservId : !r.provider.empty() ? r.provider : std::string("-");
        for (const AuthMethodResult &m : h.methods) {
            if (equalsIgnoreCase(m.method, "dmarc")) {
                std::string hf = property(m, "header.from");
                if (hf.empty() || (fromOne && sameDomain(hf, r.from.domain)))
                    t.dmarc.push_back({id, &m, &h.raw});
            } else if (equalsIgnoreCase(m.method, "dkim")) {
                t.dkim.push_back({id, &m, &h.raw});
            } else if (equalsIgnoreCase(m.method, "arc") && equalsIgnoreCase(m.result, "pass")) {
                t.arcPassBy.push_back(id);
            }
        }
    }
    return t;
}

/// The report names this signature: same d= (header.d, else the domain of header.i), and the
/// same s= and start of b= where the report gives them (RFC 6008).
bool reportNames(const AuthMethodResult &m, const DkimResult &k)
{
    if (!sameDomain(k.domain, reportedDkimDomain(m)))
        return false;
    const std::string s = property(m, "header.s");
    if (!s.empty() && !equalsIgnoreCase(s, k.selector))
        return false;
    const std::string b = property(m, "header.b");
    if (b.size() >= 8 && !k.signatureStart.empty()) {
        const size_t n = std::min(b.size(), k.signatureStart.size());
        if (b.compare(0, n, k.signatureStart, 0, n) != 0)
            return false;
    }
    return true;
}

/// Data for PartialDkimCoverage: unsigned body bytes after l=, unsigned header field names.
std::vector<std::string> partialArgs(const DkimResult &k)
{
    std::string fields;
    for (const auto &n : k.unsignedInstances)
        fields += (fields.empty() ? "" : " ") + n;
    const auto bytes = k.bodyLengthLimit && *k.bodyLengthLimit < k.bodyLength ? k.bodyLength - *k.bodyLengthLimit : 0;
    return {k.domain, std::to_string(bytes), fields};
}

} // namespace

void decideVerdict(Report &r, const VerdictInputs &inputs)
{
    std::vector<Finding> forged, suspicious, notChecked, authenticated, unauthenticated, warnings;
    const FromInfo &from = r.from;
    const bool fromOne = from.kind == AddressListKind::One && from.address.has_value();
    std::string via;
    bool userException = false;

    // --- From: one parse, one identity.
    switch (from.kind) {
    case AddressListKind::One:
        break;
    case AddressListKind::None:
        if (from.fieldCount == 0)
            unauthenticated.push_back(makeFinding(FindingCode::FromMissing));
        else
            suspicious.push_back(withDetail(makeFinding(FindingCode::FromInvalid), from.problem.empty() ? "empty" : from.problem));
        break;
    case AddressListKind::Several:
        if (from.fieldCount > 1)
            forged.push_back(makeFinding(FindingCode::MultipleFromFields, {std::to_string(from.fieldCount)}));
        else
            forged.push_back(makeFinding(FindingCode::MultipleFromMailboxes));
        break;
    case AddressListKind::Ambiguous:
        if (from.competingFromNames.empty()) // else FieldReadAsFrom below says it better
            forged.push_back(withDetail(makeFinding(FindingCode::FromAmbiguous), from.problem));
        break;
    case AddressListKind::Invalid:
        // Strict RFC 5322 cannot read it, yet mail programs show something: the two readings
        // differ, which ARCHITECTURE.md counts as forged.
        forged.push_back(withDetail(makeFinding(FindingCode::FromInvalid), from.problem));
        break;
    }
    // A field lenient programs read as From competes with the real one, above or below it.
    for (const std::string &name : from.competingFromNames)
        addOnce(forged, makeFinding(FindingCode::FieldReadAsFrom, {name}));
    if (from.hasDeceptiveCharacters)
        addOnce(suspicious, makeFinding(FindingCode::DeceptiveCharacters, {from.header}));
    for (const Finding &f : inputs.forged)
        addOnce(forged, f);

    // --- Trusted Authentication-Results: what the user's provider recorded at delivery.
    const TrustedReports reports = readTrustedReports(r, fromOne);
    if (reports.untrusted > 0)
        warnings.push_back(withDetail(makeFinding(FindingCode::UntrustedAuthResults,
                                                  {std::to_string(reports.untrusted), reports.untrustedId}),
                                      reports.untrustedWhy));

    // --- Fresh or old: the date of the trust-boundary hop, written by the provider.
    std::optional<int64_t> arrival;
    if (r.boundaryHop >= 0 && size_t(r.boundaryHop) < r.received.size())
        arrival = r.received[size_t(r.boundaryHop)].time;
    const bool oldMail = arrival && r.verifiedAt - *arrival > inputs.freshSeconds;

    // --- DKIM, each signature against what the provider reported for it.
    const DkimResult *wholeDkim = nullptr, *partialDkim = nullptr, *acceptedDkim = nullptr, *otherSigner = nullptr;
    const DkimResult *retired = nullptr;      // aligned, unverifiable because of time (old mail)
    std::string reportedDkimPassBy;           // a trusted report of pass stands in for `retired`
    for (const DkimResult &k : r.dkim) {
        if (k.keyChanged)
            addOnce(warnings, makeFinding(FindingCode::KeyChanged, {k.domain, k.selector}));
        if (k.pinnedKeyChanged)
            addOnce(warnings, makeFinding(FindingCode::PinnedKeyChanged, {k.domain, k.selector}));
        std::string reportedPass, reportedFail;
        for (const auto &rep : reports.dkim) {
            if (!reportNames(*rep.method, k))
                continue;
            if (equalsIgnoreCase(rep.method->result, "pass"))
                reportedPass = rep.authservId;
            else if (equalsIgnoreCase(rep.method->result, "fail"))
                reportedFail = rep.authservId;
        }
        if (k.result != AuthResult::Pass) {
            if (k.aligned && retiredByTime(k, arrival) && oldMail) {
                if (!retired || (!reportedPass.empty() && reportedDkimPassBy.empty()))
                    retired = &k;
                if (!reportedPass.empty() && reportedDkimPassBy.empty())
                    reportedDkimPassBy = reportedPass;
            } else if (!reportedPass.empty() && k.result == AuthResult::Fail && !retiredByPolicy(k.failure)) {
                // Fresh mail, or a failure time cannot explain: the report never stands in.
                addOnce(suspicious, withDetail(makeFinding(FindingCode::SourcesDisagree,
                                                           {"dkim-reported-pass", reportedPass, k.domain}),
                                               k.reason));
            }
            continue;
        }
        if (!reportedFail.empty()) { // the weaker result wins
            addOnce(warnings, makeFinding(FindingCode::SourcesDisagree, {"dkim-reported-fail", reportedFail, k.domain}));
            continue;
        }
        // Key memory (set by the app): a remembered key vouches only for mail that arrived while
        // it was published, judged by the trusted hop's time, never by Date.
        if (k.rememberedKeySince) {
            const int64_t since = *k.rememberedKeySince;
            if (!arrival || !rememberedKeyCoversArrival(since, k.rememberedKeyLastSeen.value_or(since), *arrival)) {
                addOnce(suspicious, makeFinding(FindingCode::RememberedKeyNotAccepted, {k.domain, isoDate(since)}));
                continue;
            }
            addOnce(warnings, makeFinding(FindingCode::VerifiedWithRememberedKey, {k.domain, k.selector, isoDate(since)}));
        }
        if (k.keyBits > 0 && k.keyBits < 2048 && k.keyType == "rsa")
            addOnce(warnings, makeFinding(FindingCode::WeakKey, {k.domain, std::to_string(k.keyBits)}));
        if (k.testing)
            addOnce(warnings, makeFinding(FindingCode::KeyTesting, {k.domain}));
        if (!k.aligned) {
            // A signer the user accepted for this From domain counts only when it covers everything.
            if (k.acceptedSigner && k.coversWholeMessage() && fromOne && !acceptedDkim)
                acceptedDkim = &k;
            else if (!k.acceptedSigner)
                addOnce(warnings, makeFinding(FindingCode::ReportedOnly, {k.domain}));
            if (!otherSigner)
                otherSigner = &k;
            continue;
        }
        if (k.coversWholeMessage()) {
            if (!wholeDkim)
                wholeDkim = &k;
        } else if (!partialDkim) {
            partialDkim = &k;
        }
    }

    const bool spfAlignedPass = r.dmarc && r.dmarc->spfAligned && r.spf && r.spf->result == AuthResult::Pass;
    const bool arcOverride = r.arc && r.arc->result == AuthResult::Pass && r.arc->trustedDmarcPass;
    std::string reportedDmarcPassBy;
    for (const auto &rep : reports.dmarc)
        if (equalsIgnoreCase(rep.method->result, "pass"))
            reportedDmarcPassBy = rep.authservId;
    // Old mail: SPF records and addresses change too, so a trusted dmarc=pass stands in where the
    // recomputation finds nothing that passes, unless an aligned signature shows the message was
    // changed (what time cannot explain).
    bool changedAfterSigning = false;
    for (const DkimResult &k : r.dkim)
        changedAfterSigning = changedAfterSigning || (k.aligned && (k.failure == DkimFailure::BodyHashMismatch ||
                                                                    k.failure == DkimFailure::SignatureMismatch));
    const bool reportedPassForOldMail = oldMail && !reportedDmarcPassBy.empty() && !changedAfterSigning;
    // Old mail whose aligned signature time has retired: a trusted report of pass stands in,
    // labelled; without one nothing is proven either way.
    auto standInForRetired = [&]() {
        if (!reportedDkimPassBy.empty()) {
            authenticated.push_back(makeFinding(FindingCode::DkimPassReported, {retired->domain, reportedDkimPassBy}));
        } else if (!reportedDmarcPassBy.empty()) {
            authenticated.push_back(makeFinding(FindingCode::DmarcPassReported, {reportedDmarcPassBy}));
        } else {
            unauthenticated.push_back(makeFinding(FindingCode::NoLongerVerifiable,
                                                  {retired->domain, std::string(dkimFailureName(retired->failure))}));
        }
    };

    // --- DMARC (recomputed).
    if (r.dmarc && fromOne) {
        const DmarcResult &d = *r.dmarc;
        switch (d.result) {
        case AuthResult::Pass:
            if (wholeDkim)
                authenticated.push_back(makeFinding(FindingCode::DmarcPassDkim, {wholeDkim->domain}));
            if (spfAlignedPass)
                authenticated.push_back(makeFinding(FindingCode::DmarcPassSpf, {r.spf->domain}));
            if (!wholeDkim && !spfAlignedPass && partialDkim)
                suspicious.push_back(makeFinding(FindingCode::PartialDkimCoverage, partialArgs(*partialDkim)));
            break;
        case AuthResult::Fail:
        case AuthResult::SoftFail:
            if (arcOverride) {
                authenticated.push_back(makeFinding(FindingCode::ArcOverride, {r.arc->overrideSealer}));
                via = r.arc->overrideSealer;
            } else if (retired) {
                standInForRetired();
            } else if (reportedPassForOldMail) {
                authenticated.push_back(makeFinding(FindingCode::DmarcPassReported, {reportedDmarcPassBy}));
            } else if ((d.policy == DmarcPolicy::Quarantine || d.policy == DmarcPolicy::Reject) && !d.testing) {
                forged.push_back(
                    makeFinding(FindingCode::DmarcFailEnforced, {d.domain, std::string(dmarcPolicyName(d.policy))}));
            } else {
                // p=none: the owner does not enforce; a user's exception never turns this green.
                suspicious.push_back(makeFinding(FindingCode::DmarcFailNoPolicy, {d.domain}));
            }
            if (!reportedDmarcPassBy.empty() && !retired && !arcOverride && !reportedPassForOldMail)
                addOnce(suspicious, makeFinding(FindingCode::SourcesDisagree, {"dmarc-reported-pass", reportedDmarcPassBy}));
            break;
        case AuthResult::None:
            // No policy: a signature by the From domain itself still proves it sent the message;
            // an SPF pass alone was never declared by the owner as authenticating From.
            if (wholeDkim) {
                authenticated.push_back(makeFinding(FindingCode::AlignedWithoutPolicy, {"dkim", wholeDkim->domain}));
            } else if (retired) {
                standInForRetired();
            } else if (reportedPassForOldMail) {
                authenticated.push_back(makeFinding(FindingCode::DmarcPassReported, {reportedDmarcPassBy}));
            } else if (partialDkim) {
                suspicious.push_back(makeFinding(FindingCode::PartialDkimCoverage, partialArgs(*partialDkim)));
            } else {
                unauthenticated.push_back(makeFinding(FindingCode::NoDmarcRecord, {from.domain}));
                if (acceptedDkim) {
                    // Otherwise unauthenticated mail only: the user's exception, shown as such.
                    authenticated.push_back(makeFinding(FindingCode::AcceptedSigner, {acceptedDkim->domain, from.domain}));
                    userException = true;
                    via = acceptedDkim->domain;
                }
            }
            break;
        case AuthResult::TempError:
            notChecked.push_back(withDetail(makeFinding(FindingCode::NotCheckedDns, {"DMARC", d.domain, "temperror"}),
                                            d.reason));
            break;
        case AuthResult::PermError:
        case AuthResult::Neutral:
        case AuthResult::Policy:
            unauthenticated.push_back(makeFinding(FindingCode::Other, {"DMARC: " + d.reason}));
            break;
        }
    }

    // --- A trusted report of DMARC fail: the weaker verdict wins, unless the provider itself
    //     found an ARC chain (arc=pass) in which a forwarder the user trusts recorded a pass.
    for (const auto &rep : reports.dmarc) {
        if (!equalsIgnoreCase(rep.method->result, "fail") || arcOverride)
            continue;
        const bool providerSawArc = std::find(reports.arcPassBy.begin(), reports.arcPassBy.end(), rep.authservId) !=
                                    reports.arcPassBy.end();
        if (providerSawArc && !inputs.arcSealerRecordedPass.empty()) {
            addOnce(authenticated,
                    makeFinding(FindingCode::ArcDmarcPassReported, {inputs.arcSealerRecordedPass, rep.authservId}));
            via = inputs.arcSealerRecordedPass;
            // The recomputation failing is what ARC explains: not a forgery.
            std::erase_if(forged, [](const Finding &f) { return f.code == FindingCode::DmarcFailEnforced; });
            std::erase_if(suspicious, [](const Finding &f) { return f.code == FindingCode::DmarcFailNoPolicy; });
            continue;
        }
        // Forged only under a policy known to be enforcing: reported with the result, else the
        // one Sealcheck found published now.
        ReportedPolicy policy = reportedPolicy(*rep.method, *rep.rawField);
        if (policy == ReportedPolicy::Unknown && r.dmarc && r.dmarc->result != AuthResult::None &&
            r.dmarc->result != AuthResult::TempError && !r.dmarc->record.empty())
            policy = (r.dmarc->policy == DmarcPolicy::Quarantine || r.dmarc->policy == DmarcPolicy::Reject) &&
                             !r.dmarc->testing
                         ? ReportedPolicy::Enforcing
                         : ReportedPolicy::NotEnforcing;
        if (policy == ReportedPolicy::Enforcing)
            addOnce(forged, makeFinding(FindingCode::ReportedDmarcFail, {rep.authservId}));
        else
            addOnce(suspicious, makeFinding(FindingCode::ReportedDmarcFail, {rep.authservId}));
    }

    // --- S/MIME and OpenPGP: "good" is strict (valid, trusted, names From, covers everything).
    auto weighSignature = [&](const std::optional<SignatureResult> &sig, const char *kind, FindingCode validCode) {
        if (!sig)
            return;
        switch (sig->result) {
        case AuthResult::Pass:
            if (!sig->matchesFrom) {
                forged.push_back(makeFinding(FindingCode::SignatureOtherIdentity, {kind, sig->signer}));
            } else if (!sig->trusted) {
                warnings.push_back(makeFinding(FindingCode::Other,
                                               {std::string("The ") + kind + " signature is valid but not trusted: " +
                                                sig->reason}));
            } else if (!sig->coversWholeBody) {
                std::string parts;
                for (const auto &p : sig->unsignedParts)
                    parts += (parts.empty() ? "" : ", ") + p;
                // args: the kind, how many parts are unsigned; their descriptions are English prose.
                Finding f = makeFinding(FindingCode::PartialSignature,
                                        {kind, std::to_string(std::max<size_t>(1, sig->unsignedParts.size()))});
                f.text = "The " + std::string(kind) + " signature covers only part of the message; unsigned: " + parts;
                suspicious.push_back(std::move(f));
            } else {
                authenticated.push_back(makeFinding(validCode, {sig->signer}));
            }
            break;
        case AuthResult::Fail:
        case AuthResult::PermError:
            forged.push_back(withDetail(makeFinding(FindingCode::SignatureInvalid, {kind}), sig->reason));
            break;
        case AuthResult::TempError:
            // Checked again it may prove a forgery: not a verdict.
            notChecked.push_back(withDetail(makeFinding(FindingCode::SignatureTemporaryError, {kind}), sig->reason));
            break;
        case AuthResult::None:
        case AuthResult::Neutral:
        case AuthResult::SoftFail:
        case AuthResult::Policy:
            warnings.push_back(makeFinding(FindingCode::Other, {std::string(kind) + ": " + sig->reason}));
            break;
        }
    };
    weighSignature(r.smime, "S/MIME", FindingCode::SmimeValid);
    weighSignature(r.pgp, "OpenPGP", FindingCode::PgpValid);

    for (const Finding &f : inputs.suspicious)
        addOnce(suspicious, f);
    for (const Finding &f : inputs.notChecked)
        addOnce(notChecked, f);
    for (const Finding &f : inputs.warnings)
        addOnce(warnings, f);

    // --- Decide: proof of forgery first; then signs of deception; then a check that could not
    //     run (it might have proven a forgery); then what authenticates.
    r.reasons.clear();
    r.authenticatedDomain.clear();
    r.via.clear();
    r.userException = false;
    if (!forged.empty()) {
        r.verdict = Verdict::Forged;
        r.reasons = std::move(forged);
        r.reasons.insert(r.reasons.end(), suspicious.begin(), suspicious.end());
    } else if (!suspicious.empty()) {
        r.verdict = Verdict::Suspicious;
        r.reasons = std::move(suspicious);
        r.reasons.insert(r.reasons.end(), notChecked.begin(), notChecked.end());
    } else if (!notChecked.empty()) {
        r.verdict = Verdict::NotChecked;
        r.reasons = std::move(notChecked);
    } else if (!authenticated.empty() && fromOne) {
        r.verdict = Verdict::Authenticated;
        r.reasons = std::move(authenticated);
        r.authenticatedDomain = from.domain;
        r.userException = userException;
        if (via.empty() && otherSigner)
            via = otherSigner->domain;
        if (via.empty() && r.spf && r.spf->result == AuthResult::Pass && r.dmarc && !r.dmarc->spfAligned)
            via = r.spf->domain;
        if (!sameDomain(via, from.domain))
            r.via = toLower(via);
    } else {
        r.verdict = Verdict::Unauthenticated;
        r.reasons = std::move(unauthenticated);
        if (r.reasons.empty())
            r.reasons.push_back(makeFinding(FindingCode::NothingAuthenticates));
    }
    for (Finding &w : warnings)
        addOnce(r.warnings, std::move(w));
}

} // namespace verifier
