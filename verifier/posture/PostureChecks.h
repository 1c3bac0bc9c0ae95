// Internal to verifier_posture: the checks PostureAssessor runs, one DNS family per function,
// and the small text helpers their findings share. Not part of the module's interface.
#pragma once

#include "DomainPosture.h"
#include "Resolver.h"

#include <string>
#include <string_view>
#include <vector>

namespace verifier {

class OrgDomain;

namespace posture {

/// @p text quoted as a TXT record's character-string, with '"' and '\\' escaped.
std::string quoted(std::string_view text);
/// A zone-file line that publishes @p text as TXT at @p owner.
std::string txtFix(std::string_view owner, std::string_view text);
std::string joined(const std::vector<std::string> &items, std::string_view sep);
/// "DNS SERVFAIL (why)": how a lookup failed, for a finding.
std::string dnsFailure(const DnsAnswer &a);

/// TXT records at a name that satisfy a test.
struct TxtLookup
{
    DnsAnswer answer;
    std::vector<std::string> matching;
};

template<typename Accept>
TxtLookup lookupTxt(const Resolver &resolver, const std::string &name, Accept accept)
{
    TxtLookup l;
    l.answer = resolver.query(name, RrType::TXT);
    if (l.answer.ok()) {
        for (const DnsRecord &r : l.answer.records) {
            if (accept(r.text))
                l.matching.push_back(r.text);
        }
    }
    return l;
}

// Mail authentication (PostureMailChecks.cpp).
void assessSpf(DomainPosture &p, const Resolver &resolver);
void assessDmarc(DomainPosture &p, const OrgDomain &org, const Resolver &resolver);
void assessDkim(DomainPosture &p, const Resolver &resolver, const std::vector<std::string> &selectors);

// Transport and brand (PostureTransportChecks.cpp).
void assessMtaStsRecord(DomainPosture &p, const Resolver &resolver, int64_t now);
void assessTlsRpt(DomainPosture &p, const Resolver &resolver);
void assessDane(DomainPosture &p, const Resolver &resolver, int maxHosts);
void assessBimi(DomainPosture &p, const Resolver &resolver);
/// The MTA-STS policy file the domain should serve in @p mode, listing its MX hosts.
std::string policyFileFor(const DomainPosture &p, std::string_view mode);

} // namespace posture
} // namespace verifier
