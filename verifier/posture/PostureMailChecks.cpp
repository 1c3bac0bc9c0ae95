// The mail-authentication half of a domain's posture: SPF, DMARC and DKIM records, what each
// says, and the record that would fix it.
#include "PostureChecks.h"

#include "DkimKeyRecord.h"
#include "DkimPublicKey.h"
#include "OrgDomain.h"
#include "SpfLookupCounter.h"
#include "Strings.h"

#include <algorithm>

namespace verifier::posture {

namespace {

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

} // namespace

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
namespace {

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

} // namespace

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

} // namespace verifier::posture
