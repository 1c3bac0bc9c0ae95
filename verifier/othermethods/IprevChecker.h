#pragma once
/// iprev, RFC 8601 §3 (the method of RFC 8601 §2.7.3): the client IP's PTR names, each
/// confirmed by a forward lookup. The result is a warning beside SPF, never a verdict input.
///
///  pass       a PTR name's A (IPv4) or AAAA (IPv6) records list the client IP
///  fail       PTR names exist, and none of their forward lookups lists the IP
///  temperror  the PTR query, or a forward query while nothing matched, failed temporarily
///  permerror  no PTR data is published for the IP (NXDOMAIN or no PTR record), or the IP is
///             not an IP address
/// Bounded: one PTR query and at most kMaxNames forward queries (RFC 8601 §3 lets a verifier
/// limit them; larger PTR sets are cut at kMaxNames, in the order returned).

#include "Report.h"
#include "Resolver.h"

#include <string>
#include <string_view>

namespace verifier {

/// The reverse-lookup name of an IP (RFC 1035 §3.5 in-addr.arpa, RFC 3596 §2.5 ip6.arpa
/// nibbles), without the trailing dot; "" when @p ip is not an IPv4 or IPv6 address.
std::string reverseDnsName(std::string_view ip);

/// The same IP written two ways ("2001:db8::1" and "2001:0db8:0:0:0:0:0:1")? False for garbage.
bool sameIpAddress(std::string_view a, std::string_view b);

class IprevChecker
{
public:
    static constexpr size_t kMaxNames = 10;

    /// Checks @p clientIp (IPv4 or IPv6 text). Always returns a result ("could not run" is
    /// temperror/permerror as RFC 8601 defines them).
    static IprevResult check(std::string_view clientIp, const Resolver &resolver);
};

} // namespace verifier
