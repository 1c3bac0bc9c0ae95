#include "AuthResultsParser.h"

#include "Strings.h"

#include <map>
#include <utility>

namespace verifier {

namespace {

constexpr bool isNonAscii(char c) { return static_cast<unsigned char>(c) >= 0x80; }
constexpr bool isAlnum(char c) { return isAlpha(c) || isDigit(c); }

// RFC 2045 tspecials.
constexpr bool isTspecial(char c)
{
    switch (c) {
    case '(': case ')': case '<': case '>': case '@': case ',': case ';': case ':':
    case '\\': case '"': case '/': case '[': case ']': case '?': case '=':
        return true;
    default:
        return false;
    }
}

// RFC 2045 token character: printable US-ASCII except tspecials.
constexpr bool isTokenChar(char c) { return c > 0x20 && c < 0x7F && !isTspecial(c); }

bool isToken(std::string_view s)
{
    if (s.empty())
        return false;
    for (char c : s) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// dot-atom-text with RFC 6532 UTF-8 (the input is already known to be valid UTF-8).
bool isDotAtom(std::string_view s)
{
    if (s.empty() || s.front() == '.' || s.back() == '.')
        return false;
    char prev = 0;
    for (char c : s) {
        if (c == '.' && prev == '.')
            return false;
        if (c != '.' && !isAtext(c) && !isNonAscii(c))
            return false;
        prev = c;
    }
    return true;
}

// RFC 6376 §3.5 domain-name = sub-domain 1*("." sub-domain); sub-domain = Let-dig [Ldh-str].
// Labels may be U-labels (UTF-8) for internationalised mail.
bool isDomainName(std::string_view s)
{
    const auto labels = split(s, '.');
    if (labels.size() < 2)
        return false;
    for (std::string_view label : labels) {
        if (label.empty() || label.front() == '-' || label.back() == '-')
            return false;
        for (char c : label) {
            if (!isAlnum(c) && c != '-' && !isNonAscii(c))
                return false;
        }
    }
    return true;
}

class Cursor
{
public:
    Cursor(std::string_view s, AuthResultsMode mode) : m_s(s), m_relaxed(mode == AuthResultsMode::Relaxed) {}

    Expected<ParsedAuthResults> run()
    {
        if (!checkBytes())
            return error();
        ParsedAuthResults out;
        if (!parsePayload(out))
            return error();
        return out;
    }

private:
    std::string_view m_s;
    size_t m_p = 0;
    bool m_relaxed = false;
    size_t m_errorAt = 0;
    std::string m_why;

    bool atEnd() const { return m_p >= m_s.size(); }
    char peek() const { return atEnd() ? '\0' : m_s[m_p]; }

    bool fail(std::string why, size_t at)
    {
        if (m_why.empty()) {
            m_why = std::move(why);
            m_errorAt = at;
        }
        return false;
    }
    bool fail(std::string why) { return fail(std::move(why), m_p); }

    Error error() const
    {
        std::string near = std::string(m_s.substr(std::min(m_errorAt, m_s.size()), 24));
        std::string text = "Authentication-Results: at offset " + std::to_string(m_errorAt) + ": " + m_why;
        if (m_errorAt >= m_s.size())
            text += " (at the end of the value)";
        else
            text += " (near \"" + escapeForDisplay(near) + "\")";
        return makeError(text);
    }

    std::string describeHere() const
    {
        if (atEnd())
            return "the end of the value";
        const char c = peek();
        if (c == '\r' || c == '\n')
            return "a line break";
        if (isNonAscii(c))
            return "a non-ASCII character";
        return std::string("'") + c + "'";
    }

    // Valid UTF-8, no NUL or other control characters besides HTAB, CR, LF; bounded size.
    bool checkBytes()
    {
        if (m_s.size() > kMaxAuthResultsValueBytes)
            return fail("the value is longer than " + std::to_string(kMaxAuthResultsValueBytes) + " bytes", 0);
        for (size_t i = 0; i < m_s.size();) {
            const char c = m_s[i];
            if (isNonAscii(c)) {
                const size_t n = utf8Decode(m_s, i);
                if (n == 0)
                    return fail("invalid UTF-8", i);
                i += n;
                continue;
            }
            if ((static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F)
                return fail("control character", i);
            ++i;
        }
        return true;
    }

    // A line break at m_p: "\r\n", "\n" (LF-only input) or, relaxed, a lone "\r". Returns its
    // length, 0 when there is none.
    size_t lineBreakAt(size_t p) const
    {
        if (p < m_s.size() && m_s[p] == '\r') {
            if (p + 1 < m_s.size() && m_s[p + 1] == '\n')
                return 2;
            return m_relaxed ? 1 : 0;
        }
        if (p < m_s.size() && m_s[p] == '\n')
            return 1;
        return 0;
    }

    // FWS: WSP and folds. A line break must be followed by WSP (RFC 5322 §3.2.2) unless it ends
    // the value. Returns false on a bad line break (error set); @p any tells whether any was read.
    bool skipFws(bool *any)
    {
        while (!atEnd()) {
            const char c = peek();
            if (isWsp(c)) {
                ++m_p;
                *any = true;
                continue;
            }
            const size_t lb = lineBreakAt(m_p);
            if (lb == 0) {
                if (c == '\r')
                    return fail("carriage return not followed by line feed");
                break;
            }
            const size_t after = m_p + lb;
            if (after >= m_s.size() || isWsp(m_s[after]) || m_relaxed) {
                m_p = after;
                *any = true;
                continue;
            }
            return fail("line break not followed by white space (not a folded line)");
        }
        return true;
    }

    // comment = "(" *([FWS] ccontent) [FWS] ")"; ccontent = ctext / quoted-pair / comment.
    bool skipComment()
    {
        const size_t start = m_p;
        int depth = 0;
        while (true) {
            bool any = false;
            if (!skipFws(&any))
                return false;
            if (atEnd())
                return fail("comment not closed", start);
            const char c = peek();
            if (c == '(') {
                if (++depth > kMaxAuthResultsCommentDepth)
                    return fail("comments nested too deeply");
                ++m_p;
            } else if (c == ')') {
                ++m_p;
                if (--depth == 0)
                    return true;
            } else if (c == '\\') {
                if (!skipQuotedPair())
                    return false;
            } else if (isNonAscii(c)) {
                m_p += utf8Decode(m_s, m_p);
            } else {
                ++m_p; // ctext: any other printable character
            }
        }
    }

    bool skipQuotedPair()
    {
        // quoted-pair = "\" (VCHAR / WSP), RFC 6532 also allows a UTF-8 character.
        ++m_p;
        if (atEnd())
            return fail("backslash at the end of the value");
        const char c = peek();
        if (isNonAscii(c)) {
            m_p += utf8Decode(m_s, m_p);
            return true;
        }
        if (c == '\r' || c == '\n')
            return fail("backslash before a line break");
        ++m_p;
        return true;
    }

    // CFWS = white space, folds and comments. Returns false on error; @p any tells whether
    // anything was read.
    bool skipCfws(bool *anyOut = nullptr)
    {
        bool any = false;
        while (true) {
            if (!skipFws(&any))
                return false;
            if (peek() == '(') {
                any = true;
                if (!skipComment())
                    return false;
                continue;
            }
            break;
        }
        if (anyOut)
            *anyOut = any;
        return true;
    }

    // Keyword = ldh-str (relaxed: also "_"). Returns empty when none is here.
    std::string readKeyword()
    {
        const size_t start = m_p;
        while (!atEnd() && (isAlnum(peek()) || peek() == '-' || (m_relaxed && peek() == '_')))
            ++m_p;
        std::string_view k = m_s.substr(start, m_p - start);
        if (!k.empty() && k.back() == '-' && !m_relaxed) {
            m_p = start;
            return {};
        }
        return toLower(k);
    }

    // quoted-string at m_p (which is '"'): returns the content without quotes, quoted-pairs
    // resolved and folds removed.
    bool readQuoted(std::string *out)
    {
        const size_t start = m_p;
        ++m_p;
        out->clear();
        while (true) {
            if (atEnd())
                return fail("quoted string not closed", start);
            const char c = peek();
            if (c == '"') {
                ++m_p;
                return true;
            }
            if (c == '\\') {
                const size_t before = m_p + 1;
                if (!skipQuotedPair())
                    return false;
                out->append(m_s.substr(before, m_p - before));
                continue;
            }
            const size_t lb = lineBreakAt(m_p);
            if (lb > 0) {
                if (m_p + lb < m_s.size() && isWsp(m_s[m_p + lb])) {
                    m_p += lb; // a fold inside a quoted string: the CRLF goes, the WSP stays
                    continue;
                }
                return fail("line break inside a quoted string");
            }
            if (c == '\r')
                return fail("carriage return inside a quoted string");
            if (isNonAscii(c)) {
                const size_t n = utf8Decode(m_s, m_p);
                out->append(m_s.substr(m_p, n));
                m_p += n;
                continue;
            }
            out->push_back(c);
            ++m_p;
        }
    }

    // value = token / quoted-string (RFC 2045 §5.1). Empty result when neither is here.
    bool readValue(std::string *out, bool *found)
    {
        *found = false;
        if (peek() == '"') {
            *found = true;
            return readQuoted(out);
        }
        const size_t start = m_p;
        while (!atEnd() && isTokenChar(peek()))
            ++m_p;
        if (m_p > start) {
            *found = true;
            *out = std::string(m_s.substr(start, m_p - start));
        }
        return true;
    }

    // pvalue without its surrounding CFWS.
    bool readPropertyValue(std::string *out)
    {
        const size_t start = m_p;
        if (peek() == '"') {
            std::string q;
            if (!readQuoted(&q))
                return false;
            if (peek() != '@') {
                *out = std::move(q);
                return true;
            }
            // A quoted local-part: "a b"@example.com. Kept as written.
            ++m_p;
            const size_t domStart = m_p;
            while (!atEnd() && (isAlnum(peek()) || peek() == '-' || peek() == '.' || isNonAscii(peek())))
                ++m_p;
            if (!isDomainName(m_s.substr(domStart, m_p - domStart)))
                return fail("expected a domain name after '@'", domStart);
            *out = std::string(m_s.substr(start, m_p - start));
            return true;
        }
        if (m_relaxed) {
            while (!atEnd()) {
                const char c = peek();
                if (isWsp(c) || c == '\r' || c == '\n' || c == ';' || c == '(' || c == ')' || c == '"')
                    break;
                m_p += isNonAscii(c) ? utf8Decode(m_s, m_p) : 1;
            }
            *out = std::string(m_s.substr(start, m_p - start));
            return true;
        }
        // Strict: the longest run that could be a token or [local-part] "@" domain-name, then
        // decide which it is.
        while (!atEnd()) {
            const char c = peek();
            if (isNonAscii(c)) {
                m_p += utf8Decode(m_s, m_p);
                continue;
            }
            if (isTokenChar(c) || isAtext(c) || c == '@' || c == '.') {
                ++m_p;
                continue;
            }
            break;
        }
        const std::string_view word = m_s.substr(start, m_p - start);
        if (word.empty())
            return fail("expected a property value, found " + describeHere());
        if (isToken(word)) {
            *out = std::string(word);
            return true;
        }
        const size_t at = word.rfind('@');
        if (at != std::string_view::npos) {
            const std::string_view local = word.substr(0, at);
            const std::string_view domain = word.substr(at + 1);
            if ((local.empty() || isDotAtom(local)) && isDomainName(domain)) {
                *out = std::string(word);
                return true;
            }
        } else if (isDomainName(word)) {
            *out = std::string(word);
            return true;
        }
        return fail("property value \"" + escapeForDisplay(word) +
                        "\" is neither a token, a domain name nor an address: it must be quoted",
                    start);
    }

    bool parsePayload(ParsedAuthResults &out)
    {
        if (!skipCfws())
            return false;
        bool needSemicolon = true;
        if (m_relaxed && startsWithMethodspec()) {
            // Exchange Online style: no authserv-id at all.
            needSemicolon = false;
        } else {
            bool found = false;
            const size_t idAt = m_p;
            if (!readValue(&out.authservId, &found))
                return false;
            if (!found)
                return fail("expected the authserv-id, found " + describeHere());
            if (out.authservId.empty() && !m_relaxed)
                return fail("empty authserv-id", idAt);
            bool space = false;
            if (!skipCfws(&space))
                return false;
            if (isDigit(peek())) {
                if (!space)
                    return fail("expected white space between the authserv-id and the version");
                const size_t vAt = m_p;
                while (isDigit(peek()) && m_p - vAt < 9)
                    ++m_p;
                if (isDigit(peek()))
                    return fail("version number too long", vAt);
                const int version = std::stoi(std::string(m_s.substr(vAt, m_p - vAt)));
                if (version != 1)
                    return fail("unsupported Authentication-Results version " + std::to_string(version) +
                                    " (only 1 is defined, RFC 8601 §2.2)",
                                vAt);
                out.version = version;
                if (!skipCfws())
                    return false;
            }
            if (atEnd())
                return fail("expected ';' and then \"none\" or a result after the authserv-id");
        }

        bool first = true;
        while (true) {
            if (needSemicolon) {
                if (peek() != ';')
                    return fail("expected ';' before the next result, found " + describeHere());
                ++m_p;
                if (!skipCfws())
                    return false;
                if (atEnd() && m_relaxed && (!first || out.noResults))
                    return true; // trailing ';'
            }
            needSemicolon = true;
            if (out.noResults)
                return fail("\"none\" must be the only entry after the authserv-id");
            const size_t methodAt = m_p;
            std::string method = readKeyword();
            if (method.empty())
                return fail("expected a method name (e.g. dkim=pass) or \"none\", found " + describeHere());
            if (first && method == "none") {
                const size_t save = m_p;
                if (!skipCfws())
                    return false;
                if (atEnd() || (m_relaxed && peek() == ';')) {
                    out.noResults = true;
                    if (atEnd())
                        return true;
                    continue;
                }
                m_p = save; // "none" used as a method name
            }
            if (out.methods.size() >= kMaxAuthResultsResults)
                return fail("more than " + std::to_string(kMaxAuthResultsResults) + " results", methodAt);
            AuthMethodResult r;
            int methodVersion = 0;
            if (!parseMethodspecRest(std::move(method), &r, &methodVersion))
                return false;
            if (!parseProperties(&r))
                return false;
            out.methods.push_back(std::move(r));
            out.methodVersions.push_back(methodVersion);
            first = false;
            if (!skipCfws())
                return false;
            if (atEnd())
                return true;
        }
    }

    // Relaxed: does the value start with "keyword [CFWS] =" (no authserv-id)?
    bool startsWithMethodspec()
    {
        const size_t save = m_p;
        const std::string saveWhy = m_why;
        bool result = false;
        if (!readKeyword().empty() && skipCfws() && peek() == '=')
            result = true;
        m_p = save;
        m_why = saveWhy;
        return result;
    }

    bool parseMethodspecRest(std::string method, AuthMethodResult *r, int *methodVersion)
    {
        if (!skipCfws())
            return false;
        if (peek() == '/') {
            ++m_p;
            if (!skipCfws())
                return false;
            const size_t vAt = m_p;
            while (isDigit(peek()) && m_p - vAt < 9)
                ++m_p;
            if (m_p == vAt || isDigit(peek()))
                return fail("expected a method version number after '/'", vAt);
            *methodVersion = std::stoi(std::string(m_s.substr(vAt, m_p - vAt)));
            if (!skipCfws())
                return false;
        }
        if (peek() != '=')
            return fail("expected '=' after the method name \"" + method + "\", found " + describeHere());
        ++m_p;
        if (!skipCfws())
            return false;
        const size_t resultAt = m_p;
        std::string result = readKeyword();
        if (result.empty())
            return fail("expected the result keyword of \"" + method + "\", found " + describeHere());
        if (!m_relaxed) {
            const auto &allowed = registeredResults(method);
            if (!allowed.empty()) {
                bool ok = false;
                for (std::string_view a : allowed)
                    ok = ok || a == result;
                if (!ok)
                    return fail("result \"" + std::string(m_s.substr(resultAt, m_p - resultAt)) +
                                    "\" is not defined for method \"" + method + "\"",
                                resultAt);
            }
        }
        r->method = std::move(method);
        r->result = std::move(result);
        return true;
    }

    bool parseProperties(AuthMethodResult *r)
    {
        bool haveReason = false;
        bool haveProperty = false;
        while (true) {
            bool space = false;
            if (!skipCfws(&space))
                return false;
            if (atEnd() || peek() == ';')
                return true;
            // CFWS is required before the reasonspec and the first propspec (RFC 8601 §2.2);
            // between propspecs pvalue's own CFWS may be empty.
            if (!space && !haveProperty)
                return fail("expected white space after the result, found " + describeHere());
            const size_t keyAt = m_p;
            std::string key = readKeyword();
            if (key.empty())
                return fail("expected a property (ptype.property=value), found " + describeHere());
            if (!skipCfws())
                return false;
            if (key == "reason" && peek() == '=' && (m_relaxed || (!haveReason && !haveProperty))) {
                if (haveReason)
                    return fail("reason given twice", keyAt);
                ++m_p;
                if (!skipCfws())
                    return false;
                const size_t valueAt = m_p;
                if (m_relaxed) {
                    if (!readPropertyValue(&r->reason))
                        return false;
                } else {
                    bool found = false;
                    if (!readValue(&r->reason, &found))
                        return false;
                    if (!found)
                        return fail("expected the reason as a token or quoted string, found " + describeHere(),
                                    valueAt);
                }
                haveReason = true;
                continue;
            }
            if (peek() == '=') {
                if (!m_relaxed)
                    return fail("property \"" + key + "\" has no ptype (expected ptype.property=value)", keyAt);
                ++m_p;
                if (!skipCfws())
                    return false;
                std::string ignored;
                if (!readPropertyValue(&ignored))
                    return false;
                haveProperty = true;
                continue;
            }
            if (peek() != '.')
                return fail("expected '.' or '=' after \"" + key + "\", found " + describeHere());
            ++m_p;
            if (!skipCfws())
                return false;
            const std::string property = readKeyword();
            if (property.empty())
                return fail("expected a property name after \"" + key + ".\", found " + describeHere());
            if (!skipCfws())
                return false;
            if (peek() != '=')
                return fail("expected '=' after \"" + key + "." + property + "\", found " + describeHere());
            ++m_p;
            if (!skipCfws())
                return false;
            std::string value;
            if (!readPropertyValue(&value))
                return false;
            std::string name = key + "." + property;
            if (r->properties.count(name))
                return fail("property \"" + name + "\" appears twice in one result", keyAt);
            if (r->properties.size() >= kMaxAuthResultsProperties)
                return fail("more than " + std::to_string(kMaxAuthResultsProperties) + " properties in one result",
                            keyAt);
            r->properties.emplace(std::move(name), std::move(value));
            haveProperty = true;
        }
    }
};

} // namespace

Expected<ParsedAuthResults> parseAuthenticationResults(std::string_view value, AuthResultsMode mode)
{
    return Cursor(value, mode).run();
}

} // namespace verifier
