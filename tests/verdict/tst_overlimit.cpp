// Issue 24 item 13: a message over a limit of Message::parse (here a spoof padded past 1000
// header fields) is *not checked* (FindingCode::NotCheckedLimit) everywhere: in the report the
// verifier builds, in the desktop program's scheduler (it was "unauthenticated" there, so the
// padded spoof lost "forged"), and in `sealcheck-cli verify` (it only said "unreadable", exit 2).
#include "Message.h"
#include "OverLimit.h"
#include "VerificationScheduler.h"
#include "ZoneResolver.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace verifier;

namespace {

const QString kCli = QStringLiteral(SEALCHECK_BINARY_DIR "/bin/sealcheck-cli");

/// The demo's bank spoof with @p extra fields above it.
QByteArray paddedSpoof(int extra)
{
    QFile f(QStringLiteral(SEALCHECK_SOURCE_DIR "/resources/demo/messages/02-forged-bank-spoof.eml"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QByteArray out;
    for (int i = 0; i < extra; ++i)
        out += "X-Padding-" + QByteArray::number(i) + ": x\r\n";
    return out + f.readAll();
}

bool hasLimitReason(const Report &r)
{
    for (const Finding &f : r.reasons)
        if (f.code == FindingCode::NotCheckedLimit)
            return true;
    return false;
}

} // namespace

class TstOverLimit : public QObject
{
    Q_OBJECT
private slots:
    void reportIsNotChecked()
    {
        std::string limit;
        const auto parsed = Message::parse(paddedSpoof(1001).toStdString(), {}, &limit);
        QVERIFY(!parsed);
        QCOMPARE(limit, std::string("1000 header fields"));
        const Report r = overLimitReport("padded.eml", limit);
        QCOMPARE(r.verdict, Verdict::NotChecked);
        QVERIFY(hasLimitReason(r));
        QVERIFY2(r.reasons.front().text.find("1000 header fields") != std::string::npos, r.reasons.front().text.c_str());
        // Within the limits the `exceeded` text stays empty.
        std::string none;
        QVERIFY(Message::parse(paddedSpoof(10).toStdString(), {}, &none));
        QVERIFY(none.empty());
    }

    void schedulerDeliversNotChecked()
    {
        sealcheck::VerificationSettings s;
        s.resolver = std::make_shared<ZoneResolver>();
        sealcheck::VerificationScheduler scheduler;
        scheduler.setSettings(s);
        std::optional<Report> got;
        QString error;
        QObject::connect(&scheduler, &sealcheck::VerificationScheduler::reportReady,
                         [&](qint64, const Report &r) { got = r; });
        QObject::connect(&scheduler, &sealcheck::VerificationScheduler::failed, [&](qint64, const QString &e) { error = e; });
        QSignalSpy finished(&scheduler, &sealcheck::VerificationScheduler::finished);
        scheduler.enqueue(1, paddedSpoof(1001), QStringLiteral("padded.eml"));
        QVERIFY(finished.wait(30000));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(got);
        QCOMPARE(got->verdict, Verdict::NotChecked);
        QVERIFY(hasLimitReason(*got));
    }

    void cliPrintsNotChecked()
    {
        QVERIFY2(QFile::exists(kCli), qPrintable(QStringLiteral("build sealcheck-cli first: ") + kCli));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("padded.eml"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(paddedSpoof(1001));
        f.close();
        QProcess p;
        p.start(kCli, {QStringLiteral("verify"), QStringLiteral("--json"), QStringLiteral("--dns-zone"),
                       QStringLiteral(SEALCHECK_SOURCE_DIR "/resources/demo/demo.zone"), path});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2); // the input was not read in full: still a usage/input status
        const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("not-checked"));
        QVERIFY(p.readAllStandardError().contains("more than 1000 header fields"));
    }
};

QTEST_GUILESS_MAIN(TstOverLimit)
#include "tst_overlimit.moc"
