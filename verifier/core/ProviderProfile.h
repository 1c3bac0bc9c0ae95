#pragma once
/// Provider profiles (resources/providers/providers.json): how one mail provider writes its trace
/// and Authentication-Results fields, so that the trust the user gave by choosing that provider
/// reaches the fields and hops the provider really wrote (ARCHITECTURE.md, "Providers").
///
/// A profile only widens trust the user gave by choosing the provider: its authserv-ids and id
/// families are trusted, its hosts and networks count as the receiving side when the trust
/// boundary is sought, and its ARC sealers are trusted. Nothing here is applied unless the user
/// (or the account set-up, with the user's confirmation) picked the profile.

#include "Expected.h"

#include <string>
#include <string_view>
#include <vector>

namespace verifier {

struct ProviderProfile
{
    std::string id;     ///< "gmail", "microsoft365", ...
    std::string name;   ///< "Gmail and Google Workspace"
    /// authserv-ids written by the provider, compared case-insensitively.
    std::vector<std::string> authservIds;
    /// Families of ids ("mailin*.protonmail.ch", "*.icloud.com"): see hostMatchesPattern.
    std::vector<std::string> authservIdPatterns;
    /// The provider writes Authentication-Results fields without an authserv-id (Microsoft 365's
    /// classic form). Such a field is trusted only inside the trusted trace block.
    bool idlessAuthenticationResults = false;
    /// Host-name patterns of the provider's receiving and internal hosts.
    std::vector<std::string> receivingHosts;
    /// CIDR networks of the provider's internal hops ("10.0.0.0/8", "2603:10a6::/32").
    std::vector<std::string> internalNetworks;
    /// Host-name patterns of the provider's outgoing servers ("mailout.nyi.internal"): a hop
    /// received from one of them is where the message entered the receiving side, even from a
    /// private address, because the provider itself was the sender (mail between two of its users).
    std::vector<std::string> outboundHosts;
    std::vector<std::string> arcSealers;
    std::vector<std::string> mxPatterns;      ///< recognise the provider from a domain's MX hosts
    std::vector<std::string> mailboxDomains;  ///< "gmail.com", "outlook.com", ...
    std::string imapHost;
    int imapPort = 993;
    std::string imapSecurity;                 ///< "tls" or "starttls"
    std::string oauth;                        ///< id in oauth-providers.json, empty when none
    std::vector<std::string> quirks;          ///< plain-language notes shown with the profile

    /// @p authservId is one of authservIds or matches one of authservIdPatterns.
    bool matchesAuthservId(std::string_view authservId) const;
    /// @p host (a name some hop recorded) matches receivingHosts.
    bool isProviderHost(std::string_view host) const;
    /// @p host matches outboundHosts.
    bool isOutboundHost(std::string_view host) const;
    /// @p ip lies in internalNetworks. (The trace also wants the hop's name among receivingHosts
    /// when the profile lists any: a provider's outbound servers for other customers may share
    /// its internal networks.)
    bool isInternalAddress(std::string_view ip) const;
    /// @p quirk ("legacy-from-property", ...) is one of quirks: a way of writing fields that the
    /// readers handle only for providers known to use it.
    bool hasQuirk(std::string_view quirk) const;
    /// One of @p mxHosts matches mxPatterns.
    bool matchesMx(const std::vector<std::string> &mxHosts) const;
    bool operator==(const ProviderProfile &) const = default;
};

/// Parses the profiles file. Patterns that could match too much ("*", "*.com", a '*' anywhere
/// but in the first label) and networks that do not parse are errors naming the profile.
Expected<std::vector<ProviderProfile>> parseProviderProfiles(std::string_view jsonText);

/// Host-name pattern match, label by label, ASCII case-insensitive, trailing dots ignored:
///  - "mx.example.com" matches exactly that name;
///  - a leading "*" label matches one or more labels: "*.example.com" is every name below
///    example.com, not the name itself;
///  - any other "*" label matches exactly one label, and "mailin*" one label starting with
///    "mailin" ("mta*.mail.*.yahoo.com").
/// A '*' may only end a label, and the last two labels are always written out.
bool hostMatchesPattern(std::string_view host, std::string_view pattern);
/// True when @p pattern is one hostMatchesPattern accepts.
bool isValidHostPattern(std::string_view pattern);

/// @p ip (IPv4 or IPv6 text) lies in @p cidr ("192.0.2.0/24", "2001:db8::/32"; no prefix = /32 or
/// /128). IPv4-mapped IPv6 addresses are compared as IPv4.
bool ipInNetwork(std::string_view ip, std::string_view cidr);
/// True when @p cidr parses.
bool isValidNetwork(std::string_view cidr);

/// Addresses no host on the Internet can send from, so a hop recording one as its sender was
/// written inside the receiving organisation: loopback, RFC 1918, shared (RFC 6598), link-local,
/// unique local (fc00::/7) and the unspecified address.
bool isPrivateAddress(std::string_view ip);

} // namespace verifier
