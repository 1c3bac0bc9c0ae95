// VBR (RFC 5518): the VBR-Info field, and when a vouch is asked for and what it says.

#include "VbrChecker.h"
#include "VbrInfo.h"
#include "ZoneResolver.h"

#include <QTest>

using namespace verifier;

Q_DECLARE_METATYPE(verifier::AuthResult)

class tst_Vbr : public QObject
{
    Q_OBJECT
private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("category");
        QTest::addColumn<QString>("vouchers");
        QTest::newRow("rfc-example") << " md=ExampleBank.com; mc=transaction; mv=certifier.example:vouch.example" << true
                                     << "examplebank.com" << "transaction" << "certifier.example,vouch.example";
        QTest::newRow("folded-upper-tags") << "MD=a.example;\r\n MC=all; MV=v.example;" << true << "a.example" << "all"
                                           << "v.example";
        QTest::newRow("missing-mv") << "md=a.example; mc=all" << false << "" << "" << "";
        QTest::newRow("bad-domain") << "md=a..example; mc=all; mv=v.example" << false << "" << "" << "";
        QTest::newRow("bad-voucher") << "md=a.example; mc=all; mv=v.example:" << false << "" << "" << "";
        QTest::newRow("duplicate-md") << "md=a.example; md=b.example; mc=all; mv=v.example" << false << "" << "" << "";
        QTest::newRow("not-tag-value") << "md=a.example; garbage; mc=all; mv=v.example" << false << "" << "" << "";
        QTest::newRow("two-categories") << "md=a.example; mc=all list; mv=v.example" << false << "" << "" << "";
    }
    void parse()
    {
        QFETCH(QString, value);
        QFETCH(bool, ok);
        QFETCH(QString, domain);
        QFETCH(QString, category);
        QFETCH(QString, vouchers);
        auto v = VbrInfo::parse(value.toStdString());
        QCOMPARE(v.ok(), ok);
        if (!ok)
            return;
        QCOMPARE(QString::fromStdString(v->domain), domain);
        QCOMPARE(QString::fromStdString(v->category), category);
        QStringList list;
        for (const auto &s : v->vouchers)
            list << QString::fromStdString(s);
        QCOMPARE(list.join(QLatin1Char(',')), vouchers);
    }

    void check_data()
    {
        QTest::addColumn<QString>("field");     // VBR-Info value ("" = no field)
        QTest::addColumn<QString>("dkimDomain"); // a passing DKIM signature by this domain
        QTest::addColumn<bool>("dkimSignsVbr");
        QTest::addColumn<QString>("spfDomain"); // an SPF pass for this domain
        QTest::addColumn<QStringList>("trusted");
        QTest::addColumn<int>("expected");      // -1 = no result, else AuthResult
        QTest::addColumn<QString>("voucher");
        const QStringList trusted{QStringLiteral("vouch.example")};
        const QString field = QStringLiteral("md=sender.example; mc=transaction; mv=other.example:vouch.example");
        QTest::newRow("no-field") << "" << "sender.example" << true << "" << trusted << -1 << "";
        QTest::newRow("dkim-vouched") << field << "sender.example" << true << "" << trusted << int(AuthResult::Pass)
                                      << "vouch.example";
        QTest::newRow("spf-vouched") << field << "" << false << "sender.example" << trusted << int(AuthResult::Pass)
                                     << "vouch.example";
        QTest::newRow("dkim-not-covering-vbr-info") << field << "sender.example" << false << "" << trusted
                                                    << int(AuthResult::None) << "";
        QTest::newRow("md-not-authenticated") << field << "elsewhere.example" << true << "" << trusted
                                              << int(AuthResult::None) << "";
        QTest::newRow("no-trusted-service") << field << "sender.example" << true << "" << QStringList{} << int(AuthResult::None)
                                            << "";
        QTest::newRow("category-not-vouched")
            << QStringLiteral("md=sender.example; mc=list; mv=vouch.example") << "sender.example" << true << "" << trusted
            << int(AuthResult::Fail) << "vouch.example";
        QTest::newRow("all-vouches-every-category")
            << QStringLiteral("md=allcat.example; mc=list; mv=vouch.example") << "allcat.example" << true << "" << trusted
            << int(AuthResult::Pass) << "vouch.example";
        QTest::newRow("no-vouch-record") << QStringLiteral("md=unknown.example; mc=all; mv=vouch.example") << "unknown.example"
                                         << true << "" << trusted << int(AuthResult::Fail) << "";
        QTest::newRow("temporary") << QStringLiteral("md=slow.example; mc=all; mv=vouch.example") << "slow.example" << true
                                   << "" << trusted << int(AuthResult::TempError) << "";
        QTest::newRow("unreadable-field") << QStringLiteral("md=; mc=all") << "sender.example" << true << "" << trusted
                                          << int(AuthResult::PermError) << "";
        QTest::newRow("untrusted-voucher-not-asked")
            << QStringLiteral("md=sender.example; mc=transaction; mv=other.example") << "sender.example" << true << ""
            << trusted << int(AuthResult::None) << "";
    }
    void check()
    {
        QFETCH(QString, field);
        QFETCH(QString, dkimDomain);
        QFETCH(bool, dkimSignsVbr);
        QFETCH(QString, spfDomain);
        QFETCH(QStringList, trusted);
        QFETCH(int, expected);
        QFETCH(QString, voucher);
        ZoneResolver z;
        z.addTxt("sender.example._vouch.vouch.example", {"transaction"});
        z.addTxt("sender.example._vouch.other.example", {"all"}); // never asked: not trusted
        z.addTxt("allcat.example._vouch.vouch.example", {"all"});
        z.setFailure("slow.example._vouch.vouch.example", DnsStatus::ServFail);
        std::string text = "From: a@sender.example\r\n";
        if (!field.isEmpty())
            text += "VBR-Info: " + field.toStdString() + "\r\n";
        text += "\r\nbody\r\n";
        auto m = Message::parse(text);
        QVERIFY(m.ok());
        std::vector<DkimResult> dkim;
        if (!dkimDomain.isEmpty()) {
            DkimResult d;
            d.result = AuthResult::Pass;
            d.domain = dkimDomain.toStdString();
            d.signedHeaders = {"From"};
            if (dkimSignsVbr)
                d.signedHeaders.push_back("vbr-info");
            dkim.push_back(d);
        }
        std::optional<SpfResult> spf;
        if (!spfDomain.isEmpty()) {
            spf = SpfResult{};
            spf->evaluated = true;
            spf->result = AuthResult::Pass;
            spf->domain = spfDomain.toStdString();
        }
        std::vector<std::string> services;
        for (const QString &s : trusted)
            services.push_back(s.toStdString());
        const auto r = VbrChecker::check(*m, dkim, spf, services, z);
        if (expected < 0) {
            QVERIFY(!r.has_value());
            return;
        }
        QVERIFY(r.has_value());
        QCOMPARE(r->result, AuthResult(expected));
        QCOMPARE(QString::fromStdString(r->voucher), voucher);
        QVERIFY(!r->reason.empty());
    }
};

QTEST_APPLESS_MAIN(tst_Vbr)
#include "tst_vbr.moc"
