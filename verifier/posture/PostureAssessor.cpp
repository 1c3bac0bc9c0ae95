#include "PostureAssessor.h"

#include "BimiRecord.h"
#include "DkimKeyRecord.h"
#include "DkimPublicKey.h"
#include "MtaStsPolicy.h"
#include "MtaStsRecord.h"
#include "OrgDomain.h"
#include "SpfLookupCounter.h"
#include "Strings.h"
#include "TlsRptRecord.h"

#include <algorithm>
#include <ctime>

namespace verifier {

namespace {

std::string quoted(std::string_view s)
{
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\')
            out.push_back('\\');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

std::string txtFix(std::string_view owner, std::string_view text)
{
    return std::string(owner) + ". TXT " + quoted(text);
}

std::string joined(const std::vector<std::string> &items, std::string_view sep)
{
    std::string out;
    for (const std::string &s : items) {
        if (!out.empty())
            out += sep;
        out += s;
    }
    return out;
}

std::string dnsFailure(const DnsAnswer &a)
{
    return "DNS " + std::string(dnsStatusName(a.status)) + (a.why.empty() ? "" : " (" + a.why + ")");
}

// TXT records at @p name that satisfy @p accept.
struct TxtLookup
{
    DnsAnswer answer;
    std::vector<std::string> matching;
};

template<typename Accept>
TxtLookup lookupTxt(const Resolver &resolver, const std::string &name, Accept accept)
{
    TxtLookup l;
    l.answer = resolver.query(name, RrType::TXT);
    if (l.answer.ok()) {
        for (const DnsRecord &r : l.answer.records) {
            if (accept(r.text))
                l.matching.push_back(r.text);
        }
    }
    return l;
}

// ---------------------------------------------------------------- SPF

std::string spfWithAll(const std::string &text, std::string_view all)
{
    std::vector<std::string> out;
    bool replaced = false;
    for (std::string_view tok : split(text, ' ')) {
        if (tok.empty())
            continue;
        const std::string lower = toLower(tok);
        if (lower == "all" || lower == "+all" || lower == "-all" || lower == "~all" || lower == "?all") {
            if (!replaced)
                out.emplace_back(all);
            replaced = true;
            continue;
        }
        out.emplace_back(tok);
    }
    if (!replaced)
        out.emplace_back(all);
    return joined(out, " ");
}

void assessSpf(DomainPosture &p, const Resolver &resolver)
{
    SpfPosture &spf = p.spf;
    const SpfTree tree = SpfLookupCounter(resolver).count(p.domain);
    const std::string suggested = p.mx.empty() || p.nullMx ? "v=spf1 -all" : "v=spf1 mx -all";
    spf.record = tree.text;
    spf.dnssec = tree.secure;
    if (tree.status == DnsStatus::ServFail || tree.status == DnsStatus::Timeout) {
        spf.rating = PostureRating::Unknown;
        spf.summary = "SPF could not be checked: DNS " + std::string(dnsStatusName(tree.status)) + ".";
        return;
    }
    if (tree.status == DnsStatus::NxDomain)
        p.domainExists = false;
    if (tree.recordCount == 0) {
        spf.rating = PostureRating::Missing;
        spf.summary = "No SPF record: receivers cannot tell which servers may send mail for this domain.";
        spf.fixes.push_back(txtFix(p.domain, suggested) + "   (list your sending servers before -all)");
        return;
    }
    if (tree.recordCount > 1) {
        spf.rating = PostureRating::Broken;
        spf.summary = "The domain has " + std::to_string(tree.recordCount) +
                      " SPF records; receivers treat that as an error (permerror), so SPF fails for all its mail.";
        spf.fixes.push_back("Merge the SPF records of " + p.domain + " into one TXT record beginning v=spf1.");
        return;
    }
    if (!tree.record) {
        spf.rating = PostureRating::Broken;
        spf.summary = "The SPF record is invalid (" + tree.parseError +
                      "); receivers treat it as an error (permerror).";
        spf.fixes.push_back("Correct the SPF record of " + p.domain + ", for example " + txtFix(p.domain, suggested));
        return;
    }
    spf.valid = true;
    spf.dnsLookups = tree.dnsLookups;
    spf.voidLookups = tree.voidLookups;
    spf.all = tree.all;
    spf.allFrom = tree.allFrom;
    spf.includes = tree.includes;
    spf.notes = tree.notes;

    std::vector<std::string> problems; // make the record broken
    if (tree.dnsLookups > spf.lookupLimit) {
        problems.push_back("The record needs " + std::to_string(tree.dnsLookups) +
                           " DNS lookups; receivers stop at 10 and treat the rest as an error (permerror), "
                           "so SPF can fail for your own mail.");
        spf.fixes.push_back("Reduce the include:, a, mx, ptr and exists terms of " + p.domain +
                            " (and of what it includes) to at most 10 DNS lookups, e.g. by replacing some "
                            "include: terms with the ip4:/ip6: ranges they stand for.");
    }
    if (tree.voidLookups > 2)
        problems.push_back(std::to_string(tree.voidLookups) +
                           " lookups of the record find nothing; more than 2 is an error (permerror).");
    for (const SpfIncludeStatus &inc : tree.includes) {
        if (inc.state == SpfIncludeStatus::State::Missing || inc.state == SpfIncludeStatus::State::Broken) {
            problems.push_back(inc.via + (inc.via == "include" ? ":" : "=") + inc.domain + " is " +
                               std::string(spfIncludeStateName(inc.state)) + ": " + inc.detail +
                               "; receivers treat that as an error (permerror).");
            spf.fixes.push_back("Remove " + inc.via + (inc.via == "include" ? ":" : "=") + inc.domain +
                                " from the SPF record, or publish a valid SPF record at " + inc.domain + ".");
        } else if (inc.state == SpfIncludeStatus::State::TempError) {
            spf.notes.push_back(inc.via + " " + inc.domain + " could not be looked up (" + inc.detail + ").");
        } else if (inc.state == SpfIncludeStatus::State::NotFollowed) {
            spf.notes.push_back(inc.via + " " + inc.domain + " was not followed: " + inc.detail + ".");
        }
    }

    const std::string lookups = std::to_string(tree.dnsLookups) + " of 10 DNS lookups";
    if (tree.all == "+all") {
        spf.rating = PostureRating::Broken;
        spf.summary = "+all lets every server on the Internet pass SPF for this domain: it protects nothing (" +
                      lookups + ").";
        if (tree.allFrom.empty())
            spf.fixes.push_back(txtFix(p.domain, spfWithAll(tree.text, "-all")));
        else
            spf.fixes.push_back("Replace +all with -all in the SPF record of " + tree.allFrom + ".");
    } else if (tree.all == "-all") {
        spf.rating = PostureRating::Good;
        spf.summary = "Mail from servers not listed fails SPF (-all); " + lookups + ".";
    } else if (tree.all == "~all") {
        spf.rating = PostureRating::Good;
        spf.summary = "Mail from servers not listed soft-fails SPF (~all), which DMARC counts as a fail; " + lookups + ".";
    } else {
        spf.rating = PostureRating::Weak;
        spf.summary = std::string(tree.all == "?all" ? "?all" : "Without an all term, the record") +
                      " leaves mail from servers not listed neutral: SPF says nothing against spoofing (" + lookups + ").";
        if (tree.allFrom.empty() && !tree.record->redirect)
            spf.fixes.push_back(txtFix(p.domain, spfWithAll(tree.text, "-all")));
        else
            spf.fixes.push_back("End the SPF record reached through redirect= with -all.");
    }
    if (!problems.empty()) {
        spf.rating = PostureRating::Broken;
        spf.summary = problems.front();
        for (size_t i = 1; i < problems.size(); ++i)
            spf.notes.push_back(problems[i]);
        spf.notes.push_back("The record uses " + lookups + " and ends in " + (tree.all.empty() ? "no all" : tree.all) + ".");
    }
    if (!tree.allFrom.empty())
        spf.notes.push_back("The all term comes from " + tree.allFrom + " through redirect=.");
}

// ---------------------------------------------------------------- DMARC

std::string dmarcFix(const DomainPosture &p, const DmarcRecord *existing, std::string_view policy, bool withNp = false)
{
    // Never suggest a weaker p= than the one published.
    const bool keepReject = existing && existing->policyValid && existing->policy == DmarcPolicy::Reject;
    std::string text = "v=DMARC1; p=" + std::string(keepReject ? "reject" : policy);
    if (existing && !existing->subdomainPolicyValid)
        text += "; sp=" + std::string(policy);
    else if (existing && existing->subdomainPolicy != DmarcPolicy::Unspecified &&
             existing->subdomainPolicy != DmarcPolicy::Reject)
        text += "; sp=" + std::string(policy);
    // np= (RFC 9989 §4.7): names that do not exist never send legitimate mail, so reject.
    if (withNp || (existing && (existing->nonExistentPolicy != DmarcPolicy::Unspecified || !existing->nonExistentPolicyValid)))
        text += "; np=reject";
    if (existing && existing->dkimAlignment == DmarcAlignmentMode::Strict)
        text += "; adkim=s";
    if (existing && existing->spfAlignment == DmarcAlignmentMode::Strict)
        text += "; aspf=s";
    if (existing && !existing->rua.empty())
        text += "; rua=" + joined(existing->rua, ",");
    else
        text += "; rua=mailto:dmarc@" + p.domain;
    if (existing && !existing->ruf.empty())
        text += "; ruf=" + joined(existing->ruf, ",");
    const std::string where = p.dmarc.recordDomain.empty() ? p.domain : p.dmarc.recordDomain;
    return txtFix("_dmarc." + where, text);
}

std::string policyName(DmarcPolicy policy)
{
    return policy == DmarcPolicy::Unspecified ? std::string() : std::string(dmarcPolicyName(policy));
}

// What a policy does to spoofed mail, in plain words.
std::string policyMeaning(DmarcPolicy policy)
{
    switch (policy) {
    case DmarcPolicy::Reject:
        return "rejected";
    case DmarcPolicy::Quarantine:
        return "sent to spam";
    case DmarcPolicy::None:
    case DmarcPolicy::Unspecified:
        break;
    }
    return "only reported, not stopped";
}

void assessDmarc(DomainPosture &p, const OrgDomain &org, const Resolver &resolver)
{
    DmarcPosture &d = p.dmarc;
    const TreeWalk walk = org.walk(p.domain);
    {
        // The walk does not report DNSSEC; ask for the answer the check rests on once more
        // (a caching resolver answers it from the cache).
        const std::string at = "_dmarc." + (walk.record ? walk.recordDomain : p.domain);
        d.dnssec = resolver.query(at, RrType::TXT).secure;
    }
    d.orgDomain = walk.orgDomain;
    d.notes = walk.notes;
    if (walk.tempError) {
        d.rating = PostureRating::Unknown;
        d.summary = "DMARC could not be checked: DNS " + std::string(dnsStatusName(walk.failure)) + " at " +
                    walk.failedName + ".";
        return;
    }
    const DmarcLookup &own = org.lookup(p.domain);
    if (own.records.size() > 1) {
        d.rating = PostureRating::Broken;
        d.summary = "_dmarc." + p.domain + " holds " + std::to_string(own.records.size()) +
                    " DMARC records; receivers ignore them all.";
        d.fixes.push_back("Keep one DMARC record at _dmarc." + p.domain + ", e.g. " + dmarcFix(p, &own.records.front(), "quarantine"));
        return;
    }
    if (!walk.record) {
        d.rating = PostureRating::Missing;
        d.summary = "No DMARC record: nothing tells receivers to stop mail that only pretends to come from this domain.";
        d.fixes.push_back(dmarcFix(p, nullptr, "quarantine"));
        return;
    }
    const DmarcRecord &r = *walk.record;
    d.record = r.text;
    d.recordDomain = walk.recordDomain;
    d.policy = r.policyValid ? std::string(dmarcPolicyName(r.policy)) : "";
    d.subdomainPolicy = r.subdomainPolicy != DmarcPolicy::Unspecified ? std::string(dmarcPolicyName(r.subdomainPolicy)) : "";
    d.nonExistentPolicy = r.nonExistentPolicyValid ? policyName(r.nonExistentPolicy) : "";
    d.pct = r.pct;
    d.testing = r.testing;
    d.dkimAlignment = r.dkimAlignment == DmarcAlignmentMode::Strict ? "strict" : "relaxed";
    d.spfAlignment = r.spfAlignment == DmarcAlignmentMode::Strict ? "strict" : "relaxed";
    d.rua = r.rua;
    d.ruf = r.ruf;
    for (const std::string &problem : r.problems)
        d.notes.push_back(problem);
    if (d.recordDomain != p.domain)
        d.notes.push_back("The record is the one of " + d.recordDomain + " (found by the RFC 9989 tree walk).");

    DmarcPolicy effective = r.policyValid ? r.policy : DmarcPolicy::Unspecified;
    if (d.recordDomain != p.domain && r.subdomainPolicy != DmarcPolicy::Unspecified && r.subdomainPolicyValid)
        effective = r.subdomainPolicy;
    // RFC 9989 §4.10.1: for a name that does not exist, np=, else sp=, else p=.
    DmarcPolicy nonExistent = r.policyValid ? r.policy : DmarcPolicy::Unspecified;
    std::string nonExistentFrom = "p=";
    if (r.subdomainPolicy != DmarcPolicy::Unspecified && r.subdomainPolicyValid) {
        nonExistent = r.subdomainPolicy;
        nonExistentFrom = "sp=";
    }
    if (r.nonExistentPolicy != DmarcPolicy::Unspecified && r.nonExistentPolicyValid) {
        nonExistent = r.nonExistentPolicy;
        nonExistentFrom = "np=";
    }
    if (nonExistent == DmarcPolicy::Unspecified && r.ruaHasValidUri)
        nonExistent = DmarcPolicy::None;
    d.nonExistentEffectivePolicy = policyName(nonExistent);
    if (!p.domainExists && d.recordDomain != p.domain && nonExistent != DmarcPolicy::Unspecified) {
        effective = nonExistent;
        d.notes.push_back(p.domain + " does not exist in DNS, so the policy for non-existent names applies (" +
                          nonExistentFrom + policyName(nonExistent) + ").");
    }
    if (!r.nonExistentPolicyValid)
        d.notes.push_back("np= has an invalid value and is ignored.");
    if (p.domainExists && nonExistent != DmarcPolicy::Unspecified) {
        const std::string base = d.recordDomain.empty() ? p.domain : d.recordDomain;
        d.notes.push_back("Mail that claims to come from a made-up name under " + base + " that does not exist (e.g. nosuch." +
                          base + ") is " + policyMeaning(nonExistent) + " (" +
                          (nonExistentFrom == "np=" ? "np=" + policyName(nonExistent)
                                                    : "no np=, so " + nonExistentFrom + policyName(nonExistent) + " applies") +
                          ", RFC 9989).");
    }
    if (effective == DmarcPolicy::Unspecified && r.ruaHasValidUri) {
        effective = DmarcPolicy::None; // RFC 9989 §4.10.1
        d.notes.push_back("p= is missing or invalid; with a valid rua= receivers read it as p=none.");
    }
    if (effective == DmarcPolicy::Unspecified) {
        d.rating = PostureRating::Broken;
        d.summary = "The DMARC record has no valid p= and no valid rua=: receivers do no DMARC processing.";
        d.fixes.push_back(dmarcFix(p, &r, "quarantine"));
        return;
    }
    d.effectivePolicy = std::string(dmarcPolicyName(effective));
    const bool partialPct = r.pct && *r.pct < 100;
    const bool stopping = effective == DmarcPolicy::Quarantine || effective == DmarcPolicy::Reject;
    d.enforcing = stopping && !partialPct && !r.testing;

    switch (effective) {
    case DmarcPolicy::Reject:
        d.summary = "Spoofed mail is rejected by receivers that check DMARC (p=reject).";
        break;
    case DmarcPolicy::Quarantine:
        d.summary = "Spoofed mail is sent to spam (quarantined) by receivers that check DMARC (p=quarantine).";
        break;
    case DmarcPolicy::None:
    case DmarcPolicy::Unspecified:
        d.summary = "Spoofed mail is only reported, not stopped: receivers deliver it as usual (p=none).";
        break;
    }
    if (stopping && partialPct)
        d.summary += " But only " + std::to_string(*r.pct) +
                     "% of failing mail gets this policy (pct=, RFC 7489); the rest is treated one step more leniently.";
    if (stopping && r.testing)
        d.summary += " But the policy is in test mode (t=y): receivers apply one step less.";

    if (d.enforcing)
        d.rating = PostureRating::Good;
    else
        d.rating = PostureRating::Weak;
    if (!d.enforcing)
        d.fixes.push_back(dmarcFix(p, &r, effective == DmarcPolicy::Reject ? "reject" : "quarantine"));
    if (d.enforcing && effective == DmarcPolicy::Quarantine)
        d.notes.push_back("p=reject would stop spoofed mail outright instead of sending it to spam.");
    if (r.subdomainPolicy == DmarcPolicy::None && effective != DmarcPolicy::None && d.recordDomain == p.domain)
        d.notes.push_back("sp=none: mail from subdomains (anything." + p.domain + ") is only reported, not stopped.");
    if (d.enforcing && nonExistent == DmarcPolicy::None && d.recordDomain == p.domain) {
        d.notes.push_back("Names that do not exist are not protected: anyone can send as nosuch." + p.domain +
                          " and receivers only report it.");
        d.fixes.push_back(dmarcFix(p, &r, effective == DmarcPolicy::Reject ? "reject" : "quarantine", true) +
                          "   (np=reject: made-up subdomains never send real mail)");
    }
    if (r.rua.empty()) {
        d.notes.push_back("No rua=: you receive no reports about who sends mail as your domain.");
        if (d.enforcing)
            d.fixes.push_back(dmarcFix(p, &r, effective == DmarcPolicy::Reject ? "reject" : "quarantine"));
    }
    if (r.dkimAlignment == DmarcAlignmentMode::Strict || r.spfAlignment == DmarcAlignmentMode::Strict)
        d.notes.push_back("Strict alignment (adkim=" + std::string(r.dkimAlignment == DmarcAlignmentMode::Strict ? "s" : "r") +
                          ", aspf=" + std::string(r.spfAlignment == DmarcAlignmentMode::Strict ? "s" : "r") +
                          "): signatures and envelopes of subdomains do not count for the domain.");
}

// ---------------------------------------------------------------- DKIM

void assessDkim(DomainPosture &p, const Resolver &resolver, const std::vector<std::string> &selectors)
{
    DkimPosture &k = p.dkim;
    if (selectors.empty()) {
        k.rating = PostureRating::Unknown;
        k.summary = "Not checked: DKIM keys cannot be listed from DNS. Name a selector (the s= of a DKIM-Signature "
                    "in mail from this domain) to check its key.";
        return;
    }
    int good = 0, weak = 0, broken = 0, missing = 0, unknown = 0;
    for (const std::string &selectorIn : selectors) {
        DkimSelectorPosture s;
        s.selector = toLower(selectorIn);
        const std::string name = s.selector + "._domainkey." + p.domain;
        if (!OrgDomain::isValidDomain(name)) {
            s.rating = PostureRating::Broken;
            s.summary = "'" + selectorIn + "' is not a valid selector.";
        } else {
            const DnsAnswer a = resolver.query(name, RrType::TXT);
            s.dnssec = a.secure;
            if (a.temporary()) {
                s.rating = PostureRating::Unknown;
                s.summary = "Could not be looked up: " + dnsFailure(a) + ".";
            } else if (!a.ok() || a.records.empty()) {
                s.rating = PostureRating::Missing;
                s.summary = "No key at " + name + ": signatures with s=" + s.selector + " fail.";
            } else {
                auto rec = DkimKeyRecord::parse(a.records.front().text);
                if (a.records.size() > 1)
                    k.notes.push_back(name + " holds " + std::to_string(a.records.size()) + " TXT records; receivers may pick any.");
                if (!rec) {
                    s.rating = PostureRating::Broken;
                    s.summary = "The key record is invalid: " + rec.error().message + ".";
                } else {
                    s.keyType = rec->keyType;
                    s.testing = rec->testing;
                    s.revoked = rec->revoked;
                    if (rec->revoked) {
                        s.rating = PostureRating::Missing;
                        s.summary = "The key is revoked (empty p=): signatures with s=" + s.selector + " fail.";
                    } else {
                        auto key = DkimPublicKey::load(rec->keyType, rec->publicKey);
                        if (!key) {
                            s.rating = PostureRating::Broken;
                            s.summary = "The key cannot be read: " + key.error().message + ".";
                        } else {
                            s.keyBits = key->bits();
                            if (key->type() == DkimKeyType::Ed25519) {
                                s.rating = PostureRating::Good;
                                s.summary = "Ed25519 key (RFC 8463); not every receiver checks Ed25519, so sign with an RSA key too.";
                            } else if (s.keyBits < 1024) {
                                s.rating = PostureRating::Broken;
                                s.summary = "RSA key of " + std::to_string(s.keyBits) +
                                            " bits: receivers must not accept keys under 1024 bits (RFC 8301 §3.2).";
                            } else if (s.keyBits < 2048) {
                                s.rating = PostureRating::Weak;
                                s.summary = "RSA key of " + std::to_string(s.keyBits) +
                                            " bits: weak; use at least 2048 bits (RFC 8301 §3.2).";
                            } else {
                                s.rating = PostureRating::Good;
                                s.summary = "RSA key of " + std::to_string(s.keyBits) + " bits.";
                            }
                            if (s.testing) {
                                if (s.rating == PostureRating::Good)
                                    s.rating = PostureRating::Weak;
                                s.summary += " The key is in test mode (t=y): receivers may treat its signatures as absent.";
                            }
                        }
                    }
                }
            }
        }
        switch (s.rating) {
        case PostureRating::Good:
            ++good;
            break;
        case PostureRating::Weak:
            ++weak;
            break;
        case PostureRating::Broken:
            ++broken;
            break;
        case PostureRating::Missing:
            ++missing;
            break;
        case PostureRating::Unknown:
            ++unknown;
            break;
        }
        k.selectors.push_back(std::move(s));
    }
    k.dnssec = !k.selectors.empty() &&
               std::all_of(k.selectors.begin(), k.selectors.end(), [](const DkimSelectorPosture &s) { return s.dnssec; });
    if (broken)
        k.rating = PostureRating::Broken;
    else if (weak)
        k.rating = PostureRating::Weak;
    else if (good)
        k.rating = PostureRating::Good;
    else if (missing)
        k.rating = PostureRating::Missing;
    else
        k.rating = PostureRating::Unknown;
    k.summary = std::to_string(selectors.size()) + " selector(s) checked: " + std::to_string(good) + " good, " +
                std::to_string(weak) + " weak, " + std::to_string(broken) + " broken, " + std::to_string(missing) +
                " missing" + (unknown ? ", " + std::to_string(unknown) + " not checked" : std::string()) + ".";
    for (const DkimSelectorPosture &s : k.selectors) {
        if (s.rating == PostureRating::Broken || s.rating == PostureRating::Weak)
            k.fixes.push_back("Publish a new key of at least 2048 bits (RSA) at a new selector, sign with it, "
                              "then remove " + s.selector + "._domainkey." + p.domain + ".");
    }
}

// ---------------------------------------------------------------- MTA-STS, TLS-RPT

std::string suggestedStsId(int64_t now)
{
    if (now <= 0)
        return "1";
    const std::time_t t = static_cast<std::time_t>(now);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%d%H%M%S", &tm);
    return buf;
}

std::string policyFileFor(const DomainPosture &p, std::string_view mode)
{
    // Real line breaks: the file has one field per line (RFC 8461 §3.2), and the fix is shown
    // as it should be written (issue 20: a literal "\\n" was shown).
    std::string text = "version: STSv1\nmode: " + std::string(mode) + "\n";
    for (const PostureMxHost &mx : p.mx)
        text += "mx: " + mx.host + "\n";
    text += "max_age: 604800";
    return text;
}

void assessMtaStsRecord(DomainPosture &p, const Resolver &resolver, int64_t now)
{
    MtaStsPosture &m = p.mtaSts;
    const std::string name = "_mta-sts." + p.domain;
    const TxtLookup l = lookupTxt(resolver, name, [](const std::string &t) { return MtaStsRecord::isMtaStsRecord(t); });
    m.dnssec = l.answer.secure;
    if (l.answer.temporary()) {
        m.rating = PostureRating::Unknown;
        m.summary = "MTA-STS could not be checked: " + dnsFailure(l.answer) + ".";
        return;
    }
    const std::string fixRecord = txtFix(name, "v=STSv1; id=" + suggestedStsId(now));
    const std::string fixPolicy = "Serve https://mta-sts." + p.domain + "/.well-known/mta-sts.txt (text/plain) holding \"" +
                                  policyFileFor(p, "testing") + "\"; switch to mode: enforce once TLS reports are clean.";
    if (l.matching.empty()) {
        m.rating = PostureRating::Missing;
        m.summary = "No MTA-STS: sending servers may fall back to unencrypted delivery, or deliver to an impostor, "
                    "when an attacker interferes.";
        if (!p.nullMx && !p.mx.empty()) {
            m.fixes.push_back(fixRecord);
            m.fixes.push_back(fixPolicy);
        }
        return;
    }
    if (l.matching.size() > 1) {
        m.rating = PostureRating::Broken;
        m.summary = name + " holds " + std::to_string(l.matching.size()) +
                    " MTA-STS records; senders then assume there is no policy (RFC 8461 §3.1).";
        m.fixes.push_back("Keep one record: " + fixRecord);
        return;
    }
    m.record = l.matching.front();
    auto rec = MtaStsRecord::parse(m.record);
    if (!rec) {
        m.rating = PostureRating::Broken;
        m.summary = "The MTA-STS record is invalid (" + rec.error().message + "); senders ignore it.";
        m.fixes.push_back(fixRecord);
        return;
    }
    m.id = rec->id;
    m.recordValid = true;
    m.rating = PostureRating::Unknown;
    m.summary = "MTA-STS record found (id=" + m.id + "); the policy was not fetched.";
}

void assessTlsRpt(DomainPosture &p, const Resolver &resolver)
{
    TlsRptPosture &t = p.tlsRpt;
    const std::string name = "_smtp._tls." + p.domain;
    const TxtLookup l = lookupTxt(resolver, name, [](const std::string &s) { return TlsRptRecord::isTlsRptRecord(s); });
    t.dnssec = l.answer.secure;
    const std::string fix = txtFix(name, "v=TLSRPTv1; rua=mailto:tlsrpt@" + p.domain);
    if (l.answer.temporary()) {
        t.rating = PostureRating::Unknown;
        t.summary = "TLS-RPT could not be checked: " + dnsFailure(l.answer) + ".";
        return;
    }
    if (l.matching.empty()) {
        t.rating = PostureRating::Missing;
        t.summary = "No TLS-RPT: you will not hear when other servers fail to deliver to you over TLS.";
        if (!p.nullMx && !p.mx.empty())
            t.fixes.push_back(fix);
        return;
    }
    if (l.matching.size() > 1) {
        t.rating = PostureRating::Broken;
        t.summary = name + " holds " + std::to_string(l.matching.size()) +
                    " TLS-RPT records; senders then send no reports (RFC 8460 §3).";
        t.fixes.push_back("Keep one record: " + fix);
        return;
    }
    t.record = l.matching.front();
    auto rec = TlsRptRecord::parse(t.record);
    if (!rec) {
        t.rating = PostureRating::Broken;
        t.summary = "The TLS-RPT record is invalid (" + rec.error().message + "); senders send no reports.";
        t.fixes.push_back(fix);
        return;
    }
    t.rua = rec->rua;
    t.rating = PostureRating::Good;
    t.summary = "TLS failures are reported to " + joined(t.rua, ", ") + ".";
}

// ---------------------------------------------------------------- DANE

void assessDane(DomainPosture &p, const Resolver &resolver, int maxHosts)
{
    DanePosture &d = p.dane;
    d.mxSecure = p.mxSecure;
    d.dnssec = p.mxSecure;
    if (p.nullMx || p.mx.empty()) {
        d.rating = PostureRating::Unknown;
        d.summary = "Not applicable: the domain has no MX host.";
        return;
    }
    int counted = 0, published = 0, checked = 0;
    bool pkixUsage = false;
    for (const PostureMxHost &mx : p.mx) {
        if (checked++ >= maxHosts) {
            d.notes.push_back("Only the first " + std::to_string(maxHosts) + " MX hosts were checked.");
            break;
        }
        DaneHostPosture h;
        h.host = mx.host;
        const DnsAnswer a = resolver.query("_25._tcp." + mx.host, RrType::TLSA);
        if (a.temporary())
            d.notes.push_back("TLSA for " + mx.host + " could not be looked up: " + dnsFailure(a) + ".");
        if (a.ok()) {
            h.tlsaRecords = static_cast<int>(a.records.size());
            for (const DnsRecord &r : a.records) {
                h.tlsa.push_back(r.text);
                if (r.text.starts_with("0 ") || r.text.starts_with("1 "))
                    pkixUsage = true;
            }
            h.secure = a.secure;
        }
        if (h.tlsaRecords > 0) {
            ++published;
            if (h.secure && p.mxSecure)
                ++counted;
            else if (!h.secure)
                d.notes.push_back("TLSA records for " + mx.host +
                                  " are not DNSSEC-validated: sending servers ignore them (RFC 7672 §2.2).");
        }
        d.hosts.push_back(std::move(h));
    }
    if (published > 0 && !p.mxSecure)
        d.notes.push_back("The MX records are not DNSSEC-validated, so sending servers do not use DANE for them "
                          "(RFC 7672 §2.2.1).");
    if (pkixUsage)
        d.notes.push_back("TLSA usages 0 and 1 (PKIX-TA, PKIX-EE) are not meant for SMTP; use 3 1 1 or 2 1 1 (RFC 7672 §3.1.3).");
    const int hosts = static_cast<int>(d.hosts.size());
    if (counted == hosts) {
        d.rating = PostureRating::Good;
        d.summary = "Every MX host has DNSSEC-validated TLSA records: DANE-aware senders insist on verified TLS.";
    } else if (counted > 0) {
        d.rating = PostureRating::Weak;
        d.summary = std::to_string(counted) + " of " + std::to_string(hosts) +
                    " MX hosts have DNSSEC-validated TLSA records; the others get no DANE protection.";
    } else if (published > 0) {
        d.rating = PostureRating::Weak;
        d.summary = p.mxSecure ? "TLSA records are published but not DNSSEC-validated: no sender uses them."
                               : "TLSA records are published but the MX records are not DNSSEC-validated: no sender uses them.";
    } else {
        d.rating = PostureRating::Missing;
        d.summary = "No DANE: no MX host has TLSA records.";
    }
    if (d.rating != PostureRating::Good) {
        for (const DaneHostPosture &h : d.hosts) {
            if (!(h.secure && h.tlsaRecords > 0 && p.mxSecure))
                d.fixes.push_back("Sign the zone with DNSSEC and publish _25._tcp." + h.host +
                                  ". TLSA 3 1 1 <SHA-256 of the server's public key>");
        }
    }
}

// ---------------------------------------------------------------- BIMI

void assessBimi(DomainPosture &p, const Resolver &resolver)
{
    BimiPosture &b = p.bimi;
    const std::string name = "default._bimi." + p.domain;
    const TxtLookup l = lookupTxt(resolver, name, [](const std::string &s) { return BimiRecord::isBimiRecord(s); });
    b.dnssec = l.answer.secure;
    if (l.answer.temporary()) {
        b.rating = PostureRating::Unknown;
        b.summary = "BIMI could not be checked: " + dnsFailure(l.answer) + ".";
        return;
    }
    if (l.matching.empty()) {
        b.rating = PostureRating::Missing;
        b.summary = "No BIMI record (optional: shows a brand logo in some mail clients; needs DMARC enforcement).";
        return;
    }
    b.record = l.matching.front();
    if (l.matching.size() > 1) {
        b.rating = PostureRating::Broken;
        b.summary = name + " holds " + std::to_string(l.matching.size()) + " BIMI records; receivers ignore them.";
        return;
    }
    auto rec = BimiRecord::parse(b.record);
    if (!rec) {
        b.rating = PostureRating::Broken;
        b.summary = "The BIMI record is invalid (" + rec.error().message + ").";
        return;
    }
    b.logo = rec->logo;
    b.authority = rec->authority;
    if (rec->declined) {
        b.rating = PostureRating::Good;
        b.summary = "The domain declines to show a BIMI logo.";
        return;
    }
    b.shown = p.dmarc.enforcing;
    if (b.shown) {
        b.rating = PostureRating::Good;
        b.summary = "Mail clients that support BIMI may show the logo at " + b.logo + ".";
    } else {
        b.rating = PostureRating::Weak;
        b.summary = "A BIMI record is published, but mail clients will not show the logo: DMARC is not enforcing "
                    "(p=quarantine or p=reject for all mail).";
        b.fixes.push_back("Enforce DMARC first (see the DMARC fix).");
    }
}

// ---------------------------------------------------------------- grade

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
