#pragma once
/// The report of a message Sealcheck refused to read because it exceeds a limit of
/// Message::parse (docs/LIMITS.md "Messages"): *not checked* (FindingCode::NotCheckedLimit), never
/// unauthenticated. Issue 24 item 13: a spoof padded past 1000 header fields was "unauthenticated"
/// in the desktop program and unreadable in the CLI; both now show this report.

#include "Report.h"

#include <string>

namespace verifier {

/// @p limit is what Message::parse gave in its `exceeded` argument ("1000 header fields").
Report overLimitReport(std::string source, const std::string &limit);

} // namespace verifier
