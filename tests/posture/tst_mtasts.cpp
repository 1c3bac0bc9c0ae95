// MtaStsFetcher (app/posture) and DomainPostureRunner against a local HTTPS server started by the
// test (tests/common/LocalHttpsServer.h: QSslServer on 127.0.0.1, a free port). Certificates come
// from a throw-away CA made with the openssl command in a temporary directory (the test skips when
// openssl is absent): a server certificate for mta-sts.example.com and mta-sts.example.net, and a
// self-signed "rogue" certificate for mta-sts.example.com.
// The fetcher gets the CA as an extra root and a host → 127.0.0.1:PORT mapping; it still verifies
// the certificate against the real host name, which the rows check (wrong name, untrusted root).
#include "DomainPostureRunner.h"
#include "LocalHttpsServer.h"
#include "MtaStsFetcher.h"
#include "UnboundResolver.h"
#include "UnboundServer.h"
#include "ZoneResolver.h"

#include <QElapsedTimer>
#include <QThread>
#include <QUdpSocket>

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTcpServer>
#include <QTest>

using namespace sealcheck;

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

struct Response
{
    QByteArray raw;      // the whole HTTP response
    bool silent = false; // accept, read, never answer
};

QByteArray http(int status, const QByteArray &contentType, const QByteArray &body, const QByteArray &extra = {},
                bool withLength = true)
{
    QByteArray r = "HTTP/1.1 " + QByteArray::number(status) + " X\r\n";
    if (!contentType.isEmpty())
        r += "Content-Type: " + contentType + "\r\n";
    if (withLength)
        r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    r += extra + "Connection: close\r\n\r\n" + body;
    return r;
}

const QByteArray kGoodPolicy = "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\nmax_age: 604800\r\n";
const QByteArray kMismatchPolicy = "version: STSv1\nmode: enforce\nmx: mx.example.org\nmax_age: 604800\n";

} // namespace

class tst_MtaSts : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_skip;
    httpstest::TestCertificates m_certs;
    httpstest::LocalHttpsServer m_server;
    Response m_response;

    void useCertificate(bool rogue)
    {
        if (rogue)
            m_server.setCertificate(m_certs.rogue, m_certs.rogueKey);
        else
            m_server.setCertificate(m_certs.server, m_certs.serverKey);
    }

    MtaStsFetchOptions options(bool trustCa, int timeoutMs = 10000) const
    {
        MtaStsFetchOptions o;
        if (trustCa)
            o.extraCaCertificates << m_certs.ca;
        for (const char *host : {"mta-sts.example.com", "mta-sts.example.net", "mta-sts.example.org"})
            o.hostOverrides.insert(QLatin1String(host), {QHostAddress(QHostAddress::LocalHost), m_server.port()});
        o.timeoutMs = timeoutMs;
        return o;
    }

private slots:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt has no TLS backend here");
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("the 'openssl' command is not installed; the MTA-STS fetch rows are skipped");
        QVERIFY(m_dir.isValid());
        QVERIFY(m_certs.make(m_dir.path(), {QStringLiteral("mta-sts.example.com"), QStringLiteral("mta-sts.example.net")},
                             QStringLiteral("mta-sts.example.com")));
        m_server.respond = [this](const QByteArray &) { return m_response.silent ? QByteArray() : m_response.raw; };
        QVERIFY(m_server.start(m_certs.server, m_certs.serverKey));
    }

    void fetch_data()
    {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<bool>("rogueCertificate");
        QTest::addColumn<bool>("trustCa");
        QTest::addColumn<QString>("error"); // "" = fetched
        QTest::addColumn<QString>("failure"); // MtaStsFetchOutcome::failure, as in the JSON

        QTest::newRow("good-policy") << "example.com" << http(200, "text/plain", kGoodPolicy) << false << true << "" << "none";
        QTest::newRow("good-policy-charset") << "example.com" << http(200, "text/plain; charset=utf-8", kGoodPolicy)
                                             << false << true << "" << "none";
        QTest::newRow("second-name-in-certificate") << "example.net" << http(200, "text/plain", kGoodPolicy) << false
                                                    << true << "" << "none";
        QTest::newRow("untrusted-root") << "example.com" << http(200, "text/plain", kGoodPolicy) << false << false
                                        << "not accepted" << "certificate";
        QTest::newRow("self-signed-certificate") << "example.com" << http(200, "text/plain", kGoodPolicy) << true << true
                                                 << "not accepted" << "certificate";
        QTest::newRow("certificate-for-another-name") << "example.org" << http(200, "text/plain", kGoodPolicy) << false
                                                      << true << "not accepted" << "certificate";
        QTest::newRow("redirect") << "example.com"
                                  << http(301, "text/html", "moved", "Location: https://www.example.com/p.txt\r\n")
                                  << false << true << "redirect (HTTP 301 to https://www.example.com/p.txt)" << "redirect";
        QTest::newRow("not-found") << "example.com" << http(404, "text/plain", "no") << false << true << "HTTP 404" << "http_status";
        QTest::newRow("wrong-content-type") << "example.com" << http(200, "text/html", kGoodPolicy) << false << true
                                            << "not text/plain" << "content_type";
        QTest::newRow("oversized") << "example.com" << http(200, "text/plain", kGoodPolicy + QByteArray(70000, '#'))
                                   << false << true << "larger than 64 KiB" << "too_large";
        QTest::newRow("oversized-no-length")
            << "example.com" << http(200, "text/plain", kGoodPolicy + QByteArray(70000, '#'), {}, false) << false << true
            << "larger than 64 KiB" << "too_large";
        QTest::newRow("timeout") << "example.com" << QByteArray() << false << true << "no answer within" << "timeout";
    }

    void fetch()
    {
        QFETCH(QString, domain);
        QFETCH(QByteArray, response);
        QFETCH(bool, rogueCertificate);
        QFETCH(bool, trustCa);
        QFETCH(QString, error);
        QFETCH(QString, failure);
        useCertificate(rogueCertificate);
        m_response = {response, response.isEmpty()};
        m_server.requests.clear();
        MtaStsFetcher fetcher(options(trustCa, response.isEmpty() ? 1500 : 10000));
        const verifier::MtaStsFetchOutcome o = fetcher.fetchBlocking(domain);
        QCOMPARE(q(std::string(verifier::mtaStsFetchFailureName(o.failure))), failure);
        if (error.isEmpty()) {
            QVERIFY2(o.fetched, o.error.c_str());
            QCOMPARE(QByteArray::fromStdString(o.body), kGoodPolicy);
            QCOMPARE(m_server.requests.size(), 1);
            QVERIFY2(m_server.requests.front().startsWith("GET /.well-known/mta-sts.txt HTTP/1.1\r\n"), m_server.requests.front().constData());
            QVERIFY2(m_server.requests.front().contains("\r\nHost: mta-sts." + domain.toLatin1() + "\r\n"),
                     m_server.requests.front().constData());
        } else {
            QVERIFY(!o.fetched);
            QVERIFY2(q(o.error).contains(error), o.error.c_str());
            if (error == QLatin1String("not accepted"))
                QVERIFY(m_server.requests.isEmpty()); // nothing was sent over an unverified connection
        }
    }

    // The whole assessment: DNS from a zone, the policy from the local server.
    void assess_data()
    {
        QTest::addColumn<QByteArray>("policy");
        QTest::addColumn<bool>("trustCa");
        QTest::addColumn<QString>("rating");
        QTest::addColumn<QString>("unmatched");
        QTest::addColumn<QString>("grade");
        QTest::newRow("enforced") << kGoodPolicy << true << "good" << "" << "A";
        QTest::newRow("mx-mismatch") << kMismatchPolicy << true << "broken" << "mail.example.com,mx2.example.net" << "B";
        QTest::newRow("untrusted") << kGoodPolicy << false << "broken" << "" << "B";
    }

    void assess()
    {
        QFETCH(QByteArray, policy);
        QFETCH(bool, trustCa);
        useCertificate(false);
        m_response = {http(200, "text/plain", policy)};
        verifier::ZoneResolver zone;
        QVERIFY(zone.loadMasterFile("$ORIGIN example.com.\n"
                                    "@ IN MX 10 mail\n@ IN MX 20 mx2.example.net.\n"
                                    "@ IN TXT \"v=spf1 mx -all\"\n"
                                    "_dmarc IN TXT \"v=DMARC1; p=reject; rua=mailto:d@example.com\"\n"
                                    "_mta-sts IN TXT \"v=STSv1; id=2026112301\"\n"
                                    "_smtp._tls IN TXT \"v=TLSRPTv1; rua=mailto:tls@example.com\"\n")
                    .ok());
        DomainPostureRequest request;
        request.domain = QStringLiteral("example.com");
        request.fetch = options(trustCa);
        auto p = DomainPostureRunner::run(request, zone);
        QVERIFY(p.ok());
        QFETCH(QString, rating);
        QFETCH(QString, unmatched);
        QFETCH(QString, grade);
        QCOMPARE(q(std::string(verifier::postureRatingName(p->mtaSts.rating))), rating);
        QStringList um;
        for (const auto &h : p->mtaSts.unmatchedMx)
            um << q(h);
        QCOMPARE(um.join(QLatin1Char(',')), unmatched);
        QCOMPARE(q(std::string(verifier::postureGradeName(p->grade))), grade);
        if (!trustCa)
            QCOMPARE(p->mtaSts.fetch, verifier::MtaStsPosture::Fetch::Failed);
    }

    // The same assessment with DNS from a real unbound on loopback (PITFALLS.md "unbound on
    // loopback"; the fixture mirrors tests/dns/tst_unboundresolver.cpp). Skips without unbound.
    void throughUnbound()
    {
        testunbound::UnboundServer unbound;
        QString why;
        if (!unbound.start(m_dir.path(),
                           // The DMARC tree walk also asks _dmarc.com: answer it (NXDOMAIN), not REFUSED.
                           "  local-zone: \"com.\" static\n"
                           "  local-zone: \"example.com.\" static\n"
                           "  local-data: \"example.com. 3600 IN SOA ns.example.com. h.example.com. 1 7200 3600 1209600 120\"\n"
                           "  local-data: \"example.com. 300 IN MX 10 mail.example.com.\"\n"
                           "  local-data: 'example.com. 300 IN TXT \"v=spf1 mx -all\"'\n"
                           "  local-data: '_dmarc.example.com. 300 IN TXT \"v=DMARC1; p=reject; rua=mailto:d@example.com\"'\n"
                           "  local-data: '_mta-sts.example.com. 300 IN TXT \"v=STSv1; id=2026112301\"'\n"
                           "  local-data: '_smtp._tls.example.com. 300 IN TXT \"v=TLSRPTv1; rua=mailto:tls@example.com\"'\n"
                           "  local-data: \"mail.example.com. 300 IN A 192.0.2.25\"\n"
                           "  local-data: \"_25._tcp.mail.example.com. 300 IN TLSA 3 1 1 "
                           "8CB0FC6C527506A053F4F14C8464BEBBD6DEDE2738D11468DD953D7D6A3021F1\"\n",
                           &why))
            QSKIP(qPrintable(why + QStringLiteral("; the unbound row is skipped")));
        verifier::UnboundOptions o;
        o.forwarder = unbound.forwarder();
        o.trustAnchorFile.clear(); // the local zone is unsigned
        o.timeout = std::chrono::milliseconds(3000);
        auto resolver = verifier::UnboundResolver::create(o);
        QVERIFY2(resolver.ok(), resolver.ok() ? "" : resolver.error().message.c_str());
        const auto mx = (*resolver)->query("example.com", verifier::RrType::MX);
        QVERIFY2(mx.status == verifier::DnsStatus::Ok, unbound.output().constData());
        useCertificate(false);
        m_response = {http(200, "text/plain", kGoodPolicy)};
        DomainPostureRequest request;
        request.domain = QStringLiteral("example.com");
        request.fetch = options(true);
        auto p = DomainPostureRunner::run(request, **resolver);
        QVERIFY(p.ok());
        for (const std::string &r : p->gradeReasons)
            qInfo("%s", r.c_str());
        QCOMPARE(q(std::string(verifier::postureGradeName(p->grade))), QStringLiteral("A"));
        QCOMPARE(p->mtaSts.rating, verifier::PostureRating::Good);
        QCOMPARE(p->tlsRpt.rating, verifier::PostureRating::Good);
        QCOMPARE(p->dmarc.rating, verifier::PostureRating::Good);
        // TLSA is published but the answer is not DNSSEC-validated: not counted.
        QCOMPARE(p->dane.rating, verifier::PostureRating::Weak);
        QCOMPARE(p->dane.hosts.size(), size_t(1));
        QCOMPARE(p->dane.hosts.front().tlsaRecords, 1);
        QVERIFY(!p->dane.hosts.front().secure);
    }

    void productionUrl()
    {
        QCOMPARE(MtaStsFetcher::policyUrl(QStringLiteral("example.com")).toString(),
                 QStringLiteral("https://mta-sts.example.com/.well-known/mta-sts.txt"));
        MtaStsFetcher fetcher;
        const auto o = fetcher.fetchBlocking(QStringLiteral("bad domain/x"));
        QVERIFY(!o.fetched);
        QVERIFY(q(o.error).contains(QStringLiteral("not a valid domain")));
        QCOMPARE(o.failure, verifier::MtaStsFetchFailure::InvalidDomain);
    }

    // Nobody listens at the address: a connection failure, said as such.
    void connectionRefused()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        MtaStsFetchOptions o = options(true, 5000);
        o.hostOverrides.insert(QStringLiteral("mta-sts.example.com"), {QHostAddress(QHostAddress::LocalHost), port});
        MtaStsFetcher fetcher(o);
        const auto outcome = fetcher.fetchBlocking(QStringLiteral("example.com"));
        QVERIFY(!outcome.fetched);
        QCOMPARE(outcome.failure, verifier::MtaStsFetchFailure::Connection);
        QVERIFY2(!outcome.error.empty(), "the reason is given");
    }
};

QTEST_GUILESS_MAIN(tst_MtaSts)
#include "tst_mtasts.moc"
