#pragma once
// The exit status of `sealcheck-cli verify --exit-code` and `sealcheck-cli filter --exit-code`:
// one table, documented in docs/mail-clients.md ("Exit codes").
//
// Chosen for mail filters: 0 is the one "success" a procmail `? ` condition, a Sieve
// `execute` test or an `if` in a shell script sees as true, so it is given only to mail that is
// authenticated. The other verdicts get codes of their own, away from 1 (what crashing scripts and
// many tools use for "something went wrong") and from 2 (the usage or input error every command
// already returns). Not checked is EX_TEMPFAIL (75, <sysexits.h>): what an MTA (Postfix pipe(8),
// Exim, sendmail) reads as "defer and try again", which is exactly what a DNS failure means.

#include "Report.h"

namespace sealcheck::cli {

namespace exitcode {
inline constexpr int kAuthenticated = 0;
inline constexpr int kUsageOrInput = 2;   ///< bad option, unreadable file, not a message
inline constexpr int kUnauthenticated = 10;
inline constexpr int kSuspicious = 11;
inline constexpr int kForged = 12;
inline constexpr int kNotChecked = 75;    ///< EX_TEMPFAIL: a temporary failure, try again
} // namespace exitcode

/// The exit status for one verdict.
inline int exitCodeFor(verifier::Verdict verdict)
{
    switch (verdict) {
    case verifier::Verdict::Authenticated: return exitcode::kAuthenticated;
    case verifier::Verdict::Unauthenticated: return exitcode::kUnauthenticated;
    case verifier::Verdict::Suspicious: return exitcode::kSuspicious;
    case verifier::Verdict::Forged: return exitcode::kForged;
    case verifier::Verdict::NotChecked: return exitcode::kNotChecked;
    }
    return exitcode::kNotChecked;
}

/// How bad a status is, for several messages in one run: an input that could not be read
/// (the answer is incomplete) > forged > suspicious > not checked > unauthenticated >
/// authenticated. Not checked ranks below suspicious and forged: a message proven bad is news
/// that checking again will not change.
inline int exitCodeSeverity(int code)
{
    switch (code) {
    case exitcode::kAuthenticated: return 0;
    case exitcode::kUnauthenticated: return 1;
    case exitcode::kNotChecked: return 2;
    case exitcode::kSuspicious: return 3;
    case exitcode::kForged: return 4;
    default: return 5; // kUsageOrInput and anything unexpected
    }
}

/// The worse of two statuses (see exitCodeSeverity).
inline int worseExitCode(int a, int b) { return exitCodeSeverity(b) > exitCodeSeverity(a) ? b : a; }

} // namespace sealcheck::cli
