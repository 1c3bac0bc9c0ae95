#pragma once
/// Writes the recomputed results of a Report as one Authentication-Results field value
/// (RFC 8601 §2.2), for `sealcheck-cli --format ar`.
///
/// Layout: "<authserv-id>;" then one resinfo per line, in this order:
///   x-sealcheck  the verdict ("x-sealcheck=forged", "x-sealcheck=not-checked"), reason= the
///          first reason, header.from (the From domain): an extension method (RFC 8601 §2.7.6),
///          so that a reader sees the verdict and not only method results a phish can pass;
///   dkim   one per DKIM-Signature, in header order: header.d, header.s, header.i, header.a
///          (header.b is not written: the Report does not keep the signature bytes);
///          "dkim=none" when the message has no signature;
///   spf    smtp.mailfrom (the MAIL FROM address, or the checked domain), smtp.helo;
///          "spf=none (no SMTP envelope)" when nothing was evaluated;
///   dmarc  header.from (the From domain), policy.dmarc (the policy that applied);
///   arc    the chain result.
/// A non-empty reason is written as reason="..." (RFC 8601 §2.2 reasonspec). A result keyword
/// the registry does not define for the method is written as "none" with the keyword in a
/// comment, so the output always parses in strict mode. Values are written bare when they are a
/// token or an address/domain, quoted otherwise; a value holding control characters is left out.
/// Lines are folded (CRLF + white space) so that with the "Authentication-Results: " prefix no
/// line exceeds 78 columns unless a single item is longer. The value carries no final CRLF, and
/// parseAuthenticationResults() reads it back to the same methods, results and properties.

#include "Report.h"

#include <string>
#include <string_view>

namespace verifier {

/// The method name that carries the verdict.
inline constexpr std::string_view kVerdictMethod = "x-sealcheck";

/// One RFC 8601 field value (without "Authentication-Results:") for the recomputed results of
/// @p report. An @p authservId that is not a token is written as a quoted string (an empty one
/// as "", which RFC 8601 allows but our strict parser refuses: pass a host name).
std::string formatAuthenticationResults(const Report &report, std::string_view authservId);

} // namespace verifier
