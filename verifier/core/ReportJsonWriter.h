#pragma once
/// The JSON form of a Report (CLI.md), written straight into a string as it is built, without a
/// JSON document: byte for byte what reportToJson() gives (keys in the same sorted order, the
/// same string escaping, invalid UTF-8 replaced by U+FFFD), at a fraction of its cost. The CLI
/// writes every report through it; tst_reportjsonwriter holds the two to the same bytes, so a
/// field added to ReportJson.cpp must be added here too.

#include "Report.h"

#include <string>

namespace verifier {

/// Appends one line of JSON (no trailing newline) to @p out.
void appendReportJson(const Report &report, std::string &out);

} // namespace verifier
