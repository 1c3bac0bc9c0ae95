#include "ReportText.h"

#include <sstream>

namespace sealcheck {

using namespace verifier;

namespace {

std::string upper(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        c = (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c;
    return out;
}

} // namespace

std::string reportToText(const Report &r)
{
    std::ostringstream out;
    out << r.source << "\n";
    out << "  Verdict:  " << upper(verdictName(r.verdict)) << "\n";
    out << "  From:     " << (r.from.header.empty() ? std::string("(none)") : r.from.header) << "\n";
    if (!r.subject.empty())
        out << "  Subject:  " << r.subject << "\n";
    for (const Finding &f : r.reasons)
        out << "  - " << f.text << "\n";
    for (const Finding &f : r.warnings)
        out << "  ! " << f.text << "\n";

    if (r.dkim.empty()) {
        out << "  DKIM:     none (no DKIM-Signature)\n";
    }
    for (const DkimResult &d : r.dkim) {
        out << "  DKIM:     " << rfc8601Token(d.result) << "  d=" << d.domain << " s=" << d.selector;
        if (!d.algorithm.empty())
            out << " " << d.algorithm;
        if (d.keyBits > 0)
            out << " " << d.keyBits << "-bit";
        if (d.aligned)
            out << " aligned";
        if (d.dnssec)
            out << " dnssec";
        if (!d.reason.empty())
            out << " (" << d.reason << ")";
        out << "\n";
    }
    if (r.spf) {
        out << "  SPF:      " << rfc8601Token(r.spf->result);
        if (!r.spf->domain.empty())
            out << "  " << r.spf->domain;
        if (!r.spf->clientIp.empty())
            out << " ip=" << r.spf->clientIp;
        if (!r.spf->reason.empty())
            out << " (" << r.spf->reason << ")";
        out << "\n";
    }
    if (r.iprev)
        out << "  iprev:    " << rfc8601Token(r.iprev->result) << " ip=" << r.iprev->clientIp
            << (r.iprev->confirmedName.empty() ? std::string() : " " + r.iprev->confirmedName) << " (" << r.iprev->reason
            << ")\n";
    if (r.dmarc) {
        out << "  DMARC:    " << rfc8601Token(r.dmarc->result);
        if (!r.dmarc->domain.empty())
            out << "  " << r.dmarc->domain;
        if (r.dmarc->policy != DmarcPolicy::Unspecified)
            out << " p=" << dmarcPolicyName(r.dmarc->policy);
        if (!r.dmarc->reason.empty())
            out << " (" << r.dmarc->reason << ")";
        out << "\n";
    }
    if (r.arc && r.arc->instances > 0)
        out << "  ARC:      " << rfc8601Token(r.arc->result) << " (" << r.arc->instances << " instances) "
            << r.arc->reason << "\n";
    if (r.vbr)
        out << "  VBR:      " << rfc8601Token(r.vbr->result) << "  md=" << r.vbr->domain << " (" << r.vbr->reason << ")\n";
    for (const DomainKeysResult &d : r.domainKeys)
        out << "  DomainKeys (historic): " << rfc8601Token(d.result) << "  d=" << d.domain << " (" << d.reason << ")\n";
    for (const HistoricMethod &h : r.historic)
        out << "  Historic: " << h.method << "=" << h.result << " by " << h.reportedBy << ", replaced by " << h.replacedBy
            << (h.recordMeaning.empty() ? std::string() : "; " + h.domain + ": " + h.recordMeaning) << "\n";
    if (r.smime)
        out << "  S/MIME:   " << rfc8601Token(r.smime->result) << " " << r.smime->signer << " ("
            << r.smime->reason << ")\n";
    if (r.pgp)
        out << "  OpenPGP:  " << rfc8601Token(r.pgp->result) << " " << r.pgp->signer << " (" << r.pgp->reason
            << ")\n";
    for (const AuthResultsHeader &h : r.authenticationResults) {
        out << "  A-R:      " << (h.authservId.empty() ? std::string("?") : h.authservId)
            << (h.trusted ? " (trusted)" : " (not trusted: " + h.trustReason + ")") << "\n";
    }
    return out.str();
}

} // namespace sealcheck
