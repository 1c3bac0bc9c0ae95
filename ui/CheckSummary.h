#pragma once
// The first thing the security tab says (issue 20): one line per check in plain words with a
// mark, ✓ (it vouches for the sender), ✗ (it speaks against) or – (it says nothing either way):
// "✓ Signed by mybank.example", "✓ Sending server allowed by mybank.example". Names the sender
// only claimed (the HELO name) are listed apart from the verified ones. Details stay below.

#include "Report.h"

#include <QList>
#include <QString>

namespace sealcheck::ui {

struct SummaryLine
{
    enum Mark { Good, Bad, Neutral };
    Mark mark = Neutral;
    QString text;
    /// "✓ text", "✗ text", "– text".
    QString display() const;
};

/// The verified checks, in the order a reader asks: signatures, sending server, policy, forwarding.
QList<SummaryLine> checkSummary(const verifier::Report &report);
/// What the sender only claims (not verified): the HELO name, the envelope sender when it is
/// not authorised. Empty when there is nothing to show.
QStringList claimedNames(const verifier::Report &report);
/// An RFC 8601 result with words: "pass", "permerror (the published record is broken)", ...
QString resultWithWords(verifier::AuthResult result);

} // namespace sealcheck::ui
