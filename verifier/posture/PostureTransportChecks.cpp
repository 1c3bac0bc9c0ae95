// The transport and brand half of a domain's posture: MTA-STS and TLS-RPT records, DANE TLSA
// records for the MX hosts, and BIMI.
#include "PostureChecks.h"

#include "BimiRecord.h"
#include "MtaStsPolicy.h"
#include "MtaStsRecord.h"
#include "Strings.h"
#include "TlsRptRecord.h"

#include <algorithm>
#include <ctime>

namespace verifier::posture {

namespace {

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

} // namespace

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

} // namespace verifier::posture
