#include "VerdictStyle.h"

#include <QCoreApplication>

namespace sealcheck::ui {

namespace {
// lupdate files these tr() calls under the namespace context; look them up there.
QString tr(const char *s) { return QCoreApplication::translate("sealcheck::ui", s); }
bool isDark(const QPalette &p) { return p.color(QPalette::Base).lightness() < 128; }
} // namespace

VerdictState stateOf(verifier::Verdict verdict)
{
    switch (verdict) {
    case verifier::Verdict::Authenticated: return VerdictState::Authenticated;
    case verifier::Verdict::Forged: return VerdictState::Forged;
    case verifier::Verdict::Suspicious: return VerdictState::Suspicious;
    case verifier::Verdict::Unauthenticated: return VerdictState::Unauthenticated;
    case verifier::Verdict::NotChecked: return VerdictState::NotChecked;
    }
    return VerdictState::Unauthenticated;
}

VerdictState stateFromName(const QString &name)
{
    if (name == QLatin1String("authenticated"))
        return VerdictState::Authenticated;
    if (name == QLatin1String("forged"))
        return VerdictState::Forged;
    if (name == QLatin1String("suspicious"))
        return VerdictState::Suspicious;
    if (name == QLatin1String("unauthenticated"))
        return VerdictState::Unauthenticated;
    if (name == QLatin1String("not-checked"))
        return VerdictState::NotChecked;
    return VerdictState::Pending;
}

QIcon verdictIcon(VerdictState state)
{
    // Made once (the message list asks for every visible row on every repaint); QIcon is
    // implicitly shared, so handing out copies is cheap. GUI thread only, like all icons.
    static const QIcon icons[] = {
        QIcon(QStringLiteral(":/icons/verdict-authenticated.svg")),
        QIcon(QStringLiteral(":/icons/verdict-forged.svg")),
        QIcon(QStringLiteral(":/icons/verdict-suspicious.svg")),
        QIcon(QStringLiteral(":/icons/verdict-unauthenticated.svg")),
        QIcon(QStringLiteral(":/icons/verdict-pending.svg")),
        QIcon(QStringLiteral(":/icons/verdict-not-checked.svg")),
    };
    switch (state) {
    case VerdictState::Authenticated: return icons[0];
    case VerdictState::Forged: return icons[1];
    case VerdictState::Suspicious: return icons[2];
    case VerdictState::Unauthenticated: return icons[3];
    case VerdictState::Pending: return icons[4];
    case VerdictState::NotChecked: return icons[5];
    }
    return {};
}

QString verdictWord(VerdictState state)
{
    switch (state) {
    case VerdictState::Authenticated: return tr("Authenticated");
    case VerdictState::Forged: return tr("Forged");
    case VerdictState::Suspicious: return tr("Suspicious");
    case VerdictState::Unauthenticated: return tr("Unauthenticated");
    case VerdictState::Pending: return tr("Checking…");
    case VerdictState::NotChecked: return tr("Not checked");
    }
    return {};
}

QString verdictHeadline(VerdictState state)
{
    switch (state) {
    case VerdictState::Authenticated: return tr("This message really comes from the sender shown.");
    case VerdictState::Forged: return tr("This message is forged: it does not come from the sender shown.");
    case VerdictState::Suspicious: return tr("Be careful: this message tries to look like something it is not.");
    case VerdictState::Unauthenticated: return tr("Nothing proves who sent this message.");
    case VerdictState::Pending: return tr("This message is being checked.");
    case VerdictState::NotChecked:
        return tr("This message could not be checked now, so nothing is known yet about who sent it.");
    }
    return {};
}

QColor verdictColor(VerdictState state, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (state) {
    case VerdictState::Authenticated: return dark ? QColor(0x6f, 0xd6, 0x8f) : QColor(0x1b, 0x7f, 0x3b);
    case VerdictState::Forged: return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb7, 0x1c, 0x1c);
    case VerdictState::Suspicious: return dark ? QColor(0xff, 0xc1, 0x4d) : QColor(0x9a, 0x5b, 0x00);
    case VerdictState::Unauthenticated: return palette.color(QPalette::Text);
    case VerdictState::Pending: return palette.color(QPalette::PlaceholderText);
    case VerdictState::NotChecked: return dark ? QColor(0x9d, 0xb8, 0xe8) : QColor(0x3b, 0x5b, 0x94);
    }
    return palette.color(QPalette::Text);
}

int verdictRank(VerdictState state)
{
    switch (state) {
    case VerdictState::Forged: return 0;
    case VerdictState::Suspicious: return 1;
    case VerdictState::NotChecked: return 2; // needs a look: nothing is known yet
    case VerdictState::Unauthenticated: return 3;
    case VerdictState::Authenticated: return 4;
    case VerdictState::Pending: return 5;
    }
    return 5;
}

} // namespace sealcheck::ui
