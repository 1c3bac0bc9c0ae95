#pragma once
// Translated sentences for the verifier's findings. The verifier gives codes and arguments;
// only the UI turns them into words (STYLE.md habit 1).

#include "Report.h"

#include <QString>

namespace sealcheck::ui {

QString findingText(const verifier::Finding &finding);
/// The engine's free-form findings (FindingCode::Other) in words of the user's language, by
/// their fixed English forms; anything else as written.
QString otherText(const QString &english);
/// A warning that never decides the verdict and is on nearly every message (DNSSEC missing,
/// untrusted Authentication-Results, iprev, weak or testing keys, historic methods): shown as
/// "N technical notes" one click away, not under the headline (issue 20, point 6).
bool isTechnicalNote(const verifier::Finding &finding);
/// A DKIM failure code (verifier::dkimFailureName, "body-hash-mismatch") in words.
QString dkimFailureWords(const QString &code);

} // namespace sealcheck::ui
