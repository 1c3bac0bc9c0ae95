#pragma once
// A real Dovecot serving IMAPS on 127.0.0.1 for integration tests (recipe in PITFALLS.md): its own
// config in a temporary folder, a free port, certificates made with openssl at test time, the
// passwd-file user "alice". Shared by tst_imapdovecot, tst_accountsync, tst_folders, tst_scancli
// and the IMAP benchmark (tests/bench/imap/bench_imap.cpp).
// With oauth2IntrospectionUrl set before setUp() (tst_oauthsignin), Dovecot also offers XOAUTH2
// and OAUTHBEARER and checks bearer tokens with its oauth2 passdb, which POSTs each token to that
// RFC 7662 introspection URL (Dovecot 2.3 "introspection_mode = post").
// With specialUseFolders set before setUp() (tst_folders), the inbox namespace also holds five
// mailboxes with RFC 6154 special-use attributes (kSpecialUseFolders), created and subscribed at
// login; the other tests keep the plain configuration (INBOX only), so their counts do not change.

#include "ImapConnectionSettings.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QPair>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <functional>

#include <signal.h>
#include <sys/types.h>
#include <unistd.h>

namespace dovecottest {

inline const QString kUser = QStringLiteral("alice");
inline const QString kPassword = QStringLiteral("correct horse");

/// With Dovecot::specialUseFolders: mailbox name and its special-use attribute (RFC 6154 §2),
/// named so that no order by name gives the special-use order (\Sent, \Junk, \Drafts, \Archive,
/// \Trash).
inline const QList<QPair<QString, QString>> kSpecialUseFolders = {
    {QStringLiteral("Zzz Sent"), QStringLiteral("\\Sent")},     {QStringLiteral("Spam"), QStringLiteral("\\Junk")},
    {QStringLiteral("Brouillons"), QStringLiteral("\\Drafts")}, {QStringLiteral("Archive 2024"), QStringLiteral("\\Archive")},
    {QStringLiteral("Papierkorb"), QStringLiteral("\\Trash")}};

/// Runs @p program to its end (at most @p timeoutMs); true when it exited with 0.
inline bool run(const QString &program, const QStringList &args, const QByteArray &input = {}, QByteArray *out = nullptr,
                int timeoutMs = 30000)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(5000))
        return false;
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(timeoutMs);
    if (out)
        *out = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("%s %s failed: %s", qPrintable(program), qPrintable(args.join(QLatin1Char(' '))),
                 p.readAllStandardError().constData());
        return false;
    }
    return true;
}

inline QByteArray message(int n, const QByteArray &subject = "Test")
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
    /// Optional: enables the oauth2 passdb (see above). Empty = password logins only.
    QString oauth2IntrospectionUrl;
    /// Optional: the inbox namespace gets kSpecialUseFolders (see above). Off = INBOX only.
    bool specialUseFolders = false;

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
        if (!oauth2IntrospectionUrl.isEmpty())
            enableOAuth2();
        if (specialUseFolders)
            enableSpecialUse();
        run(QStringLiteral("chown"), {QStringLiteral("-R"), QStringLiteral("nobody:nogroup"), path(QStringLiteral("home"))});
        return start() ? QString() : QStringLiteral("dovecot did not start; see %1").arg(path(QStringLiteral("dovecot.log")));
    }

    /// Rewrites dovecot.conf for the oauth2 passdb (before the passwd-file one, for the bearer
    /// mechanisms only) and writes its .conf.ext.
    void enableOAuth2()
    {
        QFile ext(path(QStringLiteral("dovecot-oauth2.conf.ext")));
        ext.open(QIODevice::WriteOnly);
        ext.write(QStringLiteral("introspection_mode = post\nintrospection_url = %1\nusername_attribute = username\n"
                                 "active_attribute = active\nactive_value = true\nforce_introspection = yes\n")
                      .arg(oauth2IntrospectionUrl)
                      .toUtf8());
        ext.close();
        QFile c(conf);
        c.open(QIODevice::ReadOnly);
        QString text = QString::fromUtf8(c.readAll());
        c.close();
        text.replace(QStringLiteral("auth_mechanisms = plain login\n"), QStringLiteral("auth_mechanisms = plain login xoauth2 oauthbearer\n"));
        text.replace(QStringLiteral("passdb {\n  driver = passwd-file"),
                     QStringLiteral("passdb {\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n  args = %1\n}\n"
                                    "passdb {\n  driver = passwd-file")
                         .arg(path(QStringLiteral("dovecot-oauth2.conf.ext"))));
        c.open(QIODevice::WriteOnly | QIODevice::Truncate);
        c.write(text.toUtf8());
        c.close();
    }

    /// Appends the inbox namespace with kSpecialUseFolders to dovecot.conf ("auto = subscribe":
    /// Dovecot creates and subscribes them when the user logs in). The separator stays the
    /// storage's default, as without a namespace section.
    void enableSpecialUse()
    {
        QString text = QStringLiteral("namespace inbox {\n  inbox = yes\n");
        for (const auto &[name, use] : kSpecialUseFolders)
            text += QStringLiteral("  mailbox \"%1\" {\n    special_use = %2\n    auto = subscribe\n  }\n").arg(name, use);
        text += QStringLiteral("}\n");
        QFile c(conf);
        c.open(QIODevice::WriteOnly | QIODevice::Append);
        c.write(text.toUtf8());
        c.close();
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

    bool doveadm(const QStringList &args, QByteArray *out = nullptr)
    {
        return run(QStringLiteral("doveadm"), QStringList{QStringLiteral("-c"), conf} + args, {}, out);
    }

    /// Writes messages straight into Maildir/new (fast bulk fill); Dovecot assigns UIDs on access.
    /// Message i (1..count) is @p make(i), or message(i) when @p make is empty; @p bytes, when
    /// given, receives the number of bytes written.
    bool fillMaildir(int count, const std::function<QByteArray(int)> &make = {}, qint64 *bytes = nullptr)
    {
        if (bytes)
            *bytes = 0;
        const QString newDir = path(QStringLiteral("home/alice/Maildir/new"));
        QDir().mkpath(newDir);
        QDir().mkpath(path(QStringLiteral("home/alice/Maildir/cur")));
        QDir().mkpath(path(QStringLiteral("home/alice/Maildir/tmp")));
        for (int i = 1; i <= count; ++i) {
            QFile f(newDir + QStringLiteral("/1700000000.M%1P1.sealcheck").arg(i, 6, 10, QLatin1Char('0')));
            if (!f.open(QIODevice::WriteOnly))
                return false;
            const qint64 written = f.write(make ? make(i) : message(i));
            if (bytes)
                *bytes += written;
        }
        return run(QStringLiteral("chown"), {QStringLiteral("-R"), QStringLiteral("nobody:nogroup"), path(QStringLiteral("home"))});
    }

    imap::ImapConnectionSettings settings(bool trustCa = true) const
    {
        imap::ImapConnectionSettings s;
        s.host = QStringLiteral("127.0.0.1");
        s.port = port;
        s.tlsMode = imap::TlsMode::Implicit;
        if (trustCa)
            s.extraCaCertificates = {caCert};
        s.responseTimeoutMs = 20000;
        return s;
    }
};

} // namespace dovecottest
