#pragma once
/// SPF macros, RFC 7208 §7: syntax checks for macro-strings and domain-specs, expansion, and
/// the domain-name rules applied to an expanded target (§7.3 truncation, §4.3 validity).

#include "Expected.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace verifier {

/// Where a macro-string appears: it decides which macro letters are allowed (§7.2: c, r and t
/// only in explanation text) and whether a bare '%' is tolerated.
enum class SpfMacroMode {
    DomainSpec,  ///< a domain-spec of a mechanism, redirect= or exp=: letters s l o d i p h v
    Modifier,    ///< the value of an unknown modifier: any macro letter
    Explanation, ///< the TXT text fetched for exp= (§6.2): all letters, spaces allowed
};

/// The values the macro letters stand for (§7.3), for one check_host() invocation.
struct SpfMacroValues
{
    std::string sender;       ///< s: <sender> (local-part@domain, "postmaster" when empty)
    std::string localPart;    ///< l
    std::string senderDomain; ///< o
    std::string domain;       ///< d: the current <domain>
    std::string ipDotted;     ///< i: IPv4 dotted quad, or IPv6 as 32 dot-separated nibbles
    std::string ipReadable;   ///< c: IPv4 dotted quad, or IPv6 in RFC 5952 text
    std::string ipVersion;    ///< v: "in-addr" or "ip6"
    std::string helo;         ///< h
    std::string receiver;     ///< r
    std::string timestamp;    ///< t: decimal seconds since the epoch (an input, never the clock)
    /// p: the validated domain name of <ip> for the current domain (§5.5), computed on first
    /// use (it costs DNS queries); "unknown" when there is none.
    std::function<std::string(std::string_view domain)> validatedDomain;
};

/// Checks the syntax of a macro-string (§7.1). Returns the problem, or nullopt when valid.
std::optional<std::string> checkSpfMacroString(std::string_view text, SpfMacroMode mode);

/// Checks a domain-spec: macro-string syntax plus domain-end ("." toplabel ["."] or a
/// macro-expand at the end), §7.1 and §12. Returns the problem, or nullopt when valid.
std::optional<std::string> checkSpfDomainSpec(std::string_view spec);

/// Expands @p text. Upper-case macro letters are URL-escaped after expansion (§7.3). The output
/// is bounded by @p maxOutput bytes; longer output is an Error, as is any syntax error.
Expected<std::string> expandSpfMacros(std::string_view text, const SpfMacroValues &values,
                                      SpfMacroMode mode, size_t maxOutput = 16384);

/// Turns an expanded domain-spec into a name to query: one trailing dot is removed, labels are
/// removed from the left until at most @p maxLength characters remain (§7.3), and the result
/// must be a syntactically valid domain name (no empty label, labels of at most 63 octets).
/// nullopt when no valid name remains.
std::optional<std::string> spfTargetName(std::string_view expanded, size_t maxLength = 253);

/// True when @p domain is a fully qualified domain name fit for check_host() (§4.3): at least
/// two labels, each of 1..63 letters, digits, '-' or '_', at most 253 characters (one trailing
/// dot allowed); domain literals are not.
bool isValidSpfDomain(std::string_view domain);

} // namespace verifier
