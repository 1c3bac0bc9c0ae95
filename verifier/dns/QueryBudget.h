#pragma once
/// The DNS budget of one message (docs/LIMITS.md "DNS per message"): every check of a message
/// asks through one QueryBudget wrapped around the real Resolver.
///
/// - A (name, type) asked again during the same message is answered from a memo and costs
///   nothing (SPF, DMARC and ARC often ask the same names).
/// - At most `maxQueries` distinct questions reach the inner resolver; later ones are answered
///   ServFail with a `why` that says the budget is used up, so each check reports a temporary
///   error (RFC 7208 §2.6.6 temperror, RFC 6376 §6.1.2 TEMPFAIL), never a false pass or fail.
/// - With a clock, at most `maxMillis` of waiting on the inner resolver; questions asked after
///   that are refused the same way. The clock is injected (milliseconds, monotonic): the
///   verifier never reads the time itself.
/// - refused() tells the pipeline whether to warn the user.
/// Thread-safe, like every Resolver.

#include "Resolver.h"

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace verifier {

class QueryBudget final : public Resolver
{
public:
    struct Limits
    {
        int maxQueries = 100;
        int64_t maxMillis = 0; ///< 0 = no time budget
        std::function<int64_t()> millisClock; ///< empty = no time budget
    };

    QueryBudget(const Resolver &inner, Limits limits);

    DnsAnswer query(std::string_view name, RrType type) const override;

    /// Distinct questions that reached the inner resolver.
    int asked() const;
    /// Questions refused because the budget was used up.
    int refused() const;
    /// Milliseconds spent waiting on the inner resolver (0 without a clock).
    int64_t waitedMillis() const;
    /// Which budget ran out first: "queries", "time", or "" when none did.
    std::string exhaustedBy() const;

private:
    const Resolver &m_inner;
    Limits m_limits;
    mutable std::mutex m_mutex;
    mutable std::map<std::pair<std::string, RrType>, DnsAnswer> m_memo;
    mutable int m_asked = 0;
    mutable int m_refused = 0;
    mutable int64_t m_waited = 0;
    mutable std::string m_exhaustedBy;
};

} // namespace verifier
