// CachingResolver: TTL expiry on a fake clock, negative and failure caching, bounds, threads.
#include "CachingResolver.h"

#include <QTest>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>

using namespace verifier;

Q_DECLARE_METATYPE(verifier::DnsStatus)

namespace {

/// Answers every name with a record naming it (A: "<name>"), or the configured answer;
/// counts the queries that reach it.
class FakeResolver final : public Resolver
{
public:
    DnsAnswer query(std::string_view name, RrType type) const override
    {
        calls.fetch_add(1);
        std::lock_guard lock(mutex);
        if (auto it = fixed.find(std::string(name)); it != fixed.end())
            return it->second;
        DnsAnswer a;
        a.status = DnsStatus::Ok;
        a.ttl = 60;
        DnsRecord r;
        r.text = std::string(name) + "/" + std::string(rrTypeName(type));
        r.ttl = 60;
        a.records.push_back(r);
        return a;
    }
    void set(const std::string &name, DnsAnswer a)
    {
        std::lock_guard lock(mutex);
        fixed[name] = std::move(a);
    }
    mutable std::atomic<int> calls{0};
    mutable std::mutex mutex;
    std::map<std::string, DnsAnswer> fixed;
};

struct FakeClock
{
    std::atomic<int64_t> now{1'000'000};
    std::function<int64_t()> fn() { return [this] { return now.load(); }; }
};

DnsAnswer answerOf(DnsStatus status, uint32_t ttl)
{
    DnsAnswer a;
    a.status = status;
    a.ttl = ttl;
    if (status == DnsStatus::Ok) {
        DnsRecord r;
        r.text = "192.0.2.1";
        r.ttl = ttl;
        a.records.push_back(r);
    }
    return a;
}

} // namespace

class tst_CachingResolver : public QObject
{
    Q_OBJECT
private slots:
    /// The answer is served from the cache for exactly `lifetime` seconds, then asked again.
    void lifetime_data()
    {
        QTest::addColumn<DnsStatus>("status");
        QTest::addColumn<uint>("ttl");
        QTest::addColumn<uint>("minTtl");
        QTest::addColumn<uint>("maxTtl");
        QTest::addColumn<uint>("maxNegativeTtl");
        QTest::addColumn<uint>("failureTtl");
        QTest::addColumn<int>("lifetime");

        QTest::newRow("positive-ttl") << DnsStatus::Ok << 60u << 0u << 86400u << 3600u << 2u << 60;
        QTest::newRow("positive-clamped-up") << DnsStatus::Ok << 0u << 10u << 86400u << 3600u << 2u << 10;
        QTest::newRow("positive-clamped-down") << DnsStatus::Ok << 1000000u << 0u << 100u << 3600u << 2u << 100;
        QTest::newRow("positive-ttl-zero-not-cached") << DnsStatus::Ok << 0u << 0u << 86400u << 3600u << 2u << 0;
        QTest::newRow("nxdomain-negative-ttl") << DnsStatus::NxDomain << 30u << 0u << 86400u << 3600u << 2u << 30;
        QTest::newRow("nodata-negative-ttl") << DnsStatus::NoData << 45u << 0u << 86400u << 3600u << 2u << 45;
        QTest::newRow("nodata-clamped-to-max-negative")
            << DnsStatus::NoData << 86400u << 0u << 86400u << 3600u << 2u << 3600;
        QTest::newRow("nxdomain-without-soa-min") << DnsStatus::NxDomain << 0u << 5u << 86400u << 3600u << 2u << 5;
        QTest::newRow("servfail-few-seconds") << DnsStatus::ServFail << 600u << 0u << 86400u << 3600u << 2u << 2;
        QTest::newRow("timeout-few-seconds") << DnsStatus::Timeout << 0u << 0u << 86400u << 3600u << 3u << 3;
        QTest::newRow("servfail-capped") << DnsStatus::ServFail << 0u << 0u << 86400u << 3600u << 300u
                                         << int(CachingResolver::kMaxFailureTtl);
        QTest::newRow("servfail-minttl-does-not-apply") << DnsStatus::ServFail << 0u << 600u << 86400u << 3600u << 1u
                                                        << 1;
        QTest::newRow("servfail-not-cached") << DnsStatus::ServFail << 0u << 0u << 86400u << 3600u << 0u << 0;
    }

    void lifetime()
    {
        QFETCH(DnsStatus, status);
        QFETCH(uint, ttl);
        QFETCH(uint, minTtl);
        QFETCH(uint, maxTtl);
        QFETCH(uint, maxNegativeTtl);
        QFETCH(uint, failureTtl);
        QFETCH(int, lifetime);

        FakeResolver upstream;
        upstream.set("example.com", answerOf(status, ttl));
        FakeClock clock;
        CachingOptions options;
        options.minTtl = minTtl;
        options.maxTtl = maxTtl;
        options.maxNegativeTtl = maxNegativeTtl;
        options.failureTtl = failureTtl;
        CachingResolver cache(upstream, clock.fn(), options);

        const int64_t start = clock.now;
        QCOMPARE(int(cache.query("example.com", RrType::A).status), int(status));
        QCOMPARE(upstream.calls.load(), 1);
        if (lifetime > 0) {
            clock.now = start + lifetime - 1;
            const DnsAnswer hit = cache.query("example.com", RrType::A);
            QCOMPARE(int(hit.status), int(status));
            QCOMPARE(upstream.calls.load(), 1); // served from the cache until the last second
        }
        clock.now = start + lifetime;
        cache.query("example.com", RrType::A);
        QCOMPARE(upstream.calls.load(), 2); // expired (or never cached)
        const auto stats = cache.statistics();
        QCOMPARE(stats.hits, uint64_t(lifetime > 0 ? 1 : 0));
        QCOMPARE(stats.misses, uint64_t(2));
    }

    void ttlCountsDown()
    {
        FakeResolver upstream;
        FakeClock clock;
        CachingResolver cache(upstream, clock.fn());
        QCOMPARE(cache.query("mail.example.com", RrType::A).ttl, 60u);
        clock.now += 25;
        const DnsAnswer a = cache.query("mail.example.com", RrType::A);
        QCOMPARE(a.ttl, 35u);
        QCOMPARE(a.records.at(0).ttl, 35u);
        QCOMPARE(a.records.at(0).text, std::string("mail.example.com/A"));
        QCOMPARE(upstream.calls.load(), 1);
    }

    void keyIgnoresCaseAndTrailingDotButNotType()
    {
        FakeResolver upstream;
        FakeClock clock;
        CachingResolver cache(upstream, clock.fn());
        cache.query("Mail.Example.COM.", RrType::A);
        cache.query("mail.example.com", RrType::A);
        QCOMPARE(upstream.calls.load(), 1);
        const DnsAnswer txt = cache.query("mail.example.com", RrType::TXT);
        QCOMPARE(upstream.calls.load(), 2);
        QCOMPARE(txt.records.at(0).text, std::string("mail.example.com/TXT"));
    }

    void clockGoingBackwardsIsAMiss()
    {
        FakeResolver upstream;
        FakeClock clock;
        CachingResolver cache(upstream, clock.fn());
        cache.query("example.com", RrType::A);
        clock.now -= 10;
        cache.query("example.com", RrType::A);
        QCOMPARE(upstream.calls.load(), 2);
    }

    void noClockNoCache()
    {
        FakeResolver upstream;
        CachingResolver cache(upstream, nullptr);
        cache.query("example.com", RrType::A);
        cache.query("example.com", RrType::A);
        QCOMPARE(upstream.calls.load(), 2);
        QCOMPARE(cache.statistics().entries, size_t(0));
    }

    void boundedEntries()
    {
        FakeResolver upstream;
        FakeClock clock;
        CachingOptions options;
        options.maxEntries = 10;
        CachingResolver cache(upstream, clock.fn(), options);
        for (int i = 0; i < 50; ++i)
            cache.query("h" + std::to_string(i) + ".example.com", RrType::A);
        auto stats = cache.statistics();
        QCOMPARE(stats.entries, size_t(10));
        QCOMPARE(stats.evictions, uint64_t(40));
        // Expired entries are swept before anything live is evicted.
        clock.now += 61;
        for (int i = 0; i < 10; ++i)
            cache.query("n" + std::to_string(i) + ".example.com", RrType::A);
        stats = cache.statistics();
        QCOMPARE(stats.entries, size_t(10));
        QCOMPARE(stats.evictions, uint64_t(40));
        // Every cached entry still answers correctly after the slot shuffling.
        const int before = upstream.calls.load();
        for (int i = 0; i < 10; ++i) {
            const DnsAnswer a = cache.query("n" + std::to_string(i) + ".example.com", RrType::A);
            QCOMPARE(a.records.at(0).text, "n" + std::to_string(i) + ".example.com/A");
        }
        QCOMPARE(upstream.calls.load(), before);
        cache.clear();
        QCOMPARE(cache.statistics().entries, size_t(0));
    }

    void ownsUpstream()
    {
        FakeClock clock;
        auto owned = std::make_unique<FakeResolver>();
        FakeResolver *raw = owned.get();
        CachingResolver cache(std::move(owned), clock.fn());
        cache.query("example.com", RrType::A);
        cache.query("example.com", RrType::A);
        QCOMPARE(raw->calls.load(), 1);
    }

    /// Several threads, overlapping names, a clock that moves: every answer is the right one,
    /// the counters add up, and every miss (and only a miss) reached the upstream.
    void concurrency()
    {
        FakeResolver upstream;
        FakeClock clock;
        CachingOptions options;
        options.maxEntries = 64; // smaller than the name set: eviction under contention
        CachingResolver cache(upstream, clock.fn(), options);
        constexpr int kThreads = 8;
        constexpr int kQueries = 3000;
        std::atomic<int> wrong{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                uint32_t x = 2463534242u + uint32_t(t);
                for (int i = 0; i < kQueries; ++i) {
                    x ^= x << 13;
                    x ^= x >> 17;
                    x ^= x << 5;
                    const std::string name = "h" + std::to_string(x % 100) + ".example.com";
                    const RrType type = (x & 256) ? RrType::A : RrType::TXT;
                    const DnsAnswer a = cache.query(name, type);
                    if (a.records.size() != 1 || a.records[0].text != name + "/" + std::string(rrTypeName(type)))
                        wrong.fetch_add(1);
                    if (i % 500 == 0)
                        clock.now += 7;
                }
            });
        }
        for (auto &th : threads)
            th.join();
        QCOMPARE(wrong.load(), 0);
        const auto stats = cache.statistics();
        QCOMPARE(stats.hits + stats.misses, uint64_t(kThreads * kQueries));
        QCOMPARE(uint64_t(upstream.calls.load()), stats.misses);
        QVERIFY(stats.hits > 0);
        QVERIFY(stats.entries <= 64);
    }
};

QTEST_APPLESS_MAIN(tst_CachingResolver)
#include "tst_cachingresolver.moc"
