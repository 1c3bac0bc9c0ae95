// tst_regressions: replays every file under tests/data/regressions/<target>/ through the parser
// its folder names, with the very code of the fuzz target tests/fuzz/fuzz_<target>.cpp (compiled
// here with its entry point renamed, see CMakeLists.txt), in the normal build. Each file must
// run without a crash (a crash kills the test) and within a bounded time. Files ending in .log
// (the sanitizer report kept beside a finding) and .md are not inputs.
//
// A file may record its expected outcome in "<file>.expect" (one line, e.g. "message: error");
// none is recorded so far: the assertion is no crash, no hang.
#include <QtTest>

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>

#include <cstdint>
#include <map>

using FuzzEntry = int (*)(const uint8_t *, size_t);

#define SEALCHECK_DECLARE_FUZZ(name) extern "C" int sealcheckFuzz_##name(const uint8_t *, size_t);
SEALCHECK_DECLARE_FUZZ(message)
SEALCHECK_DECLARE_FUZZ(address)
SEALCHECK_DECLARE_FUZZ(mime)
SEALCHECK_DECLARE_FUZZ(dkim)
SEALCHECK_DECLARE_FUZZ(dkimheaders)
SEALCHECK_DECLARE_FUZZ(spf)
SEALCHECK_DECLARE_FUZZ(dmarc)
SEALCHECK_DECLARE_FUZZ(received)
SEALCHECK_DECLARE_FUZZ(authres)
SEALCHECK_DECLARE_FUZZ(zone)
SEALCHECK_DECLARE_FUZZ(verify)
#ifdef SEALCHECK_REGRESSIONS_HAVE_IMAP
SEALCHECK_DECLARE_FUZZ(imap)
#endif

namespace {
const std::map<QString, FuzzEntry> &entries()
{
    static const std::map<QString, FuzzEntry> map = {
        {QStringLiteral("message"), sealcheckFuzz_message},
        {QStringLiteral("address"), sealcheckFuzz_address},
        {QStringLiteral("mime"), sealcheckFuzz_mime},
        {QStringLiteral("dkim"), sealcheckFuzz_dkim},
        {QStringLiteral("dkimheaders"), sealcheckFuzz_dkimheaders},
        {QStringLiteral("spf"), sealcheckFuzz_spf},
        {QStringLiteral("dmarc"), sealcheckFuzz_dmarc},
        {QStringLiteral("received"), sealcheckFuzz_received},
        {QStringLiteral("authres"), sealcheckFuzz_authres},
        {QStringLiteral("zone"), sealcheckFuzz_zone},
        {QStringLiteral("verify"), sealcheckFuzz_verify},
#ifdef SEALCHECK_REGRESSIONS_HAVE_IMAP
        {QStringLiteral("imap"), sealcheckFuzz_imap},
#endif
    };
    return map;
}

QString regressionsDir()
{
    return QStringLiteral(SEALCHECK_TEST_DATA "/regressions");
}

bool isInput(const QString &fileName)
{
    return !fileName.endsWith(QLatin1String(".log")) && !fileName.endsWith(QLatin1String(".md"))
        && !fileName.endsWith(QLatin1String(".expect")) && !fileName.startsWith(QLatin1Char('.'));
}
} // namespace

class tst_Regressions : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(QDir(regressionsDir()).exists(), qPrintable(regressionsDir()));
    }

    /// Every folder names a known target (a typo would silently skip its files).
    void foldersNameTargets()
    {
        const auto folders = QDir(regressionsDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY(!folders.isEmpty());
        for (const QString &f : folders) {
#ifndef SEALCHECK_REGRESSIONS_HAVE_IMAP
            if (f == QLatin1String("imap"))
                continue;
#endif
            QVERIFY2(entries().count(f), qPrintable(QStringLiteral("unknown regression folder: ") + f));
        }
    }

    void replay_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("path");
        const auto folders = QDir(regressionsDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString &target : folders) {
            if (!entries().count(target))
                continue;
            QDir dir(regressionsDir() + QLatin1Char('/') + target);
            for (const QString &file : dir.entryList(QDir::Files, QDir::Name)) {
                if (isInput(file))
                    QTest::newRow(qPrintable(target + QLatin1Char('/') + file)) << target << dir.filePath(file);
            }
        }
    }

    void replay()
    {
        QFETCH(QString, target);
        QFETCH(QString, path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        // Seconds a single input may take (sanitizer builds may raise it through the environment).
        const int limitMs = qEnvironmentVariableIsSet("SEALCHECK_REGRESSION_SECONDS")
            ? qEnvironmentVariableIntValue("SEALCHECK_REGRESSION_SECONDS") * 1000
            : 5000;
        QElapsedTimer timer;
        timer.start();
        const int rc = entries().at(target)(reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size()));
        const qint64 ms = timer.elapsed();
        QCOMPARE(rc, 0);
        QVERIFY2(ms < limitMs, qPrintable(QStringLiteral("took %1 ms, limit %2 ms").arg(ms).arg(limitMs)));

        QFile expect(path + QLatin1String(".expect"));
        if (expect.open(QIODevice::ReadOnly))
            QWARN(qPrintable(QStringLiteral("expected outcome recorded but not checked: ") + QString::fromUtf8(expect.readAll())));
    }
};

QTEST_GUILESS_MAIN(tst_Regressions)
#include "tst_regressions.moc"
