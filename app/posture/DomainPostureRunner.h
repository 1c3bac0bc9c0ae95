#pragma once
// Runs the whole domain assessment: the DNS checks of verifier::PostureAssessor, then, when the
// domain publishes a valid _mta-sts record, the HTTPS policy fetch (MtaStsFetcher) and
// PostureAssessor::applyMtaStsPolicy(). Blocking (a local event loop for the fetch): call it
// from a worker thread or the command-line tool, never from the UI thread.

#include "MtaStsFetcher.h"
#include "PostureAssessor.h"

#include <QString>

namespace sealcheck {

struct DomainPostureRequest
{
    QString domain;
    verifier::PostureOptions posture;
    MtaStsFetchOptions fetch;
    /// false: the MTA-STS policy is not fetched (the check stays "unknown").
    bool fetchMtaStsPolicy = true;
};

class DomainPostureRunner final
{
public:
    /// Errors: the domain is not a valid domain name.
    static verifier::Expected<verifier::DomainPosture> run(const DomainPostureRequest &request,
                                                           const verifier::Resolver &resolver);
};

} // namespace sealcheck
