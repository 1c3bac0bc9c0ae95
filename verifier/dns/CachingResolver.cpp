#include "CachingResolver.h"

#include "Strings.h"

#include <algorithm>
#include <mutex>

namespace verifier {

namespace {

std::string cacheKey(std::string_view name, RrType type)
{
    std::string key = toLower(name);
    while (!key.empty() && key.back() == '.')
        key.pop_back();
    key.push_back('\0'); // cannot occur in a name handed to a resolver as text
    key += std::to_string(unsigned(type));
    return key;
}

uint32_t age(uint32_t ttl, int64_t elapsed)
{
    if (elapsed <= 0)
        return ttl;
    return int64_t(ttl) > elapsed ? uint32_t(int64_t(ttl) - elapsed) : 0;
}

} // namespace

CachingResolver::CachingResolver(const Resolver &upstream, std::function<int64_t()> clock, CachingOptions options)
    : m_upstream(upstream), m_clock(std::move(clock)), m_options(options)
{
    m_options.failureTtl = std::min(m_options.failureTtl, kMaxFailureTtl);
    m_options.maxTtl = std::max(m_options.maxTtl, m_options.minTtl);
    m_options.maxNegativeTtl = std::max(m_options.maxNegativeTtl, m_options.minTtl);
}

CachingResolver::CachingResolver(std::unique_ptr<Resolver> upstream, std::function<int64_t()> clock,
                                 CachingOptions options)
    : CachingResolver(*upstream, std::move(clock), options)
{
    m_owned = std::move(upstream);
}

CachingResolver::~CachingResolver() = default;

uint32_t CachingResolver::lifetime(const DnsAnswer &answer) const
{
    switch (answer.status) {
    case DnsStatus::Ok:
        return std::clamp(answer.ttl, m_options.minTtl, m_options.maxTtl);
    case DnsStatus::NxDomain:
    case DnsStatus::NoData:
        return std::clamp(answer.ttl, m_options.minTtl, m_options.maxNegativeTtl);
    case DnsStatus::ServFail:
    case DnsStatus::Timeout:
        return m_options.failureTtl;
    }
    return 0;
}

DnsAnswer CachingResolver::query(std::string_view name, RrType type) const
{
    if (!m_clock || m_options.maxEntries == 0) {
        m_misses.fetch_add(1, std::memory_order_relaxed);
        return m_upstream.query(name, type);
    }
    std::string key = cacheKey(name, type);
    const int64_t now = m_clock();
    {
        std::shared_lock lock(m_mutex);
        if (auto it = m_index.find(key); it != m_index.end()) {
            const Entry &e = m_slots[it->second];
            if (now < e.expiresAt && now >= e.storedAt) {
                DnsAnswer answer = e.answer;
                const int64_t elapsed = now - e.storedAt;
                lock.unlock();
                answer.ttl = age(answer.ttl, elapsed);
                for (auto &r : answer.records)
                    r.ttl = age(r.ttl, elapsed);
                m_hits.fetch_add(1, std::memory_order_relaxed);
                return answer;
            }
        }
    }
    m_misses.fetch_add(1, std::memory_order_relaxed);
    DnsAnswer answer = m_upstream.query(name, type);
    insert(std::move(key), answer, now);
    return answer;
}

void CachingResolver::insert(std::string key, const DnsAnswer &answer, int64_t now) const
{
    const uint32_t life = lifetime(answer);
    std::unique_lock lock(m_mutex);
    auto remove = [this](size_t slot) {
        m_index.erase(m_slots[slot].key);
        if (slot + 1 != m_slots.size()) {
            m_slots[slot] = std::move(m_slots.back());
            m_index[m_slots[slot].key] = slot;
        }
        m_slots.pop_back();
    };
    if (auto it = m_index.find(key); it != m_index.end())
        remove(it->second);
    if (life == 0)
        return;
    if (m_slots.size() >= m_options.maxEntries) {
        // Sweep what has expired first; only when nothing has, drop a pseudo-random entry.
        for (size_t i = m_slots.size(); i-- > 0;) {
            if (now >= m_slots[i].expiresAt || now < m_slots[i].storedAt)
                remove(i);
        }
        while (m_slots.size() >= m_options.maxEntries && !m_slots.empty()) {
            m_random ^= m_random << 13; // xorshift64
            m_random ^= m_random >> 7;
            m_random ^= m_random << 17;
            remove(size_t(m_random % m_slots.size()));
            ++m_evictions;
        }
    }
    Entry e;
    e.key = key;
    e.answer = answer;
    e.storedAt = now;
    e.expiresAt = now + int64_t(life);
    m_index.emplace(std::move(key), m_slots.size());
    m_slots.push_back(std::move(e));
}

CachingResolver::Statistics CachingResolver::statistics() const
{
    Statistics s;
    s.hits = m_hits.load(std::memory_order_relaxed);
    s.misses = m_misses.load(std::memory_order_relaxed);
    std::shared_lock lock(m_mutex);
    s.evictions = m_evictions;
    s.entries = m_slots.size();
    return s;
}

void CachingResolver::clear()
{
    std::unique_lock lock(m_mutex);
    m_slots.clear();
    m_index.clear();
}

} // namespace verifier
