#include "MessageStore.h"
#include "Verdict.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace sealcheck;

namespace {

int modeOf(const QString &path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

qint64 inbox(MessageStore &store)
{
    if (store.accounts().isEmpty()) {
        AccountRecord a;
        a.name = QStringLiteral("Test");
        a.host = QStringLiteral("imap.example.com");
        a.username = QStringLiteral("alice");
        if (!store.saveAccount(a).ok())
            qFatal("cannot create the test account");
    }
    auto mb = store.mailbox(store.accounts().front().id, QStringLiteral("INBOX"));
    if (!mb.ok())
        qFatal("cannot create the mailbox: %s", mb.error().message.c_str());
    return *mb;
}

MessageRow row(qint64 mailbox, quint32 uid, const QString &from, const QString &subject, qint64 date)
{
    MessageRow r;
    r.mailboxId = mailbox;
    r.uid = uid;
    r.fromHeader = from;
    r.subject = subject;
    r.date = QDateTime::fromSecsSinceEpoch(date, Qt::UTC);
    r.size = 100;
    return r;
}

// Child mode: write messages one transaction each, printing the uid after each commit, until
// killed.
int childWriter(const QString &path)
{
    MessageStore store;
    if (!store.open(path).ok())
        return 3;
    const qint64 mb = inbox(store);
    for (quint32 uid = 1;; ++uid) {
        if (!store.saveMessage(row(mb, uid, QStringLiteral("a@example.com"), QStringLiteral("s"), uid)).ok())
            return 4;
        std::printf("%u\n", uid);
        std::fflush(stdout);
    }
}

} // namespace

class tst_MessageStore : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString path(const char *name) { return m_dir.filePath(QString::fromLatin1(name)); }

private slots:
    void migrationsCreateTheSchema()
    {
        MessageStore s;
        QVERIFY(s.open(path("a.sqlite")).ok());
        QCOMPARE(s.schemaVersion(), MessageStore::latestSchemaVersion());
        // Reopening runs nothing and keeps the version.
        MessageStore t;
        QVERIFY(t.open(path("a.sqlite")).ok());
        QCOMPARE(t.schemaVersion(), MessageStore::latestSchemaVersion());
        QSqlQuery q(QSqlDatabase::database(t.connectionName()));
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    }
    /// Several connections opening the same new store at the same moment (the desktop program
    /// and its verification threads do): every one succeeds and the schema is made once.
    void concurrentFirstOpen()
    {
        for (int round = 0; round < 5; ++round) {
            const QString file = m_dir.filePath(QStringLiteral("race-%1.sqlite").arg(round));
            std::atomic_int ok{0};
            std::vector<std::unique_ptr<QThread>> threads;
            QStringList errors;
            QMutex mutex;
            for (int i = 0; i < 4; ++i) {
                threads.emplace_back(QThread::create([&] {
                    MessageStore s;
                    auto r = s.open(file);
                    if (r.ok() && s.schemaVersion() == MessageStore::latestSchemaVersion()) {
                        ++ok;
                    } else {
                        QMutexLocker lock(&mutex);
                        errors << (r.ok() ? QStringLiteral("wrong version") : QString::fromStdString(r.error().message));
                    }
                }));
            }
            for (auto &t : threads)
                t->start();
            for (auto &t : threads)
                QVERIFY(t->wait(30000));
            QVERIFY2(ok == 4, qPrintable(errors.join(QStringLiteral("; "))));
        }
    }
    void newerSchemaIsRefused()
    {
        {
            MessageStore s;
            QVERIFY(s.open(path("future.sqlite")).ok());
            QSqlQuery q(QSqlDatabase::database(s.connectionName()));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=999")));
        }
        MessageStore t;
        auto r = t.open(path("future.sqlite"));
        QVERIFY(!r.ok());
        QVERIFY(QString::fromStdString(r.error().message).contains(QStringLiteral("newer Sealcheck")));
    }
    void accountsNeverHoldPasswords()
    {
        MessageStore s;
        QVERIFY(s.open(path("acc.sqlite")).ok());
        AccountRecord a;
        a.name = QStringLiteral("Work");
        a.host = QStringLiteral("imap.example.com");
        a.username = QStringLiteral("alice");
        a.trustedAuthservIds = {QStringLiteral("mx.example.com")};
        a.trustedRelays = {QStringLiteral("mx1.example.com"), QStringLiteral("mx2.example.com")};
        auto id = s.saveAccount(a);
        QVERIFY2(id.ok(), id.ok() ? "" : id.error().message.c_str());
        auto back = s.account(*id);
        QVERIFY(back.has_value());
        QCOMPARE(back->trustedRelays, a.trustedRelays);
        QCOMPARE(back->trustedAuthservIds, a.trustedAuthservIds);
        QSqlQuery q(QSqlDatabase::database(s.connectionName()));
        QVERIFY(q.exec(QStringLiteral("SELECT sql FROM sqlite_master")));
        while (q.next())
            QVERIFY(!q.value(0).toString().contains(QStringLiteral("password"), Qt::CaseInsensitive));
        a.id = *id;
        a.name = QStringLiteral("Work mail");
        QVERIFY(s.saveAccount(a).ok());
        QCOMPARE(s.accounts().size(), 1);
        QCOMPARE(s.accounts().front().name, QStringLiteral("Work mail"));
        QVERIFY(s.removeAccount(*id));
        QVERIFY(s.accounts().isEmpty());
    }
    void messagesFilterAndSearch()
    {
        MessageStore s;
        QVERIFY(s.open(path("msg.sqlite")).ok());
        qint64 mb = inbox(s);
        QVector<MessageRow> rows;
        for (quint32 i = 1; i <= 50; ++i)
            rows.push_back(row(mb, i, QStringLiteral("Sender %1 <s%1@example.com>").arg(i),
                               i == 7 ? QStringLiteral("100% off_sale") : QStringLiteral("Subject %1").arg(i), 1000 + i));
        auto ids = s.saveMessages(rows);
        QVERIFY(ids.ok());
        QCOMPARE(ids->size(), 50);
        QCOMPARE(s.messageCount(mb), 50);
        QCOMPARE(s.highestUid(mb), 50u);
        // Newest first, paged.
        auto page = s.messages(mb, VerdictFilter::All, {}, 0, 10);
        QCOMPARE(page.size(), 10);
        QCOMPARE(page.front().uid, 50u);
        QCOMPARE(s.messages(mb, VerdictFilter::All, {}, 45, 10).size(), 5);
        // LIKE wildcards in a search are literal.
        QCOMPARE(s.messageCount(mb, VerdictFilter::All, QStringLiteral("100%")), 1);
        QCOMPARE(s.messageCount(mb, VerdictFilter::All, QStringLiteral("_sale")), 1);
        QCOMPARE(s.messageCount(mb, VerdictFilter::All, QStringLiteral("s12@")), 1);
        // Verdicts.
        verifier::Report forged;
        forged.verdict = verifier::Verdict::Forged;
        verifier::Report suspicious;
        suspicious.verdict = verifier::Verdict::Suspicious;
        QVERIFY(s.saveReport(ids->at(0), forged));
        QVERIFY(s.saveReport(ids->at(1), suspicious));
        QCOMPARE(s.messageCount(mb, VerdictFilter::ForgedOrSuspicious), 2);
        QCOMPARE(s.messageCount(mb, VerdictFilter::Forged), 1);
        QCOMPARE(s.messageCount(mb, VerdictFilter::Pending), 48);
        QCOMPARE(s.unverified(mb, 100).size(), 48);
        // Updating metadata keeps the row id.
        MessageRow changed = rows.front();
        changed.flags = QStringLiteral("\\Seen");
        QCOMPARE(*s.saveMessage(changed), ids->at(0));
        QCOMPARE(s.message(ids->at(0))->flags, QStringLiteral("\\Seen"));
        // UIDVALIDITY change.
        QVERIFY(s.setMailboxState(mb, 7, 51, 0));
        QCOMPARE(s.mailboxRecord(mb)->uidValidity, 7u);
        QVERIFY(s.clearMailbox(mb));
        QCOMPARE(s.messageCount(mb), 0);
    }
    void reportsRoundTrip()
    {
        MessageStore s;
        QVERIFY(s.open(path("rep.sqlite")).ok());
        qint64 mb = inbox(s);
        qint64 id = *s.saveMessage(row(mb, 1, QStringLiteral("a"), QStringLiteral("b"), 1));
        verifier::Report r;
        r.source = "imap:INBOX/1";
        r.from.kind = verifier::AddressListKind::One;
        r.from.address = "alice@example.com";
        r.from.domain = "example.com";
        r.verdict = verifier::Verdict::Authenticated;
        r.reasons.push_back(verifier::makeFinding(verifier::FindingCode::DmarcPassDkim, {"example.com"}));
        verifier::DkimResult d;
        d.result = verifier::AuthResult::Pass;
        d.domain = "example.com";
        d.bodyLengthLimit = 10;
        d.signedHeaders = {"from", "subject"};
        r.dkim.push_back(d);
        r.spf = verifier::SpfResult{};
        r.spf->heloResult = verifier::AuthResult::Neutral;
        r.dmarc = verifier::DmarcResult{};
        r.dmarc->policy = verifier::DmarcPolicy::Reject;
        r.smime = verifier::SignatureResult{};
        r.smime->unsignedParts = {"part 2"};
        r.verifiedAt = 1795000000;
        QVERIFY(s.saveReport(id, r));
        auto back = s.report(id);
        QVERIFY(back.has_value());
        QVERIFY(*back == r);
        QCOMPARE(s.message(id)->verdict, QStringLiteral("authenticated"));
    }
    void rawCacheIsCapped()
    {
        StoreLimits limits;
        limits.maxRawCacheBytes = 3000;
        limits.maxRawMessageBytes = 2000;
        MessageStore s;
        QVERIFY(s.open(path("raw.sqlite"), limits).ok());
        qint64 mb = inbox(s);
        QVector<qint64> ids;
        for (quint32 i = 1; i <= 5; ++i)
            ids.push_back(*s.saveMessage(row(mb, i, QStringLiteral("a"), QStringLiteral("b"), i)));
        QVERIFY(!s.saveRaw(ids[0], QByteArray(2001, 'x'))); // one message over the cap: not cached
        for (qint64 id : ids)
            QVERIFY(s.saveRaw(id, QByteArray(1000, 'y')));
        QVERIFY(s.rawCacheBytes() <= 3000);
        QVERIFY(!s.raw(ids[0]).has_value()); // the oldest were evicted
        QCOMPARE(s.raw(ids[4])->size(), 1000);
        QCOMPARE(s.messageCount(mb), 5); // metadata stays
    }
    /// Schema 4 (stale reports): a store left by schema 3 — the column and its index absent,
    /// user_version 3 — opens with every row, raw copy and report kept, and the column added.
    void migrationFromSchema3AddsStale()
    {
        const QString file = path("v3.sqlite");
        qint64 id = 0;
        verifier::Report r;
        r.verdict = verifier::Verdict::Suspicious;
        r.verifiedAt = 1795000000;
        {
            MessageStore s;
            QVERIFY(s.open(file).ok());
            const qint64 mb = inbox(s);
            id = *s.saveMessage(row(mb, 7, QStringLiteral("a@example.com"), QStringLiteral("kept"), 7));
            QVERIFY(s.saveRaw(id, "raw bytes"));
            QVERIFY(s.saveReport(id, r));
            QSqlQuery q(QSqlDatabase::database(s.connectionName()));
            QVERIFY(q.exec(QStringLiteral("DROP INDEX messages_by_stale")));
            QVERIFY2(q.exec(QStringLiteral("ALTER TABLE messages DROP COLUMN stale")), qPrintable(q.lastError().text()));
            QVERIFY2(q.exec(QStringLiteral("ALTER TABLE accounts DROP COLUMN provider_profile")), qPrintable(q.lastError().text()));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=3")));
            QCOMPARE(s.schemaVersion(), 3);
        }
        MessageStore t;
        QVERIFY(t.open(file).ok());
        QCOMPARE(t.schemaVersion(), MessageStore::latestSchemaVersion());
        QCOMPARE(MessageStore::latestSchemaVersion(), 5);
        const auto m = t.message(id);
        QVERIFY(m.has_value());
        QCOMPARE(m->subject, QStringLiteral("kept"));
        QCOMPARE(m->verdict, QStringLiteral("suspicious"));
        QCOMPARE(m->stale, false);
        QCOMPARE(t.raw(id).value_or(QByteArray()), QByteArray("raw bytes"));
        QVERIFY(t.report(id).has_value());
        QVERIFY(t.report(id)->verdict == verifier::Verdict::Suspicious);
        QSqlQuery q(QSqlDatabase::database(t.connectionName()));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM pragma_table_info('messages') WHERE name='stale'")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void markStaleEveryReportOfTheAccount_data()
    {
        QTest::addColumn<bool>("otherAccount");
        QTest::addColumn<bool>("verified");
        QTest::addColumn<bool>("rawCached");
        QTest::addColumn<bool>("expectStale");
        QTest::addRow("raw cached") << false << true << true << true; // verified again at once by the caller
        QTest::addRow("raw evicted") << false << true << false << true;
        QTest::addRow("never verified") << false << false << false << false;
        QTest::addRow("other account, raw evicted") << true << true << false << false;
    }
    void markStaleEveryReportOfTheAccount()
    {
        QFETCH(bool, otherAccount);
        QFETCH(bool, verified);
        QFETCH(bool, rawCached);
        QFETCH(bool, expectStale);
        const QString file = m_dir.filePath(QStringLiteral("stale-%1.sqlite").arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')).remove(QLatin1Char(','))));
        MessageStore s;
        QVERIFY(s.open(file).ok());
        const qint64 mb = inbox(s);
        const qint64 account = s.accounts().front().id;
        AccountRecord other;
        other.name = QStringLiteral("Other");
        other.host = QStringLiteral("imap.example.org");
        other.username = QStringLiteral("bob");
        const qint64 otherAccountId = *s.saveAccount(other);
        const qint64 box = otherAccount ? *s.mailbox(otherAccountId, QStringLiteral("INBOX")) : mb;
        const qint64 id = *s.saveMessage(row(box, 1, QStringLiteral("a@example.com"), QStringLiteral("s"), 1));
        // A neighbour that is always marked: the call did run.
        const qint64 evicted = *s.saveMessage(row(mb, 2, QStringLiteral("b@example.com"), QStringLiteral("t"), 2));
        verifier::Report r;
        r.verdict = verifier::Verdict::Unauthenticated;
        QVERIFY(s.saveReport(evicted, r));
        if (verified)
            QVERIFY(s.saveReport(id, r));
        if (rawCached)
            QVERIFY(s.saveRaw(id, "bytes"));
        auto marked = s.markStale(account);
        QVERIFY(marked.ok());
        QCOMPARE(marked->contains(id), expectStale);
        QVERIFY(marked->contains(evicted));
        QCOMPARE(s.message(id)->stale, expectStale);
        QCOMPARE(s.message(evicted)->stale, true);
        QCOMPARE(s.staleMessages(box, 10).contains(id), expectStale);
        // Marking again changes nothing more.
        QCOMPARE(s.markStale(account)->size(), 0);
        // The list reads it.
        bool listed = false;
        for (const MessageRow &m : s.messages(box, VerdictFilter::All, {}, 0, 10))
            listed |= m.id == id && m.stale == expectStale;
        QVERIFY(listed);
    }

    void savingAReportClearsStale()
    {
        MessageStore s;
        QVERIFY(s.open(path("clear.sqlite")).ok());
        const qint64 mb = inbox(s);
        const qint64 id = *s.saveMessage(row(mb, 1, QStringLiteral("a"), QStringLiteral("b"), 1));
        verifier::Report r;
        r.verdict = verifier::Verdict::Unauthenticated;
        QVERIFY(s.saveReport(id, r));
        QCOMPARE(*s.markStale(s.accounts().front().id), QVector<qint64>{id});
        QCOMPARE(s.staleCount(mb), 1);
        // New header metadata (a flag change) keeps the mark: the report is still the old one.
        MessageRow flagged = *s.message(id);
        flagged.flags = QStringLiteral("\\Flagged");
        QVERIFY(s.saveMessage(flagged).ok());
        QCOMPARE(s.message(id)->stale, true);
        r.verdict = verifier::Verdict::Forged;
        QVERIFY(s.saveReport(id, r));
        QCOMPARE(s.message(id)->stale, false);
        QCOMPARE(s.message(id)->verdict, QStringLiteral("forged"));
        QCOMPARE(s.staleCount(mb), 0);
        QVERIFY(s.staleMessages(mb, 10).isEmpty());
    }

    void reportsOfOlderRulesAreStaleOnOpen()
    {
        // A verdict made under an earlier report version (older verdict rules) is never shown as
        // current after an upgrade.
        const QString file = path("outdated.sqlite");
        qint64 oldId = 0, newId = 0;
        qint64 mb = 0;
        {
            MessageStore s;
            QVERIFY(s.open(file).ok());
            mb = inbox(s);
            oldId = *s.saveMessage(row(mb, 1, QStringLiteral("a"), QStringLiteral("b"), 1));
            newId = *s.saveMessage(row(mb, 2, QStringLiteral("a"), QStringLiteral("b"), 2));
            verifier::Report r;
            r.verdict = verifier::Verdict::Forged;
            QVERIFY(s.saveReport(newId, r));
            r.version = 1;
            QVERIFY(s.saveReport(oldId, r));
            QCOMPARE(s.staleCount(mb), 0);
        }
        MessageStore again;
        QVERIFY(again.open(file).ok());
        QCOMPARE(again.message(oldId)->stale, true);
        QCOMPARE(again.message(newId)->stale, false);
        QCOMPARE(again.staleCount(mb), 1);
    }
    void staleMessagesBounded_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<int>("expected");
        QTest::addRow("fewer than stale") << 3 << 3;
        QTest::addRow("exactly") << 10 << 10;
        QTest::addRow("more than stale") << 50 << 10;
        QTest::addRow("zero") << 0 << 0;
        QTest::addRow("negative") << -5 << 0;
    }
    void staleMessagesBounded()
    {
        QFETCH(int, limit);
        QFETCH(int, expected);
        MessageStore s;
        QVERIFY(s.open(path("bounded.sqlite")).ok());
        const qint64 mb = inbox(s);
        const qint64 other = *s.mailbox(s.accounts().front().id, QStringLiteral("Archive"));
        s.clearMailbox(mb);
        s.clearMailbox(other);
        verifier::Report r;
        r.verdict = verifier::Verdict::Authenticated;
        QVector<qint64> ids;
        for (quint32 uid = 1; uid <= 10; ++uid) {
            ids.push_back(*s.saveMessage(row(mb, uid, QStringLiteral("a"), QStringLiteral("b"), uid * 100)));
            QVERIFY(s.saveReport(ids.back(), r));
            const qint64 o = *s.saveMessage(row(other, uid, QStringLiteral("a"), QStringLiteral("b"), uid * 100));
            QVERIFY(s.saveReport(o, r));
        }
        QCOMPARE(s.markStale(s.accounts().front().id)->size(), 20);
        const QVector<qint64> got = s.staleMessages(mb, limit);
        QCOMPARE(got.size(), expected);
        for (int i = 0; i < got.size(); ++i)
            QCOMPARE(got[i], ids[9 - i]); // newest first, this mailbox only
    }

    /// The cache's own eviction leaves a message that markStale() then finds.
    void evictedRawIsMarked()
    {
        StoreLimits limits;
        limits.maxRawCacheBytes = 1500;
        MessageStore s;
        QVERIFY(s.open(path("evict.sqlite"), limits).ok());
        const qint64 mb = inbox(s);
        verifier::Report r;
        r.verdict = verifier::Verdict::Unauthenticated;
        const qint64 first = *s.saveMessage(row(mb, 1, QStringLiteral("a"), QStringLiteral("b"), 1));
        const qint64 second = *s.saveMessage(row(mb, 2, QStringLiteral("a"), QStringLiteral("b"), 2));
        for (qint64 id : {first, second}) {
            QVERIFY(s.saveReport(id, r));
            QVERIFY(s.saveRaw(id, QByteArray(1000, 'x')));
        }
        QVERIFY(!s.raw(first).has_value());
        QVERIFY(s.raw(second).has_value());
        QVector<qint64> marked = *s.markStale(s.accounts().front().id);
        std::sort(marked.begin(), marked.end());
        QCOMPARE(marked, (QVector<qint64>{first, second}));
        // The cached one is verified again from its copy; the evicted one waits for the sync.
        QVERIFY(s.saveReport(second, r));
        QCOMPARE(s.staleMessages(mb, 10), QVector<qint64>{first});
        QVERIFY(s.dropRaw(second));
        QVERIFY(!s.raw(second).has_value());
    }

    /// Messages deleted on the server leave the store with their raw copies and reports; the
    /// rest, and other mailboxes, stay.
    void removeExpunged()
    {
        MessageStore s;
        QVERIFY(s.open(path("expunged.sqlite")).ok());
        const qint64 mb = inbox(s);
        const qint64 other = *s.mailbox(s.accounts().front().id, QStringLiteral("Elsewhere"));
        verifier::Report r;
        r.verdict = verifier::Verdict::Authenticated;
        QHash<quint32, qint64> ids;
        for (quint32 uid = 1; uid <= 5; ++uid) {
            ids.insert(uid, *s.saveMessage(row(mb, uid, QStringLiteral("a"), QStringLiteral("b"), uid)));
            QVERIFY(s.saveReport(ids.value(uid), r));
            QVERIFY(s.saveRaw(ids.value(uid), "raw"));
        }
        const qint64 elsewhere = *s.saveMessage(row(other, 2, QStringLiteral("a"), QStringLiteral("b"), 1));
        auto removed = s.removeExpunged(mb, {5, 9, 3, 1}); // any order; 9 is not stored
        QVERIFY(removed.ok());
        QVector<qint64> got = *removed;
        std::sort(got.begin(), got.end());
        QVector<qint64> expected{ids.value(2), ids.value(4)};
        std::sort(expected.begin(), expected.end());
        QCOMPARE(got, expected);
        QCOMPARE(s.messageCount(mb), 3);
        for (quint32 uid : {2u, 4u}) {
            QVERIFY(!s.message(ids.value(uid)));
            QVERIFY(!s.raw(ids.value(uid)).has_value());
            QVERIFY(!s.report(ids.value(uid)).has_value());
        }
        for (quint32 uid : {1u, 3u, 5u}) {
            QVERIFY(s.raw(ids.value(uid)).has_value());
            QCOMPARE(s.message(ids.value(uid))->verdict, QStringLiteral("authenticated"));
        }
        QVERIFY(s.message(elsewhere)); // another mailbox is not touched
        QVERIFY(s.removeExpunged(mb, {1, 3, 5})->isEmpty()); // nothing more to do
        QCOMPARE(s.removeExpunged(mb, {})->size(), 3); // the mailbox was emptied on the server
        QCOMPARE(s.messageCount(mb), 0);
        QVERIFY(s.message(elsewhere));
    }

    void killedWriterLosesNothingCommitted()
    {
        const QString db = path("kill.sqlite");
        QProcess child;
        child.setProgram(QCoreApplication::applicationFilePath());
        child.setArguments({QStringLiteral("--child-writer"), db});
        child.start();
        QVERIFY(child.waitForStarted());
        QByteArray out;
        QElapsedTimer t;
        t.start();
        while (out.count('\n') < 200 && t.elapsed() < 30000) {
            child.waitForReadyRead(1000);
            out += child.readAllStandardOutput();
        }
        child.kill(); // SIGKILL: no cleanup, mid-transaction
        child.waitForFinished();
        out += child.readAllStandardOutput();
        const QList<QByteArray> lines = out.trimmed().split('\n');
        QVERIFY(lines.size() >= 200);
        const quint32 lastCommitted = lines.last().toUInt();
        MessageStore s;
        QVERIFY(s.open(db).ok());
        qint64 mb = inbox(s);
        QVERIFY(s.highestUid(mb) >= lastCommitted);
        QVERIFY(s.messageCount(mb) >= int(lastCommitted));
    }

    // Issue 24 item 10: the store holds message bodies and account names. Under umask 022 it, its
    // -wal/-shm files and its new folder are private; loose modes of an existing store are fixed.
    void storeFilesArePrivate()
    {
        const mode_t oldMask = ::umask(022);
        QTemporaryDir dir;
        const QString folder = dir.path() + QStringLiteral("/new/sub");
        const QString path = folder + QStringLiteral("/store.sqlite");
        {
            MessageStore store;
            QVERIFY(store.open(path).ok());
            inbox(store); // a write: the -wal and -shm files exist while the connection is open
            QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
            QCOMPARE(modeOf(path), 0600);
            QCOMPARE(modeOf(path + QStringLiteral("-wal")), 0600);
            QCOMPARE(modeOf(path + QStringLiteral("-shm")), 0600);
            QCOMPARE(modeOf(folder), 0700);
            QCOMPARE(modeOf(dir.path() + QStringLiteral("/new")), 0700);
        }
        // An existing store left readable by others (an earlier version) is made private on open;
        // a folder the user chose and that existed is not touched.
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
        QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0755) == 0);
        {
            MessageStore store;
            QVERIFY(store.open(path).ok());
            QCOMPARE(modeOf(path), 0600);
            QCOMPARE(modeOf(folder), 0755);
        }
        // The default folder (XDG_DATA_HOME/sealcheck) is ours: tightened even when it exists.
        const QByteArray oldXdg = qgetenv("XDG_DATA_HOME");
        qputenv("XDG_DATA_HOME", QFile::encodeName(dir.path() + QStringLiteral("/xdg")));
        const QString defaultPath = MessageStore::defaultPath();
        QVERIFY(QDir().mkpath(QFileInfo(defaultPath).absolutePath()));
        QVERIFY(::chmod(QFile::encodeName(QFileInfo(defaultPath).absolutePath()).constData(), 0755) == 0);
        {
            MessageStore store;
            QVERIFY(store.open(defaultPath).ok());
            QCOMPARE(modeOf(QFileInfo(defaultPath).absolutePath()), 0700);
            QCOMPARE(modeOf(defaultPath), 0600);
        }
        qputenv("XDG_DATA_HOME", oldXdg);
        if (oldXdg.isEmpty())
            qunsetenv("XDG_DATA_HOME");
        ::umask(oldMask);
    }
};

int main(int argc, char **argv)
{
    if (argc == 3 && qstrcmp(argv[1], "--child-writer") == 0) {
        QCoreApplication app(argc, argv);
        return childWriter(QString::fromLocal8Bit(argv[2]));
    }
    QCoreApplication app(argc, argv);
    tst_MessageStore t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_messagestore.moc"
