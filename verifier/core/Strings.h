#pragma once
/// Small byte-string helpers shared by the parsers. ASCII only, except utf8Decode and
/// escapeForDisplay, which read UTF-8 strictly (RFC 3629).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace verifier {

constexpr char toLowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }
constexpr bool isWsp(char c) { return c == ' ' || c == '\t'; }
constexpr bool isDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
/// atext (RFC 5322 §3.2.3), its ASCII part (RFC 6532 adds UTF-8, handled by callers).
constexpr bool isAtext(char c)
{
    if (isAlpha(c) || isDigit(c))
        return true;
    switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+': case '-':
    case '/': case '=': case '?': case '^': case '_': case '`': case '{': case '|': case '}': case '~':
        return true;
    default:
        return false;
    }
}

/// The length of the UTF-8 sequence starting at s[i] (a lead byte >= 0x80), and its code point in
/// @p codePoint; 0 when it is not valid RFC 3629 UTF-8 (a stray or truncated byte, an overlong
/// form, a surrogate, a code point past U+10FFFF).
size_t utf8Decode(std::string_view s, size_t i, uint32_t *codePoint = nullptr);

bool equalsIgnoreCase(std::string_view a, std::string_view b);
bool startsWithIgnoreCase(std::string_view s, std::string_view prefix);
bool endsWithIgnoreCase(std::string_view s, std::string_view suffix);
std::string toLower(std::string_view s);
/// Strips SP, HTAB, CR and LF at both ends.
std::string_view trim(std::string_view s);
/// Splits on @p sep; empty pieces are kept.
std::vector<std::string_view> split(std::string_view s, char sep);
/// Removes CRLF/LF followed by WSP (RFC 5322 §2.2.3 unfolding) and any remaining CR or LF.
std::string unfold(std::string_view s);
/// Removes every SP, HTAB, CR and LF (for base64 tag values).
std::string removeWhitespace(std::string_view s);

/// Base64 (RFC 4648) decoding that ignores whitespace; nullopt-like failure is an empty
/// result with @p ok set false.
std::string base64Decode(std::string_view in, bool *ok);
std::string base64Encode(std::string_view in);
std::string hexEncode(std::string_view bytes);

/// Escapes control, NUL, bidi and zero-width characters for display: "\x00", "\u202E" ...
/// Returns true in @p changed when anything was escaped. Input is taken as UTF-8; invalid
/// sequences are escaped byte by byte.
std::string escapeForDisplay(std::string_view utf8, bool *changed = nullptr);

} // namespace verifier
