#include "Rfc2047.h"

#include "Strings.h"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <memory>
#include <optional>
#include <vector>

namespace verifier {

namespace {

struct EncodedWord
{
    size_t begin = 0;
    size_t end = 0;         // one past "?="
    std::string charset;    // lower case, without the RFC 2231 language
    std::string bytes;      // decoded octets in `charset`
};

int hexValue(char c)
{
    if (isDigit(c))
        return c - '0';
    char l = toLowerAscii(c);
    if (l >= 'a' && l <= 'f')
        return l - 'a' + 10;
    return -1;
}

// RFC 2047 §2: token = 1*<any CHAR except SPACE, CTLs, and especials>.
bool isTokenChar(char c)
{
    unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7F)
        return false;
    return std::string_view("()<>@,;:\"/[]?.=").find(c) == std::string_view::npos;
}

std::optional<std::string> decodeQ(std::string_view t)
{
    std::string out;
    for (size_t i = 0; i < t.size(); ++i) {
        char c = t[i];
        if (c == '_') {
            out.push_back(' ');
        } else if (c == '=') {
            if (i + 2 >= t.size())
                return std::nullopt;
            int h = hexValue(t[i + 1]), l = hexValue(t[i + 2]);
            if (h < 0 || l < 0)
                return std::nullopt;
            out.push_back(char(h * 16 + l));
            i += 2;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::optional<std::string> decodeB(std::string_view t)
{
    std::string s(t);
    for (char c : s) {
        if (!(isAlpha(c) || isDigit(c) || c == '+' || c == '/' || c == '='))
            return std::nullopt;
    }
    // Clients accept missing padding; add it rather than refuse to show the name.
    if (s.size() % 4 == 1)
        return std::nullopt;
    while (s.size() % 4 != 0)
        s.push_back('=');
    bool ok = false;
    std::string out = base64Decode(s, &ok);
    if (!ok)
        return std::nullopt;
    return out;
}

// Parses an encoded word starting at text[pos] == '='. Returns nullopt when malformed.
std::optional<EncodedWord> parseWord(std::string_view text, size_t pos)
{
    if (text.substr(pos, 2) != "=?")
        return std::nullopt;
    size_t p = pos + 2;
    size_t q1 = p;
    while (q1 < text.size() && (isTokenChar(text[q1]) || text[q1] == '*'))
        ++q1;
    if (q1 == p || q1 >= text.size() || text[q1] != '?')
        return std::nullopt;
    std::string_view charset = text.substr(p, q1 - p);
    if (size_t star = charset.find('*'); star != std::string_view::npos)
        charset = charset.substr(0, star); // RFC 2231 §5 language tag
    if (charset.empty())
        return std::nullopt;
    if (q1 + 2 >= text.size() || text[q1 + 2] != '?')
        return std::nullopt;
    char enc = toLowerAscii(text[q1 + 1]);
    if (enc != 'b' && enc != 'q')
        return std::nullopt;
    size_t t0 = q1 + 3;
    size_t t1 = t0;
    // encoded-text: printable ASCII except '?' and SPACE (RFC 2047 §2).
    while (t1 < text.size() && text[t1] != '?') {
        unsigned char u = static_cast<unsigned char>(text[t1]);
        if (u <= 0x20 || u >= 0x7F)
            return std::nullopt;
        ++t1;
    }
    if (t1 + 1 >= text.size() || text[t1 + 1] != '=')
        return std::nullopt;
    std::string_view encoded = text.substr(t0, t1 - t0);
    auto bytes = enc == 'b' ? decodeB(encoded) : decodeQ(encoded);
    if (!bytes)
        return std::nullopt;
    EncodedWord w;
    w.begin = pos;
    w.end = t1 + 2;
    w.charset = toLower(charset);
    w.bytes = std::move(*bytes);
    return w;
}

struct CloseConverter
{
    void operator()(UConverter *c) const { ucnv_close(c); }
};

// Converts @p bytes in @p charset to UTF-8; nullopt when ICU does not know the charset.
// Undecodable bytes become U+FFFD (ICU's default substitution).
std::optional<std::string> toUtf8(const std::string &charset, const std::string &bytes)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, CloseConverter> conv(ucnv_open(charset.c_str(), &status));
    if (U_FAILURE(status) || !conv)
        return std::nullopt;
    std::vector<UChar> utf16(bytes.size() * 2 + 16);
    status = U_ZERO_ERROR;
    int32_t n = ucnv_toUChars(conv.get(), utf16.data(), int32_t(utf16.size()), bytes.data(), int32_t(bytes.size()),
                              &status);
    if (U_FAILURE(status))
        return std::nullopt;
    std::string out(size_t(n) * 3 + 4, '\0');
    int32_t outLen = 0;
    status = U_ZERO_ERROR;
    u_strToUTF8WithSub(out.data(), int32_t(out.size()), &outLen, utf16.data(), n, 0xFFFD, nullptr, &status);
    if (U_FAILURE(status))
        return std::nullopt;
    out.resize(size_t(outLen));
    return out;
}

bool onlyLinearWhiteSpace(std::string_view s)
{
    for (char c : s) {
        if (!(isWsp(c) || c == '\r' || c == '\n'))
            return false;
    }
    return true;
}

} // namespace

std::string decodeEncodedWords(std::string_view text, bool *hadEncodedWords)
{
    if (hadEncodedWords)
        *hadEncodedWords = false;
    if (text.size() > Rfc2047Limits::maxInput || text.find("=?") == std::string_view::npos)
        return std::string(text);

    // Find the well-formed words first, then group runs of adjacent ones (only linear white
    // space between them, RFC 2047 §6.2).
    std::vector<EncodedWord> words;
    size_t pos = 0;
    while (pos < text.size() && words.size() < Rfc2047Limits::maxWords) {
        size_t at = text.find("=?", pos);
        if (at == std::string_view::npos)
            break;
        if (auto w = parseWord(text, at)) {
            pos = w->end;
            words.push_back(std::move(*w));
        } else {
            pos = at + 1;
        }
    }

    std::string out;
    out.reserve(text.size());
    size_t copied = 0;
    bool any = false;
    size_t i = 0;
    while (i < words.size()) {
        // A run of adjacent words; within it, consecutive words of one charset are joined.
        size_t j = i;
        std::vector<std::pair<std::string, std::string>> pieces; // charset, bytes
        pieces.emplace_back(words[i].charset, words[i].bytes);
        while (j + 1 < words.size() &&
               onlyLinearWhiteSpace(text.substr(words[j].end, words[j + 1].begin - words[j].end))) {
            ++j;
            if (pieces.back().first == words[j].charset)
                pieces.back().second += words[j].bytes;
            else
                pieces.emplace_back(words[j].charset, words[j].bytes);
        }
        std::string decoded;
        bool ok = true;
        for (const auto &[charset, bytes] : pieces) {
            auto u = toUtf8(charset, bytes);
            if (!u) {
                ok = false;
                break;
            }
            decoded += *u;
        }
        if (!ok) {
            // Unknown charset somewhere in the run: decode the run word by word, leaving the
            // unknown ones as written (with the white space between them).
            out.append(text.substr(copied, words[i].begin - copied));
            for (size_t k = i; k <= j; ++k) {
                if (k > i)
                    out.append(text.substr(words[k - 1].end, words[k].begin - words[k - 1].end));
                auto u = toUtf8(words[k].charset, words[k].bytes);
                if (u) {
                    out += *u;
                    any = true;
                } else {
                    out.append(text.substr(words[k].begin, words[k].end - words[k].begin));
                }
            }
        } else {
            out.append(text.substr(copied, words[i].begin - copied));
            out += decoded;
            any = true;
        }
        copied = words[j].end;
        i = j + 1;
    }
    out.append(text.substr(copied));
    if (hadEncodedWords)
        *hadEncodedWords = any;
    return out;
}

} // namespace verifier
