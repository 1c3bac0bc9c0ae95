#include "DomainDeception.h"
#include "SenderAnalysis.h"

#include <QTest>

using namespace verifier;

namespace {
FromInfo from(const char *display, const char *domain)
{
    FromInfo f;
    f.kind = AddressListKind::One;
    f.fieldCount = 1;
    f.displayName = display;
    f.domain = domain;
    f.address = std::string("x@") + domain;
    return f;
}
} // namespace

class tst_SenderAnalysis : public QObject
{
    Q_OBJECT
private slots:
    void displayName_data()
    {
        QTest::addColumn<QByteArray>("display");
        QTest::addColumn<QByteArray>("domain");
        QTest::addColumn<bool>("flagged");
        QTest::newRow("plain name") << QByteArray("Alice Smith") << QByteArray("example.com") << false;
        // Real spam display name (issue 18): a title against the name, although .roland is a TLD.
        QTest::newRow("title against the name") << QByteArray("Mr.Roland Jones") << QByteArray("example.com") << false;
        QTest::newRow("title with an address") << QByteArray("Mr.Roland mr@paypal.com") << QByteArray("example.com") << true;
        QTest::newRow("own address") << QByteArray("alice@example.com") << QByteArray("example.com") << false;
        QTest::newRow("own subdomain") << QByteArray("news.example.com") << QByteArray("example.com") << false;
        // Mailsploit (2017): the display name imitates an address of another organisation.
        QTest::newRow("other address") << QByteArray("service@paypal.com") << QByteArray("evil.example") << true;
        QTest::newRow("other domain") << QByteArray("PayPal.com Support") << QByteArray("evil.example") << true;
        QTest::newRow("fullwidth at") << QByteArray("service\xEF\xBC\xA0paypal.com") << QByteArray("evil.example") << true;
        QTest::newRow("version number") << QByteArray("Release 1.2.3") << QByteArray("example.com") << false;
        QTest::newRow("initials") << QByteArray("J. R. Smith") << QByteArray("example.com") << false;
    }
    void displayName()
    {
        QFETCH(QByteArray, display);
        QFETCH(QByteArray, domain);
        QFETCH(bool, flagged);
        SenderAnalysis a = analyseSender(from(display.constData(), domain.constData()), {});
        bool has = false;
        for (const auto &f : a.suspicious)
            has = has || f.code == FindingCode::DisplayNameAddress;
        QCOMPARE(has, flagged);
    }
    void lookalike_data()
    {
        QTest::addColumn<QByteArray>("domain");
        QTest::addColumn<QByteArray>("known");
        QTest::addColumn<bool>("flagged");
        QTest::newRow("digit one for l") << QByteArray("examp1e.com") << QByteArray("example.com") << true;
        QTest::newRow("rn for m") << QByteArray("rnybank.example") << QByteArray("mybank.example") << true;
        QTest::newRow("cyrillic a (IDN)") << QByteArray("xn--pypal-4ve.com") << QByteArray("paypal.com") << true;
        QTest::newRow("same domain") << QByteArray("example.com") << QByteArray("example.com") << false;
        QTest::newRow("subdomain") << QByteArray("mail.example.com") << QByteArray("example.com") << false;
        QTest::newRow("unrelated") << QByteArray("other.org") << QByteArray("example.com") << false;
    }
    void lookalike()
    {
        QFETCH(QByteArray, domain);
        QFETCH(QByteArray, known);
        QFETCH(bool, flagged);
        SenderContext c;
        c.knownDomains = {known.toStdString()};
        SenderAnalysis a = analyseSender(from("Bank", domain.constData()), c);
        bool has = false;
        for (const auto &f : a.suspicious)
            has = has || f.code == FindingCode::LookalikeDomain;
        QCOMPARE(has, flagged);
    }
    // Issue 19: a known domain hidden in another address (also after Unicode overflow and in
    // compatibility forms), and none of the honest near misses.
    void embedded_data()
    {
        QTest::addColumn<QByteArray>("localPart");
        QTest::addColumn<QByteArray>("domain");
        QTest::addColumn<bool>("flagged");
        QTest::newRow("leading labels") << QByteArray("ceo") << QByteArray("bank.example.evil.example") << true;
        QTest::newRow("in local part") << QByteArray("ceo.bank.example") << QByteArray("evil.example") << true;
        QTest::newRow("overflow") << QByteArray("ceo\xC5\x80" "bank.example\xC4\x80") << QByteArray("evil.example") << true;
        QTest::newRow("fullwidth") << QByteArray("\xEF\xBD\x82\xEF\xBD\x81\xEF\xBD\x8E\xEF\xBD\x8B\xEF\xBC\x8E" "example")
                                   << QByteArray("evil.example") << true;
        QTest::newRow("punycode overflow") << QByteArray("ceo") << QByteArray("bank.xn--example-wjg.evil.example") << true;
        QTest::newRow("own domain") << QByteArray("ceo") << QByteArray("bank.example") << false;
        QTest::newRow("own subdomain") << QByteArray("ceo") << QByteArray("mail.bank.example") << false;
        QTest::newRow("longer label") << QByteArray("ceo") << QByteArray("mybank.example.evil.example") << false;
        QTest::newRow("longer local part") << QByteArray("mybank.examples") << QByteArray("evil.example") << false;
        QTest::newRow("unrelated") << QByteArray("alice") << QByteArray("club.example") << false;
    }
    void embedded()
    {
        QFETCH(QByteArray, localPart);
        QFETCH(QByteArray, domain);
        QFETCH(bool, flagged);
        QCOMPARE(embeddedKnownDomain(localPart.toStdString(), domain.toStdString(), {"bank.example"}).has_value(), flagged);
    }
    void mixedScript_data()
    {
        QTest::addColumn<QByteArray>("domain");
        QTest::addColumn<bool>("flagged");
        QTest::newRow("latin + cyrillic") << QByteArray("xn--pypal-4ve.example") << true;
        QTest::newRow("whole-script cyrillic apple") << QByteArray("xn--80ak6aa92e.example") << true;
        QTest::newRow("ascii") << QByteArray("paypal.example") << false;
        QTest::newRow("german") << QByteArray("xn--bcher-kva.example") << false; // bücher
        QTest::newRow("russian") << QByteArray("xn--e1afmkfd.example") << false;  // пример
        QTest::newRow("japanese") << QByteArray("xn--r8jz45g.example") << false;  // 例え
    }
    void mixedScript()
    {
        QFETCH(QByteArray, domain);
        QFETCH(bool, flagged);
        QCOMPARE(mixedScriptDomain(domain.toStdString()).has_value(), flagged);
    }
    void mixedScriptShowsWhatItImitates()
    {
        QCOMPARE(mixedScriptDomain("xn--pypal-4ve.example").value_or(std::string()), std::string("paypal.example"));
    }
    void views()
    {
        QCOMPARE(lowByteView("ceo\xC5\x80" "bank"), std::string("ceo@bank"));
        QCOMPARE(rawUnicodeDomain("bank.xn--example-wjg.evil.example"), std::string("bank.example\xD1\x80.evil.example"));
        QCOMPARE(rawUnicodeDomain("xn--zz!"), std::string("xn--zz!")); // not punycode: as written
        QCOMPARE(foldForDetection("\xEF\xBD\x81\xEF\xBC\xA0" "B\xE3\x80\x82x"), std::string("a@b.x"));
    }
    void comments()
    {
        FromInfo f = from("", "evil.example");
        f.comments = {"x <admin@bank.example>"};
        SenderAnalysis a = analyseSender(f, {});
        QCOMPARE(a.suspicious.size(), size_t(1));
        QCOMPARE(a.suspicious[0].code, FindingCode::CommentAddress);
        QCOMPARE(a.suspicious[0].args, (std::vector<std::string>{"bank.example", "evil.example"}));
        f.comments = {"Support team", "evil.example"};
        QVERIFY(analyseSender(f, {}).suspicious.empty());
    }

    void replyTo()
    {
        SenderContext c;
        c.fromOrgDomain = "example.com";
        c.replyTo = {{"collect@attacker.example", "attacker.example"}};
        SenderAnalysis a = analyseSender(from("Alice", "example.com"), c);
        QCOMPARE(a.warnings.size(), size_t(1));
        QCOMPARE(a.warnings[0].code, FindingCode::ReplyToOtherOrganisation);
        c.replyTo = {{"help@support.example.com", "example.com"}};
        QVERIFY(analyseSender(from("Alice", "example.com"), c).warnings.empty());
    }
};

QTEST_APPLESS_MAIN(tst_SenderAnalysis)
#include "tst_senderanalysis.moc"
