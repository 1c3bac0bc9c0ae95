#include "Verifier.h"

#include "AuthResultsParser.h"
#include "AuthResultsTrust.h"
#include "DkimVerifier.h"
#include "DmarcEvaluator.h"
#include "FromAnalysis.h"
#include "Address.h"
#include "Mime.h"
#include "OpenPgpVerifier.h"
#include "PublicSuffixList.h"
#include "QueryBudget.h"
#include "Received.h"
#include "SenderAnalysis.h"
#include "SmimeVerifier.h"
#include "SpfChecker.h"
#include "Strings.h"
#include "Verdict.h"
#include "DomainKeysVerifier.h"
#include "HistoricMethods.h"
#include "IprevChecker.h"
#include "VbrChecker.h"
#include "Rfc2047.h"
#include <algorithm>

#if __has_include("ArcVerifier.h")
#include "ArcVerifier.h"
#define SEALCHECK_HAVE_ARC 1
#endif

namespace verifier {

namespace {

/// Return-Path: <addr> → addr ("" for the null reverse-path "<>").
std::optional<std::string> readReturnPath(const Message &m)
{
    const HeaderField *f = m.field("Return-Path");
    if (!f)
        return std::nullopt;
    std::string v = f->value();
    size_t lt = v.find('<'), gt = v.rfind('>');
    if (lt != std::string::npos && gt != std::string::npos && gt > lt)
        return std::string(trim(std::string_view(v).substr(lt + 1, gt - lt - 1)));
    return std::string(trim(v));
}

std::vector<std::pair<std::string, std::string>> mailboxesWithOrg(const Message &m, std::string_view field)
{
    std::vector<std::pair<std::string, std::string>> out;
    for (const HeaderField *f : m.fields(field)) {
        AddressList list = parseAddressList(f->rawValue, AddressParseMode::Strict);
        for (const Mailbox &mb : list.mailboxes) {
            if (mb.domain.empty())
                continue;
            out.emplace_back(mb.address(), PublicSuffixList::system().organisationalDomain(mb.domain));
            if (out.size() >= 10)
                return out;
        }
    }
    return out;
}

/// The newest ARC set sealed by a sealer the user trusts whose ARC-Authentication-Results
/// recorded dmarc=pass for the From domain, whether or not the seals can still be validated now
/// (the provider's own arc=pass, checked by the verdict, vouches for them at delivery).
std::string arcSealerRecordingPass(const ArcResult &arc, const std::vector<std::string> &sealers,
                                   const std::string &fromDomain)
{
    if (fromDomain.empty())
        return {};
    for (auto it = arc.chain.rbegin(); it != arc.chain.rend(); ++it) {
        bool trusted = false;
        for (const auto &s : sealers)
            trusted = trusted || equalsIgnoreCase(s, it->domain);
        if (!trusted)
            break; // nothing below a sealer the user does not trust counts
        auto parsed = parseAuthenticationResults(it->authResults, AuthResultsMode::Relaxed);
        if (!parsed)
            continue;
        for (const AuthMethodResult &m : parsed->methods) {
            auto hf = m.properties.find("header.from");
            if (m.method == "dmarc" && m.result == "pass" && hf != m.properties.end() &&
                equalsIgnoreCase(hf->second, fromDomain))
                return it->domain;
        }
    }
    return {};
}

} // namespace

Report verify(const Message &message, const VerifyContext &context)
{
    Report report;
    report.source = context.source;
    report.verifiedAt = context.now;
    if (const HeaderField *f = message.field("Message-ID"))
        report.messageId = escapeForDisplay(f->value());
    if (const HeaderField *f = message.field("Subject"))
        report.subject = escapeForDisplay(decodeEncodedWords(f->value()));
    if (const HeaderField *f = message.field("Date"))
        report.date = escapeForDisplay(f->value());
    if (!context.resolver) {
        report.from = analyseFrom(message);
        report.warnings.push_back(makeFinding(FindingCode::Other, {"no DNS resolver was given; nothing was checked"}));
        decideVerdict(report);
        return report;
    }
    // Every check asks through one budget: repeated questions are answered once, and the
    // message as a whole gets at most maxDnsQueries questions and maxDnsMillis of waiting.
    QueryBudget::Limits budgetLimits;
    budgetLimits.maxQueries = context.limits.maxDnsQueries;
    budgetLimits.maxMillis = context.limits.maxDnsMillis;
    budgetLimits.millisClock = context.dnsClock;
    const QueryBudget budget(*context.resolver, budgetLimits);
    const Resolver &resolver = budget;

    // 1. The author: one parse, one identity.
    report.from = analyseFrom(message);

    // 2. The trace: trusted hops, the boundary and the SMTP envelope.
    const ProviderProfile *provider = context.trust.provider ? &*context.trust.provider : nullptr;
    if (provider)
        report.provider = provider->id;
    TraceAnalysis trace = analyseTrace(message, context.trust.relays, provider);
    report.received = trace.hops;
    report.boundaryHop = trace.boundaryHop;

    // 3. DKIM: first the signatures that may align with From (same organisation by the public
    //    suffix list); the others cannot change DMARC and are checked, bounded, after it.
    const std::string fromOrg =
        report.from.domain.empty() ? std::string() : PublicSuffixList::system().organisationalDomain(report.from.domain);
    auto mayAlign = [&](std::string_view d) {
        return !fromOrg.empty() && !d.empty() && PublicSuffixList::system().organisationalDomain(std::string(d)) == fromOrg;
    };
    report.dkim = verifyDkim(message, resolver, context.now, context.limits, mayAlign, context.limits.maxDkimSignatures);

    // 3b. DomainKeys (RFC 4870, historic): reported, never weighed.
    {
        DomainKeysOptions dk;
        dk.minRsaBits = context.limits.minRsaBits;
        report.domainKeys = DomainKeysVerifier::verify(message, resolver, dk);
    }

    // 4. SPF, with the envelope from the command line or the trusted hop.
    SpfRequest spf;
    std::string envelopeSource;
    spf.clientIp = context.envelope.clientIp.empty() ? trace.clientIp : context.envelope.clientIp;
    spf.helo = context.envelope.helo.empty() ? trace.helo : context.envelope.helo;
    if (context.envelope.mailFrom) {
        spf.mailFrom = *context.envelope.mailFrom;
    } else if (trace.haveMailFrom) {
        spf.mailFrom = trace.mailFrom;
    } else if (auto rp = readReturnPath(message)) {
        spf.mailFrom = *rp;
    }
    envelopeSource = context.envelope.clientIp.empty() ? trace.source : std::string("command line");
    if (!spf.clientIp.empty()) {
        report.spf = checkSpf(spf, resolver);
        report.spf->envelopeSource = envelopeSource;
        if (!spf.helo.empty())
            report.spf->heloResult = checkSpfHelo(spf, resolver);
    } else {
        SpfResult none;
        none.evaluated = false;
        none.reason = "no trusted Received hop gives the sending server's address";
        report.spf = none;
    }

    // 4b. iprev (RFC 8601 §3) of the trusted hop's client IP: shown beside SPF, never weighed.
    if (!trace.clientIp.empty())
        report.iprev = IprevChecker::check(trace.clientIp, resolver);

    // 5. DMARC (sets DkimResult::aligned).
    report.dmarc = evaluateDmarc(report.from, report.dkim, *report.spf, resolver);

    // 5b. The other signers, bounded: shown, and weighed only as the user's accepted signers.
    {
        std::vector<DkimResult> others = verifyDkim(
            message, resolver, context.now, context.limits, [&](std::string_view d) { return !mayAlign(d); },
            context.limits.maxUnalignedDkimSignatures);
        report.dkim.insert(report.dkim.end(), std::make_move_iterator(others.begin()), std::make_move_iterator(others.end()));
        std::sort(report.dkim.begin(), report.dkim.end(),
                  [](const DkimResult &a, const DkimResult &b) { return a.fieldIndex < b.fieldIndex; });
    }

    // 6. ARC.
    std::vector<std::string> arcSealers = context.trust.arcSealers;
    if (provider)
        arcSealers.insert(arcSealers.end(), provider->arcSealers.begin(), provider->arcSealers.end());
#ifdef SEALCHECK_HAVE_ARC
    report.arc = verifyArc(message, resolver, context.now, arcSealers, report.from.domain);
#else
    report.arc = ArcResult{};
#endif

    // 7. Authentication-Results written by the user's own provider.
    long boundaryField = -1, nextUntrusted = -1;
    if (trace.boundaryHop >= 0 && size_t(trace.boundaryHop) < trace.hops.size()) {
        boundaryField = long(trace.hops[size_t(trace.boundaryHop)].fieldIndex);
        if (size_t(trace.boundaryHop) + 1 < trace.hops.size())
            nextUntrusted = long(trace.hops[size_t(trace.boundaryHop) + 1].fieldIndex);
    }
    report.authenticationResults =
        collectAuthenticationResults(message, boundaryField, nextUntrusted, context.trust.authservIds, provider,
                                     AuthResultsMode::Relaxed);

    // 7b. VBR (RFC 5518) once DKIM and SPF are known; historic methods other servers reported.
    //     Neither is weighed by the verdict.
    report.vbr = VbrChecker::check(message, report.dkim, report.spf, context.trust.vouchingServices, resolver);
    report.historic = HistoricMethods::recognise(report.authenticationResults, report.from.domain, &resolver);

    // 8. S/MIME and OpenPGP over the MIME tree.
    MimePart mime = parseMime(message);
    const std::string fromAddress = report.from.address.value_or(std::string());
    report.smime = verifySmime(message, mime, fromAddress, context.signatures, context.now);
    if (context.signatures.enableOpenPgp)
        report.pgp = verifyOpenPgp(message, mime, fromAddress, context.signatures, context.now);

    // 9. The sender's appearance.
    SenderContext sender;
    sender.knownDomains = context.trust.knownDomains;
    if (report.dmarc && !report.dmarc->orgDomain.empty())
        sender.fromOrgDomain = report.dmarc->orgDomain;
    sender.replyTo = mailboxesWithOrg(message, "Reply-To");
    sender.sender = mailboxesWithOrg(message, "Sender");
    SenderAnalysis analysis = analyseSender(report.from, sender);

    VerdictInputs inputs;
    inputs.freshSeconds = context.limits.freshSeconds;
    if (report.arc)
        inputs.arcSealerRecordedPass = arcSealerRecordingPass(*report.arc, arcSealers, report.from.domain);
    inputs.suspicious = std::move(analysis.suspicious);
    inputs.warnings = std::move(analysis.warnings);
    if (!message.anomalies().empty()) {
        std::string names;
        for (HeaderAnomaly a : message.anomalies())
            names += (names.empty() ? "" : ", ") + std::string(headerAnomalyName(a));
        inputs.warnings.push_back(makeFinding(FindingCode::HeaderAnomalies, {names}));
    }
    if (budget.refused() > 0) {
        const bool time = budget.exhaustedBy() == "time";
        inputs.warnings.push_back(makeFinding(
            FindingCode::DnsLimitReached,
            {std::to_string(time ? context.limits.maxDnsMillis : int64_t(context.limits.maxDnsQueries)),
             time ? "time" : "queries"}));
    }
    if (!report.domainKeys.empty())
        inputs.warnings.push_back(makeFinding(FindingCode::Other, {"uses DomainKeys, a historic method replaced by DKIM"}));
    for (const HistoricMethod &h : report.historic) {
        if (h.method == "domainkeys" && !report.domainKeys.empty())
            continue;
        inputs.warnings.push_back(makeFinding(
            FindingCode::Other, {"Authentication-Results reports " + h.method + ", a historic method replaced by " + h.replacedBy}));
    }
    if (report.vbr && report.vbr->result == AuthResult::Pass)
        inputs.warnings.push_back(makeFinding(
            FindingCode::Other, {"VBR: " + report.vbr->voucher + " vouches for " + report.vbr->domain +
                                 "; a vouch is reputation, not proof of the sender"}));
    // Only a reverse name that does not lead back is worth a warning; many honest senders publish
    // no PTR at all (shown in the panel, not repeated as a warning).
    if (report.iprev && report.iprev->result == AuthResult::Fail)
        inputs.warnings.push_back(makeFinding(FindingCode::Other, {"iprev " + std::string(rfc8601Token(report.iprev->result)) +
                                                                   ": " + report.iprev->reason}));
    bool anySecure = false, anyDns = false;
    for (const DkimResult &d : report.dkim) {
        if (d.result == AuthResult::Pass) {
            anyDns = true;
            anySecure = anySecure || d.dnssec;
        }
    }
    if (anyDns && !anySecure)
        inputs.warnings.push_back(makeFinding(FindingCode::DnsNotSecure));

    // 10. The verdict.
    decideVerdict(report, inputs);
    return report;
}

} // namespace verifier
