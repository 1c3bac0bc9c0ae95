// Integration: AccountSync against a real Dovecot on 127.0.0.1 (fixture as in
// tests/imap/tst_imapdovecot.cpp). The password comes from a private keyring: run through
// scripts/testenv/with-keyring.sh (ctest does). Skips when dovecot is absent or not root.
#include "AccountSync.h"
#include "DemoMailbox.h"
#include "ImapSyncClient.h"
#include "Keychain.h"
#include "MessageStore.h"

#include "DovecotServer.h"
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMultiHash>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <signal.h>
#include <sys/types.h>
#include <unistd.h>

using namespace imap;
using namespace sealcheck;

using namespace dovecottest;

class tst_AccountSync : public QObject
{
    Q_OBJECT
    Dovecot m_dovecot;
    QTemporaryDir m_dir;
    QString m_storePath;
    std::unique_ptr<DemoMailbox> m_demo;
    QStringList m_names; ///< demo file names by UID - 1
    qint64 m_accountId = 0;
    qint64 m_mailboxId = 0;

    AccountSyncOptions options(bool watch = false) const
    {
        AccountSyncOptions o;
        o.accountId = m_accountId;
        o.storePath = m_storePath;
        o.verification = m_demo->settings();
        o.watch = watch;
        o.waitChunkMs = 1000;
        o.pollIntervalMs = 500;
        o.extraCaCertificates = {m_dovecot.caCert};
        o.maxRetries = 2;
        o.reconnect.baseDelayMs = 100;
        return o;
    }

    /// One round with watch off; returns the new-message count of the round (-1 on failure).
    int syncOnce(QString *failure = nullptr)
    {
        AccountSync sync;
        QSignalSpy synced(&sync, &AccountSync::synced);
        QSignalSpy failed(&sync, &AccountSync::failed);
        QSignalSpy finished(&sync, &AccountSync::finished);
        if (!sync.start(options()))
            return -1;
        if (!finished.wait(60000) && finished.isEmpty())
            return -1;
        if (!failed.isEmpty()) {
            if (failure)
                *failure = failed.front().front().toString();
            return -1;
        }
        if (synced.size() != 1)
            return -1;
        m_mailboxId = synced.front().at(0).toLongLong();
        return synced.front().at(1).toInt();
    }

    QHash<quint32, QList<QByteArray>> serverFlags()
    {
        QHash<quint32, QList<QByteArray>> out;
        ImapConnectionSettings s;
        s.host = QStringLiteral("127.0.0.1");
        s.port = m_dovecot.port;
        s.extraCaCertificates = {m_dovecot.caCert};
        ImapSyncClient c(s);
        if (!c.connectAndLogin(kUser, kPassword).ok() || !c.examine(QStringLiteral("INBOX")).ok())
            return out;
        auto uids = c.listUids();
        if (!uids)
            return out;
        (void)c.fetchMessages(*uids, FetchParts::Flags, [&](const FetchData &m) {
            QList<QByteArray> flags = m.flags.value_or(QList<QByteArray>());
            flags.removeAll("\\Recent"); // a session flag of the server, not a write of ours
            out.insert(*m.uid, flags);
        });
        c.logout();
        return out;
    }

private slots:
    void initTestCase()
    {
        if (const QString why = m_dovecot.setUp(); !why.isEmpty())
            QSKIP(qPrintable(why));
        if (!qEnvironmentVariableIsSet("SEALCHECK_KEYRING_TEST"))
            QSKIP("needs a private keyring: run through scripts/testenv/with-keyring.sh (ctest does)");
        auto demo = DemoMailbox::load();
        QVERIFY2(demo.ok(), demo.ok() ? "" : demo.error().message.c_str());
        m_demo = std::move(*demo);
        for (const auto &m : m_demo->messages()) {
            QVERIFY(m_dovecot.deliver(m.raw));
            m_names << m.name;
        }
        m_storePath = m_dir.filePath(QStringLiteral("store.sqlite"));
        MessageStore store;
        QVERIFY(store.open(m_storePath).ok());
        AccountRecord a;
        a.name = QStringLiteral("Test account");
        a.host = QStringLiteral("127.0.0.1");
        a.port = m_dovecot.port;
        a.username = kUser;
        auto id = store.saveAccount(a);
        QVERIFY(id.ok());
        m_accountId = *id;
        QVERIFY(Keychain::writePasswordBlocking(Keychain::imapKey(a.username, a.host, a.port), kPassword).ok());
    }

    void cleanupTestCase() { m_dovecot.stop(); }

    void syncInboxWithVerdicts()
    {
        QString failure;
        QElapsedTimer t;
        t.start();
        QCOMPARE(syncOnce(&failure), int(m_names.size()));
        qInfo("first sync of %d demo messages: %lld ms", int(m_names.size()), t.elapsed());
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        MessageStore store;
        QVERIFY(store.open(m_storePath).ok());
        QCOMPARE(store.messageCount(m_mailboxId), int(m_names.size()));
        QCOMPARE(store.messageCount(m_mailboxId, VerdictFilter::Pending), 0);
        const QHash<QString, QString> expected = {
            {QStringLiteral("01-authenticated-bank"), QStringLiteral("authenticated")},
            {QStringLiteral("02-forged-bank-spoof"), QStringLiteral("forged")},
            {QStringLiteral("03-forged-two-from"), QStringLiteral("forged")},
            {QStringLiteral("04-suspicious-display-name"), QStringLiteral("suspicious")},
            {QStringLiteral("05-suspicious-lookalike"), QStringLiteral("suspicious")},
            {QStringLiteral("06-suspicious-dmarc-none"), QStringLiteral("suspicious")},
            {QStringLiteral("07-authenticated-ed25519"), QStringLiteral("authenticated")},
            {QStringLiteral("08-unauthenticated-club"), QStringLiteral("unauthenticated")},
            {QStringLiteral("09-forged-tampered"), QStringLiteral("forged")},
            {QStringLiteral("10-smime-signed"), QStringLiteral("authenticated")},
            {QStringLiteral("11-openpgp-signed"), QStringLiteral("authenticated")},
        };
        for (int i = 0; i < m_names.size(); ++i) {
            const QString name = m_names[i].section(QLatin1Char('.'), 0, 0);
            QVERIFY2(expected.contains(name), qPrintable(name));
            const auto id = store.messageId(m_mailboxId, quint32(i + 1));
            QVERIFY(id);
            const auto row = store.message(*id);
            QVERIFY(row);
            QVERIFY2(row->verdict == expected.value(name), qPrintable(name + QStringLiteral(": ") + row->verdict));
            QVERIFY(!row->fromHeader.isEmpty());
            QVERIFY(store.raw(*id).has_value());
            const auto report = store.report(*id);
            QVERIFY(report);
            QCOMPARE(QString::fromStdString(report->source), QStringLiteral("imap:INBOX/%1").arg(i + 1));
        }
        const auto box = store.mailboxRecord(m_mailboxId);
        QVERIFY(box);
        QVERIFY(box->uidValidity != 0);
        QCOMPARE(box->uidNext, quint32(m_names.size() + 1));
        // Read-only: nothing set on the server, \Seen least of all.
        const auto flags = serverFlags();
        QCOMPARE(flags.size(), m_names.size());
        for (auto it = flags.cbegin(); it != flags.cend(); ++it)
            QVERIFY2(it->isEmpty(), it->join(' ').constData());
    }

    void incrementalAfterDelivery()
    {
        QVERIFY(m_mailboxId > 0);
        QCOMPARE(syncOnce(), 0); // nothing new: nothing fetched
        QVERIFY(m_dovecot.deliver(m_demo->messages().at(7).raw)); // the unauthenticated club mail again
        QCOMPARE(syncOnce(), 1);
        MessageStore store;
        QVERIFY(store.open(m_storePath).ok());
        QCOMPARE(store.messageCount(m_mailboxId), int(m_names.size()) + 1);
        const auto id = store.messageId(m_mailboxId, quint32(m_names.size() + 1));
        QVERIFY(id);
        QCOMPARE(store.message(*id)->verdict, QStringLiteral("unauthenticated"));
        QCOMPARE(store.mailboxRecord(m_mailboxId)->uidNext, quint32(m_names.size() + 2));
    }

    void newMailWhileWatching()
    {
        AccountSync sync;
        QSignalSpy synced(&sync, &AccountSync::synced);
        QSignalSpy failed(&sync, &AccountSync::failed);
        QSignalSpy finished(&sync, &AccountSync::finished);
        QVERIFY(sync.start(options(true)));
        QTRY_COMPARE_WITH_TIMEOUT(synced.size(), 1, 30000);
        QCOMPARE(synced.front().at(1).toInt(), 0);
        QVERIFY(m_dovecot.deliver(m_demo->messages().at(0).raw));
        QTRY_COMPARE_WITH_TIMEOUT(synced.size(), 2, 30000);
        QCOMPARE(synced.at(1).at(1).toInt(), 1);
        QElapsedTimer t;
        t.start();
        sync.stop();
        QVERIFY(finished.wait(15000) || !finished.isEmpty());
        qInfo("stop took %lld ms", t.elapsed());
        QVERIFY(failed.isEmpty());
    }

    void phishingKeywordOnlyWhenOptedIn()
    {
        {
            MessageStore store;
            QVERIFY(store.open(m_storePath).ok());
            auto a = store.account(m_accountId);
            a->setPhishingKeyword = true;
            QVERIFY(store.saveAccount(*a).ok());
        }
        QVERIFY(m_dovecot.deliver(m_demo->messages().at(1).raw)); // forged bank spoof
        QVERIFY(m_dovecot.deliver(m_demo->messages().at(0).raw)); // authenticated
        QCOMPARE(syncOnce(), 2);
        const auto flags = serverFlags();
        const quint32 forgedUid = quint32(m_names.size()) + 3, goodUid = forgedUid + 1;
        QCOMPARE(flags.value(forgedUid), QList<QByteArray>{QByteArray("$Phishing")});
        QVERIFY(flags.value(goodUid).isEmpty());
        for (auto it = flags.cbegin(); it != flags.cend(); ++it) {
            QVERIFY(!it->contains("\\Seen"));
            if (it.key() != forgedUid)
                QVERIFY2(!it->contains("$Phishing"), qPrintable(QString::number(it.key()))); // earlier forged: opt-in was off
        }
        MessageStore store;
        QVERIFY(store.open(m_storePath).ok());
        auto a = store.account(m_accountId);
        a->setPhishingKeyword = false;
        QVERIFY(store.saveAccount(*a).ok());
    }

    /// The verdict keywords (issue 21), opted in alone: each new message gets its verdict's
    /// keyword, unauthenticated mail none, $Phishing stays off, \Seen stays unset.
    void verdictKeywordsOnlyWhenOptedIn()
    {
        {
            MessageStore store;
            QVERIFY(store.open(m_storePath).ok());
            auto a = store.account(m_accountId);
            a->setVerdictKeywords = true;
            QVERIFY(store.saveAccount(*a).ok());
            const auto saved = store.account(m_accountId); // both opt-ins share one column
            QVERIFY(saved->setVerdictKeywords);
            QVERIFY(!saved->setPhishingKeyword);
        }
        const quint32 first = quint32(m_names.size()) + 5;
        QVERIFY(m_dovecot.deliver(m_demo->messages().at(1).raw)); // forged bank spoof
        QVERIFY(m_dovecot.deliver(m_demo->messages().at(4).raw)); // suspicious lookalike
        QVERIFY(m_dovecot.deliver(dovecottest::message(99))); // unauthenticated (example.com: no DMARC)
        QVERIFY(m_dovecot.deliver(m_demo->messages().at(0).raw)); // authenticated bank
        QCOMPARE(syncOnce(), 4);
        const auto flags = serverFlags();
        QCOMPARE(flags.value(first), QList<QByteArray>{QByteArray("$Sealcheck-Forged")});
        QCOMPARE(flags.value(first + 1), QList<QByteArray>{QByteArray("$Sealcheck-Suspicious")});
        QVERIFY(flags.value(first + 2).isEmpty());
        QCOMPARE(flags.value(first + 3), QList<QByteArray>{QByteArray("$Sealcheck-Authenticated")});
        for (auto it = flags.cbegin(); it != flags.cend(); ++it) {
            QVERIFY(!it->contains("\\Seen"));
            if (it.key() < first) // messages of earlier rounds: not written again
                for (const QByteArray &f : *it)
                    QVERIFY2(!f.startsWith("$Sealcheck"), qPrintable(QString::number(it.key())));
        }
        MessageStore store;
        QVERIFY(store.open(m_storePath).ok());
        auto a = store.account(m_accountId);
        a->setVerdictKeywords = false;
        QVERIFY(store.saveAccount(*a).ok());
    }

    void wrongPasswordIsExplained()
    {
        MessageStore store;
        QVERIFY(store.open(m_storePath).ok());
        AccountRecord a;
        a.name = QStringLiteral("Wrong");
        a.host = QStringLiteral("localhost");
        a.port = m_dovecot.port;
        a.username = kUser;
        const qint64 id = *store.saveAccount(a);
        QVERIFY(Keychain::writePasswordBlocking(Keychain::imapKey(a.username, a.host, a.port), QStringLiteral("wrong")).ok());
        AccountSync sync;
        QSignalSpy failed(&sync, &AccountSync::failed);
        QSignalSpy retrying(&sync, &AccountSync::retrying);
        QSignalSpy finished(&sync, &AccountSync::finished);
        AccountSyncOptions o = options();
        o.accountId = id;
        QVERIFY(sync.start(o));
        QVERIFY(finished.wait(30000) || !finished.isEmpty());
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.front().front().toString(),
                 QStringLiteral("The server refused the user name or password. Check both and try again."));
        QCOMPARE(retrying.size(), 0); // a wrong password is never retried
    }

    void missingPasswordIsExplained()
    {
        MessageStore store;
        QVERIFY(store.open(m_storePath).ok());
        AccountRecord a;
        a.name = QStringLiteral("No password");
        a.host = QStringLiteral("localhost");
        a.port = m_dovecot.port;
        a.username = QStringLiteral("nobody-here");
        const qint64 id = *store.saveAccount(a);
        AccountSync sync;
        QSignalSpy failed(&sync, &AccountSync::failed);
        AccountSyncOptions o = options();
        o.accountId = id;
        QVERIFY(sync.start(o));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
        QVERIFY(failed.front().front().toString().contains(QStringLiteral("keychain")));
    }

    /// The user's mail client deletes two messages on the server: the next round removes them
    /// from the store (rows, raw copies, reports) and keeps the rest; the server keeps
    /// everything else, and a further round changes nothing.
    void deletedOnTheServerLeavesTheStore()
    {
        QVERIFY(m_mailboxId > 0);
        int count = 0;
        std::optional<qint64> gone2, gone4, kept3;
        QString keptVerdict;
        {
            MessageStore store;
            QVERIFY(store.open(m_storePath).ok());
            count = store.messageCount(m_mailboxId);
            gone2 = store.messageId(m_mailboxId, 2);
            gone4 = store.messageId(m_mailboxId, 4);
            kept3 = store.messageId(m_mailboxId, 3);
            QVERIFY(gone2 && gone4 && kept3);
            QVERIFY(store.raw(*gone2).has_value());
            keptVerdict = store.message(*kept3)->verdict;
            QVERIFY(!keptVerdict.isEmpty());
        }
        const int onServer = int(serverFlags().size());
        QCOMPARE(onServer, count);
        QVERIFY(m_dovecot.doveadm({QStringLiteral("expunge"), QStringLiteral("-u"), kUser, QStringLiteral("mailbox"),
                                   QStringLiteral("INBOX"), QStringLiteral("uid"), QStringLiteral("2,4")}));
        QCOMPARE(int(serverFlags().size()), count - 2);

        QCOMPARE(syncOnce(), 0);
        {
            MessageStore store;
            QVERIFY(store.open(m_storePath).ok());
            QCOMPARE(store.messageCount(m_mailboxId), count - 2);
            QVERIFY(!store.messageId(m_mailboxId, 2));
            QVERIFY(!store.messageId(m_mailboxId, 4));
            QVERIFY(!store.message(*gone2));
            QVERIFY(!store.raw(*gone2).has_value());
            QVERIFY(!store.report(*gone4).has_value());
            QCOMPARE(store.messageId(m_mailboxId, 3), kept3);
            QCOMPARE(store.message(*kept3)->verdict, keptVerdict);
        }
        QCOMPARE(int(serverFlags().size()), count - 2); // nothing else went on the server
        QCOMPARE(syncOnce(), 0);
        MessageStore store;
        QVERIFY(store.open(m_storePath).ok());
        QCOMPARE(store.messageCount(m_mailboxId), count - 2);
    }

    /// Issue 20 point 4: a second Subject placed above the first is listed with it, never alone.
    void duplicateSubjectIsListedTwice()
    {
        QVERIFY(m_mailboxId > 0);
        QVERIFY(m_dovecot.deliver("Subject: Bank details changed\r\nFrom: club@example.org\r\nTo: user@example.net\r\n"
                                  "Subject: Club news\r\nDate: Mon, 23 Nov 2026 09:00:00 +0000\r\n\r\nHello.\r\n"));
        QCOMPARE(syncOnce(), 1);
        MessageStore store;
        QVERIFY(store.open(m_storePath).ok());
        const auto box = store.mailboxRecord(m_mailboxId);
        QVERIFY(box);
        const auto id = store.messageId(m_mailboxId, box->uidNext - 1);
        QVERIFY(id);
        QCOMPARE(store.message(*id)->subject, QStringLiteral("Bank details changed \u26A0 Club news"));
    }
};

QTEST_GUILESS_MAIN(tst_AccountSync)
#include "tst_accountsync.moc"
