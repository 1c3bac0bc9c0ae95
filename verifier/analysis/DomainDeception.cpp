#include "DomainDeception.h"

#include "SenderAnalysis.h"
#include "Strings.h"

#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uspoof.h>

#include <cstdint>
#include <memory>

namespace verifier {

namespace {

constexpr size_t kMaxInput = 64 * 1024;

struct SpoofCloser
{
    void operator()(USpoofChecker *sc) const { uspoof_close(sc); }
};

void appendUtf8(std::string &out, uint32_t cp)
{
    if (cp < 0x80) {
        out.push_back(char(cp));
    } else if (cp < 0x800) {
        out.push_back(char(0xC0 | (cp >> 6)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(char(0xE0 | (cp >> 12)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (cp >> 18)));
        out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    }
}

/// RFC 3492 §6.2 decoding of the part after "xn--", without any IDNA check; nullopt on overflow or
/// bad digits.
std::optional<std::u32string> punycodeDecode(std::string_view in)
{
    constexpr uint32_t base = 36, tmin = 1, tmax = 26, skew = 38, damp = 700;
    auto adapt = [](uint32_t delta, uint32_t points, bool first) {
        delta = first ? delta / damp : delta / 2;
        delta += delta / points;
        uint32_t k = 0;
        while (delta > ((base - tmin) * tmax) / 2) {
            delta /= base - tmin;
            k += base;
        }
        return k + (base - tmin + 1) * delta / (delta + skew);
    };
    std::u32string out;
    const size_t delim = in.rfind('-');
    size_t pos = 0;
    if (delim != std::string_view::npos) {
        for (size_t j = 0; j < delim; ++j) {
            if (static_cast<unsigned char>(in[j]) >= 0x80)
                return std::nullopt;
            out.push_back(char32_t(static_cast<unsigned char>(in[j])));
        }
        pos = delim + 1;
    }
    uint32_t n = 128, i = 0, bias = 72;
    while (pos < in.size()) {
        const uint32_t oldi = i;
        uint32_t w = 1;
        for (uint32_t k = base;; k += base) {
            if (pos >= in.size())
                return std::nullopt;
            const char c = toLowerAscii(in[pos++]);
            const uint32_t digit = isDigit(c) ? uint32_t(c - '0' + 26) : (c >= 'a' && c <= 'z') ? uint32_t(c - 'a') : base;
            if (digit >= base || digit > (UINT32_MAX - i) / w)
                return std::nullopt;
            i += digit * w;
            const uint32_t t = k <= bias ? tmin : k >= bias + tmax ? tmax : k - bias;
            if (digit < t)
                break;
            if (w > UINT32_MAX / (base - t))
                return std::nullopt;
            w *= base - t;
        }
        const uint32_t points = uint32_t(out.size() + 1);
        bias = adapt(i - oldi, points, oldi == 0);
        if (i / points > 0x10FFFF - n)
            return std::nullopt;
        n += i / points;
        i %= points;
        out.insert(out.begin() + i, char32_t(n));
        ++i;
        if (out.size() > 63)
            return std::nullopt;
    }
    return out;
}

/// Calls @p f(codePoint, length) for each UTF-8 sequence; invalid bytes give (byte | 0x80000000, 1).
template<typename F>
void forEachCodePoint(std::string_view s, F f)
{
    size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
        bool ok = len > 0 && i + len <= s.size();
        uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
        for (size_t k = 1; ok && k < len; ++k) {
            const unsigned char cc = static_cast<unsigned char>(s[i + k]);
            ok = (cc & 0xC0) == 0x80;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        if (!ok) {
            f(uint32_t(c) | 0x80000000u, size_t(1));
            ++i;
        } else {
            f(cp, len);
            i += len;
        }
    }
}

bool isAsciiAlnum(char c) { return isAlpha(c) || isDigit(c); }

/// @p needle occurs in @p hay with no ASCII letter or digit right before or after it.
bool containsAtBoundary(std::string_view hay, std::string_view needle)
{
    if (needle.empty())
        return false;
    for (size_t pos = hay.find(needle); pos != std::string_view::npos; pos = hay.find(needle, pos + 1)) {
        const size_t end = pos + needle.size();
        if ((pos == 0 || !isAsciiAlnum(hay[pos - 1])) && (end == hay.size() || !isAsciiAlnum(hay[end])))
            return true;
    }
    return false;
}

std::string stripDot(std::string_view d)
{
    while (!d.empty() && d.back() == '.')
        d.remove_suffix(1);
    return toLower(d);
}

bool isAscii(std::string_view s)
{
    for (char c : s) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

} // namespace

bool sameOrSubdomain(std::string_view a, std::string_view b)
{
    auto under = [](std::string_view child, std::string_view parent) {
        return child.size() > parent.size() && endsWithIgnoreCase(child, parent) &&
               child[child.size() - parent.size() - 1] == '.';
    };
    return equalsIgnoreCase(a, b) || under(a, b) || under(b, a);
}

std::string foldForDetection(std::string_view utf8)
{
    if (utf8.size() > kMaxInput || isAscii(utf8))
        return toLower(utf8);
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCCasefoldInstance(&st);
    if (U_FAILURE(st))
        return toLower(utf8);
    int32_t len16 = 0;
    u_strFromUTF8WithSub(nullptr, 0, &len16, utf8.data(), int32_t(utf8.size()), 0xFFFD, nullptr, &st);
    st = U_ZERO_ERROR;
    std::u16string src(size_t(len16), u'\0');
    u_strFromUTF8WithSub(src.data(), len16, nullptr, utf8.data(), int32_t(utf8.size()), 0xFFFD, nullptr, &st);
    if (U_FAILURE(st))
        return toLower(utf8);
    const int32_t need = unorm2_normalize(nfkc, src.data(), len16, nullptr, 0, &st);
    st = U_ZERO_ERROR;
    std::u16string folded(size_t(need), u'\0');
    unorm2_normalize(nfkc, src.data(), len16, folded.data(), need, &st);
    if (U_FAILURE(st))
        return toLower(utf8);
    for (char16_t &c : folded) {
        if (c == 0x3002 || c == 0xFF0E || c == 0xFF61)
            c = u'.';
    }
    int32_t len8 = 0;
    u_strToUTF8WithSub(nullptr, 0, &len8, folded.data(), int32_t(folded.size()), 0xFFFD, nullptr, &st);
    st = U_ZERO_ERROR;
    std::string out(size_t(len8), '\0');
    u_strToUTF8WithSub(out.data(), len8, nullptr, folded.data(), int32_t(folded.size()), 0xFFFD, nullptr, &st);
    return U_FAILURE(st) ? toLower(utf8) : out;
}

std::string lowByteView(std::string_view utf8)
{
    std::string out;
    out.reserve(utf8.size());
    forEachCodePoint(utf8.substr(0, kMaxInput), [&](uint32_t cp, size_t) { out.push_back(char(cp & 0xFF)); });
    return out;
}

std::string rawUnicodeDomain(std::string_view domain)
{
    std::string out;
    for (std::string_view label : split(domain.substr(0, 255), '.')) {
        if (!out.empty())
            out.push_back('.');
        std::optional<std::u32string> decoded;
        if (startsWithIgnoreCase(label, "xn--"))
            decoded = punycodeDecode(label.substr(4));
        if (!decoded) {
            out.append(label);
            continue;
        }
        for (char32_t cp : *decoded)
            appendUtf8(out, uint32_t(cp));
    }
    return out;
}

std::optional<std::string> embeddedKnownDomain(std::string_view localPart, std::string_view domain,
                                               const std::vector<std::string> &knownDomains)
{
    const std::string d = stripDot(domain);
    const std::string unicode = toUnicodeDomain(d);
    const std::string raw = rawUnicodeDomain(d);
    const std::vector<std::string> domainViews = {d, unicode, raw, foldForDetection(unicode), lowByteView(raw),
                                                  lowByteView(unicode)};
    const std::vector<std::string> localViews = {toLower(localPart), foldForDetection(localPart), lowByteView(localPart)};
    for (const std::string &entry : knownDomains) {
        const std::string known = stripDot(entry);
        if (known.find('.') == std::string::npos)
            continue;
        const std::string knownUnicode = toUnicodeDomain(known);
        if (sameOrSubdomain(d, known) || sameOrSubdomain(unicode, knownUnicode))
            continue;
        for (const std::string *form : {&known, &knownUnicode}) {
            for (const std::string &v : domainViews) {
                if (containsAtBoundary(v, *form))
                    return knownUnicode;
            }
            for (const std::string &v : localViews) {
                if (containsAtBoundary(v, *form))
                    return knownUnicode;
            }
        }
    }
    return std::nullopt;
}

std::optional<std::string> mixedScriptDomain(std::string_view domain)
{
    const std::string unicode = toLower(toUnicodeDomain(stripDot(domain)));
    if (isAscii(unicode) || unicode.size() > 1024)
        return std::nullopt;
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<USpoofChecker, SpoofCloser> sc(uspoof_open(&st));
    if (U_FAILURE(st))
        return std::nullopt;
    uspoof_setChecks(sc.get(), USPOOF_RESTRICTION_LEVEL | USPOOF_INVISIBLE | USPOOF_MIXED_NUMBERS, &st);
    uspoof_setRestrictionLevel(sc.get(), USPOOF_HIGHLY_RESTRICTIVE);
    if (U_FAILURE(st))
        return std::nullopt;
    bool deceptive = false;
    for (std::string_view label : split(unicode, '.')) {
        if (isAscii(label))
            continue;
        st = U_ZERO_ERROR;
        const int32_t checks = uspoof_check2UTF8(sc.get(), label.data(), int32_t(label.size()), nullptr, &st);
        if (U_SUCCESS(st) && checks != 0) {
            deceptive = true; // several scripts in one label, or invisible characters
            break;
        }
        // Whole-script confusable: every character imitates ASCII.
        const std::string skeleton = confusableSkeleton(label);
        if (!skeleton.empty() && isAscii(skeleton)) {
            deceptive = true;
            break;
        }
    }
    if (!deceptive)
        return std::nullopt;
    // What it imitates, readably: ASCII stays (the full skeleton would show "m" as "rn"), every
    // other character becomes its skeleton.
    std::string imitated;
    size_t pos = 0;
    forEachCodePoint(unicode, [&](uint32_t cp, size_t len) {
        const std::string_view ch = std::string_view(unicode).substr(pos, len);
        pos += len;
        if (cp < 0x80) {
            imitated.append(ch);
            return;
        }
        const std::string sk = confusableSkeleton(ch);
        imitated.append(sk.empty() ? std::string(ch) : sk);
    });
    return imitated;
}

} // namespace verifier
