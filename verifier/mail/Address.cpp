#include "Address.h"

#include "Domain.h"
#include "Rfc2047.h"
#include "Strings.h"

#include <cstdio>

namespace verifier {

namespace {

// Length of the valid UTF-8 sequence (RFC 3629, no overlongs or surrogates) starting at s[p],
// whose first byte is >= 0x80; 0 when invalid.
size_t utf8Length(std::string_view s, size_t p)
{
    unsigned char c = static_cast<unsigned char>(s[p]);
    size_t len = (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    if (len == 0 || p + len > s.size())
        return 0;
    uint32_t cp = len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < len; ++k) {
        unsigned char cc = static_cast<unsigned char>(s[p + k]);
        if ((cc & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

// RFC 5322 §3.2.3 atext (ASCII part).
bool isAtext(char c)
{
    return isAlpha(c) || isDigit(c) || std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

// RFC 5322 §4.1 obs-NO-WS-CTL.
bool isObsNoWsCtl(unsigned char c)
{
    return (c >= 1 && c <= 8) || c == 11 || c == 12 || (c >= 14 && c <= 31) || c == 127;
}

bool isDotAtomText(std::string_view s)
{
    if (s.empty() || s.front() == '.' || s.back() == '.')
        return false;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '.') {
            if (s[i + 1] == '.')
                return false;
        } else if (static_cast<unsigned char>(c) >= 0x80) {
            size_t len = utf8Length(s, i);
            if (len == 0)
                return false;
            i += len - 1;
        } else if (!isAtext(c)) {
            return false;
        }
    }
    return true;
}

std::string describeChar(std::string_view s, size_t p)
{
    if (p >= s.size())
        return "the end of the value";
    char buf[64];
    unsigned char c = static_cast<unsigned char>(s[p]);
    if (c > 0x20 && c < 0x7F)
        std::snprintf(buf, sizeof buf, "'%c' at offset %zu", char(c), p);
    else
        std::snprintf(buf, sizeof buf, "byte 0x%02X at offset %zu", unsigned(c), p);
    return buf;
}

void finishMailbox(Mailbox &mb)
{
    mb.domain.clear();
    mb.domainError.clear();
    if (!mb.domainAsWritten.empty() && mb.domainAsWritten.front() == '[') {
        mb.domainError = "the domain is an address literal";
        return;
    }
    auto d = normalizeDomain(mb.domainAsWritten);
    if (d)
        mb.domain = std::move(*d);
    else
        mb.domainError = d.error().message;
}

void setKind(AddressList &list)
{
    list.kind = list.mailboxes.empty()       ? AddressListKind::None
                : list.mailboxes.size() == 1 ? AddressListKind::One
                                             : AddressListKind::Several;
}

// ------------------------------------------------------------------ strict: RFC 5322 to the letter

class StrictParser
{
public:
    explicit StrictParser(std::string_view s) : m_s(s) {}

    AddressList parseList()
    {
        AddressList out;
        while (true) {
            m_lastComment.clear();
            if (!cfws())
                return invalid(out);
            if (atEnd())
                break;
            if (peek() == ',') { // obs-addr-list: empty elements
                ++m_p;
                continue;
            }
            if (!address(out))
                return invalid(out);
            if (out.mailboxes.size() > AddressLimits::maxMailboxes) {
                fail("more than " + std::to_string(AddressLimits::maxMailboxes) + " mailboxes");
                return invalid(out);
            }
            if (!cfws())
                return invalid(out);
            if (atEnd())
                break;
            if (peek() != ',') {
                fail("expected ',' between addresses but found " + describeChar(m_s, m_p));
                return invalid(out);
            }
            ++m_p;
        }
        for (auto &mb : out.mailboxes)
            finishMailbox(mb);
        setKind(out);
        return out;
    }

    /// The whole input as one addr-spec (used by the lenient reading for the text it picked).
    bool parseAddrSpecOnly(Mailbox &mb)
    {
        if (!addrSpec(mb) || !cfws() || !atEnd())
            return false;
        finishMailbox(mb);
        return true;
    }

private:
    std::string_view m_s;
    size_t m_p = 0;
    std::string m_error;
    std::string m_lastComment;
    bool m_groupAhead = false;

    bool atEnd() const { return m_p >= m_s.size(); }
    char peek() const { return m_p < m_s.size() ? m_s[m_p] : '\0'; }

    bool fail(std::string why)
    {
        m_error = std::move(why);
        return false;
    }

    AddressList invalid(AddressList &partial)
    {
        AddressList out;
        out.kind = AddressListKind::Invalid;
        out.hasGroup = partial.hasGroup;
        out.problem = m_error.empty() ? "the value does not parse" : m_error;
        return out;
    }

    // FWS / obs-FWS (§3.2.2, §4.2): white space, and CRLF only when followed by white space.
    bool fws()
    {
        size_t start = m_p;
        while (m_p < m_s.size()) {
            if (isWsp(m_s[m_p]))
                ++m_p;
            else if (m_s.substr(m_p, 2) == "\r\n" && m_p + 2 < m_s.size() && isWsp(m_s[m_p + 2]))
                m_p += 3;
            else
                break;
        }
        return m_p > start;
    }

    // Appends one UTF-8 non-ASCII character (RFC 6532 §3.2) at m_p to @p out.
    bool utf8Char(std::string *out)
    {
        size_t len = utf8Length(m_s, m_p);
        if (len == 0)
            return fail("invalid UTF-8 at offset " + std::to_string(m_p));
        if (out)
            out->append(m_s.substr(m_p, len));
        m_p += len;
        return true;
    }

    // quoted-pair (§3.2.1) and obs-qp (§4.1), except "\" NUL.
    bool quotedPair(std::string *out)
    {
        ++m_p; // the backslash
        if (atEnd())
            return fail("a backslash at the end of the value");
        unsigned char c = static_cast<unsigned char>(m_s[m_p]);
        if (c >= 0x80)
            return utf8Char(out);
        if (c == 0)
            return fail("a NUL byte at offset " + std::to_string(m_p));
        if ((c >= 0x21 && c <= 0x7E) || isWsp(char(c)) || isObsNoWsCtl(c) || c == '\r' || c == '\n') {
            if (out)
                out->push_back(char(c));
            ++m_p;
            return true;
        }
        return fail("invalid quoted-pair at offset " + std::to_string(m_p));
    }

    // comment (§3.2.2), nesting bounded.
    bool comment(int depth, std::string &text)
    {
        if (depth > AddressLimits::maxCommentDepth)
            return fail("comments nested more than " + std::to_string(AddressLimits::maxCommentDepth) + " deep");
        ++m_p; // '('
        while (true) {
            if (fws())
                text.push_back(' ');
            if (atEnd())
                return fail("a comment is not closed");
            unsigned char c = static_cast<unsigned char>(m_s[m_p]);
            if (c == ')') {
                ++m_p;
                return true;
            }
            if (c == '(') {
                text.push_back('(');
                if (!comment(depth + 1, text))
                    return false;
                text.push_back(')');
            } else if (c == '\\') {
                if (!quotedPair(&text))
                    return false;
            } else if (c >= 0x80) {
                if (!utf8Char(&text))
                    return false;
            } else if ((c >= 33 && c <= 126) || isObsNoWsCtl(c)) { // ctext / obs-ctext
                text.push_back(char(c));
                ++m_p;
            } else {
                return fail("unexpected " + describeChar(m_s, m_p) + " in a comment");
            }
        }
    }

    // CFWS (§3.2.2). False only when a comment is malformed.
    bool cfws()
    {
        while (true) {
            fws();
            if (peek() != '(' || atEnd())
                return true;
            m_lastComment.clear();
            if (!comment(1, m_lastComment))
                return false;
            m_lastComment = std::string(trim(m_lastComment));
        }
    }

    // quoted-string content (§3.2.4), at '"'. FWS inside keeps its white space, loses its CRLF.
    bool quotedString(std::string &content)
    {
        ++m_p;
        while (true) {
            if (atEnd())
                return fail("a quoted string is not closed");
            unsigned char c = static_cast<unsigned char>(m_s[m_p]);
            if (c == '"') {
                ++m_p;
                return true;
            }
            if (m_s.substr(m_p, 2) == "\r\n" && m_p + 2 < m_s.size() && isWsp(m_s[m_p + 2])) {
                m_p += 2;
            } else if (isWsp(char(c))) {
                content.push_back(char(c));
                ++m_p;
            } else if (c == '\\') {
                if (!quotedPair(&content))
                    return false;
            } else if (c >= 0x80) {
                if (!utf8Char(&content))
                    return false;
            } else if (c == 33 || (c >= 35 && c <= 91) || (c >= 93 && c <= 126) || isObsNoWsCtl(c)) {
                content.push_back(char(c));
                ++m_p;
            } else {
                return fail("unexpected " + describeChar(m_s, m_p) + " in a quoted string");
            }
        }
    }

    // 1*atext (with RFC 6532 UTF-8). False, without an error, when there is none.
    bool atextRun(std::string &out)
    {
        size_t start = m_p;
        while (!atEnd()) {
            unsigned char c = static_cast<unsigned char>(m_s[m_p]);
            if (c >= 0x80) {
                if (utf8Length(m_s, m_p) == 0)
                    break;
                utf8Char(&out);
            } else if (isAtext(char(c))) {
                out.push_back(char(c));
                ++m_p;
            } else {
                break;
            }
        }
        return m_p > start;
    }

    // phrase / obs-phrase (§3.2.5, §4.1): word *(word / "." / CFWS). The caller skipped CFWS.
    bool phrase(std::string &semantic, size_t &rawBegin, size_t &rawEnd)
    {
        rawBegin = rawEnd = m_p;
        bool first = true;
        bool pendingSpace = false;
        while (!atEnd()) {
            std::string piece;
            if (peek() == '"') {
                if (!quotedString(piece))
                    return false;
            } else if (atextRun(piece)) {
            } else if (!first && peek() == '.') {
                piece = ".";
                ++m_p;
                pendingSpace = false;
            } else {
                break;
            }
            if (pendingSpace && !semantic.empty())
                semantic.push_back(' ');
            semantic += piece;
            first = false;
            rawEnd = m_p;
            size_t before = m_p;
            if (!cfws())
                return false;
            pendingSpace = m_p > before;
        }
        if (first)
            return fail("expected a display name or an address but found " + describeChar(m_s, m_p));
        return true;
    }

    // local-part (§3.4.1): dot-atom / quoted-string / obs-local-part = word *("." word).
    bool localPart(std::string &out)
    {
        while (true) {
            if (peek() == '"') {
                if (!quotedString(out))
                    return false;
            } else if (!atextRun(out)) {
                return fail("expected a local part but found " + describeChar(m_s, m_p));
            }
            if (!cfws())
                return false;
            if (peek() != '.' || atEnd())
                return true;
            out.push_back('.');
            ++m_p;
            if (!cfws())
                return false;
        }
    }

    // domain (§3.4.1): dot-atom / domain-literal / obs-domain = atom *("." atom).
    bool domain(std::string &asWritten)
    {
        if (!cfws())
            return false;
        if (peek() == '[' && !atEnd()) {
            asWritten = "[";
            ++m_p;
            while (true) {
                if (fws())
                    asWritten.push_back(' ');
                if (atEnd())
                    return fail("a domain literal is not closed");
                unsigned char c = static_cast<unsigned char>(m_s[m_p]);
                if (c == ']') {
                    ++m_p;
                    break;
                }
                if (c == '\\') {
                    if (!quotedPair(&asWritten))
                        return false;
                } else if (c >= 0x80) {
                    if (!utf8Char(&asWritten))
                        return false;
                } else if ((c >= 33 && c <= 90) || (c >= 94 && c <= 126) || isObsNoWsCtl(c)) {
                    asWritten.push_back(char(c));
                    ++m_p;
                } else {
                    return fail("unexpected " + describeChar(m_s, m_p) + " in a domain literal");
                }
            }
            asWritten.push_back(']');
            return cfws();
        }
        while (true) {
            if (!atextRun(asWritten))
                return fail("expected a domain but found " + describeChar(m_s, m_p));
            if (!cfws())
                return false;
            if (peek() != '.' || atEnd())
                return true;
            asWritten.push_back('.');
            ++m_p;
            if (!cfws())
                return false;
        }
    }

    // addr-spec (§3.4.1).
    bool addrSpec(Mailbox &mb)
    {
        if (!cfws() || !localPart(mb.localPart))
            return false;
        if (peek() != '@' || atEnd())
            return fail("expected '@' but found " + describeChar(m_s, m_p));
        ++m_p;
        return domain(mb.domainAsWritten);
    }

    // angle-addr / obs-angle-addr with obs-route (§3.4, §4.4), at '<'.
    bool angleAddr(Mailbox &mb)
    {
        ++m_p;
        bool sawComma = false;
        while (true) {
            if (!cfws())
                return false;
            if (peek() == ',' && !atEnd()) {
                sawComma = true;
                ++m_p;
            } else if (peek() == '@' && !atEnd()) {
                ++m_p;
                std::string d;
                if (!domain(d))
                    return false;
                mb.route += (mb.route.empty() ? "@" : ",@") + d;
            } else {
                break;
            }
        }
        if (!mb.route.empty()) {
            if (peek() != ':' || atEnd())
                return fail("expected ':' after the source route but found " + describeChar(m_s, m_p));
            ++m_p;
        } else if (sawComma) {
            return fail("a ',' inside '<...>' without a source route");
        }
        if (!addrSpec(mb))
            return false;
        if (peek() != '>' || atEnd())
            return fail("expected '>' but found " + describeChar(m_s, m_p));
        ++m_p;
        return cfws();
    }

    // mailbox (§3.4): name-addr / addr-spec. @p inGroup allows ';' to end it.
    bool mailbox(Mailbox &mb, bool inGroup)
    {
        size_t start = m_p;
        size_t afterAddrSpec = std::string_view::npos;
        {
            Mailbox candidate;
            if (addrSpec(candidate)) {
                if (atEnd() || peek() == ',' || (inGroup && peek() == ';')) {
                    // "a@b.example (Joe)": the old way of giving a name.
                    candidate.displayName = decodeEncodedWords(m_lastComment);
                    mb = std::move(candidate);
                    return true;
                }
                afterAddrSpec = m_p;
            }
        }
        std::string addrSpecError = m_error;
        m_p = start;
        if (!cfws())
            return false;
        std::string semantic;
        size_t rawBegin = m_p, rawEnd = m_p;
        auto explain = [&](std::string why) {
            if (afterAddrSpec != std::string_view::npos)
                return fail("unexpected " + describeChar(m_s, afterAddrSpec) + " after the address " +
                            std::string(trim(m_s.substr(start, afterAddrSpec - start))));
            return fail(std::move(why));
        };
        if (peek() != '<' || atEnd()) {
            if (!phrase(semantic, rawBegin, rawEnd))
                return explain(addrSpecError.empty() ? m_error : addrSpecError);
            if (peek() == ':' && !atEnd() && !inGroup) {
                m_groupAhead = true; // a phrase followed by ':' starts a group, not a mailbox
                return fail("expected a mailbox but found a group");
            }
            if (peek() == ':' && !atEnd())
                return fail("a group inside a group");
            if (atEnd() || peek() == ',' || (inGroup && peek() == ';'))
                return explain("a name without an address: " + std::string(trim(m_s.substr(rawBegin, rawEnd - rawBegin))));
            if (peek() != '<')
                return explain("expected '<' after the display name but found " + describeChar(m_s, m_p));
        }
        if (!angleAddr(mb))
            return false;
        mb.rawDisplayName = std::string(trim(m_s.substr(rawBegin, rawEnd - rawBegin)));
        mb.displayName = decodeEncodedWords(semantic);
        return true;
    }

    // address (§3.4): mailbox / group.
    bool address(AddressList &out)
    {
        size_t start = m_p;
        Mailbox mb;
        m_groupAhead = false;
        if (mailbox(mb, false)) {
            out.mailboxes.push_back(std::move(mb));
            return true;
        }
        if (!m_groupAhead)
            return false;
        // group = display-name ":" [group-list] ";" [CFWS]
        m_p = start;
        std::string semantic;
        size_t rawBegin = 0, rawEnd = 0;
        if (!cfws() || !phrase(semantic, rawBegin, rawEnd) || peek() != ':')
            return fail("expected a group");
        ++m_p;
        out.hasGroup = true;
        const std::string groupName = semantic; // quotes removed, white space collapsed, not decoded
        while (true) {
            m_lastComment.clear();
            if (!cfws())
                return false;
            if (atEnd())
                return fail("the group \"" + groupName + "\" is not closed by ';'");
            if (peek() == ';') {
                ++m_p;
                return cfws();
            }
            if (peek() == ',') { // obs-group-list, obs-mbox-list
                ++m_p;
                continue;
            }
            Mailbox member;
            if (!mailbox(member, true))
                return false;
            member.groupName = groupName;
            out.mailboxes.push_back(std::move(member));
            if (out.mailboxes.size() > AddressLimits::maxMailboxes)
                return fail("more than " + std::to_string(AddressLimits::maxMailboxes) + " mailboxes");
            if (!cfws())
                return false;
            if (!atEnd() && peek() != ',' && peek() != ';')
                return fail("expected ',' or ';' in the group but found " + describeChar(m_s, m_p));
        }
    }
};

// ------------------------------------------------------------------ lenient: what clients accept

std::string stripQuotes(std::string_view s)
{
    std::string out;
    for (char c : trim(s)) {
        if (c != '"')
            out.push_back(c);
    }
    return std::string(trim(out));
}

// Reads one list element the way a simple client does.
bool lenientMailbox(std::string_view text, Mailbox &mb)
{
    // Positions of '<' outside quotes (quotes without backslash escapes).
    std::string_view addr;
    std::string_view display;
    bool inQuote = false;
    // The next '>' and the next '@' after each '<', found incrementally so that many '<' stay linear.
    size_t close = 0, nextAt = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '"') {
            inQuote = !inQuote;
        } else if (c == '<' && !inQuote) {
            if (close != std::string_view::npos && close <= i)
                close = text.find('>', i + 1);
            if (nextAt != std::string_view::npos && nextAt <= i)
                nextAt = text.find('@', i + 1);
            if (nextAt != std::string_view::npos && (close == std::string_view::npos || nextAt < close)) {
                addr = text.substr(i + 1, close == std::string_view::npos ? std::string_view::npos : close - i - 1);
                size_t firstAngle = text.find('<');
                display = text.substr(0, firstAngle);
                break;
            }
        }
    }
    if (addr.empty()) {
        // No "<...>": the last word holding an '@' is the address.
        size_t tokenStart = std::string_view::npos;
        size_t bestStart = std::string_view::npos, bestEnd = 0;
        inQuote = false;
        for (size_t i = 0; i <= text.size(); ++i) {
            bool boundary = i == text.size() || (!inQuote && (isWsp(text[i])));
            if (i < text.size() && text[i] == '"')
                inQuote = !inQuote;
            if (boundary) {
                if (tokenStart != std::string_view::npos) {
                    std::string_view token = text.substr(tokenStart, i - tokenStart);
                    if (token.find('@') != std::string_view::npos) {
                        bestStart = tokenStart;
                        bestEnd = i;
                    }
                    tokenStart = std::string_view::npos;
                }
            } else if (tokenStart == std::string_view::npos) {
                tokenStart = i;
            }
        }
        if (bestStart == std::string_view::npos)
            return false;
        addr = text.substr(bestStart, bestEnd - bestStart);
        display = text.substr(0, bestStart);
    }
    addr = trim(addr);
    if (!addr.empty() && addr.front() == '@') { // a source route: the address follows the last ':'
        size_t colon = addr.rfind(':');
        if (colon != std::string_view::npos)
            addr = addr.substr(colon + 1);
    }
    StrictParser p(addr);
    if (!p.parseAddrSpecOnly(mb)) {
        mb = Mailbox{};
        size_t at = addr.rfind('@');
        mb.localPart = stripQuotes(addr.substr(0, at));
        mb.domainAsWritten = std::string(trim(addr.substr(at + 1)));
        finishMailbox(mb);
    }
    mb.rawDisplayName = std::string(trim(display));
    mb.displayName = decodeEncodedWords(stripQuotes(display));
    return true;
}

AddressList parseLenient(std::string_view in)
{
    AddressList out;
    in = in.substr(0, in.find('\0')); // C-string readers stop at a NUL
    std::string s = unfold(in);

    struct Piece
    {
        std::string text;
        std::string group;
    };
    std::vector<Piece> pieces;
    std::string current;
    std::string group;
    bool inQuote = false, inComment = false;
    int angle = 0;
    bool currentHasAtOrAngle = false;
    auto endPiece = [&]() {
        pieces.push_back({current, group});
        current.clear();
        currentHasAtOrAngle = false;
    };
    for (char c : s) {
        if (inComment) {
            if (c == ')')
                inComment = false; // no nesting
            continue;
        }
        if (c == '"') {
            inQuote = !inQuote;
        } else if (!inQuote) {
            if (c == '(') {
                inComment = true;
                continue;
            }
            if (c == '<')
                ++angle;
            else if (c == '>' && angle > 0)
                --angle;
            else if (angle == 0 && c == ',') {
                endPiece();
                continue;
            } else if (angle == 0 && c == ';') {
                endPiece();
                group.clear();
                continue;
            } else if (angle == 0 && c == ':' && !currentHasAtOrAngle) {
                group = std::string(trim(current));
                out.hasGroup = true;
                current.clear();
                currentHasAtOrAngle = false;
                continue;
            }
        }
        current.push_back(c);
        currentHasAtOrAngle = currentHasAtOrAngle || c == '@' || c == '<';
    }
    endPiece();

    // A piece without '@' is part of a display name that held an unquoted ',' ("Smith, John <j@x>").
    std::string carry;
    for (auto &piece : pieces) {
        if (piece.text.find('@') == std::string::npos) {
            if (carry.empty() && trim(piece.text).empty())
                continue; // an empty element
            if (!carry.empty())
                carry.push_back(',');
            carry += piece.text;
            continue;
        }
        std::string text = carry.empty() ? piece.text : carry + "," + piece.text;
        carry.clear();
        Mailbox mb;
        if (lenientMailbox(text, mb)) {
            mb.groupName = piece.group;
            out.mailboxes.push_back(std::move(mb));
            if (out.mailboxes.size() > AddressLimits::maxMailboxes) {
                out.kind = AddressListKind::Invalid;
                out.problem = "more than " + std::to_string(AddressLimits::maxMailboxes) + " mailboxes";
                out.mailboxes.clear();
                return out;
            }
        }
    }
    setKind(out);
    return out;
}

} // namespace

std::string Mailbox::address() const
{
    std::string out;
    if (isDotAtomText(localPart)) {
        out = localPart;
    } else {
        out.push_back('"');
        for (char c : localPart) {
            if (c == '"' || c == '\\')
                out.push_back('\\');
            out.push_back(c);
        }
        out.push_back('"');
    }
    out.push_back('@');
    out += domain.empty() ? domainAsWritten : domain;
    return out;
}

AddressList parseAddressList(std::string_view rawValue, AddressParseMode mode)
{
    if (rawValue.size() > AddressLimits::maxInput) {
        AddressList out;
        out.kind = AddressListKind::Invalid;
        out.problem = "the value is longer than " + std::to_string(AddressLimits::maxInput) + " bytes";
        return out;
    }
    if (mode == AddressParseMode::Lenient)
        return parseLenient(rawValue);
    if (rawValue.find('\0') != std::string_view::npos) {
        AddressList out;
        out.kind = AddressListKind::Invalid;
        out.problem = "a NUL byte at offset " + std::to_string(rawValue.find('\0'));
        return out;
    }
    return StrictParser(rawValue).parseList();
}

} // namespace verifier
