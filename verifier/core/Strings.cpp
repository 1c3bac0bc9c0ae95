#include "Strings.h"

#include <array>
#include <cstdint>
#include <cstdio>

namespace verifier {

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (toLowerAscii(a[i]) != toLowerAscii(b[i]))
            return false;
    }
    return true;
}

bool startsWithIgnoreCase(std::string_view s, std::string_view prefix)
{
    return s.size() >= prefix.size() && equalsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

bool endsWithIgnoreCase(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && equalsIgnoreCase(s.substr(s.size() - suffix.size()), suffix);
}

std::string toLower(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        c = toLowerAscii(c);
    return out;
}

std::string_view trim(std::string_view s)
{
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split(std::string_view s, char sep)
{
    std::vector<std::string_view> out;
    size_t start = 0;
    for (;;) {
        size_t pos = s.find(sep, start);
        if (pos == std::string_view::npos) {
            out.push_back(s.substr(start));
            return out;
        }
        out.push_back(s.substr(start, pos - start));
        start = pos + 1;
    }
}

std::string unfold(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c == '\r' || c == '\n')
            continue;
        out.push_back(c);
    }
    return out;
}

std::string removeWhitespace(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        out.push_back(c);
    }
    return out;
}

namespace {
constexpr std::array<int8_t, 256> makeBase64Table()
{
    std::array<int8_t, 256> t{};
    for (auto &v : t)
        v = -1;
    const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < 64; ++i)
        t[static_cast<unsigned char>(alphabet[i])] = static_cast<int8_t>(i);
    return t;
}
constexpr auto kBase64 = makeBase64Table();
} // namespace

std::string base64Decode(std::string_view in, bool *ok)
{
    std::string out;
    out.reserve(in.size() * 3 / 4);
    uint32_t acc = 0;
    int bits = 0;
    int padding = 0;
    bool good = true;
    for (char ch : in) {
        if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n')
            continue;
        if (ch == '=') {
            ++padding;
            continue;
        }
        int v = kBase64[static_cast<unsigned char>(ch)];
        if (v < 0 || padding > 0) {
            good = false;
            break;
        }
        acc = (acc << 6) | uint32_t(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(char((acc >> bits) & 0xff));
        }
    }
    if (padding > 2 || bits >= 6)
        good = false;
    if (ok)
        *ok = good;
    if (!good)
        out.clear();
    return out;
}

std::string base64Encode(std::string_view in)
{
    static const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((in.size() + 2) / 3 * 4);
    size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8) | uint8_t(in[i + 2]);
        out.push_back(alphabet[(v >> 18) & 63]);
        out.push_back(alphabet[(v >> 12) & 63]);
        out.push_back(alphabet[(v >> 6) & 63]);
        out.push_back(alphabet[v & 63]);
    }
    if (i + 1 == in.size()) {
        uint32_t v = uint8_t(in[i]) << 16;
        out.push_back(alphabet[(v >> 18) & 63]);
        out.push_back(alphabet[(v >> 12) & 63]);
        out += "==";
    } else if (i + 2 == in.size()) {
        uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8);
        out.push_back(alphabet[(v >> 18) & 63]);
        out.push_back(alphabet[(v >> 12) & 63]);
        out.push_back(alphabet[(v >> 6) & 63]);
        out.push_back('=');
    }
    return out;
}

std::string hexEncode(std::string_view bytes)
{
    static const char *digits = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) {
        out.push_back(digits[c >> 4]);
        out.push_back(digits[c & 15]);
    }
    return out;
}

namespace {
// Code points shown escaped: bidi controls, zero-width and other invisible formatting
// characters that have been used to disguise sender addresses.
bool isDeceptiveCodePoint(uint32_t cp)
{
    return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF ||
           cp == 0x00AD || cp == 0x061C || cp == 0x180E || (cp >= 0x80 && cp <= 0x9F) ||
           (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0xE0000 && cp <= 0xE007F);
}
} // namespace

size_t utf8Decode(std::string_view s, size_t i, uint32_t *codePoint)
{
    if (i >= s.size())
        return 0;
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    size_t n = 0;
    uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (n > s.size() - i)
        return 0;
    for (size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    if (codePoint)
        *codePoint = cp;
    return n;
}

std::string escapeForDisplay(std::string_view s, bool *changed)
{
    static const char *digits = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    bool any = false;
    size_t i = 0;
    auto escapeByte = [&](unsigned char c) {
        out += "\\x";
        out.push_back(digits[c >> 4]);
        out.push_back(digits[c & 15]);
        any = true;
    };
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7F) {
            if (c == '\t') {
                out.push_back(' ');
                ++i;
                continue;
            }
            escapeByte(c);
            ++i;
            continue;
        }
        if (c < 0x80) {
            out.push_back(char(c));
            ++i;
            continue;
        }
        uint32_t cp = 0;
        const size_t len = utf8Decode(s, i, &cp);
        const bool valid = len > 0;
        if (!valid) {
            escapeByte(c);
            ++i;
            continue;
        }
        if (isDeceptiveCodePoint(cp)) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "\\u%04X", unsigned(cp));
            out += buf;
            any = true;
        } else {
            out.append(s.substr(i, len));
        }
        i += len;
    }
    if (changed)
        *changed = any;
    return out;
}

} // namespace verifier
