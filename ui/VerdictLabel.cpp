#include "VerdictLabel.h"

#include <QCoreApplication>

namespace sealcheck::ui {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("sealcheck::ui", s); }
QString q(const std::string &s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }
} // namespace

bool isUserException(const verifier::Report &r)
{
    if (r.verdict != verifier::Verdict::Authenticated)
        return false;
    if (r.userException)
        return true;
    bool accepted = false;
    for (const verifier::Finding &f : r.reasons) {
        if (f.code == verifier::FindingCode::AcceptedSigner)
            accepted = true;
        else if (f.code == verifier::FindingCode::DmarcPassDkim || f.code == verifier::FindingCode::DmarcPassSpf
                 || f.code == verifier::FindingCode::DmarcPassReported || f.code == verifier::FindingCode::SmimeValid
                 || f.code == verifier::FindingCode::PgpValid || f.code == verifier::FindingCode::DkimPassReported
                 || f.code == verifier::FindingCode::ArcDmarcPassReported || f.code == verifier::FindingCode::ArcOverride)
            return false; // the sender's own proof is there too
    }
    return accepted;
}

QString exceptionSigner(const verifier::Report &r)
{
    for (const verifier::DkimResult &d : r.dkim) {
        if (d.acceptedSigner && d.coversWholeMessage())
            return q(d.domain);
    }
    for (const verifier::Finding &f : r.reasons) {
        if (f.code == verifier::FindingCode::AcceptedSigner && !f.args.empty())
            return q(f.args[0]);
    }
    return {};
}

QString authenticatedDomain(const verifier::Report &r)
{
    if (r.verdict != verifier::Verdict::Authenticated)
        return {};
    return q(r.authenticatedDomain.empty() ? r.from.domain : r.authenticatedDomain);
}

QString verdictLabel(const verifier::Report &r)
{
    const VerdictState state = stateOf(r.verdict);
    if (state != VerdictState::Authenticated)
        return verdictWord(state);
    if (isUserException(r))
        return tr("✓ signed by %1 for %2 — your exception").arg(exceptionSigner(r), q(r.from.domain));
    const QString domain = authenticatedDomain(r);
    if (domain.isEmpty())
        return verdictWord(state);
    if (!r.via.empty())
        return tr("✓ %1 via %2").arg(domain, q(r.via));
    return tr("✓ %1").arg(domain);
}

QString verdictSentence(const verifier::Report &r)
{
    const VerdictState state = stateOf(r.verdict);
    if (state != VerdictState::Authenticated)
        return verdictHeadline(state);
    if (isUserException(r))
        return tr("%2 itself does not confirm this message. You accepted %1 as its sending service: the signature of "
                  "%1 is valid and covers the whole message.")
            .arg(exceptionSigner(r), q(r.from.domain));
    const QString domain = authenticatedDomain(r);
    if (domain.isEmpty())
        return verdictHeadline(state);
    if (!r.via.empty())
        return tr("This message really comes from %1; %2 delivered it on its behalf.").arg(domain, q(r.via));
    return tr("This message really comes from %1.").arg(domain);
}

QColor verdictLabelColor(const verifier::Report &r, const QPalette &palette)
{
    if (isUserException(r))
        return palette.color(QPalette::Text);
    return verdictColor(stateOf(r.verdict), palette);
}

} // namespace sealcheck::ui
