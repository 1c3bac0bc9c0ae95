// Integration: the IMAP client against a real Dovecot on 127.0.0.1 (a free port, its own
// config, certificates made with openssl at test time). Skips when dovecot is absent.
#include "ImapCertificatePin.h"
#include "ImapSyncClient.h"

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

namespace {

const QString kUser = QStringLiteral("alice");
const QString kPassword = QStringLiteral("correct horse");

bool run(const QString &program, const QStringList &args, const QByteArray &input = {}, QByteArray *out = nullptr)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(5000))
        return false;
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    if (out)
        *out = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("%s %s failed: %s", qPrintable(program), qPrintable(args.join(QLatin1Char(' '))),
                 p.readAllStandardError().constData());
        return false;
    }
    return true;
}

QByteArray message(int n, const QByteArray &subject = "Test")
{
    return "From: Sender " + QByteArray::number(n) + " <sender" + QByteArray::number(n)
        + "@example.com>\r\nTo: alice@example.org\r\nSubject: " + subject + ' ' + QByteArray::number(n)
        + "\r\nMessage-ID: <" + QByteArray::number(n) + ".msg@example.com>\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\n\r\n"
          "Body of message " + QByteArray::number(n) + ".\r\n";
}

/// One Dovecot instance: PITFALLS.md recipe.
class Dovecot
{
public:
    QTemporaryDir dir{QStringLiteral("/tmp/scdovXXXXXX")};
    quint16 port = 0;
    QString conf, pin;
    QSslCertificate caCert;
    qint64 pid = 0;

    QString path(const QString &rel) const { return dir.path() + QLatin1Char('/') + rel; }

    QString setUp()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("dovecot"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")}).isEmpty())
            return QStringLiteral("dovecot is not installed (apt install dovecot-imapd)");
        if (getuid() != 0)
            return QStringLiteral("these tests run dovecot as root (mail user nobody); run them as root");
        const QString d = dir.path();
        // dovecot's auth (user dovecot) reads the passwd file; the mail user (nobody) needs the home.
        QFile::setPermissions(d, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                     | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
        // A CA and a server certificate for localhost / 127.0.0.1.
        if (!run(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                            QStringLiteral("-nodes"), QStringLiteral("-keyout"), path(QStringLiteral("ca.key")),
                                            QStringLiteral("-out"), path(QStringLiteral("ca.pem")), QStringLiteral("-days"), QStringLiteral("2"),
                                            QStringLiteral("-subj"), QStringLiteral("/CN=Dovecot Test CA"),
                                            QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                                            QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign")})
            || !run(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                                               QStringLiteral("-keyout"), path(QStringLiteral("server.key")), QStringLiteral("-out"),
                                               path(QStringLiteral("server.csr")), QStringLiteral("-subj"), QStringLiteral("/CN=localhost")}))
            return QStringLiteral("openssl failed");
        QFile ext(path(QStringLiteral("ext.cnf")));
        ext.open(QIODevice::WriteOnly);
        ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        ext.close();
        if (!run(QStringLiteral("openssl"), {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), path(QStringLiteral("server.csr")),
                                            QStringLiteral("-CA"), path(QStringLiteral("ca.pem")), QStringLiteral("-CAkey"), path(QStringLiteral("ca.key")),
                                            QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), path(QStringLiteral("server.pem")),
                                            QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), path(QStringLiteral("ext.cnf"))}))
            return QStringLiteral("openssl failed");
        QByteArray pinOut;
        if (!run(QStringLiteral("sh"), {QStringLiteral("-c"),
                                       QStringLiteral("openssl x509 -in '%1' -pubkey -noout | openssl pkey -pubin -outform der | "
                                                      "openssl dgst -sha256 -binary | base64").arg(path(QStringLiteral("server.pem")))},
                 {}, &pinOut))
            return QStringLiteral("openssl pin computation failed");
        pin = QString::fromLatin1(pinOut.trimmed());
        QFile caFile(path(QStringLiteral("ca.pem")));
        caFile.open(QIODevice::ReadOnly);
        caCert = QSslCertificate(&caFile, QSsl::Pem);

        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        port = probe.serverPort();
        probe.close();

        QDir().mkpath(path(QStringLiteral("home/alice")));
        QFile pw(path(QStringLiteral("passwd")));
        pw.open(QIODevice::WriteOnly);
        pw.write(QStringLiteral("alice:{PLAIN}%1:65534:65534::%2::\n").arg(kPassword, path(QStringLiteral("home/alice"))).toUtf8());
        pw.close();
        conf = path(QStringLiteral("dovecot.conf"));
        QFile c(conf);
        c.open(QIODevice::WriteOnly);
        c.write(QStringLiteral(R"(protocols = imap
listen = 127.0.0.1
base_dir = %1/run
state_dir = %1/state
log_path = %1/dovecot.log
info_log_path = %1/dovecot.log
ssl = required
ssl_cert = <%1/server.pem
ssl_key = <%1/server.key
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = plain login
auth_failure_delay = 0
mail_location = maildir:~/Maildir
first_valid_uid = 1
passdb {
  driver = passwd-file
  args = scheme=PLAIN %1/passwd
}
userdb {
  driver = passwd-file
  args = %1/passwd
}
service imap-login {
  chroot =
  inet_listener imap {
    port = 0
  }
  inet_listener imaps {
    port = %2
    ssl = yes
  }
}
service auth {
  chroot =
}
service anvil {
  chroot =
  unix_listener anvil-auth-penalty {
    path = %1/run/no-auth-penalty
    mode = 0
  }
}
protocol imap {
  mail_max_userip_connections = 200
}
)").arg(d).arg(port).toUtf8());
        c.close();
        run(QStringLiteral("chown"), {QStringLiteral("-R"), QStringLiteral("nobody:nogroup"), path(QStringLiteral("home"))});
        return start() ? QString() : QStringLiteral("dovecot did not start; see %1").arg(path(QStringLiteral("dovecot.log")));
    }

    bool start()
    {
        QDir(path(QStringLiteral("run"))).removeRecursively();
        if (!run(QStringLiteral("dovecot"), {QStringLiteral("-c"), conf}))
            return false;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 10000) {
            QFile pidFile(path(QStringLiteral("run/master.pid")));
            if (pidFile.open(QIODevice::ReadOnly))
                pid = pidFile.readAll().trimmed().toLongLong();
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, port);
            if (pid > 0 && s.waitForConnected(200))
                return true;
            QThread::msleep(50);
        }
        return false;
    }

    /// The processes this dovecot master started (by parent pid, from /proc).
    static QList<pid_t> descendants(pid_t root)
    {
        QMultiHash<pid_t, pid_t> children;
        for (const QString &e : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            bool ok = false;
            const pid_t p = pid_t(e.toInt(&ok));
            if (!ok)
                continue;
            QFile stat(QStringLiteral("/proc/%1/stat").arg(p));
            if (!stat.open(QIODevice::ReadOnly))
                continue;
            const QByteArray line = stat.readAll();
            const QList<QByteArray> f = line.mid(line.lastIndexOf(')') + 2).split(' ');
            if (f.size() > 1)
                children.insert(pid_t(f[1].toInt()), p);
        }
        QList<pid_t> out, todo{root};
        while (!todo.isEmpty()) {
            const auto kids = children.values(todo.takeFirst());
            out += kids;
            todo += kids;
        }
        return out;
    }

    /// kill -TERM the master and wait for it; leftovers (login proxies, imap) are ended too.
    void stop(int signal = SIGTERM)
    {
        if (pid <= 0)
            return;
        const QList<pid_t> kids = descendants(pid_t(pid));
        ::kill(pid_t(pid), signal);
        if (signal == SIGKILL)
            for (pid_t k : kids)
                ::kill(k, SIGKILL);
        QElapsedTimer t;
        t.start();
        while (::kill(pid_t(pid), 0) == 0 && t.elapsed() < 15000)
            QThread::msleep(20);
        for (pid_t k : kids)
            ::kill(k, SIGKILL);
        pid = 0;
    }

    bool deliver(const QByteArray &msg, const QString &mailbox = QStringLiteral("INBOX"))
    {
        return run(QStringLiteral("doveadm"), {QStringLiteral("-c"), conf, QStringLiteral("save"), QStringLiteral("-u"), kUser,
                                               QStringLiteral("-m"), mailbox},
                   msg);
    }

    bool doveadm(const QStringList &args)
    {
        return run(QStringLiteral("doveadm"), QStringList{QStringLiteral("-c"), conf} + args);
    }

    /// Writes messages straight into Maildir/new (fast bulk fill); Dovecot assigns UIDs on access.
    bool fillMaildir(int count)
    {
        const QString newDir = path(QStringLiteral("home/alice/Maildir/new"));
        QDir().mkpath(newDir);
        QDir().mkpath(path(QStringLiteral("home/alice/Maildir/cur")));
        QDir().mkpath(path(QStringLiteral("home/alice/Maildir/tmp")));
        for (int i = 1; i <= count; ++i) {
            QFile f(newDir + QStringLiteral("/1700000000.M%1P1.sealcheck").arg(i, 6, 10, QLatin1Char('0')));
            if (!f.open(QIODevice::WriteOnly))
                return false;
            f.write(message(i));
        }
        return run(QStringLiteral("chown"), {QStringLiteral("-R"), QStringLiteral("nobody:nogroup"), path(QStringLiteral("home"))});
    }

    ImapConnectionSettings settings(bool trustCa = true) const
    {
        ImapConnectionSettings s;
        s.host = QStringLiteral("127.0.0.1");
        s.port = port;
        s.tlsMode = TlsMode::Implicit;
        if (trustCa)
            s.extraCaCertificates = {caCert};
        s.responseTimeoutMs = 20000;
        return s;
    }
};

} // namespace

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
