#include "IprevChecker.h"

#include "DomainNameCheck.h"
#include "Strings.h"

#include <arpa/inet.h>

#include <array>
#include <cstring>

namespace verifier {

namespace {

enum class Family { None, V4, V6 };

Family parseIp(std::string_view ip, std::array<unsigned char, 16> &out)
{
    if (ip.empty() || ip.size() > 64)
        return Family::None;
    std::string text(ip);
    if (inet_pton(AF_INET, text.c_str(), out.data()) == 1)
        return Family::V4;
    // A zone index ("fe80::1%eth0") is not an address on the Internet.
    if (text.find('%') == std::string::npos && inet_pton(AF_INET6, text.c_str(), out.data()) == 1)
        return Family::V6;
    return Family::None;
}

} // namespace

std::string reverseDnsName(std::string_view ip)
{
    std::array<unsigned char, 16> bytes{};
    const Family family = parseIp(ip, bytes);
    std::string out;
    if (family == Family::V4) {
        for (int i = 3; i >= 0; --i)
            out += std::to_string(bytes[size_t(i)]) + '.';
        return out + "in-addr.arpa";
    }
    if (family == Family::V6) {
        static constexpr char kHex[] = "0123456789abcdef";
        for (int i = 15; i >= 0; --i) {
            out += kHex[bytes[size_t(i)] & 0x0f];
            out += '.';
            out += kHex[bytes[size_t(i)] >> 4];
            out += '.';
        }
        return out + "ip6.arpa";
    }
    return {};
}

bool sameIpAddress(std::string_view a, std::string_view b)
{
    std::array<unsigned char, 16> x{}, y{};
    const Family fx = parseIp(a, x);
    const Family fy = parseIp(b, y);
    if (fx == Family::None || fx != fy)
        return false;
    return std::memcmp(x.data(), y.data(), fx == Family::V4 ? 4 : 16) == 0;
}

IprevResult IprevChecker::check(std::string_view clientIp, const Resolver &resolver)
{
    IprevResult r;
    r.clientIp = std::string(trim(clientIp));
    std::array<unsigned char, 16> bytes{};
    const Family family = parseIp(r.clientIp, bytes);
    if (family == Family::None) {
        r.result = AuthResult::PermError;
        r.reason = "the client address is not an IP address";
        return r;
    }
    const DnsAnswer ptr = resolver.query(reverseDnsName(r.clientIp), RrType::PTR);
    if (ptr.temporary()) {
        r.result = AuthResult::TempError;
        r.reason = "the reverse (PTR) lookup failed temporarily";
        return r;
    }
    for (const DnsRecord &rec : ptr.records) {
        if (r.ptrNames.size() >= kMaxNames)
            break;
        std::string name = toLower(trim(rec.text));
        while (!name.empty() && name.back() == '.')
            name.pop_back();
        if (isPlausibleDomainName(name, true))
            r.ptrNames.push_back(std::move(name));
    }
    if (!ptr.ok() || r.ptrNames.empty()) {
        r.result = AuthResult::PermError;
        r.reason = "no reverse DNS (PTR) name is published for " + r.clientIp;
        return r;
    }
    const RrType type = family == Family::V4 ? RrType::A : RrType::AAAA;
    bool temporary = false;
    for (const std::string &name : r.ptrNames) {
        const DnsAnswer fwd = resolver.query(name, type);
        if (fwd.temporary()) {
            temporary = true;
            continue;
        }
        for (const DnsRecord &rec : fwd.records) {
            if (sameIpAddress(rec.text, r.clientIp)) {
                r.result = AuthResult::Pass;
                r.confirmedName = name;
                r.reason = r.clientIp + " has the reverse name " + name + ", which points back to it";
                return r;
            }
        }
    }
    if (temporary) {
        r.result = AuthResult::TempError;
        r.reason = "a forward lookup of the reverse name failed temporarily";
        return r;
    }
    r.result = AuthResult::Fail;
    r.reason = "the reverse name " + r.ptrNames.front() + " of " + r.clientIp + " does not point back to it";
    return r;
}

} // namespace verifier
