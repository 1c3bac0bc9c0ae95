// `sealcheck-cli native-host` spoken to as Thunderbird speaks to it (Mozilla native messaging:
// a 32-bit native-endian length, then UTF-8 JSON): good requests, a binary-string message,
// oversized, malformed and truncated input, the desktop program's settings and account trust,
// and "open" writing a private file for the desktop program.
#include "CliRun.h"
#include "MessageStore.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstdint>
#include <cstring>

namespace {

const QString kCli = QStringLiteral(SEALCHECK_BINARY_DIR "/bin/sealcheck-cli");
const QString kDemo = QStringLiteral(SEALCHECK_SOURCE_DIR "/resources/demo");

QString s(const char *text) { return QString::fromUtf8(text); }

QByteArray frame(const QByteArray &body)
{
    const uint32_t n = uint32_t(body.size());
    return QByteArray(reinterpret_cast<const char *>(&n), 4) + body;
}

QByteArray frame(const QJsonObject &o) { return frame(QJsonDocument(o).toJson(QJsonDocument::Compact)); }

/// messages.getRaw(): one character per byte.
QString binaryString(const QByteArray &bytes) { return QString::fromLatin1(bytes); }

QByteArray demo(const char *name)
{
    QFile f(kDemo + s("/messages/") + s(name));
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

struct Session
{
    int exitCode = -1;
    QList<QJsonObject> replies;
    QByteArray rest; ///< bytes after the last whole frame (there must be none)
    QString err;
};

Session runHost(const QStringList &extra, const QByteArray &input)
{
    QFile now(kDemo + s("/NOW"));
    now.open(QIODevice::ReadOnly);
    // As Thunderbird starts it: the manifest's path and the add-on's id come last.
    const clitest::CliRun run = clitest::runCli(
        kCli,
        QStringList{s("native-host"), s("--dns-zone"), kDemo + s("/demo.zone"), s("--now"),
                    QString::fromLatin1(now.readAll().trimmed())}
            + extra
            + QStringList{s("/usr/lib/mozilla/native-messaging-hosts/org.sealcheck.native.json"), s("sealcheck@sealcheck.org")},
        input);
    Session r;
    r.exitCode = run.exitCode;
    r.err = run.err;
    QByteArray out = run.out;
    while (out.size() >= 4) {
        uint32_t n = 0;
        std::memcpy(&n, out.constData(), 4);
        if (out.size() < 4 + qsizetype(n))
            break;
        r.replies << QJsonDocument::fromJson(out.mid(4, n)).object();
        out.remove(0, 4 + n);
    }
    r.rest = out;
    return r;
}

QJsonObject ping(int id) { return {{s("id"), id}, {s("command"), s("ping")}}; }

} // namespace

class tst_NativeHost : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_noSettings;

    QStringList isolated() const
    {
        return {s("--settings"), m_noSettings, s("--store"), m_dir.filePath(s("no-store.sqlite"))};
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(kCli), qPrintable(s("build sealcheck-cli first: ") + kCli));
        m_noSettings = m_dir.filePath(s("empty.conf"));
        QFile(m_noSettings).open(QIODevice::WriteOnly);
    }

    void pingAndVerify()
    {
        const QByteArray input = frame(ping(1))
            + frame(QJsonObject{{s("id"), s("m-2")}, {s("raw"), binaryString(demo("02-forged-bank-spoof.eml"))}});
        const Session r = runHost(isolated(), input);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.rest.isEmpty());
        QCOMPARE(r.replies.size(), 2);
        QCOMPARE(r.replies[0].value(s("id")).toInt(), 1);
        QVERIFY(r.replies[0].value(s("pong")).toBool());
        const QJsonObject v = r.replies[1];
        QCOMPARE(v.value(s("id")).toString(), s("m-2"));
        QCOMPARE(v.value(s("verdict")).toString(), s("forged"));
        QCOMPARE(v.value(s("domain")).toString(), s("mybank.example"));
        QVERIFY(!v.value(s("reasons")).toArray().isEmpty());
        QVERIFY(v.value(s("warnings")).isArray());
        QCOMPARE(v.value(s("report")).toObject().value(s("verdict")).toString(), s("forged"));
        QVERIFY(!v.contains(s("error")));
    }

    /// Bytes above 0x7F arrive as characters U+0080..U+00FF: they are the message's bytes.
    void binaryStringIsBytes()
    {
        QByteArray msg = demo("08-unauthenticated-club.eml");
        msg.replace("Subject: ", "Subject: Gr\xc3\xbc\xc3\x9f" "e ");
        const Session r = runHost(isolated(), frame(QJsonObject{{s("id"), 7}, {s("raw"), binaryString(msg)}}));
        QCOMPARE(r.replies.size(), 1);
        const QString subject = r.replies[0].value(s("report")).toObject().value(s("subject")).toString();
        QVERIFY2(subject.startsWith(s("Grüße ")), qPrintable(subject));
    }

    /// Over the bound: an error answer, exactly that many bytes skipped, the next request answered.
    void oversizedRequestIsSkipped()
    {
        const uint32_t big = 64u * 1024 * 1024 + 1;
        QByteArray input(reinterpret_cast<const char *>(&big), 4);
        input += QByteArray(qsizetype(big), '{');
        input += frame(ping(2));
        const Session r = runHost(isolated(), input);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.replies.size(), 2);
        QVERIFY(r.replies[0].value(s("id")).isNull());
        QVERIFY2(r.replies[0].value(s("error")).toString().contains(s("more than the limit")),
                 qPrintable(r.replies[0].value(s("error")).toString()));
        QCOMPARE(r.replies[1].value(s("id")).toInt(), 2);
        QVERIFY(r.replies[1].value(s("pong")).toBool());
    }

    void malformedRequests()
    {
        const QByteArray input = frame(QByteArray("{\"id\": 1, \"raw\": ")) + frame(QByteArray("[1,2]"))
            + frame(QJsonObject{{s("id"), 3}}) + frame(QJsonObject{{s("id"), 4}, {s("command"), s("format-disk")}})
            + frame(QJsonObject{{s("id"), 5}, {s("raw"), s("Subject: ") + QString(70000, QLatin1Char('x'))}})
            + frame(QByteArray()) + frame(ping(6));
        const Session r = runHost(isolated(), input);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.replies.size(), 7);
        QVERIFY(r.replies[0].value(s("error")).toString().contains(s("not JSON")));
        QVERIFY(r.replies[1].value(s("error")).toString().contains(s("not a JSON object")));
        QCOMPARE(r.replies[2].value(s("id")).toInt(), 3);
        QVERIFY(r.replies[2].value(s("error")).toString().contains(s("no \"raw\"")));
        QVERIFY(r.replies[3].value(s("error")).toString().contains(s("unknown command")));
        QCOMPARE(r.replies[4].value(s("id")).toInt(), 5);
        QVERIFY(r.replies[4].value(s("error")).toString().contains(s("not a message")));
        QVERIFY(r.replies[5].contains(s("error"))); // an empty body
        QVERIFY(r.replies[6].value(s("pong")).toBool());
    }

    /// Input that ends inside a length or a body: earlier requests answered, then a clean end.
    void truncatedInput()
    {
        Session r = runHost(isolated(), frame(ping(1)) + QByteArray("\x10\x00", 2));
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.replies.size(), 1);
        QVERIFY(r.err.contains(s("inside a length prefix")));
        r = runHost(isolated(), frame(ping(1)) + frame(QByteArray("{\"id\": 2, \"command\": \"ping\"}")).left(12));
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.replies.size(), 1);
        QVERIFY(r.err.contains(s("inside a request")));
        r = runHost(isolated(), {});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.replies.isEmpty());
    }

    /// The desktop program's settings: its known domains make the lookalike suspicious.
    void usesDesktopSettings()
    {
        const QByteArray request = frame(QJsonObject{{s("id"), 1}, {s("raw"), binaryString(demo("05-suspicious-lookalike.eml"))}});
        const Session without = runHost(isolated(), request);
        QCOMPARE(without.replies.size(), 1);
        QVERIFY(without.replies[0].value(s("verdict")).toString() != s("suspicious"));
        const QString conf = m_dir.filePath(s("sealcheck.conf"));
        QFile f(conf);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[trust]\nknownDomains=mybank.example\n");
        f.close();
        const Session with = runHost({s("--settings"), conf, s("--store"), m_dir.filePath(s("no-store.sqlite"))}, request);
        QCOMPARE(with.replies.size(), 1);
        QCOMPARE(with.replies[0].value(s("verdict")).toString(), s("suspicious"));
        QCOMPARE(with.replies[0].value(s("domain")).toString(), s("rnybank.example"));
    }

    /// The account named in the request lends its trusted authserv-id; another account's does not.
    void accountTrust()
    {
        const QString storePath = m_dir.filePath(s("store.sqlite"));
        {
            sealcheck::MessageStore store;
            QVERIFY(store.open(storePath));
            sealcheck::AccountRecord a;
            a.name = s("Demo");
            a.host = s("imap.sealcheck-demo.example");
            a.username = s("you@sealcheck-demo.example");
            a.trustedAuthservIds = {s("mx.sealcheck-demo.example")};
            QVERIFY(store.saveAccount(a));
        }
        const QByteArray msg = "Authentication-Results: mx.sealcheck-demo.example; dmarc=pass header.from=club.example\n"
            + demo("08-unauthenticated-club.eml");
        auto trusted = [&](const QString &account) {
            const Session r = runHost({s("--settings"), m_noSettings, s("--store"), storePath},
                                      frame(QJsonObject{{s("id"), 1}, {s("raw"), binaryString(msg)}, {s("account"), account}}));
            const QJsonArray ar = r.replies.value(0).value(s("report")).toObject().value(s("authentication_results")).toArray();
            return ar.isEmpty() ? -1 : int(ar[0].toObject().value(s("trusted")).toBool());
        };
        QCOMPARE(trusted(s("You@Sealcheck-Demo.example")), 1);
        QCOMPARE(trusted(s("someone@else.example")), 0);
        QCOMPARE(trusted(QString()), 0);
    }

    /// "open": the raw bytes in a file only the user can read, handed to the desktop program.
    void openWritesPrivateFile()
    {
        const QString script = m_dir.filePath(s("fake-sealcheck.sh"));
        const QString copy = m_dir.filePath(s("opened.eml"));
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("#!/bin/sh\nstat -c %a \"$1\" > '%1.mode'\ncp \"$1\" '%1'\n").arg(copy).toUtf8());
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QByteArray msg = demo("01-authenticated-bank.eml") + "caf\xc3\xa9\n";
        const Session r = runHost(isolated() + QStringList{s("--desktop-program"), script},
                                  frame(QJsonObject{{s("id"), 9}, {s("command"), s("open")}, {s("raw"), binaryString(msg)}}));
        QCOMPARE(r.replies.size(), 1);
        QVERIFY2(r.replies[0].value(s("opened")).toBool(), QJsonDocument(r.replies[0]).toJson().constData());
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(copy + s(".mode")).size() > 0 && QFileInfo(copy).size() == msg.size(), 10000);
        QFile c(copy);
        QVERIFY(c.open(QIODevice::ReadOnly));
        QCOMPARE(c.readAll(), msg);
        QFile mode(copy + s(".mode"));
        QVERIFY(mode.open(QIODevice::ReadOnly));
        QCOMPARE(mode.readAll().trimmed(), QByteArray("600"));
    }
};

QTEST_GUILESS_MAIN(tst_NativeHost)
#include "tst_nativehost.moc"
