#include "DomainPosture.h"

namespace verifier {

std::string_view postureRatingName(PostureRating rating)
{
    switch (rating) {
    case PostureRating::Good:
        return "good";
    case PostureRating::Weak:
        return "weak";
    case PostureRating::Missing:
        return "missing";
    case PostureRating::Broken:
        return "broken";
    case PostureRating::Unknown:
        return "unknown";
    }
    return "unknown";
}

std::string_view postureGradeName(PostureGrade grade)
{
    switch (grade) {
    case PostureGrade::A:
        return "A";
    case PostureGrade::B:
        return "B";
    case PostureGrade::C:
        return "C";
    case PostureGrade::D:
        return "D";
    case PostureGrade::F:
        return "F";
    }
    return "F";
}

std::string_view mtaStsFetchFailureName(MtaStsFetchFailure failure)
{
    switch (failure) {
    case MtaStsFetchFailure::None: return "none";
    case MtaStsFetchFailure::InvalidDomain: return "invalid_domain";
    case MtaStsFetchFailure::Certificate: return "certificate";
    case MtaStsFetchFailure::Connection: return "connection";
    case MtaStsFetchFailure::Timeout: return "timeout";
    case MtaStsFetchFailure::HttpStatus: return "http_status";
    case MtaStsFetchFailure::Redirect: return "redirect";
    case MtaStsFetchFailure::ContentType: return "content_type";
    case MtaStsFetchFailure::TooLarge: return "too_large";
    }
    return "none";
}

std::string_view mtaStsFetchName(MtaStsPosture::Fetch fetch)
{
    switch (fetch) {
    case MtaStsPosture::Fetch::NotAttempted:
        return "not_attempted";
    case MtaStsPosture::Fetch::Fetched:
        return "fetched";
    case MtaStsPosture::Fetch::Failed:
        return "failed";
    }
    return "not_attempted";
}

} // namespace verifier
