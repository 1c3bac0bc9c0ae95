#pragma once
// The plain-text report (CLI `--format text`, the desktop "Copy report"). English: the desktop
// program translates its own panel; this text is for terminals, logs and bug reports.

#include "Report.h"

#include <string>

namespace sealcheck {

std::string reportToText(const verifier::Report &report);

} // namespace sealcheck
