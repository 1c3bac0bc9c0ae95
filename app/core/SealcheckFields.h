#pragma once
// The header fields `sealcheck-cli filter` adds to a message, and the removal of earlier copies.
//
// A message delivered through the filter starts with
//   Authentication-Results: AUTHSERV-ID; x-sealcheck=VERDICT ...; dkim=...   (RFC 8601)
//   X-Sealcheck-Verdict: VERDICT; domain=DOMAIN
// Mail filters and clients act on these fields, so a sender must not be able to place them:
// every X-Sealcheck-* field and every Authentication-Results field bearing our own authserv-id
// is removed first (RFC 8601 §5: a border MTA removes fields claiming its own authserv-id).
// Everything else passes byte for byte: the line ends (CRLF or LF) of the message are kept and
// used for the new fields; an mbox "From " line (procmail hands one to its filters) stays first.

#include "Report.h"

#include <string>
#include <string_view>

namespace sealcheck {

/// The authserv-id of an Authentication-Results field value: leading white space, folds and
/// comments skipped, a quoted-string unquoted. Empty when none can be read.
std::string authservIdOf(std::string_view value);

/// The value of X-Sealcheck-Verdict for @p report: "forged; domain=mybank.example" (the
/// authenticated domain, else the From domain; "; via=ORG" when another organisation did the work).
std::string verdictFieldValue(const verifier::Report &report);

struct MarkedMessage
{
    std::string bytes;
    int removedFields = 0; ///< earlier Sealcheck fields taken out
};

/// @p message with the earlier Sealcheck fields removed and @p authenticationResults (a field
/// value with CRLF folds, as formatAuthenticationResults() writes it) and @p verdictValue prepended.
MarkedMessage markMessage(std::string_view message, std::string_view authservId,
                          std::string_view authenticationResults, std::string_view verdictValue);

} // namespace sealcheck
