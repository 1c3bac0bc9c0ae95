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
