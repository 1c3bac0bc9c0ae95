#include "MasterFileParser.h"

#include "DnsName.h"
#include "Strings.h"

#include <arpa/inet.h>

#include <cstdint>
#include <optional>

namespace verifier {

namespace {

constexpr uint32_t kDefaultTtl = 300;
constexpr uint64_t kMaxTtl = 2147483647; // RFC 2181 §8

struct Token
{
    std::string raw; // escapes not yet decoded; quotes stripped
    bool quoted = false;
};

Error lineError(int line, const std::string &what)
{
    return makeError("line " + std::to_string(line) + ": " + what);
}

/// Seconds or BIND-style units ("1h30m", "2d"). nullopt when @p s is not a TTL at all.
std::optional<uint64_t> parseTtl(std::string_view s)
{
    if (s.empty() || !isDigit(s.front()))
        return std::nullopt;
    uint64_t total = 0;
    uint64_t current = 0;
    bool digits = false;
    bool anyUnit = false;
    for (char c : s) {
        if (isDigit(c)) {
            current = current * 10 + uint64_t(c - '0');
            if (current > kMaxTtl * 2)
                return uint64_t(kMaxTtl) + 1; // out of range; reported by the caller
            digits = true;
            continue;
        }
        uint64_t mult = 0;
        switch (toLowerAscii(c)) {
        case 's': mult = 1; break;
        case 'm': mult = 60; break;
        case 'h': mult = 3600; break;
        case 'd': mult = 86400; break;
        case 'w': mult = 604800; break;
        default: return std::nullopt;
        }
        if (!digits)
            return std::nullopt;
        total += current * mult;
        if (total > kMaxTtl)
            return uint64_t(kMaxTtl) + 1;
        current = 0;
        digits = false;
        anyUnit = true;
    }
    if (digits) {
        if (anyUnit)
            return std::nullopt; // "1h30": trailing number without unit is ambiguous
        total += current;
    }
    return total;
}

/// RFC 1035 §5.1 classes; @p isIn set for IN.
bool parseClass(std::string_view s, bool *isIn)
{
    *isIn = false;
    if (equalsIgnoreCase(s, "IN")) {
        *isIn = true;
        return true;
    }
    if (equalsIgnoreCase(s, "CH") || equalsIgnoreCase(s, "HS") || equalsIgnoreCase(s, "CS"))
        return true;
    if (startsWithIgnoreCase(s, "CLASS") && s.size() > 5 && s.size() <= 10) {
        uint32_t v = 0;
        for (char c : s.substr(5)) {
            if (!isDigit(c))
                return false;
            v = v * 10 + uint32_t(c - '0');
        }
        *isIn = v == 1;
        return v <= 65535;
    }
    return false;
}

struct TypeInfo
{
    bool valid = false;     // syntactically a type
    bool supported = false; // one we keep
    RrType type = RrType::A;
};

TypeInfo parseType(std::string_view s)
{
    static const struct { const char *name; RrType type; } known[] = {
        {"A", RrType::A},         {"AAAA", RrType::AAAA}, {"MX", RrType::MX},   {"TXT", RrType::TXT},
        {"SPF", RrType::SPF},     {"PTR", RrType::PTR},   {"CNAME", RrType::CNAME},
        {"NS", RrType::NS},       {"SRV", RrType::SRV},   {"TLSA", RrType::TLSA}, {"SOA", RrType::SOA},
    };
    TypeInfo info;
    if (s.empty() || !isAlpha(s.front()))
        return info;
    for (char c : s) {
        if (!isAlpha(c) && !isDigit(c) && c != '-')
            return info;
    }
    info.valid = true;
    for (const auto &k : known) {
        if (equalsIgnoreCase(s, k.name)) {
            info.supported = true;
            info.type = k.type;
            return info;
        }
    }
    // RFC 3597 §5: TYPEnnn.
    if (startsWithIgnoreCase(s, "TYPE") && s.size() > 4 && s.size() <= 9) {
        uint32_t v = 0;
        for (char c : s.substr(4)) {
            if (!isDigit(c))
                return info;
            v = v * 10 + uint32_t(c - '0');
        }
        for (const auto &k : known) {
            if (uint32_t(k.type) == v) {
                info.supported = true;
                info.type = k.type;
            }
        }
    }
    return info;
}

std::optional<uint32_t> parseNumber(std::string_view s, uint32_t max)
{
    if (s.empty() || s.size() > 10)
        return std::nullopt;
    uint64_t v = 0;
    for (char c : s) {
        if (!isDigit(c))
            return std::nullopt;
        v = v * 10 + uint64_t(c - '0');
    }
    if (v > max)
        return std::nullopt;
    return uint32_t(v);
}

class Reader
{
public:
    Reader(const MasterFileParser::Limits &limits) : m_limits(limits) {}

    Expected<MasterFileContents> run(std::string_view text, std::string_view origin)
    {
        if (text.size() > m_limits.maxBytes)
            return makeError("zone text larger than " + std::to_string(m_limits.maxBytes) + " bytes");
        if (!origin.empty() && origin != ".") {
            bool absolute = false;
            auto o = DnsName::fromText(origin, &absolute);
            if (!o)
                return makeError("bad origin: " + o.error().message);
            m_origin = std::move(*o);
        }

        std::vector<Token> tokens;
        bool blankOwner = false;
        int depth = 0;
        int entryLine = 0;
        int parenLine = 0;
        int lineNo = 0;
        size_t pos = 0;
        while (pos <= text.size()) {
            size_t eol = text.find('\n', pos);
            if (eol == std::string_view::npos)
                eol = text.size();
            std::string_view line = text.substr(pos, eol - pos);
            pos = eol + 1;
            ++lineNo;
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            if (depth == 0) {
                tokens.clear();
                blankOwner = !line.empty() && isWsp(line.front());
                entryLine = lineNo;
            }
            size_t i = 0;
            while (i < line.size()) {
                const char c = line[i];
                if (isWsp(c) || c == '\r') {
                    ++i;
                } else if (c == ';') {
                    break;
                } else if (c == '(') {
                    if (depth > 0)
                        return lineError(lineNo, "nested '('");
                    depth = 1;
                    parenLine = lineNo;
                    ++i;
                } else if (c == ')') {
                    if (depth == 0)
                        return lineError(lineNo, "')' without '('");
                    depth = 0;
                    ++i;
                } else if (c == '"') {
                    Token t;
                    t.quoted = true;
                    ++i;
                    bool closed = false;
                    while (i < line.size()) {
                        if (line[i] == '\\') {
                            if (i + 1 >= line.size())
                                return lineError(lineNo, "backslash at the end of a line");
                            t.raw.append(line.substr(i, 2));
                            i += 2;
                        } else if (line[i] == '"') {
                            closed = true;
                            ++i;
                            break;
                        } else {
                            t.raw.push_back(line[i++]);
                        }
                    }
                    if (!closed)
                        return lineError(lineNo, "unterminated quoted string");
                    tokens.push_back(std::move(t));
                } else {
                    Token t;
                    while (i < line.size()) {
                        const char d = line[i];
                        if (isWsp(d) || d == ';' || d == '(' || d == ')' || d == '"' || d == '\r')
                            break;
                        if (d == '\\') {
                            if (i + 1 >= line.size())
                                return lineError(lineNo, "backslash at the end of a line");
                            t.raw.append(line.substr(i, 2));
                            i += 2;
                        } else {
                            t.raw.push_back(d);
                            ++i;
                        }
                    }
                    tokens.push_back(std::move(t));
                }
            }
            if (depth == 0 && !tokens.empty()) {
                if (auto r = entry(tokens, blankOwner, entryLine); !r)
                    return r.error();
            }
            if (eol == text.size())
                break;
        }
        if (depth > 0)
            return lineError(parenLine, "'(' is never closed");
        return std::move(m_out);
    }

private:
    Expected<bool> entry(const std::vector<Token> &tokens, bool blankOwner, int line)
    {
        size_t k = 0;
        DnsName::Labels owner;
        if (!blankOwner) {
            const Token &first = tokens[0];
            if (!first.quoted && !first.raw.empty() && first.raw.front() == '$')
                return directive(tokens, line);
            auto name = resolveName(first, line);
            if (!name)
                return name.error();
            owner = std::move(*name);
            m_lastOwner = owner;
            m_haveOwner = true;
            k = 1;
        } else {
            if (!m_haveOwner)
                return lineError(line, "record without owner name and no previous owner");
            owner = m_lastOwner;
        }

        std::optional<uint32_t> ttl;
        bool classSeen = false;
        bool classIn = true;
        for (int n = 0; n < 2 && k < tokens.size() && !tokens[k].quoted; ++n) {
            const std::string &raw = tokens[k].raw;
            if (auto t = parseTtl(raw)) {
                if (ttl)
                    return lineError(line, "two TTLs");
                if (*t > kMaxTtl)
                    return lineError(line, "TTL '" + raw + "' out of range");
                ttl = uint32_t(*t);
                ++k;
                continue;
            }
            bool isIn = false;
            if (parseClass(raw, &isIn)) {
                if (classSeen)
                    return lineError(line, "two classes");
                classSeen = true;
                classIn = isIn;
                ++k;
                continue;
            }
            break;
        }
        if (k >= tokens.size())
            return lineError(line, "record without type");
        if (tokens[k].quoted)
            return lineError(line, "expected a type, found a quoted string");
        const TypeInfo type = parseType(tokens[k].raw);
        if (!type.valid)
            return lineError(line, "'" + tokens[k].raw + "' is not a record type");
        ++k;

        if (m_out.records.size() + size_t(m_out.ignored) >= m_limits.maxRecords)
            return lineError(line, "more than " + std::to_string(m_limits.maxRecords) + " records");

        if (ttl)
            m_lastTtl = *ttl;
        const uint32_t effectiveTtl = ttl ? *ttl : (m_haveDollarTtl ? m_dollarTtl : m_lastTtl);

        if (!type.supported || !classIn) {
            ++m_out.ignored;
            return true;
        }
        if (k < tokens.size() && !tokens[k].quoted && tokens[k].raw == "\\#")
            return lineError(line, "generic (\\#) rdata is not supported for " + std::string(rrTypeName(type.type)));

        MasterFileRecord rec;
        rec.owner = DnsName::toText(owner);
        rec.type = type.type;
        rec.line = line;
        rec.record.ttl = effectiveTtl;
        auto r = rdata(type.type, tokens, k, line, rec.record);
        if (!r)
            return r.error();
        m_out.records.push_back(std::move(rec));
        return true;
    }

    Expected<bool> directive(const std::vector<Token> &tokens, int line)
    {
        const std::string &name = tokens[0].raw;
        if (equalsIgnoreCase(name, "$ORIGIN")) {
            if (tokens.size() != 2)
                return lineError(line, "$ORIGIN takes one domain name");
            auto o = resolveName(tokens[1], line);
            if (!o)
                return o.error();
            m_origin = std::move(*o);
            return true;
        }
        if (equalsIgnoreCase(name, "$TTL")) {
            if (tokens.size() != 2 || tokens[1].quoted)
                return lineError(line, "$TTL takes one TTL");
            auto t = parseTtl(tokens[1].raw);
            if (!t || *t > kMaxTtl)
                return lineError(line, "bad $TTL '" + tokens[1].raw + "'");
            m_dollarTtl = uint32_t(*t);
            m_haveDollarTtl = true;
            return true;
        }
        if (equalsIgnoreCase(name, "$INCLUDE"))
            return lineError(line, "$INCLUDE is not supported");
        return lineError(line, "unknown directive '" + name + "'");
    }

    Expected<DnsName::Labels> resolveName(const Token &t, int line)
    {
        if (t.quoted)
            return lineError(line, "a domain name cannot be quoted");
        if (t.raw == "@")
            return m_origin;
        bool absolute = false;
        auto labels = DnsName::fromText(t.raw, &absolute);
        if (!labels)
            return lineError(line, labels.error().message);
        if (absolute)
            return std::move(*labels);
        auto full = DnsName::concat(*labels, m_origin);
        if (!full)
            return lineError(line, full.error().message);
        return std::move(*full);
    }

    Expected<std::string> nameText(const std::vector<Token> &tokens, size_t &k, int line)
    {
        if (k >= tokens.size())
            return lineError(line, "missing domain name");
        auto n = resolveName(tokens[k++], line);
        if (!n)
            return n.error();
        return DnsName::toText(*n);
    }

    Expected<uint32_t> number(const std::vector<Token> &tokens, size_t &k, int line, uint32_t max, const char *what)
    {
        if (k >= tokens.size() || tokens[k].quoted)
            return lineError(line, std::string("missing ") + what);
        auto v = parseNumber(tokens[k].raw, max);
        if (!v)
            return lineError(line, std::string("bad ") + what + " '" + tokens[k].raw + "'");
        ++k;
        return *v;
    }

    Expected<bool> rdata(RrType type, const std::vector<Token> &tokens, size_t k, int line, DnsRecord &out)
    {
        auto single = [&](const char *what) -> Expected<std::string> {
            if (k >= tokens.size() || tokens[k].quoted)
                return lineError(line, std::string("missing ") + what);
            return tokens[k++].raw;
        };
        switch (type) {
        case RrType::A:
        case RrType::AAAA: {
            auto text = single("address");
            if (!text)
                return text.error();
            const int family = type == RrType::A ? AF_INET : AF_INET6;
            unsigned char buf[16];
            char back[INET6_ADDRSTRLEN];
            if (inet_pton(family, text->c_str(), buf) != 1 || !inet_ntop(family, buf, back, sizeof back))
                return lineError(line, "bad " + std::string(rrTypeName(type)) + " address '" + *text + "'");
            out.text = back;
            break;
        }
        case RrType::MX: {
            auto pref = number(tokens, k, line, 65535, "MX preference");
            if (!pref)
                return pref.error();
            out.preference = uint16_t(*pref);
            auto n = nameText(tokens, k, line);
            if (!n)
                return n.error();
            out.text = std::move(*n);
            break;
        }
        case RrType::TXT:
        case RrType::SPF: {
            if (k >= tokens.size())
                return lineError(line, "TXT record without character-string");
            for (; k < tokens.size(); ++k) {
                auto s = MasterFileParser::decodeCharacterString(tokens[k].raw);
                if (!s)
                    return lineError(line, s.error().message);
                if (s->size() > 255)
                    return lineError(line, "character-string longer than 255 octets (" + std::to_string(s->size()) +
                                               "); split it into several quoted strings");
                out.text += *s;
                out.strings.push_back(std::move(*s));
            }
            break;
        }
        case RrType::CNAME:
        case RrType::PTR:
        case RrType::NS: {
            auto n = nameText(tokens, k, line);
            if (!n)
                return n.error();
            out.text = std::move(*n);
            break;
        }
        case RrType::SRV: {
            auto prio = number(tokens, k, line, 65535, "SRV priority");
            if (!prio)
                return prio.error();
            auto weight = number(tokens, k, line, 65535, "SRV weight");
            if (!weight)
                return weight.error();
            auto port = number(tokens, k, line, 65535, "SRV port");
            if (!port)
                return port.error();
            auto n = nameText(tokens, k, line);
            if (!n)
                return n.error();
            out.preference = uint16_t(*prio);
            out.weight = uint16_t(*weight);
            out.port = uint16_t(*port);
            out.text = std::move(*n);
            break;
        }
        case RrType::TLSA: {
            // RFC 6698 §2.2: usage selector matching-type, then hex that may contain spaces.
            auto usage = number(tokens, k, line, 255, "TLSA usage");
            if (!usage)
                return usage.error();
            auto selector = number(tokens, k, line, 255, "TLSA selector");
            if (!selector)
                return selector.error();
            auto mtype = number(tokens, k, line, 255, "TLSA matching type");
            if (!mtype)
                return mtype.error();
            std::string hex;
            for (; k < tokens.size(); ++k) {
                if (tokens[k].quoted)
                    return lineError(line, "quoted string in TLSA data");
                for (char c : tokens[k].raw) {
                    const char l = toLowerAscii(c);
                    if (!isDigit(l) && !(l >= 'a' && l <= 'f'))
                        return lineError(line, "bad hex in TLSA data");
                    hex.push_back(l);
                }
            }
            if (hex.empty() || hex.size() % 2)
                return lineError(line, "TLSA data must be an even, non-zero number of hex digits");
            out.text = std::to_string(*usage) + ' ' + std::to_string(*selector) + ' ' + std::to_string(*mtype) + ' ' + hex;
            break;
        }
        case RrType::SOA: {
            auto mname = nameText(tokens, k, line);
            if (!mname)
                return mname.error();
            auto rname = nameText(tokens, k, line);
            if (!rname)
                return rname.error();
            std::string text = *mname + ' ' + *rname;
            auto serial = number(tokens, k, line, 0xFFFFFFFFu, "SOA serial");
            if (!serial)
                return serial.error();
            text += ' ' + std::to_string(*serial);
            for (const char *what : {"SOA refresh", "SOA retry", "SOA expire", "SOA minimum"}) {
                if (k >= tokens.size() || tokens[k].quoted)
                    return lineError(line, std::string("missing ") + what);
                auto t = parseTtl(tokens[k].raw);
                if (!t || *t > 0xFFFFFFFFu)
                    return lineError(line, std::string("bad ") + what + " '" + tokens[k].raw + "'");
                text += ' ' + std::to_string(*t);
                ++k;
            }
            out.text = std::move(text);
            break;
        }
        }
        if (k < tokens.size())
            return lineError(line, "unexpected '" + tokens[k].raw + "' after the " + std::string(rrTypeName(type)) + " data");
        return true;
    }

    const MasterFileParser::Limits &m_limits;
    MasterFileContents m_out;
    DnsName::Labels m_origin;
    DnsName::Labels m_lastOwner;
    bool m_haveOwner = false;
    uint32_t m_dollarTtl = kDefaultTtl;
    bool m_haveDollarTtl = false;
    uint32_t m_lastTtl = kDefaultTtl;
};

} // namespace

Expected<std::string> MasterFileParser::decodeCharacterString(std::string_view raw)
{
    std::string out;
    out.reserve(raw.size());
    for (size_t i = 0; i < raw.size();) {
        if (raw[i] != '\\') {
            out.push_back(raw[i++]);
            continue;
        }
        if (i + 1 >= raw.size())
            return makeError("backslash at the end of a character-string");
        if (isDigit(raw[i + 1])) {
            if (i + 3 >= raw.size() || !isDigit(raw[i + 2]) || !isDigit(raw[i + 3]))
                return makeError("bad \\DDD escape (three decimal digits expected)");
            const int v = (raw[i + 1] - '0') * 100 + (raw[i + 2] - '0') * 10 + (raw[i + 3] - '0');
            if (v > 255)
                return makeError("\\DDD escape above 255");
            out.push_back(char(v));
            i += 4;
        } else {
            out.push_back(raw[i + 1]);
            i += 2;
        }
    }
    return out;
}

Expected<MasterFileContents> MasterFileParser::parse(std::string_view text, std::string_view origin)
{
    return parse(text, origin, Limits{});
}

Expected<MasterFileContents> MasterFileParser::parse(std::string_view text, std::string_view origin,
                                                     const Limits &limits)
{
    Reader reader(limits);
    return reader.run(text, origin);
}

} // namespace verifier
