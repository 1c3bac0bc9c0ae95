#pragma once
/// The Received chain (RFC 5321 §4.4 trace fields) and the trust boundary.
///
/// parseReceived reads the clauses from/by/via/with/id/for, the comments that follow them and
/// the date after the last ';', in the forms written by Postfix, Exim, Sendmail, Microsoft 365,
/// Gmail, Dovecot LMTP and qmail: the sending host's IP from an address literal ("[192.0.2.1]",
/// "[IPv6:2001:db8::1]") or a bare address in the comment ("(2603:10a6::1)", qmail's
/// "(192.0.2.1)"), the HELO name ("(HELO x)", Exim's "helo=x") and the reverse-DNS name
/// ("from helo (rdns [ip])"). TLS: with ESMTPS/ESMTPSA/UTF8SMTPS/UTF8SMTPSA/LMTPS, or a comment
/// naming a cipher or TLS version.
///
/// analyseTrace finds the trust boundary by chain of custody. The topmost hop was written by the
/// receiving side (with relays configured, its writer must be one of them, else there is no
/// boundary). Walking down, a hop whose recorded sender is inside the receiving side — a private
/// or loopback address (no Internet host can send from one), an address in the provider
/// profile's internal networks, a relay given by address, or a relay or provider host by its
/// verified reverse-DNS name (by the HELO name only when the hop records neither an IP nor a
/// reverse name) — hands trust to the hop below it; the first hop whose sender is outside is the
/// boundary. Trusted relays are host names matched exactly or as a parent domain,
/// case-insensitively; with none configured and no profile, the topmost hop is the boundary
/// unless its sender has a private address. Local-only hops at the top (LMTP or local delivery, from
/// localhost / 127.0.0.1 / ::1, or no IP and no sender) are skipped when looking for the boundary
/// but stay in the list. Hops above the boundary and the boundary itself are trusted; nothing
/// below it is used.

#include "Message.h"
#include "ProviderProfile.h"
#include "Report.h"

#include <string>
#include <string_view>
#include <vector>

namespace verifier {

ReceivedHop parseReceived(std::string_view unfoldedValue);   // total; parsed=false when unreadable

struct TraceAnalysis { std::vector<ReceivedHop> hops; int boundaryHop = -1; std::string clientIp, helo,
                       mailFrom; bool haveMailFrom = false; std::string source; std::vector<std::string> notes; };

/// Parses every Received field top-down, marks trusted hops, finds the boundary, computes per-hop delay,
/// reads MAIL FROM from the topmost Return-Path.
TraceAnalysis analyseTrace(const Message &message, const std::vector<std::string> &trustedRelays);
/// The same with the user's provider profile: its receiving hosts count as relays, and a sender
/// in its internal networks is inside the receiving side.
TraceAnalysis analyseTrace(const Message &message, const std::vector<std::string> &trustedRelays,
                           const ProviderProfile *provider);

/// True for a hop that never left the receiving host (see analyseTrace).
bool isLocalOnlyHop(const ReceivedHop &hop);

/// @p host equals @p relay or is a subdomain of it (case-insensitive, trailing dots ignored).
bool matchesRelay(std::string_view host, std::string_view relay);

} // namespace verifier
