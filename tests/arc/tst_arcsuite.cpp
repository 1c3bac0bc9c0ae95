// The validation half of ValiMail's ARC test suite (../shared/conformance/arc-valimail, see its
// README.txt): arc-draft-validation-tests.json, 10 scenarios, 171 distinct cases. One row per
// case, "<scenario description>/<test name>".
//
// Mapping: the suite's cv None/Pass/Fail is our ArcResult::result none/pass/fail; an empty cv
// ("chain broken") counts as Fail, as the README says. Messages have LF line ends: they are
// converted to CRLF. DNS: the scenario's txt-records (folded values: white space removed), split
// into 255-byte character-strings; every other name is NXDOMAIN.
// Time: the suite's t= values are 12345..12349 (1970) and no case has x=, so any present-day
// "now" treats no signature as expired or as made in the future; no case intends either.
//
// Rows that differ from the suite must be listed in DEVIATIONS.md beside this file
// ("- `row`: reason"), and every listed row must differ: the list is exact.

#include "ArcVerifier.h"
#include "ZoneResolver.h"

#include "TestPaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace verifier;

namespace {

constexpr int64_t kNow = 1767225600; // 2026-01-01T00:00:00Z

QString word(AuthResult r)
{
    switch (r) {
    case AuthResult::None:
        return QStringLiteral("None");
    case AuthResult::Pass:
        return QStringLiteral("Pass");
    case AuthResult::Fail:
        return QStringLiteral("Fail");
    case AuthResult::SoftFail:
    case AuthResult::Neutral:
    case AuthResult::TempError:
    case AuthResult::PermError:
    case AuthResult::Policy:
        break;
    }
    return QStringLiteral("unexpected:") + QString::fromUtf8(rfc8601Token(r).data());
}

QMap<QString, QString> &deviations()
{
    static QMap<QString, QString> list = [] {
        QMap<QString, QString> out;
        const QString text = QString::fromStdString(
            testpaths::readFile(QStringLiteral(SEALCHECK_SOURCE_DIR "/tests/arc/DEVIATIONS.md")));
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

QSet<QString> &rowsRun()
{
    static QSet<QString> rows;
    return rows;
}
QSet<QString> &seenDeviations()
{
    static QSet<QString> seen;
    return seen;
}

std::string toCrlf(const QString &text)
{
    std::string out;
    const QByteArray bytes = text.toUtf8();
    out.reserve(size_t(bytes.size()) + 256);
    for (char c : bytes) {
        if (c == '\n')
            out += "\r\n";
        else
            out += c;
    }
    return out;
}

} // namespace

class tst_ArcSuite : public QObject
{
    Q_OBJECT

private slots:
    void validation_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QJsonObject>("records");
        SEALCHECK_REQUIRE_SUITE(dir, "arc-valimail");
        const QJsonDocument doc = QJsonDocument::fromJson(
            QByteArray::fromStdString(testpaths::readFile(dir + QStringLiteral("/arc-draft-validation-tests.json"))));
        QVERIFY(doc.isArray());
        int cases = 0;
        for (const QJsonValue &scenario : doc.array()) {
            const QJsonObject s = scenario.toObject();
            const QString description = s.value(QStringLiteral("description")).toString();
            const QJsonObject records = s.value(QStringLiteral("txt-records")).toObject();
            const QJsonObject tests = s.value(QStringLiteral("tests")).toObject();
            for (auto it = tests.begin(); it != tests.end(); ++it) {
                const QJsonObject t = it.value().toObject();
                QString expected = t.value(QStringLiteral("cv")).toString();
                if (expected.isEmpty())
                    expected = QStringLiteral("Fail"); // "chain broken" (README.txt)
                const QString row = description + QLatin1Char('/') + it.key();
                QTest::newRow(qPrintable(row)) << t.value(QStringLiteral("message")).toString() << expected << records;
                ++cases;
            }
        }
        QCOMPARE(cases, 171);
    }

    void validation()
    {
        QFETCH(QString, message);
        QFETCH(QString, expected);
        QFETCH(QJsonObject, records);

        ZoneResolver zone;
        for (auto it = records.begin(); it != records.end(); ++it) {
            static const QRegularExpression ws(QStringLiteral("\\s+"));
            const std::string value = it.value().toString().remove(ws).toStdString();
            std::vector<std::string> strings;
            for (size_t i = 0; i < value.size(); i += 255)
                strings.push_back(value.substr(i, 255));
            zone.addTxt(it.key().toStdString(), strings);
        }
        auto parsed = Message::parse(toCrlf(message));
        QVERIFY(parsed.ok());
        const ArcResult r = verifyArc(*parsed, zone, kNow, {}, std::string());
        const QString got = word(r.result);

        // What a user would see: a reason always; pass only with a full chain.
        QVERIFY(!r.reason.empty());
        if (r.result == AuthResult::Pass) {
            QCOMPARE(int(r.chain.size()), r.instances);
            for (const ArcInstance &inst : r.chain) {
                QCOMPARE(inst.sealResult, AuthResult::Pass);
                QVERIFY(!inst.domain.empty());
            }
            QCOMPARE(r.chain.back().messageSignatureResult, AuthResult::Pass);
            QVERIFY(r.oldestPass >= 1 && r.oldestPass <= r.instances);
        }
        QVERIFY(!r.trustedSealer && !r.trustedDmarcPass);

        const QString row = QString::fromUtf8(QTest::currentDataTag());
        rowsRun().insert(row);
        // A 512-bit key never passes, deviation list or not (RFC 8301).
        if (row.endsWith(QLatin1String("/as_fields_b_512"))) {
            QCOMPARE(got, QStringLiteral("Fail"));
            QVERIFY2(r.reason.find("1024") != std::string::npos, r.reason.c_str());
        }
        const bool listed = deviations().contains(row);
        if (got == expected) {
            QVERIFY2(!listed, qPrintable(row + QStringLiteral(" now agrees: remove it from DEVIATIONS.md")));
            return;
        }
        seenDeviations().insert(row);
        QVERIFY2(listed, qPrintable(QStringLiteral("got %1, expected %2 (not in DEVIATIONS.md); reason: %3")
                                        .arg(got, expected, QString::fromStdString(r.reason))));
    }

    void deviationsListIsExact()
    {
        if (testpaths::conformanceDir(QStringLiteral("arc-valimail")).isEmpty())
            QSKIP("conformance suite 'arc-valimail' absent");
        qInfo("arc-valimail: %d cases, %d agree, %d listed deviations", int(rowsRun().size()),
              int(rowsRun().size() - seenDeviations().size()), int(seenDeviations().size()));
        for (auto it = deviations().cbegin(); it != deviations().cend(); ++it) {
            QVERIFY2(rowsRun().contains(it.key()), qPrintable(QStringLiteral("DEVIATIONS.md names an unknown row: ") + it.key()));
            QVERIFY2(seenDeviations().contains(it.key()),
                     qPrintable(QStringLiteral("listed deviation no longer deviates: ") + it.key()));
        }
    }
};

QTEST_GUILESS_MAIN(tst_ArcSuite)
#include "tst_arcsuite.moc"
