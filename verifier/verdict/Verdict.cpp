#include "Verdict.h"

#include "Strings.h"

#include <algorithm>

namespace verifier {

namespace {

std::string arg(const std::vector<std::string> &args, size_t i)
{
    return i < args.size() ? args[i] : std::string();
}

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

bool keyGoneByTime(DkimFailure f)
{
    switch (f) {
    case DkimFailure::KeyNotFound:
    case DkimFailure::KeyRevoked:
    case DkimFailure::Expired:
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
    case DkimFailure::WeakAlgorithm:
    case DkimFailure::KeyUnavailable:
    case DkimFailure::KeySyntax:
    case DkimFailure::KeyTooSmall:
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

} // namespace

std::string findingText(FindingCode code, const std::vector<std::string> &a)
{
    switch (code) {
    case FindingCode::DmarcPassDkim:
        return "DMARC pass: the DKIM signature by " + arg(a, 0) + " is valid, covers the whole message and matches the From domain";
    case FindingCode::DmarcPassSpf:
        return "DMARC pass: the sending server is authorised by the SPF record of " + arg(a, 0) + ", which matches the From domain";
    case FindingCode::DmarcPassReported:
        return "DMARC pass reported by your provider " + arg(a, 0) +
               " at delivery; it cannot be recomputed now because the sender's DKIM key was withdrawn since";
    case FindingCode::SmimeValid:
        return "S/MIME signature by " + arg(a, 0) + " is valid, trusted, and covers the whole message";
    case FindingCode::PgpValid:
        return "OpenPGP signature by " + arg(a, 0) + " is valid, from a key you trust, and covers the whole message";
    case FindingCode::DmarcFailEnforced:
        return "DMARC fail: nothing proves this message comes from " + arg(a, 0) + ", whose owner asks receivers to " +
               (arg(a, 1) == "reject" ? "reject" : "quarantine") + " such mail";
    case FindingCode::SignatureInvalid:
        return "The " + arg(a, 0) + " signature is invalid: the message was changed after signing, or the signature is broken";
    case FindingCode::SignatureOtherIdentity:
        return "The " + arg(a, 0) + " signature belongs to " + arg(a, 1) + ", not to the sender shown in From";
    case FindingCode::MultipleFromFields:
        return "The message has " + arg(a, 0) + " From fields; mail programs may show a different one from the one checked";
    case FindingCode::MultipleFromMailboxes:
        return "The From field names several senders; only one can be checked";
    case FindingCode::FromAmbiguous:
        return "The From field can be read in two ways; it is built to fool mail programs";
    case FindingCode::FromMissing:
        return "The message has no From field";
    case FindingCode::FromInvalid:
        return "The From field cannot be read as an e-mail address";
    case FindingCode::ReportedDmarcFail:
        return "Your provider " + arg(a, 0) + " reported that DMARC failed for this message";
    case FindingCode::DmarcFailNoPolicy:
        return "DMARC fail: nothing proves this message comes from " + arg(a, 0) +
               " (its owner only monitors, so it was delivered anyway)";
    case FindingCode::DisplayNameAddress:
        return "The sender's name shows " + arg(a, 0) + ", but the message comes from " + arg(a, 1);
    case FindingCode::LookalikeDomain:
        return "The sender's domain " + arg(a, 0) + " looks like " + arg(a, 1) + " but is a different domain";
    case FindingCode::DeceptiveCharacters:
        return "The sender contains invisible, control or direction-changing characters: " + arg(a, 0);
    case FindingCode::PartialSignature:
        return "The " + arg(a, 0) + " signature covers only part of the message; unsigned parts: " + arg(a, 1);
    case FindingCode::SourcesDisagree:
        // args: what disagrees (a code), the authserv-id, the signing domain
        if (arg(a, 0) == "dkim-reported-pass")
            return "Your provider's report and Sealcheck's own check disagree: " + arg(a, 1) +
                   " reported the DKIM signature by " + arg(a, 2) + " as valid, but it does not verify";
        if (arg(a, 0) == "dkim-reported-fail")
            return "Your provider's report and Sealcheck's own check disagree: " + arg(a, 1) +
                   " reported the DKIM signature by " + arg(a, 2) + " as failed; Sealcheck does not count it";
        return "Your provider's report and Sealcheck's own check disagree: " + arg(a, 1) +
               " reported DMARC pass, but Sealcheck's own check fails";
    case FindingCode::ReplyToOtherOrganisation:
        return "Replies go to " + arg(a, 0) + ", another organisation than the sender " + arg(a, 1);
    case FindingCode::SenderOtherOrganisation:
        return "The Sender field names " + arg(a, 0) + ", another organisation than From";
    case FindingCode::PartialDkimCoverage: {
        // args: domain, unsigned body bytes after l=, unsigned header field names (space-separated)
        std::string why;
        if (arg(a, 1) != "0" && !arg(a, 1).empty())
            why = arg(a, 1) + " body bytes after l= are not signed";
        if (!arg(a, 2).empty())
            why += (why.empty() ? "" : "; ") + std::string("unsigned header fields: ") + arg(a, 2);
        return "The DKIM signature by " + arg(a, 0) + " covers only part of the message (" + why + ")";
    }
    case FindingCode::ArcOverride:
        return "DMARC failed after forwarding, but " + arg(a, 0) +
               ", a forwarder you trust, recorded that it passed when the message reached it";
    case FindingCode::NothingAuthenticates:
        return "Nothing proves who sent this message";
    case FindingCode::NoDmarcRecord:
        return arg(a, 0) + " publishes no DMARC policy, so its mail cannot be authenticated";
    case FindingCode::DmarcTemporaryError:
        return "DMARC could not be checked now (DNS error); try again later";
    case FindingCode::WeakKey:
        return "The DKIM key of " + arg(a, 0) + " is only " + arg(a, 1) + " bits";
    case FindingCode::KeyTesting:
        return "The DKIM key of " + arg(a, 0) + " is marked as in testing";
    case FindingCode::DnsNotSecure:
        return "DNS answers were not protected by DNSSEC";
    case FindingCode::HeaderAnomalies:
        return "The header contains malformed lines (" + arg(a, 0) + ")";
    case FindingCode::UntrustedAuthResults:
        // args: the count, the authserv-id of the first one
        return arg(a, 0) + (arg(a, 0) == "1" ? " Authentication-Results field was not trusted"
                                              : " Authentication-Results fields were not trusted");
    case FindingCode::ReportedOnly:
        return "Signed by " + arg(a, 0) + ", which is not the From domain; this does not vouch for the sender";
    case FindingCode::TimeExplainsDisagreement:
        // args: signing domain, authserv-id, the DKIM failure code
        return "The DKIM signature by " + arg(a, 0) + " was valid when " + arg(a, 1) +
               " received the message; its key has been withdrawn or expired since (" + arg(a, 2) + ")";
    case FindingCode::SignatureTemporaryError:
        return "The " + arg(a, 0) + " signature could not be checked now";
    case FindingCode::DnsLimitReached:
        return arg(a, 1) == "time"
            ? "DNS lookups for this message stopped after " + arg(a, 0) +
                  " ms of waiting; checks that needed more report a temporary error"
            : "DNS lookups for this message stopped at the limit of " + arg(a, 0) +
                  " queries; checks that needed more report a temporary error";
    case FindingCode::VerifiedWithRememberedKey:
        return "The DKIM key of " + arg(a, 0) + " (selector " + arg(a, 1) +
               ") is no longer published; the signature was verified with the key published on " + arg(a, 2) +
               ", which Sealcheck remembered";
    case FindingCode::KeyChanged:
        return "The DKIM key of " + arg(a, 0) + " (selector " + arg(a, 1) +
               ") differs from the one Sealcheck saw there before";
    case FindingCode::PinnedKeyChanged:
        return "The DKIM key of " + arg(a, 0) + " (selector " + arg(a, 1) + ") differs from the key you pinned";
    case FindingCode::ExpectedSignatureMissing:
        return arg(a, 0) + " always signs its mail, but this message has no valid DKIM signature by it";
    case FindingCode::AcceptedSigner:
        return "Signed by " + arg(a, 0) + ", which you accepted as the sending service of " + arg(a, 1) +
               "; the signature is valid and covers the whole message";
    case FindingCode::RememberedKeyNotAccepted:
        return "The DKIM signature by " + arg(a, 0) + " verifies only with a key Sealcheck remembered from " + arg(a, 1) +
               ", which was not published when this message arrived; it does not count";
    case FindingCode::DkimPassReported:
        return "Your provider " + arg(a, 1) + " reported at delivery that the DKIM signature by " + arg(a, 0) +
               " was valid; it cannot be recomputed now";
    case FindingCode::NoLongerVerifiable:
        return "The DKIM signature by " + arg(a, 0) + " can no longer be verified (" + arg(a, 1) +
               "); the message is too old for that to count against it";
    case FindingCode::ArcDmarcPassReported:
        return "DMARC failed after forwarding, but your provider " + arg(a, 1) + " found that " + arg(a, 0) +
               ", a forwarder you trust, recorded a pass";
    case FindingCode::NotCheckedDns:
        return "Not checked: " + arg(a, 0) + " could not be looked up (" + arg(a, 2) + " for " + arg(a, 1) +
               "); try again later";
    case FindingCode::NotCheckedLimit:
        return "Not checked: " + arg(a, 0) + " stopped at the limit of " + arg(a, 1) + "; try again later";
    case FindingCode::FieldReadAsFrom:
        return "A header field named \"" + arg(a, 0) +
               "\" is read as From by some mail programs; they may show another sender than the one checked";
    case FindingCode::CommentAddress:
        return "A comment in From shows " + arg(a, 0) + ", but the message comes from " + arg(a, 1);
    case FindingCode::KnownDomainEmbedded:
        return "The sender " + arg(a, 0) + " contains " + arg(a, 1) + ", a domain you know, but belongs to another domain";
    case FindingCode::MixedScriptDomain:
        return "The sender's domain " + arg(a, 0) + " mixes alphabets or imitates another name (" + arg(a, 1) + ")";
    case FindingCode::Other:
        return arg(a, 0);
    }
    return arg(a, 0);
}

Finding makeFinding(FindingCode code, std::vector<std::string> args)
{
    Finding f;
    f.code = code;
    f.text = findingText(code, args);
    f.args = std::move(args);
    return f;
}

void decideVerdict(Report &r, const VerdictInputs &inputs)
{
    std::vector<Finding> forged, suspicious, authenticated, unauthenticated, warnings;
    const FromInfo &from = r.from;
    const bool fromOne = from.kind == AddressListKind::One && from.address.has_value();

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

    // --- Trusted Authentication-Results: what the user's provider recorded at delivery.
    struct Reported
    {
        std::string authservId;
        const AuthMethodResult *method;
    };
    std::vector<Reported> reportedDmarc, reportedDkim;
    int untrusted = 0;
    std::string untrustedWhy, untrustedId;
    for (const AuthResultsHeader &h : r.authenticationResults) {
        if (!h.trusted) {
            ++untrusted;
            if (untrustedWhy.empty()) {
                untrustedWhy = h.trustReason;
                untrustedId = h.authservId;
            }
            continue;
        }
        for (const AuthMethodResult &m : h.methods) {
            if (equalsIgnoreCase(m.method, "dmarc")) {
                std::string hf = property(m, "header.from");
                if (hf.empty() || (fromOne && sameDomain(hf, from.domain)))
                    reportedDmarc.push_back({h.authservId, &m});
            } else if (equalsIgnoreCase(m.method, "dkim")) {
                reportedDkim.push_back({h.authservId, &m});
            }
        }
    }
    if (untrusted > 0)
        warnings.push_back(withDetail(makeFinding(FindingCode::UntrustedAuthResults, {std::to_string(untrusted), untrustedId}),
                                      untrustedWhy));

    // --- DKIM, compared with what the provider reported for the same signing domain.
    std::vector<bool> contradicted(r.dkim.size(), false);
    bool timeExplainsDkim = false;
    for (const Reported &rep : reportedDkim) {
        const std::string d = reportedDkimDomain(*rep.method);
        const std::string s = property(*rep.method, "header.s");
        for (size_t i = 0; i < r.dkim.size(); ++i) {
            const DkimResult &k = r.dkim[i];
            if (!sameDomain(k.domain, d) || (!s.empty() && !equalsIgnoreCase(s, k.selector)))
                continue;
            const bool reportedPass = equalsIgnoreCase(rep.method->result, "pass");
            const bool reportedFail = equalsIgnoreCase(rep.method->result, "fail");
            if (reportedPass && k.result != AuthResult::Pass) {
                if (keyGoneByTime(k.failure)) {
                    timeExplainsDkim = true;
                    addOnce(warnings,
                            makeFinding(FindingCode::TimeExplainsDisagreement,
                                        {k.domain, rep.authservId, std::string(dkimFailureName(k.failure))}));
                } else if (k.result == AuthResult::Fail) {
                    addOnce(suspicious,
                            withDetail(makeFinding(FindingCode::SourcesDisagree,
                                                   {"dkim-reported-pass", rep.authservId, k.domain}),
                                       k.reason));
                }
            } else if (reportedFail && k.result == AuthResult::Pass) {
                contradicted[i] = true; // the weaker result wins
                addOnce(warnings, makeFinding(FindingCode::SourcesDisagree, {"dkim-reported-fail", rep.authservId, k.domain}));
            }
        }
    }

    // Key memory (set by the app): a remembered key vouches only for mail that arrived while it was
    // published (rememberedKeyCoversArrival), judged by the trusted hop's time, never by Date.
    std::optional<int64_t> arrival;
    if (r.boundaryHop >= 0 && size_t(r.boundaryHop) < r.received.size())
        arrival = r.received[size_t(r.boundaryHop)].time;
    const DkimResult *wholeDkim = nullptr;
    const DkimResult *partialDkim = nullptr;
    const DkimResult *acceptedDkim = nullptr;
    for (size_t i = 0; i < r.dkim.size(); ++i) {
        const DkimResult &k = r.dkim[i];
        if (k.keyChanged)
            addOnce(warnings, makeFinding(FindingCode::KeyChanged, {k.domain, k.selector}));
        if (k.pinnedKeyChanged)
            addOnce(warnings, makeFinding(FindingCode::PinnedKeyChanged, {k.domain, k.selector}));
        if (k.result != AuthResult::Pass || contradicted[i])
            continue;
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
            if (k.acceptedSigner && k.coversWholeMessage() && fromOne) {
                if (!acceptedDkim)
                    acceptedDkim = &k;
                continue;
            }
            addOnce(warnings, makeFinding(FindingCode::ReportedOnly, {k.domain}));
            continue;
        }
        if (k.coversWholeMessage()) {
            if (!wholeDkim)
                wholeDkim = &k;
        } else if (!partialDkim) {
            partialDkim = &k;
        }
    }
    // Data for the finding: unsigned body bytes after l=, unsigned header field names.
    auto partialArgs = [](const DkimResult &k) {
        std::string fields;
        for (const auto &n : k.unsignedInstances)
            fields += (fields.empty() ? "" : " ") + n;
        const auto bytes = k.bodyLengthLimit && *k.bodyLengthLimit < k.bodyLength ? k.bodyLength - *k.bodyLengthLimit : 0;
        return std::vector<std::string>{k.domain, std::to_string(bytes), fields};
    };

    const bool spfAlignedPass = r.dmarc && r.dmarc->spfAligned && r.spf && r.spf->result == AuthResult::Pass;
    const bool arcOverride = r.arc && r.arc->result == AuthResult::Pass && r.arc->trustedDmarcPass;

    // --- DMARC (recomputed).
    bool reportedPassStands = false;
    std::string reportedPassBy;
    for (const Reported &rep : reportedDmarc) {
        if (equalsIgnoreCase(rep.method->result, "pass")) {
            reportedPassBy = rep.authservId;
            reportedPassStands = timeExplainsDkim;
        }
    }
    if (r.dmarc && fromOne) {
        const DmarcResult &d = *r.dmarc;
        switch (d.result) {
        case AuthResult::Pass:
            if (wholeDkim)
                authenticated.push_back(makeFinding(FindingCode::DmarcPassDkim, {wholeDkim->domain}));
            if (spfAlignedPass)
                authenticated.push_back(makeFinding(FindingCode::DmarcPassSpf, {r.spf->domain}));
            if (!wholeDkim && !spfAlignedPass && partialDkim)
                suspicious.push_back(
                    makeFinding(FindingCode::PartialDkimCoverage, partialArgs(*partialDkim)));
            break;
        case AuthResult::Fail:
        case AuthResult::SoftFail:
            if (arcOverride) {
                authenticated.push_back(makeFinding(FindingCode::ArcOverride, {r.arc->chain.empty() ? std::string()
                                                                                                   : r.arc->chain.back().domain}));
            } else if (reportedPassStands) {
                authenticated.push_back(makeFinding(FindingCode::DmarcPassReported, {reportedPassBy}));
            } else if ((d.policy == DmarcPolicy::Quarantine || d.policy == DmarcPolicy::Reject) && !d.testing) {
                forged.push_back(
                    makeFinding(FindingCode::DmarcFailEnforced, {d.domain, std::string(dmarcPolicyName(d.policy))}));
            } else if (acceptedDkim) {
                // The owner does not enforce DMARC and the user accepted this sending service.
                authenticated.push_back(makeFinding(FindingCode::AcceptedSigner, {acceptedDkim->domain, from.domain}));
                addOnce(warnings, makeFinding(FindingCode::DmarcFailNoPolicy, {d.domain}));
            } else {
                suspicious.push_back(makeFinding(FindingCode::DmarcFailNoPolicy, {d.domain}));
            }
            if (!reportedPassBy.empty() && !reportedPassStands && !arcOverride)
                addOnce(suspicious, makeFinding(FindingCode::SourcesDisagree, {"dmarc-reported-pass", reportedPassBy}));
            break;
        case AuthResult::None:
            unauthenticated.push_back(makeFinding(FindingCode::NoDmarcRecord, {from.domain}));
            if (acceptedDkim)
                authenticated.push_back(makeFinding(FindingCode::AcceptedSigner, {acceptedDkim->domain, from.domain}));
            break;
        case AuthResult::TempError:
            unauthenticated.push_back(makeFinding(FindingCode::DmarcTemporaryError));
            break;
        case AuthResult::PermError:
        case AuthResult::Neutral:
        case AuthResult::Policy:
            unauthenticated.push_back(makeFinding(FindingCode::Other, {"DMARC: " + d.reason}));
            break;
        }
    }

    // --- Reported DMARC fail: the weaker verdict wins.
    for (const Reported &rep : reportedDmarc) {
        if (!equalsIgnoreCase(rep.method->result, "fail"))
            continue;
        if (arcOverride)
            continue;
        if (equalsIgnoreCase(property(*rep.method, "policy.dmarc"), "none"))
            addOnce(suspicious, makeFinding(FindingCode::ReportedDmarcFail, {rep.authservId}));
        else
            addOnce(forged, makeFinding(FindingCode::ReportedDmarcFail, {rep.authservId}));
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
            warnings.push_back(withDetail(makeFinding(FindingCode::SignatureTemporaryError, {kind}), sig->reason));
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
    for (const Finding &f : inputs.warnings)
        addOnce(warnings, f);

    // --- Decide.
    r.reasons.clear();
    if (!forged.empty()) {
        r.verdict = Verdict::Forged;
        r.reasons = std::move(forged);
        r.reasons.insert(r.reasons.end(), suspicious.begin(), suspicious.end());
    } else if (!suspicious.empty()) {
        r.verdict = Verdict::Suspicious;
        r.reasons = std::move(suspicious);
    } else if (!authenticated.empty() && fromOne) {
        r.verdict = Verdict::Authenticated;
        r.reasons = std::move(authenticated);
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
