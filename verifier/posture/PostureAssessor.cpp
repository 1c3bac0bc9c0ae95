#include "PostureAssessor.h"

#include "MtaStsPolicy.h"
#include "OrgDomain.h"
#include "PostureChecks.h"
#include "Strings.h"

#include <algorithm>

namespace verifier {

using namespace posture;

namespace {

PostureGrade stepDown(PostureGrade g)
{
    switch (g) {
    case PostureGrade::A:
        return PostureGrade::B;
    case PostureGrade::B:
        return PostureGrade::C;
    case PostureGrade::C:
        return PostureGrade::D;
    case PostureGrade::D:
    case PostureGrade::F:
        return PostureGrade::F;
    }
    return PostureGrade::F;
}

} // namespace

Expected<DomainPosture> PostureAssessor::assess(std::string_view domainIn, const Resolver &resolver,
                                                const PostureOptions &options)
{
    std::string domain = toLower(trim(domainIn));
    if (!domain.empty() && domain.back() == '.')
        domain.pop_back();
    if (!OrgDomain::isValidDomain(domain) || domain.find('.') == std::string::npos)
        return makeError("'" + std::string(domainIn) + "' is not a valid domain name (use the A-label form for IDNs)");

    DomainPosture p;
    p.domain = domain;

    // MX first: the SPF, MTA-STS and TLS-RPT fixes mention the MX hosts.
    const DnsAnswer mx = resolver.query(domain, RrType::MX);
    p.mxSecure = mx.ok() && mx.secure;
    if (mx.status == DnsStatus::NxDomain)
        p.domainExists = false;
    if (mx.temporary())
        p.mxFailure = dnsFailure(mx);
    if (mx.ok()) {
        for (const DnsRecord &r : mx.records)
            p.mx.push_back({r.text, r.preference});
        std::stable_sort(p.mx.begin(), p.mx.end(),
                         [](const PostureMxHost &a, const PostureMxHost &b) { return a.preference < b.preference; });
        // RFC 7505 §3: a single MX of preference 0 and the root as exchange.
        if (p.mx.size() == 1 && (p.mx.front().host.empty() || p.mx.front().host == ".")) {
            p.nullMx = true;
            p.mx.clear();
        }
    }

    assessSpf(p, resolver);
    const OrgDomain org(resolver);
    assessDmarc(p, org, resolver);
    assessDkim(p, resolver, options.dkimSelectors);
    assessMtaStsRecord(p, resolver, options.now);
    assessTlsRpt(p, resolver);
    assessDane(p, resolver, options.maxMxHosts);
    assessBimi(p, resolver);
    grade(p);
    return p;
}

void PostureAssessor::applyMtaStsPolicy(DomainPosture &p, const MtaStsFetchOutcome &outcome)
{
    MtaStsPosture &m = p.mtaSts;
    if (!m.recordValid)
        return;
    m.notes.clear();
    m.fixes.clear();
    m.unmatchedMx.clear();
    m.mxPatterns.clear();
    m.policyValid = false;
    m.mode.clear();
    m.maxAge.reset();
    const std::string url = "https://mta-sts." + p.domain + "/.well-known/mta-sts.txt";
    if (!outcome.fetched) {
        m.fetch = MtaStsPosture::Fetch::Failed;
        m.fetchError = outcome.error;
        m.fetchFailure = outcome.failure == MtaStsFetchFailure::None ? MtaStsFetchFailure::Connection : outcome.failure;
        m.rating = PostureRating::Broken;
        m.summary = "The MTA-STS record is published but the policy at " + url + " cannot be fetched (" +
                    outcome.error + "); senders act as if there were no policy.";
        m.fixes.push_back("Serve " + url + " over HTTPS with a valid certificate for mta-sts." + p.domain +
                          ", status 200, Content-Type text/plain, no redirect.");
        grade(p);
        return;
    }
    m.fetch = MtaStsPosture::Fetch::Fetched;
    m.fetchError.clear();
    m.fetchFailure = MtaStsFetchFailure::None;
    auto policy = MtaStsPolicy::parse(outcome.body);
    if (!policy) {
        m.rating = PostureRating::Broken;
        m.summary = "The MTA-STS policy is invalid (" + policy.error().message + "); senders ignore it.";
        m.fixes.push_back("Serve at " + url + ": \"" + policyFileFor(p, "testing") + "\"");
        grade(p);
        return;
    }
    m.policyValid = true;
    m.mode = std::string(mtaStsModeName(policy->mode));
    m.maxAge = policy->maxAge;
    m.mxPatterns = policy->mx;
    m.notes = policy->notes;
    for (const PostureMxHost &mx : p.mx) {
        if (!policy->allows(mx.host))
            m.unmatchedMx.push_back(mx.host);
    }
    if (policy->maxAge < 86400 && policy->mode != MtaStsMode::None)
        m.notes.push_back("max_age is under a day; RFC 8461 suggests weeks (604800 or more) so that the policy "
                          "outlasts an attack.");
    switch (policy->mode) {
    case MtaStsMode::Enforce:
        if (m.unmatchedMx.empty()) {
            m.rating = PostureRating::Good;
            m.summary = "Senders that support MTA-STS deliver only over verified TLS to the listed MX hosts (mode enforce).";
        } else {
            m.rating = PostureRating::Broken;
            m.summary = "MX host(s) " + joined(m.unmatchedMx, ", ") +
                        " match no mx line of the policy: senders that support MTA-STS refuse to deliver to them.";
        }
        break;
    case MtaStsMode::Testing:
        m.rating = PostureRating::Weak;
        m.summary = "MTA-STS is in testing mode: TLS problems are reported, but mail is still delivered without protection.";
        m.fixes.push_back("Change the policy at " + url + " to mode: enforce and change the id= of _mta-sts." + p.domain + ".");
        break;
    case MtaStsMode::None:
        m.rating = PostureRating::Weak;
        m.summary = "MTA-STS is switched off (mode none).";
        m.fixes.push_back("Change the policy at " + url + " to mode: testing, then enforce, and change the id= of _mta-sts." +
                          p.domain + ".");
        break;
    }
    if (!m.unmatchedMx.empty()) {
        if (policy->mode != MtaStsMode::Enforce)
            m.notes.push_back("MX host(s) " + joined(m.unmatchedMx, ", ") +
                              " match no mx line: mode enforce would block delivery to them.");
        std::string lines;
        for (const std::string &h : m.unmatchedMx)
            lines += (lines.empty() ? "" : ", ") + ("\"mx: " + h + "\"");
        m.fixes.push_back("Add " + lines + " to the policy at " + url + " and change the id= of _mta-sts." + p.domain + ".");
    }
    grade(p);
}

void PostureAssessor::grade(DomainPosture &p)
{
    std::vector<std::string> reasons;
    std::vector<GradeReason> codes;
    auto because = [&](GradeReasonCode code, std::string english, std::vector<std::string> args = {}) {
        reasons.push_back(std::move(english));
        codes.push_back({code, std::move(args)});
    };
    const bool spfWorks = p.spf.rating == PostureRating::Good;
    const bool plusAll = p.spf.valid && p.spf.all == "+all";
    const DmarcPosture &d = p.dmarc;
    const bool stopping = d.effectivePolicy == "quarantine" || d.effectivePolicy == "reject";
    const bool needsTransport = !p.nullMx && !p.mx.empty();
    const bool mtaStsEnforced = p.mtaSts.policyValid && p.mtaSts.mode == "enforce" && p.mtaSts.unmatchedMx.empty();
    const bool daneAll = p.dane.rating == PostureRating::Good;
    const bool transport = mtaStsEnforced || daneAll;

    // What protects the recipients of mail in the domain's name: the DMARC policy first (reject
    // keeps spoofs out of the inbox, quarantine moves them to spam), with SPF working under it.
    if (d.enforcing && d.effectivePolicy == "reject")
        because(GradeReasonCode::DmarcReject, "DMARC reject applies to all mail that fails: receivers refuse spoofed mail.");
    else if (d.enforcing)
        because(GradeReasonCode::DmarcQuarantine,
                "DMARC quarantine applies to all mail that fails: spoofed mail goes to the spam folder, where people "
                "still find it (reject would refuse it).");
    else if (stopping)
        because(GradeReasonCode::DmarcPartial, "DMARC " + d.effectivePolicy + " is only partly applied (pct or t=y).",
                {d.effectivePolicy});
    else if (d.effectivePolicy == "none")
        because(GradeReasonCode::DmarcMonitorOnly, "DMARC p=none: spoofed mail is only reported, not stopped.");
    else if (d.rating == PostureRating::Unknown)
        because(GradeReasonCode::DmarcUnknown, "DMARC could not be checked.");
    else
        because(GradeReasonCode::DmarcMissing, "No working DMARC policy: nothing asks receivers to stop spoofed mail.");
    if (spfWorks)
        because(GradeReasonCode::SpfWorks, "SPF works and ends in " + p.spf.all + ".", {p.spf.all});
    else if (plusAll)
        because(GradeReasonCode::SpfPlusAll, "SPF +all lets any server pass SPF, and through it DMARC.");
    else
        because(GradeReasonCode::SpfNotWorking, "SPF is " + std::string(postureRatingName(p.spf.rating)) + ": " + p.spf.summary,
                {std::string(postureRatingName(p.spf.rating)), p.spf.summary});

    PostureGrade g = PostureGrade::F;
    if (plusAll)
        g = PostureGrade::F;
    else if (d.enforcing)
        g = !spfWorks ? PostureGrade::C : d.effectivePolicy == "reject" ? PostureGrade::A : PostureGrade::B;
    else if (stopping)
        g = spfWorks ? PostureGrade::C : PostureGrade::D;
    else
        g = spfWorks ? PostureGrade::D : PostureGrade::F;

    // Transport security protects mail sent *to* the domain: worth knowing, not graded here.
    if (needsTransport) {
        if (transport) {
            const std::string how = mtaStsEnforced && daneAll ? "MTA-STS enforce and DANE" : mtaStsEnforced ? "MTA-STS enforce" : "DANE";
            because(GradeReasonCode::TransportProtected, "Mail to the domain is protected in transit (" + how + ").", {how});
        } else {
            because(GradeReasonCode::TransportMissing,
                    "Mail to the domain is not protected in transit (no MTA-STS in enforce mode, no DNSSEC-validated "
                    "DANE); this does not change the grade.");
        }
    } else if (p.nullMx) {
        because(GradeReasonCode::NullMx, "The domain accepts no mail (null MX).");
    }
    if (p.mtaSts.rating == PostureRating::Broken && p.mtaSts.fetch != MtaStsPosture::Fetch::NotAttempted) {
        g = stepDown(g);
        because(GradeReasonCode::MtaStsBroken, "One grade lower: the MTA-STS setup is broken (" + p.mtaSts.summary + ")",
                {p.mtaSts.summary});
    }
    if (p.dkim.rating == PostureRating::Broken) {
        g = stepDown(g);
        because(GradeReasonCode::DkimBroken, "One grade lower: a DKIM key checked is broken.");
    }
    if (!p.domainExists)
        because(GradeReasonCode::DomainMissing, "The domain does not exist in DNS.");
    p.grade = g;
    p.gradeReasons = std::move(reasons);
    p.gradeReasonCodes = std::move(codes);

    std::vector<std::string> failed;
    auto note = [&failed](std::string text) {
        while (!text.empty() && text.back() == '.')
            text.pop_back();
        failed.push_back(std::move(text));
    };
    if (!p.mxFailure.empty())
        note("MX could not be checked: " + p.mxFailure);
    if (p.spf.rating == PostureRating::Unknown)
        note(p.spf.summary);
    if (d.rating == PostureRating::Unknown)
        note(d.summary);
    p.notChecked.clear();
    if (!failed.empty())
        p.notChecked = "Not checked: DNS did not answer what the grade rests on (" + joined(failed, "; ") +
                       "). Try again later.";
}

} // namespace verifier
