// `sealcheck-cli verify` as a user runs it (issue 22; issue 24 items 9 and 13): on many threads
// the reports come in input order and are the same bytes as on one; standard input streams
// (pipe or redirected file) and gives what the file gives; inputs that are no message are named
// with exit status 2 while the other files are still verified; standard input of /dev/zero stops
// at the 64 MiB message limit instead of being read on.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kCli = QStringLiteral(SEALCHECK_BINARY_DIR "/bin/sealcheck-cli");
const QString kDemo = QStringLiteral(SEALCHECK_SOURCE_DIR "/resources/demo");

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QStringList demoOptions(const QString &format)
{
    QFile now(kDemo + QStringLiteral("/NOW"));
    if (!now.open(QIODevice::ReadOnly))
        qFatal("no demo NOW");
    return {QStringLiteral("verify"),
            QStringLiteral("--format"), format,
            QStringLiteral("--dns-zone"), kDemo + QStringLiteral("/demo.zone"),
            QStringLiteral("--now"), QString::fromUtf8(now.readAll().trimmed()),
            QStringLiteral("--trusted-relay"), QStringLiteral("mx.sealcheck-demo.example"),
            QStringLiteral("--trust-authserv-id"), QStringLiteral("mx.sealcheck-demo.example"),
            QStringLiteral("--known-domain"), QStringLiteral("mybank.example"),
            QStringLiteral("--no-system-ca"),
            QStringLiteral("--ca-file"), kDemo + QStringLiteral("/smime/ca.pem")};
}

Run run(const QStringList &args, const QString &stdinFile = QString(), const QByteArray &stdinBytes = QByteArray())
{
    QProcess p;
    if (!stdinFile.isEmpty())
        p.setStandardInputFile(stdinFile);
    p.start(kCli, args);
    if (!p.waitForStarted())
        return {};
    if (!stdinBytes.isNull()) {
        // Written in pieces as the program reads them: a pipe, never a file.
        for (qsizetype pos = 0; pos < stdinBytes.size(); pos += 4093) {
            p.write(stdinBytes.mid(pos, 4093));
            p.waitForBytesWritten(10000);
        }
        p.closeWriteChannel();
    }
    Run r;
    if (!p.waitForFinished(300000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

/// mboxrd: a line of '>'s then "From " gains one '>'.
QByteArray quoteFromLines(const QByteArray &message)
{
    QByteArray out;
    for (const QByteArray &line : message.split('\n')) {
        qsizetype q = 0;
        while (q < line.size() && line[q] == '>')
            ++q;
        out += (line.mid(q).startsWith("From ") ? ">" : "") + line + '\n';
    }
    out.chop(1);
    return out;
}

/// Demo messages (real signatures: they verify only if their bytes arrive intact) between
/// made-up messages from 200 bytes to 300 KB, so that threads finish out of order.
QByteArray mixedMbox(int count, QStringList &messageIds)
{
    QStringList demo = QDir(kDemo + QStringLiteral("/messages")).entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
    demo.removeIf([](const QString &n) { return n.contains(QStringLiteral("openpgp")); }); // no gpg here
    QRandomGenerator rng(22);
    QByteArray box;
    for (int i = 0; i < count; ++i) {
        QByteArray message;
        if (i % 3 == 0) {
            QFile f(kDemo + QStringLiteral("/messages/") + demo.at((i / 3) % demo.size()));
            if (!f.open(QIODevice::ReadOnly))
                qFatal("demo message missing");
            message = f.readAll();
            messageIds << QString();
        } else {
            const QString id = QStringLiteral("<m%1@order.example>").arg(i);
            messageIds << id;
            const int size = rng.bounded(2) ? int(rng.bounded(200, 2000)) : int(rng.bounded(2000, 300000));
            message = "From: Sender " + QByteArray::number(i) + " <s@order.example>\nTo: r@example.com\nSubject: message " +
                      QByteArray::number(i) + "\nMessage-ID: " + id.toUtf8() + "\n\n";
            while (message.size() < size)
                message += "From the body, line " + QByteArray::number(message.size()) + " of message " +
                           QByteArray::number(i) + ".\n";
        }
        if (!message.endsWith('\n'))
            message += '\n';
        box += "From sender@example.com Sat Jan  3 01:05:34 2026\n" + quoteFromLines(message) + "\n";
    }
    return box;
}

QList<QByteArray> lines(const QByteArray &out)
{
    QList<QByteArray> l = out.split('\n');
    if (!l.isEmpty() && l.last().isEmpty())
        l.removeLast();
    return l;
}

} // namespace

class TestVerifyCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(QFile::exists(kCli), qPrintable(QStringLiteral("build sealcheck-cli first: ") + kCli)); }

    void orderUnderJobs()
    {
        QTemporaryDir dir;
        QStringList ids;
        const int count = 300;
        const QString box = dir.filePath(QStringLiteral("mixed.mbox"));
        writeFile(box, mixedMbox(count, ids));

        const Run one = run(demoOptions(QStringLiteral("json")) << QStringLiteral("--jobs") << QStringLiteral("1") << box);
        QCOMPARE(one.exitCode, 0);
        QCOMPARE(one.err, QByteArray());
        const QList<QByteArray> reports = lines(one.out);
        QCOMPARE(reports.size(), count);
        int authenticated = 0;
        for (int i = 0; i < count; ++i) {
            const QByteArray &line = reports.at(i);
            QVERIFY2(line.contains("\"source\":\"" + box.toUtf8() + "#" + QByteArray::number(i + 1) + "\""), line.left(200));
            if (!ids.at(i).isEmpty())
                QVERIFY2(line.contains("\"message_id\":\"" + ids.at(i).toUtf8() + "\""), line.left(300));
            authenticated += line.contains("\"verdict\":\"authenticated\"") ? 1 : 0;
        }
        QVERIFY2(authenticated >= count / 3 / 4, "the demo messages must verify as they do alone (bytes intact)");

        for (const QString &jobs : {QStringLiteral("2"), QStringLiteral("4"), QStringLiteral("7")}) {
            const Run many = run(demoOptions(QStringLiteral("json")) << QStringLiteral("--jobs") << jobs << box);
            QCOMPARE(many.exitCode, 0);
            QVERIFY2(many.out == one.out, qPrintable(QStringLiteral("--jobs %1 differs from --jobs 1").arg(jobs)));
        }
        for (const QString &format : {QStringLiteral("text"), QStringLiteral("ar")}) {
            const Run a = run(demoOptions(format) << QStringLiteral("--jobs") << QStringLiteral("1") << box);
            const Run b = run(demoOptions(format) << QStringLiteral("--jobs") << QStringLiteral("3") << box);
            QCOMPARE(a.exitCode, 0);
            QVERIFY(!a.out.isEmpty());
            QVERIFY2(a.out == b.out, qPrintable(format));
        }
    }

    void severalFilesKeepTheirOrder()
    {
        QTemporaryDir dir;
        QStringList ids;
        QStringList args = demoOptions(QStringLiteral("ar")) << QStringLiteral("--jobs") << QStringLiteral("3");
        QStringList names;
        for (const QString &n : QDir(kDemo + QStringLiteral("/messages")).entryList({QStringLiteral("0*.eml")}, QDir::Files, QDir::Name)) {
            args << kDemo + QStringLiteral("/messages/") + n;
            names << n;
        }
        const QString missing = dir.filePath(QStringLiteral("missing.eml"));
        args.insert(args.size() - 2, missing);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("cannot open " + missing.toUtf8()), r.err);
        QCOMPARE(int(r.out.count("Authentication-Results:")), int(names.size()));
    }

    void standardInputStreams()
    {
        QTemporaryDir dir;
        QStringList ids;
        const QByteArray mbox = mixedMbox(60, ids);
        const QString box = dir.filePath(QStringLiteral("in.mbox"));
        writeFile(box, mbox);
        const Run file = run(demoOptions(QStringLiteral("json")) << box);
        QCOMPARE(file.exitCode, 0);
        const QByteArray expected = QByteArray(file.out).replace(box.toUtf8() + "#", "stdin#");

        const Run piped = run(demoOptions(QStringLiteral("json")) << QStringLiteral("-"), QString(), mbox);
        QCOMPARE(piped.exitCode, 0);
        QVERIFY2(piped.out == expected, piped.err);

        const Run redirected = run(demoOptions(QStringLiteral("json")) << QStringLiteral("-"), box);
        QCOMPARE(redirected.exitCode, 0);
        QVERIFY(redirected.out == expected);

        // One message on a pipe is one report named "stdin".
        QFile eml(kDemo + QStringLiteral("/messages/01-authenticated-bank.eml"));
        QVERIFY(eml.open(QIODevice::ReadOnly));
        const Run single = run(demoOptions(QStringLiteral("json")) << QStringLiteral("-"), QString(), eml.readAll());
        QCOMPARE(single.exitCode, 0);
        QCOMPARE(lines(single.out).size(), 1);
        QVERIFY(single.out.contains("\"source\":\"stdin\""));
        QVERIFY(single.out.contains("\"verdict\":\"authenticated\""));
    }

    void inputsThatAreNoMessage()
    {
        QTemporaryDir dir;
        const QString empty = dir.filePath(QStringLiteral("empty.eml"));
        const QString utf16 = dir.filePath(QStringLiteral("utf16.eml"));
        const QString binary = dir.filePath(QStringLiteral("picture.png"));
        const QString good = kDemo + QStringLiteral("/messages/02-forged-bank-spoof.eml");
        writeFile(empty, QByteArray());
        QFile spoof(good);
        QVERIFY(spoof.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(spoof.readAll());
        QByteArray le("\xff\xfe");
        for (QChar c : text)
            le.append(char(c.unicode() & 0xff)).append(char(c.unicode() >> 8));
        writeFile(utf16, le);
        writeFile(binary, QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0", 29));

        const Run r = run(demoOptions(QStringLiteral("text")) << empty << utf16 << binary << good);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("sealcheck-cli verify: " + empty.toUtf8() + ": it is empty"), r.err);
        QVERIFY2(r.err.contains("sealcheck-cli verify: " + utf16.toUtf8() + ": it is UTF-16 text"), r.err);
        QVERIFY2(r.err.contains("sealcheck-cli verify: " + binary.toUtf8() + ": it is binary data"), r.err);
        // None of them gets a verdict; the real message after them still does.
        QCOMPARE(r.out.count("Verdict:"), 1);
        QVERIFY2(r.out.contains("Verdict:  FORGED"), r.out);

        const Run fromPipe = run(demoOptions(QStringLiteral("json")) << QStringLiteral("-"), QString(), QByteArray(""));
        QCOMPARE(fromPipe.exitCode, 2);
        QCOMPARE(fromPipe.out, QByteArray());
        QVERIFY2(fromPipe.err.contains("stdin: it is empty"), fromPipe.err);
    }

    /// Issue 24 item 13: the old reader took 512 MiB of /dev/zero before failing.
    void devZeroOnStandardInputStopsAtTheLimit()
    {
        QProcess p;
        p.start(kCli, demoOptions(QStringLiteral("json")) << QStringLiteral("-"));
        QVERIFY(p.waitForStarted());
        const QByteArray zeros(1 << 20, '\0');
        qint64 queued = 0;
        while (p.state() == QProcess::Running && queued < 300ll * 1024 * 1024) {
            if (p.bytesToWrite() < zeros.size()) {
                p.write(zeros);
                queued += zeros.size();
            }
            p.waitForBytesWritten(200);
        }
        const qint64 accepted = queued - p.bytesToWrite();
        p.closeWriteChannel();
        if (p.state() != QProcess::NotRunning)
            QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 2);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err.contains("stdin: the message is 67108865 bytes or more, more than the limit of 67108864 bytes"), err);
        QCOMPARE(p.readAllStandardOutput(), QByteArray());
        // What the program read, plus what the pipe and our last writes hold.
        QVERIFY2(accepted <= 64ll * 1024 * 1024 + 4 * 1024 * 1024, qPrintable(QString::number(accepted)));
    }

    void badJobs()
    {
        for (const QString &bad : {QStringLiteral("0"), QStringLiteral("-3"), QStringLiteral("many")}) {
            const Run r = run({QStringLiteral("verify"), QStringLiteral("--jobs"), bad, QStringLiteral("x.eml")});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains("--jobs"), r.err);
        }
    }
};

QTEST_GUILESS_MAIN(TestVerifyCli)
#include "tst_verifycli.moc"
