#include "OverLimit.h"

#include "Verdict.h"

namespace verifier {

Report overLimitReport(std::string source, const std::string &limit)
{
    Report report;
    report.source = std::move(source);
    report.verdict = Verdict::NotChecked;
    report.reasons.push_back(makeFinding(FindingCode::NotCheckedLimit, {"reading the message", limit}));
    return report;
}

} // namespace verifier
