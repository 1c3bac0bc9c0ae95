#include "SpfRecord.h"

#include "SpfIpAddress.h"
#include "SpfMacro.h"
#include "Strings.h"

namespace verifier {

namespace {

bool isNameChar(char c) { return isAlpha(c) || isDigit(c) || c == '-' || c == '_' || c == '.'; }

bool allDigits(std::string_view s)
{
    if (s.empty())
        return false;
    for (char c : s) {
        if (!isDigit(c))
            return false;
    }
    return true;
}

/// ip4-cidr-length / ip6-cidr-length digits: "0" or no leading zero, at most @p max.
std::optional<int> parseCidr(std::string_view digits, int max)
{
    if (!allDigits(digits) || digits.size() > 3 || (digits.size() > 1 && digits[0] == '0'))
        return std::nullopt;
    int v = 0;
    for (char c : digits)
        v = v * 10 + (c - '0');
    if (v > max)
        return std::nullopt;
    return v;
}

Error termError(std::string_view term, std::string_view problem)
{
    return makeError("invalid term '" + escapeForDisplay(term) + "': " + std::string(problem));
}

/// a / mx: [":" domain-spec] [dual-cidr-length]
std::optional<std::string> parseDomainAndDualCidr(std::string_view rest, SpfTerm *term)
{
    bool hasDomain = false;
    if (!rest.empty() && rest.front() == ':') {
        hasDomain = true;
        rest.remove_prefix(1);
    }
    if (size_t pos = rest.rfind("//"); pos != std::string_view::npos && allDigits(rest.substr(pos + 2))) {
        auto v = parseCidr(rest.substr(pos + 2), 128);
        if (!v)
            return std::string("invalid IPv6 prefix length");
        term->cidr6 = *v;
        rest = rest.substr(0, pos);
    }
    if (size_t pos = rest.rfind('/'); pos != std::string_view::npos && allDigits(rest.substr(pos + 1))) {
        auto v = parseCidr(rest.substr(pos + 1), 32);
        if (!v)
            return std::string("invalid IPv4 prefix length");
        term->cidr4 = *v;
        rest = rest.substr(0, pos);
    }
    if (!hasDomain) {
        if (!rest.empty())
            return std::string("unexpected text after the mechanism");
        return std::nullopt;
    }
    if (auto problem = checkSpfDomainSpec(rest))
        return problem;
    term->value = std::string(rest);
    return std::nullopt;
}

std::optional<std::string> parseIpNetwork(std::string_view rest, bool v6, SpfTerm *term)
{
    if (rest.empty() || rest.front() != ':')
        return std::string("an address is required");
    rest.remove_prefix(1);
    std::string_view network = rest;
    if (size_t slash = rest.find('/'); slash != std::string_view::npos) {
        network = rest.substr(0, slash);
        auto v = parseCidr(rest.substr(slash + 1), v6 ? 128 : 32);
        if (!v)
            return std::string("invalid prefix length");
        (v6 ? term->cidr6 : term->cidr4) = *v;
    }
    if (!(v6 ? SpfIpAddress::parseV6(network) : SpfIpAddress::parseV4(network)))
        return std::string(v6 ? "invalid IPv6 network" : "invalid IPv4 network");
    term->value = std::string(network);
    return std::nullopt;
}

} // namespace

std::string_view spfMechanismName(SpfMechanismKind kind)
{
    switch (kind) {
    case SpfMechanismKind::All: return "all";
    case SpfMechanismKind::Include: return "include";
    case SpfMechanismKind::A: return "a";
    case SpfMechanismKind::Mx: return "mx";
    case SpfMechanismKind::Ptr: return "ptr";
    case SpfMechanismKind::Ip4: return "ip4";
    case SpfMechanismKind::Ip6: return "ip6";
    case SpfMechanismKind::Exists: return "exists";
    }
    return "?";
}

int SpfRecord::dnsLookupTerms() const
{
    int n = redirect ? 1 : 0;
    for (const SpfTerm &t : mechanisms) {
        switch (t.kind) {
        case SpfMechanismKind::Include:
        case SpfMechanismKind::A:
        case SpfMechanismKind::Mx:
        case SpfMechanismKind::Ptr:
        case SpfMechanismKind::Exists:
            ++n;
            break;
        case SpfMechanismKind::All:
        case SpfMechanismKind::Ip4:
        case SpfMechanismKind::Ip6:
            break;
        }
    }
    return n;
}

const SpfTerm *SpfRecord::allTerm() const
{
    for (const SpfTerm &t : mechanisms) {
        if (t.kind == SpfMechanismKind::All)
            return &t;
    }
    return nullptr;
}

bool isSpfRecord(std::string_view txt)
{
    return startsWithIgnoreCase(txt, "v=spf1") && (txt.size() == 6 || txt[6] == ' ');
}

Expected<SpfRecord> parseSpfRecord(std::string_view txt, size_t maxBytes)
{
    if (txt.size() > maxBytes)
        return makeError("SPF record longer than " + std::to_string(maxBytes) + " bytes");
    if (!isSpfRecord(txt))
        return makeError("not an SPF version 1 record (\"v=spf1\" missing)");
    SpfRecord record;
    std::string_view rest = txt.substr(6);
    while (!rest.empty()) {
        if (rest.front() == ' ') {
            rest.remove_prefix(1);
            continue;
        }
        const size_t end = rest.find(' ');
        const std::string_view text = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);

        for (char c : text) {
            const auto u = static_cast<unsigned char>(c);
            if (u < 0x21 || u > 0x7e)
                return termError(text, "control or non-ASCII character");
        }

        // Modifier: name "=" value, name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." ).
        if (const size_t eq = text.find('='); eq != std::string_view::npos && eq > 0 && isAlpha(text[0])) {
            const std::string_view name = text.substr(0, eq);
            bool isName = true;
            for (char c : name)
                isName = isName && isNameChar(c);
            if (isName) {
                const std::string_view value = text.substr(eq + 1);
                const std::string lname = toLower(name);
                if (lname == "redirect" || lname == "exp") {
                    auto &slot = lname == "redirect" ? record.redirect : record.explanation;
                    if (slot)
                        return termError(text, "the modifier appears twice");
                    if (auto problem = checkSpfDomainSpec(value))
                        return termError(text, *problem);
                    slot = std::string(value);
                } else {
                    if (auto problem = checkSpfMacroString(value, SpfMacroMode::Modifier))
                        return termError(text, *problem);
                    record.unknownModifiers.push_back({lname, std::string(value)});
                }
                continue;
            }
        }

        SpfTerm term;
        term.text = std::string(text);
        std::string_view body = text;
        switch (body.front()) {
        case '+': term.qualifier = SpfQualifier::Pass; body.remove_prefix(1); break;
        case '-': term.qualifier = SpfQualifier::Fail; body.remove_prefix(1); break;
        case '~': term.qualifier = SpfQualifier::SoftFail; body.remove_prefix(1); break;
        case '?': term.qualifier = SpfQualifier::Neutral; body.remove_prefix(1); break;
        default: break;
        }
        const size_t nameEnd = body.find_first_of(":/");
        const std::string name = toLower(body.substr(0, nameEnd));
        const std::string_view args = nameEnd == std::string_view::npos ? std::string_view() : body.substr(nameEnd);
        std::optional<std::string> problem;
        if (name == "all") {
            term.kind = SpfMechanismKind::All;
            if (!args.empty())
                problem = "\"all\" takes no argument";
        } else if (name == "include" || name == "exists") {
            term.kind = name == "include" ? SpfMechanismKind::Include : SpfMechanismKind::Exists;
            if (args.empty() || args.front() != ':')
                problem = "a domain-spec is required";
            else if ((problem = checkSpfDomainSpec(args.substr(1))); !problem)
                term.value = std::string(args.substr(1));
        } else if (name == "ptr") {
            term.kind = SpfMechanismKind::Ptr;
            if (!args.empty()) {
                if (args.front() != ':')
                    problem = "\"ptr\" takes no prefix length";
                else if ((problem = checkSpfDomainSpec(args.substr(1))); !problem)
                    term.value = std::string(args.substr(1));
            }
        } else if (name == "a" || name == "mx") {
            term.kind = name == "a" ? SpfMechanismKind::A : SpfMechanismKind::Mx;
            problem = parseDomainAndDualCidr(args, &term);
        } else if (name == "ip4" || name == "ip6") {
            term.kind = name == "ip4" ? SpfMechanismKind::Ip4 : SpfMechanismKind::Ip6;
            problem = parseIpNetwork(args, name == "ip6", &term);
        } else {
            problem = "unknown mechanism";
        }
        if (problem)
            return termError(text, *problem);
        record.mechanisms.push_back(std::move(term));
    }
    return record;
}

} // namespace verifier
