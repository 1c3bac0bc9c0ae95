// `sealcheck-cli scan` against a scripted IMAP server on loopback (tests/common/
// ScriptedImapServer.h): what a script sees when the server misbehaves. Issue 24 item 9: a
// server that answers for UIDs it was not asked for, and leaves out UIDs it was asked for,
// must not give an empty output with exit status 0.
#include "ScriptedImapServer.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using imaptest::dataFile;
using imaptest::ScriptedServer;

namespace {

const QString kCli = QStringLiteral(SEALCHECK_BINARY_DIR "/bin/sealcheck-cli");

/// The script step answering with message number @p seq as UID @p uid, From @p from.
QByteArray fetched(int seq, int uid, const char *from)
{
    const QByteArray m = QByteArray("From: ") + from + "\r\nSubject: hello\r\nMessage-ID: <1@example.com>\r\n\r\nHi.\r\n";
    return "RAW: * " + QByteArray::number(seq) + " FETCH (UID " + QByteArray::number(uid) + " BODY[] {"
        + QByteArray::number(m.size()) + "}\r\n" + m + ")\r\n";
}

struct Run
{
    int exitCode = -1;
    QList<QByteArray> lines;
    QString err;
};

} // namespace

class tst_ScanScripted : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    /// Runs scan against @p server while this thread's event loop serves it.
    Run scan(ScriptedServer &server)
    {
        QFile password(m_dir.filePath(QStringLiteral("password")));
        password.open(QIODevice::WriteOnly);
        password.write("secret\n");
        password.close();
        QFile zone(m_dir.filePath(QStringLiteral("empty.zone")));
        zone.open(QIODevice::WriteOnly);
        zone.write("$ORIGIN example.org.\n@ 300 IN A 192.0.2.1\n");
        zone.close();
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data"))); // no desktop store
        p.setProcessEnvironment(env);
        p.start(kCli, {QStringLiteral("scan"), QStringLiteral("imaps://alice@127.0.0.1:%1/INBOX").arg(server.serverPort()),
                       QStringLiteral("--password-file"), password.fileName(), QStringLiteral("--ca-file"),
                       dataFile("ca.pem"), QStringLiteral("--dns-zone"), zone.fileName(), QStringLiteral("--json")});
        Run r;
        if (!p.waitForStarted(5000))
            return r;
        p.closeWriteChannel();
        if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 60000)) {
            p.kill();
            p.waitForFinished();
            r.err = QStringLiteral("timed out");
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        for (const QByteArray &l : p.readAllStandardOutput().split('\n'))
            if (!l.isEmpty())
                r.lines << l;
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    static QList<QByteArray> script(const QList<QByteArray> &fetchAnswer)
    {
        QList<QByteArray> s{
            "S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] ready",
            "C: s1 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==",
            "S: s1 OK [CAPABILITY IMAP4rev1] in",
            "C: s2 EXAMINE INBOX",
            "S: * 3 EXISTS",
            "S: * OK [UIDVALIDITY 5] ok",
            "S: s2 OK [READ-ONLY] done",
            "C: s3 UID SEARCH ALL",
            "S: * SEARCH 1 2 3",
            "S: s3 OK",
            "C: s4 UID FETCH 1:3 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])",
        };
        s += fetchAnswer;
        s += QList<QByteArray>{"S: s4 OK", "C: s5 LOGOUT", "S: * BYE bye", "S: s5 OK", "CLOSE"};
        return s;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(kCli), qPrintable(QStringLiteral("build sealcheck-cli first: ") + kCli));
        QVERIFY(m_dir.isValid());
    }

    void everyMessageReported()
    {
        ScriptedServer server(script({fetched(1, 1, "a@example.org"),
                                      fetched(2, 2, "b@example.org"),
                                      fetched(3, 3, "c@example.org")}),
                              ScriptedServer::Mode::ImplicitTls);
        const Run r = scan(server);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.lines.size(), 3);
        QVERIFY2(server.mismatch.isEmpty(), qPrintable(server.mismatch));
    }

    /// The server answers UID FETCH 1:3 with UIDs 7 and 8 and with UID 2 only: 1 and 3 are
    /// named, the strangers too, and the exit status says the run is incomplete.
    void otherUidsAndMissingUids()
    {
        ScriptedServer server(script({fetched(1, 7, "x@example.org"),
                                      fetched(2, 2, "b@example.org"),
                                      fetched(3, 8, "y@example.org")}),
                              ScriptedServer::Mode::ImplicitTls);
        const Run r = scan(server);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.lines.size(), 1); // UID 2 is verified and printed
        QVERIFY(r.lines.first().contains(";UID=2"));
        QVERIFY2(r.err.contains(QLatin1String("2 of 3 message(s) were not verified: the server did not send UID 1, 3")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("the server sent 2 message(s) that were not asked for (UID 7, 8); "
                                              "they were ignored")),
                 qPrintable(r.err));
    }

    /// Nothing at all comes back: before, this printed nothing and exited 0.
    void nothingSent()
    {
        ScriptedServer server(script({}), ScriptedServer::Mode::ImplicitTls);
        const Run r = scan(server);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.lines.size(), 0);
        QVERIFY2(r.err.contains(QLatin1String("3 of 3 message(s) were not verified: the server did not send UID 1, 2, 3")),
                 qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(tst_ScanScripted)
#include "tst_scanscripted.moc"
