#include "ProviderProfile.h"

#include <algorithm>

#include "Strings.h"

#include <nlohmann/json.hpp>

#include <arpa/inet.h>

#include <array>
#include <cstring>
#include <optional>

namespace verifier {

namespace {

using json = nlohmann::json;

std::string_view stripDots(std::string_view s)
{
    while (!s.empty() && s.back() == '.')
        s.remove_suffix(1);
    return s;
}

struct Address
{
    bool v6 = false;
    std::array<unsigned char, 16> bytes{};
};

/// IPv4 or IPv6 text; IPv4-mapped IPv6 becomes IPv4. Brackets and an "IPv6:" prefix are allowed.
std::optional<Address> parseAddress(std::string_view text)
{
    if (!text.empty() && text.front() == '[' && text.back() == ']')
        text = text.substr(1, text.size() - 2);
    if (startsWithIgnoreCase(text, "IPv6:"))
        text = text.substr(5);
    if (text.empty() || text.size() > 64)
        return std::nullopt;
    const std::string s(text);
    Address a;
    if (inet_pton(AF_INET, s.c_str(), a.bytes.data()) == 1)
        return a;
    if (inet_pton(AF_INET6, s.c_str(), a.bytes.data()) != 1)
        return std::nullopt;
    static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::memcmp(a.bytes.data(), mapped, 12) == 0) {
        std::memmove(a.bytes.data(), a.bytes.data() + 12, 4);
        return a;
    }
    a.v6 = true;
    return a;
}

struct Network
{
    Address base;
    int prefix = 0;
};

std::optional<Network> parseNetwork(std::string_view cidr)
{
    const size_t slash = cidr.find('/');
    auto base = parseAddress(cidr.substr(0, slash));
    if (!base)
        return std::nullopt;
    const int max = base->v6 ? 128 : 32;
    int prefix = max;
    if (slash != std::string_view::npos) {
        std::string_view p = cidr.substr(slash + 1);
        if (p.empty() || p.size() > 3)
            return std::nullopt;
        prefix = 0;
        for (char c : p) {
            if (c < '0' || c > '9')
                return std::nullopt;
            prefix = prefix * 10 + (c - '0');
        }
        if (prefix > max)
            return std::nullopt;
    }
    return Network{*base, prefix};
}

bool inNetwork(const Address &a, const Network &n)
{
    if (a.v6 != n.base.v6)
        return false;
    int bits = n.prefix;
    for (size_t i = 0; bits > 0; ++i, bits -= 8) {
        const unsigned mask = bits >= 8 ? 0xffu : (0xffu << (8 - bits)) & 0xffu;
        if ((a.bytes[i] & mask) != (n.base.bytes[i] & mask))
            return false;
    }
    return true;
}

std::vector<std::string> stringList(const json &j, const char *key)
{
    std::vector<std::string> out;
    if (!j.contains(key) || !j[key].is_array())
        return out;
    for (const auto &v : j[key])
        if (v.is_string())
            out.push_back(v.get<std::string>());
    return out;
}

std::string text(const json &j, const char *key)
{
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

} // namespace

namespace {

std::vector<std::string_view> labels(std::string_view name)
{
    std::vector<std::string_view> out;
    size_t start = 0;
    while (start <= name.size()) {
        const size_t dot = name.find('.', start);
        out.push_back(name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
        if (dot == std::string_view::npos)
            break;
        start = dot + 1;
    }
    return out;
}

/// One pattern label against one host label: "*" any label, "prefix*" a label starting with
/// prefix, else equal (ASCII case-insensitive).
bool labelMatches(std::string_view host, std::string_view pattern)
{
    if (host.empty())
        return false;
    if (pattern == "*")
        return true;
    if (!pattern.empty() && pattern.back() == '*')
        return startsWithIgnoreCase(host, pattern.substr(0, pattern.size() - 1));
    return equalsIgnoreCase(host, pattern);
}

} // namespace

bool isValidHostPattern(std::string_view pattern)
{
    pattern = stripDots(pattern);
    if (pattern.empty() || pattern.size() > 253)
        return false;
    const auto parts = labels(pattern);
    for (size_t i = 0; i < parts.size(); ++i) {
        const std::string_view l = parts[i];
        if (l.empty())
            return false;
        const size_t star = l.find('*');
        if (star == std::string_view::npos)
            continue;
        // A '*' ends a label, and the last two labels are always written out: "*.com" or
        // "mx.example.*" could match anybody's names.
        if (star + 1 != l.size() || i + 2 >= parts.size())
            return false;
    }
    return true;
}

bool hostMatchesPattern(std::string_view host, std::string_view pattern)
{
    host = stripDots(host);
    pattern = stripDots(pattern);
    if (host.empty() || !isValidHostPattern(pattern))
        return false;
    const auto h = labels(host);
    const auto p = labels(pattern);
    // A leading "*" label stands for one or more labels ("*.example.com" is every name below
    // example.com); every other label matches exactly one.
    if (p.front() == "*") {
        if (h.size() < p.size())
            return false;
        const size_t skip = h.size() - p.size();
        for (size_t i = 1; i < p.size(); ++i)
            if (!labelMatches(h[skip + i], p[i]))
                return false;
        return true;
    }
    if (h.size() != p.size())
        return false;
    for (size_t i = 0; i < p.size(); ++i)
        if (!labelMatches(h[i], p[i]))
            return false;
    return true;
}

bool ipInNetwork(std::string_view ip, std::string_view cidr)
{
    auto a = parseAddress(ip);
    auto n = parseNetwork(cidr);
    return a && n && inNetwork(*a, *n);
}

bool isValidNetwork(std::string_view cidr) { return parseNetwork(cidr).has_value(); }

bool isPrivateAddress(std::string_view ip)
{
    static const char *const networks[] = {
        "127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16",
        "0.0.0.0/32", "::1/128", "::/128", "fc00::/7", "fe80::/10",
    };
    auto a = parseAddress(ip);
    if (!a)
        return false;
    for (const char *n : networks) {
        if (inNetwork(*a, *parseNetwork(n)))
            return true;
    }
    return false;
}

bool ProviderProfile::matchesAuthservId(std::string_view authservId) const
{
    if (authservId.empty())
        return false;
    for (const auto &id : authservIds)
        if (equalsIgnoreCase(stripDots(id), stripDots(authservId)))
            return true;
    for (const auto &p : authservIdPatterns)
        if (hostMatchesPattern(authservId, p))
            return true;
    return false;
}

bool ProviderProfile::isProviderHost(std::string_view host) const
{
    for (const auto &p : receivingHosts)
        if (hostMatchesPattern(host, p))
            return true;
    return false;
}

bool ProviderProfile::isOutboundHost(std::string_view host) const
{
    for (const auto &p : outboundHosts)
        if (hostMatchesPattern(host, p))
            return true;
    return false;
}

bool ProviderProfile::isInternalAddress(std::string_view ip) const
{
    for (const auto &n : internalNetworks)
        if (ipInNetwork(ip, n))
            return true;
    return false;
}

bool ProviderProfile::hasQuirk(std::string_view quirk) const
{
    return std::find(quirks.begin(), quirks.end(), quirk) != quirks.end();
}

bool ProviderProfile::matchesMx(const std::vector<std::string> &mxHosts) const
{
    for (const auto &mx : mxHosts)
        for (const auto &p : mxPatterns)
            if (hostMatchesPattern(mx, p))
                return true;
    return false;
}

Expected<std::vector<ProviderProfile>> parseProviderProfiles(std::string_view jsonText)
{
    json root = json::parse(jsonText.begin(), jsonText.end(), nullptr, false);
    if (root.is_discarded() || !root.is_object() || !root.contains("providers") || !root["providers"].is_array())
        return makeError("the provider profiles are not a JSON object with a \"providers\" list");
    std::vector<ProviderProfile> out;
    for (const auto &j : root["providers"]) {
        if (!j.is_object())
            return makeError("a provider profile is not a JSON object");
        ProviderProfile p;
        p.id = text(j, "id");
        p.name = text(j, "name");
        if (p.id.empty() || p.name.empty())
            return makeError("a provider profile has no id or name");
        p.authservIds = stringList(j, "authserv_ids");
        p.authservIdPatterns = stringList(j, "authserv_id_patterns");
        p.idlessAuthenticationResults = j.value("idless_authentication_results", false);
        p.receivingHosts = stringList(j, "receiving_hosts");
        p.internalNetworks = stringList(j, "internal_networks");
        p.outboundHosts = stringList(j, "outbound_hosts");
        p.arcSealers = stringList(j, "arc_sealers");
        p.mxPatterns = stringList(j, "mx_patterns");
        p.mailboxDomains = stringList(j, "mailbox_domains");
        p.quirks = stringList(j, "quirks");
        p.oauth = text(j, "oauth");
        if (j.contains("imap") && j["imap"].is_object()) {
            p.imapHost = text(j["imap"], "host");
            p.imapPort = j["imap"].value("port", 993);
            p.imapSecurity = text(j["imap"], "security");
        }
        for (const auto *list : {&p.authservIdPatterns, &p.receivingHosts, &p.outboundHosts, &p.mxPatterns})
            for (const auto &pattern : *list)
                if (!isValidHostPattern(pattern))
                    return makeError("provider " + p.id + ": the pattern \"" + pattern + "\" could match too much");
        for (const auto &n : p.internalNetworks)
            if (!isValidNetwork(n))
                return makeError("provider " + p.id + ": \"" + n + "\" is not a network");
        for (const auto &q : out)
            if (q.id == p.id)
                return makeError("provider " + p.id + " is listed twice");
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace verifier
