#pragma once
/// Encoded words (RFC 2047 §2-§6, with the RFC 2231 §5 language tag "=?utf-8*en?q?...?=") decoded
/// for DISPLAY only. The result is never used to build address syntax (ARCHITECTURE.md: encoded
/// words never become addresses).

#include <cstddef>
#include <string>
#include <string_view>

namespace verifier {

struct Rfc2047Limits
{
    /// Longer inputs are returned as written.
    static constexpr size_t maxInput = 64 * 1024;
    /// Encoded words after this many are left as written.
    static constexpr size_t maxWords = 1000;
};

/// Decodes every well-formed encoded word ("=?charset[*lang]?B|Q?text?=", RFC 2047 §2, §4) in
/// @p text to UTF-8, wherever it appears (also inside quoted strings and next to other text, as mail
/// clients do: what is decoded here is what the reader is shown); charsets through ICU converters (unknown charset: the word stays as written).
/// White space between two adjacent encoded words is dropped (§6.2); adjacent words in the same
/// charset are joined before conversion so that a character split between them survives.
/// Malformed words (bad base64 or Q escapes, '?' or space in the text, no charset) stay as written.
/// Decoded text may hold NUL, CR, LF, bidi or zero-width characters: escape before showing.
/// Bounded: see Rfc2047Limits. Sets @p hadEncodedWords when at least one word was decoded.
std::string decodeEncodedWords(std::string_view text, bool *hadEncodedWords = nullptr);

} // namespace verifier
