// The public DKIM suites under ../shared/conformance (see each folder's README.txt):
//   mail-dkim-corpus      Mail::DKIM's corpus, expected.json + FAKE_DNS.dat, run with the
//                         minimum RSA size lowered to 512 (its messiah.edu keys, README);
//   dkimpy-testdata       dkimpy's five static vectors, expected-static.json + dns.dat;
//   dkim_verifier-testdata  the DKIM Verifier add-on's verifierSpec tests (data/ + dns.dat +
//                         each test's inline DNS), per-signature result and error type.
// Every row compares our outcome, mapped to the suite's vocabulary, with the expectation.
// Rows that differ must be listed in DEVIATIONS.md beside this file ("- `row`: reason"),
// and every listed row must differ: the list is exact.
//
// Mappings. Mail::DKIM: pass -> pass; fail -> fail; permerror, temperror, neutral, policy,
// none -> invalid; fail/weak-algorithm (rsa-sha1 that verified) -> pass in default mode (it
// accepts rsa-sha1) and invalid in strict mode; the message outcome is pass if any signature
// passes, else fail if any fails, else invalid, else none (no DKIM-Signature).
// DKIM Verifier: SUCCESS -> pass; TEMPFAIL -> temperror; PERMFAIL with an error type -> the
// matching DkimFailure; DKIM_POLICYERROR_UNSIGNED_HEADER_ADDED -> pass with an unsigned
// instance listed (coversWholeMessage() false: the policy is the application's).

#include "DkimTestDns.h"
#include "DkimVerifier.h"

#include "Strings.h"
#include "TestPaths.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace verifier;

namespace {

constexpr int64_t kNow = 1790000000; // 2026-09-21, a fixed "now" for the old corpora

QString token(AuthResult r) { return QString::fromUtf8(rfc8601Token(r).data()); }

QString describe(const std::vector<DkimResult> &results)
{
    QStringList parts;
    for (const auto &r : results)
        parts << token(r.result) + (r.failure == DkimFailure::None ? QString()
                                                                   : QLatin1Char('/') + QString::fromUtf8(dkimFailureName(r.failure).data()));
    return parts.join(QLatin1Char(','));
}

std::vector<DkimResult> run(const QString &path, const Resolver &resolver, int64_t now, const VerifierLimits &limits,
                            bool deliveryTime = false)
{
    auto m = Message::parse(testpaths::readFile(path));
    if (!m)
        return {};
    if (deliveryTime) {
        // Verify as at delivery: just after the newest t= (the add-on's messages are years old).
        int64_t newest = 0;
        for (const auto &r : verifyDkim(*m, resolver, now, limits))
            if (r.timestamp)
                newest = std::max(newest, *r.timestamp);
        if (newest)
            now = newest + 60;
    }
    return verifyDkim(*m, resolver, now, limits);
}

QString mailDkimWord(const DkimResult &r, bool strict)
{
    if (r.result == AuthResult::Pass)
        return QStringLiteral("pass");
    if (r.failure == DkimFailure::WeakAlgorithm)
        return strict ? QStringLiteral("invalid") : QStringLiteral("pass");
    if (r.result == AuthResult::Fail)
        return QStringLiteral("fail");
    return QStringLiteral("invalid");
}

QMap<QString, QString> &deviations()
{
    static QMap<QString, QString> list = [] {
        QMap<QString, QString> out;
        const QString text = QString::fromStdString(
            testpaths::readFile(QStringLiteral(SEALCHECK_SOURCE_DIR "/tests/dkim/DEVIATIONS.md")));
        static const QRegularExpression re(QStringLiteral("^- `([^`]+)`: (.+)$"));
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            const auto m = re.match(line.trimmed());
            if (m.hasMatch())
                out.insert(m.captured(1), m.captured(2));
        }
        return out;
    }();
    return list;
}

QSet<QString> &seenDeviations()
{
    static QSet<QString> seen;
    return seen;
}
QSet<QString> &rowsRun()
{
    static QSet<QString> rows;
    return rows;
}
QMap<QString, QPair<int, int>> &tally() // suite -> (agree, deviate)
{
    static QMap<QString, QPair<int, int>> t;
    return t;
}

// Compares and enforces the deviation list.
void check(const QString &suite, const QString &row, const QString &got, const QString &expected)
{
    const QString key = suite + QLatin1Char('/') + row;
    rowsRun().insert(key);
    const bool listed = deviations().contains(key);
    if (got == expected) {
        ++tally()[suite].first;
        QVERIFY2(!listed, qPrintable(key + QStringLiteral(" now agrees (") + got + QStringLiteral("): remove it from DEVIATIONS.md")));
        return;
    }
    ++tally()[suite].second;
    seenDeviations().insert(key);
    QVERIFY2(listed, qPrintable(key + QStringLiteral(": got ") + got + QStringLiteral(", expected ") + expected +
                                QStringLiteral(" (not in DEVIATIONS.md)")));
}

QJsonDocument readJson(const QString &path)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(testpaths::readFile(path)));
}

} // namespace

class tst_DkimConformance : public QObject
{
    Q_OBJECT
private slots:
    void mailDkim_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QStringList>("perSignature");
        QTest::addColumn<bool>("strict");
        SEALCHECK_REQUIRE_SUITE(dir, "mail-dkim-corpus");
        const QJsonArray cases = readJson(dir + QStringLiteral("/expected.json")).array();
        QVERIFY(cases.size() >= 80);
        for (const QJsonValue &v : cases) {
            const QJsonObject o = v.toObject();
            const bool strict = o.value(QStringLiteral("mode")).toString() == QLatin1String("strict");
            QStringList per;
            for (const QJsonValue &s : o.value(QStringLiteral("per_signature")).toArray())
                per << s.toString();
            const QString file = o.value(QStringLiteral("file")).toString();
            const QString row = QFileInfo(file).fileName() + (strict ? QStringLiteral("/strict") : QString());
            QTest::newRow(qPrintable(row)) << dir + QLatin1Char('/') + file << o.value(QStringLiteral("expected")).toString()
                                           << per << strict;
        }
    }
    void mailDkim()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        QFETCH(QStringList, perSignature);
        QFETCH(bool, strict);
        static ZoneResolver zone = [] {
            ZoneResolver z;
            dkimtest::loadDnsFile(z, testpaths::readFile(testpaths::conformanceDir(QStringLiteral("mail-dkim-corpus")) + QStringLiteral("/FAKE_DNS.dat")));
            return z;
        }();
        VerifierLimits limits;
        limits.minRsaBits = 512; // README: most messiah.edu keys are 512-bit
        const auto results = run(file, zone, kNow, limits);
        QStringList words;
        for (const auto &r : results)
            words << mailDkimWord(r, strict);
        QString got = words.contains(QStringLiteral("pass"))   ? QStringLiteral("pass")
                      : words.contains(QStringLiteral("fail"))  ? QStringLiteral("fail")
                      : !words.isEmpty()                        ? QStringLiteral("invalid")
                                                                : QStringLiteral("none");
        QString want = expected;
        if (!perSignature.isEmpty()) {
            got += QLatin1Char(' ') + words.join(QLatin1Char(','));
            want += QLatin1Char(' ') + perSignature.join(QLatin1Char(','));
        }
        check(QStringLiteral("mail-dkim-corpus"), QString::fromUtf8(QTest::currentDataTag()),
              got + QStringLiteral(" [") + describe(results) + QLatin1Char(']'),
              want + QStringLiteral(" [") + describe(results) + QLatin1Char(']'));
    }

    void dkimpy_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("expected");
        SEALCHECK_REQUIRE_SUITE(dir, "dkimpy-testdata");
        const QJsonArray cases = readJson(dir + QStringLiteral("/expected-static.json")).array();
        QCOMPARE(cases.size(), 5);
        for (const QJsonValue &v : cases) {
            const QJsonObject o = v.toObject();
            QStringList exp;
            for (const QJsonValue &s : o.value(QStringLiteral("expected")).toArray())
                exp << s.toString();
            const QString file = o.value(QStringLiteral("file")).toString();
            QTest::newRow(qPrintable(QFileInfo(file).fileName())) << dir + QLatin1Char('/') + file << exp;
        }
    }
    void dkimpy()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, expected);
        static ZoneResolver zone = [] {
            ZoneResolver z;
            dkimtest::loadDnsFile(z, testpaths::readFile(testpaths::conformanceDir(QStringLiteral("dkimpy-testdata")) + QStringLiteral("/dns.dat")));
            return z;
        }();
        const auto results = run(file, zone, kNow, VerifierLimits{});
        QStringList got;
        for (const auto &r : results)
            got << token(r.result);
        check(QStringLiteral("dkimpy-testdata"), QString::fromUtf8(QTest::currentDataTag()),
              got.join(QLatin1Char(',')) + QStringLiteral(" [") + describe(results) + QLatin1Char(']'),
              expected.join(QLatin1Char(',')) + QStringLiteral(" [") + describe(results) + QLatin1Char(']'));
        // The d=legitimate.com(.attacker.com vector must never pass, deviation or not.
        if (file.endsWith(QLatin1String("baddomain")))
            QCOMPARE(int(results.at(0).failure), int(DkimFailure::InvalidDomain));
    }

    void dkimVerifier_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("expected"); // per signature: "SUCCESS" or "PERMFAIL ERRORTYPE"
        QTest::addColumn<QVariantMap>("inlineDns");
        SEALCHECK_REQUIRE_SUITE(dir, "dkim_verifier-testdata");
        const QJsonObject root = readJson(dir + QStringLiteral("/dkim_verifier-expectations.json")).object();
        const QJsonArray tests = root.value(QStringLiteral("verifierSpec")).toArray();
        QVERIFY(tests.size() >= 30);
        static const QRegularExpression resultRe(QStringLiteral("^signatures\\[(\\d+)\\]\\.result == \"(\\w+)\"$"));
        static const QRegularExpression errorRe(QStringLiteral("^signatures\\[(\\d+)\\]\\.errorType == \"(\\w+)\"$"));
        for (const QJsonValue &v : tests) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("modifies_message_in_code")).toBool())
                continue;
            QMap<int, QString> per;
            for (const QJsonValue &a : o.value(QStringLiteral("assertions")).toArray()) {
                const QString s = a.toString();
                if (auto m = resultRe.match(s); m.hasMatch() && !per.contains(m.captured(1).toInt()))
                    per[m.captured(1).toInt()] = m.captured(2);
                if (auto m = errorRe.match(s); m.hasMatch() && !per.value(m.captured(1).toInt()).contains(QLatin1Char(' ')))
                    per[m.captured(1).toInt()] += QLatin1Char(' ') + m.captured(2);
            }
            if (per.isEmpty())
                continue;
            QSet<QString> files;
            for (const QJsonValue &f : o.value(QStringLiteral("files")).toArray())
                files.insert(f.toString());
            const QString title = o.value(QStringLiteral("test")).toString().section(QStringLiteral(" > "), -1);
            for (const QString &f : files) {
                QTest::newRow(qPrintable(title + QStringLiteral(" | ") + f))
                    << dir + QStringLiteral("/data/") + f << QStringList(per.values())
                    << o.value(QStringLiteral("inline_dns")).toObject().toVariantMap();
            }
        }
    }
    void dkimVerifier()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, expected);
        QFETCH(QVariantMap, inlineDns);
        const QString dir = testpaths::conformanceDir(QStringLiteral("dkim_verifier-testdata"));
        // dns.dat, with the names the test defines itself replaced by its records.
        std::string dns;
        for (const QString &line : QString::fromStdString(testpaths::readFile(dir + QStringLiteral("/dns.dat"))).split(QLatin1Char('\n')))
            if (!inlineDns.contains(line.section(QLatin1Char(' '), 0, 0)))
                dns += line.toStdString() + "\n";
        for (auto it = inlineDns.cbegin(); it != inlineDns.cend(); ++it)
            dns += it.key().toStdString() + " " + it.value().toString().toStdString() + "\n";
        ZoneResolver zone;
        dkimtest::loadDnsFile(zone, dns);
        const auto results = run(file, zone, kNow, VerifierLimits{}, true);
        static const QMap<QString, DkimFailure> errors = {
            {QStringLiteral("DKIM_SIGERROR_MISSING_V"), DkimFailure::MissingTag},
            {QStringLiteral("DKIM_SIGERROR_KEY_REVOKED"), DkimFailure::KeyRevoked},
            {QStringLiteral("DKIM_SIGERROR_KEY_HASHNOTINCLUDED"), DkimFailure::KeyHashNotAllowed},
            {QStringLiteral("DKIM_SIGERROR_KEY_MISMATCHED_K"), DkimFailure::KeyAlgorithmMismatch},
            {QStringLiteral("DKIM_SIGERROR_KEY_NOTEMAILKEY"), DkimFailure::KeyServiceType},
            {QStringLiteral("DKIM_SIGERROR_DOMAIN_I"), DkimFailure::KeyStrictSubdomain},
            {QStringLiteral("DKIM_SIGERROR_CORRUPT_BH"), DkimFailure::BodyHashMismatch},
            {QStringLiteral("DKIM_SIGERROR_BADSIG"), DkimFailure::SignatureMismatch},
        };
        QStringList got;
        for (const auto &r : results) {
            if (r.result == AuthResult::Pass && !r.unsignedInstances.empty() &&
                (r.unsignedInstances.size() > 0 && [&] {
                    for (const auto &n : r.unsignedInstances)
                        for (const auto &h : r.signedHeaders)
                            if (equalsIgnoreCase(n, h))
                                return true;
                    return false;
                }()))
                got << QStringLiteral("PERMFAIL DKIM_POLICYERROR_UNSIGNED_HEADER_ADDED");
            else if (r.result == AuthResult::Pass)
                got << QStringLiteral("SUCCESS");
            else if (r.result == AuthResult::TempError)
                got << QStringLiteral("TEMPFAIL");
            else
                got << QStringLiteral("PERMFAIL ") + errors.key(r.failure, QStringLiteral("?"));
        }
        // Compare only the signatures the spec test asserts on.
        while (got.size() > expected.size())
            got.removeLast();
        QStringList want = expected;
        for (QString &w : want)
            if (w.startsWith(QLatin1String("PERMFAIL")) && !w.contains(QLatin1Char(' ')))
                w += QStringLiteral(" ?");
        check(QStringLiteral("dkim_verifier-testdata"), QString::fromUtf8(QTest::currentDataTag()),
              got.join(QLatin1Char(',')) + QStringLiteral(" [") + describe(results) + QLatin1Char(']'),
              want.join(QLatin1Char(',')) + QStringLiteral(" [") + describe(results) + QLatin1Char(']'));
    }

    void deviationsListIsExact()
    {
        for (auto it = tally().cbegin(); it != tally().cend(); ++it)
            qInfo("%s: %d agree, %d listed deviations", qPrintable(it.key()), it.value().first, it.value().second);
        for (auto it = deviations().cbegin(); it != deviations().cend(); ++it) {
            const QString suite = it.key().section(QLatin1Char('/'), 0, 0);
            if (testpaths::conformanceDir(suite).isEmpty())
                continue; // suite absent: skipped above
            QVERIFY2(rowsRun().contains(it.key()), qPrintable(QStringLiteral("DEVIATIONS.md names an unknown row: ") + it.key()));
            QVERIFY2(seenDeviations().contains(it.key()), qPrintable(QStringLiteral("listed deviation no longer deviates: ") + it.key()));
        }
    }
};

QTEST_GUILESS_MAIN(tst_DkimConformance)
#include "tst_dkimconformance.moc"
