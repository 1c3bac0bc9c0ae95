#pragma once
/// A conservative syntax check for the domain names this module puts into DNS queries (VBR md=
/// and vouching services, DomainKeys d= and s=, the domains of historic-method lookups): LDH
/// labels of 1..63 octets (underscore allowed, as in "_vouch"), at most 253 octets, at least
/// one dot unless @p allowSingleLabel. An invalid identifier is never "cleaned up and retried".

#include <string_view>

namespace verifier {

bool isPlausibleDomainName(std::string_view name, bool allowSingleLabel = false);

} // namespace verifier
