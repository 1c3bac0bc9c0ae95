// Provider profiles (verifier/core/ProviderProfile.h, app/core/ProviderProfiles.h): the patterns
// and networks that widen the user's trust must match exactly what they name and nothing more,
// and the built-in file must load. The trace and Authentication-Results rules that use them are
// tested with whole headers in tst_providertrust.
#include "ProviderProfile.h"
#include "ProviderProfiles.h"

#include <QTest>

using namespace verifier;

class tst_ProviderProfile : public QObject
{
    Q_OBJECT
private slots:
    void hostPatterns_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("matches");
        QTest::newRow("exact") << "mx.google.com" << "mx.google.com" << true;
        QTest::newRow("exact, case and dot") << "MX.Google.COM." << "mx.google.com" << true;
        QTest::newRow("below") << "mail-sor-f41.google.com" << "*.google.com" << true;
        QTest::newRow("two labels below") << "a.b.google.com" << "*.google.com" << true;
        QTest::newRow("not the name itself") << "google.com" << "*.google.com" << false;
        QTest::newRow("suffix is not a label") << "evilgoogle.com" << "*.google.com" << false;
        QTest::newRow("appended domain") << "mx.google.com.evil.example" << "*.google.com" << false;
        QTest::newRow("label prefix") << "mailin042.protonmail.ch" << "mailin*.protonmail.ch" << true;
        QTest::newRow("label prefix, one label only") << "x.mailin042.protonmail.ch" << "mailin*.protonmail.ch" << false;
        QTest::newRow("label prefix, wrong start") << "mailout1.protonmail.ch" << "mailin*.protonmail.ch" << false;
        QTest::newRow("too wide pattern") << "evil.com" << "*.com" << false;
        QTest::newRow("star alone") << "anything" << "*" << false;
        QTest::newRow("inner star is one label") << "a.b.example.com" << "a.*.example.com" << true;
        QTest::newRow("inner star, two labels") << "a.b.c.example.com" << "a.*.example.com" << false;
        QTest::newRow("yahoo family") << "mta4003.mail.gq1.yahoo.com" << "mta*.mail.*.yahoo.com" << true;
        QTest::newRow("star in the last labels") << "mx.example.com" << "mx.example.*" << false;
        QTest::newRow("star inside a label") << "mxa1.example.com" << "m*a1.example.com" << false;
    }
    void hostPatterns()
    {
        QFETCH(QString, host);
        QFETCH(QString, pattern);
        QFETCH(bool, matches);
        QCOMPARE(hostMatchesPattern(host.toStdString(), pattern.toStdString()), matches);
    }
    void networks_data()
    {
        QTest::addColumn<QString>("ip");
        QTest::addColumn<QString>("network");
        QTest::addColumn<bool>("inside");
        QTest::newRow("v4 in") << "10.202.2.45" << "10.0.0.0/8" << true;
        QTest::newRow("v4 out") << "11.0.0.1" << "10.0.0.0/8" << false;
        QTest::newRow("v4 /32 default") << "192.0.2.1" << "192.0.2.1" << true;
        QTest::newRow("v6 in") << "2603:10a6:20b:1a6::18" << "2603:1000::/24" << true;
        QTest::newRow("v6 out") << "2a01:111:f400::1" << "2603:1000::/24" << false;
        QTest::newRow("v6 odd prefix") << "2603:10ff::1" << "2603:1000::/24" << true;
        QTest::newRow("v6 odd prefix, next") << "2603:1100::1" << "2603:1000::/24" << false;
        QTest::newRow("mapped v4") << "::ffff:10.1.2.3" << "10.0.0.0/8" << true;
        QTest::newRow("family differs") << "10.1.2.3" << "2603:1000::/24" << false;
        QTest::newRow("garbage") << "not-an-ip" << "10.0.0.0/8" << false;
        QTest::newRow("bad prefix") << "10.1.2.3" << "10.0.0.0/33" << false;
    }
    void networks()
    {
        QFETCH(QString, ip);
        QFETCH(QString, network);
        QFETCH(bool, inside);
        QCOMPARE(ipInNetwork(ip.toStdString(), network.toStdString()), inside);
    }
    void privateAddresses()
    {
        for (const char *ip : {"127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1",
                               "169.254.1.1", "::1", "fd00::1", "fe80::1", "[10.1.2.3]", "IPv6:::1"})
            QVERIFY2(isPrivateAddress(ip), ip);
        for (const char *ip : {"8.8.8.8", "172.32.0.1", "192.0.2.1", "2001:db8::1", "209.85.220.41", ""})
            QVERIFY2(!isPrivateAddress(ip), ip);
    }
    void parseErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("not json") << QByteArray("{") << "not a JSON object";
        QTest::newRow("no id") << QByteArray(R"({"providers":[{"name":"x"}]})") << "no id";
        QTest::newRow("wide pattern") << QByteArray(R"({"providers":[{"id":"a","name":"A","authserv_id_patterns":["*.com"]}]})")
                                      << "could match too much";
        QTest::newRow("bad network") << QByteArray(R"({"providers":[{"id":"a","name":"A","internal_networks":["10.0.0.0/99"]}]})")
                                     << "is not a network";
        QTest::newRow("twice") << QByteArray(R"({"providers":[{"id":"a","name":"A"},{"id":"a","name":"B"}]})")
                               << "listed twice";
    }
    void parseErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        auto parsed = parseProviderProfiles(json.toStdString());
        QVERIFY(!parsed);
        QVERIFY2(QString::fromStdString(parsed.error().message).contains(error), parsed.error().message.c_str());
    }
    void builtInProfiles()
    {
        const auto &all = sealcheck::providerProfiles();
        QVERIFY2(all.size() >= 5, "the built-in resources/providers/providers.json did not load");
        for (const char *id : {"gmail", "microsoft365", "fastmail", "icloud", "proton"})
            QVERIFY2(sealcheck::findProviderProfile(QString::fromLatin1(id)), id);
        QVERIFY(!sealcheck::findProviderProfile(QStringLiteral("nosuch")));
        auto ms = sealcheck::findProviderProfile(QStringLiteral("Microsoft365"));
        QVERIFY(ms && ms->idlessAuthenticationResults);
        // Recognised from MX hosts (account set-up), and from a mailbox domain.
        auto byMx = sealcheck::recogniseProvider({QStringLiteral("example-com.mail.protection.outlook.com")},
                                                 QStringLiteral("example.com"));
        QVERIFY(byMx);
        QCOMPARE(QString::fromStdString(byMx->id), QStringLiteral("microsoft365"));
        auto byDomain = sealcheck::recogniseProvider({}, QStringLiteral("gmail.com"));
        QVERIFY(byDomain);
        QCOMPARE(QString::fromStdString(byDomain->id), QStringLiteral("gmail"));
        QVERIFY(!sealcheck::recogniseProvider({QStringLiteral("mx.example.org")}, QStringLiteral("example.org")));
    }
};

QTEST_GUILESS_MAIN(tst_ProviderProfile)
#include "tst_providerprofile.moc"
