#include "CheckSummary.h"

#include "FindingText.h"

#include <QCoreApplication>

namespace sealcheck::ui {

using namespace verifier;

namespace {
QString tr(const char *s) { return QCoreApplication::translate("sealcheck::ui", s); }
QString q(const std::string &s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }
SummaryLine good(const QString &t) { return {SummaryLine::Good, t}; }
SummaryLine bad(const QString &t) { return {SummaryLine::Bad, t}; }
SummaryLine neutral(const QString &t) { return {SummaryLine::Neutral, t}; }

SummaryLine dkimLine(const DkimResult &d, const std::string &fromDomain)
{
    const QString domain = q(d.domain);
    switch (d.result) {
    case AuthResult::Pass:
        if (!d.coversWholeMessage())
            return bad(tr("Signed by %1, but only part of the message").arg(domain));
        if (d.aligned)
            return good(tr("Signed by %1").arg(domain));
        if (d.acceptedSigner)
            return good(tr("Signed by %1, which you accepted for %2").arg(domain, q(fromDomain)));
        return neutral(tr("Signed by %1, which is not the sender's domain").arg(domain));
    case AuthResult::TempError:
        return neutral(tr("The signature by %1 could not be checked now").arg(domain));
    case AuthResult::Fail:
    case AuthResult::PermError:
        return bad(tr("The signature by %1 is not valid: %2")
                       .arg(domain, dkimFailureWords(QString::fromLatin1(dkimFailureName(d.failure)))));
    case AuthResult::None:
    case AuthResult::SoftFail:
    case AuthResult::Neutral:
    case AuthResult::Policy:
        break;
    }
    return neutral(tr("The signature by %1 was not evaluated").arg(domain));
}

SummaryLine spfLine(const SpfResult &p)
{
    const QString domain = q(p.domain);
    if (!p.evaluated)
        return neutral(tr("Sending server not checked: no delivery record from a server you trust"));
    switch (p.result) {
    case AuthResult::Pass: return good(tr("Sending server allowed by %1").arg(domain));
    case AuthResult::Fail: return bad(tr("Sending server not allowed by %1").arg(domain));
    case AuthResult::SoftFail: return neutral(tr("Sending server probably not allowed by %1").arg(domain));
    case AuthResult::TempError: return neutral(tr("Sending server could not be checked now (DNS)"));
    case AuthResult::PermError:
        return bad(tr("The list of sending servers of %1 is broken (SPF permerror), so it allows none").arg(domain));
    case AuthResult::None:
        return neutral(tr("%1 does not list its sending servers (no SPF record)").arg(domain.isEmpty() ? tr("The sender") : domain));
    case AuthResult::Neutral:
    case AuthResult::Policy:
        break;
    }
    return neutral(tr("%1 says nothing about the sending server").arg(domain));
}

SummaryLine dmarcLine(const DmarcResult &d)
{
    const QString domain = q(d.domain);
    switch (d.result) {
    case AuthResult::Pass: return good(tr("Meets the policy of %1 (DMARC)").arg(domain));
    case AuthResult::Fail:
        switch (d.policy) {
        case DmarcPolicy::Reject: return bad(tr("Fails the policy of %1, which asks to refuse such mail (DMARC)").arg(domain));
        case DmarcPolicy::Quarantine:
            return bad(tr("Fails the policy of %1, which asks to treat such mail as spam (DMARC)").arg(domain));
        case DmarcPolicy::None:
        case DmarcPolicy::Unspecified:
            break;
        }
        return bad(tr("Fails the policy of %1, which only monitors (DMARC)").arg(domain));
    case AuthResult::None: return neutral(tr("%1 publishes no policy (DMARC)").arg(domain));
    case AuthResult::TempError: return neutral(tr("The policy of %1 could not be looked up now (DMARC)").arg(domain));
    case AuthResult::PermError:
        return bad(tr("The policy of %1 is broken (DMARC permerror), so it protects nothing").arg(domain));
    case AuthResult::SoftFail:
    case AuthResult::Neutral:
    case AuthResult::Policy:
        break;
    }
    return neutral(tr("The policy of %1 gave no answer (DMARC)").arg(domain));
}

void signatureLine(QList<SummaryLine> &out, const std::optional<SignatureResult> &sig, const QString &kind)
{
    if (!sig)
        return;
    const QString signer = q(sig->signer);
    if (sig->result == AuthResult::Pass && sig->matchesFrom && sig->trusted && sig->coversWholeBody)
        out << good(tr("%1 signature by %2").arg(kind, signer));
    else if (sig->result == AuthResult::Pass && !sig->matchesFrom)
        out << bad(tr("%1 signature by %2, not by the sender").arg(kind, signer));
    else if (sig->result == AuthResult::Pass && !sig->trusted)
        out << neutral(tr("%1 signature by %2, from a certificate or key you do not trust").arg(kind, signer));
    else if (sig->result == AuthResult::Pass)
        out << bad(tr("%1 signature by %2 covers only part of the message").arg(kind, signer));
    else if (sig->result == AuthResult::TempError)
        out << neutral(tr("%1 signature could not be checked now").arg(kind));
    else
        out << bad(tr("%1 signature is not valid").arg(kind));
}

} // namespace

QString SummaryLine::display() const
{
    const QString marks[] = {QStringLiteral("✓ "), QStringLiteral("✗ "), QStringLiteral("– ")};
    return marks[mark] + text;
}

QList<SummaryLine> checkSummary(const Report &r)
{
    QList<SummaryLine> out;
    if (r.dkim.empty())
        out << neutral(tr("Not signed (no DKIM signature)"));
    for (const DkimResult &d : r.dkim)
        out << dkimLine(d, r.from.domain);
    signatureLine(out, r.smime, tr("S/MIME"));
    signatureLine(out, r.pgp, tr("OpenPGP"));
    if (r.spf)
        out << spfLine(*r.spf);
    if (r.dmarc)
        out << dmarcLine(*r.dmarc);
    if (r.arc && r.arc->instances > 0 && !r.arc->chain.empty()) {
        const QString sealer = q(r.arc->chain.back().domain);
        if (r.arc->trustedSealer && r.arc->result == AuthResult::Pass)
            out << good(tr("Forwarded by %1, a forwarder you trust (ARC)").arg(sealer));
        else
            out << neutral(tr("Forwarded by %1 (ARC; not a forwarder you trust)").arg(sealer));
    }
    if (r.iprev) {
        if (r.iprev->result == AuthResult::Pass)
            out << good(tr("Sending server's name %1 confirmed by reverse DNS").arg(q(r.iprev->confirmedName)));
        else if (r.iprev->result == AuthResult::Fail)
            out << neutral(tr("Sending server's reverse DNS name does not lead back to it"));
    }
    return out;
}

QStringList claimedNames(const Report &r)
{
    QStringList out;
    if (r.spf && !r.spf->helo.empty())
        out << tr("The sending server called itself %1 (HELO)").arg(q(r.spf->helo));
    if (r.spf && !r.spf->mailFrom.empty() && r.spf->result != AuthResult::Pass)
        out << tr("Bounces go to %1 (envelope sender)").arg(q(r.spf->mailFrom));
    return out;
}

QString resultWithWords(AuthResult result)
{
    const QString token = QString::fromLatin1(rfc8601Token(result));
    switch (result) {
    case AuthResult::Pass: return token;
    case AuthResult::Fail: return tr("%1 (does not match)").arg(token);
    case AuthResult::SoftFail: return tr("%1 (probably not allowed)").arg(token);
    case AuthResult::Neutral: return tr("%1 (no statement)").arg(token);
    case AuthResult::None: return tr("%1 (nothing published)").arg(token);
    case AuthResult::TempError: return tr("%1 (could not be checked now)").arg(token);
    case AuthResult::PermError: return tr("%1 (the published record is broken)").arg(token);
    case AuthResult::Policy: return tr("%1 (refused by local policy)").arg(token);
    }
    return token;
}

} // namespace sealcheck::ui
