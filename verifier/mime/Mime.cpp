#include "Mime.h"

#include "Strings.h"

#include <algorithm>

namespace verifier {

namespace {

constexpr std::string_view kCrlf = "\r\n";

bool isTspecialOrSpace(char c)
{
    switch (c) {
    case '(': case ')': case '<': case '>': case '@': case ',': case ';': case ':': case '\\':
    case '"': case '/': case '[': case ']': case '?': case '=': case ' ': case '\t':
        return true;
    default:
        return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
    }
}

// A cursor over a structured header value (RFC 2045 §5.1 with RFC 822 comments).
struct Cursor
{
    std::string_view s;
    size_t i = 0;

    bool atEnd() const { return i >= s.size(); }
    void skipCfws()
    {
        while (i < s.size()) {
            const char c = s[i];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                ++i;
            } else if (c == '(') {
                int level = 0;
                // Nested comments; the depth is bounded by the value's length.
                while (i < s.size()) {
                    if (s[i] == '\\') {
                        i += 2;
                        continue;
                    }
                    if (s[i] == '(')
                        ++level;
                    else if (s[i] == ')' && --level == 0) {
                        ++i;
                        break;
                    }
                    ++i;
                }
                i = std::min(i, s.size());
            } else {
                break;
            }
        }
    }
    std::string token()
    {
        const size_t start = i;
        while (i < s.size() && !isTspecialOrSpace(s[i]))
            ++i;
        return std::string(s.substr(start, i - start));
    }
    bool quoted(std::string *out, bool *closed)
    {
        if (i >= s.size() || s[i] != '"')
            return false;
        ++i;
        *closed = false;
        while (i < s.size()) {
            const char c = s[i++];
            if (c == '"') {
                *closed = true;
                break;
            }
            if (c == '\\' && i < s.size())
                out->push_back(s[i++]);
            else if (c != '\r' && c != '\n')
                out->push_back(c);
        }
        return true;
    }
};

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::string percentDecode(std::string_view s)
{
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hexValue(s[i + 1]) >= 0
            && hexValue(s[i + 2]) >= 0) {
            out.push_back(char(hexValue(s[i + 1]) * 16 + hexValue(s[i + 2])));
            i += 2;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

struct RawField
{
    std::string name;  // lower case
    std::string value; // unfolded, trimmed
};

// Header fields of a body part in [begin, end) of data; stops at the empty line.
std::vector<RawField> readFields(std::string_view data, size_t begin, size_t end, std::vector<std::string> &problems)
{
    std::vector<RawField> fields;
    size_t p = begin;
    while (p < end) {
        size_t eol = data.find(kCrlf, p);
        if (eol == std::string_view::npos || eol > end)
            eol = end;
        const std::string_view line = data.substr(p, eol - p);
        const size_t next = std::min(end, eol + 2);
        if (line.empty())
            break;
        if (isWsp(line[0])) {
            if (fields.empty())
                problems.push_back("part header starts with a continuation line");
            else
                fields.back().value += std::string(line);
        } else {
            const size_t colon = line.find(':');
            if (colon == std::string_view::npos || colon == 0) {
                problems.push_back("part header line without a field name");
            } else {
                std::string_view name = line.substr(0, colon);
                while (!name.empty() && isWsp(name.back()))
                    name.remove_suffix(1);
                fields.push_back({toLower(name), std::string(line.substr(colon + 1))});
            }
        }
        p = next;
    }
    for (auto &f : fields)
        f.value = std::string(trim(unfold(f.value)));
    return fields;
}

const RawField *firstField(const std::vector<RawField> &fields, std::string_view name, std::vector<std::string> &problems)
{
    const RawField *found = nullptr;
    for (const auto &f : fields) {
        if (f.name == name) {
            if (found) {
                problems.push_back("several " + std::string(name) + " fields; the first is used");
                break;
            }
            found = &f;
        }
    }
    return found;
}

struct ParseState
{
    const MimeLimits &limits;
    int parts = 0;
};

void parseStructure(std::string_view data, MimePart &part, const std::vector<RawField> &fields, ParseState &state,
                    bool inDigest, const std::vector<std::string> &enclosingBoundaries);

// Fills a part's header/body offsets from [begin, end) and parses it.
void parseBodyPart(std::string_view data, MimePart &part, size_t begin, size_t end, ParseState &state, bool inDigest,
                   const std::vector<std::string> &enclosingBoundaries)
{
    part.begin = begin;
    part.end = end;
    part.headerBegin = begin;
    if (data.substr(begin, std::min<size_t>(2, end - begin)) == kCrlf) {
        // No header fields: the part starts with the empty line (RFC 2046 §5.1.1).
        part.headerEnd = begin;
        part.bodyBegin = begin + 2;
    } else {
        size_t sep = data.find("\r\n\r\n", begin);
        if (sep == std::string_view::npos || sep + 4 > end) {
            // Header without the empty line: the whole part is header.
            part.problems.push_back("part has no empty line after its header");
            part.headerEnd = end;
            part.bodyBegin = end;
        } else {
            part.headerEnd = sep + 2;
            part.bodyBegin = sep + 4;
        }
    }
    part.bodyEnd = end;
    const auto fields = readFields(data, part.headerBegin, part.headerEnd, part.problems);
    parseStructure(data, part, fields, state, inDigest, enclosingBoundaries);
}

// A delimiter line of @p boundary starting at @p p (already known to be at a line start)?
// Returns 0 = no, 1 = delimiter, 2 = close delimiter; @p lineEnd is set past its CRLF.
int delimiterAt(std::string_view data, size_t p, size_t end, std::string_view boundary, size_t *lineEnd)
{
    if (end - p < boundary.size() + 2 || data.compare(p, 2, "--") != 0 || data.compare(p + 2, boundary.size(), boundary) != 0)
        return 0;
    size_t q = p + 2 + boundary.size();
    int kind = 1;
    if (end - q >= 2 && data.compare(q, 2, "--") == 0) {
        kind = 2;
        q += 2;
    }
    // Transport padding (RFC 2046 §5.1.1): linear white space up to the CRLF.
    while (q < end && isWsp(data[q]))
        ++q;
    if (q == end) {
        *lineEnd = end;
        return kind;
    }
    if (end - q >= 2 && data.compare(q, 2, kCrlf) == 0) {
        *lineEnd = q + 2;
        return kind;
    }
    return 0;
}

void parseMultipart(std::string_view data, MimePart &part, ParseState &state, std::vector<std::string> boundaries)
{
    const std::string boundary = part.parameter("boundary");
    if (part.parameters.find("boundary") == part.parameters.end()) {
        part.problems.push_back("multipart without a boundary parameter");
        return;
    }
    if (!isValidBoundary(boundary)) {
        part.problems.push_back("invalid boundary parameter");
        return;
    }
    for (const auto &outer : boundaries) {
        if (outer.rfind(boundary, 0) == 0 || boundary.rfind(outer, 0) == 0) {
            part.problems.push_back("boundary is a prefix of an enclosing boundary");
            break;
        }
    }
    boundaries.push_back(boundary);
    if (part.depth + 1 > state.limits.maxDepth) {
        part.problems.push_back("depth limit reached");
        return;
    }

    const size_t begin = part.bodyBegin, end = part.bodyEnd;
    // Collect the delimiter lines: (start of the CRLF before it or its line start, line end, kind).
    struct Delim { size_t partEnd, lineEnd; int kind; };
    std::vector<Delim> delims;
    size_t p = begin;
    while (p < end) {
        size_t lineEnd = 0;
        const int kind = delimiterAt(data, p, end, boundary, &lineEnd);
        if (kind) {
            // The CRLF before the delimiter belongs to it (RFC 2046 §5.1.1).
            delims.push_back({p == begin ? p : p - 2, lineEnd, kind});
            if (kind == 2)
                break;
            p = lineEnd;
            continue;
        }
        const size_t eol = data.find(kCrlf, p);
        if (eol == std::string_view::npos || eol + 2 > end)
            break;
        p = eol + 2;
    }
    if (delims.empty()) {
        part.problems.push_back("no boundary delimiter found");
        return;
    }
    if (delims.back().kind != 2)
        part.problems.push_back("missing closing boundary delimiter");
    const bool digest = part.contentType == "multipart/digest";
    for (size_t k = 0; k < delims.size(); ++k) {
        if (delims[k].kind == 2)
            break;
        if (state.parts >= state.limits.maxParts) {
            part.problems.push_back("part limit reached");
            break;
        }
        const size_t s = delims[k].lineEnd;
        size_t e = k + 1 < delims.size() ? delims[k + 1].partEnd : end;
        if (e < s)
            e = s;
        ++state.parts;
        MimePart child;
        child.depth = part.depth + 1;
        child.path = part.path.empty() ? std::to_string(part.children.size() + 1)
                                       : part.path + "." + std::to_string(part.children.size() + 1);
        parseBodyPart(data, child, s, e, state, digest, boundaries);
        part.children.push_back(std::move(child));
    }
}

void parseStructure(std::string_view data, MimePart &part, const std::vector<RawField> &fields, ParseState &state,
                    bool inDigest, const std::vector<std::string> &enclosingBoundaries)
{
    part.contentType = inDigest ? "message/rfc822" : "text/plain";
    if (const RawField *ct = firstField(fields, "content-type", part.problems)) {
        auto parsed = parseParameterizedValue(ct->value, &part.problems);
        const size_t slash = parsed.value.find('/');
        if (slash == std::string::npos || slash == 0 || slash + 1 == parsed.value.size()) {
            // RFC 2045 §5.2: an invalid Content-Type is taken as text/plain; charset=us-ascii.
            part.problems.push_back("invalid Content-Type; taken as text/plain");
            part.contentType = "text/plain";
        } else {
            part.contentType = parsed.value;
            part.parameters = std::move(parsed.parameters);
        }
    }
    part.transferEncoding = "7bit";
    if (const RawField *cte = firstField(fields, "content-transfer-encoding", part.problems)) {
        std::string enc = toLower(trim(cte->value));
        const size_t paren = enc.find('(');
        if (paren != std::string::npos)
            enc = std::string(trim(enc.substr(0, paren)));
        if (!enc.empty())
            part.transferEncoding = enc;
    }
    if (const RawField *cd = firstField(fields, "content-disposition", part.problems)) {
        auto parsed = parseParameterizedValue(cd->value, &part.problems);
        if (parsed.value == "inline" || parsed.value == "attachment")
            part.disposition = parsed.value;
        else if (!parsed.value.empty())
            part.disposition = "attachment"; // RFC 2183 §2.8: unknown types are treated as attachment
        auto it = parsed.parameters.find("filename");
        if (it != parsed.parameters.end())
            part.filename = it->second;
    }
    if (part.filename.empty())
        part.filename = part.parameter("name");

    const std::string smimeType = toLower(part.parameter("smime-type"));
    if (part.contentType == "multipart/encrypted"
        || ((part.contentType == "application/pkcs7-mime" || part.contentType == "application/x-pkcs7-mime")
            && (smimeType == "enveloped-data" || smimeType == "authenveloped-data"))) {
        part.encrypted = true;
        return;
    }
    if (part.isMultipart()) {
        parseMultipart(data, part, state, enclosingBoundaries);
        return;
    }
    if (part.contentType == "message/rfc822" || part.contentType == "message/global") {
        const std::string &enc = part.transferEncoding;
        if (enc != "7bit" && enc != "8bit" && enc != "binary") {
            // RFC 2046 §5.2.1 forbids encoding message/rfc822; offsets into the decoded form would not
            // be offsets into the message, so the enclosed message is not parsed.
            part.problems.push_back("encoded message/rfc822 is not parsed");
            return;
        }
        if (part.depth + 1 > state.limits.maxDepth) {
            part.problems.push_back("depth limit reached");
            return;
        }
        if (state.parts >= state.limits.maxParts) {
            part.problems.push_back("part limit reached");
            return;
        }
        ++state.parts;
        MimePart child;
        child.depth = part.depth + 1;
        child.path = part.path.empty() ? "1" : part.path + ".1";
        parseBodyPart(data, child, part.bodyBegin, part.bodyEnd, state, false, enclosingBoundaries);
        part.children.push_back(std::move(child));
    }
}

void collectDisplayed(const MimePart &part, std::vector<const MimePart *> &out)
{
    if (part.encrypted || part.children.empty()) {
        out.push_back(&part);
        return;
    }
    if (part.contentType == "multipart/signed") {
        collectDisplayed(part.children.front(), out);
        // Anything past the signature is not part of RFC 1847 but a reader might show it.
        for (size_t i = 2; i < part.children.size(); ++i)
            collectDisplayed(part.children[i], out);
        return;
    }
    for (const auto &child : part.children)
        collectDisplayed(child, out);
}

} // namespace

bool isValidBoundary(std::string_view b)
{
    if (b.empty() || b.size() > 70 || b.back() == ' ')
        return false;
    for (char c : b) {
        if (isAlpha(c) || isDigit(c))
            continue;
        switch (c) {
        case '\'': case '(': case ')': case '+': case '_': case ',': case '-': case '.': case '/': case ':':
        case '=': case '?': case ' ':
            continue;
        default:
            return false;
        }
    }
    return true;
}

HeaderValueWithParameters parseParameterizedValue(std::string_view fieldValue, std::vector<std::string> *problems)
{
    HeaderValueWithParameters out;
    auto problem = [&](std::string text) {
        if (problems)
            problems->push_back(std::move(text));
    };
    Cursor c{fieldValue};
    c.skipCfws();
    std::string value = c.token();
    c.skipCfws();
    if (!c.atEnd() && c.s[c.i] == '/') {
        ++c.i;
        c.skipCfws();
        value += "/" + c.token();
    }
    out.value = toLower(value);

    struct Segment { int index; bool extended; std::string value; };
    std::map<std::string, std::vector<Segment>> extended;
    std::map<std::string, std::string> plain;
    int guard = 0;
    while (!c.atEnd() && ++guard < 1000) {
        c.skipCfws();
        if (c.atEnd())
            break;
        if (c.s[c.i] != ';') {
            problem("unexpected text in a parameter list");
            // Resynchronise at the next ';'.
            const size_t semi = c.s.find(';', c.i);
            if (semi == std::string_view::npos)
                break;
            c.i = semi;
        }
        ++c.i;
        c.skipCfws();
        if (c.atEnd())
            break;
        std::string name = toLower(c.token());
        c.skipCfws();
        if (name.empty() || c.atEnd() || c.s[c.i] != '=') {
            if (!name.empty() || (!c.atEnd() && c.s[c.i] != ';'))
                problem("parameter without a value");
            continue;
        }
        ++c.i;
        c.skipCfws();
        std::string v;
        bool closed = true;
        if (!c.quoted(&v, &closed))
            v = c.token();
        if (!closed)
            problem("unterminated quoted string");

        // RFC 2231 §3/§4: name*N, name*N*, name*.
        const size_t star = name.find('*');
        if (star == std::string::npos) {
            if (plain.count(name))
                problem("duplicate parameter " + name + "; the first is used");
            else
                plain[name] = v;
            continue;
        }
        const std::string base = name.substr(0, star);
        std::string rest = name.substr(star + 1);
        Segment seg{0, false, v};
        if (rest.empty()) {
            seg.extended = true;
        } else {
            if (rest.back() == '*') {
                seg.extended = true;
                rest.pop_back();
            }
            if (rest.empty() || rest.size() > 3 || !std::all_of(rest.begin(), rest.end(), isDigit)) {
                problem("bad RFC 2231 parameter name " + name);
                continue;
            }
            seg.index = std::stoi(rest);
        }
        auto &segs = extended[base];
        if (std::any_of(segs.begin(), segs.end(), [&](const Segment &s) { return s.index == seg.index; })) {
            problem("duplicate parameter " + name + "; the first is used");
            continue;
        }
        segs.push_back(std::move(seg));
    }
    for (auto &[name, segs] : extended) {
        std::sort(segs.begin(), segs.end(), [](const Segment &a, const Segment &b) { return a.index < b.index; });
        std::string joined;
        for (size_t k = 0; k < segs.size(); ++k) {
            if (segs[k].index != int(k)) {
                problem("RFC 2231 continuation of " + name + " has a gap");
                break;
            }
            std::string_view v = segs[k].value;
            if (segs[k].extended && k == 0) {
                // charset'language'value
                const size_t q1 = v.find('\'');
                const size_t q2 = q1 == std::string_view::npos ? q1 : v.find('\'', q1 + 1);
                if (q2 != std::string_view::npos)
                    v = v.substr(q2 + 1);
            }
            joined += segs[k].extended ? percentDecode(v) : std::string(v);
        }
        if (plain.count(name))
            problem("parameter " + name + " given both plain and in RFC 2231 form; the RFC 2231 form is used");
        plain[name] = joined;
    }
    out.parameters = std::move(plain);
    return out;
}

MimePart parseMime(const Message &message, const MimeLimits &limits)
{
    const std::string_view data = message.data();
    MimePart root;
    root.begin = 0;
    root.end = data.size();
    const std::string_view header = message.headerSection();
    root.headerBegin = header.empty() ? 0 : size_t(header.data() - data.data());
    root.headerEnd = root.headerBegin + header.size();
    if (message.hasBody()) {
        const std::string_view body = message.body();
        root.bodyBegin = body.empty() ? data.size() : size_t(body.data() - data.data());
    } else {
        root.bodyBegin = data.size();
    }
    root.bodyEnd = data.size();

    std::vector<RawField> fields;
    for (const auto &f : message.fields())
        fields.push_back({toLower(f.name), f.value()});
    ParseState state{limits, 1};
    parseStructure(data, root, fields, state, false, {});
    return root;
}

std::string decodeTransferEncoding(std::string_view body, std::string_view encoding)
{
    const std::string enc = toLower(trim(encoding));
    std::string out;
    if (enc == "base64") {
        out.reserve(body.size() * 3 / 4);
        unsigned buffer = 0;
        int bits = 0;
        for (char ch : body) {
            int v;
            if (ch >= 'A' && ch <= 'Z')
                v = ch - 'A';
            else if (ch >= 'a' && ch <= 'z')
                v = ch - 'a' + 26;
            else if (ch >= '0' && ch <= '9')
                v = ch - '0' + 52;
            else if (ch == '+')
                v = 62;
            else if (ch == '/')
                v = 63;
            else if (ch == '=')
                break;
            else
                continue; // RFC 2045 §6.8: characters outside the alphabet are ignored
            buffer = (buffer << 6) | unsigned(v);
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out.push_back(char((buffer >> bits) & 0xff));
            }
        }
        return out;
    }
    if (enc == "quoted-printable") {
        out.reserve(body.size());
        size_t i = 0;
        while (i < body.size()) {
            // One line at a time: trailing white space is removed (RFC 2045 §6.7 rule 3).
            size_t eol = body.find(kCrlf, i);
            const bool hasEol = eol != std::string_view::npos;
            if (!hasEol)
                eol = body.size();
            std::string_view line = body.substr(i, eol - i);
            while (!line.empty() && isWsp(line.back()))
                line.remove_suffix(1);
            bool soft = false;
            for (size_t k = 0; k < line.size(); ++k) {
                if (line[k] != '=') {
                    out.push_back(line[k]);
                    continue;
                }
                if (k + 1 == line.size()) {
                    soft = true;
                    break;
                }
                if (k + 2 < line.size() && hexValue(line[k + 1]) >= 0 && hexValue(line[k + 2]) >= 0) {
                    out.push_back(char(hexValue(line[k + 1]) * 16 + hexValue(line[k + 2])));
                    k += 2;
                } else {
                    out.push_back('='); // bad escape: kept as is
                }
            }
            if (hasEol && !soft)
                out += kCrlf;
            i = hasEol ? eol + 2 : body.size();
        }
        return out;
    }
    return std::string(body);
}

std::vector<const MimePart *> displayedParts(const MimePart &root)
{
    std::vector<const MimePart *> out;
    collectDisplayed(root, out);
    return out;
}

} // namespace verifier
