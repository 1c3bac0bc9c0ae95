#include "DmarcEvaluator.h"
#include "DmarcRecord.h"
#include "OrgDomain.h"
#include "ZoneResolver.h"

#include <QStringList>
#include <QTest>

using namespace verifier;

namespace {
QString q(const std::string &s) { return QString::fromStdString(s); }

/// Lines: "TXT name text", "A name address", "MX name exchange", "FAIL name servfail|timeout".
ZoneResolver zone(const QString &spec)
{
    ZoneResolver z;
    for (const QString &line : spec.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QString type = line.section(QLatin1Char(' '), 0, 0);
        const std::string name = line.section(QLatin1Char(' '), 1, 1).toStdString();
        const std::string rest = line.section(QLatin1Char(' '), 2).toStdString();
        if (type == QLatin1String("TXT"))
            z.addTxt(name, {rest});
        else if (type == QLatin1String("A"))
            z.addAddress(name, rest);
        else if (type == QLatin1String("MX"))
            z.addMx(name, 10, rest);
        else if (type == QLatin1String("FAIL"))
            z.setFailure(name, rest == "timeout" ? DnsStatus::Timeout : DnsStatus::ServFail);
    }
    return z;
}

FromInfo fromDomain(const QString &domain)
{
    FromInfo f;
    f.kind = AddressListKind::One;
    f.fieldCount = 1;
    f.domain = domain.toStdString();
    f.localPart = "user";
    f.address = "user@" + f.domain;
    return f;
}
} // namespace

class tst_Dmarc : public QObject
{
    Q_OBJECT
private slots:
    void evaluate_data()
    {
        QTest::addColumn<QString>("dns");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("dkimDomains"); // comma-separated passing d= values
        QTest::addColumn<QString>("spfDomain");   // passing MAIL FROM domain
        QTest::addColumn<QString>("result");
        QTest::addColumn<QString>("policy");
        QTest::addColumn<QString>("orgDomain");
        QTest::addColumn<QString>("recordDomain");
        QTest::addColumn<QString>("rfc7489");     // resultRfc7489 when set, else ""
        QTest::addColumn<QString>("orgPsl");      // orgDomainPsl when set, else ""

        const QString subPolicy = "TXT _dmarc.example.com v=DMARC1; p=reject; sp=quarantine\nA sub.example.com 192.0.2.1";
        QTest::newRow("sp-for-existing-subdomain") << subPolicy << "sub.example.com" << "" << ""
            << "fail" << "quarantine" << "example.com" << "example.com" << "" << "";
        QTest::newRow("p-for-the-domain-itself") << subPolicy << "example.com" << "" << ""
            << "fail" << "reject" << "example.com" << "example.com" << "" << "";
        QTest::newRow("relaxed-dkim-parent-aligns") << subPolicy << "sub.example.com" << "example.com" << ""
            << "pass" << "quarantine" << "example.com" << "example.com" << "" << "";

        const QString np = "TXT _dmarc.example.com v=DMARC1; p=reject; sp=none; np=quarantine\nMX real.example.com mx.example.com";
        QTest::newRow("np-for-nonexistent-subdomain") << np << "ghost.example.com" << "" << ""
            << "fail" << "quarantine" << "example.com" << "example.com" << "" << "";
        QTest::newRow("sp-not-np-for-existing-subdomain") << np << "real.example.com" << "" << ""
            << "fail" << "none" << "example.com" << "example.com" << "" << "";

        QTest::newRow("psl-co-uk-aligned") << "TXT _dmarc.shop.co.uk v=DMARC1; p=reject" << "mail.shop.co.uk"
            << "shop.co.uk" << "" << "pass" << "reject" << "shop.co.uk" << "shop.co.uk" << "" << "";
        QTest::newRow("psl-co-uk-sibling-not-aligned") << "TXT _dmarc.shop.co.uk v=DMARC1; p=reject" << "shop.co.uk"
            << "other.co.uk" << "" << "fail" << "reject" << "shop.co.uk" << "shop.co.uk" << "" << "";
        // blogspot.com is a (private) public suffix: RFC 7489 finds no policy for alice.blogspot.com,
        // the RFC 9989 tree walk inherits blogspot.com's record and aligns the sibling.
        QTest::newRow("registered-under-public-suffix") << "TXT _dmarc.blogspot.com v=DMARC1; p=reject\nA alice.blogspot.com 192.0.2.7"
            << "alice.blogspot.com" << "bob.blogspot.com" << "" << "pass" << "reject" << "blogspot.com" << "blogspot.com"
            << "none" << "alice.blogspot.com";
        // The tree walk makes a subdomain with its own record its own organisational domain.
        QTest::newRow("own-record-own-org-domain") << "TXT _dmarc.mail.example.com v=DMARC1; p=reject" << "mail.example.com"
            << "example.com" << "" << "fail" << "reject" << "mail.example.com" << "mail.example.com" << "pass" << "example.com";

        QTest::newRow("several-records-none") << "TXT _dmarc.example.com v=DMARC1; p=reject\nTXT _dmarc.example.com v=DMARC1; p=none"
            << "example.com" << "example.com" << "" << "none" << "" << "example.com" << "" << "" << "";
        QTest::newRow("invalid-p-without-rua-none") << "TXT _dmarc.example.com v=DMARC1; p=bogus" << "example.com" << "" << ""
            << "none" << "" << "example.com" << "example.com" << "" << "";
        QTest::newRow("invalid-p-with-rua-is-none-policy") << "TXT _dmarc.example.com v=DMARC1; p=bogus; rua=mailto:r@example.com"
            << "example.com" << "" << "" << "fail" << "none" << "example.com" << "example.com" << "" << "";
        QTest::newRow("wrong-version-is-no-record") << "TXT _dmarc.example.com v=DMARC2; p=reject" << "example.com" << "" << ""
            << "none" << "" << "example.com" << "" << "" << "";
        QTest::newRow("servfail-temperror") << "FAIL _dmarc.example.com servfail" << "example.com" << "example.com" << ""
            << "temperror" << "" << "" << "" << "" << "";
        QTest::newRow("timeout-temperror") << "FAIL _dmarc.example.com timeout" << "example.com" << "" << ""
            << "temperror" << "" << "" << "" << "" << "";
        QTest::newRow("testing-softens-reject") << "TXT _dmarc.example.com v=DMARC1; p=reject; t=y" << "example.com" << "" << ""
            << "fail" << "quarantine" << "example.com" << "example.com" << "" << "";
        QTest::newRow("strict-spf-subdomain-fails") << "TXT _dmarc.example.com v=DMARC1; p=reject; aspf=s" << "example.com" << ""
            << "bounce.example.com" << "fail" << "reject" << "example.com" << "example.com" << "" << "";
        QTest::newRow("relaxed-spf-subdomain-passes") << "TXT _dmarc.example.com v=DMARC1; p=reject" << "example.com" << ""
            << "bounce.example.com" << "pass" << "reject" << "example.com" << "example.com" << "" << "";
        QTest::newRow("psd-y-org-one-below") << "TXT _dmarc.bank.example v=DMARC1; p=reject; psd=y\nA giant.bank.example 192.0.2.8"
            << "giant.bank.example" << "mega.bank.example" << "" << "fail" << "reject" << "giant.bank.example" << "bank.example"
            << "pass" << "bank.example";
        QTest::newRow("psd-n-intermediate-org") << "TXT _dmarc.b.example.com v=DMARC1; p=reject; psd=n\nTXT _dmarc.example.com v=DMARC1; p=none"
            << "a.b.example.com" << "" << "" << "fail" << "reject" << "b.example.com" << "b.example.com" << "" << "example.com";
        QTest::newRow("no-record") << "" << "example.com" << "example.com" << "" << "none" << "" << "example.com" << "" << "" << "";
    }
    void evaluate()
    {
        QFETCH(QString, dns);
        QFETCH(QString, from);
        QFETCH(QString, dkimDomains);
        QFETCH(QString, spfDomain);
        ZoneResolver z = zone(dns);
        std::vector<DkimResult> dkim;
        for (const QString &d : dkimDomains.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            DkimResult r;
            r.result = AuthResult::Pass;
            r.domain = d.toStdString();
            dkim.push_back(r);
        }
        SpfResult spf;
        if (!spfDomain.isEmpty()) {
            spf.result = AuthResult::Pass;
            spf.identity = "mailfrom";
            spf.domain = spfDomain.toStdString();
        }
        DmarcResult r = evaluateDmarc(fromDomain(from), dkim, spf, z);
        QTEST(q(std::string(rfc8601Token(r.result))), "result");
        QTEST(q(std::string(dmarcPolicyName(r.policy))), "policy");
        QTEST(q(r.orgDomain), "orgDomain");
        QTEST(q(r.recordDomain), "recordDomain");
        QTEST(r.resultRfc7489 ? q(std::string(rfc8601Token(*r.resultRfc7489))) : QString(), "rfc7489");
        QTEST(r.orgDomainPsl ? q(*r.orgDomainPsl) : QString(), "orgPsl");
        QCOMPARE(q(r.domain), from);
        QVERIFY2(!r.reason.empty(), "a reason is always given");
        bool anyAligned = false;
        for (const auto &d : dkim)
            anyAligned = anyAligned || d.aligned;
        QCOMPARE(anyAligned, r.dkimAligned);
    }

    void fieldsFilled()
    {
        ZoneResolver z = zone("TXT _dmarc.example.com v=DMARC1; p=quarantine; adkim=s; aspf=s; t=y");
        std::vector<DkimResult> dkim(2);
        dkim[0].result = AuthResult::Pass;
        dkim[0].domain = "other.example";
        dkim[1].result = AuthResult::Pass;
        dkim[1].domain = "example.com";
        SpfResult spf;
        DmarcResult r = evaluateDmarc(fromDomain("example.com"), dkim, spf, z);
        QCOMPARE(r.result, AuthResult::Pass);
        QCOMPARE(q(r.record), QStringLiteral("v=DMARC1; p=quarantine; adkim=s; aspf=s; t=y"));
        QCOMPARE(r.domainPolicy, DmarcPolicy::Quarantine);
        QCOMPARE(r.policy, DmarcPolicy::None);
        QVERIFY(r.strictDkim);
        QVERIFY(r.strictSpf);
        QVERIFY(r.testing);
        QVERIFY(!dkim[0].aligned);
        QVERIFY(dkim[1].aligned);
        QVERIFY(r.dkimAligned);
        QVERIFY(!r.spfAligned);
    }

    void spfHeloIdentityNeverAligns()
    {
        ZoneResolver z = zone("TXT _dmarc.example.com v=DMARC1; p=reject");
        std::vector<DkimResult> dkim;
        SpfResult spf;
        spf.result = AuthResult::Pass;
        spf.identity = "helo";
        spf.domain = "example.com";
        DmarcResult r = evaluateDmarc(fromDomain("example.com"), dkim, spf, z);
        QCOMPARE(r.result, AuthResult::Fail);
        QVERIFY(!r.spfAligned);
    }

    void fromNotOneMailbox_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("fields");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("several-mailboxes") << int(AddressListKind::Several) << 1 << "several mailboxes";
        QTest::newRow("several-fields") << int(AddressListKind::Several) << 2 << "several From fields";
        QTest::newRow("missing") << int(AddressListKind::None) << 0 << "no From address";
        QTest::newRow("ambiguous") << int(AddressListKind::Ambiguous) << 1 << "more than one way";
        QTest::newRow("invalid") << int(AddressListKind::Invalid) << 1 << "cannot be read";
    }
    void fromNotOneMailbox()
    {
        QFETCH(int, kind);
        QFETCH(int, fields);
        QFETCH(QString, reasonPart);
        ZoneResolver z = zone("TXT _dmarc.example.com v=DMARC1; p=reject");
        FromInfo f = fromDomain("example.com");
        f.kind = AddressListKind(kind);
        f.fieldCount = fields;
        std::vector<DkimResult> dkim(1);
        dkim[0].result = AuthResult::Pass;
        dkim[0].domain = "example.com";
        DmarcResult r = evaluateDmarc(f, dkim, SpfResult{}, z);
        QCOMPARE(r.result, AuthResult::PermError);
        QVERIFY2(q(r.reason).contains(reasonPart), r.reason.c_str());
        QVERIFY(!dkim[0].aligned);
    }

    void invalidFromDomain()
    {
        ZoneResolver z;
        std::vector<DkimResult> dkim;
        DmarcResult r = evaluateDmarc(fromDomain("exa mple..com"), dkim, SpfResult{}, z);
        QCOMPARE(r.result, AuthResult::PermError);
    }

    void recordSyntax_data()
    {
        QTest::addColumn<QString>("record");
        QTest::addColumn<bool>("isDmarc");
        QTest::addColumn<bool>("policyValid");
        QTest::addColumn<int>("problems");
        QTest::newRow("minimal") << "v=DMARC1; p=none" << true << true << 0;
        QTest::newRow("spaces") << " v = DMARC1 ;  p = Reject ; " << true << true << 0;
        QTest::newRow("version-case") << "v=dmarc1; p=none" << false << false << 0;
        QTest::newRow("version-not-first") << "p=none; v=DMARC1" << false << false << 0;
        QTest::newRow("empty") << "" << false << false << 0;
        QTest::newRow("unknown-tag-ignored") << "v=DMARC1; p=none; foo=bar" << true << true << 0;
        QTest::newRow("missing-p") << "v=DMARC1; rua=mailto:a@example.com" << true << false << 0;
        QTest::newRow("bad-p") << "v=DMARC1; p=bob" << true << false << 1;
        QTest::newRow("bad-pct") << "v=DMARC1; p=none; pct=500" << true << true << 1;
        QTest::newRow("bad-adkim") << "v=DMARC1; p=none; adkim=x" << true << true << 1;
        QTest::newRow("bad-np") << "v=DMARC1; p=none; np=maybe" << true << true << 1;
        QTest::newRow("tag-without-value") << "v=DMARC1; p=none; tagonly" << true << true << 1;
        QTest::newRow("too-long") << QString("v=DMARC1; p=none; x=") + QString(5000, 'a') << false << false << 0;
    }
    void recordSyntax()
    {
        QFETCH(QString, record);
        auto r = parseDmarcRecord(record.toStdString());
        QTEST(r.ok(), "isDmarc");
        if (r) {
            QTEST(r->policyValid, "policyValid");
            QTEST(int(r->problems.size()), "problems");
        }
    }

    void treeWalkQueries()
    {
        ZoneResolver z = zone("TXT _dmarc.example.com v=DMARC1; p=none");
        OrgDomain org(z);
        TreeWalk w = org.walk("a.b.c.d.e.f.g.h.i.j.k.example.com");
        QCOMPARE(w.queried.size(), size_t(8));
        QCOMPARE(q(w.queried[1]), QStringLiteral("_dmarc.g.h.i.j.k.example.com"));
        QCOMPARE(q(w.queried.back()), QStringLiteral("_dmarc.com"));
        QCOMPARE(q(w.orgDomain), QStringLiteral("example.com"));
        // An eight-label name drops one label, then walks up.
        TreeWalk w8 = org.walk("a.b.c.d.e.f.example.com");
        QCOMPARE(w8.queried.size(), size_t(8));
        QCOMPARE(q(w8.queried[1]), QStringLiteral("_dmarc.b.c.d.e.f.example.com"));
        // An address is not walked upward.
        QCOMPARE(org.walk("192.0.2.1").queried.size(), size_t(1));
    }

    void pslReading()
    {
        const auto &psl = PublicSuffixList::system();
        QCOMPARE(q(psl.organisationalDomain("a.b.example.co.uk")), QStringLiteral("example.co.uk"));
        QCOMPARE(q(psl.organisationalDomain("co.uk")), QStringLiteral("co.uk"));
        QVERIFY(psl.isPublicSuffix("co.uk"));
        QVERIFY(OrgDomain::alignedPsl("mail.example.co.uk", "example.co.uk", DmarcAlignmentMode::Relaxed, psl));
        QVERIFY(!OrgDomain::alignedPsl("a.co.uk", "b.co.uk", DmarcAlignmentMode::Relaxed, psl));
    }
};

QTEST_APPLESS_MAIN(tst_Dmarc)
#include "tst_dmarc.moc"
