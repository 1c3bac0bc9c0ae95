// The adversarial corpus (tests/data/adversarial): published spoofing tricks, one file per case,
// each with a NAME.meta naming its source, its zone, the known domains, the verdict and the finding
// the user must see. Every case runs through verifier::verify() with the corpus zone; evil.example
// is a well-configured attacker domain, so a case the rules miss comes out authenticated. The
// control row proves that: the same message with a plain From is authenticated.
#include "Message.h"
#include "Report.h"
#include "TestPaths.h"
#include "Verifier.h"
#include "ZoneResolver.h"

#include <QDateTime>
#include <QDir>
#include <QMap>
#include <QTest>

using namespace verifier;

namespace {

QMap<QString, QString> readMeta(const QString &path)
{
    QMap<QString, QString> meta;
    const QString text = QString::fromStdString(testpaths::readFile(path));
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const int colon = line.indexOf(QLatin1Char(':'));
        if (colon > 0 && !line.startsWith(QLatin1Char('#')))
            meta.insert(line.left(colon).trimmed(), line.mid(colon + 1).trimmed());
    }
    return meta;
}

Report verifyCase(const std::string &bytes, const QMap<QString, QString> &meta, const QString &dir)
{
    ZoneResolver zone;
    const auto loaded = zone.loadMasterFile(testpaths::readFile(dir + QLatin1Char('/') + meta.value(QStringLiteral("zone"))));
    if (!loaded.ok())
        qFatal("zone: %s", loaded.error().message.c_str());
    VerifyContext context;
    context.resolver = &zone;
    context.now = QDateTime::fromString(meta.value(QStringLiteral("now")), Qt::ISODate).toSecsSinceEpoch();
    for (const QString &d : meta.value(QStringLiteral("known-domain")).split(QLatin1Char(' '), Qt::SkipEmptyParts))
        context.trust.knownDomains.push_back(d.toStdString());
    context.signatures.enableOpenPgp = false;
    auto message = Message::parse(bytes);
    if (!message.ok())
        qFatal("message does not parse");
    return verify(*message, context);
}

QStringList codes(const std::vector<Finding> &findings)
{
    QStringList out;
    for (const Finding &f : findings)
        out << QString::fromLatin1(findingCodeName(f.code).data(), qsizetype(findingCodeName(f.code).size()));
    return out;
}

QString corpusDir() { return testpaths::testData(QStringLiteral("adversarial")); }

} // namespace

class tst_Adversarial : public QObject
{
    Q_OBJECT
private slots:
    void corpus_data()
    {
        QTest::addColumn<QString>("name");
        const QDir dir(corpusDir());
        const QStringList metas = dir.entryList({QStringLiteral("*.meta")}, QDir::Files, QDir::Name);
        QVERIFY2(metas.size() >= 60, "the corpus is incomplete");
        for (const QString &m : metas)
            QTest::newRow(qPrintable(m.chopped(5))) << m.chopped(5);
    }
    void corpus()
    {
        QFETCH(QString, name);
        const QString dir = corpusDir();
        const QMap<QString, QString> meta = readMeta(dir + QLatin1Char('/') + name + QStringLiteral(".meta"));
        QVERIFY2(!meta.value(QStringLiteral("source")).isEmpty(), "every case names its source");
        const std::string bytes = testpaths::readFile(dir + QLatin1Char('/') + name + QStringLiteral(".eml"));
        QVERIFY(!bytes.empty());
        const Report r = verifyCase(bytes, meta, dir);
        const QString verdict = QString::fromLatin1(verdictName(r.verdict).data());
        const QStringList reasons = codes(r.reasons);
        QVERIFY2(r.verdict != Verdict::Authenticated, qPrintable(name + QStringLiteral(": authenticated")));
        QVERIFY2(verdict == meta.value(QStringLiteral("expect")),
                 qPrintable(verdict + QStringLiteral(" (") + reasons.join(QStringLiteral(", ")) + QLatin1Char(')')));
        QVERIFY2(reasons.contains(meta.value(QStringLiteral("finding"))), qPrintable(reasons.join(QStringLiteral(", "))));
        // What is shown never holds a raw NUL, CR or LF.
        for (const Finding &f : r.reasons) {
            QVERIFY(f.text.find('\0') == std::string::npos);
            QVERIFY(f.text.find('\r') == std::string::npos && f.text.find('\n') == std::string::npos);
        }
    }

    // The corpus setup authenticates evil.example's honest mail: the rules, not the setup, stop
    // the cases above. Also for a known domain's own mail and its subdomains.
    void control_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QString>("known");
        QTest::newRow("plain") << QByteArray("From: <any@evil.example>") << QString();
        QTest::newRow("with a name") << QByteArray("From: Evil Corp <any@evil.example>") << QStringLiteral("bank.example");
        QTest::newRow("harmless comment") << QByteArray("From: <any@evil.example> (Support team)") << QString();
        QTest::newRow("comment naming its own domain") << QByteArray("From: (evil.example) <any@evil.example>") << QString();
        QTest::newRow("known domain itself") << QByteArray("From: <any@evil.example>") << QStringLiteral("evil.example");
        QTest::newRow("other known domain") << QByteArray("From: <mybank@evil.example>") << QStringLiteral("bank.example");
    }
    void control()
    {
        QFETCH(QByteArray, from);
        QFETCH(QString, known);
        const QString dir = corpusDir();
        std::string bytes = testpaths::readFile(dir + QStringLiteral("/espoofer-server-a8-two-from.eml"));
        const std::string two = "From: <any@evil.example>\r\nFrom: <admin@bank.example>\r\n";
        const size_t at = bytes.find(two);
        QVERIFY(at != std::string::npos);
        bytes.replace(at, two.size(), from.toStdString() + "\r\n");
        QMap<QString, QString> meta = readMeta(dir + QStringLiteral("/espoofer-server-a8-two-from.meta"));
        meta.insert(QStringLiteral("known-domain"), known);
        const Report r = verifyCase(bytes, meta, dir);
        QCOMPARE(QString::fromLatin1(verdictName(r.verdict).data()), QStringLiteral("authenticated"));
    }
};

QTEST_GUILESS_MAIN(tst_Adversarial)
#include "tst_adversarial.moc"
