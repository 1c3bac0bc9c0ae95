#include "SpfMacro.h"

#include "Strings.h"

#include <algorithm>
#include <vector>

namespace verifier {

namespace {

bool isDelimiter(char c)
{
    return c == '.' || c == '-' || c == '+' || c == ',' || c == '/' || c == '_' || c == '=';
}

bool letterAllowed(char letter, SpfMacroMode mode)
{
    switch (toLowerAscii(letter)) {
    case 's': case 'l': case 'o': case 'd': case 'i': case 'p': case 'h': case 'v':
        return true;
    case 'c': case 'r': case 't':
        return mode != SpfMacroMode::DomainSpec;
    default:
        return false;
    }
}

bool isAlnum(char c) { return isAlpha(c) || isDigit(c); }

/// One macro-expand "%{...}" starting at text[pos] == '%' and text[pos+1] == '{'.
struct MacroExpand
{
    char letter = 0;
    int digits = 0; // 0 = not given
    bool reverse = false;
    std::string delimiters;
    size_t end = 0; // index just past '}'
};

/// Parses "%{" letter *DIGIT ["r"] *delimiter "}" at @p pos. Returns the problem on error.
std::optional<std::string> parseExpand(std::string_view text, size_t pos, SpfMacroMode mode, MacroExpand *out)
{
    size_t i = pos + 2;
    if (i >= text.size())
        return std::string("unterminated macro");
    const char letter = text[i++];
    if (!letterAllowed(letter, mode))
        return "macro letter '" + std::string(1, letter) + "' is not allowed here";
    out->letter = letter;
    bool haveDigits = false;
    long value = 0;
    while (i < text.size() && isDigit(text[i])) {
        haveDigits = true;
        value = std::min(value * 10 + (text[i] - '0'), 100000L);
        ++i;
    }
    if (haveDigits && value == 0)
        return std::string("macro transformer digit must be non-zero");
    out->digits = int(value);
    if (i < text.size() && (text[i] == 'r' || text[i] == 'R')) {
        out->reverse = true;
        ++i;
    }
    while (i < text.size() && isDelimiter(text[i]))
        out->delimiters.push_back(text[i++]);
    if (i >= text.size() || text[i] != '}')
        return std::string("malformed macro");
    out->end = i + 1;
    return std::nullopt;
}

bool literalAllowed(char c, SpfMacroMode mode)
{
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x21 && u <= 0x7e)
        return true;
    return mode == SpfMacroMode::Explanation && c == ' ';
}

std::string urlEscape(std::string_view s)
{
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : s) {
        if (isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out.push_back(c);
        } else {
            const auto u = static_cast<unsigned char>(c);
            out.push_back('%');
            out.push_back(hex[u >> 4]);
            out.push_back(hex[u & 15]);
        }
    }
    return out;
}

bool isTopLabel(std::string_view label)
{
    if (label.empty())
        return false;
    bool alpha = false;
    bool dash = false;
    for (char c : label) {
        if (c == '-')
            dash = true;
        else if (isAlpha(c))
            alpha = true;
        else if (!isDigit(c))
            return false;
    }
    if (dash)
        return isAlnum(label.front()) && isAlnum(label.back());
    return alpha;
}

} // namespace

std::optional<std::string> checkSpfMacroString(std::string_view text, SpfMacroMode mode)
{
    for (size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '%') {
            if (i + 1 >= text.size())
                return std::string("'%' at the end of a macro-string");
            const char n = text[i + 1];
            if (n == '%' || n == '_' || n == '-') {
                i += 2;
                continue;
            }
            if (n != '{')
                return "'%' followed by '" + std::string(1, n) + "'";
            MacroExpand m;
            if (auto problem = parseExpand(text, i, mode, &m))
                return problem;
            i = m.end;
            continue;
        }
        if (!literalAllowed(c, mode))
            return std::string("invalid character in macro-string");
        ++i;
    }
    return std::nullopt;
}

std::optional<std::string> checkSpfDomainSpec(std::string_view spec)
{
    if (spec.empty())
        return std::string("empty domain-spec");
    if (auto problem = checkSpfMacroString(spec, SpfMacroMode::DomainSpec))
        return problem;
    // Does the spec end with a macro-expand? Scan tokens once more.
    bool endsWithExpand = false;
    for (size_t i = 0; i < spec.size();) {
        if (spec[i] == '%') {
            if (spec[i + 1] == '{') {
                MacroExpand m;
                (void)parseExpand(spec, i, SpfMacroMode::DomainSpec, &m);
                i = m.end;
            } else {
                i += 2;
            }
            endsWithExpand = true;
        } else {
            ++i;
            endsWithExpand = false;
        }
    }
    if (endsWithExpand)
        return std::nullopt;
    std::string_view s = spec;
    if (s.back() == '.')
        s.remove_suffix(1);
    const size_t dot = s.rfind('.');
    if (dot == std::string_view::npos)
        return std::string("domain-spec does not end in a top-level label");
    if (!isTopLabel(s.substr(dot + 1)))
        return std::string("invalid top-level label in domain-spec");
    return std::nullopt;
}

Expected<std::string> expandSpfMacros(std::string_view text, const SpfMacroValues &values,
                                      SpfMacroMode mode, size_t maxOutput)
{
    std::string out;
    for (size_t i = 0; i < text.size();) {
        if (out.size() > maxOutput)
            return makeError("macro expansion too long");
        const char c = text[i];
        if (c != '%') {
            if (!literalAllowed(c, mode))
                return makeError("invalid character in macro-string");
            out.push_back(c);
            ++i;
            continue;
        }
        if (i + 1 >= text.size())
            return makeError("'%' at the end of a macro-string");
        const char n = text[i + 1];
        if (n == '%' || n == '_' || n == '-') {
            out += n == '%' ? "%" : n == '_' ? " " : "%20";
            i += 2;
            continue;
        }
        if (n != '{')
            return makeError("'%' followed by '" + std::string(1, n) + "'");
        MacroExpand m;
        if (auto problem = parseExpand(text, i, mode, &m))
            return makeError(*problem);
        i = m.end;

        std::string value;
        switch (toLowerAscii(m.letter)) {
        case 's': value = values.sender; break;
        case 'l': value = values.localPart; break;
        case 'o': value = values.senderDomain; break;
        case 'd': value = values.domain; break;
        case 'i': value = values.ipDotted; break;
        case 'p': value = values.validatedDomain ? values.validatedDomain(values.domain) : "unknown"; break;
        case 'v': value = values.ipVersion; break;
        case 'h': value = values.helo; break;
        case 'c': value = values.ipReadable; break;
        case 'r': value = values.receiver; break;
        case 't': value = values.timestamp; break;
        default: return makeError("unknown macro letter");
        }
        if (value.size() > maxOutput)
            return makeError("macro expansion too long");

        // Transformers (§7.3): split on the delimiters, reverse, keep the right-hand parts.
        if (m.digits > 0 || m.reverse || !m.delimiters.empty()) {
            const std::string delims = m.delimiters.empty() ? std::string(".") : m.delimiters;
            std::vector<std::string_view> parts;
            std::string_view rest = value;
            for (;;) {
                const size_t pos = rest.find_first_of(delims);
                if (pos == std::string_view::npos) {
                    parts.push_back(rest);
                    break;
                }
                parts.push_back(rest.substr(0, pos));
                rest.remove_prefix(pos + 1);
            }
            if (m.reverse)
                std::reverse(parts.begin(), parts.end());
            size_t first = 0;
            if (m.digits > 0 && size_t(m.digits) < parts.size())
                first = parts.size() - size_t(m.digits);
            std::string joined;
            for (size_t k = first; k < parts.size(); ++k) {
                if (k > first)
                    joined.push_back('.');
                joined.append(parts[k]);
            }
            value = std::move(joined);
        }
        if (m.letter >= 'A' && m.letter <= 'Z')
            value = urlEscape(value);
        out += value;
    }
    if (out.size() > maxOutput)
        return makeError("macro expansion too long");
    return out;
}

std::optional<std::string> spfTargetName(std::string_view expanded, size_t maxLength)
{
    std::string_view s = expanded;
    if (!s.empty() && s.back() == '.')
        s.remove_suffix(1);
    while (s.size() > maxLength) {
        const size_t dot = s.find('.');
        if (dot == std::string_view::npos)
            return std::nullopt;
        s.remove_prefix(dot + 1);
    }
    if (s.empty())
        return std::nullopt;
    size_t labelLength = 0;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u > 0x7e)
            return std::nullopt;
        if (c == '.') {
            if (labelLength == 0)
                return std::nullopt;
            labelLength = 0;
        } else if (++labelLength > 63) {
            return std::nullopt;
        }
    }
    if (labelLength == 0)
        return std::nullopt;
    return std::string(s);
}

bool isValidSpfDomain(std::string_view domain)
{
    if (!domain.empty() && domain.back() == '.')
        domain.remove_suffix(1);
    if (domain.empty() || domain.size() > 253)
        return false;
    int labels = 1;
    size_t labelLength = 0;
    for (char c : domain) {
        if (c == '.') {
            if (labelLength == 0)
                return false;
            ++labels;
            labelLength = 0;
            continue;
        }
        if (!(isAlnum(c) || c == '-' || c == '_'))
            return false;
        if (++labelLength > 63)
            return false;
    }
    return labelLength > 0 && labels >= 2;
}

} // namespace verifier
