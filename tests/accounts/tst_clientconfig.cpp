// The clientConfig side of automatic account setup (AccountAutoConfig, ServerDiscovery), with no
// network: Thunderbird's clientConfig v1.1 parser over strings (malformed, oversized, DTD, deep,
// ...), the %EMAIL...% placeholders, the IMAP candidates a config offers and the ones it must
// not (plain text, unknown sign-in), the server guessed from MX records, and the URLs asked.
// The discovery over HTTPS and DNS is tst_autoconfig.
#include "AccountAutoConfig.h"
#include "AutoConfigTestText.h"
#include "ServerDiscovery.h"
#include "ZoneResolver.h"

#include <QTest>

using namespace sealcheck;
using namespace autoconfigtest;

class tst_ClientConfig : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QString>("error");   // "" = parsed
        QTest::addColumn<QString>("servers"); // "host port socketType user [auth,...]" per IMAP server

        QTest::newRow("seed-file") << seedConfig() << ""
                                   << "imap.example.com 993 SSL %EMAILLOCALPART% password-cleartext; "
                                      "mail.%EMAILDOMAIN% 143 STARTTLS %EMAILADDRESS% password-cleartext";
        QTest::newRow("no-version-attribute")
            << QByteArray("<clientConfig><emailProvider id=\"a\">" + imapServer("h.example.com", 993, "SSL", "u") +
                          "</emailProvider></clientConfig>")
            << "" << "h.example.com 993 SSL u password-cleartext";
        QTest::newRow("pop3-only") << config("<incomingServer type=\"pop3\"><hostname>p.example.com</hostname></incomingServer>")
                                   << "" << "";
        QTest::newRow("empty") << QByteArray() << "is empty" << "";
        QTest::newRow("not-xml") << QByteArray("hello, world") << "malformed XML" << "";
        QTest::newRow("truncated") << QByteArray("<clientConfig version=\"1.1\"><emailProvider id=\"x\"><incomingServer")
                                   << "malformed XML" << "";
        QTest::newRow("unclosed-root") << QByteArray("<clientConfig version=\"1.1\"><emailProvider id=\"x\"></emailProvider>")
                                       << "malformed XML" << "";
        QTest::newRow("mismatched-tags") << QByteArray("<clientConfig><emailProvider></clientConfig></emailProvider>")
                                         << "malformed XML" << "";
        QTest::newRow("wrong-root") << QByteArray("<html><body>404</body></html>") << "not <clientConfig>" << "";
        QTest::newRow("wrong-version") << QByteArray("<clientConfig version=\"2.0\"><emailProvider/></clientConfig>")
                                       << "version 2.0 is not supported" << "";
        QTest::newRow("no-provider") << QByteArray("<clientConfig version=\"1.1\"></clientConfig>") << "no <emailProvider>"
                                     << "";
        QTest::newRow("two-providers")
            << QByteArray("<clientConfig><emailProvider/><emailProvider/></clientConfig>") << "more than one <emailProvider>" << "";
        QTest::newRow("dtd-entity-expansion")
            << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
                          "<clientConfig><emailProvider id=\"&b;\"/></clientConfig>")
            << "document type declaration" << "";
        QTest::newRow("undeclared-entity") << QByteArray("<clientConfig><emailProvider id=\"&x;\"/></clientConfig>")
                                           << "malformed XML" << "";
        QTest::newRow("element-inside-hostname")
            << config("<incomingServer type=\"imap\"><hostname>a<b/>c</hostname></incomingServer>") << "must hold only text" << "";
        QTest::newRow("two-hostnames")
            << config("<incomingServer type=\"imap\"><hostname>a.example</hostname><hostname>b.example</hostname></incomingServer>")
            << "more than one <hostname>" << "";
        QTest::newRow("long-hostname") << config(imapServer(QByteArray(300, 'a'), 993, "SSL", "u")) << "longer than 255" << "";
        QTest::newRow("oversized") << config("<!--" + QByteArray(70000, '-').replace("--", "-x") + "-->")
                                   << "larger than 64 KiB" << "";
        QByteArray deep = "<clientConfig><emailProvider id=\"x\">";
        for (int i = 0; i < 40; ++i)
            deep += "<d>";
        for (int i = 0; i < 40; ++i)
            deep += "</d>";
        QTest::newRow("too-deep") << QByteArray(deep + "</emailProvider></clientConfig>") << "deeper than 16" << "";
        QByteArray many = "<clientConfig><emailProvider id=\"x\">";
        for (int i = 0; i < 2500; ++i)
            many += "<e/>";
        QTest::newRow("too-many-elements") << QByteArray(many + "</emailProvider></clientConfig>") << "more than 2000 elements"
                                           << "";
        QByteArray servers;
        for (int i = 0; i < 17; ++i)
            servers += imapServer("h.example.com", 993, "SSL", "u");
        QTest::newRow("too-many-imap-servers") << config(servers) << "more than 16 IMAP servers" << "";
        QTest::newRow("text-after-root") << QByteArray("<clientConfig><emailProvider/></clientConfig>trailing")
                                         << "malformed XML" << "";
        QTest::newRow("binary-garbage") << QByteArray("<clientConfig>\x01\x02\xff\xfe</clientConfig>") << "malformed XML"
                                        << "";
    }

    void parse()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QString, error);
        QFETCH(QString, servers);
        const auto parsed = AccountAutoConfig::parseClientConfig(xml);
        if (!error.isEmpty()) {
            QVERIFY2(!parsed.ok(), "parsed although it should not");
            QVERIFY2(QString::fromStdString(parsed.error().message).contains(error), parsed.error().message.c_str());
            return;
        }
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message.c_str());
        QStringList got;
        for (const ClientConfigServer &s : parsed->imapServers)
            got << QStringList{s.hostname, s.port, s.socketType, s.username, s.authentication.join(QLatin1Char(','))}.join(
                QLatin1Char(' '));
        QCOMPARE(got.join(QStringLiteral("; ")), servers);
    }

    void placeholders_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("expected");
        QTest::newRow("localpart") << "%EMAILLOCALPART%" << "alice@Example.com" << "alice";
        QTest::newRow("address") << "%EMAILADDRESS%" << "alice@example.com" << "alice@example.com";
        QTest::newRow("domain-lowered") << "imap.%EMAILDOMAIN%" << "alice@Example.COM" << "imap.example.com";
        QTest::newRow("combined") << "%EMAILLOCALPART%+mail@%EMAILDOMAIN%" << "a.b@example.org" << "a.b+mail@example.org";
        QTest::newRow("literal") << "fixed-user" << "a@example.org" << "fixed-user";
        QTest::newRow("unknown-placeholder") << "%REALNAME%" << "a@example.org" << "";
        QTest::newRow("percent-in-address") << "%EMAILLOCALPART%" << "a%REALNAME%b@example.org" << "a%REALNAME%b";
    }

    void placeholders()
    {
        QFETCH(QString, text);
        QFETCH(QString, address);
        QFETCH(QString, expected);
        QCOMPARE(AccountAutoConfig::resolvePlaceholders(text, address), expected);
    }

    void candidatesFromConfig_data()
    {
        QTest::addColumn<QByteArray>("servers");
        QTest::addColumn<QString>("candidates");
        QTest::addColumn<QString>("skipped");
        QTest::newRow("seed-localpart") << QByteArray() << "autoconfig-host imap.example.com:993 tls alice password; "
                                                           "autoconfig-host mail.example.com:143 starttls alice@example.com password"
                                        << "";
        QTest::newRow("plaintext-only") << imapServer("imap.example.com", 143, "plain", "%EMAILADDRESS%") << ""
                                        << "only without encryption (plain text); skipped";
        QTest::newRow("plain-beside-tls")
            << QByteArray(imapServer("imap.example.com", 143, "plain", "u") + imapServer("imap.example.com", 993, "SSL", "u"))
            << "autoconfig-host imap.example.com:993 tls u password" << "plain text";
        QTest::newRow("oauth-google") << imapServer("imap.gmail.com", 993, "SSL", "%EMAILADDRESS%", {"OAuth2", "password-cleartext"})
                                      << "autoconfig-host imap.gmail.com:993 tls alice@example.com oauth2:google" << "";
        QTest::newRow("oauth-unknown-host-falls-back")
            << imapServer("imap.example.com", 993, "SSL", "u", {"OAuth2", "password-cleartext"})
            << "autoconfig-host imap.example.com:993 tls u password" << "";
        QTest::newRow("oauth-only-unknown-host") << imapServer("imap.example.com", 993, "SSL", "u", {"OAuth2"}) << ""
                                                 << "sign-in methods Sealcheck does not support (OAuth2)";
        QTest::newRow("idn-domain-placeholder") << imapServer("imap.%EMAILDOMAIN%", 993, "SSL", "%EMAILLOCALPART%")
                                                << "autoconfig-host imap.xn--bcher-kva.example:993 tls alice password" << "";
        QTest::newRow("bad-port") << imapServer("imap.example.com", 99999, "SSL", "u") << "" << "no valid port";
        QTest::newRow("bad-host") << imapServer("imap example.com", 993, "SSL", "u") << "" << "not a valid host name";
        QTest::newRow("unknown-socket-type") << imapServer("imap.example.com", 993, "TLS1.3", "u") << ""
                                             << "unknown socketType";
        QTest::newRow("unknown-user-placeholder") << imapServer("imap.example.com", 993, "SSL", "%REALNAME%") << ""
                                                  << "unknown placeholder";
    }

    void candidatesFromConfig()
    {
        QFETCH(QByteArray, servers);
        QFETCH(QString, candidates);
        QFETCH(QString, skipped);
        const auto parsed = AccountAutoConfig::parseClientConfig(servers.isEmpty() ? seedConfig() : config(servers));
        QVERIFY(parsed.ok());
        QVector<AutoConfigNote> notes;
        const QString address = QLatin1String(QTest::currentDataTag()) == QLatin1String("idn-domain-placeholder")
                                    ? QStringLiteral("alice@b\u00fccher.example")
                                    : QStringLiteral("alice@example.com");
        const auto got = AccountAutoConfig::candidatesFromConfig(*parsed, address,
                                                                 AutoConfigSource::AutoconfigHost, QStringLiteral("u"), &notes);
        QCOMPARE(describe(got), candidates);
        if (skipped.isEmpty())
            QVERIFY2(notes.isEmpty(), qPrintable(describe(notes)));
        else
            QVERIFY2(describe(notes).contains(skipped), qPrintable(describe(notes)));
    }

    void mxGuess_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QString>("expected"); // "host oauth evidence" or ""
        QTest::newRow("google") << QByteArray("@ 300 IN MX 1 aspmx.l.google.com.\n@ 300 IN MX 5 alt1.aspmx.l.google.com.\n")
                                << "imap.gmail.com google aspmx.l.google.com";
        QTest::newRow("googlemail") << QByteArray("@ 300 IN MX 10 aspmx2.googlemail.com.\n") << "imap.gmail.com google aspmx2.googlemail.com";
        QTest::newRow("microsoft") << QByteArray("@ 300 IN MX 0 example-org.mail.protection.outlook.com.\n")
                                   << "outlook.office365.com microsoft example-org.mail.protection.outlook.com";
        QTest::newRow("preference-wins") << QByteArray("@ 300 IN MX 20 aspmx.l.google.com.\n@ 300 IN MX 10 mx1.mailhost.example.net.\n")
                                         << "imap.example.net  mx1.mailhost.example.net";
        QTest::newRow("own-domain") << QByteArray("@ 300 IN MX 10 mx.example.org.\n") << "";
        QTest::newRow("null-mx") << QByteArray("@ 300 IN MX 0 .\n") << "";
        QTest::newRow("no-mx") << QByteArray("@ 300 IN A 192.0.2.1\n") << "";
    }

    void mxGuess()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QString, expected);
        verifier::ZoneResolver resolver;
        QVERIFY(resolver.loadMasterFile(zone.toStdString(), "example.org.").ok());
        const auto got = ServerDiscovery::discoverMx(resolver, QStringLiteral("bob@example.org"));
        if (expected.isEmpty()) {
            QVERIFY(got.isEmpty());
            return;
        }
        QCOMPARE(got.size(), 1);
        QCOMPARE(got.front().source, DiscoveredServer::Source::MxGuess);
        QCOMPARE(got.front().port, quint16(993));
        QCOMPARE(got.front().host + QLatin1Char(' ') + got.front().oauthProvider + QLatin1Char(' ') + got.front().evidence, expected);
    }

    void urls()
    {
        QCOMPARE(AccountAutoConfig::configUrl(AutoConfigSource::AutoconfigHost, QStringLiteral("a+b@Example.COM")).toString(),
                 QStringLiteral("https://autoconfig.example.com/mail/config-v1.1.xml?emailaddress=a%2Bb%40Example.COM"));
        QCOMPARE(AccountAutoConfig::configUrl(AutoConfigSource::WellKnown, QStringLiteral("a@example.com")).toString(),
                 QStringLiteral("https://example.com/.well-known/autoconfig/mail/config-v1.1.xml"));
        QCOMPARE(AccountAutoConfig::configUrl(AutoConfigSource::Ispdb, QStringLiteral("a@example.com")).toString(),
                 QStringLiteral("https://autoconfig.thunderbird.net/v1.1/example.com"));
        QVERIFY(AccountAutoConfig::configUrl(AutoConfigSource::SrvImaps, QStringLiteral("a@example.com")).isEmpty());
        QVERIFY(AccountAutoConfig::configUrl(AutoConfigSource::MxAutoconfig, QStringLiteral("a@example.com")).isEmpty());
        QCOMPARE(AccountAutoConfig::mxConfigUrl(AutoConfigSource::MxAutoconfig, QStringLiteral("Example.NET")).toString(),
                 QStringLiteral("https://autoconfig.example.net/mail/config-v1.1.xml"));
        QCOMPARE(AccountAutoConfig::mxConfigUrl(AutoConfigSource::IspdbMx, QStringLiteral("example.net")).toString(),
                 QStringLiteral("https://autoconfig.thunderbird.net/v1.1/example.net"));
        QVERIFY(AccountAutoConfig::mxConfigUrl(AutoConfigSource::AutoconfigHost, QStringLiteral("example.net")).isEmpty());
        QVERIFY(AccountAutoConfig::mxConfigUrl(AutoConfigSource::MxAutoconfig, QStringLiteral("bad host")).isEmpty());
        for (AutoConfigSource s : {AutoConfigSource::AutoconfigHost, AutoConfigSource::WellKnown, AutoConfigSource::Ispdb,
                                   AutoConfigSource::SrvImaps, AutoConfigSource::SrvImap, AutoConfigSource::MxAutoconfig,
                                   AutoConfigSource::IspdbMx, AutoConfigSource::MxGuess, AutoConfigSource::Guess})
            QVERIFY(!autoConfigSourceName(s).isEmpty());
        QCOMPARE(autoConfigSourceName(AutoConfigSource::MxAutoconfig), QStringLiteral("mx-autoconfig"));
        QCOMPARE(autoConfigSourceName(AutoConfigSource::IspdbMx), QStringLiteral("ispdb-mx"));
        QCOMPARE(ServerDiscovery::oauthProviderForHost(QStringLiteral("IMAP.gmail.com.")), QStringLiteral("google"));
        QCOMPARE(ServerDiscovery::oauthProviderForHost(QStringLiteral("outlook.office365.com")), QStringLiteral("microsoft"));
        QCOMPARE(ServerDiscovery::oauthProviderForHost(QStringLiteral("imap.example.com")), QString());
    }
};

QTEST_GUILESS_MAIN(tst_ClientConfig)
#include "tst_clientconfig.moc"
