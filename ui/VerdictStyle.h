#pragma once
// The one mapping from a verdict to what the user sees: icon, word, colour and accessible text.
// Never colour alone: every place shows the icon and the word too.

#include "Report.h"

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QString>

namespace sealcheck::ui {

/// A verdict, "not verified yet" (Pending), or "could not be checked" (NotChecked: a temporary
/// failure such as DNS not answering; not a verdict about the sender, issue 20).
enum class VerdictState { Authenticated, Forged, Suspicious, Unauthenticated, Pending, NotChecked };

VerdictState stateOf(verifier::Verdict verdict);
VerdictState stateFromName(const QString &name); // "forged", "not-checked" ...; "" = Pending

QIcon verdictIcon(VerdictState state);
QString verdictWord(VerdictState state);
/// One sentence for the banner and screen readers.
QString verdictHeadline(VerdictState state);
/// A colour readable on the palette's base (light and dark).
QColor verdictColor(VerdictState state, const QPalette &palette);
/// Sort rank: forged first.
int verdictRank(VerdictState state);

} // namespace sealcheck::ui
