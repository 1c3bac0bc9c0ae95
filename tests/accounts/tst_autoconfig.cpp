// AccountAutoConfig and ServerDiscovery (app/core): automatic account setup from an address.
// (The clientConfig parser, placeholders, candidates, MX guesses and URLs, all without network,
// are in tst_clientconfig.cpp.)
// - The whole discovery against local HTTPS servers the test starts (tests/common/
//   LocalHttpsServer.h: QSslServer on 127.0.0.1, free ports) with certificates from a throw-away
//   CA made by the openssl command in a temporary directory: one server certificate naming every
//   test host, and a self-signed "rogue" certificate served by a second server.
//   AutoConfigOptions gives the CA as an extra root and maps every test host to 127.0.0.1:PORT;
//   the certificate is still checked against the real host name. Every host the discovery may
//   ask is mapped: nothing leaves the machine.
// - SRV and MX from a real unbound on loopback (PITFALLS.md "unbound on loopback"); those rows
//   skip when unbound is not installed, the others use an in-memory zone (kZone), with DNSSEC
//   "bogus" answers played by TestResolver.
// - DNS failures (SERVFAIL, timeout, bogus) reported in `skipped`; the MX domain's autoconfig.
#include "AccountAutoConfig.h"
#include "AutoConfigTestText.h"
#include "LocalHttpsServer.h"
#include "ServerDiscovery.h"
#include "UnboundResolver.h"
#include "UnboundServer.h"
#include "ZoneResolver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUdpSocket>

#include <set>

using namespace sealcheck;
using namespace autoconfigtest;

using Routes = QHash<QString, QByteArray>; // "host/path" -> body (200 text/xml) or a whole "HTTP/1.1 ..." response

namespace {

// Every host name a row may make the discovery ask; all are mapped to the local servers.
const QStringList kDomains{
    QStringLiteral("example.com"),      QStringLiteral("example.net"),        QStringLiteral("example.org"),
    QStringLiteral("srv.example.com"),  QStringLiteral("gm.example.com"),     QStringLiteral("o365.example.com"),
    QStringLiteral("hosted.example.com"), QStringLiteral("nullmx.example.com"), QStringLiteral("nosrv.example.com"),
    QStringLiteral("mxcfg.example.com"), QStringLiteral("mxgoogle.example.com"),
};

// The in-memory zone of the rows that do not use unbound: mail of mxcfg.example.com goes to
// another organisation (example.net), mail of mxgoogle.example.com to Google (bundled table).
const char *const kZone = R"(
mxcfg.example.com.    300 IN MX 10 mx1.mailhost.example.net.
mxcfg.example.com.    300 IN MX 20 mx2.mailhost.example.net.
mxgoogle.example.com. 300 IN MX 5 aspmx.l.google.com.
)";

// An in-memory zone whose listed names answer as a validating resolver does for a DNSSEC
// failure: SERVFAIL with bogus set (verifier/core/Resolver.h).
class TestResolver final : public verifier::Resolver
{
public:
    verifier::ZoneResolver zone;
    std::set<std::string> bogus;

    verifier::DnsAnswer query(std::string_view name, verifier::RrType type) const override
    {
        if (bogus.count(verifier::ZoneResolver::canonicalName(name))) {
            verifier::DnsAnswer a;
            a.status = verifier::DnsStatus::ServFail;
            a.bogus = true;
            a.why = "DNSSEC validation failed";
            return a;
        }
        return zone.query(name, type);
    }
};

std::shared_ptr<const verifier::Resolver> testZone()
{
    auto r = std::make_shared<TestResolver>();
    if (!r->zone.loadMasterFile(kZone).ok())
        qFatal("kZone does not load");
    return r;
}

QByteArray http(int status, const QByteArray &body, const QByteArray &extra = {})
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: text/xml\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n" + extra + "Connection: close\r\n\r\n" + body;
}

QByteArray redirect(const QByteArray &location)
{
    return http(302, "moved", "Location: " + location + "\r\n");
}

QString describeWithOrigin(const QVector<AutoConfigNote> &notes)
{
    QStringList out;
    for (const auto &n : notes)
        out << autoConfigSourceName(n.source) + QLatin1Char(' ') + n.origin + (n.dnsFailure ? QStringLiteral(" [dns]") : QString())
                   + QStringLiteral(": ") + n.reason;
    return out.join(QStringLiteral(" | "));
}

// One local HTTPS server (tests/common/LocalHttpsServer.h) answering from a route table.
class HttpsServer : public httpstest::LocalHttpsServer
{
public:
    Routes routes;

    HttpsServer()
    {
        respond = [this](const QByteArray &request) { return answer(request); };
    }

    QByteArray answer(const QByteArray &request) const
    {
        const QByteArray line = request.left(request.indexOf("\r\n"));
        const QList<QByteArray> parts = line.split(' ');
        QByteArray path = parts.size() > 1 ? parts[1] : QByteArray();
        path = path.left(path.indexOf('?') < 0 ? path.size() : path.indexOf('?'));
        QByteArray host;
        for (const QByteArray &h : request.split('\n'))
            if (h.toLower().startsWith("host:"))
                host = h.mid(5).trimmed();
        const auto it = routes.constFind(QString::fromLatin1(host + path));
        if (it == routes.constEnd())
            return http(404, "not here");
        if (*it == "SILENT")
            return {};
        return it->startsWith("HTTP/1.1 ") ? *it : http(200, *it);
    }
};

} // namespace

Q_DECLARE_METATYPE(Routes)

class tst_AutoConfig : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_noTls;
    httpstest::TestCertificates m_certs;
    HttpsServer m_good, m_rogue;
    std::shared_ptr<const verifier::Resolver> m_unbound;
    QString m_noUnbound;
    testunbound::UnboundServer m_unboundServer;

    /// @p rogueHosts are served by the server with the self-signed certificate.
    AutoConfigOptions options(const QStringList &rogueHosts = {}, IspdbLookup ispdb = IspdbLookup::Refused,
                              int timeoutMs = 10000) const
    {
        AutoConfigOptions o;
        o.extraCaCertificates << m_certs.ca;
        o.ispdb = ispdb;
        o.timeoutMs = timeoutMs;
        QStringList hosts{QStringLiteral("autoconfig.thunderbird.net")};
        for (const QString &d : kDomains)
            hosts << d << QStringLiteral("autoconfig.") + d;
        for (const QString &h : hosts) {
            const HttpsServer &s = rogueHosts.contains(h) ? m_rogue : m_good;
            o.hostOverrides.insert(h, {QHostAddress(QHostAddress::LocalHost), s.port()});
        }
        return o;
    }

    void startUnbound()
    {
        QString why;
        if (!m_unboundServer.start(m_dir.path(),
                                   "  local-zone: \"example.com.\" static\n"
                                   "  local-data: \"example.com. 300 IN SOA ns.example.com. h.example.com. 1 7200 3600 1209600 120\"\n"
                                   "  local-data: \"example.com. 300 IN A 192.0.2.1\"\n"
                                   // RFC 6186 SRV: implicit TLS first, STARTTLS second.
                                   "  local-data: \"_imaps._tcp.srv.example.com. 300 IN SRV 10 5 993 mail.srv.example.com.\"\n"
                                   "  local-data: \"_imaps._tcp.srv.example.com. 300 IN SRV 0 1 9993 imap1.srv.example.com.\"\n"
                                   "  local-data: \"_imap._tcp.srv.example.com. 300 IN SRV 0 1 143 imap2.srv.example.com.\"\n"
                                   "  local-data: \"srv.example.com. 300 IN MX 10 mx.srv.example.com.\"\n"
                                   // "." target: the service is decidedly not offered (RFC 6186 §3.4).
                                   "  local-data: \"_imaps._tcp.nosrv.example.com. 300 IN SRV 0 0 0 .\"\n"
                                   "  local-data: \"gm.example.com. 300 IN MX 5 aspmx.l.google.com.\"\n"
                                   "  local-data: \"gm.example.com. 300 IN MX 10 alt1.aspmx.l.google.com.\"\n"
                                   "  local-data: \"o365.example.com. 300 IN MX 0 o365-example-com.mail.protection.outlook.com.\"\n"
                                   "  local-data: \"hosted.example.com. 300 IN MX 10 mx1.mailhost.example.net.\"\n"
                                   "  local-data: \"nullmx.example.com. 300 IN MX 0 .\"\n",
                                   &why)) {
            m_noUnbound = why + QStringLiteral("; the SRV/MX rows are skipped");
            return;
        }
        verifier::UnboundOptions o;
        o.forwarder = m_unboundServer.forwarder();
        o.trustAnchorFile.clear(); // the local zone is unsigned
        o.timeout = std::chrono::milliseconds(3000);
        auto resolver = verifier::UnboundResolver::create(o);
        if (!resolver.ok()) {
            m_noUnbound = QString::fromStdString(resolver.error().message);
            return;
        }
        if ((*resolver)->query("gm.example.com", verifier::RrType::MX).status != verifier::DnsStatus::Ok) {
            m_noUnbound = QStringLiteral("unbound did not answer: ") + QString::fromLocal8Bit(m_unboundServer.output());
            return;
        }
        m_unbound = std::shared_ptr<const verifier::Resolver>(std::move(*resolver));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (!QSslSocket::supportsSsl())
            m_noTls = QStringLiteral("Qt has no TLS backend here");
        else if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            m_noTls = QStringLiteral("the 'openssl' command is not installed");
        startUnbound();
        if (!m_noTls.isEmpty())
            return;
        // One server certificate naming every test host (example.com first, also its CN).
        QStringList names;
        for (const QString &d : kDomains)
            names << d << QStringLiteral("autoconfig.") + d;
        names << QStringLiteral("autoconfig.thunderbird.net");
        QVERIFY(m_certs.make(m_dir.path(), names, QStringLiteral("autoconfig.example.net")));
        QVERIFY(m_good.start(m_certs.server, m_certs.serverKey));
        QVERIFY(m_rogue.start(m_certs.rogue, m_certs.rogueKey));
    }

    void cleanupTestCase()
    {
        m_unbound.reset();
        m_unboundServer.stop();
    }

    // ---- the whole discovery: local HTTPS server, DNS from a zone or unbound ---------------

    void discover_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<Routes>("routes");
        QTest::addColumn<QStringList>("rogueHosts");
        QTest::addColumn<bool>("ispdb");
        QTest::addColumn<bool>("unbound"); // DNS from the real unbound, else an empty zone
        QTest::addColumn<QString>("candidates");
        QTest::addColumn<QString>("skipped"); // a substring of the notes ("" = no note at all)

        const QByteArray good = seedConfig();
        const QString seedCandidates = QStringLiteral("autoconfig-host imap.example.com:993 tls alice password; "
                                                      "autoconfig-host mail.example.com:143 starttls alice@example.com password");
        QTest::newRow("autoconfig-host") << "alice@example.com"
                                         << Routes{{QStringLiteral("autoconfig.example.com/mail/config-v1.1.xml"), good}}
                                         << QStringList() << false << false << seedCandidates
                                         << "well-known: the server answers HTTP 404";
        QTest::newRow("well-known")
            << "bob@example.com"
            << Routes{{QStringLiteral("example.com/.well-known/autoconfig/mail/config-v1.1.xml"),
                       config(imapServer("mail2.example.com", 993, "SSL", "%EMAILLOCALPART%"))}}
            << QStringList() << false << false
            << "well-known mail2.example.com:993 tls bob password; guess imap.example.com:993 tls bob@example.com password"
            << "autoconfig-host: the server answers HTTP 404";
        QTest::newRow("invalid-certificate")
            << "carol@example.net" << Routes{{QStringLiteral("autoconfig.example.net/mail/config-v1.1.xml"), good}}
            << QStringList{QStringLiteral("autoconfig.example.net")} << false << false
            << "guess imap.example.net:993 tls carol@example.net password"
            << "autoconfig-host: TLS certificate of autoconfig.example.net not accepted";
        QTest::newRow("plaintext-only")
            << "dave@example.org"
            << Routes{{QStringLiteral("autoconfig.example.org/mail/config-v1.1.xml"),
                       config(imapServer("mail.example.org", 143, "plain", "%EMAILADDRESS%"))}}
            << QStringList() << false << false << "guess imap.example.org:993 tls dave@example.org password"
            << "autoconfig-host: IMAP server mail.example.org:143 is offered only without encryption";
        QTest::newRow("redirect-same-site")
            << "alice@example.com"
            << Routes{{QStringLiteral("autoconfig.example.com/mail/config-v1.1.xml"), redirect("https://example.com/cfg.xml")},
                      {QStringLiteral("example.com/cfg.xml"), good}}
            << QStringList() << false << false << seedCandidates << "well-known: the server answers HTTP 404";
        QTest::newRow("redirect-to-http")
            << "alice@example.com"
            << Routes{{QStringLiteral("autoconfig.example.com/mail/config-v1.1.xml"), redirect("http://example.com/cfg.xml")}}
            << QStringList() << false << false << "guess imap.example.com:993 tls alice@example.com password"
            << "redirect to http://example.com/cfg.xml refused: not HTTPS";
        QTest::newRow("redirect-to-other-site")
            << "alice@example.com"
            << Routes{{QStringLiteral("autoconfig.example.com/mail/config-v1.1.xml"), redirect("https://example.net/cfg.xml")},
                      {QStringLiteral("example.net/cfg.xml"), good}}
            << QStringList() << false << false << "guess imap.example.com:993 tls alice@example.com password"
            << "refused: not a host of example.com";
        QTest::newRow("redirect-loop")
            << "alice@example.com"
            << Routes{{QStringLiteral("autoconfig.example.com/mail/config-v1.1.xml"), redirect("/a")},
                      {QStringLiteral("autoconfig.example.com/a"), redirect("/b")},
                      {QStringLiteral("autoconfig.example.com/b"), redirect("/c")},
                      {QStringLiteral("autoconfig.example.com/c"), redirect("/d")},
                      {QStringLiteral("autoconfig.example.com/d"), good}}
            << QStringList() << false << false << "guess imap.example.com:993 tls alice@example.com password"
            << "more than 3 redirects";
        QTest::newRow("malformed-xml")
            << "alice@example.com"
            << Routes{{QStringLiteral("autoconfig.example.com/mail/config-v1.1.xml"), good.left(good.size() / 2)}}
            << QStringList() << false << false << "guess imap.example.com:993 tls alice@example.com password"
            << "autoconfig-host: malformed XML at line";
        QTest::newRow("oversized-xml")
            << "alice@example.com"
            << Routes{{QStringLiteral("autoconfig.example.com/mail/config-v1.1.xml"), good + QByteArray(70000, ' ')}}
            << QStringList() << false << false << "guess imap.example.com:993 tls alice@example.com password"
            << "autoconfig-host: the configuration is larger than 64 KiB";
        QTest::newRow("ispdb-not-asked-by-default")
            << "erin@example.com"
            << Routes{{QStringLiteral("autoconfig.thunderbird.net/v1.1/example.com"),
                       config(imapServer("imap.ispdb.example.com", 993, "SSL", "%EMAILADDRESS%"))}}
            << QStringList() << false << false << "guess imap.example.com:993 tls erin@example.com password"
            << "autoconfig-host: the server answers HTTP 404";
        QTest::newRow("ispdb-opted-in")
            << "erin@example.com"
            << Routes{{QStringLiteral("autoconfig.thunderbird.net/v1.1/example.com"),
                       config(imapServer("imap.ispdb.example.com", 993, "SSL", "%EMAILADDRESS%"))}}
            << QStringList() << true << false
            << "ispdb imap.ispdb.example.com:993 tls erin@example.com password third-party; "
               "guess imap.example.com:993 tls erin@example.com password"
            << "well-known: the server answers HTTP 404";
        QTest::newRow("autoconfig-gmail-oauth")
            << "frank@example.org"
            << Routes{{QStringLiteral("autoconfig.example.org/mail/config-v1.1.xml"),
                       config(imapServer("imap.gmail.com", 993, "SSL", "%EMAILADDRESS%", {"OAuth2", "password-cleartext"}))}}
            << QStringList() << false << false
            << "autoconfig-host imap.gmail.com:993 tls frank@example.org oauth2:google; "
               "guess imap.example.org:993 tls frank@example.org password"
            << "well-known";
        // DNS rows: a real unbound on loopback answers SRV and MX.
        QTest::newRow("srv-records")
            << "gina@srv.example.com" << Routes() << QStringList() << false << true
            << "srv-imaps imap1.srv.example.com:9993 tls gina@srv.example.com password; "
               "srv-imaps mail.srv.example.com:993 tls gina@srv.example.com password; "
               "srv-imap imap2.srv.example.com:143 starttls gina@srv.example.com password; "
               "mx-guess imap.example.com:993 tls gina@srv.example.com password; "
               "guess imap.srv.example.com:993 tls gina@srv.example.com password"
            << "autoconfig-host: the server answers HTTP 404";
        QTest::newRow("srv-service-not-offered")
            << "hal@nosrv.example.com" << Routes() << QStringList() << false << true
            << "guess imap.nosrv.example.com:993 tls hal@nosrv.example.com password" << "well-known";
        QTest::newRow("mx-google")
            << "ivy@gm.example.com" << Routes() << QStringList() << false << true
            << "mx-guess imap.gmail.com:993 tls ivy@gm.example.com oauth2:google; "
               "guess imap.gm.example.com:993 tls ivy@gm.example.com password"
            << "well-known";
        QTest::newRow("mx-microsoft")
            << "jo@o365.example.com" << Routes() << QStringList() << false << true
            << "mx-guess outlook.office365.com:993 tls jo@o365.example.com oauth2:microsoft; "
               "guess imap.o365.example.com:993 tls jo@o365.example.com password"
            << "well-known";
        QTest::newRow("mx-other-provider")
            << "kim@hosted.example.com" << Routes() << QStringList() << false << true
            << "mx-guess imap.example.net:993 tls kim@hosted.example.com password; "
               "guess imap.hosted.example.com:993 tls kim@hosted.example.com password"
            << "well-known";
        QTest::newRow("null-mx") << "lou@nullmx.example.com" << Routes() << QStringList() << false << true
                                 << "guess imap.nullmx.example.com:993 tls lou@nullmx.example.com password" << "well-known";
        QTest::newRow("autoconfig-beats-srv")
            << "max@srv.example.com"
            << Routes{{QStringLiteral("autoconfig.srv.example.com/mail/config-v1.1.xml"),
                       config(imapServer("mail.srv.example.com", 993, "SSL", "%EMAILLOCALPART%"))}}
            << QStringList() << false << true
            << "autoconfig-host mail.srv.example.com:993 tls max password; "
               "srv-imaps imap1.srv.example.com:9993 tls max@srv.example.com password; "
               "srv-imap imap2.srv.example.com:143 starttls max@srv.example.com password; "
               "mx-guess imap.example.com:993 tls max@srv.example.com password; "
               "guess imap.srv.example.com:993 tls max@srv.example.com password"
            << "well-known";
        // Source 5: the MX hosts' organisation (example.net) publishes autoconfig; in-memory zone.
        const QByteArray mxConfig = config(imapServer("imap.mailhost.example.net", 993, "SSL", "%EMAILADDRESS%"));
        const QString mxTail = QStringLiteral("mx-guess imap.example.net:993 tls quinn@mxcfg.example.com password; "
                                              "guess imap.mxcfg.example.com:993 tls quinn@mxcfg.example.com password");
        QTest::newRow("mx-autoconfig")
            << "quinn@mxcfg.example.com"
            << Routes{{QStringLiteral("autoconfig.example.net/mail/config-v1.1.xml"), mxConfig}} << QStringList() << false
            << false << QStringLiteral("mx-autoconfig imap.mailhost.example.net:993 tls quinn@mxcfg.example.com password; ") + mxTail
            << "well-known: the server answers HTTP 404";
        QTest::newRow("mx-autoconfig-not-asked-when-own-config")
            << "quinn@mxcfg.example.com"
            << Routes{{QStringLiteral("autoconfig.mxcfg.example.com/mail/config-v1.1.xml"),
                       config(imapServer("mail.mxcfg.example.com", 993, "SSL", "%EMAILADDRESS%"))},
                      {QStringLiteral("autoconfig.example.net/mail/config-v1.1.xml"), mxConfig}}
            << QStringList() << false << false
            << QStringLiteral("autoconfig-host mail.mxcfg.example.com:993 tls quinn@mxcfg.example.com password; ") + mxTail
            << "well-known: the server answers HTTP 404";
        QTest::newRow("mx-autoconfig-certificate-refused")
            << "quinn@mxcfg.example.com"
            << Routes{{QStringLiteral("autoconfig.example.net/mail/config-v1.1.xml"), mxConfig}}
            << QStringList{QStringLiteral("autoconfig.example.net")} << false << false << mxTail
            << "mx-autoconfig: TLS certificate of autoconfig.example.net not accepted";
        QTest::newRow("ispdb-mx-not-asked-by-default")
            << "quinn@mxcfg.example.com"
            << Routes{{QStringLiteral("autoconfig.thunderbird.net/v1.1/example.net"),
                       config(imapServer("imap.isp.example.net", 993, "SSL", "%EMAILADDRESS%"))}}
            << QStringList() << false << false << mxTail << "mx-autoconfig: the server answers HTTP 404";
        QTest::newRow("ispdb-mx-opted-in")
            << "quinn@mxcfg.example.com"
            << Routes{{QStringLiteral("autoconfig.thunderbird.net/v1.1/example.net"),
                       config(imapServer("imap.isp.example.net", 993, "SSL", "%EMAILADDRESS%"))}}
            << QStringList() << true << false
            << QStringLiteral("ispdb-mx imap.isp.example.net:993 tls quinn@mxcfg.example.com password third-party; ") + mxTail
            << "ispdb: the server answers HTTP 404";
        QTest::newRow("mx-autoconfig-redirect-same-site")
            << "quinn@mxcfg.example.com"
            << Routes{{QStringLiteral("autoconfig.example.net/mail/config-v1.1.xml"), redirect("https://example.net/cfg.xml")},
                      {QStringLiteral("example.net/cfg.xml"), mxConfig}}
            << QStringList() << false << false
            << QStringLiteral("mx-autoconfig imap.mailhost.example.net:993 tls quinn@mxcfg.example.com password; ") + mxTail
            << "well-known: the server answers HTTP 404";
        QTest::newRow("mx-autoconfig-redirect-off-site")
            << "quinn@mxcfg.example.com"
            << Routes{{QStringLiteral("autoconfig.example.net/mail/config-v1.1.xml"), redirect("https://example.org/cfg.xml")},
                      {QStringLiteral("example.org/cfg.xml"), mxConfig}}
            << QStringList() << false << false << mxTail
            << "mx-autoconfig: redirect to https://example.org/cfg.xml refused: not a host of example.net";
        QTest::newRow("mx-autoconfig-redirect-to-own-domain-refused")
            << "quinn@mxcfg.example.com"
            << Routes{{QStringLiteral("autoconfig.example.net/mail/config-v1.1.xml"),
                       redirect("https://mxcfg.example.com/cfg.xml")},
                      {QStringLiteral("mxcfg.example.com/cfg.xml"), mxConfig}}
            << QStringList() << false << false << mxTail
            << "mx-autoconfig: redirect to https://mxcfg.example.com/cfg.xml refused: not a host of example.net";
        // Google's MX: the bundled table knows the server; autoconfig.google.com is not asked
        // (and is not mapped: asking it would fail the "nothing leaves the machine" check).
        QTest::newRow("mx-known-provider-not-fetched")
            << "rita@mxgoogle.example.com" << Routes() << QStringList() << true << false
            << "mx-guess imap.gmail.com:993 tls rita@mxgoogle.example.com oauth2:google; "
               "guess imap.mxgoogle.example.com:993 tls rita@mxgoogle.example.com password"
            << "ispdb: the server answers HTTP 404";
    }

    void discover()
    {
        QFETCH(QString, address);
        QFETCH(Routes, routes);
        QFETCH(QStringList, rogueHosts);
        QFETCH(bool, ispdb);
        QFETCH(bool, unbound);
        QFETCH(QString, candidates);
        QFETCH(QString, skipped);
        if (!m_noTls.isEmpty())
            QSKIP(qPrintable(m_noTls));
        if (unbound && !m_unbound)
            QSKIP(qPrintable(m_noUnbound));
        m_good.routes = routes;
        m_rogue.routes = routes;
        m_good.requests.clear();
        m_rogue.requests.clear();
        std::shared_ptr<const verifier::Resolver> resolver = unbound ? m_unbound : testZone();

        const AutoConfigOptions opts = options(rogueHosts, ispdb ? IspdbLookup::Allowed : IspdbLookup::Refused);
        AccountAutoConfig discovery(opts);
        QSignalSpy finished(&discovery, &AccountAutoConfig::finished);
        discovery.start(address, resolver);
        QVERIFY(discovery.isRunning());
        QVERIFY(finished.isEmpty()); // asynchronous: nothing before the event loop runs
        QVERIFY(finished.wait(20000));
        QTest::qWait(50);
        QCOMPARE(finished.size(), 1);
        const auto result = finished.front().front().value<AutoConfigResult>();

        QCOMPARE(result.address, address);
        QCOMPARE(describe(result.candidates), candidates);
        const QString notes = describe(result.skipped);
        QVERIFY2(notes.contains(skipped), qPrintable(notes));

        // What was sent where: the domain's own hosts, the MX hosts' organisation (without the
        // address), and the ISPDB only when opted in; only mapped hosts (nothing leaves the machine).
        const QString domain = address.section(QLatin1Char('@'), 1);
        for (const QString &url : result.contactedUrls) {
            const QString host = QUrl(url).host();
            QVERIFY2(QUrl(url).scheme() == QLatin1String("https"), qPrintable(url));
            QVERIFY2(opts.hostOverrides.contains(host), qPrintable(url));
            if (host == QLatin1String("autoconfig.thunderbird.net")) {
                QVERIFY2(ispdb, qPrintable(url));
                QVERIFY2(!url.contains(QLatin1Char('@')) && !url.contains(QLatin1String("%40")), qPrintable(url));
            } else if (!result.mxDomain.isEmpty()
                       && (host == result.mxDomain || host.endsWith(QLatin1Char('.') + result.mxDomain))) {
                QVERIFY2(!url.contains(QLatin1Char('@')) && !url.contains(QLatin1String("%40")), qPrintable(url));
            } else {
                QVERIFY2(host == domain || host.endsWith(QLatin1Char('.') + domain), qPrintable(url));
            }
        }
        QByteArrayList sent = m_good.requests;
        if (!ispdb)
            for (const QByteArray &r : sent)
                QVERIFY2(!r.contains("Host: autoconfig.thunderbird.net"), r.constData());
        // Nothing is sent over a connection whose certificate was refused.
        QVERIFY(m_rogue.requests.isEmpty());
        // The autoconfig host learns the address (as in Thunderbird); the ISPDB only the domain.
        if (!rogueHosts.contains(QStringLiteral("autoconfig.") + domain)) {
            const QByteArray expectedLine = "GET /mail/config-v1.1.xml?emailaddress=" +
                                            QUrl::toPercentEncoding(address) + " HTTP/1.1\r\n";
            QVERIFY2(std::any_of(sent.cbegin(), sent.cend(), [&](const QByteArray &r) { return r.startsWith(expectedLine); }),
                     expectedLine.constData());
        }
        for (const QByteArray &r : sent)
            if (r.contains("Host: autoconfig.thunderbird.net"))
                QVERIFY2(r.startsWith("GET /v1.1/" + domain.toLatin1() + " HTTP/1.1\r\n")
                             || (!result.mxDomain.isEmpty()
                                 && r.startsWith("GET /v1.1/" + result.mxDomain.toLatin1() + " HTTP/1.1\r\n")),
                         r.constData());
    }

    // DNS failures are reported (offline: DNS only, so every note is about DNS); the normal
    // "no record" answers (NXDOMAIN, NODATA, null MX) are not.
    void dnsFailures_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QStringList>("servfail");
        QTest::addColumn<QStringList>("timeout");
        QTest::addColumn<QStringList>("bogus");
        QTest::addColumn<QString>("candidates");
        QTest::addColumn<QString>("notes"); // exact, "source origin [dns]: reason" joined by " | "

        const QString guess = QStringLiteral("guess imap.example.org:993 tls pat@example.org password");
        const QByteArray srv = "_imaps._tcp.example.org. 300 IN SRV 0 1 993 mail.example.org.\n";
        QTest::newRow("servfail-srv-imaps")
            << QByteArray() << QStringList{QStringLiteral("_imaps._tcp.example.org")} << QStringList() << QStringList() << guess
            << "srv-imaps _imaps._tcp.example.org [dns]: the DNS server failed to answer for _imaps._tcp.example.org (SERVFAIL)";
        QTest::newRow("timeout-srv-imap-after-imaps-answered")
            << srv << QStringList() << QStringList{QStringLiteral("_imap._tcp.example.org")} << QStringList()
            << QStringLiteral("srv-imaps mail.example.org:993 tls pat@example.org password; ") + guess
            << "srv-imap _imap._tcp.example.org [dns]: the DNS server did not answer in time for _imap._tcp.example.org";
        QTest::newRow("timeout-mx")
            << QByteArray() << QStringList() << QStringList{QStringLiteral("example.org")} << QStringList() << guess
            << "mx-guess example.org [dns]: the DNS server did not answer in time for the MX records of example.org";
        QTest::newRow("servfail-mx")
            << QByteArray() << QStringList{QStringLiteral("example.org")} << QStringList() << QStringList() << guess
            << "mx-guess example.org [dns]: the DNS server failed to answer for the MX records of example.org (SERVFAIL)";
        QTest::newRow("bogus-srv-imaps")
            << srv << QStringList() << QStringList() << QStringList{QStringLiteral("_imaps._tcp.example.org")} << guess
            << "srv-imaps _imaps._tcp.example.org [dns]: the DNS answer for _imaps._tcp.example.org failed DNSSEC "
               "validation (bogus); it was not used";
        QTest::newRow("bogus-mx-not-used")
            << QByteArray("example.org. 300 IN MX 5 aspmx.l.google.com.\n") << QStringList() << QStringList()
            << QStringList{QStringLiteral("example.org")} << guess
            << "mx-guess example.org [dns]: the DNS answer for the MX records of example.org failed DNSSEC validation "
               "(bogus); it was not used";
        QTest::newRow("everything-fails")
            << QByteArray() << QStringList{QStringLiteral("_imaps._tcp.example.org"), QStringLiteral("_imap._tcp.example.org")}
            << QStringList{QStringLiteral("example.org")} << QStringList() << guess
            << "srv-imaps _imaps._tcp.example.org [dns]: the DNS server failed to answer for _imaps._tcp.example.org (SERVFAIL) | "
               "srv-imap _imap._tcp.example.org [dns]: the DNS server failed to answer for _imap._tcp.example.org (SERVFAIL) | "
               "mx-guess example.org [dns]: the DNS server did not answer in time for the MX records of example.org";
        QTest::newRow("nxdomain-not-listed") << QByteArray() << QStringList() << QStringList() << QStringList() << guess << "";
        QTest::newRow("nodata-not-listed") << QByteArray("example.org. 300 IN A 192.0.2.1\n") << QStringList() << QStringList()
                                           << QStringList() << guess << "";
        QTest::newRow("null-mx-not-listed") << QByteArray("example.org. 300 IN MX 0 .\n") << QStringList() << QStringList()
                                            << QStringList() << guess << "";
        QTest::newRow("mx-answered")
            << QByteArray("example.org. 300 IN MX 5 aspmx.l.google.com.\n") << QStringList() << QStringList() << QStringList()
            << QStringLiteral("mx-guess imap.gmail.com:993 tls pat@example.org oauth2:google; ") + guess << "";
    }

    void dnsFailures()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QStringList, servfail);
        QFETCH(QStringList, timeout);
        QFETCH(QStringList, bogus);
        QFETCH(QString, candidates);
        QFETCH(QString, notes);
        auto resolver = std::make_shared<TestResolver>();
        QVERIFY(resolver->zone.loadMasterFile(zone.toStdString()).ok());
        for (const QString &n : servfail)
            resolver->zone.setFailure(n.toStdString(), verifier::DnsStatus::ServFail);
        for (const QString &n : timeout)
            resolver->zone.setFailure(n.toStdString(), verifier::DnsStatus::Timeout);
        for (const QString &n : bogus)
            resolver->bogus.insert(n.toStdString());
        AutoConfigOptions o = options();
        o.offline = true; // DNS only: every note must come from DNS
        const AutoConfigResult r = AccountAutoConfig::discoverBlocking(QStringLiteral("pat@example.org"), resolver, o);
        QCOMPARE(describe(r.candidates), candidates);
        QCOMPARE(describeWithOrigin(r.skipped), notes);
        QVERIFY(r.contactedUrls.isEmpty());
    }

    // Source 5 inside the one total time limit: an MX autoconfig host that never answers.
    void mxAutoconfigInsideTotalTimeout()
    {
        if (!m_noTls.isEmpty())
            QSKIP(qPrintable(m_noTls));
        m_good.routes = {{QStringLiteral("autoconfig.example.net/mail/config-v1.1.xml"), "SILENT"}};
        QElapsedTimer t;
        t.start();
        const AutoConfigResult r = AccountAutoConfig::discoverBlocking(QStringLiteral("quinn@mxcfg.example.com"), testZone(),
                                                                       options({}, IspdbLookup::Refused, 1500));
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(describe(r.candidates), QStringLiteral("mx-guess imap.example.net:993 tls quinn@mxcfg.example.com password; "
                                                        "guess imap.mxcfg.example.com:993 tls quinn@mxcfg.example.com password"));
        QCOMPARE(r.mxDomain, QStringLiteral("example.net"));
        const QString notes = describeWithOrigin(r.skipped);
        QVERIFY2(notes.contains(QStringLiteral("mx-autoconfig https://autoconfig.example.net/mail/config-v1.1.xml: "
                                               "no answer within 1.5 seconds")),
                 qPrintable(notes));
        QVERIFY2(!notes.contains(QStringLiteral("ispdb")), qPrintable(notes));
    }

    // The total time limit: a server that never answers costs at most timeoutMs.
    void totalTimeout()
    {
        if (!m_noTls.isEmpty())
            QSKIP(qPrintable(m_noTls));
        m_good.routes = {{QStringLiteral("autoconfig.example.com/mail/config-v1.1.xml"), "SILENT"},
                         {QStringLiteral("example.com/.well-known/autoconfig/mail/config-v1.1.xml"), "SILENT"}};
        QElapsedTimer t;
        t.start();
        const AutoConfigResult r = AccountAutoConfig::discoverBlocking(
            QStringLiteral("alice@example.com"), std::make_shared<const verifier::ZoneResolver>(), options({}, IspdbLookup::Refused, 1500));
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(describe(r.candidates), QStringLiteral("guess imap.example.com:993 tls alice@example.com password"));
        const QString notes = describe(r.skipped);
        QVERIFY2(notes.contains(QStringLiteral("autoconfig-host: no answer within 1.5 seconds")), qPrintable(notes));
        QVERIFY2(notes.contains(QStringLiteral("well-known: no answer within 1.5 seconds")), qPrintable(notes));
    }

    // No resolver and no domain: still one finished() each, from the event loop.
    void edgeCases()
    {
        AccountAutoConfig discovery(options());
        QSignalSpy finished(&discovery, &AccountAutoConfig::finished);
        discovery.start(QStringLiteral("no-domain"), nullptr);
        QVERIFY(finished.isEmpty());
        QVERIFY(finished.wait(5000));
        const auto r = finished.front().front().value<AutoConfigResult>();
        QVERIFY(r.candidates.isEmpty());
        QVERIFY(r.contactedUrls.isEmpty());
        QVERIFY(r.domain.isEmpty());

        // A second start() abandons the first: exactly one finished(), for the second address.
        if (!m_noTls.isEmpty())
            QSKIP(qPrintable(m_noTls));
        m_good.routes = {};
        finished.clear();
        discovery.start(QStringLiteral("a@example.com"), nullptr);
        discovery.start(QStringLiteral("b@example.org"), nullptr);
        QVERIFY(finished.wait(20000));
        QTest::qWait(200);
        QCOMPARE(finished.size(), 1);
        const auto second = finished.front().front().value<AutoConfigResult>();
        QCOMPARE(second.address, QStringLiteral("b@example.org"));
        QCOMPARE(describe(second.candidates), QStringLiteral("guess imap.example.org:993 tls b@example.org password"));
    }
};

QTEST_GUILESS_MAIN(tst_AutoConfig)
#include "tst_autoconfig.moc"
