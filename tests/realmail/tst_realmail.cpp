// tst_realmail: the verdict a careful expert gives real messages from public sources, with the
// provider trusted and with no trust at all (issue 18, "Right on real mail").
//
// One row per message and setting. The expectations are tests/data/realmail/NAME.meta (format:
// tests/data/realmail/README.md); the messages, NAME.eml, and their DNS records, NAME.zone, are
// public test data read from $SEALCHECK_REALMAIL_DIR, else <conformance>/realmail. Each .eml must
// match the sha256 its .meta names. DNS comes only from the zone (absent names are NXDOMAIN), the
// time is the meta's `now`, so a run is the same everywhere and never touches the network.

#include "TestPaths.h"

#include "Message.h"
#include "Report.h"
#include "Verifier.h"
#include "ZoneResolver.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include "ProviderProfiles.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <iterator>
#include <map>
#include <string>
#include <vector>

namespace {

// ------------------------------------------------------------------ expected failures
// Rows that the current rules get wrong, each with the reason. This is the ONLY place to mark
// them: delete an entry when the rule that fixes it lands (an entry that passes is an XPASS and
// fails the run, so the list cannot go stale). Row names are "MESSAGE/trusted" and
// "MESSAGE/untrusted" for verdicts, "MESSAGE" for the trust boundary.
struct ExpectedFailure
{
    const char *row;
    const char *why;
};

const char *const kMicrosoftHops =
    "issue 18: Microsoft 365's internal hops (*.prod.outlook.com, 2603:10b6::/32) come from "
    "the microsoft365 profile";
const ExpectedFailure kVerdictFailures[] = {
    {"m365-exchange-hybrid-google-report/trusted",
     "Exchange hybrid: Microsoft 365's trusted dmarc=fail judged the organisation's own relay above the "
     "boundary the user configured; Sealcheck cannot yet tell which hop a report was made for, so the "
     "report counts (suspicious, not forged: its action=oreject names an overridden policy)"},
};

const ExpectedFailure kBoundaryFailures[] = {
    {"m365-exchange-hybrid-google-report", kMicrosoftHops},
    {"mailru-internal-bounce",
     "issue 18: a message made inside the provider (only hop \"from mail by f374.i.mail.ru "
     "with local\") takes its delivery time from that hop"},
};
// ------------------------------------------------------------------ end of expected failures

const char *expectedFailure(const ExpectedFailure *list, size_t size, const QByteArray &row)
{
    for (size_t i = 0; i < size; ++i)
        if (row == list[i].row)
            return list[i].why;
    return nullptr;
}

/// The provider profile of `profile:` widens the trust the user gave by choosing that provider.
/// The built-in profiles (resources/providers/providers.json), as `--provider NAME` applies them.
void applyProfile(const std::string &id, verifier::TrustPolicy &trust)
{
    trust.provider = sealcheck::findProviderProfile(QString::fromStdString(id));
    if (!trust.provider)
        qFatal("unknown provider profile in a .meta file: %s", id.c_str());
}

/// A .meta file: "key: value" lines; keys may repeat (trust-authserv-id, trusted-relay, ...).
struct Meta
{
    std::multimap<std::string, std::string> values;

    std::string one(const std::string &key) const
    {
        const auto it = values.find(key);
        return it == values.end() ? std::string() : it->second;
    }
    std::vector<std::string> all(const std::string &key) const
    {
        std::vector<std::string> out;
        const auto range = values.equal_range(key);
        for (auto it = range.first; it != range.second; ++it)
            out.push_back(it->second);
        return out;
    }
};

Meta readMeta(const QString &path)
{
    Meta meta;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return meta;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            continue;
        QString value = line.mid(colon + 1).trimmed();
        // A trailing "# comment" after a value (as in the README's example) is not part of it.
        const qsizetype hash = value.indexOf(QLatin1String("  #"));
        if (hash >= 0)
            value = value.left(hash).trimmed();
        meta.values.emplace(line.left(colon).trimmed().toStdString(), value.toStdString());
    }
    return meta;
}

QString metaDir()
{
    return testpaths::testData(QStringLiteral("realmail"));
}

/// Where the messages are: $SEALCHECK_REALMAIL_DIR, else <conformance>/realmail; empty if absent.
QString messageDir()
{
    const QByteArray env = qgetenv("SEALCHECK_REALMAIL_DIR");
    const QString dir = env.isEmpty() ? testpaths::conformanceRoot() + QStringLiteral("/realmail")
                                      : QString::fromLocal8Bit(env);
    return QDir(dir).exists() ? dir : QString();
}

QStringList messageNames()
{
    QStringList names;
    const QStringList metas = QDir(metaDir()).entryList({QStringLiteral("*.meta")}, QDir::Files, QDir::Name);
    for (const QString &m : metas)
        names << m.chopped(5);
    return names;
}

int64_t parseTime(const std::string &text)
{
    const QDateTime t = QDateTime::fromString(QString::fromStdString(text), Qt::ISODate);
    return t.isValid() ? t.toSecsSinceEpoch() : 0;
}

const char *const kVerdicts[] = {"authenticated", "forged", "suspicious", "unauthenticated", "not-checked"};

bool isVerdict(const std::string &v)
{
    for (const char *k : kVerdicts)
        if (v == k)
            return true;
    return false;
}

struct Outcome
{
    verifier::Report report;
    QString error; // set when the message could not be read or verified at all
};

Outcome verifyMessage(const QString &name, const Meta &meta, bool trusted)
{
    Outcome out;
    const QString dir = messageDir();
    const std::string bytes = testpaths::readFile(dir + QLatin1Char('/') + name + QStringLiteral(".eml"));
    if (bytes.empty()) {
        out.error = QStringLiteral("message %1.eml missing in %2").arg(name, dir);
        return out;
    }
    const QByteArray digest =
        QCryptographicHash::hash(QByteArray::fromRawData(bytes.data(), qsizetype(bytes.size())),
                                 QCryptographicHash::Sha256)
            .toHex();
    if (digest.toStdString() != meta.one("sha256")) {
        out.error = QStringLiteral("%1.eml is not the file its meta names (sha256 %2)")
                        .arg(name, QString::fromLatin1(digest));
        return out;
    }

    verifier::ZoneResolver zone;
    const QString zonePath = dir + QLatin1Char('/') + name + QStringLiteral(".zone");
    if (QFile::exists(zonePath)) {
        const std::string text = testpaths::readFile(zonePath);
        auto added = zone.loadMasterFile(text);
        if (!added) {
            out.error =
                QStringLiteral("%1.zone: %2").arg(name, QString::fromStdString(added.error().message));
            return out;
        }
    }

    auto message = verifier::Message::parse(bytes);
    if (!message) {
        out.error = QStringLiteral("%1.eml does not parse: %2")
                        .arg(name, QString::fromStdString(message.error().message));
        return out;
    }

    verifier::VerifyContext context;
    context.resolver = &zone;
    context.now = parseTime(meta.one("now"));
    context.source = name.toStdString();
    if (trusted) {
        context.trust.authservIds = meta.all("trust-authserv-id");
        context.trust.relays = meta.all("trusted-relay");
        context.trust.arcSealers = meta.all("trust-arc-sealer");
        const std::string profile = meta.one("profile");
        if (!profile.empty())
            applyProfile(profile, context.trust);
    }
    out.report = verifier::verify(*message, context);
    return out;
}

QString describe(const verifier::Report &report)
{
    QStringList parts;
    for (const verifier::Finding &f : report.reasons)
        parts << QString::fromStdString(f.text);
    return parts.join(QStringLiteral(" | "));
}

} // namespace

class TestRealMail : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void metaIsComplete();
    void providerFacts();
    void verdict_data();
    void verdict();
    void boundary_data();
    void boundary();
    void cleanupTestCase();

private:
    int m_rows = 0;
    int m_passed = 0;
    int m_boundaryRows = 0;
    int m_boundaryPassed = 0;
};

void TestRealMail::initTestCase()
{
    // Issue 18 asks for at least 60 real messages; fewer means a file was lost.
    QVERIFY2(messageNames().size() >= 60, "fewer than 60 .meta files in tests/data/realmail");
}

// Every expectation is complete and consistent, whether or not the messages are present.
void TestRealMail::metaIsComplete()
{
    const QStringList names = messageNames();
    for (const QString &name : names) {
        const Meta meta = readMeta(metaDir() + QLatin1Char('/') + name + QStringLiteral(".meta"));
        for (const char *key :
             {"source", "licence", "sha256", "provider", "now", "expect", "expect-untrusted", "why"})
            QVERIFY2(!meta.one(key).empty(),
                     qPrintable(QStringLiteral("%1.meta: no %2").arg(name, QLatin1String(key))));
        QVERIFY2(isVerdict(meta.one("expect")), qPrintable(name));
        QVERIFY2(isVerdict(meta.one("expect-untrusted")), qPrintable(name));
        QVERIFY2(parseTime(meta.one("now")) > 0, qPrintable(name));
        // Without any trust nothing a provider wrote may authenticate: only the recomputation
        // can, and it needs the keys in the zone.
        if (meta.one("expect") == "forged")
            QVERIFY2(meta.one("expect-untrusted") != "authenticated", qPrintable(name));
        QVERIFY2(QString::fromStdString(meta.one("source")).startsWith(QLatin1String("https://")),
                 qPrintable(name));
    }
}

// resources/providers/providers.json: every profile a meta names exists, every provider has the
// fields of the format (docs/real-mail.md) and says where its facts come from, and every network
// is a CIDR the profile loader can read.
void TestRealMail::providerFacts()
{
    QFile f(QString::fromUtf8(SEALCHECK_SOURCE_DIR) + QStringLiteral("/resources/providers/providers.json"));
    QVERIFY2(f.open(QIODevice::ReadOnly), "resources/providers/providers.json missing");
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    QVERIFY2(doc.isObject(), qPrintable(error.errorString()));
    const QJsonArray providers = doc.object().value(QLatin1String("providers")).toArray();
    QVERIFY(!providers.isEmpty());

    QStringList ids;
    for (const QJsonValue &value : providers) {
        const QJsonObject p = value.toObject();
        const QString id = p.value(QLatin1String("id")).toString();
        QVERIFY2(!id.isEmpty() && !ids.contains(id),
                 qPrintable(QStringLiteral("bad or repeated id '%1'").arg(id)));
        ids << id;
        for (const char *key :
             {"name", "authserv_ids", "authserv_id_patterns", "idless_authentication_results",
              "receiving_hosts", "internal_networks", "arc_sealers", "mx_patterns", "mailbox_domains", "imap",
              "oauth", "quirks", "sources"})
            QVERIFY2(p.contains(QLatin1String(key)),
                     qPrintable(QStringLiteral("%1: no %2").arg(id, QLatin1String(key))));
        QVERIFY2(!p.value(QLatin1String("sources")).toObject().isEmpty(),
                 qPrintable(id + QStringLiteral(": no sources")));
        for (const QJsonValue &net : p.value(QLatin1String("internal_networks")).toArray()) {
            const auto subnet = QHostAddress::parseSubnet(net.toString());
            QVERIFY2(!subnet.first.isNull(),
                     qPrintable(QStringLiteral("%1: '%2' is not a CIDR").arg(id, net.toString())));
        }
        // '*' is a label or a label prefix, never a free wildcard across labels or a whole domain.
        for (const char *key : {"authserv_id_patterns", "receiving_hosts", "mx_patterns"})
            for (const QJsonValue &pattern : p.value(QLatin1String(key)).toArray())
                QVERIFY2(pattern.toString() != QLatin1String("*") &&
                             !pattern.toString().contains(QLatin1String("**")),
                         qPrintable(QStringLiteral("%1: pattern '%2'").arg(id, pattern.toString())));
    }
    for (const QString &name : messageNames()) {
        const Meta meta = readMeta(metaDir() + QLatin1Char('/') + name + QStringLiteral(".meta"));
        const QString profile = QString::fromStdString(meta.one("profile"));
        QVERIFY2(
            profile.isEmpty() || ids.contains(profile),
            qPrintable(
                QStringLiteral("%1.meta names profile '%2', absent from providers.json").arg(name, profile)));
    }
}

void TestRealMail::verdict_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("trusted");
    if (messageDir().isEmpty())
        QSKIP(
            "real-mail messages absent: set SEALCHECK_REALMAIL_DIR or put them under <conformance>/realmail");
    for (const QString &name : messageNames()) {
        QTest::newRow(qPrintable(name + QStringLiteral("/trusted"))) << name << true;
        QTest::newRow(qPrintable(name + QStringLiteral("/untrusted"))) << name << false;
    }
}

void TestRealMail::verdict()
{
    QFETCH(QString, name);
    QFETCH(bool, trusted);
    const Meta meta = readMeta(metaDir() + QLatin1Char('/') + name + QStringLiteral(".meta"));
    const Outcome outcome = verifyMessage(name, meta, trusted);
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    const verifier::Report &report = outcome.report;

    // One comparison per row (so one expected-failure entry covers it): the verdict, and with
    // the provider trusted the authenticated domain when the meta names one.
    const std::string expectedVerdict = meta.one(trusted ? "expect" : "expect-untrusted");
    QString expected = QString::fromStdString(expectedVerdict);
    QString actual = QString::fromUtf8(verifier::verdictName(report.verdict).data(),
                                       qsizetype(verifier::verdictName(report.verdict).size()));
    const std::string domain = meta.one("expect-domain");
    if (trusted && expectedVerdict == "authenticated" && !domain.empty()) {
        expected += QLatin1Char('/') + QString::fromStdString(domain);
        actual += QLatin1Char('/') + QString::fromStdString(report.authenticatedDomain);
    }
    ++m_rows;
    if (actual == expected)
        ++m_passed;
    else
        qInfo("%s: %s (expected %s) because: %s\n  expert: %s",
              qPrintable(QString::fromLatin1(QTest::currentDataTag())), qPrintable(actual),
              qPrintable(expected), qPrintable(describe(report)), meta.one("why").c_str());

    if (const char *why =
            expectedFailure(kVerdictFailures, std::size(kVerdictFailures), QTest::currentDataTag()))
        QEXPECT_FAIL("", why, Continue);
    QCOMPARE(actual, expected);
}

// With the provider trusted, the trust boundary is the hop where the provider received the
// message from the outside: its date is the delivery time (ARCHITECTURE.md, "Evidence that time
// has made unverifiable") and its address is the SPF client IP.
void TestRealMail::boundary_data()
{
    QTest::addColumn<QString>("name");
    if (messageDir().isEmpty())
        QSKIP(
            "real-mail messages absent: set SEALCHECK_REALMAIL_DIR or put them under <conformance>/realmail");
    for (const QString &name : messageNames()) {
        const Meta meta = readMeta(metaDir() + QLatin1Char('/') + name + QStringLiteral(".meta"));
        if (!meta.one("received").empty())
            QTest::newRow(qPrintable(name)) << name;
    }
}

void TestRealMail::boundary()
{
    QFETCH(QString, name);
    const Meta meta = readMeta(metaDir() + QLatin1Char('/') + name + QStringLiteral(".meta"));
    const Outcome outcome = verifyMessage(name, meta, true);
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    const verifier::Report &report = outcome.report;

    QString expected = QString::fromStdString(meta.one("received"));
    if (!meta.one("boundary-ip").empty())
        expected += QLatin1Char(' ') + QString::fromStdString(meta.one("boundary-ip"));
    QString actual = QStringLiteral("(no boundary)");
    if (report.boundaryHop >= 0 && size_t(report.boundaryHop) < report.received.size()) {
        const verifier::ReceivedHop &hop = report.received[size_t(report.boundaryHop)];
        actual = QString::fromStdString(hop.date);
        if (!meta.one("boundary-ip").empty())
            actual += QLatin1Char(' ') + QString::fromStdString(hop.ip);
    }
    ++m_boundaryRows;
    if (actual == expected)
        ++m_boundaryPassed;

    if (const char *why =
            expectedFailure(kBoundaryFailures, std::size(kBoundaryFailures), QTest::currentDataTag()))
        QEXPECT_FAIL("", why, Continue);
    QCOMPARE(actual, expected);
}

void TestRealMail::cleanupTestCase()
{
    qInfo("realmail: %lld messages; verdicts %d of %d rows as the expert says; trust boundary %d of %d",
          static_cast<long long>(messageNames().size()), m_passed, m_rows, m_boundaryPassed, m_boundaryRows);
}

QTEST_GUILESS_MAIN(TestRealMail)
#include "tst_realmail.moc"
