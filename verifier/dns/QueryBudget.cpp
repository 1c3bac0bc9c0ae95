#include "QueryBudget.h"

#include "Strings.h"

namespace verifier {

QueryBudget::QueryBudget(const Resolver &inner, Limits limits)
    : m_inner(inner)
    , m_limits(std::move(limits))
{
}

DnsAnswer QueryBudget::query(std::string_view name, RrType type) const
{
    std::string key = toLower(name);
    while (!key.empty() && key.back() == '.')
        key.pop_back();
    const bool timed = m_limits.maxMillis > 0 && m_limits.millisClock;
    {
        std::lock_guard lock(m_mutex);
        if (auto it = m_memo.find({key, type}); it != m_memo.end())
            return it->second;
        std::string exhausted;
        if (m_asked >= m_limits.maxQueries)
            exhausted = "queries";
        else if (timed && m_waited >= m_limits.maxMillis)
            exhausted = "time";
        if (!exhausted.empty()) {
            ++m_refused;
            if (m_exhaustedBy.empty())
                m_exhaustedBy = exhausted;
            DnsAnswer refused;
            refused.status = DnsStatus::ServFail;
            refused.why = exhausted == "queries"
                ? "not asked: this message already used its " + std::to_string(m_limits.maxQueries) + " DNS queries"
                : "not asked: this message already spent " + std::to_string(m_limits.maxMillis) + " ms waiting for DNS";
            return refused;
        }
        ++m_asked;
    }
    // The inner query runs unlocked: a slow answer must not hold up other threads' memo hits.
    const int64_t start = timed ? m_limits.millisClock() : 0;
    DnsAnswer answer = m_inner.query(name, type);
    std::lock_guard lock(m_mutex);
    if (timed)
        m_waited += std::max<int64_t>(0, m_limits.millisClock() - start);
    m_memo.emplace(std::make_pair(std::move(key), type), answer);
    return answer;
}

int QueryBudget::asked() const
{
    std::lock_guard lock(m_mutex);
    return m_asked;
}

int QueryBudget::refused() const
{
    std::lock_guard lock(m_mutex);
    return m_refused;
}

int64_t QueryBudget::waitedMillis() const
{
    std::lock_guard lock(m_mutex);
    return m_waited;
}

std::string QueryBudget::exhaustedBy() const
{
    std::lock_guard lock(m_mutex);
    return m_exhaustedBy;
}

} // namespace verifier
