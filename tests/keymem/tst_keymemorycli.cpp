// Issue 13 end to end through the command line: `sealcheck-cli verify --memory FILE` remembers the
// DKIM keys it sees, so a later re-check of the same mail, after the bank withdrew or replaced
// its key, says so in the report; without --memory nothing is remembered (scripts stay pure).
//
// Each step is a separate run of the program (a restart) on the same store file, with the DNS
// of that day as --dns-zone files. The envelope is a forwarder's, so only DKIM can authenticate
// the bank's mail (DMARC p=reject): what the key memory decides is what the user sees.

#include "KeyMemTestZones.h"

#include "KeyMemory.h"
#include "MessageStore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace keymemtest;

namespace {

const QString kCli = QStringLiteral(SEALCHECK_BINARY_DIR "/bin/sealcheck-cli");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

enum class Memory { Use, None };

class Cli
{
public:
    explicit Cli(const QTemporaryDir &dir) : m_dir(dir) {}
    QString storePath() const { return m_dir.filePath(QStringLiteral("memory.sqlite")); }

    Run verify(const QString &message, BankKey key, qint64 now, Memory memory, const QString &format) const
    {
        const QString zone = m_dir.filePath(QStringLiteral("zone-%1.txt").arg(int(key)));
        QFile z(zone);
        if (!z.open(QIODevice::WriteOnly | QIODevice::Truncate) || z.write(demoZone(key).toUtf8()) < 0)
            qFatal("cannot write the zone file");
        z.close();
        QStringList args = {QStringLiteral("verify"),
                            QStringLiteral("--format"), format,
                            QStringLiteral("--dns-zone"), zone,
                            QStringLiteral("--now"), QString::number(now),
                            QStringLiteral("--trusted-relay"), QStringLiteral("mx.sealcheck-demo.example"),
                            QStringLiteral("--trust-authserv-id"), QStringLiteral("mx.sealcheck-demo.example"),
                            QStringLiteral("--known-domain"), QStringLiteral("mybank.example"),
                            QStringLiteral("--client-ip"), QStringLiteral("203.0.113.200"),
                            QStringLiteral("--helo"), QStringLiteral("relay.forwarder.example"),
                            QStringLiteral("--mail-from"), QStringLiteral("bounce@forwarder.example"),
                            QStringLiteral("--no-system-ca")};
        if (memory == Memory::Use)
            args << QStringLiteral("--memory") << storePath();
        args << message;
        return run(args, m_dir.filePath(QStringLiteral("home")));
    }

    /// Runs the program with HOME and XDG_DATA_HOME under @p home (where the desktop's store
    /// would be), so a test can see that nothing is written there.
    static Run run(const QStringList &args, const QString &home)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
        p.setProcessEnvironment(env);
        p.start(kCli, args);
        Run r;
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

private:
    const QTemporaryDir &m_dir;
};

QString verdictLine(const Run &r)
{
    for (const QString &line : r.out.split(QLatin1Char('\n'))) {
        if (line.trimmed().startsWith(QStringLiteral("Verdict:")))
            return line.trimmed();
    }
    return r.out + r.err;
}

} // namespace

class TestKeyMemoryCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(QFile::exists(kCli), qPrintable(QStringLiteral("build sealcheck-cli first: ") + kCli)); }
    void keyWithdrawn_data();
    void keyWithdrawn();
    void keyReplaced();
    void pinnedKeyChanged();
    void withoutMemoryNothingIsWritten();
    void unusableMemoryIsAUsageError();
};

void TestKeyMemoryCli::keyWithdrawn_data()
{
    QTest::addColumn<int>("later");
    QTest::newRow("key deleted from the zone") << int(BankKey::Deleted);
    QTest::newRow("key revoked (empty p=)") << int(BankKey::Revoked);
}

void TestKeyMemoryCli::keyWithdrawn()
{
    QFETCH(int, later);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Cli cli(dir);
    const QString bank = demoMessage("01-authenticated-bank");

    // Day 1: the key is published; the bank's mail is authenticated and its key remembered.
    const Run first = cli.verify(bank, BankKey::Published, kFirstCheck, Memory::Use, QStringLiteral("json"));
    QCOMPARE(first.exitCode, 0);
    QCOMPARE(first.json().value(QStringLiteral("verdict")).toString(), QStringLiteral("authenticated"));
    QVERIFY(QFile::exists(cli.storePath()));

    // 200 days later the key is gone. Without the memory the same mail reads as forged...
    const qint64 then = kFirstCheck + 200 * kDay;
    const Run plain = cli.verify(bank, BankKey(later), then, Memory::None, QStringLiteral("text"));
    QCOMPARE(plain.exitCode, 0);
    // Old mail whose key is gone: no longer verifiable, never forged.
    QCOMPARE(verdictLine(plain), QStringLiteral("Verdict:  UNAUTHENTICATED"));

    // ...with it, the signature is verified with the remembered key, and the report says so.
    const Run text = cli.verify(bank, BankKey(later), then, Memory::Use, QStringLiteral("text"));
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.err.isEmpty(), qPrintable(text.err));
    QCOMPARE(verdictLine(text), QStringLiteral("Verdict:  AUTHENTICATED"));
    QVERIFY2(text.out.contains(QStringLiteral("DKIM:     pass  d=mybank.example s=s2026")), qPrintable(text.out));
    QVERIFY2(text.out.contains(QStringLiteral("verified with the key published on 2026-11-24, which Sealcheck remembered")),
             qPrintable(text.out));

    const Run json = cli.verify(bank, BankKey(later), then, Memory::Use, QStringLiteral("json"));
    QCOMPARE(json.exitCode, 0);
    const QJsonObject o = json.json();
    QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("authenticated"));
    const QJsonObject dkim = o.value(QStringLiteral("dkim")).toArray().at(0).toObject();
    QCOMPARE(dkim.value(QStringLiteral("result")).toString(), QStringLiteral("pass"));
    QCOMPARE(dkim.value(QStringLiteral("remembered_key_since")).toInteger(), kFirstCheck);
    QVERIFY(!dkim.value(QStringLiteral("dnssec")).toBool());
}

void TestKeyMemoryCli::keyReplaced()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Cli cli(dir);
    const Run first =
        cli.verify(demoMessage("01-authenticated-bank"), BankKey::Published, kFirstCheck, Memory::Use, QStringLiteral("json"));
    QCOMPARE(first.json().value(QStringLiteral("verdict")).toString(), QStringLiteral("authenticated"));

    // Ten days later the bank signs with a new key at the same selector.
    const QString rotated = dataMessage("rotated-key-bank");
    const Run text = cli.verify(rotated, BankKey::Replaced, kFirstCheck + 10 * kDay, Memory::Use, QStringLiteral("text"));
    QCOMPARE(text.exitCode, 0);
    // A warning, not a verdict change: the new key verifies and is the bank's.
    QCOMPARE(verdictLine(text), QStringLiteral("Verdict:  AUTHENTICATED"));
    QVERIFY2(text.out.contains(QStringLiteral(
                 "! The DKIM key of mybank.example (selector s2026) differs from the one Sealcheck saw there before")),
             qPrintable(text.out));
    const Run json = cli.verify(rotated, BankKey::Replaced, kFirstCheck + 10 * kDay, Memory::Use, QStringLiteral("json"));
    const QJsonObject dkim = json.json().value(QStringLiteral("dkim")).toArray().at(0).toObject();
    QCOMPARE(dkim.value(QStringLiteral("key_changed")).toBool(), true);
    QCOMPARE(dkim.value(QStringLiteral("result")).toString(), QStringLiteral("pass"));

    // Without --memory the same run knows nothing of the old key.
    const Run plain = cli.verify(rotated, BankKey::Replaced, kFirstCheck + 10 * kDay, Memory::None, QStringLiteral("text"));
    QCOMPARE(verdictLine(plain), QStringLiteral("Verdict:  AUTHENTICATED"));
    QVERIFY2(!plain.out.contains(QStringLiteral("differs from the one Sealcheck saw")), qPrintable(plain.out));
}

void TestKeyMemoryCli::pinnedKeyChanged()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Cli cli(dir);
    const QString bank = demoMessage("01-authenticated-bank");
    const Run first = cli.verify(bank, BankKey::Published, kFirstCheck, Memory::Use, QStringLiteral("json"));
    QCOMPARE(first.json().value(QStringLiteral("verdict")).toString(), QStringLiteral("authenticated"));
    {
        // What "Pin this key" in the desktop program writes to the same store.
        sealcheck::MessageStore store;
        QVERIFY(store.open(cli.storePath()).ok());
        sealcheck::KeyMemory keys(store);
        const auto seen = keys.lookup(QStringLiteral("mybank.example"), QStringLiteral("s2026"));
        QCOMPARE(seen.size(), 1);
        QVERIFY(keys.pin(QStringLiteral("mybank.example"), QStringLiteral("s2026"), seen.front().record, kFirstCheck).ok());
    }
    const Run same = cli.verify(bank, BankKey::Published, kFirstCheck + kDay, Memory::Use, QStringLiteral("json"));
    QCOMPARE(same.json().value(QStringLiteral("dkim")).toArray().at(0).toObject().value(QStringLiteral("key_pinned")).toBool(), true);

    const Run text = cli.verify(dataMessage("rotated-key-bank"), BankKey::Replaced, kFirstCheck + 10 * kDay, Memory::Use,
                                QStringLiteral("text"));
    QCOMPARE(text.exitCode, 0);
    QCOMPARE(verdictLine(text), QStringLiteral("Verdict:  AUTHENTICATED")); // a warning, not a verdict
    QVERIFY2(text.out.contains(QStringLiteral("! The DKIM key of mybank.example (selector s2026) differs from the key you pinned")),
             qPrintable(text.out));
}

void TestKeyMemoryCli::withoutMemoryNothingIsWritten()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Cli cli(dir);
    const Run r = cli.verify(demoMessage("01-authenticated-bank"), BankKey::Published, kFirstCheck, Memory::None,
                             QStringLiteral("json"));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(QStringLiteral("verdict")).toString(), QStringLiteral("authenticated"));
    // No store was created: neither beside the input nor where the desktop program keeps its own.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("zone-0.txt")});
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("home/.local/share/sealcheck/sealcheck.sqlite"))));
    QVERIFY(QDir(dir.filePath(QStringLiteral("home"))).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden));
}

void TestKeyMemoryCli::unusableMemoryIsAUsageError()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A directory is not a store file.
    const Run r = Cli::run({QStringLiteral("verify"), QStringLiteral("--memory"), dir.path(),
                            demoMessage("01-authenticated-bank")},
                           dir.filePath(QStringLiteral("home")));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--memory")), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestKeyMemoryCli)
#include "tst_keymemorycli.moc"
