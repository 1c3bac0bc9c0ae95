// Integration: `sealcheck-cli scan` against a real Dovecot on 127.0.0.1 (a free port, its own
// config, certificates made with openssl at test time) holding the demo mailbox
// (resources/demo/messages). Runs the built program and reads its JSON Lines, as a script would.
// Skips when dovecot is absent or the test does not run as root.
// The Dovecot fixture is tests/common/DovecotServer.h.
#include "DovecotServer.h"
#include "TestPaths.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QThread>

#include <signal.h>

namespace {

using dovecottest::Dovecot;
using dovecottest::kPassword;
using dovecottest::kUser;
using dovecottest::run;

const QString kCli = QStringLiteral(SEALCHECK_BINARY_DIR "/bin/sealcheck-cli");
const QString kDemo = QStringLiteral(SEALCHECK_SOURCE_DIR "/resources/demo");

QString s(const char *text) { return QString::fromUtf8(text); }

struct CliResult
{
    int exitCode = -1;
    QList<QByteArray> lines; ///< standard output, one entry per line
    QString err;
};

QProcessEnvironment cliEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(s("DBUS_SESSION_BUS_ADDRESS")); // no keychain: the password comes from the test
    return env;
}

CliResult runCli(const QStringList &args, int timeoutMs = 120000)
{
    QProcess p;
    p.setProcessEnvironment(cliEnvironment());
    p.start(kCli, args);
    CliResult r;
    if (!p.waitForStarted(5000)) {
        r.err = s("could not start ") + kCli;
        return r;
    }
    p.closeWriteChannel(); // standard input is a pipe, never a terminal
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = s("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    const QByteArray out = p.readAllStandardOutput();
    for (const QByteArray &l : out.split('\n'))
        if (!l.isEmpty())
            r.lines << l;
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString describe(const CliResult &r)
{
    return s("exit %1, %2 lines; stderr: %3").arg(r.exitCode).arg(r.lines.size()).arg(r.err);
}

/// The UID at the end of a report's source (".../;UID=7").
quint32 uidOf(const QJsonObject &report)
{
    const QString source = report.value(s("source")).toString();
    const qsizetype at = source.lastIndexOf(s(";UID="));
    return at < 0 ? 0 : source.mid(at + 5).toUInt();
}

} // namespace

class tst_ScanCli : public QObject
{
    Q_OBJECT
    Dovecot m_dovecot;
    QString m_skip;
    QStringList m_demoFiles; // sorted: UID n is m_demoFiles[n-1]
    QString m_gnupgHome;
    QMap<quint32, QJsonObject> m_reports; // from the full scan, by UID

    void requireDovecot()
    {
        if (!m_skip.isEmpty())
            QSKIP(qPrintable(m_skip));
    }

    QString url(const QString &mailbox = s("INBOX")) const
    {
        return s("imaps://%1@127.0.0.1:%2/%3").arg(kUser).arg(m_dovecot.port).arg(mailbox);
    }

    QString passwordFile(const QString &name, const QByteArray &content) const
    {
        const QString file = m_dovecot.path(name);
        QFile f(file);
        f.open(QIODevice::WriteOnly);
        f.write(content);
        return file;
    }

    /// The verifier options of the demo (resources/demo/README.md).
    QStringList demoOptions() const
    {
        QFile now(kDemo + s("/NOW"));
        now.open(QIODevice::ReadOnly);
        QStringList o{s("--format"), s("json"), s("--dns-zone"), kDemo + s("/demo.zone"), s("--now"),
                      QString::fromLatin1(now.readAll().trimmed()), s("--trusted-relay"),
                      s("mx.sealcheck-demo.example"), s("--trust-authserv-id"), s("mx.sealcheck-demo.example"),
                      s("--known-domain"), s("mybank.example")};
        if (!m_gnupgHome.isEmpty())
            o << s("--gnupg-home") << m_gnupgHome;
        return o;
    }

    QStringList goodLogin() const
    {
        return {s("--password-file"), m_dovecot.path(s("password")), s("--ca-file"), m_dovecot.path(s("ca.pem"))};
    }

    /// The demo's OpenPGP key in a private keyring with ultimate trust (as scripts/run-demo.sh).
    QString makeGnupgHome()
    {
        QByteArray dirOut;
        if (!run(s("mktemp"), {s("-d"), s("/tmp/gpgXXXXXX")}, {}, &dirOut))
            return {};
        const QString home = QString::fromLocal8Bit(dirOut.trimmed());
        QByteArray list;
        if (!run(s("gpg"), {s("--homedir"), home, s("--batch"), s("--import"), kDemo + s("/pgp/friend.asc")})
            || !run(s("gpg"), {s("--homedir"), home, s("--with-colons"), s("--list-keys")}, {}, &list))
            return {};
        QByteArray fpr;
        for (const QByteArray &l : list.split('\n'))
            if (l.startsWith("fpr:")) {
                fpr = l.split(':').value(9);
                break;
            }
        if (fpr.isEmpty() || !run(s("gpg"), {s("--homedir"), home, s("--batch"), s("--import-ownertrust")}, fpr + ":6:\n"))
            return {};
        return home;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(kCli), qPrintable(s("build sealcheck-cli first: ") + kCli));
        m_skip = m_dovecot.setUp();
        if (!m_skip.isEmpty())
            return;
        m_demoFiles = QDir(kDemo + s("/messages")).entryList({s("*.eml")}, QDir::Files, QDir::Name);
        QCOMPARE(m_demoFiles.size(), 11);
        for (const QString &f : m_demoFiles) {
            QFile file(kDemo + s("/messages/") + f);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(m_dovecot.deliver(file.readAll()));
        }
        passwordFile(s("password"), kPassword.toUtf8() + "\n");
        if (!QStandardPaths::findExecutable(s("gpg")).isEmpty())
            m_gnupgHome = makeGnupgHome();
    }

    void cleanupTestCase()
    {
        m_dovecot.stop();
        if (!m_gnupgHome.isEmpty()) {
            run(s("gpgconf"), {s("--homedir"), m_gnupgHome, s("--kill"), s("all")});
            QDir(m_gnupgHome).removeRecursively();
        }
    }

    /// The whole demo mailbox in one scan: one JSON line per message, in UID order.
    void fullScan()
    {
        requireDovecot();
        const CliResult r = runCli(QStringList{s("scan"), url()} + demoOptions() + goodLogin()
                                   + QStringList{s("--ca-file"), kDemo + s("/smime/ca.pem")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(r.lines.size(), 11);
        quint32 previous = 0;
        for (const QByteArray &line : r.lines) {
            QJsonParseError e;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &e);
            QVERIFY2(e.error == QJsonParseError::NoError && doc.isObject(), line.constData());
            const quint32 uid = uidOf(doc.object());
            QVERIFY2(uid > previous, line.left(200).constData());
            previous = uid;
            QVERIFY(doc.object().value(s("source")).toString().startsWith(url() + s(";UIDVALIDITY=")));
            m_reports.insert(uid, doc.object());
        }
    }

    void verdicts_data()
    {
        QTest::addColumn<int>("uid");
        QTest::addColumn<QString>("verdict");
        const QList<QPair<const char *, const char *>> rows{
            {"01-authenticated-bank", "authenticated"},   {"02-forged-bank-spoof", "forged"},
            {"03-forged-two-from", "forged"},             {"04-suspicious-display-name", "suspicious"},
            {"05-suspicious-lookalike", "suspicious"},    {"06-suspicious-dmarc-none", "suspicious"},
            {"07-authenticated-ed25519", "authenticated"}, {"08-unauthenticated-club", "unauthenticated"},
            {"09-forged-tampered", "forged"},             {"10-smime-signed", "authenticated"},
            {"11-openpgp-signed", "authenticated"},
        };
        for (int i = 0; i < rows.size(); ++i)
            QTest::newRow(rows[i].first) << (i + 1) << s(rows[i].second);
    }

    void verdicts()
    {
        requireDovecot();
        QFETCH(int, uid);
        QFETCH(QString, verdict);
        QCOMPARE(m_demoFiles.value(uid - 1), QString::fromLatin1(QTest::currentDataTag()) + s(".eml"));
        if (uid == 11 && m_gnupgHome.isEmpty())
            QSKIP("gpg is not installed: no keyring for the OpenPGP message");
        QVERIFY2(m_reports.contains(quint32(uid)), "fullScan printed no report for this UID");
        QCOMPARE(m_reports.value(quint32(uid)).value(s("verdict")).toString(), verdict);
    }

    /// The S/MIME signature is trusted only with the demo root (--ca-file resources/demo/smime/ca.pem,
    /// given in fullScan beside the server's CA). The verdict of message 10 stays authenticated
    /// without it, because its DMARC passes through aligned SPF; what the root changes is the
    /// signature's trust and the reason naming it.
    void smimeNeedsItsRoot()
    {
        requireDovecot();
        QVERIFY2(m_reports.contains(10), "needs fullScan");
        const QJsonObject withRoot = m_reports.value(10).value(s("smime")).toObject();
        QCOMPARE(withRoot.value(s("result")).toString(), s("pass"));
        QCOMPARE(withRoot.value(s("trusted")).toBool(), true);
        QVERIFY(QJsonDocument(m_reports.value(10).value(s("reasons")).toArray()).toJson().contains("S/MIME"));

        const CliResult r = runCli(QStringList{s("scan"), url(), s("--limit"), s("2"), s("--no-system-ca")}
                                   + demoOptions() + goodLogin());
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(r.lines.size(), 2);
        const QJsonObject report = QJsonDocument::fromJson(r.lines.first()).object();
        QCOMPARE(uidOf(report), 10u);
        const QJsonObject withoutRoot = report.value(s("smime")).toObject();
        QCOMPARE(withoutRoot.value(s("result")).toString(), s("pass"));
        QCOMPARE(withoutRoot.value(s("trusted")).toBool(), false);
        QVERIFY(!QJsonDocument(report.value(s("reasons")).toArray()).toJson().contains("S/MIME"));
    }

    void limitTakesTheNewest()
    {
        requireDovecot();
        const CliResult r = runCli(QStringList{s("scan"), url(), s("--limit"), s("3")} + demoOptions() + goodLogin());
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(r.lines.size(), 3);
        QList<quint32> uids;
        for (const QByteArray &l : r.lines)
            uids << uidOf(QJsonDocument::fromJson(l).object());
        QCOMPARE(uids, (QList<quint32>{9, 10, 11}));
    }

    void arOutput()
    {
        requireDovecot();
        const CliResult r = runCli(QStringList{s("scan"), url(), s("--limit"), s("1"), s("--format"), s("ar"),
                                               s("--authserv-id"), s("scan.test"), s("--dns-zone"),
                                               kDemo + s("/demo.zone")}
                                   + goodLogin());
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        // One field, folded over several lines: continuation lines start with white space.
        QVERIFY2(r.lines.first().startsWith("Authentication-Results: scan.test;"), r.lines.first().constData());
        for (const QByteArray &l : r.lines.mid(1))
            QVERIFY2(l.startsWith(' ') || l.startsWith('\t'), l.constData());
        QVERIFY2(r.lines.join('\n').contains("dmarc=none"), r.lines.join('\n').constData());
    }

    void wrongPassword()
    {
        requireDovecot();
        const CliResult r = runCli({s("scan"), url(), s("--password-file"), passwordFile(s("wrong"), "not it\n"),
                                    s("--ca-file"), m_dovecot.path(s("ca.pem"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.lines.isEmpty());
        QVERIFY2(r.err.contains(s("wrong user name or password")), qPrintable(r.err));
    }

    /// The password file's line end is not part of the password (LF and CRLF).
    void passwordFileLineEnds_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("no-newline") << kPassword.toUtf8();
        QTest::newRow("lf") << kPassword.toUtf8() + "\n";
        QTest::newRow("crlf-and-more-lines") << kPassword.toUtf8() + "\r\nsecond line\n";
    }
    void passwordFileLineEnds()
    {
        requireDovecot();
        QFETCH(QByteArray, content);
        const CliResult r = runCli({s("scan"), url(), s("--limit"), s("1"), s("--format"), s("json"),
                                    s("--dns-zone"), kDemo + s("/demo.zone"), s("--password-file"),
                                    passwordFile(s("pw-") + QString::fromLatin1(QTest::currentDataTag()), content),
                                    s("--ca-file"), m_dovecot.path(s("ca.pem"))});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(r.lines.size(), 1);
    }

    /// The password from the keychain (Keychain::imapKey, "imap:USER@HOST:PORT"), in a private
    /// Secret Service (PITFALLS.md recipe); secret-tool files it as QtKeychain does.
    void keychainPassword()
    {
        requireDovecot();
        for (const char *tool : {"dbus-run-session", "gnome-keyring-daemon", "secret-tool"})
            if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
                QSKIP(qPrintable(s("%1 is not installed (gnome-keyring, libsecret-tools)").arg(QLatin1String(tool))));
        const QString runtime = m_dovecot.path(s("xdg"));
        QVERIFY(QDir().mkpath(runtime));
        QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QProcess p;
        QProcessEnvironment env = cliEnvironment();
        env.insert(s("XDG_RUNTIME_DIR"), runtime);
        // A private home: the keyring files go there, never into the user's own keyring.
        const QString home = m_dovecot.path(s("keyring-home"));
        QVERIFY(QDir().mkpath(home));
        env.insert(s("HOME"), home);
        env.insert(s("XDG_DATA_HOME"), home + s("/.local/share"));
        env.insert(s("XDG_CONFIG_HOME"), home + s("/.config"));
        p.setProcessEnvironment(env);
        const QString key = s("imap:%1@127.0.0.1:%2").arg(kUser).arg(m_dovecot.port);
        p.start(s("dbus-run-session"),
                {s("--"), s("sh"), s("-c"),
                 s("echo -n unlock | gnome-keyring-daemon --unlock --components=secrets >/dev/null && "
                   "printf '%s' \"$1\" | secret-tool store --label=sealcheck xdg:schema org.qt.keychain "
                   "user \"$2\" server Sealcheck type plaintext && shift 2 && exec \"$@\""),
                 s("sh"), kPassword, key, kCli, s("scan"), url(), s("--limit"), s("1"), s("--format"), s("json"),
                 s("--dns-zone"), kDemo + s("/demo.zone"), s("--ca-file"), m_dovecot.path(s("ca.pem"))});
        QVERIFY(p.waitForStarted(5000));
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(60000));
        const QByteArray out = p.readAllStandardOutput();
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QCOMPARE(out.count('\n'), 1);
        QVERIFY(QJsonDocument::fromJson(out).isObject());
    }

    /// No keychain entry, no --password-file, standard input a pipe: a clear error, no prompt.
    void noPasswordNoTerminal()
    {
        requireDovecot();
        QElapsedTimer t;
        t.start();
        const CliResult r = runCli({s("scan"), url(), s("--ca-file"), m_dovecot.path(s("ca.pem"))}, 60000);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.lines.isEmpty());
        QVERIFY2(r.err.contains(s("standard input is not a terminal")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(s("Password for")), qPrintable(r.err));
    }

    void untrustedCertificateThenPinned()
    {
        requireDovecot();
        const QStringList base{s("scan"), url(), s("--limit"), s("2"), s("--format"), s("json"), s("--dns-zone"),
                               kDemo + s("/demo.zone"), s("--password-file"), m_dovecot.path(s("password"))};
        const CliResult refused = runCli(base);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.lines.isEmpty());
        QVERIFY2(refused.err.contains(s("not trusted")), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(m_dovecot.pin), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(s("localhost")), qPrintable(refused.err)); // the subject
        // The user checks the pin and gives it back.
        const QRegularExpression pinRe(s("sha256//([A-Za-z0-9+/=]{44})"));
        const auto m = pinRe.match(refused.err);
        QVERIFY(m.hasMatch());
        const CliResult pinned = runCli(base + QStringList{s("--pin-sha256"), m.captured(1)});
        QVERIFY2(pinned.exitCode == 0, qPrintable(describe(pinned)));
        QCOMPARE(pinned.lines.size(), 2);
        // Another key's pin does not help.
        const CliResult other = runCli(base + QStringList{s("--pin-sha256"), QString(64, QLatin1Char('a'))});
        QCOMPARE(other.exitCode, 2);
        QVERIFY(other.lines.isEmpty());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no-url") << QStringList{} << s("no mailbox given");
        QTest::newRow("not-imap") << QStringList{s("https://alice@example.com/INBOX")} << s("not an IMAP URL");
        QTest::newRow("password-in-url") << QStringList{s("imaps://alice:secret@127.0.0.1/INBOX")}
                                         << s("do not put the password in the URL");
        QTest::newRow("no-user") << QStringList{s("imaps://127.0.0.1/INBOX")} << s("names no user");
        QTest::newRow("bad-port") << QStringList{s("imaps://alice@127.0.0.1:99999/INBOX")} << s("not a port");
        QTest::newRow("bad-limit") << QStringList{s("imaps://alice@127.0.0.1/INBOX"), s("--limit"), s("0")}
                                   << s("--limit");
        QTest::newRow("bad-pin") << QStringList{s("imaps://alice@127.0.0.1/INBOX"), s("--pin-sha256"), s("xyz")}
                                 << s("--pin-sha256");
        QTest::newRow("missing-password-file")
            << QStringList{s("imaps://alice@127.0.0.1:1/INBOX"), s("--password-file"), s("/nonexistent/pw")}
            << s("cannot read the password file");
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliResult r = runCli(QStringList{s("scan")} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.lines.isEmpty());
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    /// The mailbox name in the URL is percent-decoded.
    void percentDecodedMailbox()
    {
        requireDovecot();
        const QString box = s("Demo Box");
        QVERIFY(m_dovecot.doveadm({s("mailbox"), s("create"), s("-u"), kUser, box}));
        QFile f(kDemo + s("/messages/01-authenticated-bank.eml"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(m_dovecot.deliver(f.readAll(), box));
        const CliResult r = runCli(QStringList{s("scan"), url(s("Demo%20Box"))} + demoOptions() + goodLogin());
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(r.lines.size(), 1);
        QCOMPARE(QJsonDocument::fromJson(r.lines.first()).object().value(s("verdict")).toString(), s("authenticated"));
        const CliResult missing = runCli(QStringList{s("scan"), url(s("No%20Such"))} + demoOptions() + goodLogin());
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(s("No Such")), qPrintable(missing.err));
    }

    /// After all the scans above, no message carries \Seen: neither for Dovecot nor on disk.
    void nothingMarkedSeen()
    {
        requireDovecot();
        QByteArray flags;
        QVERIFY(m_dovecot.doveadm({s("fetch"), s("-u"), kUser, s("uid flags"), s("mailbox"), s("INBOX")}, &flags));
        QCOMPARE(flags.count("uid:"), 11);
        QVERIFY2(!flags.contains("\\Seen"), flags.constData());
        const QString maildir = m_dovecot.path(s("home/alice/Maildir"));
        const QStringList files = QDir(maildir + s("/cur")).entryList(QDir::Files)
            + QDir(maildir + s("/new")).entryList(QDir::Files);
        QCOMPARE(files.size(), 11);
        for (const QString &file : files)
            QVERIFY2(!file.section(s(":2,"), 1).contains(QLatin1Char('S')), qPrintable(file));
    }

    /// The server dies in the middle of a scan: exit 2 with a clear message, and every message
    /// received before is printed, complete. Last: it stops the server.
    void connectionLostMidScan()
    {
        requireDovecot();
        // A big mailbox written straight into Maildir++ (".Big"), so the scan lasts a while.
        const QString big = m_dovecot.path(s("home/alice/Maildir/.Big"));
        for (const char *sub : {"cur", "new", "tmp"})
            QVERIFY(QDir().mkpath(big + QLatin1Char('/') + QLatin1String(sub)));
        QFile demo(kDemo + s("/messages/08-unauthenticated-club.eml"));
        QVERIFY(demo.open(QIODevice::ReadOnly));
        QByteArray filler;
        while (filler.size() < 200 * 1024)
            filler += QByteArray(76, 'x') + '\n';
        const QByteArray msg = demo.readAll() + filler;
        constexpr int kBig = 400;
        for (int i = 1; i <= kBig; ++i) {
            QFile f(big + s("/new/1700000000.M%1P1.sealcheck").arg(i, 6, 10, QLatin1Char('0')));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(msg);
        }
        QVERIFY(run(s("chown"), {s("-R"), s("nobody:nogroup"), m_dovecot.path(s("home"))}));

        QProcess p;
        p.setProcessEnvironment(cliEnvironment());
        p.start(kCli, QStringList{s("scan"), url(s("Big"))} + demoOptions() + goodLogin());
        QVERIFY(p.waitForStarted(5000));
        p.closeWriteChannel();
        QByteArray out;
        QElapsedTimer t;
        t.start();
        while (out.count('\n') < 20 && t.elapsed() < 60000 && p.state() == QProcess::Running) {
            p.waitForReadyRead(200);
            out += p.readAllStandardOutput();
        }
        QVERIFY2(out.count('\n') >= 20, out.right(300).constData());
        // Stop reading: once the pipe is full the program blocks on its output, and with it the
        // fetch (bounded queue); then the server dies.
        QThread::msleep(1000);
        m_dovecot.stop(SIGKILL);
        QVERIFY(p.waitForFinished(60000));
        out += p.readAllStandardOutput();
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), 2);
        QVERIFY2(err.contains(s("was lost")) || err.contains(s("refused")), qPrintable(err));
        const QList<QByteArray> lines = out.split('\n');
        int complete = 0;
        for (const QByteArray &l : lines) {
            if (l.isEmpty())
                continue;
            const QJsonObject o = QJsonDocument::fromJson(l).object();
            QVERIFY2(!o.isEmpty(), "a printed line is not a complete JSON object");
            QCOMPARE(uidOf(o), quint32(complete + 1)); // in order, none missing
            ++complete;
        }
        qInfo("connection lost after %d of %d messages: %d reports printed; \"%s\"", int(out.count('\n')), kBig,
              complete, qPrintable(err.trimmed()));
        QVERIFY(complete >= 20 && complete < kBig);
    }
};

QTEST_GUILESS_MAIN(tst_ScanCli)
#include "tst_scancli.moc"
