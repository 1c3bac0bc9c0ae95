#pragma once
/// The one place where a verdict is decided (ARCHITECTURE.md "Verdict"). Everything else only
/// gathers evidence into the Report; decideVerdict() weighs it.
///
///  forged          DMARC fail under quarantine/reject without a trusted ARC override; an invalid
///                  S/MIME or OpenPGP signature, or one naming another identity than From; several
///                  From fields or mailboxes, or a From read differently by strict and lenient
///                  parsers (including one strict parsing cannot read at all); a trusted Authentication-Results field reporting dmarc=fail (unless it
///                  also reports policy.dmarc=none, which is "suspicious" like our own p=none rule).
///  suspicious      not forged, and: DMARC fail under p=none; a display name holding another
///                  address or domain; a lookalike domain; deceptive characters; a signature
///                  covering only part of what is displayed; a trusted header that disagrees with
///                  the recomputation where time does not explain it.
///  authenticated   exactly one From mailbox and DMARC pass through a DKIM signature covering the
///                  whole message or aligned SPF (recomputed; or reported by a trusted header when
///                  a DKIM key was withdrawn after delivery, labelled so; or recorded by a trusted
///                  ARC sealer), or a valid, trusted S/MIME/OpenPGP signature naming From and
///                  covering everything displayed; and nothing above holds.
///  unauthenticated everything else.
/// When two sources disagree the weaker verdict wins, with a warning.

#include "Report.h"

#include <cstdint>
#include <string>
#include <vector>

namespace verifier {

/// Evidence gathered outside the Report's check results (sender analysis, header anomalies).
struct VerdictInputs
{
    /// Findings that prove a forgery on their own (a field read as From by other programs).
    std::vector<Finding> forged;
    /// Checks that could decide the verdict but did not run (a limit reached): not checked.
    std::vector<Finding> notChecked;
    /// A sealer the user trusts recorded dmarc=pass for the From domain in an ARC set of the
    /// message (its AAR); counted only when a trusted Authentication-Results field of the same
    /// provider reported arc=pass, which vouches for the seals (set by verify()).
    std::string arcSealerRecordedPass;
    /// Mail is fresh for this long after the trust-boundary hop (VerifierLimits::freshSeconds).
    int64_t freshSeconds = 24 * 3600;
    /// Findings that make a message suspicious (display name, lookalike, deceptive characters).
    std::vector<Finding> suspicious;
    /// Findings that never change the verdict.
    std::vector<Finding> warnings;
};

/// Sets report.verdict, report.reasons and report.warnings (appending to warnings already there).
void decideVerdict(Report &report, const VerdictInputs &inputs = {});

/// A Finding with its English text filled in from code and args.
Finding makeFinding(FindingCode code, std::vector<std::string> args = {});
/// The English sentence for a finding (the UI translates from the code instead).
std::string findingText(FindingCode code, const std::vector<std::string> &args);

} // namespace verifier
