#pragma once
/// An IP address as SPF sees it (RFC 7208 §5.6, §7.3): IPv4 or IPv6, with IPv4-mapped IPv6
/// client addresses treated as IPv4 (§5 "ip4-mapped" rule: "::ffff:192.0.2.1" is 192.0.2.1).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace verifier {

class SpfIpAddress
{
public:
    enum class Family { V4, V6 };

    /// Parses an address with inet_pton. With @p unmap, IPv4-mapped IPv6 becomes IPv4.
    static std::optional<SpfIpAddress> parse(std::string_view text, bool unmap = true);
    /// Strict parsers for the ip4:/ip6: networks of a record (no unmapping).
    static std::optional<SpfIpAddress> parseV4(std::string_view text);
    static std::optional<SpfIpAddress> parseV6(std::string_view text);

    Family family() const { return m_family; }
    bool isV6() const { return m_family == Family::V6; }

    /// True when this address and @p network share the first @p prefixLength bits and are of
    /// the same family.
    bool inNetwork(const SpfIpAddress &network, int prefixLength) const;

    /// %{i}: dotted quad, or 32 dot-separated hex nibbles (§7.3); @p upperCase picks the
    /// letter case of the nibbles.
    std::string dotted(bool upperCase = false) const;
    /// %{c}: dotted quad, or RFC 5952 text from inet_ntop.
    std::string readable() const;
    /// The PTR query name: "4.3.2.1.in-addr.arpa" or "<nibbles reversed>.ip6.arpa".
    std::string reverseName() const;

    bool operator==(const SpfIpAddress &) const = default;

private:
    Family m_family = Family::V4;
    std::array<uint8_t, 16> m_bytes{}; // IPv4 uses the first 4
};

} // namespace verifier
