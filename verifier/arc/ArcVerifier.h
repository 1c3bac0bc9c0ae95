#pragma once
/// ARC chain validation, RFC 8617 §5.2.
///
/// Steps, in the RFC's order; the first that fails ends the validation with result fail and a
/// reason naming the instance and the defect:
///  1. Collect the ARC-Seal (AS), ARC-Message-Signature (AMS) and ARC-Authentication-Results
///     (AAR) fields. None at all: result none. More than 3 × 50 fields, or an instance above 50
///     (§4.2.1): fail.
///  2. Read every field's instance (AS/AMS: the tag-list's i=, ArcSignature.h; AAR: the leading
///     "i=N;", ArcAuthenticationResults.h). A field whose instance cannot be read: fail.
///  3. Structure (§5.2 step 3): exactly one AS, AMS and AAR per instance, instances 1..N without
///     gaps. Each AS and AMS must then parse (ArcSignature.h). cv= (§5.2 steps 2 and 3): the
///     newest must not be fail; instance 1 must be none; every later one pass.
///  4. The newest AMS must validate (§5.2 step 4): as a DKIM signature (RFC 6376 §3.7, body and
///     header hash with its c=, bottom-up header selection §5.4.2), key and key-record rules as
///     DKIM (RFC 6376 §3.6: record syntax, revoked key, k=, h=, s=; RSA keys of at least 1024
///     bits, RFC 8301), t= not in the future and x= not past (5 minutes' skew).
///  5. oldest-pass (§5.2 step 5): the AMS of instances N-1, N-2, ... are validated until one
///     fails; ArcResult::oldestPass is the oldest instance from which every AMS up to N
///     validates (N when only the newest does).
///  6. Every AS from N down to 1 (§5.2 step 6) over the ARC sets 1..i in the order of §5.1.1
///     (for each instance: AAR, AMS, AS; the AS being verified last, without its b= value and
///     without the final CRLF), relaxed header canonicalisation, key rules as in step 4.
///  7. pass.
///
/// Per instance, ArcInstance holds d=, s= and cv= of the seal, sealResult and
/// messageSignatureResult (pass, fail; permerror for an unusable field or key; temperror when
/// the key lookup failed temporarily; none when not evaluated because validation stopped
/// earlier), and the AAR's authserv-id and payload (escaped for display). A temporary DNS
/// failure makes the chain fail (the result vocabulary of RFC 8617 §4.4 is none/pass/fail);
/// the reason says that it was temporary.
///
/// Key lookups are cached per call, so a chain makes at most one query per distinct key name.
/// Thread-safe; reads no clock (@p now, Unix seconds) and no network (@p resolver only).

#include "Message.h"
#include "Report.h"
#include "Resolver.h"

#include <cstdint>
#include <string>
#include <vector>

namespace verifier {

/// Validates the ARC chain of the message (RFC 8617 §5.2): instance numbering 1..N without gaps or
/// duplicates (at most 50), exactly one ARC-Seal, ARC-Message-Signature and ARC-Authentication-Results per
/// instance, cv= rules (i=1 must be none, later ones pass), every AS verified over the ARC sets 1..i in the
/// RFC's order with relaxed header canonicalisation, the newest AMS verified (and older ones to find the
/// oldest pass, §5.2 "oldest-pass"), key lookup and key record rules as DKIM. Result: none (no ARC fields),
/// pass or fail, with a reason naming the instance and the defect.
/// `trustedSealers` are domains the user trusts: trustedSealer is set when the newest seal's d= is one of
/// them (exact or subdomain) and the chain passes; trustedDmarcPass is set when, in addition, the
/// ARC-Authentication-Results of the newest instance sealed by a trusted sealer records dmarc=pass for
/// `fromDomain` (header.from equal, case-insensitive). An attacker's own chain (untrusted sealer) sets neither.
ArcResult verifyArc(const Message &message, const Resolver &resolver, int64_t now,
                    const std::vector<std::string> &trustedSealers, const std::string &fromDomain);

} // namespace verifier
