#pragma once
/// RFC 5322 §3.3 date-time, including the obsolete forms of §4.3 (two- and three-digit years,
/// alphabetic zones UT/GMT/EST.../military letters, comments, extra white space), as found
/// after the last ';' of a Received field.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace verifier {

/// Unix seconds, or nullopt when the text is not a date-time or a field is out of range.
/// Military zone letters (RFC 5322 §4.3: their meaning was reversed in RFC 822) and unknown
/// zones count as -0000 (UTC, zone unknown).
std::optional<int64_t> parseRfc5322DateTime(std::string_view text);

/// "2026-11-20T10:00:00Z" (RFC 3339, UTC).
std::string formatRfc3339Utc(int64_t unixSeconds);

} // namespace verifier
