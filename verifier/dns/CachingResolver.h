#pragma once
/// A TTL-respecting answer cache in front of any Resolver (ARCHITECTURE.md "DNS").
///
/// - Positive answers live for their TTL (DnsAnswer::ttl), clamped to [minTtl, maxTtl].
/// - NXDOMAIN and NODATA are cached for their negative TTL (RFC 2308 §5, which the upstream
///   puts in DnsAnswer::ttl), clamped to [minTtl, maxNegativeTtl].
/// - SERVFAIL (bogus included) and timeouts are cached for failureTtl seconds, never more
///   than kMaxFailureTtl (RFC 2308 §7.1 allows at most five minutes; we keep a few seconds so
///   a transient failure does not stick), 0 = not at all.
/// - An answer served from the cache has its TTLs (answer and records) reduced by its age.
/// - At most maxEntries entries; when full, expired entries are swept, then a pseudo-random
///   entry is evicted (O(1), no bookkeeping on the read path).
/// - Time comes from the injected clock (seconds, any epoch, monotonic preferred): the verifier
///   never reads the clock itself. Without a clock nothing is cached.
/// - Thread-safe: lookups take a shared lock, inserts an exclusive one. Two threads that miss
///   the same name at once both ask the upstream (no request coalescing).
/// The key is (lower-cased name without trailing dot, type).

#include "Resolver.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace verifier {

struct CachingOptions
{
    uint32_t minTtl = 0;
    uint32_t maxTtl = 86400;
    uint32_t maxNegativeTtl = 3600;
    /// Seconds a SERVFAIL/timeout is remembered; clamped to kMaxFailureTtl.
    uint32_t failureTtl = 2;
    size_t maxEntries = 10000;
};

class CachingResolver final : public Resolver
{
public:
    static constexpr uint32_t kMaxFailureTtl = 5;

    struct Statistics
    {
        uint64_t hits = 0;
        uint64_t misses = 0;
        uint64_t evictions = 0; // entries dropped to make room (expiry not counted)
        size_t entries = 0;
    };

    /// @p upstream must outlive this object. @p clock returns the current time in seconds.
    CachingResolver(const Resolver &upstream, std::function<int64_t()> clock, CachingOptions options = {});
    /// Owning variant.
    CachingResolver(std::unique_ptr<Resolver> upstream, std::function<int64_t()> clock,
                    CachingOptions options = {});
    ~CachingResolver() override;

    DnsAnswer query(std::string_view name, RrType type) const override;

    Statistics statistics() const;
    void clear();

private:
    struct Entry
    {
        std::string key;
        DnsAnswer answer;
        int64_t storedAt = 0;
        int64_t expiresAt = 0;
    };

    uint32_t lifetime(const DnsAnswer &answer) const;
    void insert(std::string key, const DnsAnswer &answer, int64_t now) const;

    std::unique_ptr<Resolver> m_owned;
    const Resolver &m_upstream;
    std::function<int64_t()> m_clock;
    CachingOptions m_options;

    mutable std::shared_mutex m_mutex;
    // Entries live in a vector (for O(1) random eviction); the map gives each key's slot.
    mutable std::vector<Entry> m_slots;
    mutable std::unordered_map<std::string, size_t> m_index;
    mutable uint64_t m_random = 0x9E3779B97F4A7C15ull;
    mutable uint64_t m_evictions = 0;
    mutable std::atomic<uint64_t> m_hits{0};
    mutable std::atomic<uint64_t> m_misses{0};
};

} // namespace verifier
