// AccountManager (issue 20, "Also"): the accounts' lifecycles without a window. Stored mail is
// verified again off the UI thread after a trust change (the provider's dmarc=fail under
// p=reject counts once its authserv-id is trusted: unauthenticated → forged); the trust offer is
// made once per session and never for an account that trusts an authserv-id; removing an account
// joins its sync and deletes its rows. The account's server is a closed loopback port: its sync
// only retries in the background. Keychain calls need the private keyring (with-keyring.sh).
#include "AccountManager.h"
#include "AccountSync.h"
#include "MessageStore.h"
#include "StoreTestSupport.h"
#include "ZoneResolver.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace sealcheck;

namespace {

const QString kProvider = QStringLiteral("mx.example.net");

QByteArray providerFailed()
{
    return "Authentication-Results: mx.example.net; dmarc=fail policy.dmarc=reject header.from=shop.example.org\r\n"
           "Received: from mail.shop.example.org (mail.shop.example.org [192.0.2.10]) by mx.example.net"
           " with ESMTPS id 1; 23 Nov 2026 10:00:01 +0000\r\n"
           "From: Shop <orders@shop.example.org>\r\nTo: alice@example.org\r\nSubject: Your order\r\n"
           "Message-ID: <1.order@shop.example.org>\r\nDate: 23 Nov 2026 10:00:00 +0000\r\n\r\nYour order.\r\n";
}

VerificationSettings offline()
{
    VerificationSettings s;
    s.resolver = std::make_shared<verifier::ZoneResolver>(); // every name NXDOMAIN
    s.fixedNow = QDateTime::fromString(QStringLiteral("2026-11-24T12:00:00Z"), Qt::ISODate).toSecsSinceEpoch();
    s.signatures.useSystemCa = false;
    s.signatures.enableOpenPgp = false;
    return s;
}

} // namespace

class tst_AccountManager : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_stores = 0;

    /// A store with one account (closed port 1 on loopback) and one stored message with its raw copy.
    QString newStore(qint64 *account, qint64 *message)
    {
        const QString path = m_dir.filePath(QStringLiteral("store%1.sqlite").arg(++m_stores));
        qint64 inbox = 0;
        if (!storetest::storeWithAccount(path, QStringLiteral("127.0.0.1"), 1, account, &inbox))
            return {};
        MessageStore store;
        if (!store.open(path).ok())
            return {};
        MessageRow row;
        row.mailboxId = inbox;
        row.uid = 1;
        row.subject = QStringLiteral("Your order");
        *message = *store.saveMessage(row);
        store.saveRaw(*message, providerFailed());
        return path;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void trustChangeVerifiesStoredMailAgain()
    {
        qint64 account = 0, message = 0;
        const QString path = newStore(&account, &message);
        AccountManager m([] { return offline(); });
        m.setSyncIntervals(300, 1000);
        QVERIFY(m.openStore(path));
        QSignalSpy reverified(&m, &AccountManager::reverified);
        QSignalSpy updated(&m, &AccountManager::messagesUpdated);
        m.reverifyStored({account});
        QVERIFY(reverified.wait(20000));
        QCOMPARE(reverified.front().front().toLongLong(), account);
        QVERIFY(!updated.isEmpty());
        QCOMPARE(m.store()->report(message)->verdict, verifier::Verdict::Unauthenticated);

        // Offered once in a session, with the provider's authserv-id.
        const qint64 inbox = *m.store()->mailbox(account, QStringLiteral("INBOX"));
        QCOMPARE(m.takeTrustOffer(account, inbox), kProvider);
        QCOMPARE(m.takeTrustOffer(account, inbox), QString());

        reverified.clear();
        QSignalSpy said(&m, &AccountManager::statusMessage);
        QVERIFY(m.trustAuthservId(account, kProvider));
        QVERIFY(reverified.wait(20000));
        QCOMPARE(m.store()->report(message)->verdict, verifier::Verdict::Forged);
        QCOMPARE(m.store()->account(account)->trustedAuthservIds, QStringList{kProvider});
        QVERIFY(m.inboxSync(account)); // restarted with the new trust
        bool told = false;
        for (const auto &args : said)
            told |= args.front().toString() == QStringLiteral("%1 is now trusted for this account.").arg(kProvider);
        QVERIFY(told);
    }

    void noOfferOnceTrusted()
    {
        qint64 account = 0, message = 0;
        const QString path = newStore(&account, &message);
        AccountManager m([] { return offline(); });
        QVERIFY(m.openStore(path));
        auto a = *m.store()->account(account);
        a.trustedAuthservIds = {kProvider};
        QVERIFY(m.store()->saveAccount(a).ok());
        QSignalSpy reverified(&m, &AccountManager::reverified);
        m.reverifyStored({account});
        QVERIFY(reverified.wait(20000));
        QCOMPARE(m.takeTrustOffer(account, *m.store()->mailbox(account, QStringLiteral("INBOX"))), QString());
    }

    void removeStopsTheSyncAndDeletesTheRows()
    {
        qint64 account = 0, message = 0;
        const QString path = newStore(&account, &message);
        AccountManager m([] { return offline(); });
        m.setSyncIntervals(300, 1000);
        QVERIFY(m.openStore(path));
        m.startSync(account);
        QVERIFY(m.inboxSync(account));
        QSignalSpy removed(&m, &AccountManager::accountRemoved);
        QSignalSpy changed(&m, &AccountManager::accountsChanged);
        QString error;
        QVERIFY2(m.removeAccount(account, &error), qPrintable(error));
        QCOMPARE(removed.size(), 1);
        QVERIFY(!changed.isEmpty());
        QVERIFY(!m.inboxSync(account));
        QVERIFY(!m.store()->account(account));
        QVERIFY(!m.store()->message(message));
        QVERIFY(!m.removeAccount(account)); // gone already
    }
};

QTEST_MAIN(tst_AccountManager)
#include "tst_accountmanager.moc"
