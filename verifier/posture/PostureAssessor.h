#pragma once
/// Assesses how well a domain protects its mail (DomainPosture.h), from DNS through the given
/// Resolver. The MTA-STS policy body is fetched over HTTPS by the caller (the verifier never
/// reads the network): assess() fills everything from DNS, then, when mtaSts.recordValid, the
/// caller fetches https://mta-sts.<domain>/.well-known/mta-sts.txt and hands the outcome to
/// applyMtaStsPolicy(), which checks the policy against the MX hosts and grades again.
///
/// DNS use: TXT <domain> (and the SPF include tree, SpfLookupCounter.h), the RFC 9989 §4.10
/// DMARC tree walk (OrgDomain.h), MX <domain>, TLSA _25._tcp.<mx> for at most 10 MX hosts
/// (RFC 7672 §3; counted only when the answer is DNSSEC-secure), TXT _mta-sts.<domain>
/// (RFC 8461 §3.1), TXT _smtp._tls.<domain> (RFC 8460 §3), TXT default._bimi.<domain>, and
/// TXT <selector>._domainkey.<domain> for each DKIM selector asked for (RFC 6376 §3.6.2.1;
/// selectors cannot be listed from DNS).
///
/// DMARC: p=, sp= and np= (RFC 9989 §4.7; np= is the policy for names that do not exist, and
/// applies to the assessed domain itself when it is NXDOMAIN and its record is an ancestor's,
/// §4.10.1). DNSSEC: every check records whether its own answer was validated
/// (PostureCheck::dnssec); DANE counts a host only when both the MX answer and its TLSA answer
/// are secure (RFC 7672 §2.2).

#include "DomainPosture.h"
#include "Expected.h"
#include "Resolver.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace verifier {

struct PostureOptions
{
    std::vector<std::string> dkimSelectors;
    /// Seconds since the epoch, only to suggest an MTA-STS id= (YYYYMMDDhhmmss); 0 = "1".
    int64_t now = 0;
    int maxMxHosts = 10;
};

/// The outcome of fetching the MTA-STS policy (done by the caller, e.g. app/posture).
struct MtaStsFetchOutcome
{
    bool fetched = false;
    std::string body;   ///< the policy text when fetched
    std::string error;  ///< why not, in plain words, when not fetched (technical detail, English)
    /// What kind of failure, so a user interface can word it in the user's language.
    MtaStsFetchFailure failure = MtaStsFetchFailure::None;
};

class PostureAssessor
{
public:
    /// Errors: @p domain is not a valid domain name (OrgDomain::isValidDomain after
    /// lower-casing and removing one trailing dot).
    static Expected<DomainPosture> assess(std::string_view domain, const Resolver &resolver,
                                          const PostureOptions &options = {});

    /// Completes the MTA-STS check with the fetched policy and grades again.
    static void applyMtaStsPolicy(DomainPosture &posture, const MtaStsFetchOutcome &outcome);

    /// Sets grade and gradeReasons from the checks (rules at PostureGrade).
    static void grade(DomainPosture &posture);
};

} // namespace verifier
