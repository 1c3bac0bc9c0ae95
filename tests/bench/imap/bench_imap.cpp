// The IMAP figures of issue 6: a local Dovecot holding a large mailbox (Maildir files written
// directly), read with imap::ImapSyncClient as sealcheck-cli scan does, against a plain client
// (openssl s_client) pulling the same bytes. Prints a table and "RESULT key value" lines for
// scripts/bench-imap.sh. Runs as root (Dovecot's mail user is nobody).
//
//   bench_imap --templates DIR [--messages N] [--size BYTES] [--runs R] [--threads T] [--cli PATH]
//
// DIR (made by scripts/bench-imap.sh) holds *.eml templates (DKIM-signed, about --size bytes),
// zone.db (their DNS) and NOW (the time to verify at). Each mailbox message is a template with a
// unique Received field on top (unsigned, as a receiving MTA writes it).
#include "DovecotServer.h"
#include "ImapSyncClient.h"
#include "Message.h"
#include "Verifier.h"
#include "ZoneResolver.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMultiHash>
#include <QProcess>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace imap;

namespace {

using dovecottest::kPassword;
using dovecottest::kUser;
constexpr int kScreenful = 50;

QString s(const char *text) { return QString::fromUtf8(text); }

/// dovecottest::run with room for the slow commands of a large mailbox (10 minutes).
bool run(const QString &program, const QStringList &args, QByteArray *out = nullptr)
{
    return dovecottest::run(program, args, {}, out, 600000);
}

long peakRssKb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

/// Mailbox message @p i: template i % n with a unique Received field on top.
QByteArray mailboxMessage(const QList<QByteArray> &templates, int i)
{
    return "Received: from out.bench.example (out.bench.example [192.0.2.10])\r\n"
           "\tby mx.bench.example with ESMTPS id bench"
        + QByteArray::number(i) + ";\r\n\tMon, 21 Sep 2026 14:13:20 +0000\r\n" + templates[i % templates.size()];
}

/// Verifies on worker threads; submit() blocks while the queue is full (bounded memory), like
/// sealcheck-cli scan.
class VerifierPool
{
public:
    VerifierPool(const verifier::VerifyContext &context, int threads) : m_context(context)
    {
        m_max = size_t(std::max(4, threads * 4));
        for (int i = 0; i < threads; ++i)
            m_workers.emplace_back([this] { work(); });
    }
    ~VerifierPool() { finish(); }

    void submit(std::string bytes)
    {
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [this] { return m_queue.size() < m_max; });
        m_queue.push_back(std::move(bytes));
        m_work.notify_one();
    }
    void finish()
    {
        {
            std::lock_guard lock(m_mutex);
            m_closing = true;
        }
        m_work.notify_all();
        for (std::thread &t : m_workers)
            t.join();
        m_workers.clear();
    }
    int verified() const { return m_verified; }
    int authenticated() const { return m_authenticated; }

private:
    void work()
    {
        for (;;) {
            std::string bytes;
            {
                std::unique_lock lock(m_mutex);
                m_work.wait(lock, [this] { return m_closing || !m_queue.empty(); });
                if (m_queue.empty())
                    return;
                bytes = std::move(m_queue.front());
                m_queue.pop_front();
            }
            m_space.notify_one();
            auto message = verifier::Message::parse(std::move(bytes));
            if (message) {
                const verifier::Report r = verifier::verify(*message, m_context);
                if (r.verdict == verifier::Verdict::Authenticated)
                    ++m_authenticated;
            }
            ++m_verified;
        }
    }

    const verifier::VerifyContext m_context;
    std::mutex m_mutex;
    std::condition_variable m_work, m_space;
    std::deque<std::string> m_queue;
    size_t m_max = 8;
    bool m_closing = false;
    std::vector<std::thread> m_workers;
    std::atomic<int> m_verified{0}, m_authenticated{0};
};

void result(const char *key, double value)
{
    std::printf("RESULT %s %.6g\n", key, value);
}

[[noreturn]] void die(const QString &what)
{
    std::fprintf(stderr, "bench_imap: %s\n", qPrintable(what));
    std::exit(1);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString templatesDir, cli;
    int count = 10000, runs = 2;
    int threads = int(std::max(1u, std::thread::hardware_concurrency()));
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        const QString a = args[i];
        const QString v = i + 1 < args.size() ? args[i + 1] : QString();
        if (a == QLatin1String("--templates")) templatesDir = v, ++i;
        else if (a == QLatin1String("--messages")) count = v.toInt(), ++i;
        else if (a == QLatin1String("--runs")) runs = std::max(1, v.toInt()), ++i;
        else if (a == QLatin1String("--threads")) threads = std::max(1, v.toInt()), ++i;
        else if (a == QLatin1String("--cli")) cli = v, ++i;
        else die(s("usage: bench_imap --templates DIR [--messages N] [--runs R] [--threads T] [--cli PATH]"));
    }
    if (templatesDir.isEmpty() || count < kScreenful)
        die(s("--templates DIR is required (scripts/bench-imap.sh makes it); --messages at least 50"));

    // Templates, DNS and time.
    QList<QByteArray> templates;
    for (const QString &f : QDir(templatesDir).entryList({s("*.eml")}, QDir::Files, QDir::Name)) {
        QFile file(templatesDir + QLatin1Char('/') + f);
        if (file.open(QIODevice::ReadOnly))
            templates << file.readAll();
    }
    QFile zoneFile(templatesDir + s("/zone.db")), nowFile(templatesDir + s("/NOW"));
    if (templates.isEmpty() || !zoneFile.open(QIODevice::ReadOnly) || !nowFile.open(QIODevice::ReadOnly))
        die(s("%1 must hold *.eml, zone.db and NOW").arg(templatesDir));
    verifier::ZoneResolver zone;
    const QByteArray zoneText = zoneFile.readAll();
    if (auto loaded = zone.loadMasterFile(std::string_view(zoneText.constData(), size_t(zoneText.size()))); !loaded)
        die(s("zone.db: %1").arg(QString::fromStdString(loaded.error().message)));
    verifier::VerifyContext context;
    context.resolver = &zone;
    context.now = nowFile.readAll().trimmed().toLongLong();
    context.trust.relays = {"mx.bench.example"};

    // The shared fixture (tests/common/DovecotServer.h) starts Dovecot in setUp(); the Maildir is
    // written afterwards, before any login, and Dovecot indexes it on first access (the warm-up).
    dovecottest::Dovecot dovecot;
    if (const QString skip = dovecot.setUp(); !skip.isEmpty())
        die(skip);
    const auto settings = [&dovecot] {
        ImapConnectionSettings st = dovecot.settings();
        st.responseTimeoutMs = ImapConnectionSettings().responseTimeoutMs; // the client's default
        return st;
    };
    QElapsedTimer t;
    t.start();
    qint64 mailboxBytes = 0;
    if (!dovecot.fillMaildir(count, [&templates](int i) { return mailboxMessage(templates, i); }, &mailboxBytes))
        die(s("could not write the Maildir"));
    const double fillMs = double(t.elapsed());
    std::printf("== %d messages, %.1f MB (average %.1f KB) in Maildir, written in %.0f ms; %d verifier threads, "
                "%d cores\n",
                count, double(mailboxBytes) / 1e6, double(mailboxBytes) / count / 1024, fillMs, threads,
                int(std::thread::hardware_concurrency()));

    // Warm-up: Dovecot indexes the Maildir on first access (not what a user sees twice).
    t.restart();
    {
        ImapSyncClient c(settings());
        if (auto r = c.connectAndLogin(kUser, kPassword); !r)
            die(r.error().message);
        if (auto r = c.examine(s("INBOX")); !r || r->exists != quint32(count))
            die(s("INBOX does not hold %1 messages").arg(count));
        c.logout();
    }
    std::printf("   Dovecot's first indexing of the mailbox: %lld ms (not counted below)\n", t.elapsed());
    // Warm page cache for both clients (EXAMINE is read-only: the files stay in new/).
    run(s("sh"), {s("-c"), s("find %1/Maildir -type f -exec cat {} + > /dev/null").arg(dovecot.path(s("home/") + kUser))});

    double bestFirst = 1e18, bestFull = 1e18, bestFetchOnly = 1e18, bestPlain = 1e18, bestCli = 1e18;
    double firstConnectMs = 0;
    long rssAt1000 = 0, rssAtEnd = 0;
    qint64 fetchedBytes = 0, plainBytes = 0;
    int verified = 0, authenticated = 0;
    for (int runNo = 1; runNo <= runs; ++runNo) {
        // 1. First screenful: connect, log in, EXAMINE, UIDs, headers of the newest 50.
        {
            t.restart();
            ImapSyncClient c(settings());
            if (auto r = c.connectAndLogin(kUser, kPassword); !r)
                die(r.error().message);
            const double connected = double(t.nsecsElapsed()) / 1e6;
            if (auto r = c.examine(s("INBOX")); !r)
                die(r.error().message);
            auto uids = c.listUids();
            if (!uids)
                die(uids.error().message);
            const QList<quint32> newest = uids->mid(uids->size() - kScreenful);
            int headers = 0;
            auto r = c.fetchMessages(newest, FetchParts::Headers, [&](const FetchData &m) {
                if (m.header())
                    ++headers;
            });
            const double ms = double(t.nsecsElapsed()) / 1e6;
            if (!r || headers != kScreenful)
                die(s("header fetch failed"));
            if (ms < bestFirst) {
                bestFirst = ms;
                firstConnectMs = connected;
            }
            c.logout();
        }
        // 2. All fetched and verified (full bodies, verify() on every core, bounded queue).
        {
            t.restart();
            ImapSyncClient c(settings());
            if (auto r = c.connectAndLogin(kUser, kPassword); !r)
                die(r.error().message);
            if (auto r = c.examine(s("INBOX")); !r)
                die(r.error().message);
            auto uids = c.listUids();
            if (!uids)
                die(uids.error().message);
            VerifierPool pool(context, threads);
            int delivered = 0;
            qint64 bytes = 0;
            auto r = c.fetchMessages(*uids, FetchParts::FullMessage, [&](const FetchData &m) {
                const QByteArray body = m.message().value_or(QByteArray());
                bytes += body.size();
                pool.submit(std::string(body.constData(), size_t(body.size())));
                if (++delivered == 1000 && runNo == 1)
                    rssAt1000 = peakRssKb();
            });
            pool.finish();
            const double ms = double(t.nsecsElapsed()) / 1e6;
            if (!r)
                die(r.error().message);
            if (runNo == 1)
                rssAtEnd = peakRssKb();
            bestFull = std::min(bestFull, ms);
            fetchedBytes = bytes;
            verified = pool.verified();
            authenticated = pool.authenticated();
            c.logout();
        }
        // 3. The same fetch without verification (what the client alone costs).
        {
            t.restart();
            ImapSyncClient c(settings());
            if (auto r = c.connectAndLogin(kUser, kPassword); !r)
                die(r.error().message);
            if (auto r = c.examine(s("INBOX")); !r)
                die(r.error().message);
            auto uids = c.listUids();
            if (!uids)
                die(uids.error().message);
            qint64 bytes = 0;
            auto r = c.fetchMessages(*uids, FetchParts::FullMessage,
                                     [&](const FetchData &m) { bytes += m.message().value_or(QByteArray()).size(); });
            if (!r)
                die(r.error().message);
            bestFetchOnly = std::min(bestFetchOnly, double(t.nsecsElapsed()) / 1e6);
            c.logout();
        }
        // 4. A plain client pulling the same bytes: openssl s_client driven by a here-document,
        //    pipelined LOGIN, EXAMINE, UID FETCH 1:* BODY.PEEK[], LOGOUT, output counted by wc.
        //    (curl -X 'UID FETCH ...' cannot: it treats the answer as response headers, capped
        //    at 300 KB.)
        {
            t.restart();
            QByteArray out;
            const QString script = s("openssl s_client -connect 127.0.0.1:%1 -quiet 2>/dev/null <<'EOF' | wc -c\n"
                                     "a LOGIN %2 \"%3\"\nb EXAMINE INBOX\nc UID FETCH 1:* BODY.PEEK[]\nd LOGOUT\nEOF\n")
                                       .arg(dovecot.port)
                                       .arg(kUser, kPassword);
            const bool ok = run(s("sh"), {s("-c"), script}, &out);
            const double ms = double(t.nsecsElapsed()) / 1e6;
            if (ok && out.trimmed().toLongLong() >= mailboxBytes) {
                bestPlain = std::min(bestPlain, ms);
                plainBytes = out.trimmed().toLongLong();
            } else {
                std::fprintf(stderr, "openssl s_client pulled only %s bytes\n", out.trimmed().constData());
            }
        }
        // 5. Optionally the command-line tool end to end (JSON to /dev/null).
        if (!cli.isEmpty()) {
            QFile pw(dovecot.path(s("password")));
            pw.open(QIODevice::WriteOnly);
            pw.write(kPassword.toUtf8() + '\n');
            pw.close();
            t.restart();
            QProcess p;
            p.setStandardOutputFile(QProcess::nullDevice());
            p.start(cli, {s("scan"), s("imaps://%1@127.0.0.1:%2/INBOX").arg(kUser).arg(dovecot.port), s("--format"),
                          s("json"), s("--dns-zone"), templatesDir + s("/zone.db"), s("--now"),
                          QString::number(context.now), s("--trusted-relay"), s("mx.bench.example"),
                          s("--password-file"), dovecot.path(s("password")), s("--ca-file"), dovecot.path(s("ca.pem"))});
            p.closeWriteChannel();
            p.waitForFinished(-1);
            if (p.exitCode() == 0)
                bestCli = std::min(bestCli, double(t.nsecsElapsed()) / 1e6);
            else
                std::fprintf(stderr, "sealcheck-cli scan failed: %s\n", p.readAllStandardError().constData());
        }
    }
    dovecot.stop();

    const double mb = double(fetchedBytes) / 1e6;
    std::printf("\n%-62s %10s %10s\n", "measure (best of runs)", "ms", "msg/s");
    std::printf("%-62s %10.1f %10s   (connect+TLS+login %.1f ms)\n",
                "first screenful: newest 50 headers, from connect", bestFirst, "-", firstConnectMs);
    std::printf("%-62s %10.0f %10.0f   (%.1f MB, %.0f MB/s)\n", "all fetched and verified (sync client + verify())",
                bestFull, count / bestFull * 1000, mb, mb / bestFull * 1000);
    std::printf("%-62s %10.0f %10.0f\n", "all fetched, not verified (sync client alone)", bestFetchOnly,
                count / bestFetchOnly * 1000);
    if (bestPlain < 1e18)
        std::printf("%-62s %10.0f %10.0f   (%.1f MB)\n", "plain client: openssl s_client, UID FETCH 1:* BODY.PEEK[]", bestPlain,
                    count / bestPlain * 1000, double(plainBytes) / 1e6);
    if (bestCli < 1e18)
        std::printf("%-62s %10.0f %10.0f\n", "sealcheck-cli scan --format json > /dev/null", bestCli,
                    count / bestCli * 1000);
    std::printf("%-62s %7.1f MB after 1,000 messages, %.1f MB after %d\n", "peak RSS of this process",
                rssAt1000 / 1024.0, rssAtEnd / 1024.0, count);
    std::printf("%-62s %d verified, %d authenticated\n", "check", verified, authenticated);

    result("messages", count);
    result("mailbox_mb", double(mailboxBytes) / 1e6);
    result("threads", threads);
    result("first_screen_ms", bestFirst);
    result("connect_ms", firstConnectMs);
    result("full_verify_ms", bestFull);
    result("full_verify_msg_per_s", count / bestFull * 1000);
    result("fetch_only_ms", bestFetchOnly);
    if (bestPlain < 1e18) {
        result("plain_ms", bestPlain);
        result("plain_mb", double(plainBytes) / 1e6);
    }
    if (bestCli < 1e18)
        result("cli_ms", bestCli);
    result("rss_1000_mb", rssAt1000 / 1024.0);
    result("rss_end_mb", rssAtEnd / 1024.0);
    result("verified", verified);
    result("authenticated", authenticated);
    return verified == count ? 0 : 1;
}
