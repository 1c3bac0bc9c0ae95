// Integration: the IMAP client against a real Dovecot on 127.0.0.1 (a free port, its own
// config, certificates made with openssl at test time). Skips when dovecot is absent.
#include "ImapCertificatePin.h"
#include "ImapSyncClient.h"
#include "DovecotServer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMultiHash>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <signal.h>
#include <sys/types.h>
#include <unistd.h>

using namespace imap;

using namespace dovecottest;

class tst_ImapDovecot : public QObject
{
    Q_OBJECT
    Dovecot m_dovecot;
    QString m_skip;
    SyncState m_state; // after the full sync
    static constexpr int kMessages = 1000;

    void requireDovecot()
    {
        if (!m_skip.isEmpty())
            QSKIP(qPrintable(m_skip));
    }

private slots:
    void initTestCase()
    {
        QElapsedTimer t;
        t.start();
        m_skip = m_dovecot.setUp();
        if (m_skip.isEmpty())
            QVERIFY(m_dovecot.fillMaildir(kMessages));
        qInfo("dovecot setup (certificates, config, start, %d messages): %lld ms", kMessages, t.elapsed());
    }
    void cleanupTestCase()
    {
        QElapsedTimer t;
        t.start();
        m_dovecot.stop();
        qInfo("dovecot stop: %lld ms", t.elapsed());
    }

    void loginOk()
    {
        requireDovecot();
        ImapSyncClient c(m_dovecot.settings());
        const auto r = c.connectAndLogin(kUser, kPassword);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(c.capabilities().contains("IMAP4rev1"));
        const auto boxes = c.listMailboxes();
        QVERIFY(boxes.ok());
        bool inbox = false;
        for (const ListEntry &e : *boxes)
            inbox = inbox || e.name == "INBOX";
        QVERIFY(inbox);
        QVERIFY(!c.protocolLog().contains(kPassword.toUtf8()));
        c.logout();
        QVERIFY(!c.isConnected());
    }

    void wrongPassword()
    {
        requireDovecot();
        ImapSyncClient c(m_dovecot.settings());
        const auto r = c.connectAndLogin(kUser, QStringLiteral("wrong"));
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error().kind), int(ImapErrorKind::AuthenticationFailed));
        QVERIFY2(r.error().message.startsWith(QLatin1String("login failed: wrong user name or password")),
                 qPrintable(r.error().message));
    }

    void untrustedCertificateRefused()
    {
        requireDovecot();
        ImapSyncClient c(m_dovecot.settings(false));
        const auto r = c.connectAndLogin(kUser, kPassword);
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error().kind), int(ImapErrorKind::UntrustedCertificate));
        QCOMPARE(QString::fromLatin1(r.error().certificatePin), m_dovecot.pin); // same as openssl's
        QCOMPARE(r.error().certificateSubject, QStringLiteral("localhost"));
    }

    void pinnedCertificateAccepted()
    {
        requireDovecot();
        auto s = m_dovecot.settings(false);
        s.pinnedPublicKeySha256 = *ImapCertificatePin::parse(m_dovecot.pin);
        ImapSyncClient c(s);
        const auto r = c.connectAndLogin(kUser, kPassword);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    }

    void caAddedAccepted()
    {
        requireDovecot();
        ImapSyncClient c(m_dovecot.settings(true));
        QVERIFY(c.connectAndLogin(kUser, kPassword).ok());
    }

    void fullSync()
    {
        requireDovecot();
        QElapsedTimer t;
        t.start();
        ImapSyncClient c(m_dovecot.settings());
        QVERIFY(c.connectAndLogin(kUser, kPassword).ok());
        const auto box = c.examine(QStringLiteral("INBOX"));
        QVERIFY2(box.ok(), qPrintable(box.ok() ? QString() : box.error().message));
        QCOMPARE(box->exists, quint32(kMessages));
        QVERIFY(box->readOnly);
        QVERIFY(box->uidValidity != 0);
        const auto delta = c.incrementalSync(SyncState{});
        QVERIFY(delta.ok());
        QCOMPARE(delta->newUids.size(), kMessages);
        QList<quint32> uids;
        int withBody = 0;
        const auto sum = c.fetchMessages(delta->newUids, FetchParts::FullMessage, [&](const FetchData &m) {
            uids << *m.uid;
            const QByteArray body = m.message().value_or(QByteArray());
            if (body.contains("Body of message ") && m.rfc822Size == quint64(body.size()))
                ++withBody;
        });
        QVERIFY2(sum.ok(), qPrintable(sum.ok() ? QString() : sum.error().message));
        QCOMPARE(uids.size(), kMessages);
        QCOMPARE(withBody, kMessages);
        QVERIFY(std::is_sorted(uids.begin(), uids.end()));
        QCOMPARE(QSet<quint32>(uids.begin(), uids.end()).size(), kMessages);
        m_state = SyncState{box->uidValidity, uids.last(), box->highestModSeq};
        qInfo("full sync of %d messages: %lld ms", kMessages, t.elapsed());
    }

    void examineNeverSetsSeen()
    {
        requireDovecot();
        ImapSyncClient c(m_dovecot.settings());
        QVERIFY(c.connectAndLogin(kUser, kPassword).ok());
        QVERIFY(c.examine(QStringLiteral("INBOX")).ok());
        const auto uids = c.listUids();
        QVERIFY(uids.ok());
        int seen = 0, checked = 0;
        QVERIFY(c.fetchMessages(*uids, FetchParts::Flags, [&](const FetchData &m) {
            ++checked;
            if (m.flags && m.flags->contains("\\Seen"))
                ++seen;
        }).ok());
        QCOMPARE(checked, kMessages);
        QCOMPARE(seen, 0);
        // And on disk: no maildir file carries the S flag.
        const QStringList cur = QDir(m_dovecot.path(QStringLiteral("home/alice/Maildir/cur"))).entryList(QDir::Files)
            + QDir(m_dovecot.path(QStringLiteral("home/alice/Maildir/new"))).entryList(QDir::Files);
        QCOMPARE(cur.size(), kMessages);
        for (const QString &f : cur)
            QVERIFY2(!f.section(QLatin1String(":2,"), 1).contains(QLatin1Char('S')), qPrintable(f));
    }

    void incrementalSyncFetchesOnlyNew()
    {
        requireDovecot();
        if (m_state.uidValidity == 0)
            QSKIP("needs fullSync");
        QVERIFY(m_dovecot.deliver(message(5001, "Incremental")));
        QElapsedTimer t;
        t.start();
        ImapSyncClient c(m_dovecot.settings());
        QVERIFY(c.connectAndLogin(kUser, kPassword).ok());
        QVERIFY(c.examine(QStringLiteral("INBOX")).ok());
        const auto delta = c.incrementalSync(m_state);
        QVERIFY(delta.ok());
        QVERIFY(!delta->uidValidityChanged);
        QCOMPARE(delta->newUids.size(), 1);
        QByteArray body;
        QVERIFY(c.fetchMessages(delta->newUids, FetchParts::FullMessage, [&](const FetchData &m) { body = *m.message(); }).ok());
        QVERIFY(body.contains("Subject: Incremental 5001"));
        m_state.highestUid = delta->newUids.last();
        // nothing new: UIDNEXT short-cut, no search needed
        const auto none = c.incrementalSync(m_state);
        QVERIFY(none.ok());
        QVERIFY(none->newUids.isEmpty());
        qInfo("incremental sync of 1 new message: %lld ms", t.elapsed());
    }

    void idleNoticesDelivery()
    {
        requireDovecot();
        ImapSyncClient c(m_dovecot.settings());
        QVERIFY(c.connectAndLogin(kUser, kPassword).ok());
        QVERIFY(c.capabilities().contains("IDLE"));
        const auto box = c.examine(QStringLiteral("INBOX"));
        QVERIFY(box.ok());
        bool delivered = false;
        QTimer::singleShot(300, [&] { delivered = m_dovecot.deliver(message(6001, "Idle")); });
        QElapsedTimer t;
        t.start();
        const auto r = c.waitForNewMail(15000);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(delivered);
        QVERIFY(r->newMail);
        QCOMPARE(int(r->method), int(NewMailMethod::Idle));
        QCOMPARE(r->exists, box->exists + 1);
        qInfo("IDLE noticed the delivery after %lld ms (delivery at 300 ms)", t.elapsed());
        QVERIFY(t.elapsed() < 10000);
        // the connection is usable after IDLE
        QVERIFY(c.listUids(box->uidNext).ok());
    }

    void condstoreChangedSince()
    {
        requireDovecot();
        ImapSyncClient c(m_dovecot.settings());
        QVERIFY(c.connectAndLogin(kUser, kPassword).ok());
        if (!c.capabilities().contains("CONDSTORE"))
            QSKIP("this dovecot does not offer CONDSTORE");
        const auto box = c.examine(QStringLiteral("INBOX"));
        QVERIFY(box.ok());
        QVERIFY(box->highestModSeq > 0);
        const auto none = c.flagChangesSince(box->highestModSeq);
        QVERIFY(none.ok());
        QVERIFY(none->isEmpty());
        c.setKeywordWritesEnabled(true); // the opt-in write
        QVERIFY(c.markAsPhishing(7).ok());
        QVERIFY(c.currentMailbox().readOnly);
        const auto changed = c.flagChangesSince(box->highestModSeq);
        QVERIFY2(changed.ok(), qPrintable(changed.ok() ? QString() : changed.error().message));
        QCOMPARE(changed->size(), 1);
        QCOMPARE(changed->first().uid, std::optional<quint32>(7));
        QVERIFY(changed->first().flags->contains("$Phishing"));
        QVERIFY(!changed->first().flags->contains("\\Seen"));
        QVERIFY(changed->first().modSeq.value_or(0) > box->highestModSeq);
    }

    void uidValidityChangeDetected()
    {
        requireDovecot();
        const QString box = QStringLiteral("Recreated");
        QVERIFY(m_dovecot.doveadm({QStringLiteral("mailbox"), QStringLiteral("create"), QStringLiteral("-u"), kUser, box}));
        QVERIFY(m_dovecot.deliver(message(7001), box));
        SyncState known;
        {
            ImapSyncClient c(m_dovecot.settings());
            QVERIFY(c.connectAndLogin(kUser, kPassword).ok());
            const auto st = c.examine(box);
            QVERIFY(st.ok());
            known = SyncState{st->uidValidity, 1, 0};
            c.logout();
        }
        QVERIFY(m_dovecot.doveadm({QStringLiteral("mailbox"), QStringLiteral("delete"), QStringLiteral("-u"), kUser, box}));
        QVERIFY(m_dovecot.doveadm({QStringLiteral("mailbox"), QStringLiteral("create"), QStringLiteral("-u"), kUser, box}));
        QVERIFY(m_dovecot.deliver(message(7002), box));
        ImapSyncClient c(m_dovecot.settings());
        QVERIFY(c.connectAndLogin(kUser, kPassword).ok());
        const auto st = c.examine(box);
        QVERIFY(st.ok());
        QVERIFY(st->uidValidity != known.uidValidity);
        const auto delta = c.incrementalSync(known);
        QVERIFY(delta.ok());
        QVERIFY(delta->uidValidityChanged);
        QCOMPARE(delta->newUids, QList<quint32>{1});
    }

    /// The server dies in the middle of a fetch: a clean error, the messages already delivered
    /// stay delivered, and a resumed sync fetches exactly the rest.
    void serverKilledMidFetchThenResume()
    {
        requireDovecot();
        QList<quint32> all;
        QList<quint32> first;
        quint32 uidValidity = 0;
        {
            ImapSyncClient c(m_dovecot.settings());
            QVERIFY(c.connectAndLogin(kUser, kPassword).ok());
            const auto box = c.examine(QStringLiteral("INBOX"));
            QVERIFY(box.ok());
            uidValidity = box->uidValidity;
            const auto uids = c.listUids();
            QVERIFY(uids.ok());
            all = *uids;
            QElapsedTimer t;
            const auto r = c.fetchMessages(all, FetchParts::FullMessage, [&](const FetchData &m) {
                first << *m.uid;
                if (first.size() == 300) {
                    t.start();
                    m_dovecot.stop(SIGKILL); // the server dies: master, login proxies, imap processes
                }
            });
            QVERIFY(!r.ok());
            QVERIFY2(r.error().kind == ImapErrorKind::ConnectionLost || r.error().kind == ImapErrorKind::ServerBye,
                     qPrintable(r.error().message));
            QVERIFY2(r.error().message.startsWith(QStringLiteral("the connection to 127.0.0.1:%1 was lost").arg(m_dovecot.port)),
                     qPrintable(r.error().message));
            qInfo("error after kill: \"%s\" (%d messages delivered before)", qPrintable(r.error().message), int(first.size()));
            QVERIFY(first.size() >= 300 && first.size() < all.size());
            QVERIFY(!c.isConnected());
        }
        QVERIFY(m_dovecot.start());
        ImapSyncClient c(m_dovecot.settings());
        QVERIFY(c.connectAndLogin(kUser, kPassword).ok());
        QVERIFY(c.examine(QStringLiteral("INBOX")).ok());
        const auto delta = c.incrementalSync(SyncState{uidValidity, first.last(), 0});
        QVERIFY(delta.ok());
        QVERIFY(!delta->uidValidityChanged);
        QList<quint32> rest;
        QVERIFY(c.fetchMessages(delta->newUids, FetchParts::FullMessage, [&](const FetchData &m) { rest << *m.uid; }).ok());
        QList<quint32> together = first + rest;
        QCOMPARE(together, all); // nothing lost, nothing twice, in order
    }
};

QTEST_GUILESS_MAIN(tst_ImapDovecot)
#include "tst_imapdovecot.moc"
