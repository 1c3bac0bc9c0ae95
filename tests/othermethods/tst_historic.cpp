// ADSP (RFC 5617) and Sender ID (RFC 4406), both historic: their DNS records, and results that
// other servers reported in Authentication-Results, labelled with what replaced them. Lookups
// happen only for methods a field mentions.

#include "AdspRecord.h"
#include "HistoricMethods.h"
#include "SenderIdRecord.h"
#include "ZoneResolver.h"

#include <QTest>

#include <atomic>

using namespace verifier;

namespace {

/// Counts queries (the lookups must stay bounded and happen only when asked for).
class CountingResolver : public Resolver
{
public:
    explicit CountingResolver(const Resolver &inner) : m_inner(inner) {}
    DnsAnswer query(std::string_view name, RrType type) const override
    {
        ++count;
        return m_inner.query(name, type);
    }
    mutable std::atomic<int> count{0};

private:
    const Resolver &m_inner;
};

AuthResultsHeader header(const std::string &id, bool trusted, std::vector<AuthMethodResult> methods)
{
    AuthResultsHeader h;
    h.authservId = id;
    h.trusted = trusted;
    h.parsed = true;
    h.methods = std::move(methods);
    return h;
}

AuthMethodResult method(const std::string &name, const std::string &result, std::map<std::string, std::string> props = {})
{
    AuthMethodResult m;
    m.method = name;
    m.result = result;
    m.properties = std::move(props);
    return m;
}

} // namespace

class tst_Historic : public QObject
{
    Q_OBJECT
private slots:
    void adsp_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // "" = not an ADSP record
        QTest::newRow("all") << "dkim=all" << "all";
        QTest::newRow("discardable") << "dkim=discardable" << "discardable";
        QTest::newRow("unknown") << "dkim=unknown" << "unknown";
        QTest::newRow("unknown-value-reads-unknown") << "dkim=sometimes" << "unknown";
        QTest::newRow("upper-case-value") << "dkim=ALL" << "all";
        QTest::newRow("no-dkim-tag") << "v=DKIM1; p=abc" << "";
        QTest::newRow("not-a-tag-list") << "hello world" << "";
    }
    void adsp()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        auto r = AdspRecord::parse(text.toStdString());
        QCOMPARE(r.has_value(), !expected.isEmpty());
        if (r)
            QCOMPARE(QString::fromUtf8(AdspRecord::practiceName(r->practice).data()), expected);
    }

    void senderId_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // "" = not a Sender ID record
        QTest::addColumn<bool>("pra");
        QTest::newRow("pra") << "spf2.0/pra ip4:192.0.2.0/24 -all" << "spf2.0/pra" << true;
        QTest::newRow("mfrom-pra") << "spf2.0/mfrom,pra mx -all" << "spf2.0/mfrom,pra" << true;
        QTest::newRow("mfrom-only") << "spf2.0/mfrom -all" << "spf2.0/mfrom" << false;
        QTest::newRow("upper-case") << "SPF2.0/PRA -all" << "spf2.0/pra" << true;
        QTest::newRow("no-terms") << "spf2.0/pra" << "spf2.0/pra" << true;
        QTest::newRow("spf1-is-not-sender-id") << "v=spf1 -all" << "" << false;
        QTest::newRow("empty-scope") << "spf2.0/ -all" << "" << false;
        QTest::newRow("empty-scope-in-list") << "spf2.0/mfrom,,pra -all" << "" << false;
    }
    void senderId()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QFETCH(bool, pra);
        auto r = SenderIdRecord::parse(text.toStdString());
        QCOMPARE(r.has_value(), !expected.isEmpty());
        if (r) {
            QCOMPARE(QString::fromStdString(r->versionAndScopes()), expected);
            QCOMPARE(r->coversPra(), pra);
        }
    }

    void recognise_data()
    {
        QTest::addColumn<QString>("methodName");
        QTest::addColumn<QString>("property"); // "key=value" or ""
        QTest::addColumn<QString>("replacedBy");
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("meaning");
        QTest::addColumn<int>("queries");
        QTest::newRow("adsp-discardable") << "dkim-adsp" << "header.from=alice@adsp.example" << "DMARC" << "adsp.example"
                                          << "dkim=discardable" << 1;
        QTest::newRow("adsp-from-domain") << "dkim-adsp" << "" << "DMARC" << "from.example" << "dkim=all" << 1;
        QTest::newRow("adsp-no-record") << "dkim-adsp" << "header.from=nobody.example" << "DMARC" << "nobody.example"
                                        << "no ADSP record" << 1;
        QTest::newRow("sender-id-pra") << "sender-id" << "header.from=sid.example" << "SPF and DMARC" << "sid.example"
                                       << "spf2.0/mfrom,pra" << 1;
        QTest::newRow("sender-id-spf1-only") << "sender-id" << "header.sender=x@from.example" << "SPF and DMARC"
                                             << "from.example" << "no Sender ID record" << 1;
        QTest::newRow("sender-id-invalid-domain-not-looked-up")
            << "Sender-ID" << "header.from=bad..domain" << "SPF and DMARC" << "from.example" << "no Sender ID record" << 1;
        QTest::newRow("domainkeys-no-lookup") << "domainkeys" << "header.d=from.example" << "DKIM" << "" << "" << 0;
        QTest::newRow("current-method-ignored") << "dkim" << "header.d=from.example" << "" << "" << "" << 0;
    }
    void recognise()
    {
        QFETCH(QString, methodName);
        QFETCH(QString, property);
        QFETCH(QString, replacedBy);
        QFETCH(QString, domain);
        QFETCH(QString, meaning);
        QFETCH(int, queries);
        ZoneResolver zone;
        zone.addTxt("_adsp._domainkey.adsp.example", {"dkim=discardable"});
        zone.addTxt("_adsp._domainkey.from.example", {"dkim=all"});
        zone.addTxt("sid.example", {"v=spf1 -all"});
        zone.addTxt("sid.example", {"spf2.0/mfrom,pra -all"});
        zone.addTxt("from.example", {"v=spf1 mx -all"});
        CountingResolver counting(zone);
        std::map<std::string, std::string> props;
        if (!property.isEmpty())
            props[property.section(QLatin1Char('='), 0, 0).toStdString()] = property.section(QLatin1Char('='), 1).toStdString();
        const std::vector<AuthResultsHeader> headers{
            header("mx.example.net", true, {method(methodName.toStdString(), "pass", props)})};
        const auto out = HistoricMethods::recognise(headers, "from.example", &counting);
        QCOMPARE(counting.count.load(), queries);
        if (replacedBy.isEmpty()) {
            QVERIFY(out.empty());
            return;
        }
        QCOMPARE(out.size(), size_t(1));
        QCOMPARE(QString::fromStdString(out[0].replacedBy), replacedBy);
        QCOMPARE(QString::fromStdString(out[0].domain), domain);
        QCOMPARE(QString::fromStdString(out[0].recordMeaning), meaning);
        QCOMPARE(out[0].result, std::string("pass"));
        QCOMPARE(out[0].reportedBy, std::string("mx.example.net"));
        QVERIFY(out[0].trusted);
        QVERIFY(QString::fromStdString(out[0].reason).contains(QLatin1String("historic")));
    }

    void noMentionNoLookup()
    {
        ZoneResolver zone;
        CountingResolver counting(zone);
        const std::vector<AuthResultsHeader> headers{
            header("mx.example.net", true, {method("spf", "pass"), method("dkim", "pass"), method("dmarc", "pass")})};
        QVERIFY(HistoricMethods::recognise(headers, "from.example", &counting).empty());
        QCOMPARE(counting.count.load(), 0);
    }

    void lookupsAreBoundedAndShared()
    {
        ZoneResolver zone;
        CountingResolver counting(zone);
        std::vector<AuthMethodResult> methods;
        for (int i = 0; i < 10; ++i)
            methods.push_back(method("dkim-adsp", "fail", {{"header.from", "d" + std::to_string(i) + ".example"}}));
        methods.push_back(method("dkim-adsp", "fail", {{"header.from", "d0.example"}})); // same domain again: shared
        const std::vector<AuthResultsHeader> headers{header("untrusted.example", false, methods)};
        const auto out = HistoricMethods::recognise(headers, "from.example", &counting);
        QCOMPARE(out.size(), size_t(11));
        QCOMPARE(counting.count.load(), int(HistoricMethods::kMaxLookups));
        QVERIFY(!out[0].trusted);
        QCOMPARE(out[10].recordMeaning, out[0].recordMeaning);
        QVERIFY(out[9].recordMeaning.empty()); // beyond the lookup limit: not looked up
    }
};

QTEST_APPLESS_MAIN(tst_Historic)
#include "tst_historic.moc"
