#pragma once
/// The ARC-Authentication-Results field (AAR), RFC 8617 §4.1.1:
///
///   arc-info = instance [CFWS] ";" authres-payload
///   instance = [CFWS] %s"i" [CFWS] "=" [CFWS] instance-value     ; 1..50, §4.2.1
///
/// The instance tag must come first and be followed by ';' (the "i" is case-sensitive, %s).
/// The payload is an Authentication-Results value (RFC 8601 §2.2) read with
/// parseAuthenticationResults: strictly first, relaxed when strict refuses it (sealers such as
/// large mailbox providers write relaxed forms). A payload that parses in neither mode does not
/// make the ARC set invalid (RFC 8617 §5.2 validates only the instance tag of the AAR, and the
/// seal covers its bytes), it is only not read.

#include "AuthResultsParser.h"
#include "Expected.h"

#include <optional>
#include <string>
#include <string_view>

namespace verifier {

struct ArcAuthenticationResults
{
    int instance = 0;
    /// The payload after "i=N;", unfolded and trimmed, as written.
    std::string payload;
    /// The payload parsed, when it parses (strict, else relaxed).
    std::optional<ParsedAuthResults> parsed;
    /// Why the payload did not parse (empty when it did).
    std::string parseError;
};

/// Parses an AAR field value (HeaderField::rawValue). An Error when the instance tag is
/// missing, malformed, out of range, not first, or not followed by ';'.
Expected<ArcAuthenticationResults> parseArcAuthenticationResults(std::string_view value);

} // namespace verifier
