#include "SpfIpAddress.h"

#include <arpa/inet.h>

#include <cstring>

namespace verifier {

std::optional<SpfIpAddress> SpfIpAddress::parseV4(std::string_view text)
{
    if (text.empty() || text.size() > 15)
        return std::nullopt;
    const std::string s(text);
    SpfIpAddress a;
    a.m_family = Family::V4;
    if (inet_pton(AF_INET, s.c_str(), a.m_bytes.data()) != 1)
        return std::nullopt;
    return a;
}

std::optional<SpfIpAddress> SpfIpAddress::parseV6(std::string_view text)
{
    if (text.empty() || text.size() > 45)
        return std::nullopt;
    const std::string s(text);
    SpfIpAddress a;
    a.m_family = Family::V6;
    if (inet_pton(AF_INET6, s.c_str(), a.m_bytes.data()) != 1)
        return std::nullopt;
    return a;
}

std::optional<SpfIpAddress> SpfIpAddress::parse(std::string_view text, bool unmap)
{
    if (auto v4 = parseV4(text))
        return v4;
    auto v6 = parseV6(text);
    if (!v6)
        return std::nullopt;
    static const uint8_t mappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (unmap && std::memcmp(v6->m_bytes.data(), mappedPrefix, 12) == 0) {
        SpfIpAddress a;
        a.m_family = Family::V4;
        std::memcpy(a.m_bytes.data(), v6->m_bytes.data() + 12, 4);
        return a;
    }
    return v6;
}

bool SpfIpAddress::inNetwork(const SpfIpAddress &network, int prefixLength) const
{
    if (m_family != network.m_family)
        return false;
    const int bits = isV6() ? 128 : 32;
    if (prefixLength < 0 || prefixLength > bits)
        return false;
    int full = prefixLength / 8;
    if (std::memcmp(m_bytes.data(), network.m_bytes.data(), size_t(full)) != 0)
        return false;
    const int rest = prefixLength % 8;
    if (rest == 0)
        return true;
    const uint8_t mask = uint8_t(0xff << (8 - rest));
    return (m_bytes[size_t(full)] & mask) == (network.m_bytes[size_t(full)] & mask);
}

std::string SpfIpAddress::dotted(bool upperCase) const
{
    if (!isV6())
        return readable();
    const char *hex = upperCase ? "0123456789ABCDEF" : "0123456789abcdef";
    std::string out;
    for (size_t i = 0; i < 16; ++i) {
        if (i)
            out.push_back('.');
        out.push_back(hex[m_bytes[i] >> 4]);
        out.push_back('.');
        out.push_back(hex[m_bytes[i] & 15]);
    }
    return out;
}

std::string SpfIpAddress::readable() const
{
    char buf[INET6_ADDRSTRLEN] = {};
    inet_ntop(isV6() ? AF_INET6 : AF_INET, m_bytes.data(), buf, sizeof buf);
    return buf;
}

std::string SpfIpAddress::reverseName() const
{
    std::string out;
    if (!isV6()) {
        for (int i = 3; i >= 0; --i)
            out += std::to_string(m_bytes[size_t(i)]) + ".";
        return out + "in-addr.arpa";
    }
    static const char hex[] = "0123456789abcdef";
    for (int i = 15; i >= 0; --i) {
        out.push_back(hex[m_bytes[size_t(i)] & 15]);
        out.push_back('.');
        out.push_back(hex[m_bytes[size_t(i)] >> 4]);
        out.push_back('.');
    }
    return out + "ip6.arpa";
}

} // namespace verifier
