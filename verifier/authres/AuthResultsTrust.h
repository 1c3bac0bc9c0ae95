#pragma once
/// Which Authentication-Results fields of a message may be believed (RFC 8601 §5, §7.1).
///
/// Anyone can write an Authentication-Results field: the sender puts one in the message, every
/// relay on the way can add one. Only the fields the user's own provider wrote count, and only
/// where nobody else could have put them. A field is trusted only when all three hold:
///
///  1. Its authserv-id is in @p trustedAuthservIds (exact string, ASCII case-insensitive). The
///     list starts empty until the user confirms their provider's id; with an empty list nothing
///     is trusted ("authserv-id not trusted: confirm it in the account settings").
///  2. It lies in the trusted trace block at the top of the header:
///     - it sits above the first Received field below the boundary (@p nextUntrustedReceivedIndex,
///       written by a host outside the receiving side), when there is one; and
///     - it sits above the boundary Received field (@p boundaryFieldIndex) or in the contiguous
///       run of trace fields directly below it (Received-SPF, Authentication-Results, ARC-*,
///       Return-Path, Delivered-To, X-Received). This second condition applies whether or not
///       there is a next Received field: a field the sender placed among the message's own
///       fields (Subject, From, DKIM-Signature ...) is never trusted, even when the sender also
///       wrote a Received field of its own further down;
///     - with no boundary (@p boundaryFieldIndex < 0) no field is trusted.
///     Position cannot tell a field forged directly below the boundary Received from one the
///     boundary server wrote there; rule 3 and the provider's removal of forged fields bearing
///     its own id (RFC 8601 §5) cover that case.
///  3. Above the boundary Received every field of a trusted id is read (nothing the sender wrote
///     can stand there; Fastmail writes four, iCloud one per method). In the run directly below
///     it, where the provider's milters put their fields above whatever the message brought, a
///     field is trusted only when no trusted field of the same id above it reported any of its
///     methods: the first report of a method counts, a later copy may be the sender's. RFC 8601
///     §5 requires the server to remove forged fields with its id; this does not rely on it.
///
/// With a provider profile, two of its quirks are read: Microsoft's fields without an authserv-id
/// (and the tenant domain between results), and Yahoo's older form ("ID from=DOMAIN; ...;
/// from=DOMAIN; dkim=pass (ok)"), whose from= notes are read past and whose DKIM result without
/// a domain is taken for the message's only DKIM-Signature (none when it has several).
///
/// Fields that do not parse are listed with parsed=false and parseError, and are never trusted.
/// Every entry has a short English trustReason. `raw` is the unfolded value, escaped for display
/// (escapeForDisplay). Only header fields of the message itself are listed: an
/// Authentication-Results line inside a MIME part or an attached message is body content, not a
/// header field of this message, and never appears.

#include "AuthResultsParser.h"
#include "Message.h"
#include "ProviderProfile.h"
#include "Report.h"

#include <string>
#include <vector>

namespace verifier {

/// Lists every Authentication-Results field of @p message, top to bottom, with whether it is
/// trusted and why. `boundaryFieldIndex` = HeaderField index of the Received field at the trust
/// boundary (-1: none); `nextUntrustedReceivedIndex` = the index of the first Received field
/// below the boundary (-1: none; ignored when not below the boundary). Fields are parsed in
/// @p mode (strict RFC 8601 by default).
std::vector<AuthResultsHeader> collectAuthenticationResults(const Message &message, long boundaryFieldIndex,
                                                            long nextUntrustedReceivedIndex,
                                                            const std::vector<std::string> &trustedAuthservIds,
                                                            AuthResultsMode mode = AuthResultsMode::Strict);
/// The same with the user's provider profile: its authserv-ids and id families are trusted, and
/// when it writes fields without an authserv-id such fields are read (trusted only in the block).
std::vector<AuthResultsHeader> collectAuthenticationResults(const Message &message, long boundaryFieldIndex,
                                                            long nextUntrustedReceivedIndex,
                                                            const std::vector<std::string> &trustedAuthservIds,
                                                            const ProviderProfile *provider, AuthResultsMode mode);

/// True for the trace fields a receiving server writes next to its Received field:
/// Received-SPF, Authentication-Results, ARC-*, Return-Path, Delivered-To, X-Received.
bool isTraceFieldName(std::string_view fieldName);

} // namespace verifier
