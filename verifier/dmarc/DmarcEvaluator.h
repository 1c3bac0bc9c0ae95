#pragma once
/// DMARC evaluation, RFC 9989 (which replaced RFC 7489), for one message.
///
/// Steps: the From domain (exactly one mailbox, valid domain), the DNS tree walk for its record
/// and organisational domain (RFC 9989 §4.10), identifier alignment of SPF (SpfResult.domain when
/// result == Pass and identity == "mailfrom") and of every passing DKIM signature (d=), strict or
/// relaxed per aspf=/adkim= (§4.4), the policy that applies (§4.10.1: p= for the record of the
/// From domain itself; for a record found higher up sp=, or np= when the From domain does not
/// exist — NXDOMAIN for A, AAAA and MX — falling back to p=), t=y (the policy is applied one
/// step softer and `testing` is set). A record with no valid p= is read as p=none when rua=
/// holds a valid URI, else DMARC does not apply (result none).
///
/// Results: pass (an aligned identifier passed), fail, none (no record / several records / no
/// valid policy), temperror (SERVFAIL or timeout in discovery), permerror (From is not exactly
/// one mailbox with a valid domain: RFC 7489 §6.6.1, kept by RFC 9989).
/// The RFC 7489 reading (public suffix list, pct=, no np=/psd=/tree walk) is computed too;
/// orgDomainPsl / resultRfc7489 are set only where it differs.

#include "PublicSuffixList.h"
#include "Report.h"
#include "Resolver.h"

#include <vector>

namespace verifier {

/// Evaluates DMARC for the From domain. Sets DkimResult::aligned on each entry of `dkim`.
/// A From that is not exactly one mailbox (from.kind != One) is never evaluated as if it were one:
/// result PermError with a reason saying why.
DmarcResult evaluateDmarc(const FromInfo &from, std::vector<DkimResult> &dkim, const SpfResult &spf,
                          const Resolver &resolver);

/// The same with a chosen public suffix list for the RFC 7489 reading.
DmarcResult evaluateDmarc(const FromInfo &from, std::vector<DkimResult> &dkim, const SpfResult &spf,
                          const Resolver &resolver, const PublicSuffixList &psl);

} // namespace verifier
