#include "HtmlText.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

namespace sealcheck {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAlnum(char c) { return isAlpha(c) || isDigit(c); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

void appendUtf8(std::string &out, uint32_t cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

/// Numeric references to 0x80-0x9F mean windows-1252 (HTML Living Standard §13.2.5.80).
constexpr std::array<uint16_t, 32> kC1 = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                          0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                          0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                          0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

struct NamedReference
{
    std::string_view name;
    uint32_t codePoint;
};

// The references mail actually uses; anything else stays as written.
constexpr NamedReference kNamed[] = {
    {"amp", '&'},       {"lt", '<'},         {"gt", '>'},         {"quot", '"'},       {"apos", '\''},
    {"nbsp", 0xA0},     {"copy", 0xA9},      {"reg", 0xAE},       {"trade", 0x2122},   {"hellip", 0x2026},
    {"mdash", 0x2014},  {"ndash", 0x2013},   {"lsquo", 0x2018},   {"rsquo", 0x2019},   {"sbquo", 0x201A},
    {"ldquo", 0x201C},  {"rdquo", 0x201D},   {"bdquo", 0x201E},   {"laquo", 0xAB},     {"raquo", 0xBB},
    {"bull", 0x2022},   {"middot", 0xB7},    {"euro", 0x20AC},    {"pound", 0xA3},     {"yen", 0xA5},
    {"cent", 0xA2},     {"sect", 0xA7},      {"deg", 0xB0},       {"plusmn", 0xB1},    {"times", 0xD7},
    {"divide", 0xF7},   {"para", 0xB6},      {"shy", 0xAD},       {"zwnj", 0x200C},    {"zwj", 0x200D},
    {"lrm", 0x200E},    {"rlm", 0x200F},     {"ensp", 0x2002},    {"emsp", 0x2003},    {"thinsp", 0x2009},
    {"iexcl", 0xA1},    {"iquest", 0xBF},    {"auml", 0xE4},      {"ouml", 0xF6},      {"uuml", 0xFC},
    {"Auml", 0xC4},     {"Ouml", 0xD6},      {"Uuml", 0xDC},      {"szlig", 0xDF},     {"eacute", 0xE9},
    {"egrave", 0xE8},   {"ecirc", 0xEA},     {"agrave", 0xE0},    {"aacute", 0xE1},    {"acirc", 0xE2},
    {"ccedil", 0xE7},   {"iacute", 0xED},    {"oacute", 0xF3},    {"uacute", 0xFA},    {"ntilde", 0xF1},
    {"Eacute", 0xC9},   {"aring", 0xE5},     {"oslash", 0xF8},    {"aelig", 0xE6},     {"rarr", 0x2192},
    {"larr", 0x2190},
};

// Legacy references a browser also accepts without ';'.
bool legacyWithoutSemicolon(std::string_view name)
{
    return name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "nbsp";
}

enum class Kind { Other, Skip, Break, Paragraph, LineBreak, ListItem, Cell, Pre };

Kind kindOf(std::string_view name)
{
    static constexpr std::string_view skip[] = {"script", "style", "title", "template", "textarea", "xmp"};
    static constexpr std::string_view paragraph[] = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table"};
    static constexpr std::string_view block[] = {
        "address", "article", "aside", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "legend", "main", "menu", "nav", "ol",
        "section", "summary", "tbody", "thead", "tfoot", "tr", "ul", "caption", "body", "html", "option"};
    for (std::string_view s : skip)
        if (name == s)
            return Kind::Skip;
    for (std::string_view s : paragraph)
        if (name == s)
            return Kind::Paragraph;
    for (std::string_view s : block)
        if (name == s)
            return Kind::Break;
    if (name == "br")
        return Kind::LineBreak;
    if (name == "li")
        return Kind::ListItem;
    if (name == "td" || name == "th")
        return Kind::Cell;
    if (name == "pre" || name == "listing" || name == "plaintext")
        return Kind::Pre;
    return Kind::Other;
}

/// Collects text with HTML's whitespace collapsing and at most a few blank lines in a row.
class Writer
{
public:
    Writer(std::string &out, size_t max) : m_out(out), m_max(max) {}

    bool full() const { return m_full; }
    void space()
    {
        if (!m_out.empty())
            m_space = true;
    }
    void lineBreaks(int n) { m_breaks = std::max(m_breaks, n); }
    void addLineBreak() { m_breaks = std::min(m_breaks + 1, 4); }
    void newlineInPre()
    {
        flushPending();
        put("\n");
    }
    void text(std::string_view bytes)
    {
        flushPending();
        put(bytes);
    }
    void codePoint(uint32_t cp)
    {
        std::string s;
        appendUtf8(s, cp);
        text(s);
    }

private:
    void flushPending()
    {
        if (!m_out.empty()) {
            if (m_breaks > 0)
                put(std::string(size_t(m_breaks), '\n'));
            else if (m_space)
                put(" ");
        }
        m_breaks = 0;
        m_space = false;
    }
    void put(std::string_view bytes)
    {
        if (m_full)
            return;
        if (m_out.size() + bytes.size() > m_max) {
            // As much as fits, cut before a UTF-8 continuation byte so no character is split.
            size_t room = m_max - m_out.size();
            while (room > 0 && room < bytes.size() && (static_cast<unsigned char>(bytes[room]) & 0xC0) == 0x80)
                --room;
            m_out.append(bytes.substr(0, room));
            m_full = true;
            return;
        }
        m_out.append(bytes);
    }

    std::string &m_out;
    size_t m_max;
    int m_breaks = 0;
    bool m_space = false;
    bool m_full = false;
};

/// Index just after the end of the tag whose name ends before @p k, honouring quoted attribute
/// values (a quote right after '='); html.size() when it never ends.
size_t tagEnd(std::string_view html, size_t k)
{
    char previous = '\0'; // the last non-space byte
    for (; k < html.size(); ++k) {
        const char c = html[k];
        if (c == '>')
            return k + 1;
        if ((c == '"' || c == '\'') && previous == '=') {
            const size_t close = html.find(c, k + 1);
            if (close == std::string_view::npos)
                return html.size();
            k = close;
            previous = c;
            continue;
        }
        if (!isSpace(c))
            previous = c;
    }
    return html.size();
}

/// Start of the first "</name" (case-insensitive) at or after @p from, or html.size().
size_t findEndTag(std::string_view html, size_t from, std::string_view name)
{
    for (size_t k = html.find("</", from); k != std::string_view::npos; k = html.find("</", k + 2)) {
        size_t j = 0;
        while (j < name.size() && k + 2 + j < html.size() && lower(html[k + 2 + j]) == name[j])
            ++j;
        if (j == name.size() && (k + 2 + j >= html.size() || !isAlnum(html[k + 2 + j])))
            return k;
    }
    return html.size();
}

/// Decodes the character reference at @p i ('&'); returns the index after it, or i when the
/// text is not a reference (the '&' is then written as it is).
size_t decodeReference(std::string_view html, size_t i, Writer &w)
{
    size_t k = i + 1;
    if (k < html.size() && html[k] == '#') {
        ++k;
        const bool hex = k < html.size() && (html[k] == 'x' || html[k] == 'X');
        if (hex)
            ++k;
        const size_t digitsStart = k;
        uint32_t value = 0;
        bool tooLarge = false;
        while (k < html.size() && (hex ? std::isxdigit(static_cast<unsigned char>(html[k])) : isDigit(html[k]))) {
            const char c = html[k];
            const uint32_t d = isDigit(c) ? uint32_t(c - '0') : uint32_t(lower(c) - 'a' + 10);
            if (!tooLarge) {
                value = value * (hex ? 16 : 10) + d;
                tooLarge = value > 0x10FFFF;
            }
            ++k;
        }
        if (k == digitsStart)
            return i;
        if (k < html.size() && html[k] == ';')
            ++k;
        if (tooLarge || value == 0 || (value >= 0xD800 && value <= 0xDFFF))
            value = 0xFFFD;
        else if (value >= 0x80 && value <= 0x9F)
            value = kC1[value - 0x80];
        w.codePoint(value);
        return k;
    }
    while (k < html.size() && k - i <= 32 && isAlnum(html[k]))
        ++k;
    const std::string_view name = html.substr(i + 1, k - i - 1);
    const bool semicolon = k < html.size() && html[k] == ';';
    if (!semicolon && !legacyWithoutSemicolon(name))
        return i;
    for (const NamedReference &r : kNamed) {
        if (r.name == name) {
            w.codePoint(r.codePoint);
            return semicolon ? k + 1 : k;
        }
    }
    return i;
}

} // namespace

HtmlText htmlToText(std::string_view html, const HtmlTextLimits &limits)
{
    HtmlText result;
    if (html.size() > limits.maxInputBytes) {
        html = html.substr(0, limits.maxInputBytes);
        result.truncated = true;
    }
    Writer w(result.text, limits.maxOutputBytes);
    int preDepth = 0;
    size_t i = 0;
    while (i < html.size() && !w.full()) {
        const char c = html[i];
        if (c == '<') {
            const char next = i + 1 < html.size() ? html[i + 1] : '\0';
            if (html.substr(i, 4) == "<!--") {
                const size_t close = html.find("-->", i + 4);
                i = close == std::string_view::npos ? html.size() : close + 3;
                continue;
            }
            if (next == '!' || next == '?') {
                const size_t close = html.find('>', i + 2);
                i = close == std::string_view::npos ? html.size() : close + 1;
                continue;
            }
            const bool closing = next == '/';
            const size_t nameStart = i + (closing ? 2 : 1);
            if (nameStart >= html.size() || !isAlpha(html[nameStart])) {
                w.text("<"); // not a tag: "a < b"
                ++i;
                continue;
            }
            size_t nameEnd = nameStart;
            std::string name;
            while (nameEnd < html.size() && (isAlnum(html[nameEnd]) || html[nameEnd] == '-' || html[nameEnd] == ':')) {
                if (name.size() < 16)
                    name += lower(html[nameEnd]);
                ++nameEnd;
            }
            const size_t end = tagEnd(html, nameEnd);
            const bool selfClosing = end >= 2 && end <= html.size() && html[end - 1] == '>' && html[end - 2] == '/';
            i = end;
            switch (kindOf(name)) {
            case Kind::Skip:
                if (!closing && !selfClosing) {
                    const size_t close = findEndTag(html, i, name);
                    i = close >= html.size() ? html.size() : tagEnd(html, close + 2);
                }
                break;
            case Kind::Paragraph:
                w.lineBreaks(2);
                break;
            case Kind::Break:
                w.lineBreaks(1);
                break;
            case Kind::LineBreak:
                w.addLineBreak();
                break;
            case Kind::ListItem:
                w.lineBreaks(1);
                if (!closing)
                    w.text("\xE2\x80\xA2 "); // •
                break;
            case Kind::Cell:
                w.space();
                break;
            case Kind::Pre:
                w.lineBreaks(2);
                if (!selfClosing)
                    preDepth = closing ? std::max(0, preDepth - 1) : std::min(preDepth + 1, 1000);
                break;
            case Kind::Other:
                break;
            }
            continue;
        }
        if (c == '&') {
            const size_t after = decodeReference(html, i, w);
            if (after != i) {
                i = after;
                continue;
            }
            w.text("&");
            ++i;
            continue;
        }
        if (isSpace(c)) {
            if (preDepth > 0) {
                if (c == '\n')
                    w.newlineInPre();
                else if (c != '\r')
                    w.text(std::string_view(&html[i], 1));
            } else {
                w.space();
            }
            ++i;
            continue;
        }
        if (c == '\0') {
            ++i;
            continue;
        }
        // A run of ordinary bytes at once.
        size_t j = i + 1;
        while (j < html.size() && html[j] != '<' && html[j] != '&' && html[j] != '\0' && !isSpace(html[j]))
            ++j;
        w.text(html.substr(i, j - i));
        i = j;
    }
    if (w.full())
        result.truncated = true;
    return result;
}

} // namespace sealcheck
