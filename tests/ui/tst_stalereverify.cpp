// Integration: a verdict made under earlier trust settings must not stay silently after the
// settings change. Against a real Dovecot on 127.0.0.1 (tests/common/DovecotServer.h): the window
// syncs the inbox, the raw copies of some messages leave the cache, the user trusts the
// provider's authserv-id; every verdict is marked stale and shown so (list and security panel);
// messages with a raw copy are verified again at once, the others when the next sync fetches
// them again (BODY.PEEK[]: \Seen stays unset on the server) and stores the verdict the new
// trust gives. AccountSync alone: stale messages come back in bounded batches, and a message
// the server no longer has is removed from the store without blocking the others.
// The password comes from a private keyring: run through scripts/testenv/with-keyring.sh (ctest
// does). Skips when dovecot is absent or not root.
#include "AccountSync.h"
#include "ImapSyncClient.h"
#include "Keychain.h"
#include "MainWindow.h"
#include "MessageStore.h"
#include "MessageView.h"
#include "SecurityPanel.h"
#include "StoreMessageModel.h"
#include "ZoneResolver.h"

#include "DovecotServer.h"

#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace sealcheck;
using namespace sealcheck::ui;
using namespace dovecottest;

namespace {

const QString kProvider = QStringLiteral("mx.example.net");

/// A message the provider found to fail DMARC for shop.example.org (whose DMARC record the
/// local DNS does not have): unauthenticated while the provider's field is not trusted, forged
/// once it is (a trusted Authentication-Results header reporting dmarc=fail under p=reject).
QByteArray providerFailed(int n, int day)
{
    return "Authentication-Results: " + kProvider.toLatin1() + "; dmarc=fail policy.dmarc=reject header.from=shop.example.org\r\n"
           "Received: from mail.shop.example.org (mail.shop.example.org [192.0.2.10]) by " + kProvider.toLatin1()
        + " with ESMTPS id " + QByteArray::number(n) + "; " + QByteArray::number(day) + " Nov 2026 10:00:01 +0000\r\n"
           "From: Shop <orders@shop.example.org>\r\nTo: alice@example.org\r\nSubject: Order " + QByteArray::number(n)
        + "\r\nMessage-ID: <" + QByteArray::number(n) + ".order@shop.example.org>\r\nDate: " + QByteArray::number(day)
        + " Nov 2026 10:00:00 +0000\r\n\r\nYour order " + QByteArray::number(n) + ".\r\n";
}

} // namespace

class tst_StaleReverify : public QObject
{
    Q_OBJECT
    Dovecot m_dovecot;
    QTemporaryDir m_dir;
    int m_stores = 0;
    VerificationSettings m_settings;

    /// A fresh store with the Dovecot account (no trusted authserv-id) and its INBOX row.
    QString newStore(qint64 *accountId, qint64 *inboxId)
    {
        const QString path = m_dir.filePath(QStringLiteral("store%1.sqlite").arg(++m_stores));
        MessageStore store;
        if (!store.open(path).ok())
            return {};
        AccountRecord a;
        a.name = QStringLiteral("Dovecot");
        a.host = QStringLiteral("127.0.0.1");
        a.port = m_dovecot.port;
        a.username = kUser;
        a.pinnedKeySha256 = m_dovecot.pin;
        *accountId = *store.saveAccount(a);
        *inboxId = *store.mailbox(*accountId, QStringLiteral("INBOX"));
        return path;
    }

    AccountSyncOptions options(const QString &storePath, qint64 accountId) const
    {
        AccountSyncOptions o;
        o.accountId = accountId;
        o.storePath = storePath;
        o.verification = m_settings;
        o.watch = false;
        o.extraCaCertificates = {m_dovecot.caCert};
        o.maxRetries = 1;
        return o;
    }

    /// One round of AccountSync (watch off); empty when it ended without failing.
    QString syncOnce(const AccountSyncOptions &o)
    {
        AccountSync sync;
        QSignalSpy finished(&sync, &AccountSync::finished);
        QSignalSpy failed(&sync, &AccountSync::failed);
        if (!sync.start(o))
            return QStringLiteral("not started");
        if (!finished.wait(60000) && finished.isEmpty())
            return QStringLiteral("no end within a minute");
        return failed.isEmpty() ? QString() : failed.front().front().toString();
    }

    /// Flags of every message in the server's INBOX, as doveadm reports them.
    QByteArray serverFlags()
    {
        QByteArray out;
        m_dovecot.doveadm({QStringLiteral("fetch"), QStringLiteral("-u"), kUser, QStringLiteral("uid flags"),
                           QStringLiteral("mailbox"), QStringLiteral("INBOX"), QStringLiteral("all")},
                          &out);
        return out;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (const QString why = m_dovecot.setUp(); !why.isEmpty())
            QSKIP(qPrintable(why));
        if (!qEnvironmentVariableIsSet("SEALCHECK_KEYRING_TEST"))
            QSKIP("needs a private keyring: run through scripts/testenv/with-keyring.sh (ctest does)");
        QVERIFY(m_dir.isValid());
        for (int n = 1; n <= 4; ++n)
            QVERIFY(m_dovecot.deliver(providerFailed(n, 10 + n)));
        // Local DNS without any record: nothing is recomputed as a pass or a fail.
        m_settings.resolver = std::make_shared<verifier::ZoneResolver>();
        m_settings.fixedNow = 1795000000; // 2026-11-18
        QVERIFY(Keychain::writePasswordBlocking(Keychain::imapKey(kUser, QStringLiteral("127.0.0.1"), m_dovecot.port),
                                                kPassword)
                    .ok());
        const QByteArray flags = serverFlags();
        QVERIFY2(flags.count("uid:") == 4, flags.constData()); // doveadm answers: the later checks mean something
        QVERIFY2(!flags.contains("\\Seen"), flags.constData());
    }

    void cleanupTestCase() { m_dovecot.stop(); }

    void trustChangeMarksEvictedAndNextSyncRechecks()
    {
        qint64 account = 0, inbox = 0;
        const QString path = newStore(&account, &inbox);
        QVERIFY(!path.isEmpty());
        MainWindow w;
        w.setAccountVerificationSettings(m_settings);
        w.setSyncIntervals(300, 1000);
        QVERIFY(w.openStore(path));
        QVERIFY(w.showMailbox(inbox));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        MessageStore *store = w.store();

        // 1. The first sync: every message verified without trust.
        w.startSync(account);
        QVERIFY(w.inboxSync(account));
        QTRY_COMPARE_WITH_TIMEOUT(store->messageCount(inbox, VerdictFilter::Unauthenticated), 4, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(w.storeModel()->rowCount(), 4, 10000);
        QVector<qint64> ids; // newest first: Order 4 .. Order 1
        for (const MessageRow &r : store->messages(inbox, VerdictFilter::All, {}, 0, 10)) {
            ids.push_back(r.id);
            QVERIFY(store->raw(r.id).has_value());
            QCOMPARE(r.stale, false);
        }
        QCOMPARE(ids.size(), 4);
        // Stop it, so that the marks can be seen before the next sync clears them.
        w.inboxSync(account)->stop();
        QVERIFY(w.inboxSync(account)->wait(30000));

        // 2. The raw copies of the three newest leave the cache (as evictRaw() does); the oldest keeps its copy.
        for (int i = 0; i < 3; ++i)
            QVERIFY(store->dropRaw(ids[i]));
        QVERIFY(store->raw(ids[3]).has_value());
        w.messageList()->setCurrentIndex(w.storeModel()->index(0, 0)); // Order 4, not cached
        SecurityPanel *panel = w.messageView()->securityPanel();
        QVERIFY(panel->staleNotice()->isHidden());

        // 3. The user trusts the provider.
        QSignalSpy reverified(&w, &MainWindow::reverified);
        w.trustAuthservId(account, kProvider);
        // At once (before any event runs): every report is stale and shown so, the cached one
        // too until its re-check lands.
        for (int i = 0; i < 4; ++i) {
            QVERIFY(store->message(ids[i])->stale);
            const QModelIndex v = w.storeModel()->index(i, VerdictColumn);
            QCOMPARE(v.data().toString(), QStringLiteral("Unauthenticated (not yet re-checked)"));
            QVERIFY(v.data(Qt::ToolTipRole).toString().contains(
                QStringLiteral("Verified under earlier settings; it will be checked again at the next sync.")));
            QVERIFY(v.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("not yet re-checked")));
        }
        QCOMPARE(store->message(ids[3])->stale, true); // until its raw copy is verified again
        QVERIFY(!panel->staleNotice()->isHidden()); // shown whenever its tab is
        QCOMPARE(panel->staleNotice()->text(),
                 QStringLiteral("Verified under earlier settings; it will be checked again at the next sync."));

        // 4. The cached one is verified again from its copy; the next sync fetches the others.
        QVERIFY(reverified.wait(60000) || !reverified.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(store->message(ids[3])->verdict, QStringLiteral("forged"), 30000);
        QCOMPARE(store->message(ids[3])->stale, false);
        QTRY_COMPARE_WITH_TIMEOUT(store->staleCount(inbox), 0, 60000);
        for (qint64 id : ids) {
            const auto row = store->message(id);
            QCOMPARE(row->verdict, QStringLiteral("forged"));
            QCOMPARE(row->stale, false);
            QVERIFY(store->raw(id).has_value()); // fetched again and cached
            bool trusted = false;
            const auto report = store->report(id);
            QVERIFY(report.has_value());
            for (const auto &h : report->authenticationResults)
                trusted |= h.trusted && h.authservId == kProvider.toStdString();
            QVERIFY(trusted);
        }
        // The list and the panel follow without a reload.
        QTRY_COMPARE_WITH_TIMEOUT(w.storeModel()->index(0, VerdictColumn).data().toString(), QStringLiteral("Forged"), 10000);
        QCOMPARE(w.storeModel()->index(0, VerdictColumn).data(StaleRole).toBool(), false);
        QTRY_VERIFY_WITH_TIMEOUT(panel->staleNotice()->isHidden(), 10000);
        QCOMPARE(w.messageList()->currentIndex().row(), 0);

        // 5. Read-only: no flag changed on the server.
        const QByteArray flags = serverFlags();
        QVERIFY2(!flags.contains("\\Seen"), flags.constData());
        for (const MessageRow &r : store->messages(inbox, VerdictFilter::All, {}, 0, 10))
            QVERIFY2(!r.flags.contains(QStringLiteral("\\Seen")), qPrintable(r.flags));
    }

    /// A key-memory action in the security panel (pin, expectation, accepted signer) changes
    /// what is trusted for every account: the same split as a trust change.
    void keyMemoryActionMarksEvicted()
    {
        qint64 account = 0, inbox = 0;
        const QString path = newStore(&account, &inbox);
        QVERIFY(!path.isEmpty());
        QVector<qint64> ids;
        {
            MessageStore store;
            QVERIFY(store.open(path).ok());
            verifier::Report old;
            old.verdict = verifier::Verdict::Unauthenticated;
            for (int n = 1; n <= 3; ++n) {
                MessageRow r;
                r.mailboxId = inbox;
                r.uid = quint32(n);
                r.subject = QStringLiteral("Order %1").arg(n);
                r.date = QDateTime(QDate(2026, 11, 10 + n), QTime(10, 0), Qt::UTC);
                ids.push_back(*store.saveMessage(r));
                QVERIFY(store.saveReport(ids.back(), old));
            }
            QVERIFY(store.saveRaw(ids[0], providerFailed(1, 11))); // only Order 1 is cached
        }
        MainWindow w;
        w.setAccountVerificationSettings(m_settings);
        QVERIFY(w.openStore(path));
        QVERIFY(w.showMailbox(inbox));
        QSignalSpy reverified(&w, &MainWindow::reverified);
        emit w.messageView()->securityPanel()->memoryChanged();
        MessageStore *store = w.store();
        QCOMPARE(store->message(ids[0])->stale, true); // until its re-check from the cache lands
        QCOMPARE(store->message(ids[1])->stale, true);
        QCOMPARE(store->message(ids[2])->stale, true);
        QCOMPARE(w.storeModel()->index(0, VerdictColumn).data().toString(),
                 QStringLiteral("Unauthenticated (not yet re-checked)")); // Order 3, newest
        QVERIFY(reverified.wait(30000) || !reverified.isEmpty());
        QCOMPARE(reverified.front().front().toLongLong(), account);
        // Order 1 was verified again from its raw copy (the stored report was a bare one).
        QTRY_VERIFY_WITH_TIMEOUT(store->report(ids[0])->from.domain == "shop.example.org", 10000);
        QCOMPARE(store->message(ids[0])->verdict, QStringLiteral("unauthenticated"));
        QTRY_COMPARE_WITH_TIMEOUT(store->message(ids[0])->stale, false, 10000);
        QCOMPARE(store->staleCount(inbox), 2); // until the next sync
    }

    /// staleBatchSize bounds one round; a stale message the server no longer has is removed from
    /// the store by the same round (the stored count differs from EXISTS) and holds nothing back.
    void staleMessagesComeBackInBoundedBatches()
    {
        qint64 account = 0, inbox = 0;
        const QString path = newStore(&account, &inbox);
        QVERIFY(!path.isEmpty());
        AccountSyncOptions o = options(path, account);
        QCOMPARE(syncOnce(o), QString());
        MessageStore store;
        QVERIFY(store.open(path).ok());
        QCOMPARE(store.messageCount(inbox, VerdictFilter::Unauthenticated), 4);
        // A message expunged on the server since, newest of all.
        MessageRow gone;
        gone.mailboxId = inbox;
        gone.uid = 9999;
        gone.subject = QStringLiteral("Gone");
        gone.date = QDateTime(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC);
        const qint64 goneId = *store.saveMessage(gone);
        verifier::Report old;
        old.verdict = verifier::Verdict::Unauthenticated;
        QVERIFY(store.saveReport(goneId, old));
        for (const MessageRow &r : store.messages(inbox, VerdictFilter::All, {}, 0, 10))
            store.dropRaw(r.id);
        auto account_ = store.account(account);
        account_->trustedAuthservIds = {kProvider};
        QVERIFY(store.saveAccount(*account_).ok());
        QCOMPARE(store.markStale(account)->size(), 5);

        o.staleBatchSize = 2;
        QCOMPARE(syncOnce(o), QString()); // "Gone" removed; Orders 4 and 3 checked again
        QVERIFY(!store.message(goneId).has_value());
        QCOMPARE(store.messageCount(inbox), 4);
        QCOMPARE(store.staleCount(inbox), 2);
        QCOMPARE(store.staleMessages(inbox, 10).size(), 2);
        QCOMPARE(syncOnce(o), QString()); // Orders 2 and 1
        QCOMPARE(store.staleCount(inbox), 0);
        o.staleBatchSize = 200;
        QCOMPARE(syncOnce(o), QString()); // nothing left to do
        QCOMPARE(store.staleCount(inbox), 0);
        QCOMPARE(store.messageCount(inbox, VerdictFilter::Forged), 4);
        const QByteArray flags = serverFlags();
        QVERIFY2(!flags.contains("\\Seen"), flags.constData());
    }
};

QTEST_MAIN(tst_StaleReverify)
#include "tst_stalereverify.moc"
