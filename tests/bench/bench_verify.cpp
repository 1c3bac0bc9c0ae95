// bench_verify: how fast Sealcheck verifies mail (issues 2 and 3). Prints figures; it asserts
// nothing about speed (scripts/bench.sh compares them with the targets and with mailauth).
//
//   bench_verify CORPUS_DIR [--seconds S] [--threads N] [--only dkim|full]
//
// --only dkim runs (a) alone, --only full (b) alone (for profiling).
// CORPUS_DIR is made by tests/bench/make-corpus (manifest.tsv, messages/, zone.db, DONE).
// The whole corpus is read into memory first; every measured message is then parsed
// (Message::parse from its bytes, as a mail client does from its store) and verified:
//  (a) DKIM only: verifyDkim() over the exactly-10-KB RSA-2048 messages, one thread;
//  (b) the whole pipeline verifier::verify() (DKIM, SPF, DMARC, ARC, Authentication-Results,
//      Received chain, S/MIME and OpenPGP, sender analysis, verdict) with every DNS answer in
//      memory (a ZoneResolver loaded from zone.db: a warm cache), one thread, and one thread per
//      core over a partition of the corpus each; over the 10-KB RSA subset and the whole corpus;
//  (c) peak RSS (getrusage).
// bench_verify_dkim is the same program built without the pipeline (DKIM only).
// Each measurement runs at least S seconds (default 3) and at least one full pass.
// Lines starting with "RESULT " are for scripts: "RESULT <key> <value>".

#include "DkimVerifier.h"
#include "Message.h"
#include "Report.h"
#include "Verifier.h"
#include "ZoneResolver.h"

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace verifier;

namespace {

using Clock = std::chrono::steady_clock;

struct Item
{
    std::string file;
    std::string bytes;
    std::string set;        // "10k" or "dist"
    std::string signatures; // "rsa:example.com", "ed:x+rsa:x"
    std::string expect;     // "pass", "body-tampered", "spf-outside"
};

struct Corpus
{
    std::vector<Item> items;
    int64_t now = 0;
    std::string relay;
    size_t bytes = 0;
};

long peakRssKb()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss; // kilobytes on Linux
}

bool readFile(const std::filesystem::path &path, std::string &out)
{
    std::ifstream in(path, std::ios::binary);
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!in || ec)
        return false;
    out.assign(size_t(size), '\0'); // exactly the file's size: the RSS figure counts the corpus once
    return bool(in.read(out.data(), std::streamsize(size)));
}

std::vector<std::string> splitTabs(const std::string &line)
{
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
        size_t tab = line.find('\t', start);
        out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos)
            return out;
        start = tab + 1;
    }
}

bool loadCorpus(const std::filesystem::path &dir, Corpus &corpus)
{
    std::string done;
    if (!readFile(dir / "DONE", done)) {
        std::fprintf(stderr, "bench_verify: %s/DONE is missing: make the corpus with tests/bench/make-corpus\n",
                     dir.c_str());
        return false;
    }
    // "version=1 seed=... now=1790086400 relay=mx.receiver.example"
    std::istringstream ds(done);
    for (std::string kv; ds >> kv;) {
        if (kv.rfind("now=", 0) == 0)
            corpus.now = std::strtoll(kv.c_str() + 4, nullptr, 10);
        else if (kv.rfind("relay=", 0) == 0)
            corpus.relay = kv.substr(6);
    }
    std::ifstream manifest(dir / "manifest.tsv");
    std::string line;
    std::getline(manifest, line); // header
    while (std::getline(manifest, line)) {
        std::vector<std::string> f = splitTabs(line);
        if (f.size() < 10)
            continue;
        Item item;
        item.file = f[1];
        item.set = f[3];
        item.signatures = f[4];
        item.expect = f[9];
        if (!readFile(dir / item.file, item.bytes)) {
            std::fprintf(stderr, "bench_verify: cannot read %s\n", (dir / item.file).c_str());
            return false;
        }
        corpus.bytes += item.bytes.size();
        corpus.items.push_back(std::move(item));
    }
    return !corpus.items.empty();
}

/// Counts queries (for the untimed outcome pass only).
class CountingResolver final : public Resolver
{
public:
    explicit CountingResolver(const Resolver &inner) : m_inner(inner) {}
    DnsAnswer query(std::string_view name, RrType type) const override
    {
        m_count.fetch_add(1, std::memory_order_relaxed);
        return m_inner.query(name, type);
    }
    uint64_t count() const { return m_count.load(); }

private:
    const Resolver &m_inner;
    mutable std::atomic<uint64_t> m_count{0};
};

struct Rate
{
    uint64_t messages = 0;
    double seconds = 0;
    int threads = 1;
    double perSecond() const { return seconds > 0 ? double(messages) / seconds : 0; }
    double perCore() const { return perSecond() / threads; }
};

/// Runs @p once over @p items until at least @p minSeconds have passed and every item was done
/// at least once. Returns how many were done and how long it took.
template<typename F>
Rate loop(const std::vector<const Item *> &items, double minSeconds, F &&once)
{
    Rate r;
    if (items.empty())
        return r;
    const auto start = Clock::now();
    size_t i = 0;
    uint64_t n = 0;
    uint64_t sink = 0;
    while (true) {
        sink += once(*items[i]) ? 1 : 0;
        ++n;
        if (++i == items.size())
            i = 0;
        if ((n & 15) == 0 && n >= items.size()
            && std::chrono::duration<double>(Clock::now() - start).count() >= minSeconds)
            break;
    }
    r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    r.messages = n;
    if (sink == 0xffffffffffffffffull) // keeps the results alive
        std::puts("");
    return r;
}

/// One thread per partition (item i goes to thread i % threads), started together.
template<typename F>
Rate parallel(const std::vector<const Item *> &items, int threads, double minSeconds, F &&once)
{
    std::vector<std::vector<const Item *>> parts(static_cast<size_t>(threads));
    for (size_t i = 0; i < items.size(); ++i)
        parts[i % size_t(threads)].push_back(items[i]);
    std::vector<Rate> rates(static_cast<size_t>(threads));
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            ready.fetch_add(1);
            while (!go.load())
                std::this_thread::yield();
            rates[size_t(t)] = loop(parts[size_t(t)], minSeconds, once);
        });
    }
    while (ready.load() < threads)
        std::this_thread::yield();
    const auto start = Clock::now();
    go.store(true);
    for (std::thread &th : pool)
        th.join();
    Rate total;
    total.threads = threads;
    total.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    for (const Rate &r : rates)
        total.messages += r.messages;
    return total;
}

bool allDkimPass(const std::vector<DkimResult> &results)
{
    if (results.empty())
        return false;
    for (const DkimResult &d : results)
        if (d.result != AuthResult::Pass)
            return false;
    return true;
}

void printRate(const char *what, const char *key, const Rate &r)
{
    std::printf("  %-58s %10.0f msg/s  %8.0f msg/s/core  (%llu msgs, %.2f s, %d thr)\n", what, r.perSecond(),
                r.perCore(), static_cast<unsigned long long>(r.messages), r.seconds, r.threads);
    std::printf("RESULT %s_per_s %.1f\nRESULT %s_per_core %.1f\n", key, r.perSecond(), key, r.perCore());
    std::fflush(stdout);
}

std::string countsText(const std::map<std::string, int> &m)
{
    std::string s;
    for (const auto &[k, v] : m)
        s += (s.empty() ? "" : ", ") + k + " " + std::to_string(v);
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0) {
        std::fprintf(stderr, "usage: bench_verify CORPUS_DIR [--seconds S] [--threads N] [--only dkim|full]\n");
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    double seconds = 3;
    int threads = int(std::max(1u, std::thread::hardware_concurrency()));
    std::string only;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--seconds") == 0)
            seconds = std::atof(argv[i + 1]);
        else if (std::strcmp(argv[i], "--threads") == 0)
            threads = std::max(1, std::atoi(argv[i + 1]));
        else if (std::strcmp(argv[i], "--only") == 0)
            only = argv[i + 1];
    }

    const long rssStart = peakRssKb();
    Corpus corpus;
    if (!loadCorpus(dir, corpus))
        return 2;
    std::string zoneText;
    ZoneResolver zone;
    if (!readFile(dir / "zone.db", zoneText)) {
        std::fprintf(stderr, "bench_verify: cannot read %s/zone.db\n", dir.c_str());
        return 2;
    }
    int zoneRecords = 0;
    if (auto loaded = zone.loadMasterFile(zoneText); !loaded) {
        std::fprintf(stderr, "bench_verify: zone.db: %s\n", loaded.error().message.c_str());
        return 2;
    } else {
        zoneRecords = *loaded;
    }
    const long rssLoaded = peakRssKb();

    std::vector<const Item *> all, rsa10k, all10k;
    for (const Item &it : corpus.items) {
        all.push_back(&it);
        if (it.set == "10k")
            all10k.push_back(&it);
        if (it.set == "10k" && it.signatures.rfind("rsa:", 0) == 0 && it.signatures.find('+') == std::string::npos)
            rsa10k.push_back(&it);
    }
    std::printf("Sealcheck verification benchmark\n");
    std::printf("  corpus %s: %zu messages, %.1f MB; 10-KB RSA-2048 subset: %zu messages\n", dir.c_str(),
                all.size(), double(corpus.bytes) / 1e6, rsa10k.size());
    std::printf("  zone.db: %d records (%d skipped); now=%lld, trusted relay %s; %d threads, >= %.1f s per measurement\n",
                zoneRecords, zone.ignoredRecords(), static_cast<long long>(corpus.now), corpus.relay.c_str(), threads,
                seconds);
    std::fflush(stdout);

    const VerifierLimits limits;
    VerifyContext context;
    context.resolver = &zone;
    context.now = corpus.now;
    context.trust.relays = {corpus.relay};
    context.source = "bench";

    auto dkimOnce = [&](const Item &it) {
        Expected<Message> m = Message::parse(it.bytes);
        return m && allDkimPass(verifyDkim(*m, zone, corpus.now, limits));
    };
    auto parseOnce = [&](const Item &it) {
        Expected<Message> m = Message::parse(it.bytes);
        return m && !m->fields().empty();
    };
#ifdef SEALCHECK_BENCH_DKIM_ONLY
    // Built without the pipeline (bench_verify_dkim): DKIM only.
    only = "dkim";
    auto fullOnce = [](const Item &) { return false; };
    auto verify = [](const Message &, const VerifyContext &) { return Report{}; };
    std::printf("  (built as bench_verify_dkim: the full pipeline is not measured)\n");
#else
    auto fullOnce = [&](const Item &it) {
        Expected<Message> m = Message::parse(it.bytes);
        if (!m)
            return false;
        Report r = verify(*m, context);
        return r.verdict == Verdict::Authenticated;
    };
#endif

    // Outcomes (untimed): what the measured runs compute, so the figures mean something.
    {
        int dkimPass = 0;
        for (const Item *it : rsa10k)
            dkimPass += dkimOnce(*it) ? 1 : 0;
        std::printf("  check: DKIM pass on the 10-KB RSA subset: %d of %zu%s\n", dkimPass, rsa10k.size(),
                    dkimPass == int(rsa10k.size()) ? "" : "  <-- WARNING: not all pass");
        std::printf("RESULT check_dkim_pass %d\nRESULT check_dkim_total %zu\n", dkimPass, rsa10k.size());
    }
    if (only != "dkim") {
        CountingResolver counting(zone);
        VerifyContext c = context;
        c.resolver = &counting;
        std::map<std::string, int> dkim, spf, dmarc, verdict;
        for (const Item *it : all) {
            Expected<Message> m = Message::parse(it->bytes);
            if (!m) {
                ++verdict["unparsable"];
                continue;
            }
            Report r = verify(*m, c);
            for (const DkimResult &d : r.dkim)
                ++dkim[std::string(rfc8601Token(d.result))];
            ++spf[r.spf ? std::string(rfc8601Token(r.spf->result)) : "absent"];
            ++dmarc[r.dmarc ? std::string(rfc8601Token(r.dmarc->result)) : "absent"];
            ++verdict[std::string(verdictName(r.verdict))];
        }
        std::printf("  check (whole corpus): DKIM signatures: %s\n", countsText(dkim).c_str());
        std::printf("                        SPF: %s\n", countsText(spf).c_str());
        std::printf("                        DMARC: %s\n", countsText(dmarc).c_str());
        std::printf("                        verdict: %s\n", countsText(verdict).c_str());
        std::printf("                        DNS queries: %.1f per message\n",
                    double(counting.count()) / double(all.size()));
        for (const auto &[k, v] : dmarc)
            std::printf("RESULT check_dmarc_%s %d\n", k.c_str(), v);
        for (const auto &[k, v] : verdict)
            std::printf("RESULT check_verdict_%s %d\n", k.c_str(), v);
    }
    std::fflush(stdout);

    std::printf("\n  %-58s %16s %18s\n", "measurement", "throughput", "per core");
    if (only.empty())
        printRate("Message::parse only, 10-KB RSA subset, 1 thread", "parse_10k_1t", loop(rsa10k, seconds, parseOnce));
    if (only != "full")
        printRate("(a) DKIM only (verifyDkim), 10-KB RSA-2048, 1 thread", "dkim_10k_rsa_1t",
                  loop(rsa10k, seconds, dkimOnce));
    if (only != "dkim") {
        printRate("(b) full verify(), warm DNS, 10-KB RSA-2048, 1 thread", "full_10k_rsa_1t",
                  loop(rsa10k, seconds, fullOnce));
        printRate("(b) full verify(), warm DNS, whole corpus, 1 thread", "full_all_1t", loop(all, seconds, fullOnce));
        // The messages of the whole-process comparison (scripts/bench.sh): all 2,000 of 10 KB.
        printRate("(b) full verify(), warm DNS, 10-KB RSA+Ed25519 set, 1 thread", "full_10k_1t",
                  loop(all10k, seconds, fullOnce));
        char label[96];
        std::snprintf(label, sizeof label, "(b) full verify(), warm DNS, 10-KB RSA-2048, %d threads", threads);
        printRate(label, "full_10k_rsa_mt", parallel(rsa10k, threads, seconds, fullOnce));
        std::snprintf(label, sizeof label, "(b) full verify(), warm DNS, whole corpus, %d threads", threads);
        printRate(label, "full_all_mt", parallel(all, threads, seconds, fullOnce));
    }
    const long rssEnd = peakRssKb();
    std::printf("\n  (c) peak RSS: %.1f MB (at start %.1f MB, after loading corpus and zone %.1f MB; corpus bytes %.1f MB)\n",
                double(rssEnd) / 1024, double(rssStart) / 1024, double(rssLoaded) / 1024, double(corpus.bytes) / 1048576);
    std::printf("RESULT peak_rss_mb %.1f\nRESULT loaded_rss_mb %.1f\nRESULT corpus_mb %.1f\n", double(rssEnd) / 1024,
                double(rssLoaded) / 1024, double(corpus.bytes) / 1048576);
    return 0;
}
