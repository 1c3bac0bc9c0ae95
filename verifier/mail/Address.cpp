#include "Address.h"

#include "AddressDetail.h"

#include "Domain.h"
#include "Rfc2047.h"
#include "Strings.h"

#include <cstdio>

namespace verifier {

using namespace addressdetail;

namespace {

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
        size_t len = utf8Decode(m_s, m_p);
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
                if (utf8Decode(m_s, m_p) == 0)
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

} // namespace

bool addressdetail::parseStrictAddrSpec(std::string_view text, Mailbox &mb)
{
    return StrictParser(text).parseAddrSpecOnly(mb);
}

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
