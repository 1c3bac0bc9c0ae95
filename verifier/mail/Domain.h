#pragma once
/// Domain names as identities: normalised in exactly one place (STYLE.md habit 8) and compared as
/// values, never as display strings.

#include "Expected.h"

#include <string>
#include <string_view>

namespace verifier {

/// Normalises a domain once: IDNA 2008 (libidn2, UTS#46 non-transitional processing, RFC 5891/5892)
/// to the A-label form, lower case, one trailing dot removed; validates label syntax (LDH, RFC 1035
/// §2.3.1 / RFC 5890 §2.3.1: letters, digits, hyphen, no hyphen at either end, 1..63 octets, total
/// <= 253 octets, no empty label, at least one dot unless @p allowSingleLabel).
///
/// Never "cleans up": address literals ("[192.0.2.1]") are an Error, so are invalid UTF-8, an
/// "xn--" label that is not a valid A-label, a non-ASCII label that maps to pure ASCII (fullwidth
/// or compatibility forms such as "ｅxample"), and a label containing a non-ASCII dot (U+3002 ...).
/// Lookalikes stay distinct: "pаypal.example" (Cyrillic а) is not "paypal.example".
Expected<std::string> normalizeDomain(std::string_view domain, bool allowSingleLabel = false);

/// The U-label form of an A-label domain for display when every label converts and converts back
/// to the same A-label; otherwise the input unchanged. Not escaped: callers pass the result through
/// escapeForDisplay like anything shown.
std::string domainForDisplay(std::string_view aLabel);

} // namespace verifier
