#pragma once
/// Comments (RFC 5322 §3.2.2) in a From field, as mail programs show them. A comment is never
/// part of the address, yet readers display it: "(x <admin@bank.example>) <any@evil.example>"
/// shows the bank's address beside the attacker's ("Splitting the Email Atom", Heyes 2024;
/// "Composition Kills" §5.2). RFC 2047 §5(2) allows encoded words in comments, and clients decode
/// them, so the text is decoded too (for display only, never for address syntax).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace verifier {

struct FromCommentLimits
{
    static constexpr size_t maxComments = 32;
    /// Longer comment text is cut (what follows is still skipped correctly).
    static constexpr size_t maxCommentBytes = 1024;
};

/// The text of every top-level comment of @p rawValue (a header field value, folded or not), nested
/// comments included in their parent's text, in order. Quoted strings and domain literals are
/// skipped, quoted-pairs honoured; an unclosed comment runs to the end. Encoded words decoded,
/// white space collapsed and trimmed; NOT escaped (pass through escapeForDisplay before showing).
/// Empty comments are left out. Total and bounded (FromCommentLimits).
std::vector<std::string> commentsIn(std::string_view rawValue);

} // namespace verifier
