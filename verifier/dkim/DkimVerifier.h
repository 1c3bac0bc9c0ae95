#pragma once
/// DKIM verification, RFC 6376 §6 with the updates of RFC 8301 (rsa-sha1 and RSA keys under
/// 1024 bits are not valid) and RFC 8463 (ed25519-sha256).
///
/// Result mapping (RFC 8601 §2.7.1 keywords, DkimFailure says which check):
///  - pass: body hash and signature verify with an acceptable key;
///  - fail: BodyHashMismatch, SignatureMismatch, WeakAlgorithm (rsa-sha1; reported only after
///    the signature verified, so "fail/weak-algorithm" means "valid, but SHA-1"), KeyTooSmall;
///  - permerror: malformed or unsupported signature tags, invalid d=/s=/i=, From not signed,
///    expired or future signatures, key record missing (KeyNotFound: NXDOMAIN/NODATA),
///    malformed, revoked or not applicable (k=, h=, s=, t=s), l= beyond the body;
///  - temperror: the key query failed with SERVFAIL or timed out (KeyUnavailable);
///  - neutral: not evaluated (NotEvaluated, beyond limits.maxDkimSignatures).
///
/// d= and s= are validated before any DNS query. When several TXT records exist at the key
/// name, the first one that parses as a key record is used (RFC 6376 §3.6.2.2 leaves the
/// choice to the verifier; records that do not parse are skipped, as §6.1.2 step 7 allows
/// for records that are not DKIM keys); when none parses the result is permerror/KeySyntax.
///
/// Every result carries domain, selector, identity, algorithm, canonicalization, signedHeaders,
/// unsignedInstances (names whose instances outnumber h=, and the key fields From, Subject,
/// Date, To, Cc, Reply-To, Content-Type, Message-ID when present but not in h=), keyRecord,
/// keyBits, keyType, dnssec, testing (t=y), bodyLengthLimit/bodyLength, timestamps, warnings,
/// and a one-sentence English reason.
///
/// Thread-safe; reads no clock (@p now, Unix seconds) and no network (@p resolver only).

#include "Message.h"
#include "Report.h"
#include "Resolver.h"
#include "Verifier.h"

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace verifier {

/// Verifies every DKIM-Signature field of the message, in header order (top first); at most
/// limits.maxDkimSignatures are evaluated, the rest are reported with failure NotEvaluated.
/// Uses limits.minRsaBits (RFC 8301 §3.2) and limits.clockSkewSeconds (for t= and x=).
std::vector<DkimResult> verifyDkim(const Message &message, const Resolver &resolver, int64_t now,
                                   const VerifierLimits &limits);

/// Only the signatures whose d= (lower case) @p select accepts, in header order; at most
/// @p maxEvaluated of them are evaluated, the rest are listed as NotEvaluated. verify() checks the
/// signatures that may align with From first and the others (bounded) after DMARC, so that
/// signatures that cannot change the verdict never spend its DNS time.
std::vector<DkimResult> verifyDkim(const Message &message, const Resolver &resolver, int64_t now,
                                   const VerifierLimits &limits,
                                   const std::function<bool(std::string_view signingDomain)> &select, int maxEvaluated);

} // namespace verifier
