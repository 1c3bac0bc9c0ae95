// UnboundResolver against a real, private unbound on 127.0.0.1 (PITFALLS.md "unbound on loopback").
// The server runs from a temporary directory on a free port; the test skips when `unbound` is not
// installed. Rdata parsing and construction errors are checked without a server.
#include "UnboundResolver.h"
#include "UnboundServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <thread>

using namespace verifier;

Q_DECLARE_METATYPE(verifier::RrType)
Q_DECLARE_METATYPE(verifier::DnsStatus)

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QString describe(RrType type, const DnsRecord &r)
{
    if (type == RrType::TXT || type == RrType::SPF) {
        QStringList parts;
        for (const auto &s : r.strings)
            parts << QLatin1Char('"') + q(s) + QLatin1Char('"');
        return parts.join(QLatin1Char(' '));
    }
    if (type == RrType::MX)
        return QString::number(r.preference) + QLatin1Char(' ') + q(r.text);
    if (type == RrType::SRV)
        return QStringLiteral("%1 %2 %3 %4").arg(r.preference).arg(r.weight).arg(r.port).arg(q(r.text));
    return q(r.text);
}

QStringList describeAll(RrType type, const DnsAnswer &a)
{
    QStringList out;
    for (const auto &r : a.records)
        out << describe(type, r);
    out.sort(); // servers may rotate the order of an RRset
    return out;
}

/// A loopback socket of @p type bound to a free port (kernel-chosen); -1 on failure.
int bindLoopback(int type, uint16_t *port)
{
    const int fd = ::socket(AF_INET, type, 0);
    if (fd < 0)
        return -1;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) != 0) {
        ::close(fd);
        return -1;
    }
    *port = ntohs(addr.sin_port);
    return fd;
}

// A 2048-bit-sized DKIM key, split the way a zone must carry it: strings of at most 255 octets.
const std::string kDkimTag = "v=DKIM1; k=rsa; ";
const std::string kDkimKeyPart1 = [] {
    std::string s = "p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA";
    const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (size_t i = 0; s.size() < 255; ++i)
        s.push_back(b64[(i * 7) % 64]);
    return s; // exactly 255 octets: the largest character-string
}();
const std::string kDkimKeyPart2 = [] {
    std::string s;
    const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (size_t i = 0; s.size() < 140; ++i)
        s.push_back(b64[(i * 11) % 64]);
    return s + "IDAQAB";
}();
const char kTlsaHex[] = "8CB0FC6C527506A053F4F14C8464BEBBD6DEDE2738D11468DD953D7D6A3021F1";

} // namespace

class tst_UnboundResolver : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    testunbound::UnboundServer m_server;
    QString m_skip;
    std::unique_ptr<UnboundResolver> m_resolver;

    std::string forwarder() const { return m_server.forwarder(); }

    bool startUnbound()
    {
        return m_server.start(m_dir.path(),
                              "  local-zone: \"example.com.\" static\n"
                              "  local-data: \"example.com. 3600 IN SOA ns.example.com. hostmaster.example.com. 1 7200 3600 1209600 120\"\n"
                              "  local-data: \"example.com. 300 IN A 192.0.2.1\"\n"
                              "  local-data: \"example.com. 300 IN MX 10 mail.example.com.\"\n"
                              "  local-data: \"example.com. 300 IN MX 20 mx2.example.net.\"\n"
                              "  local-data: 'example.com. 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"'\n"
                              "  local-data: \"mail.example.com. 300 IN A 192.0.2.25\"\n"
                              "  local-data: \"mail.example.com. 300 IN AAAA 2001:DB8:0:0::25\"\n"
                              "  local-data: \"www.example.com. 300 IN CNAME example.com.\"\n"
                              "  local-data: \"_imaps._tcp.example.com. 300 IN SRV 0 1 993 mail.example.com.\"\n"
                              "  local-data: \"_25._tcp.mail.example.com. 300 IN TLSA 3 1 1 " + QByteArray(kTlsaHex) + "\"\n"
                              "  local-data: 'sel._domainkey.example.com. 300 IN TXT \"" + QByteArray::fromStdString(kDkimTag) +
                              "\" \"" + QByteArray::fromStdString(kDkimKeyPart1) + "\" \"" +
                              QByteArray::fromStdString(kDkimKeyPart2) + "\"'\n"
                              "  local-zone: \"example.net.\" static\n"
                              "  local-data: \"mx2.example.net. 300 IN A 198.51.100.2\"\n",
                              &m_skip);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (!startUnbound())
            return;
        UnboundOptions options;
        options.forwarder = forwarder();
        options.trustAnchorFile.clear();
        options.timeout = std::chrono::milliseconds(4000);
        auto r = UnboundResolver::create(options);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        m_resolver = std::move(*r);
        QVERIFY(!m_resolver->validating());
    }

    void cleanupTestCase()
    {
        m_resolver.reset();
        m_server.stop();
    }

    void resolve_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<RrType>("type");
        QTest::addColumn<DnsStatus>("status");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("dkim-key-split-txt")
            << "sel._domainkey.example.com" << RrType::TXT << DnsStatus::Ok
            << QStringList{QStringLiteral("\"%1\" \"%2\" \"%3\"")
                               .arg(q(kDkimTag), q(kDkimKeyPart1), q(kDkimKeyPart2))};
        QTest::newRow("spf-txt") << "example.com" << RrType::TXT << DnsStatus::Ok
                                 << QStringList{"\"v=spf1 ip4:192.0.2.0/24 -all\""};
        QTest::newRow("a") << "example.com" << RrType::A << DnsStatus::Ok << QStringList{"192.0.2.1"};
        QTest::newRow("a-any-case-trailing-dot") << "MAIL.Example.COM." << RrType::A << DnsStatus::Ok
                                                 << QStringList{"192.0.2.25"};
        QTest::newRow("aaaa-canonical-text") << "mail.example.com" << RrType::AAAA << DnsStatus::Ok
                                             << QStringList{"2001:db8::25"};
        QTest::newRow("mx") << "example.com" << RrType::MX << DnsStatus::Ok
                            << QStringList{"10 mail.example.com", "20 mx2.example.net"};
        QTest::newRow("cname-followed") << "www.example.com" << RrType::A << DnsStatus::Ok << QStringList{"192.0.2.1"};
        QTest::newRow("srv") << "_imaps._tcp.example.com" << RrType::SRV << DnsStatus::Ok
                             << QStringList{"0 1 993 mail.example.com"};
        QTest::newRow("tlsa") << "_25._tcp.mail.example.com" << RrType::TLSA << DnsStatus::Ok
                              << QStringList{"3 1 1 " + QString::fromLatin1(kTlsaHex).toLower()};
        QTest::newRow("other-zone") << "mx2.example.net" << RrType::A << DnsStatus::Ok << QStringList{"198.51.100.2"};
        QTest::newRow("nxdomain") << "nosuch.example.com" << RrType::A << DnsStatus::NxDomain << QStringList{};
        QTest::newRow("nxdomain-other-zone") << "nosuch.example.net" << RrType::TXT << DnsStatus::NxDomain
                                             << QStringList{};
        QTest::newRow("nodata") << "example.com" << RrType::AAAA << DnsStatus::NoData << QStringList{};
        QTest::newRow("nodata-txt-at-host") << "mail.example.com" << RrType::TXT << DnsStatus::NoData
                                            << QStringList{};
        QTest::newRow("nodata-empty-non-terminal") << "_domainkey.example.com" << RrType::TXT << DnsStatus::NoData
                                                   << QStringList{};
        QTest::newRow("refused-zone-is-servfail") << "example.org" << RrType::A << DnsStatus::ServFail
                                                  << QStringList{};
    }

    void resolve()
    {
        if (!m_resolver)
            QSKIP(qPrintable(m_skip));
        QFETCH(QString, name);
        QFETCH(RrType, type);
        QFETCH(DnsStatus, status);
        QFETCH(QStringList, expected);

        const DnsAnswer a = m_resolver->query(name.toStdString(), type);
        QCOMPARE(q(std::string(dnsStatusName(a.status))), q(std::string(dnsStatusName(status))));
        QCOMPARE(describeAll(type, a), expected);
        QVERIFY(!a.secure);
        QVERIFY(!a.bogus);
        if (a.status == DnsStatus::Ok) {
            QVERIFY(a.ttl > 0 && a.ttl <= 300);
            for (const auto &r : a.records)
                QCOMPARE(r.ttl, a.ttl);
        }
        if (a.status == DnsStatus::ServFail)
            QVERIFY(!a.why.empty());
    }

    void dkimKeyConcatenation()
    {
        if (!m_resolver)
            QSKIP(qPrintable(m_skip));
        const DnsAnswer a = m_resolver->query("sel._domainkey.example.com", RrType::TXT);
        QCOMPARE(a.status, DnsStatus::Ok);
        QCOMPARE(a.records.size(), size_t(1));
        const std::vector<std::string> strings{kDkimTag, kDkimKeyPart1, kDkimKeyPart2};
        QCOMPARE(a.records[0].strings, strings);
        QCOMPARE(a.records[0].strings[1].size(), size_t(255));
        QCOMPARE(a.records[0].text, kDkimTag + kDkimKeyPart1 + kDkimKeyPart2);
    }

    void negativeTtlFromSoa()
    {
        if (!m_resolver)
            QSKIP(qPrintable(m_skip));
        const DnsAnswer a = m_resolver->query("gone.example.com", RrType::TXT);
        QCOMPARE(a.status, DnsStatus::NxDomain);
        QVERIFY2(a.ttl > 0 && a.ttl <= 120, qPrintable(QString::number(a.ttl))); // SOA MINIMUM is 120
    }

    void severalThreads()
    {
        if (!m_resolver)
            QSKIP(qPrintable(m_skip));
        std::atomic<int> wrong{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 6; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < 40; ++i) {
                    switch ((i + t) % 4) {
                    case 0: {
                        const DnsAnswer a = m_resolver->query("example.com", RrType::A);
                        if (!a.ok() || a.records.size() != 1 || a.records[0].text != "192.0.2.1")
                            wrong.fetch_add(1);
                        break;
                    }
                    case 1: {
                        const DnsAnswer a = m_resolver->query("n" + std::to_string(i) + ".example.com", RrType::A);
                        if (a.status != DnsStatus::NxDomain)
                            wrong.fetch_add(1);
                        break;
                    }
                    case 2: {
                        const DnsAnswer a = m_resolver->query("mail.example.com", RrType::AAAA);
                        if (!a.ok() || a.records.at(0).text != "2001:db8::25")
                            wrong.fetch_add(1);
                        break;
                    }
                    default: {
                        const DnsAnswer a = m_resolver->query("example.com", RrType::AAAA);
                        if (a.status != DnsStatus::NoData)
                            wrong.fetch_add(1);
                        break;
                    }
                    }
                }
            });
        }
        for (auto &th : threads)
            th.join();
        QCOMPARE(wrong.load(), 0);
    }

    /// A forwarder that never answers: each query ends as Timeout close to its deadline,
    /// including several at once, and the resolver is destroyed promptly afterwards.
    void timeout()
    {
        uint16_t silentPort = 0;
        const int silent = bindLoopback(SOCK_DGRAM, &silentPort); // bound, never read
        QVERIFY(silent >= 0);
        {
            UnboundOptions options;
            options.forwarder = "127.0.0.1@" + std::to_string(silentPort);
            options.trustAnchorFile.clear();
            options.timeout = std::chrono::milliseconds(300);
            auto r = UnboundResolver::create(options);
            QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
            QElapsedTimer t;
            t.start();
            const DnsAnswer a = (*r)->query("example.com", RrType::A);
            const qint64 ms = t.elapsed();
            QCOMPARE(a.status, DnsStatus::Timeout);
            QVERIFY(a.temporary());
            QVERIFY2(ms >= 290 && ms < 2000, qPrintable(QString::number(ms)));
            QCOMPARE(q(a.why), QStringLiteral("no answer within 300 ms"));

            std::atomic<int> timeouts{0};
            std::vector<std::thread> threads;
            t.restart();
            for (int i = 0; i < 4; ++i) {
                threads.emplace_back([&, i] {
                    const DnsAnswer b = (*r)->query("t" + std::to_string(i) + ".example.com", RrType::TXT);
                    if (b.status == DnsStatus::Timeout)
                        timeouts.fetch_add(1);
                });
            }
            for (auto &th : threads)
                th.join();
            QCOMPARE(timeouts.load(), 4);
            QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
            t.restart();
            r->reset(); // outstanding (cancelled) queries must not delay or crash teardown
            QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
        }
        ::close(silent);
    }

    /// With a trust anchor for example.com the unsigned zone cannot validate: SERVFAIL, bogus,
    /// with the validator's reason; a zone outside the anchor stays insecure and answers.
    void dnssecBogus()
    {
        if (!m_server.running())
            QSKIP(qPrintable(m_skip));
        const QString anchor = m_dir.filePath(QStringLiteral("anchor.key"));
        QFile f(anchor);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("example.com. 3600 IN DS 12345 13 2 "
                "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF\n");
        f.close();
        UnboundOptions options;
        options.forwarder = forwarder();
        options.trustAnchorFile = anchor.toStdString();
        options.timeout = std::chrono::milliseconds(4000);
        auto r = UnboundResolver::create(options);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QVERIFY((*r)->validating());
        const DnsAnswer a = (*r)->query("example.com", RrType::A);
        QCOMPARE(a.status, DnsStatus::ServFail);
        QVERIFY(a.bogus);
        QVERIFY(!a.secure);
        QVERIFY2(q(a.why).startsWith(QLatin1String("DNSSEC validation failed")), a.why.c_str());
        QVERIFY(a.records.empty());
        const DnsAnswer b = (*r)->query("mx2.example.net", RrType::A);
        QCOMPARE(b.status, DnsStatus::Ok);
        QVERIFY(!b.bogus);
        QVERIFY(!b.secure);
    }

    void missingAnchorFileMeansNoValidation()
    {
        UnboundOptions options;
        options.forwarder = "127.0.0.1@9"; // never contacted: construction only
        options.trustAnchorFile = m_dir.filePath(QStringLiteral("no-such.key")).toStdString();
        auto r = UnboundResolver::create(options);
        QVERIFY(r.ok());
        QVERIFY(!(*r)->validating());
    }

    void create_data()
    {
        QTest::addColumn<QString>("forwarder");
        QTest::addColumn<QString>("resolvConf");
        QTest::addColumn<QString>("error"); // empty: must succeed

        QTest::newRow("ipv4") << "192.0.2.53" << QString() << QString();
        QTest::newRow("ipv4-port") << "127.0.0.1@5353" << QString() << QString();
        QTest::newRow("ipv6-port") << "::1@5353" << QString() << QString();
        QTest::newRow("hostname") << "localhost" << QString() << "bad DNS forwarder 'localhost'";
        QTest::newRow("garbage") << "not an address" << QString() << "bad DNS forwarder";
        QTest::newRow("port-too-big") << "127.0.0.1@70000" << QString() << "bad DNS forwarder";
        QTest::newRow("port-zero") << "127.0.0.1@0" << QString() << "bad DNS forwarder";
        QTest::newRow("empty-port") << "127.0.0.1@" << QString() << "bad DNS forwarder";
        QTest::newRow("no-resolv-conf") << QString() << "/nonexistent/resolv.conf"
                                        << "cannot read /nonexistent/resolv.conf";
    }

    void create()
    {
        QFETCH(QString, forwarder);
        QFETCH(QString, resolvConf);
        QFETCH(QString, error);
        UnboundOptions options;
        options.forwarder = forwarder.toStdString();
        if (!resolvConf.isEmpty())
            options.resolvConfPath = resolvConf.toStdString();
        options.trustAnchorFile.clear();
        auto r = UnboundResolver::create(options);
        if (error.isEmpty()) {
            QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        } else {
            QVERIFY(!r.ok());
            QVERIFY2(q(r.error().message).contains(error), r.error().message.c_str());
        }
    }

    void systemDefaults()
    {
        if (!QFile::exists(QStringLiteral("/etc/resolv.conf")))
            QSKIP("no /etc/resolv.conf on this machine");
        auto r = UnboundResolver::create(UnboundOptions{}); // construction only: no query leaves the host
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE((*r)->validating(), QFile::exists(QStringLiteral("/usr/share/dns/root.key")));
    }

    void rdata_data()
    {
        QTest::addColumn<RrType>("type");
        QTest::addColumn<QByteArray>("hex");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("expected");

        QTest::newRow("txt-two-strings") << RrType::TXT << QByteArray("03616263026465") << true << "\"abc\" \"de\"";
        QTest::newRow("txt-empty-string") << RrType::TXT << QByteArray("00") << true << "\"\"";
        QTest::newRow("txt-overrun") << RrType::TXT << QByteArray("05616263") << false << QString();
        QTest::newRow("txt-no-rdata") << RrType::TXT << QByteArray("") << false << QString();
        QTest::newRow("spf") << RrType::SPF << QByteArray("0161") << true << "\"a\"";
        QTest::newRow("a") << RrType::A << QByteArray("c0000201") << true << "192.0.2.1";
        QTest::newRow("a-short") << RrType::A << QByteArray("c00002") << false << QString();
        QTest::newRow("aaaa") << RrType::AAAA << QByteArray("20010db8000000000000000000000001") << true << "2001:db8::1";
        QTest::newRow("aaaa-long") << RrType::AAAA << QByteArray("20010db800000000000000000000000100") << false
                                   << QString();
        QTest::newRow("mx") << RrType::MX << QByteArray("000a046d61696c076578616d706c6503636f6d00") << true
                            << "10 mail.example.com";
        QTest::newRow("mx-uppercase") << RrType::MX << QByteArray("000a044d41494c00") << true << "10 mail";
        QTest::newRow("mx-null") << RrType::MX << QByteArray("000000") << true << "0 ";
        QTest::newRow("mx-compression-pointer") << RrType::MX << QByteArray("000ac00c") << false << QString();
        QTest::newRow("mx-label-overrun") << RrType::MX << QByteArray("000a10616263") << false << QString();
        QTest::newRow("mx-no-root-label") << RrType::MX << QByteArray("000a03616263") << false << QString();
        QTest::newRow("mx-trailing-byte") << RrType::MX << QByteArray("000a0361626300ff") << false << QString();
        QTest::newRow("cname-dot-in-label") << RrType::CNAME << QByteArray("03612e6200") << true << "a\\.b";
        QTest::newRow("ptr-control-byte") << RrType::PTR << QByteArray("02610a00") << true << "a\\010";
        QTest::newRow("ns-name-over-255") << RrType::NS
                                          << (QByteArray("3f") + QByteArray(63, 'a').toHex()).repeated(4) + "00"
                                          << false << QString();
        QTest::newRow("srv") << RrType::SRV << QByteArray("0000000103e1046d61696c00") << true << "0 1 993 mail";
        QTest::newRow("srv-short") << RrType::SRV << QByteArray("00000001") << false << QString();
        QTest::newRow("tlsa") << RrType::TLSA << QByteArray("030101abcd") << true << "3 1 1 abcd";
        QTest::newRow("tlsa-no-data") << RrType::TLSA << QByteArray("030101") << false << QString();
        QTest::newRow("soa") << RrType::SOA
                             << QByteArray("026e7300016800") + QByteArray("00000001000000020000000300000004000000ff")
                             << true << "ns h 1 2 3 4 255";
        QTest::newRow("soa-short") << RrType::SOA << QByteArray("026e7300016800") + QByteArray("0000000100")
                                   << false << QString();
    }

    void rdata()
    {
        QFETCH(RrType, type);
        QFETCH(QByteArray, hex);
        QFETCH(bool, ok);
        QFETCH(QString, expected);
        const QByteArray bytes = QByteArray::fromHex(hex);
        DnsRecord r;
        QCOMPARE(UnboundResolver::parseRdata(type, reinterpret_cast<const unsigned char *>(bytes.constData()),
                                             size_t(bytes.size()), r),
                 ok);
        if (ok)
            QCOMPARE(describe(type, r), expected);
    }
};

QTEST_GUILESS_MAIN(tst_UnboundResolver)
#include "tst_unboundresolver.moc"
