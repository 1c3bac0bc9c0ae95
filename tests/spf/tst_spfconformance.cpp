// The OpenSPF test suites (RFC 7208 and RFC 4408) run against checkSpf(), one row per case,
// named "<scenario>/<test>". Data: ../shared/conformance/openspf-rfc7208 (README.txt there
// describes the format). The zone of each scenario is loaded the way pyspf's testspf.py does:
//  - TXT/SPF values are one RR (a list = several character-strings, glued without separator);
//  - SPF (type 99) records are served as type 99 and, when the name has no TXT record at all,
//    also as TXT — the suite's convention, since RFC 7208 checkers query TXT only;
//  - "TXT: NONE" means the name has no TXT record (and stops that copying);
//  - a bare TIMEOUT makes every query of that name time out, except for the record types
//    listed before it (so "TXT ..., TIMEOUT" answers TXT and times out for type SPF);
//  - absent names are NXDOMAIN; names match case-insensitively.
// An expected explanation of "DEFAULT" is pyspf's default explanation: our empty one.
// A case passes when checkSpf() gives the suite's preferred (first) result and explanation.
// RFC 4408 cases whose rule RFC 7208 changed are listed in DEVIATIONS.md: exactly those must
// give another of their accepted results instead.

#include "SpfChecker.h"
#include "ZoneResolver.h"

#include "TestPaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <cctype>
#include <map>
#include <set>

using namespace verifier;

namespace {

class SuiteResolver final : public Resolver
{
public:
    ZoneResolver zone;
    /// name -> the types answered although the name otherwise times out
    std::map<std::string, std::set<RrType>> partialTimeouts;

    DnsAnswer query(std::string_view name, RrType type) const override
    {
        auto it = partialTimeouts.find(ZoneResolver::canonicalName(name));
        if (it != partialTimeouts.end() && !it->second.count(type)) {
            DnsAnswer a;
            a.status = DnsStatus::Timeout;
            a.why = "query timed out";
            return a;
        }
        return zone.query(name, type);
    }
};

std::string utf8(const QString &s)
{
    const QByteArray b = s.toUtf8();
    return std::string(b.constData(), size_t(b.size()));
}

std::vector<std::string> txtStrings(const QJsonValue &v)
{
    std::vector<std::string> out;
    if (v.isArray()) {
        for (const QJsonValue &s : v.toArray())
            out.push_back(utf8(s.toString()));
    } else {
        out.push_back(utf8(v.toString()));
    }
    return out;
}

void loadZone(const QJsonObject &zonedata, SuiteResolver *resolver)
{
    for (auto it = zonedata.begin(); it != zonedata.end(); ++it) {
        const std::string name = utf8(it.key());
        const QJsonArray rrs = it.value().toArray();
        bool hasTxt = false;
        for (const QJsonValue &rr : rrs) {
            if (rr.isObject() && rr.toObject().contains(QStringLiteral("TXT")))
                hasTxt = true;
        }
        std::set<RrType> before;
        bool timeout = false;
        std::vector<std::vector<std::string>> spfRecords;
        for (const QJsonValue &rr : rrs) {
            if (rr.isString()) {
                QCOMPARE(rr.toString(), QStringLiteral("TIMEOUT"));
                timeout = true;
                break;
            }
            const QJsonObject o = rr.toObject();
            QCOMPARE(o.size(), 1);
            const QString type = o.begin().key();
            const QJsonValue value = o.begin().value();
            if (type == QLatin1String("TXT")) {
                if (value.isString() && value.toString() == QLatin1String("NONE"))
                    continue; // no record, and no answer before a TIMEOUT either
                before.insert(RrType::TXT);
                resolver->zone.addTxt(name, txtStrings(value));
            } else if (type == QLatin1String("SPF")) {
                before.insert(RrType::SPF);
                DnsRecord r;
                r.strings = txtStrings(value);
                resolver->zone.add(name, RrType::SPF, r);
                spfRecords.push_back(r.strings);
            } else if (type == QLatin1String("A") || type == QLatin1String("AAAA")) {
                before.insert(type == QLatin1String("A") ? RrType::A : RrType::AAAA);
                resolver->zone.addAddress(name, utf8(value.toString()));
            } else if (type == QLatin1String("MX")) {
                before.insert(RrType::MX);
                const QJsonArray mx = value.toArray();
                resolver->zone.addMx(name, uint16_t(mx.at(0).toInt()), utf8(mx.at(1).toString()));
            } else if (type == QLatin1String("PTR") || type == QLatin1String("CNAME")) {
                const RrType t = type == QLatin1String("PTR") ? RrType::PTR : RrType::CNAME;
                before.insert(t);
                DnsRecord r;
                r.text = ZoneResolver::canonicalName(utf8(value.toString()));
                resolver->zone.add(name, t, r);
            } else {
                QFAIL(qPrintable(QStringLiteral("unknown RR type ") + type));
            }
        }
        // pyspf's driver serves SPF records as TXT too when the name has no TXT record; those
        // generated records come after a TIMEOUT marker, so they are not answered then.
        if (!hasTxt) {
            for (const auto &strings : spfRecords)
                resolver->zone.addTxt(name, strings);
        }
        if (timeout) {
            if (before.empty())
                resolver->zone.setFailure(name, DnsStatus::Timeout);
            else
                resolver->partialTimeouts[ZoneResolver::canonicalName(name)] = before;
        }
    }
}

// ---- The same zone as RFC 1035 master-file text, for the --dns-zone path (issue 24 item 14).

/// A name in presentation form: bytes other than letters, digits, '-', '_', '*' and '.' as \DDD.
std::string presentationName(const std::string &name)
{
    std::string out;
    for (unsigned char c : name) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '*' || c == '.')
            out += char(c);
        else
            out += '\\' + QStringLiteral("%1").arg(int(c), 3, 10, QLatin1Char('0')).toStdString();
    }
    return out.empty() || out.back() != '.' ? out + '.' : out;
}

/// Quoted character-strings of at most 255 bytes: '"' and '\\' as \X, other non-printables as \DDD.
std::string presentationStrings(const std::vector<std::string> &strings)
{
    std::string out;
    for (const std::string &whole : strings) {
        for (size_t start = 0; start < whole.size() || start == 0; start += 255) {
            out += " \"";
            for (unsigned char c : whole.substr(start, 255)) {
                if (c == '"' || c == '\\')
                    out += '\\' + std::string(1, char(c));
                else if (c < 0x20 || c > 0x7e)
                    out += '\\' + QStringLiteral("%1").arg(int(c), 3, 10, QLatin1Char('0')).toStdString();
                else
                    out += char(c);
            }
            out += '"';
            if (whole.empty())
                break;
        }
    }
    return out;
}

/// The scenario's zone as master-file text, with the suite's conventions of loadZone(). A zone
/// file cannot say "time out": a TIMEOUT marker is set on @p resolver instead, as loadZone() does.
std::string masterFileText(const QJsonObject &zonedata, SuiteResolver *resolver)
{
    std::string text;
    for (auto it = zonedata.begin(); it != zonedata.end(); ++it) {
        const std::string owner = presentationName(utf8(it.key()));
        bool hasTxt = false;
        bool timeout = false;
        std::set<RrType> before;
        std::vector<std::string> spfLines;
        for (const QJsonValue &rr : it.value().toArray()) {
            if (rr.isString()) {
                timeout = true;
                break;
            }
            const QJsonObject o = rr.toObject();
            const QString type = o.begin().key();
            const QJsonValue value = o.begin().value();
            if (type == QLatin1String("TXT")) {
                hasTxt = true;
                if (value.isString() && value.toString() == QLatin1String("NONE"))
                    continue;
                before.insert(RrType::TXT);
                text += owner + " IN TXT" + presentationStrings(txtStrings(value)) + "\n";
            } else if (type == QLatin1String("SPF")) {
                before.insert(RrType::SPF);
                // "SPF: [ ]" (null.example.com) has no character-string, which RFC 1035 §3.3.14
                // master files cannot write: left out (an empty record is no SPF record anyway).
                if (value.isArray() && value.toArray().isEmpty())
                    continue;
                spfLines.push_back(presentationStrings(txtStrings(value)));
                text += owner + " IN SPF" + spfLines.back() + "\n";
            } else if (type == QLatin1String("A") || type == QLatin1String("AAAA")) {
                before.insert(type == QLatin1String("A") ? RrType::A : RrType::AAAA);
                text += owner + " IN " + utf8(type) + ' ' + utf8(value.toString()) + "\n";
            } else if (type == QLatin1String("MX")) {
                before.insert(RrType::MX);
                const QJsonArray mx = value.toArray();
                text += owner + " IN MX " + std::to_string(mx.at(0).toInt()) + ' ' +
                        presentationName(utf8(mx.at(1).toString())) + "\n";
            } else {
                before.insert(type == QLatin1String("PTR") ? RrType::PTR : RrType::CNAME);
                text += owner + " IN " + utf8(type) + ' ' + presentationName(utf8(value.toString())) + "\n";
            }
        }
        if (!hasTxt) {
            for (const std::string &strings : spfLines)
                text += owner + " IN TXT" + strings + "\n";
        }
        if (timeout) {
            if (before.empty())
                resolver->zone.setFailure(utf8(it.key()), DnsStatus::Timeout);
            else
                resolver->partialTimeouts[ZoneResolver::canonicalName(utf8(it.key()))] = before;
        }
    }
    return text;
}

QSet<QString> readDeviations(const QString &suite)
{
    QSet<QString> out;
    QFile f(QStringLiteral(SEALCHECK_SOURCE_DIR "/tests/spf/DEVIATIONS.md"));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    // Lines: "- `rfc4408: <scenario>/<test>` — reason"
    static const QRegularExpression line(QStringLiteral("^- `([a-z0-9]+): ([^`]+)`"));
    for (const QString &l : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
        const auto m = line.match(l);
        if (m.hasMatch() && m.captured(1) == suite)
            out.insert(m.captured(2));
    }
    return out;
}

struct Tally
{
    int passed = 0;
    int deviated = 0;
};
std::map<QString, Tally> g_tally;

} // namespace

class tst_SpfConformance : public QObject
{
    Q_OBJECT
private:
    QJsonArray m_suite;

    void addRows(const QString &file)
    {
        QTest::addColumn<QString>("suite");
        QTest::addColumn<int>("scenario");
        QTest::addColumn<QString>("test");
        const QString dir = testpaths::conformanceDir(QStringLiteral("openspf-rfc7208"));
        if (dir.isEmpty())
            return;
        QFile f(dir + QLatin1Char('/') + file + QStringLiteral("-tests.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray scenarios = QJsonDocument::fromJson(f.readAll()).array();
        QVERIFY(!scenarios.isEmpty());
        for (int i = 0; i < scenarios.size(); ++i) {
            const QJsonObject s = scenarios.at(i).toObject();
            const QJsonObject tests = s.value(QStringLiteral("tests")).toObject();
            for (auto it = tests.begin(); it != tests.end(); ++it) {
                const QString row = s.value(QStringLiteral("description")).toString() + QLatin1Char('/') + it.key();
                QTest::newRow(qPrintable(row)) << file << i << it.key();
            }
        }
    }

    void runRow(bool viaZoneFile = false)
    {
        QFETCH(QString, suite);
        QFETCH(int, scenario);
        QFETCH(QString, test);
        SEALCHECK_REQUIRE_SUITE(dir, "openspf-rfc7208");
        QFile f(dir + QLatin1Char('/') + suite + QStringLiteral("-tests.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject s = QJsonDocument::fromJson(f.readAll()).array().at(scenario).toObject();
        const QJsonObject t = s.value(QStringLiteral("tests")).toObject().value(test).toObject();

        SuiteResolver resolver;
        if (viaZoneFile) {
            // What `--dns-zone` does: the zone as master-file text through ZoneResolver::loadMasterFile.
            const std::string text = masterFileText(s.value(QStringLiteral("zonedata")).toObject(), &resolver);
            auto loaded = resolver.zone.loadMasterFile(text);
            QVERIFY2(loaded.ok(), qPrintable(QString::fromStdString((loaded.ok() ? std::string() : loaded.error().message) + "\n" + text)));
            suite = QStringLiteral("rfc7208-zonefile");
        } else {
            loadZone(s.value(QStringLiteral("zonedata")).toObject(), &resolver);
        }
        if (QTest::currentTestFailed())
            return;

        SpfRequest request;
        request.clientIp = utf8(t.value(QStringLiteral("host")).toString());
        request.helo = utf8(t.value(QStringLiteral("helo")).toString());
        request.mailFrom = utf8(t.value(QStringLiteral("mailfrom")).toString());
        const SpfResult r = checkSpf(request, resolver);

        QStringList expected;
        const QJsonValue res = t.value(QStringLiteral("result"));
        if (res.isArray()) {
            for (const QJsonValue &v : res.toArray())
                expected << v.toString();
        } else {
            expected << res.toString();
        }
        const QString actual = QString::fromUtf8(rfc8601Token(r.result).data(), qsizetype(rfc8601Token(r.result).size()));
        const bool accepted = expected.contains(actual);
        bool preferred = actual == expected.first();
        QString why = QStringLiteral("result %1, expected %2 (%3)").arg(actual, expected.join(QLatin1Char('|')),
                                                                        QString::fromStdString(r.reason));
        if (accepted && t.contains(QStringLiteral("explanation"))) {
            const QString exp = r.explanation.empty() ? QStringLiteral("DEFAULT") : QString::fromStdString(r.explanation);
            if (exp != t.value(QStringLiteral("explanation")).toString()) {
                preferred = false;
                why = QStringLiteral("explanation '%1', expected '%2'").arg(exp, t.value(QStringLiteral("explanation")).toString());
            }
        }
        // What every result must hold whatever the case.
        QVERIFY(r.evaluated);
        QCOMPARE(QString::fromStdString(r.identity),
                 request.mailFrom.empty() ? QStringLiteral("helo") : QStringLiteral("mailfrom"));
        QVERIFY(!r.reason.empty());
        QVERIFY(r.dnsLookups <= 11);
        QVERIFY(r.voidLookups <= 3);

        const QString row = QString::fromUtf8(QTest::currentDataTag());
        const bool listed = readDeviations(viaZoneFile ? QStringLiteral("rfc7208") : suite).contains(row);
        if (listed) {
            // A listed case gives another of the suite's accepted results than its preferred one.
            QVERIFY2(accepted && !preferred,
                     qPrintable(QStringLiteral("listed in DEVIATIONS.md but ") + (preferred ? QStringLiteral("gives the preferred result") : why)));
            ++g_tally[suite].deviated;
        } else {
            QVERIFY2(accepted && preferred, qPrintable(why));
            ++g_tally[suite].passed;
        }
    }

private slots:
    void rfc7208_data() { addRows(QStringLiteral("rfc7208")); }
    void rfc7208()
    {
        QVERIFY(readDeviations(QStringLiteral("rfc7208")).isEmpty());
        runRow();
    }
    /// The RFC 7208 cases again, their zones read from master-file text (`--dns-zone`).
    void rfc7208ZoneFile_data() { addRows(QStringLiteral("rfc7208")); }
    void rfc7208ZoneFile() { runRow(true); }
    void rfc4408_data() { addRows(QStringLiteral("rfc4408")); }
    void rfc4408() { runRow(); }

    void counts()
    {
        SEALCHECK_REQUIRE_SUITE(dir, "openspf-rfc7208");
        Q_UNUSED(dir);
        for (const auto &[suite, tally] : g_tally)
            qInfo("%s: %d passed, %d listed deviations", qPrintable(suite), tally.passed, tally.deviated);
        // When the whole suite ran (no row filter on the command line), every case counted.
        if (QCoreApplication::arguments().size() == 1) {
            QCOMPARE(g_tally[QStringLiteral("rfc7208")].passed, 203);
            // Every case again through the zone-file reader (TIMEOUT markers set on the resolver).
            QCOMPARE(g_tally[QStringLiteral("rfc7208-zonefile")].passed, 203);
            QCOMPARE(g_tally[QStringLiteral("rfc4408")].passed + g_tally[QStringLiteral("rfc4408")].deviated, 191);
            QCOMPARE(g_tally[QStringLiteral("rfc4408")].deviated,
                     int(readDeviations(QStringLiteral("rfc4408")).size()));
        }
    }
};

QTEST_GUILESS_MAIN(tst_SpfConformance)
#include "tst_spfconformance.moc"
