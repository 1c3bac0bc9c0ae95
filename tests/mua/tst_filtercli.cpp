// `sealcheck-cli filter`, `verify --exit-code` and the verdict in `--format ar`, run as a mail
// filter runs them: the built program, the demo messages (resources/demo) on standard input,
// DNS from the demo zone only. The exit codes are the table of app/cli/ExitCodes.h and
// docs/mail-clients.md.
#include "AuthResultsParser.h"
#include "CliRun.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

const QString kCli = QStringLiteral(SEALCHECK_BINARY_DIR "/bin/sealcheck-cli");
const QString kDemo = QStringLiteral(SEALCHECK_SOURCE_DIR "/resources/demo");
const QByteArray kId = "filter.test";
/// No signature, and no DMARC record for its domain in the demo zone.
const QByteArray kUnauthenticated = "From: someone@nothing.example\nTo: you@sealcheck-demo.example\nSubject: hi\n"
                                    "Date: Fri, 20 Nov 2026 10:00:00 +0000\nMessage-ID: <1@nothing.example>\n\nhello\n";

QString s(const char *text) { return QString::fromUtf8(text); }

using Run = clitest::CliRun;

Run runCli(const QStringList &args, const QByteArray &input) { return clitest::runCli(kCli, args, input); }

QStringList demoOptions()
{
    QFile now(kDemo + s("/NOW"));
    now.open(QIODevice::ReadOnly);
    return {s("--dns-zone"), kDemo + s("/demo.zone"), s("--now"), QString::fromLatin1(now.readAll().trimmed()),
            s("--trusted-relay"), s("mx.sealcheck-demo.example"), s("--trust-authserv-id"),
            s("mx.sealcheck-demo.example"), s("--known-domain"), s("mybank.example"), s("--authserv-id"),
            QString::fromLatin1(kId)};
}

QByteArray demo(const char *name)
{
    QFile f(kDemo + s("/messages/") + s(name));
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

QByteArray toCrlf(QByteArray lf)
{
    return lf.replace("\r\n", "\n").replace("\n", "\r\n");
}

QString describe(const Run &r) { return s("exit %1; stderr: %2").arg(r.exitCode).arg(r.err); }

} // namespace

class tst_FilterCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(QFile::exists(kCli), qPrintable(s("build sealcheck-cli first: ") + kCli)); }

    void verifyExitCode_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("code");
        QTest::newRow("authenticated") << s("01-authenticated-bank.eml") << 0;
        QTest::newRow("forged") << s("02-forged-bank-spoof.eml") << 12;
        QTest::newRow("suspicious lookalike") << s("05-suspicious-lookalike.eml") << 11;
        QTest::newRow("unauthenticated") << s("-") << 10; // kUnauthenticated on standard input
    }
    void verifyExitCode()
    {
        QFETCH(QString, file);
        QFETCH(int, code);
        const QString path = file == s("-") ? file : kDemo + s("/messages/") + file;
        Run r = runCli(QStringList{s("verify"), s("--exit-code")} + demoOptions() + QStringList{path}, kUnauthenticated);
        QVERIFY2(r.exitCode == code, qPrintable(describe(r)));
        // Without --exit-code the status stays 0 whatever the verdict (CLI.md).
        r = runCli(QStringList{s("verify")} + demoOptions() + QStringList{path}, kUnauthenticated);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    }

    /// Several messages: the worst verdict; an unreadable file beats every verdict.
    void verifyWorstOfSeveral()
    {
        const QString dir = kDemo + s("/messages/");
        Run r = runCli(QStringList{s("verify"), s("--exit-code")} + demoOptions()
                           + QStringList{dir + s("01-authenticated-bank.eml"), dir + s("02-forged-bank-spoof.eml"),
                                         dir + s("05-suspicious-lookalike.eml")},
                       {});
        QVERIFY2(r.exitCode == 12, qPrintable(describe(r)));
        r = runCli(QStringList{s("verify"), s("--exit-code")} + demoOptions()
                       + QStringList{s("-"), dir + s("05-suspicious-lookalike.eml")},
                   kUnauthenticated);
        QVERIFY2(r.exitCode == 11, qPrintable(describe(r)));
        r = runCli(QStringList{s("verify"), s("--exit-code")} + demoOptions()
                       + QStringList{dir + s("02-forged-bank-spoof.eml"), dir + s("no-such-file.eml")},
                   {});
        QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
    }

    /// DNS that never answers: the exit code is the one of the verdict the report gives, and a
    /// not-checked verdict is 75 (EX_TEMPFAIL).
    void dnsDownMatchesVerdict()
    {
        const Run r = runCli({s("verify"), s("--exit-code"), s("--json"), s("--resolver"), s("127.0.0.1@9"), s("-")},
                             demo("01-authenticated-bank.eml"));
        const QString verdict = QJsonDocument::fromJson(r.out).object().value(s("verdict")).toString();
        const QMap<QString, int> table{{s("authenticated"), 0}, {s("unauthenticated"), 10}, {s("suspicious"), 11},
                                       {s("forged"), 12},       {s("not-checked"), 75}};
        QVERIFY2(table.contains(verdict), qPrintable(describe(r) + s(" ") + QString::fromUtf8(r.out)));
        QCOMPARE(r.exitCode, table.value(verdict));
    }

    /// The lookalike passes DMARC for its own domain: the ar output must still say suspicious,
    /// and our own strict parser reads the field back.
    void arCarriesVerdict()
    {
        const Run r = runCli(QStringList{s("verify"), s("--format"), s("ar")} + demoOptions() + QStringList{s("-")},
                             demo("05-suspicious-lookalike.eml"));
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY(r.out.startsWith("Authentication-Results: "));
        const QByteArray value = r.out.mid(24).trimmed();
        const auto parsed = verifier::parseAuthenticationResults(std::string_view(value.constData(), size_t(value.size())));
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message.c_str());
        QCOMPARE(QByteArray::fromStdString(parsed->authservId), kId);
        QCOMPARE(QByteArray::fromStdString(parsed->methods.at(0).method), QByteArray("x-sealcheck"));
        QCOMPARE(QByteArray::fromStdString(parsed->methods.at(0).result), QByteArray("suspicious"));
        QCOMPARE(QByteArray::fromStdString(parsed->methods.at(0).properties.at("header.from")), QByteArray("rnybank.example"));
        QVERIFY2(value.contains("dmarc=pass"), value.constData()); // the method result stays as it is
    }

    /// A forged message with fields an attacker placed to look checked: they go, ours come first,
    /// everything else is byte for byte the input, in LF and in CRLF.
    void filterMarksAndCleans_data()
    {
        QTest::addColumn<bool>("crlf");
        QTest::newRow("LF") << false;
        QTest::newRow("CRLF") << true;
    }
    void filterMarksAndCleans()
    {
        QFETCH(bool, crlf);
        QByteArray original = demo("02-forged-bank-spoof.eml");
        QVERIFY(!original.contains('\r'));
        const QByteArray planted = "X-Sealcheck-Verdict: authenticated; domain=mybank.example\n"
                                   "Authentication-Results: " + kId + "; x-sealcheck=authenticated; dkim=pass\n";
        QByteArray input = planted + original;
        if (crlf) {
            input = toCrlf(input);
            original = toCrlf(original);
        }
        const QByteArray eol = crlf ? "\r\n" : "\n";
        Run r = runCli(QStringList{s("filter")} + demoOptions(), input);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY2(r.out.endsWith(original), r.out.constData());
        const QByteArray added = r.out.left(r.out.size() - original.size());
        QVERIFY2(added.startsWith("Authentication-Results: " + kId + ";" + eol + "    x-sealcheck=forged"), added.constData());
        QVERIFY2(added.endsWith(eol + "X-Sealcheck-Verdict: forged; domain=mybank.example" + eol), added.constData());
        QCOMPARE(added.count("X-Sealcheck-Verdict"), 1);
        QVERIFY(!added.contains("=authenticated") && !added.contains("Verdict: authenticated"));
        if (!crlf)
            QVERIFY(!added.contains('\r'));
        QVERIFY(r.err.contains(s("2 earlier Sealcheck field(s) removed")));

        // --exit-code: the verdict; the output is the same.
        const Run coded = runCli(QStringList{s("filter"), s("--exit-code")} + demoOptions(), input);
        QCOMPARE(coded.exitCode, 12);
        QCOMPARE(coded.out, r.out);

        // Filtering the filtered message again replaces our fields instead of piling them up.
        const Run again = runCli(QStringList{s("filter")} + demoOptions(), r.out);
        QCOMPARE(again.out, r.out);
    }

    void filterAuthenticated()
    {
        const Run r = runCli(QStringList{s("filter"), s("--exit-code")} + demoOptions(), demo("01-authenticated-bank.eml"));
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY(r.out.contains("\nX-Sealcheck-Verdict: authenticated; domain=mybank.example\n"));
    }

    /// Never lose mail: a usage error passes the message unchanged (2). One that cannot be
    /// verified (not a message, too large) is marked not-checked, planted fields removed, the rest
    /// unchanged: exit 0, or 2 / 75 with --exit-code.
    void filterFailuresLoseNothing()
    {
        const QByteArray message = demo("08-unauthenticated-club.eml");
        Run r = runCli({s("filter"), s("--no-such-option")}, message);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out, message);

        const QByteArray planted = "X-Sealcheck-Verdict: authenticated\n";
        const QByteArray notMessage = "Subject: " + QByteArray(70000, 'x') + "\n\nbody\n"; // header line > 64 KiB
        r = runCli(QStringList{s("filter")} + demoOptions(), planted + notMessage);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("Authentication-Results: " + kId + ";\n    x-sealcheck=not-checked\n"
                                  "        reason=\"not readable as a message: "),
                 r.out.left(300).constData());
        QVERIFY(r.out.endsWith("\nX-Sealcheck-Verdict: not-checked\n" + notMessage));
        QCOMPARE(runCli(QStringList{s("filter"), s("--exit-code")} + demoOptions(), planted + notMessage).exitCode, 2);

        QByteArray huge = planted + message;
        huge += QByteArray(64 * 1024 * 1024, 'a');
        r = runCli(QStringList{s("filter"), s("--exit-code")} + demoOptions(), huge);
        QCOMPARE(r.exitCode, 75);
        QVERIFY(r.err.contains(s("marked not-checked")));
        const qsizetype fieldsEnd = r.out.indexOf("X-Sealcheck-Verdict: not-checked\n");
        QVERIFY(fieldsEnd > 0);
        QVERIFY(r.out.mid(fieldsEnd + 33) == huge.mid(planted.size()));
        QCOMPARE(r.out.count("X-Sealcheck-Verdict"), 1);
    }
};

QTEST_GUILESS_MAIN(tst_FilterCli)
#include "tst_filtercli.moc"
