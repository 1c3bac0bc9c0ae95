#pragma once
// What a verdict says about one message, in the list and the banner (issue 20): who is
// authenticated ("✓ mybank.example"), who did the work ("via ietf.org"), and whether only the
// user's own exception vouches for it ("✓ signed by news.example for smallclub.example — your
// exception"), which is never shown as plain "authenticated" (ARCHITECTURE.md, "Verdict").

#include "Report.h"
#include "VerdictStyle.h"

#include <QString>

namespace sealcheck::ui {

/// Only the user's exception (an accepted signer) authenticates the message: Report::
/// userException, or (until the engine sets it) an authenticated verdict whose only reasons
/// are AcceptedSigner findings.
bool isUserException(const verifier::Report &report);
/// The accepted signing domain of a user exception (empty when none).
QString exceptionSigner(const verifier::Report &report);
/// The domain that vouches for an authenticated message (Report::authenticatedDomain, else the
/// From domain); empty for other verdicts.
QString authenticatedDomain(const verifier::Report &report);

/// The short text of the list's Security column and the banner title: "✓ mybank.example",
/// "✓ lists.example via ietf.org", "✓ signed by X for Y — your exception", "Forged", ...
QString verdictLabel(const verifier::Report &report);
/// One sentence for the banner and screen readers, naming the domain when there is one.
QString verdictSentence(const verifier::Report &report);
/// The colour of the label: an exception is not green (it is the user's word, not the sender's).
QColor verdictLabelColor(const verifier::Report &report, const QPalette &palette);

} // namespace sealcheck::ui
