#pragma once
/// SPF check_host(), RFC 7208 §4, for the MAIL FROM and HELO identities (§2.3, §2.4).
///
/// Every DNS query goes through the given Resolver. Only TXT records are consulted (§3.1,
/// §14.1: the SPF RR type 99 is not). Evaluation is bounded: at most
/// SpfLimits::maxDnsMechanisms terms that query DNS (include, a, mx, ptr, exists, redirect;
/// §4.6.4) per check — the 11th is a permerror; at most maxVoidLookups terms whose query
/// answers NXDOMAIN or no records (a third is a permerror); at most maxMxNames MX names per
/// "mx" (more is a permerror) and maxPtrNames PTR names per "ptr"/%{p} (the rest are
/// ignored); at most maxQueries DNS queries in all (more is a permerror). Since every
/// include and redirect counts, recursion depth is bounded by maxDnsMechanisms.
///
/// Results: "could not evaluate" cases that RFC 7208 names are results (temperror for DNS
/// failures, permerror for record errors, none when there is no record or the domain is not
/// a valid FQDN, §4.3). A client address that is not an IP address gives none with a reason.

#include "AuthResult.h"
#include "Report.h"
#include "Resolver.h"

#include <cstdint>
#include <string>

namespace verifier {

struct SpfRequest
{
    std::string clientIp;   ///< IPv4 or IPv6 text; IPv4-mapped IPv6 is treated as IPv4
    std::string helo;       ///< HELO/EHLO name
    /// MAIL FROM address (angle brackets optional); empty or "<>" = null reverse-path: the
    /// HELO identity is checked as postmaster@helo (RFC 7208 §2.4).
    std::string mailFrom;
    std::string receiver = "unknown"; ///< %{r}
    /// %{t}: seconds since the epoch, supplied by the caller (the verifier never reads the
    /// clock).
    std::int64_t timestamp = 0;
};

struct SpfLimits
{
    int maxDnsMechanisms = 10;   ///< §4.6.4
    int maxVoidLookups = 2;      ///< §4.6.4
    int maxMxNames = 10;         ///< §4.6.4
    int maxPtrNames = 10;        ///< §4.6.4
    int maxRecordBytes = 4096;   ///< an SPF record or explanation longer than this is refused
    int maxMacroExpansion = 253; ///< a target name is truncated to this length (§7.3)
    int maxQueries = 60;         ///< all DNS queries of one check, exp= included
};

/// check_host() for the MAIL FROM identity (or HELO for the null reverse-path), RFC 7208 §4.
/// Fills every SpfResult field except envelopeSource; heloResult is the HELO identity's own
/// result (checkSpfHelo) — for the null reverse-path it equals result.
SpfResult checkSpf(const SpfRequest &request, const Resolver &resolver, const SpfLimits &limits = {});

/// The HELO identity check (RFC 7208 §2.3), for SpfResult::heloResult.
AuthResult checkSpfHelo(const SpfRequest &request, const Resolver &resolver, const SpfLimits &limits = {});

/// The HELO identity check with all details (identity "helo", domain = the HELO name).
SpfResult checkSpfHeloDetailed(const SpfRequest &request, const Resolver &resolver,
                               const SpfLimits &limits = {});

} // namespace verifier
