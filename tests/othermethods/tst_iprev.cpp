// iprev (RFC 8601 §3): reverse names, and the pass / fail / temperror / permerror outcomes a
// user sees beside SPF, each from a small in-memory zone.

#include "IprevChecker.h"
#include "ZoneResolver.h"

#include <QTest>

using namespace verifier;

Q_DECLARE_METATYPE(verifier::AuthResult)

namespace {

void addPtr(ZoneResolver &z, const std::string &ip, const std::string &name)
{
    DnsRecord r;
    r.text = name;
    z.add(reverseDnsName(ip), RrType::PTR, r);
}

} // namespace

class tst_Iprev : public QObject
{
    Q_OBJECT
private slots:
    void reverseName_data()
    {
        QTest::addColumn<QString>("ip");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ipv4") << "192.0.2.10" << "10.2.0.192.in-addr.arpa";
        QTest::newRow("ipv6") << "2001:db8::1"
                              << "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa";
        QTest::newRow("ipv6-upper") << "2001:DB8::A"
                                    << "a.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa";
        QTest::newRow("garbage") << "mail.example.com" << "";
        QTest::newRow("ipv4-out-of-range") << "192.0.2.300" << "";
        QTest::newRow("empty") << "" << "";
        QTest::newRow("zone-index") << "fe80::1%eth0" << "";
    }
    void reverseName()
    {
        QFETCH(QString, ip);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(reverseDnsName(ip.toStdString())), expected);
    }

    void check_data()
    {
        QTest::addColumn<QString>("ip");
        QTest::addColumn<AuthResult>("expected");
        QTest::addColumn<QString>("confirmed");
        QTest::newRow("pass-ipv4") << "192.0.2.10" << AuthResult::Pass << "mail.example.com";
        QTest::newRow("pass-ipv6-other-spelling") << "2001:db8::25" << AuthResult::Pass << "mx6.example.com";
        QTest::newRow("pass-second-name") << "192.0.2.20" << AuthResult::Pass << "good.example.com";
        QTest::newRow("fail-forward-elsewhere") << "192.0.2.30" << AuthResult::Fail << "";
        QTest::newRow("fail-forward-nxdomain") << "192.0.2.31" << AuthResult::Fail << "";
        QTest::newRow("permerror-no-ptr") << "192.0.2.40" << AuthResult::PermError << "";
        QTest::newRow("permerror-not-an-ip") << "not-an-ip" << AuthResult::PermError << "";
        QTest::newRow("temperror-ptr") << "192.0.2.50" << AuthResult::TempError << "";
        QTest::newRow("temperror-forward") << "192.0.2.51" << AuthResult::TempError << "";
        QTest::newRow("ipv4-name-with-only-aaaa") << "192.0.2.60" << AuthResult::Fail << "";
    }
    void check()
    {
        QFETCH(QString, ip);
        QFETCH(AuthResult, expected);
        QFETCH(QString, confirmed);
        ZoneResolver z;
        addPtr(z, "192.0.2.10", "mail.example.com");
        z.addAddress("mail.example.com", "192.0.2.10");
        addPtr(z, "2001:db8::25", "mx6.example.com");
        z.addAddress("mx6.example.com", "2001:0db8:0:0:0:0:0:25");
        addPtr(z, "192.0.2.20", "bad.example.com");
        addPtr(z, "192.0.2.20", "good.example.com");
        z.addAddress("bad.example.com", "198.51.100.1");
        z.addAddress("good.example.com", "192.0.2.20");
        addPtr(z, "192.0.2.30", "spoof.example.net");
        z.addAddress("spoof.example.net", "198.51.100.2");
        addPtr(z, "192.0.2.31", "gone.example.net");
        z.setFailure(reverseDnsName("192.0.2.50"), DnsStatus::ServFail);
        addPtr(z, "192.0.2.51", "slow.example.net");
        z.setFailure("slow.example.net", DnsStatus::Timeout);
        addPtr(z, "192.0.2.60", "v6only.example.net");
        z.addAddress("v6only.example.net", "2001:db8::60");

        const IprevResult r = IprevChecker::check(ip.toStdString(), z);
        QCOMPARE(r.result, expected);
        QCOMPARE(QString::fromStdString(r.confirmedName), confirmed);
        QVERIFY(!r.reason.empty());
        QCOMPARE(QString::fromStdString(r.clientIp), ip);
    }

    void boundedForwardLookups()
    {
        // 15 PTR names, none confirming: only kMaxNames are checked (and reported).
        ZoneResolver z;
        for (int i = 0; i < 15; ++i)
            addPtr(z, "192.0.2.70", "n" + std::to_string(i) + ".example.org");
        z.addAddress("n14.example.org", "192.0.2.70"); // beyond the limit: never asked
        const IprevResult r = IprevChecker::check("192.0.2.70", z);
        QCOMPARE(r.ptrNames.size(), IprevChecker::kMaxNames);
        QCOMPARE(r.result, AuthResult::Fail);
    }

    void sameIp()
    {
        QVERIFY(sameIpAddress("2001:db8::1", "2001:0DB8:0000::0001"));
        QVERIFY(sameIpAddress("192.0.2.1", "192.0.2.1"));
        QVERIFY(!sameIpAddress("192.0.2.1", "192.0.2.2"));
        QVERIFY(!sameIpAddress("::ffff:192.0.2.1", "192.0.2.1"));
        QVERIFY(!sameIpAddress("x", "x"));
    }
};

QTEST_APPLESS_MAIN(tst_Iprev)
#include "tst_iprev.moc"
