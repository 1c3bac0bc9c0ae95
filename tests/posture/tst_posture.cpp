// Domain posture (verifier/posture/PostureAssessor.h) over in-memory zones: one row per kind of
// domain, asserting what the owner reads (grade, per-check result, the summary's key words, the
// record to publish). Parsers of the MTA-STS, TLS-RPT and BIMI records and MTA-STS host matching
// have their own rows.
#include "BimiRecord.h"
#include "MtaStsPolicy.h"
#include "MtaStsRecord.h"
#include "PostureAssessor.h"
#include "SpfLookupCounter.h"
#include "TlsRptRecord.h"
#include "ZoneResolver.h"

#include <QTest>

using namespace verifier;

namespace {

QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// The DKIM keys (SubjectPublicKeyInfo, base64) were made with
//   openssl genrsa -out kN.pem N; openssl rsa -in kN.pem -pubout -outform DER | base64 -w0
const char kKey2048[] = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqoXzM5BYm9dikLhgfjHjlTK0Sm5eusrbkI9w+cgKobWa8ydcDQY/0OcA33tuQPXrcTfir+k55Bz23ThV1blWbMsbAVBZCgh8EXeAT/IznnU5kPOeMHa9ZNWgGH+gUOn//jT4Kpc8iGeJmznNdZkgayWTlQu0R1upfm4TjOIM6SV2PNPnK+sPvSgFNoJzHrdvRioPe2hKK7fHmEqfbeVPQM2OJrvZFeIQCU9+wXq8widyLwyzc09lxWD/XvIRgcsBLA6YpZ94/tTM9In0JpfNnixl+hdJORrRhDOntpDh9RB1hcAz5s+33lxM2ar7v7nTsx41LsrSCX9jZjpQA47r1wIDAQAB";
const char kKey1024[] = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCdNYjh6kYtBmttKwJCVrNd5/2iyH/jke/QFrfdAZQ0bE7SXCAHSLxrZ2sAi6GEuIw9q2yAaR7AtzPJEZ50WImzkAa5myhBkQE3GnmW0IqPyB1hkz+yzgnCeTQ2ZmKzwapFwupWs2ugCDElXhWgcgqSshZIfMyC1lgZpkgVQDxByQIDAQAB";
const char kKey512[] = "MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBANf4f60nNlRtj+Q+enxTGSvTciuZpQuDx7dp9VJr6mi5w+HxDir09hQuDDsTiR5ZMmHwqwligZWh6YsLqwERKpUCAwEAAQ==";
// openssl genpkey -algorithm ed25519 | openssl pkey -pubout -outform DER | tail -c 32 | base64
const char kKeyEd25519[] = "q8Zxu5bTZy3PuUTnbgfEs9hI6VTlN4b4SqwqQpwoDX0=";

// A TXT record's data split into character-strings of at most 255 octets.
QString txtStrings(const QString &text)
{
    QStringList parts;
    for (qsizetype i = 0; i < text.size(); i += 200)
        parts << QLatin1Char('"') + text.mid(i, 200) + QLatin1Char('"');
    return QLatin1String("( ") + parts.join(QLatin1Char(' ')) + QLatin1String(" )");
}

const char kBase[] = "$ORIGIN example.com.\n"
                     "@                 IN MX  10 mail.example.com.\n"
                     "mail              IN A   192.0.2.25\n";

struct Loaded
{
    ZoneResolver zone;
    bool ok = false;
};

DomainPosture assess(const QString &zoneText, bool secure = false, const QStringList &selectors = {},
                     const QString &domain = QStringLiteral("example.com"))
{
    ZoneResolver zone;
    auto added = zone.loadMasterFile(zoneText.toStdString());
    if (!added)
        qFatal("zone does not load: %s", added.error().message.c_str());
    zone.setSecure(secure);
    PostureOptions options;
    for (const QString &s : selectors)
        options.dkimSelectors.push_back(s.toStdString());
    auto p = PostureAssessor::assess(domain.toStdString(), zone, options);
    if (!p)
        qFatal("assess failed: %s", p.error().message.c_str());
    return *p;
}

// A zone whose answers are DNSSEC-secure only for the listed names (any type): to check that
// each check reports the status of its own answer, and that DANE counts only secure TLSA.
class PartlySecureZone final : public Resolver
{
public:
    ZoneResolver zone;
    QStringList secureNames;
    DnsAnswer query(std::string_view name, RrType type) const override
    {
        DnsAnswer a = zone.query(name, type);
        a.secure = secureNames.contains(QString::fromStdString(ZoneResolver::canonicalName(name)));
        return a;
    }
};

bool anyContains(const std::vector<std::string> &list, const QString &needle)
{
    for (const std::string &s : list) {
        if (q(s).contains(needle))
            return true;
    }
    return false;
}

} // namespace

class tst_Posture : public QObject
{
    Q_OBJECT

private slots:
    void domains_data();
    void domains();
    void spfLookups_data();
    void spfLookups();
    void dkimSelectors_data();
    void dkimSelectors();
    void mtaStsApplied_data();
    void mtaStsApplied();
    void mtaStsPolicyParse_data();
    void mtaStsPolicyParse();
    void mxPatterns_data();
    void mxPatterns();
    void mtaStsRecord_data();
    void mtaStsRecord();
    void tlsRptAndBimiRecords();
    void invalidDomain();
    void dnsFailure();
    void nonExistentPolicy_data();
    void nonExistentPolicy();
    void dnssecPerAnswer_data();
    void dnssecPerAnswer();
};

void tst_Posture::domains_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<bool>("secure");
    QTest::addColumn<QString>("grade");
    QTest::addColumn<QString>("spf");
    QTest::addColumn<QString>("dmarc");
    QTest::addColumn<QString>("dane");
    QTest::addColumn<QString>("bimi");
    QTest::addColumn<QString>("summaryWords"); // in some check's summary
    QTest::addColumn<QString>("fix");          // in some check's fixes; "" = none expected anywhere

    const QString base = QLatin1String(kBase);
    const QString spfGood = QStringLiteral("@ IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n");
    const QString dmarcReject = QStringLiteral("_dmarc IN TXT \"v=DMARC1; p=reject; rua=mailto:d@example.com\"\n");
    const QString tlsa = QStringLiteral("_25._tcp.mail IN TLSA 3 1 1 8CB0FC6C527506A053F4F14C8464BEBBD6DEDE2738D11468DD953D7D6A3021F1\n");
    const QString tlsrpt = QStringLiteral("_smtp._tls IN TXT \"v=TLSRPTv1; rua=mailto:tls@example.com\"\n");

    QTest::newRow("strong") << base + spfGood + dmarcReject + tlsa + tlsrpt << true << "A" << "good" << "good"
                            << "good" << "missing" << "rejected by receivers that check DMARC" << "";
    QTest::newRow("no-dmarc") << base + spfGood << false << "D" << "good" << "missing" << "missing" << "missing"
                              << "No DMARC record"
                              << "_dmarc.example.com. TXT \"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com\"";
    QTest::newRow("dmarc-none") << base + spfGood + "_dmarc IN TXT \"v=DMARC1; p=none; rua=mailto:d@example.com\"\n"
                                << false << "D" << "good" << "weak" << "missing" << "missing" << "only reported"
                                << "_dmarc.example.com. TXT \"v=DMARC1; p=quarantine; rua=mailto:d@example.com\"";
    QTest::newRow("dmarc-pct50") << base + spfGood + "_dmarc IN TXT \"v=DMARC1; p=reject; pct=50\"\n" << false << "C"
                                 << "good" << "weak" << "missing" << "missing" << "only 50%"
                                 << "_dmarc.example.com. TXT \"v=DMARC1; p=reject; rua=mailto:dmarc@example.com\"";
    QTest::newRow("dmarc-testing") << base + spfGood + "_dmarc IN TXT \"v=DMARC1; p=quarantine; t=y\"\n" << false
                                   << "C" << "good" << "weak" << "missing" << "missing" << "test mode" << "p=quarantine";
    QTest::newRow("plus-all") << base + "@ IN TXT \"v=spf1 ip4:192.0.2.0/24 +all\"\n" + dmarcReject << false << "F"
                              << "broken" << "good" << "missing" << "missing" << "every server on the Internet"
                              << "example.com. TXT \"v=spf1 ip4:192.0.2.0/24 -all\"";
    QTest::newRow("neutral-all") << base + "@ IN TXT \"v=spf1 mx ?all\"\n" + dmarcReject << false << "C" << "weak"
                                 << "good" << "missing" << "missing" << "says nothing against spoofing"
                                 << "example.com. TXT \"v=spf1 mx -all\"";
    QTest::newRow("no-all") << base + "@ IN TXT \"v=spf1 mx\"\n" + dmarcReject << false << "C" << "weak" << "good"
                            << "missing" << "missing" << "Without an all term" << "example.com. TXT \"v=spf1 mx -all\"";
    QTest::newRow("softfail") << base + "@ IN TXT \"v=spf1 mx ~all\"\n" + dmarcReject << false << "A" << "good" << "good"
                              << "missing" << "missing" << "soft-fails" << "_mta-sts.example.com. TXT \"v=STSv1; id=1\"";
    QTest::newRow("no-spf") << base + dmarcReject << false << "C" << "missing" << "good" << "missing" << "missing"
                            << "No SPF record" << "example.com. TXT \"v=spf1 mx -all\"";
    QTest::newRow("nothing") << base << false << "F" << "missing" << "missing" << "missing" << "missing"
                             << "No SPF record" << "_dmarc.example.com. TXT \"v=DMARC1; p=quarantine";
    QTest::newRow("two-spf") << base + spfGood + "@ IN TXT \"v=spf1 -all\"\n" + dmarcReject << false << "C" << "broken"
                             << "good" << "missing" << "missing" << "2 SPF records" << "Merge the SPF records";
    QTest::newRow("invalid-spf") << base + "@ IN TXT \"v=spf1 ip4:300.1.1.1 -all\"\n" + dmarcReject << false << "C"
                                 << "broken" << "good" << "missing" << "missing" << "The SPF record is invalid" << "";
    QTest::newRow("missing-include")
        << base + "@ IN TXT \"v=spf1 include:gone.example.net -all\"\n" + dmarcReject << false << "C" << "broken"
        << "good" << "missing" << "missing" << "include:gone.example.net is missing"
        << "Remove include:gone.example.net";
    QTest::newRow("dane-secure") << base + spfGood + dmarcReject + tlsa << true << "A" << "good" << "good" << "good"
                                 << "missing" << "DNSSEC-validated TLSA" << "";
    QTest::newRow("dane-insecure") << base + spfGood + dmarcReject + tlsa << false << "A" << "good" << "good" << "weak"
                                   << "missing" << "not DNSSEC-validated" << "Sign the zone with DNSSEC";
    QTest::newRow("dane-none") << base + spfGood + dmarcReject << true << "A" << "good" << "good" << "missing"
                               << "missing" << "No DANE" << "_25._tcp.mail.example.com. TLSA 3 1 1";
    QTest::newRow("bimi-without-enforcement")
        << base + spfGood + "_dmarc IN TXT \"v=DMARC1; p=none; rua=mailto:d@example.com\"\n" +
               "default._bimi IN TXT \"v=BIMI1; l=https://example.com/logo.svg\"\n"
        << false << "D" << "good" << "weak" << "missing" << "weak" << "will not show the logo" << "Enforce DMARC first";
    QTest::newRow("bimi-with-enforcement")
        << base + spfGood + dmarcReject + "default._bimi IN TXT \"v=BIMI1; l=https://example.com/logo.svg\"\n" << false
        << "A" << "good" << "good" << "missing" << "good" << "may show the logo" << "";
    QTest::newRow("parked-null-mx") << QStringLiteral("$ORIGIN example.com.\n@ IN MX 0 .\n@ IN TXT \"v=spf1 -all\"\n") +
                                           dmarcReject
                                    << false << "A" << "good" << "good" << "unknown" << "missing"
                                    << "no MX host" << "";
    QTest::newRow("two-dmarc") << base + spfGood + dmarcReject + "_dmarc IN TXT \"v=DMARC1; p=none\"\n" << false << "D"
                               << "good" << "broken" << "missing" << "missing" << "receivers ignore them all"
                               << "Keep one DMARC record";
}

void tst_Posture::domains()
{
    QFETCH(QString, zone);
    QFETCH(bool, secure);
    const DomainPosture p = assess(zone, secure);
    QFETCH(QString, grade);
    QFETCH(QString, spf);
    QFETCH(QString, dmarc);
    QFETCH(QString, dane);
    QFETCH(QString, bimi);
    QFETCH(QString, summaryWords);
    QFETCH(QString, fix);
    QCOMPARE(q(postureRatingName(p.spf.rating)), spf);
    QCOMPARE(q(postureRatingName(p.dmarc.rating)), dmarc);
    QCOMPARE(q(postureRatingName(p.dane.rating)), dane);
    QCOMPARE(q(postureRatingName(p.bimi.rating)), bimi);
    QCOMPARE(q(postureGradeName(p.grade)), grade);
    QVERIFY(!p.gradeReasons.empty());
    const std::vector<const PostureCheck *> checks{&p.spf, &p.dmarc, &p.dkim, &p.mtaSts, &p.tlsRpt, &p.dane, &p.bimi};
    bool sawSummary = false, sawFix = false;
    std::vector<std::string> allFixes;
    for (const PostureCheck *c : checks) {
        sawSummary = sawSummary || q(c->summary).contains(summaryWords);
        for (const std::string &f : c->fixes)
            allFixes.push_back(f);
    }
    sawFix = fix.isEmpty() || anyContains(allFixes, fix);
    if (!sawSummary) {
        for (const PostureCheck *c : checks)
            qWarning("summary: %s", c->summary.c_str());
    }
    QVERIFY2(sawSummary, qPrintable(summaryWords));
    if (!sawFix) {
        for (const std::string &f : allFixes)
            qWarning("fix: %s", f.c_str());
    }
    QVERIFY2(sawFix, qPrintable(fix));
    if (grade == QLatin1String("A") || grade == QLatin1String("B"))
        QVERIFY(p.dmarc.enforcing);
}

void tst_Posture::spfLookups_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<int>("lookups");
    QTest::addColumn<int>("voids");
    QTest::addColumn<QString>("rating");
    QTest::addColumn<QString>("all");
    QTest::addColumn<QString>("includes"); // "domain=state,..."

    QString chain = QStringLiteral("$ORIGIN example.com.\n@ IN TXT \"v=spf1 include:a.example.net include:b.example.net -all\"\n");
    // a: 5 lookups of its own, b: 5 → 2 + 5 + 5 = 12
    chain += QStringLiteral("a.example.net. IN TXT \"v=spf1 a:h1.example.net a:h2.example.net a:h3.example.net a:h4.example.net a:h5.example.net -all\"\n"
                            "b.example.net. IN TXT \"v=spf1 a:h1.example.net a:h2.example.net a:h3.example.net a:h4.example.net a:h5.example.net ~all\"\n");
    for (int i = 1; i <= 5; ++i)
        chain += QStringLiteral("h%1.example.net. IN A 192.0.2.%1\n").arg(i);
    QTest::newRow("too-many-lookups") << chain << 12 << 0 << "broken" << "-all"
                                      << "a.example.net=ok,b.example.net=ok";

    QTest::newRow("ten-is-fine")
        << QStringLiteral("$ORIGIN example.com.\n@ IN TXT \"v=spf1 include:a.example.net mx -all\"\n@ IN MX 10 mail\nmail IN A 192.0.2.1\n"
                          "a.example.net. IN TXT \"v=spf1 a:h.example.net a:h.example.net a:h.example.net a:h.example.net "
                          "a:h.example.net a:h.example.net a:h.example.net a:h.example.net -all\"\nh.example.net. IN A 192.0.2.9\n")
        << 10 << 0 << "good" << "-all" << "a.example.net=ok";
    QTest::newRow("redirect") << QStringLiteral("$ORIGIN example.com.\n@ IN TXT \"v=spf1 redirect=_spf.example.com\"\n"
                                                "_spf IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n")
                              << 1 << 0 << "good" << "-all" << "_spf.example.com=ok";
    QTest::newRow("missing-include") << QStringLiteral("$ORIGIN example.com.\n@ IN TXT \"v=spf1 include:gone.example.net include:nospf.example.com -all\"\n"
                                                       "nospf IN TXT \"hello\"\n")
                                     << 2 << 1 << "broken" << "-all" << "gone.example.net=missing,nospf.example.com=missing";
    QTest::newRow("loop") << QStringLiteral("$ORIGIN example.com.\n@ IN TXT \"v=spf1 include:a.example.com -all\"\n"
                                            "a IN TXT \"v=spf1 include:example.com -all\"\n")
                          << 2 << 0 << "broken" << "-all" << "a.example.com=ok,example.com=broken";
    QTest::newRow("broken-include") << QStringLiteral("$ORIGIN example.com.\n@ IN TXT \"v=spf1 include:a.example.com -all\"\n"
                                                      "a IN TXT \"v=spf1 bogus:x -all\"\n")
                                    << 1 << 0 << "broken" << "-all" << "a.example.com=broken";
    QTest::newRow("macro-not-followed") << QStringLiteral("$ORIGIN example.com.\n@ IN TXT \"v=spf1 include:%{l}.example.net -all\"\n")
                                        << 1 << 0 << "good" << "-all" << "%{l}.example.net=not_followed";
    QTest::newRow("void-lookups") << QStringLiteral("$ORIGIN example.com.\n@ IN TXT \"v=spf1 a:x1.example.com a:x2.example.com mx:x3.example.com -all\"\n")
                                  << 3 << 3 << "broken" << "-all" << "";
}

void tst_Posture::spfLookups()
{
    QFETCH(QString, zone);
    const DomainPosture p = assess(zone);
    QFETCH(int, lookups);
    QFETCH(int, voids);
    QFETCH(QString, rating);
    QFETCH(QString, all);
    QFETCH(QString, includes);
    QCOMPARE(p.spf.dnsLookups, lookups);
    QCOMPARE(p.spf.voidLookups, voids);
    QCOMPARE(q(p.spf.all), all);
    QStringList got;
    for (const auto &inc : p.spf.includes)
        got << q(inc.domain) + QLatin1Char('=') + q(spfIncludeStateName(inc.state));
    QCOMPARE(got.join(QLatin1Char(',')), includes);
    QCOMPARE(q(postureRatingName(p.spf.rating)), rating);
    if (lookups > 10)
        QVERIFY(q(p.spf.summary).contains(QStringLiteral("needs %1 DNS lookups").arg(lookups)));
}

void tst_Posture::dkimSelectors_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QString>("rating");
    QTest::addColumn<QString>("keyType");
    QTest::addColumn<int>("bits");

    QTest::newRow("rsa2048") << "s2048" << "good" << "rsa" << 2048;
    QTest::newRow("rsa1024") << "s1024" << "weak" << "rsa" << 1024;
    QTest::newRow("rsa512") << "s512" << "broken" << "rsa" << 512;
    QTest::newRow("ed25519") << "ed" << "good" << "ed25519" << 256;
    QTest::newRow("testing") << "test" << "weak" << "rsa" << 2048;
    QTest::newRow("revoked") << "gone" << "missing" << "rsa" << 0;
    QTest::newRow("absent") << "nosuch" << "missing" << "" << 0;
    QTest::newRow("garbage") << "bad" << "broken" << "" << 0;
}

void tst_Posture::dkimSelectors()
{
    QFETCH(QString, selector);
    QString zone = QLatin1String(kBase);
    zone += QStringLiteral("s2048._domainkey IN TXT ") + txtStrings(QStringLiteral("v=DKIM1; k=rsa; p=") + QLatin1String(kKey2048)) + QLatin1Char('\n');
    zone += QStringLiteral("test._domainkey IN TXT ") + txtStrings(QStringLiteral("v=DKIM1; t=y; p=") + QLatin1String(kKey2048)) + QLatin1Char('\n');
    zone += QStringLiteral("s1024._domainkey IN TXT ") + txtStrings(QStringLiteral("v=DKIM1; p=") + QLatin1String(kKey1024)) + QLatin1Char('\n');
    zone += QStringLiteral("s512._domainkey IN TXT ") + txtStrings(QStringLiteral("v=DKIM1; p=") + QLatin1String(kKey512)) + QLatin1Char('\n');
    zone += QStringLiteral("ed._domainkey IN TXT \"v=DKIM1; k=ed25519; p=") + QLatin1String(kKeyEd25519) + QStringLiteral("\"\n");
    zone += QStringLiteral("gone._domainkey IN TXT \"v=DKIM1; p=\"\n");
    zone += QStringLiteral("bad._domainkey IN TXT \"v=DKIM1; p=!!!\"\n");
    const DomainPosture p = assess(zone, false, {selector});
    QCOMPARE(p.dkim.selectors.size(), size_t(1));
    const DkimSelectorPosture &s = p.dkim.selectors.front();
    QFETCH(QString, rating);
    QFETCH(QString, keyType);
    QFETCH(int, bits);
    QCOMPARE(q(postureRatingName(s.rating)), rating);
    QCOMPARE(q(s.keyType), keyType);
    QCOMPARE(s.keyBits, bits);
    QCOMPARE(q(postureRatingName(p.dkim.rating)), rating);
    QVERIFY(!s.summary.empty());

    // Without selectors DKIM is "unknown" and says why.
    const DomainPosture none = assess(zone);
    QCOMPARE(none.dkim.rating, PostureRating::Unknown);
    QVERIFY(q(none.dkim.summary).contains(QStringLiteral("cannot be listed")));
}

void tst_Posture::mtaStsApplied_data()
{
    QTest::addColumn<bool>("fetched");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("rating");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("unmatched");
    QTest::addColumn<QString>("grade");

    QTest::newRow("enforce") << true << "version: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 604800\n" << "good"
                             << "enforce" << "" << "A";
    QTest::newRow("enforce-wildcard") << true << "version: STSv1\r\nmode: enforce\r\nmx: *.example.com\r\nmax_age: 604800\r\n"
                                      << "good" << "enforce" << "" << "A";
    QTest::newRow("testing") << true << "version: STSv1\nmode: testing\nmx: mail.example.com\nmax_age: 86400\n" << "weak"
                             << "testing" << "" << "A";
    QTest::newRow("mx-mismatch") << true << "version: STSv1\nmode: enforce\nmx: mx.example.net\nmax_age: 604800\n"
                                 << "broken" << "enforce" << "mail.example.com" << "B";
    QTest::newRow("invalid-policy") << true << "version: STSv2\nmode: enforce\nmx: mail.example.com\nmax_age: 1\n" << "broken"
                                    << "" << "" << "B";
    QTest::newRow("fetch-failed") << false << "" << "broken" << "" << "" << "B";
}

void tst_Posture::mtaStsApplied()
{
    const QString zone = QLatin1String(kBase) + QStringLiteral("@ IN TXT \"v=spf1 mx -all\"\n"
                                                             "_dmarc IN TXT \"v=DMARC1; p=reject; rua=mailto:d@example.com\"\n"
                                                             "_mta-sts IN TXT \"v=STSv1; id=20261123\"\n");
    DomainPosture p = assess(zone);
    QVERIFY(p.mtaSts.recordValid);
    QCOMPARE(q(p.mtaSts.id), QStringLiteral("20261123"));
    QCOMPARE(p.mtaSts.rating, PostureRating::Unknown);
    QCOMPARE(p.grade, PostureGrade::A); // DMARC reject + SPF: transport security does not decide the grade
    QFETCH(bool, fetched);
    QFETCH(QString, body);
    MtaStsFetchOutcome outcome;
    outcome.fetched = fetched;
    outcome.body = body.toStdString();
    outcome.error = fetched ? "" : "TLS certificate not accepted";
    PostureAssessor::applyMtaStsPolicy(p, outcome);
    QFETCH(QString, rating);
    QFETCH(QString, mode);
    QFETCH(QString, unmatched);
    QFETCH(QString, grade);
    QCOMPARE(q(postureRatingName(p.mtaSts.rating)), rating);
    QCOMPARE(q(p.mtaSts.mode), mode);
    QStringList um;
    for (const auto &h : p.mtaSts.unmatchedMx)
        um << q(h);
    QCOMPARE(um.join(QLatin1Char(',')), unmatched);
    QCOMPARE(q(postureGradeName(p.grade)), grade);
    QCOMPARE(p.mtaSts.fetch, fetched ? MtaStsPosture::Fetch::Fetched : MtaStsPosture::Fetch::Failed);
    if (!fetched)
        QVERIFY(q(p.mtaSts.summary).contains(QStringLiteral("TLS certificate not accepted")));
    if (!unmatched.isEmpty())
        QVERIFY(anyContains(p.mtaSts.fixes, QStringLiteral("\"mx: mail.example.com\"")));
}

void tst_Posture::mtaStsPolicyParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error"); // "" = valid
    QTest::addColumn<int>("mxCount");

    QTest::newRow("minimal") << "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 86400" << "" << 1;
    QTest::newRow("several-mx") << "version: STSv1\nmode: testing\nmx: a.example.com\nmx: *.example.net\nmax_age: 0\n" << "" << 2;
    QTest::newRow("mode-none-no-mx") << "version: STSv1\nmode: none\nmax_age: 86400\n" << "" << 0;
    QTest::newRow("extension-ignored") << "version: STSv1\nmode: enforce\nfoo: bar\nmx: a.example.com\nmax_age: 86400\n" << "" << 1;
    QTest::newRow("no-version") << "mode: enforce\nmx: a.example.com\nmax_age: 86400\n" << "version field is missing" << 0;
    QTest::newRow("bad-version") << "version: STSv2\nmode: enforce\nmx: a.example.com\nmax_age: 86400\n" << "not STSv1" << 0;
    QTest::newRow("bad-mode") << "version: STSv1\nmode: strict\nmx: a.example.com\nmax_age: 86400\n" << "not enforce" << 0;
    QTest::newRow("no-mx") << "version: STSv1\nmode: enforce\nmax_age: 86400\n" << "no mx pattern" << 0;
    QTest::newRow("max-age-too-big") << "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 31557601\n" << "over the maximum" << 0;
    QTest::newRow("max-age-not-number") << "version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 1w\n" << "digits" << 0;
    QTest::newRow("bad-pattern") << "version: STSv1\nmode: enforce\nmx: a..example.com\nmax_age: 86400\n" << "mx pattern" << 0;
    QTest::newRow("no-colon") << "version: STSv1\nmode enforce\n" << "line 2" << 0;
    QTest::newRow("too-large") << QStringLiteral("version: STSv1\n") + QString(70000, QLatin1Char('#')) << "64 KiB" << 0;
}

void tst_Posture::mtaStsPolicyParse()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    QFETCH(int, mxCount);
    auto p = MtaStsPolicy::parse(text.toStdString());
    if (error.isEmpty()) {
        QVERIFY2(p.ok(), p.ok() ? "" : p.error().message.c_str());
        QCOMPARE(int(p->mx.size()), mxCount);
    } else {
        QVERIFY(!p.ok());
        QVERIFY2(q(p.error().message).contains(error), p.error().message.c_str());
    }
}

void tst_Posture::mxPatterns_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("matches");
    QTest::newRow("exact") << "mail.example.com" << "mail.example.com" << true;
    QTest::newRow("case-and-dot") << "Mail.Example.COM." << "mail.example.com" << true;
    QTest::newRow("other") << "mail.example.com" << "mx.example.com" << false;
    QTest::newRow("wildcard-one-label") << "*.example.com" << "mx1.example.com" << true;
    QTest::newRow("wildcard-not-apex") << "*.example.com" << "example.com" << false;
    QTest::newRow("wildcard-one-label-only") << "*.example.com" << "a.b.example.com" << false;
    QTest::newRow("wildcard-other-domain") << "*.example.com" << "mx.example.net" << false;
    QTest::newRow("suffix-is-not-match") << "example.com" << "mx.example.com" << false;
}

void tst_Posture::mxPatterns()
{
    QFETCH(QString, pattern);
    QFETCH(QString, host);
    QFETCH(bool, matches);
    QCOMPARE(MtaStsPolicy::matches(pattern.toStdString(), host.toStdString()), matches);
}

void tst_Posture::mtaStsRecord_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("isRecord");
    QTest::addColumn<QString>("id"); // "" = parse error
    QTest::newRow("plain") << "v=STSv1; id=20160831085700Z;" << true << "20160831085700Z";
    QTest::newRow("spaces") << "v = STSv1 ;  id = abc123" << true << "abc123";
    QTest::newRow("extension") << "v=STSv1; id=1; foo=bar" << true << "1";
    QTest::newRow("no-id") << "v=STSv1;" << true << "";
    QTest::newRow("long-id") << "v=STSv1; id=123456789012345678901234567890123" << true << "";
    QTest::newRow("bad-id") << "v=STSv1; id=abc-def" << true << "";
    QTest::newRow("other") << "v=spf1 -all" << false << "";
    QTest::newRow("lowercase-version") << "v=stsv1; id=1" << false << "";
}

void tst_Posture::mtaStsRecord()
{
    QFETCH(QString, text);
    QFETCH(bool, isRecord);
    QFETCH(QString, id);
    QCOMPARE(MtaStsRecord::isMtaStsRecord(text.toStdString()), isRecord);
    auto r = MtaStsRecord::parse(text.toStdString());
    QCOMPARE(r.ok(), !id.isEmpty());
    if (r)
        QCOMPARE(q(r->id), id);
}

void tst_Posture::tlsRptAndBimiRecords()
{
    auto t = TlsRptRecord::parse("v=TLSRPTv1; rua=mailto:a@example.com, https://r.example.com/x");
    QVERIFY(t.ok());
    QCOMPARE(t->rua.size(), size_t(2));
    QVERIFY(!TlsRptRecord::parse("v=TLSRPTv1;").ok());
    QVERIFY(!TlsRptRecord::parse("v=TLSRPTv1; rua=ftp://x").ok());
    QVERIFY(!TlsRptRecord::isTlsRptRecord("v=tlsrptv1; rua=mailto:a@example.com"));
    auto b = BimiRecord::parse("v=BIMI1; l=https://example.com/l.svg; a=https://example.com/vmc.pem");
    QVERIFY(b.ok());
    QCOMPARE(q(b->logo), QStringLiteral("https://example.com/l.svg"));
    QCOMPARE(q(b->authority), QStringLiteral("https://example.com/vmc.pem"));
    QVERIFY(!b->declined);
    QVERIFY(BimiRecord::parse("v=BIMI1; l=;")->declined);
    QVERIFY(!BimiRecord::parse("v=BIMI1; l=http://example.com/l.svg").ok());
}

void tst_Posture::invalidDomain()
{
    ZoneResolver zone;
    QVERIFY(!PostureAssessor::assess("not a domain", zone).ok());
    QVERIFY(!PostureAssessor::assess("com", zone).ok());
    QVERIFY(!PostureAssessor::assess("", zone).ok());
    auto p = PostureAssessor::assess("Example.COM.", zone);
    QVERIFY(p.ok());
    QCOMPARE(q(p->domain), QStringLiteral("example.com"));
    QVERIFY(!p->domainExists);
    QCOMPARE(p->grade, PostureGrade::F);
}

void tst_Posture::dnsFailure()
{
    ZoneResolver zone;
    QVERIFY(zone.loadMasterFile(std::string(kBase) + "@ IN TXT \"v=spf1 mx -all\"\n").ok());
    zone.setFailure("_dmarc.example.com", DnsStatus::ServFail);
    zone.setFailure("_mta-sts.example.com", DnsStatus::Timeout);
    auto p = PostureAssessor::assess("example.com", zone);
    QVERIFY(p.ok());
    QCOMPARE(p->dmarc.rating, PostureRating::Unknown);
    QVERIFY(q(p->dmarc.summary).contains(QStringLiteral("could not be checked")));
    QCOMPARE(p->mtaSts.rating, PostureRating::Unknown);
    QCOMPARE(p->spf.rating, PostureRating::Good);
    QCOMPARE(p->grade, PostureGrade::D);
}

// RFC 9989 np=: read, applied to a From domain that does not exist, and explained.
void tst_Posture::nonExistentPolicy_data()
{
    QTest::addColumn<QString>("dmarc");      // the _dmarc.example.com record
    QTest::addColumn<QString>("domain");     // the domain assessed
    QTest::addColumn<QString>("np");         // DmarcPosture::nonExistentPolicy
    QTest::addColumn<QString>("npEffective");
    QTest::addColumn<QString>("effective");  // the policy for the assessed domain
    QTest::addColumn<QString>("noteWords");  // in some note
    QTest::addColumn<QString>("fix");        // in some DMARC fix; "" = no DMARC fix

    QTest::newRow("np-reject") << "v=DMARC1; p=reject; np=reject; rua=mailto:d@example.com" << "example.com" << "reject"
                               << "reject" << "reject" << "nosuch.example.com) is rejected (np=reject" << "";
    QTest::newRow("np-absent-falls-back-to-p")
        << "v=DMARC1; p=quarantine; rua=mailto:d@example.com" << "example.com" << "" << "quarantine" << "quarantine"
        << "is sent to spam (no np=, so p=quarantine applies" << "";
    QTest::newRow("np-absent-falls-back-to-sp")
        << "v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@example.com" << "example.com" << "" << "quarantine"
        << "reject" << "no np=, so sp=quarantine applies" << "";
    QTest::newRow("np-none-is-a-weakness")
        << "v=DMARC1; p=reject; np=none; rua=mailto:d@example.com" << "example.com" << "none" << "none" << "reject"
        << "Names that do not exist are not protected"
        << "_dmarc.example.com. TXT \"v=DMARC1; p=reject; np=reject; rua=mailto:d@example.com\"";
    QTest::newRow("non-existent-from-domain-gets-np")
        << "v=DMARC1; p=none; sp=none; np=reject; rua=mailto:d@example.com" << "nosuch.example.com" << "reject"
        << "reject" << "reject" << "does not exist in DNS, so the policy for non-existent names applies (np=reject)" << "";
    QTest::newRow("non-existent-from-domain-without-np")
        << "v=DMARC1; p=reject; sp=none; rua=mailto:d@example.com" << "nosuch.example.com" << "" << "none" << "none"
        << "applies (sp=none)" << "_dmarc.example.com. TXT \"v=DMARC1; p=reject; sp=quarantine";
    QTest::newRow("np-invalid") << "v=DMARC1; p=reject; np=maybe; rua=mailto:d@example.com" << "example.com" << ""
                                << "reject" << "reject" << "np= has an invalid value" << "";
}

void tst_Posture::nonExistentPolicy()
{
    QFETCH(QString, dmarc);
    QFETCH(QString, domain);
    const QString zone = QLatin1String(kBase) + QStringLiteral("@ IN TXT \"v=spf1 mx -all\"\n_dmarc IN TXT \"") + dmarc +
                         QStringLiteral("\"\n");
    const DomainPosture p = assess(zone, false, {}, domain);
    QFETCH(QString, np);
    QFETCH(QString, npEffective);
    QFETCH(QString, effective);
    QFETCH(QString, noteWords);
    QFETCH(QString, fix);
    QCOMPARE(q(p.dmarc.nonExistentPolicy), np);
    QCOMPARE(q(p.dmarc.nonExistentEffectivePolicy), npEffective);
    QCOMPARE(q(p.dmarc.effectivePolicy), effective);
    QCOMPARE(p.domainExists, domain == QLatin1String("example.com"));
    if (!anyContains(p.dmarc.notes, noteWords)) {
        for (const std::string &n : p.dmarc.notes)
            qWarning("note: %s", n.c_str());
        QFAIL(qPrintable(noteWords));
    }
    if (fix.isEmpty()) {
        QVERIFY2(p.dmarc.fixes.empty(), p.dmarc.fixes.empty() ? "" : p.dmarc.fixes.front().c_str());
    } else if (!anyContains(p.dmarc.fixes, fix)) {
        for (const std::string &f : p.dmarc.fixes)
            qWarning("fix: %s", f.c_str());
        QFAIL(qPrintable(fix));
    }
}

// Each check reports whether its own answer was DNSSEC-validated; DANE counts a host only when
// both the MX answer and its TLSA answer are.
void tst_Posture::dnssecPerAnswer_data()
{
    QTest::addColumn<QStringList>("secure"); // names whose answers are secure
    QTest::addColumn<QString>("flags");      // spf,dmarc,mtasts,tlsrpt,dane(mx),tlsa(mail),tlsa(mx2)
    QTest::addColumn<QString>("dane");       // DANE rating
    QTest::addColumn<QString>("grade");

    const QStringList all{"example.com", "_dmarc.example.com", "_mta-sts.example.com", "_smtp._tls.example.com",
                          "_25._tcp.mail.example.com", "_25._tcp.mx2.example.com"};
    QTest::newRow("all-secure") << all << "1,1,1,1,1,1,1" << "good" << "A";
    QTest::newRow("nothing-secure") << QStringList() << "0,0,0,0,0,0,0" << "weak" << "A";
    QStringList noMx2 = all;
    noMx2.removeAll(QStringLiteral("_25._tcp.mx2.example.com"));
    QTest::newRow("one-tlsa-insecure") << noMx2 << "1,1,1,1,1,1,0" << "weak" << "A";
    QStringList tlsaOnly{"_25._tcp.mail.example.com", "_25._tcp.mx2.example.com"};
    QTest::newRow("tlsa-secure-mx-insecure") << tlsaOnly << "0,0,0,0,0,1,1" << "weak" << "A";
    QTest::newRow("only-spf-and-dmarc") << QStringList{"example.com", "_dmarc.example.com"} << "1,1,0,0,1,0,0"
                                        << "weak" << "A";
}

void tst_Posture::dnssecPerAnswer()
{
    PartlySecureZone z;
    const std::string tlsa = "8CB0FC6C527506A053F4F14C8464BEBBD6DEDE2738D11468DD953D7D6A3021F1";
    QVERIFY(z.zone.loadMasterFile("$ORIGIN example.com.\n@ IN MX 10 mail\n@ IN MX 20 mx2\n"
                                  "mail IN A 192.0.2.25\nmx2 IN A 192.0.2.26\n"
                                  "@ IN TXT \"v=spf1 mx -all\"\n"
                                  "_dmarc IN TXT \"v=DMARC1; p=reject; rua=mailto:d@example.com\"\n"
                                  "_mta-sts IN TXT \"v=STSv1; id=1\"\n"
                                  "_smtp._tls IN TXT \"v=TLSRPTv1; rua=mailto:tls@example.com\"\n"
                                  "_25._tcp.mail IN TLSA 3 1 1 " + tlsa + "\n"
                                  "_25._tcp.mx2 IN TLSA 3 1 1 " + tlsa + "\n")
                .ok());
    QFETCH(QStringList, secure);
    z.secureNames = secure;
    auto p = PostureAssessor::assess("example.com", z);
    QVERIFY(p.ok());
    QCOMPARE(p->dane.hosts.size(), size_t(2));
    const QStringList got{QString::number(p->spf.dnssec), QString::number(p->dmarc.dnssec),
                            QString::number(p->mtaSts.dnssec), QString::number(p->tlsRpt.dnssec),
                            QString::number(p->dane.dnssec), QString::number(p->dane.hosts[0].secure),
                            QString::number(p->dane.hosts[1].secure)};
    QFETCH(QString, flags);
    QFETCH(QString, dane);
    QFETCH(QString, grade);
    QCOMPARE(got.join(QLatin1Char(',')), flags);
    QCOMPARE(q(postureRatingName(p->dane.rating)), dane);
    QCOMPARE(q(postureGradeName(p->grade)), grade);
    QCOMPARE(p->dane.mxSecure, p->dane.dnssec);
    for (const DaneHostPosture &h : p->dane.hosts)
        QCOMPARE(h.tlsaRecords, 1);
    if (dane == QLatin1String("good"))
        QVERIFY(q(p->dane.summary).contains(QStringLiteral("Every MX host")));
    else
        QVERIFY(!p->dane.fixes.empty());
}

QTEST_APPLESS_MAIN(tst_Posture)
#include "tst_posture.moc"
