#include "DomainPostureRunner.h"

namespace sealcheck {

verifier::Expected<verifier::DomainPosture> DomainPostureRunner::run(const DomainPostureRequest &request,
                                                                     const verifier::Resolver &resolver)
{
    auto posture = verifier::PostureAssessor::assess(request.domain.toStdString(), resolver, request.posture);
    if (!posture)
        return posture;
    if (request.fetchMtaStsPolicy && posture->mtaSts.recordValid) {
        MtaStsFetcher fetcher(request.fetch);
        const verifier::MtaStsFetchOutcome outcome = fetcher.fetchBlocking(QString::fromStdString(posture->domain));
        verifier::PostureAssessor::applyMtaStsPolicy(*posture, outcome);
    }
    return posture;
}

} // namespace sealcheck
