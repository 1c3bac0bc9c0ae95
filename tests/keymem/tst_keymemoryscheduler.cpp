// Issue 13 through the VerificationScheduler (what the desktop runs): with
// VerificationSettings::memoryStorePath each worker thread opens its own store connection and
// verifies with the key memory; across a restart (a new scheduler on the same file) the
// remembered key, a changed key and an "always signs" expectation are still known. An empty
// path is the behaviour without memory.

#include "KeyMemTestZones.h"

#include "KeyMemory.h"
#include "MessageStore.h"
#include "SenderExpectations.h"
#include "VerificationScheduler.h"
#include "ZoneResolver.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>

using namespace sealcheck;
using namespace keymemtest;
using verifier::FindingCode;
using verifier::Verdict;

namespace {

VerificationSettings settings(BankKey key, qint64 now, const QString &memory)
{
    auto zone = std::make_shared<verifier::ZoneResolver>();
    if (!zone->loadMasterFile(demoZone(key).toStdString()).ok())
        qFatal("the zone does not load");
    VerificationSettings s;
    s.resolver = zone;
    s.fixedNow = now;
    s.trust.relays = {"mx.sealcheck-demo.example"};
    s.trust.authservIds = {"mx.sealcheck-demo.example"};
    s.trust.knownDomains = {"mybank.example"};
    s.signatures.useSystemCa = false;
    s.signatures.enableOpenPgp = false;
    s.memoryStorePath = memory;
    return s;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

/// One run of the program: a new scheduler verifies @p files and is gone afterwards.
struct Outcome
{
    std::map<QString, verifier::Report> reports;
    QStringList problems;
};

Outcome runScheduler(const VerificationSettings &s, const QStringList &files, int threads = 2)
{
    Outcome out;
    VerificationScheduler scheduler;
    scheduler.setMaxThreads(threads);
    scheduler.setSettings(s);
    QObject::connect(&scheduler, &VerificationScheduler::reportReady, [&](qint64 key, const verifier::Report &r) {
        out.reports[files.at(int(key))] = r;
    });
    QObject::connect(&scheduler, &VerificationScheduler::memoryProblem, [&](const QString &e) { out.problems << e; });
    QSignalSpy finished(&scheduler, &VerificationScheduler::finished);
    for (int i = 0; i < files.size(); ++i)
        scheduler.enqueue(i, readFile(files.at(i)), files.at(i));
    if (!finished.wait(60000))
        qWarning("the scheduler did not finish");
    scheduler.waitForDone();
    QCoreApplication::processEvents();
    return out;
}

bool hasFinding(const std::vector<verifier::Finding> &list, FindingCode code)
{
    return std::any_of(list.begin(), list.end(), [&](const verifier::Finding &f) { return f.code == code; });
}

QStringList demoMessages()
{
    QStringList out;
    for (const char *name : {"01-authenticated-bank", "02-forged-bank-spoof", "04-suspicious-display-name",
                             "07-authenticated-ed25519", "08-unauthenticated-club"})
        out << demoMessage(name);
    return out;
}

} // namespace

class TestKeyMemoryScheduler : public QObject
{
    Q_OBJECT

private slots:
    void rememberedAcrossRestart_data();
    void rememberedAcrossRestart();
    void changedKeyAcrossRestart();
    void expectationAcrossRestart();
    void unusableStoreStillVerifies();

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QString freshStore() { return m_dir.filePath(QStringLiteral("store-%1.sqlite").arg(++m_files)); }
};

void TestKeyMemoryScheduler::rememberedAcrossRestart_data()
{
    QTest::addColumn<bool>("memory");
    QTest::newRow("with memory: the remembered key verifies") << true;
    QTest::newRow("without memory: today's behaviour") << false;
}

void TestKeyMemoryScheduler::rememberedAcrossRestart()
{
    QFETCH(bool, memory);
    const QString path = memory ? freshStore() : QString();
    const QString bank = demoMessage("01-authenticated-bank");

    const auto files = [this] { return QDir(m_dir.path()).entryList(QDir::Files).size(); };
    const qsizetype before = files();
    // First run: several messages on two threads (two connections to the same file).
    const Outcome first = runScheduler(settings(BankKey::Published, kFirstCheck, path), demoMessages());
    QVERIFY2(first.problems.isEmpty(), qPrintable(first.problems.join(QLatin1Char('\n'))));
    QCOMPARE(first.reports.size(), size_t(5));
    QCOMPARE(first.reports.at(bank).verdict, Verdict::Authenticated);
    QCOMPARE(files() > before, memory); // without memory nothing is written
    if (memory) {
        // The workers wrote what DNS published; the main thread reads it from its own connection.
        MessageStore store;
        QVERIFY(store.open(path).ok());
        KeyMemory keys(store);
        const auto seen = keys.lookup(QStringLiteral("mybank.example"), QStringLiteral("s2026"));
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen.front().firstSeen, kFirstCheck);
        QCOMPARE(keys.lookup(QStringLiteral("news.example"), QStringLiteral("ed")).size(), 1);
    }

    // Restart 200 days later: the key is withdrawn. The bank's mail still passes SPF (the
    // scheduler reads the envelope from the trace), so the DKIM result is what differs.
    const Outcome later = runScheduler(settings(BankKey::Deleted, kFirstCheck + 200 * kDay, path), {bank}, 1);
    QVERIFY(later.problems.isEmpty());
    const verifier::Report &r = later.reports.at(bank);
    QCOMPARE(r.verdict, Verdict::Authenticated);
    QCOMPARE(r.dkim.front().result, memory ? verifier::AuthResult::Pass : verifier::AuthResult::PermError);
    QCOMPARE(r.dkim.front().rememberedKeySince.has_value(), memory);
    QCOMPARE(hasFinding(r.warnings, FindingCode::VerifiedWithRememberedKey), memory);
}

void TestKeyMemoryScheduler::changedKeyAcrossRestart()
{
    const QString path = freshStore();
    runScheduler(settings(BankKey::Published, kFirstCheck, path), {demoMessage("01-authenticated-bank")});
    const QString rotated = dataMessage("rotated-key-bank");
    const Outcome later = runScheduler(settings(BankKey::Replaced, kFirstCheck + 10 * kDay, path), {rotated});
    const verifier::Report &r = later.reports.at(rotated);
    QCOMPARE(r.verdict, Verdict::Authenticated);
    QVERIFY(r.dkim.front().keyChanged);
    QVERIFY(hasFinding(r.warnings, FindingCode::KeyChanged));
}

void TestKeyMemoryScheduler::expectationAcrossRestart()
{
    const QString path = freshStore();
    const QString club = demoMessage("08-unauthenticated-club");
    QCOMPARE(runScheduler(settings(BankKey::Published, kFirstCheck, path), {club}).reports.at(club).verdict,
             Verdict::Unauthenticated);
    {
        // What the security panel does when the user says "always expect a signature".
        MessageStore store;
        QVERIFY(store.open(path).ok());
        QVERIFY(SenderExpectations(store).setAlwaysSigns(QStringLiteral("smallclub.example"), kFirstCheck - 30 * kDay).ok());
    }
    const verifier::Report r = runScheduler(settings(BankKey::Published, kFirstCheck, path), {club}).reports.at(club);
    QCOMPARE(r.verdict, Verdict::Suspicious);
    QVERIFY(hasFinding(r.reasons, FindingCode::ExpectedSignatureMissing));
}

void TestKeyMemoryScheduler::unusableStoreStillVerifies()
{
    // A directory cannot be a store: the report is still delivered, and the problem is reported.
    const QString bank = demoMessage("01-authenticated-bank");
    const Outcome out = runScheduler(settings(BankKey::Published, kFirstCheck, m_dir.path()), {bank}, 1);
    QCOMPARE(out.reports.at(bank).verdict, Verdict::Authenticated);
    QCOMPARE(out.problems.size(), 1);
}

QTEST_GUILESS_MAIN(TestKeyMemoryScheduler)
#include "tst_keymemoryscheduler.moc"
