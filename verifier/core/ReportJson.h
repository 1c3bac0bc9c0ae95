#pragma once
/// The JSON form of a Report, exactly as CLI.md specifies (stable names: add fields, never rename
/// or drop). Also the store's serialisation: reportFromJson(reportToJson(r)) == r.

#include "Expected.h"
#include "Report.h"

#include <string>

namespace verifier {

/// One line of JSON (no trailing newline).
std::string reportToJson(const Report &report);
/// Pretty-printed with two-space indentation.
std::string reportToJsonPretty(const Report &report);
Expected<Report> reportFromJson(std::string_view json);
/// The JSON name of a From field's kind ("one", "several", ...; `from.kind`).
std::string_view addressListKindName(AddressListKind kind);

} // namespace verifier
