// SPF unit cases beyond the OpenSPF suites: the RFC 7208 §7.4 macro table and the other macro
// rules, record parsing (structure and errors), the lookup limits at and past their edges, void
// lookups, the HELO identity, IPv6, the result fields a user sees, and boundedness.

#include "SpfChecker.h"
#include "SpfMacro.h"
#include "SpfRecord.h"
#include "ZoneResolver.h"

#include <QTest>

#include <random>

using namespace verifier;

Q_DECLARE_METATYPE(AuthResult)

namespace {

QString q(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }
QString token(AuthResult r) { return q(rfc8601Token(r)); }

SpfMacroValues rfcExampleValues(bool ipv6)
{
    // RFC 7208 §7.4: sender strong-bad@email.example.com, IP 192.0.2.3 or 2001:db8::cb01.
    SpfMacroValues v;
    v.sender = "strong-bad@email.example.com";
    v.localPart = "strong-bad";
    v.senderDomain = "email.example.com";
    v.domain = "email.example.com";
    v.ipDotted = ipv6 ? "2.0.0.1.0.d.b.8.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.c.b.0.1" : "192.0.2.3";
    v.ipReadable = ipv6 ? "2001:db8::cb01" : "192.0.2.3";
    v.ipVersion = ipv6 ? "ip6" : "in-addr";
    v.helo = "mx.example.org";
    v.receiver = "mx.example.net";
    v.timestamp = "1700000000";
    v.validatedDomain = [](std::string_view) { return std::string("mail.example.com"); };
    return v;
}

/// A zone plus a request, for the check cases.
struct Fixture
{
    ZoneResolver zone;
    SpfRequest request;
    Fixture(const char *ip = "192.0.2.1", const char *mailFrom = "user@example.com", const char *helo = "mail.example.com")
    {
        request.clientIp = ip;
        request.mailFrom = mailFrom;
        request.helo = helo;
    }
    SpfResult run(const SpfLimits &limits = {}) const { return checkSpf(request, zone, limits); }
};

/// A resolver that counts queries, to show the work stays bounded.
class CountingResolver final : public Resolver
{
public:
    explicit CountingResolver(const Resolver &inner) : m_inner(inner) {}
    DnsAnswer query(std::string_view name, RrType type) const override
    {
        ++count;
        return m_inner.query(name, type);
    }
    mutable int count = 0;

private:
    const Resolver &m_inner;
};

} // namespace

class tst_Spf : public QObject
{
    Q_OBJECT
private slots:
    // ------------------------------------------------------------ macros
    void macroExpansion_data()
    {
        QTest::addColumn<QString>("macro");
        QTest::addColumn<bool>("ipv6");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("expected");
        const int dom = int(SpfMacroMode::DomainSpec);
        const int exp = int(SpfMacroMode::Explanation);
        // RFC 7208 §7.4, verbatim.
        QTest::newRow("s") << "%{s}" << false << dom << "strong-bad@email.example.com";
        QTest::newRow("o") << "%{o}" << false << dom << "email.example.com";
        QTest::newRow("d") << "%{d}" << false << dom << "email.example.com";
        QTest::newRow("d4") << "%{d4}" << false << dom << "email.example.com";
        QTest::newRow("d3") << "%{d3}" << false << dom << "email.example.com";
        QTest::newRow("d2") << "%{d2}" << false << dom << "example.com";
        QTest::newRow("d1") << "%{d1}" << false << dom << "com";
        QTest::newRow("dr") << "%{dr}" << false << dom << "com.example.email";
        QTest::newRow("d2r") << "%{d2r}" << false << dom << "example.email";
        QTest::newRow("l") << "%{l}" << false << dom << "strong-bad";
        QTest::newRow("l-") << "%{l-}" << false << dom << "strong.bad";
        QTest::newRow("lr") << "%{lr}" << false << dom << "strong-bad";
        QTest::newRow("lr-") << "%{lr-}" << false << dom << "bad.strong";
        QTest::newRow("l1r-") << "%{l1r-}" << false << dom << "strong";
        QTest::newRow("ir.v._spf.d2") << "%{ir}.%{v}._spf.%{d2}" << false << dom << "3.2.0.192.in-addr._spf.example.com";
        QTest::newRow("lr-.lp._spf.d2") << "%{lr-}.lp._spf.%{d2}" << false << dom << "bad.strong.lp._spf.example.com";
        QTest::newRow("lr-.lp.ir.v._spf.d2") << "%{lr-}.lp.%{ir}.%{v}._spf.%{d2}" << false << dom
                                             << "bad.strong.lp.3.2.0.192.in-addr._spf.example.com";
        QTest::newRow("ir.v.l1r-.lp._spf.d2") << "%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}" << false << dom
                                              << "3.2.0.192.in-addr.strong.lp._spf.example.com";
        QTest::newRow("d2.trusted-domains") << "%{d2}.trusted-domains.example.net" << false << dom
                                            << "example.com.trusted-domains.example.net";
        QTest::newRow("ipv6 ir.v._spf.d2") << "%{ir}.%{v}._spf.%{d2}" << true << dom
                                           << "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com";
        // The other rules of §7.
        QTest::newRow("escapes") << "a%%b%_c%-d" << false << dom << "a%b c%20d";
        QTest::newRow("upper escapes") << "%{S}" << false << dom << "strong-bad%40email.example.com";
        QTest::newRow("upper after transform") << "%{L1r-}" << false << dom << "strong";
        QTest::newRow("upper R") << "%{d2R}" << false << dom << "example.email";
        QTest::newRow("digits beyond parts") << "%{d99}" << false << dom << "email.example.com";
        QTest::newRow("several delimiters") << "%{s3r-.}" << false << dom << "example.bad@email.strong";
        QTest::newRow("h") << "%{h}" << false << dom << "mx.example.org";
        QTest::newRow("p") << "%{p}" << false << dom << "mail.example.com";
        QTest::newRow("c ipv6 in exp") << "from %{c}" << true << exp << "from 2001:db8::cb01";
        QTest::newRow("r and t in exp") << "%{r} at %{t}" << false << exp << "mx.example.net at 1700000000";
        QTest::newRow("plain text") << "no macros here." << false << exp << "no macros here.";
    }
    void macroExpansion()
    {
        QFETCH(QString, macro);
        QFETCH(bool, ipv6);
        QFETCH(int, mode);
        QFETCH(QString, expected);
        const auto out = expandSpfMacros(macro.toStdString(), rfcExampleValues(ipv6), SpfMacroMode(mode));
        QVERIFY2(out.ok(), out.ok() ? "" : out.error().message.c_str());
        QCOMPARE(q(*out), expected);
        if (SpfMacroMode(mode) == SpfMacroMode::DomainSpec)
            QVERIFY(!checkSpfMacroString(macro.toStdString(), SpfMacroMode::DomainSpec));
    }

    void macroErrors_data()
    {
        QTest::addColumn<QString>("macro");
        QTest::addColumn<int>("mode");
        const int dom = int(SpfMacroMode::DomainSpec);
        QTest::newRow("bare percent") << "a%b" << dom;
        QTest::newRow("trailing percent") << "abc%" << dom;
        QTest::newRow("unknown letter") << "%{a}" << dom;
        QTest::newRow("zero digit") << "%{d0}" << dom;
        QTest::newRow("unterminated") << "%{d2" << dom;
        QTest::newRow("bad delimiter") << "%{l#}" << dom;
        QTest::newRow("c outside exp") << "%{c}.example.com" << dom;
        QTest::newRow("r outside exp") << "%{r}.example.com" << dom;
        QTest::newRow("t outside exp") << "%{t}.example.com" << dom;
        QTest::newRow("space outside exp") << "a b" << dom;
        QTest::newRow("control char in exp") << "a\tb" << int(SpfMacroMode::Explanation);
    }
    void macroErrors()
    {
        QFETCH(QString, macro);
        QFETCH(int, mode);
        QVERIFY(checkSpfMacroString(macro.toStdString(), SpfMacroMode(mode)).has_value());
        QVERIFY(!expandSpfMacros(macro.toStdString(), rfcExampleValues(false), SpfMacroMode(mode)).ok());
    }

    void macroBounded()
    {
        SpfMacroValues v = rfcExampleValues(false);
        v.localPart = std::string(5000, 'x');
        const std::string many = [] { std::string s; for (int i = 0; i < 20; ++i) s += "%{l}"; return s; }();
        QVERIFY(!expandSpfMacros(many, v, SpfMacroMode::DomainSpec, 16384).ok());
        QVERIFY(expandSpfMacros("%{l}", v, SpfMacroMode::DomainSpec, 16384).ok());
    }

    void targetName_data()
    {
        QTest::addColumn<QString>("expanded");
        QTest::addColumn<QString>("expected"); // empty = no valid name
        QTest::newRow("trailing dot") << "example.com." << "example.com";
        QTest::newRow("empty label") << "a..example.com" << "";
        QTest::newRow("64-octet label") << QString(64, QLatin1Char('a')) + ".example.com" << "";
        QTest::newRow("63-octet label") << QString(63, QLatin1Char('a')) + ".example.com"
                                        << QString(63, QLatin1Char('a')) + ".example.com";
        // §7.3: labels are removed from the left until 253 octets remain.
        QString longName;
        for (int i = 0; i < 30; ++i)
            longName += QStringLiteral("label%1.").arg(i, 3, 10, QLatin1Char('0'));
        longName += QStringLiteral("example.com");
        QString truncated = longName;
        while (truncated.size() > 253)
            truncated = truncated.mid(truncated.indexOf(QLatin1Char('.')) + 1);
        QTest::newRow("truncated") << longName << truncated;
    }
    void targetName()
    {
        QFETCH(QString, expanded);
        QFETCH(QString, expected);
        const auto name = spfTargetName(expanded.toStdString());
        QCOMPARE(name ? q(*name) : QString(), expected);
        if (name)
            QVERIFY(name->size() <= 253);
    }

    // ------------------------------------------------------------ records
    void parseStructure()
    {
        const auto r = parseSpfRecord("V=SPF1 +a mx/24//64 -ip4:192.0.2.0/24 ~ip6:2001:db8::/32 ?ptr:example.org "
                                      "exists:%{i}.bl.example.com include:_spf.example.net a:%{d}.x.example.com/30 "
                                      "foo.bar=baz redirect=_spf.example.com exp=why.example.com  -all  ");
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(int(r->mechanisms.size()), 9);
        const SpfTerm &a = r->mechanisms[0];
        QCOMPARE(int(a.kind), int(SpfMechanismKind::A));
        QCOMPARE(int(a.qualifier), int(SpfQualifier::Pass));
        QVERIFY(a.value.empty());
        const SpfTerm &mx = r->mechanisms[1];
        QCOMPARE(mx.cidr4.value_or(-1), 24);
        QCOMPARE(mx.cidr6.value_or(-1), 64);
        const SpfTerm &ip4 = r->mechanisms[2];
        QCOMPARE(int(ip4.qualifier), int(SpfQualifier::Fail));
        QCOMPARE(q(ip4.value), QStringLiteral("192.0.2.0"));
        QCOMPARE(ip4.cidr4.value_or(-1), 24);
        QCOMPARE(q(ip4.text), QStringLiteral("-ip4:192.0.2.0/24"));
        QCOMPARE(int(r->mechanisms[3].qualifier), int(SpfQualifier::SoftFail));
        QCOMPARE(r->mechanisms[3].cidr6.value_or(-1), 32);
        QCOMPARE(int(r->mechanisms[4].qualifier), int(SpfQualifier::Neutral));
        QCOMPARE(q(r->mechanisms[4].value), QStringLiteral("example.org"));
        QCOMPARE(q(r->mechanisms[7].value), QStringLiteral("%{d}.x.example.com"));
        QCOMPARE(r->mechanisms[7].cidr4.value_or(-1), 30);
        QCOMPARE(q(r->redirect.value_or("")), QStringLiteral("_spf.example.com"));
        QCOMPARE(q(r->explanation.value_or("")), QStringLiteral("why.example.com"));
        QCOMPARE(int(r->unknownModifiers.size()), 1);
        QCOMPARE(q(r->unknownModifiers[0].name), QStringLiteral("foo.bar"));
        QCOMPARE(r->dnsLookupTerms(), 7); // a mx ptr exists include a redirect
        QVERIFY(r->allTerm());
        QCOMPARE(q(r->allTerm()->text), QStringLiteral("-all"));

        const auto empty = parseSpfRecord("v=spf1");
        QVERIFY(empty.ok());
        QVERIFY(empty->mechanisms.empty());
        QVERIFY(!empty->allTerm());
    }

    void parseErrors_data()
    {
        QTest::addColumn<QByteArray>("record");
        QTest::newRow("no version") << QByteArray("ip4:192.0.2.1 -all");
        QTest::newRow("version glued") << QByteArray("v=spf1mx");
        QTest::newRow("spf2") << QByteArray("spf2.0/pra -all");
        QTest::newRow("unknown mechanism") << QByteArray("v=spf1 foo -all");
        QTest::newRow("redirect as mechanism") << QByteArray("v=spf1 redirect:example.com");
        QTest::newRow("all with arg") << QByteArray("v=spf1 -all:foo");
        QTest::newRow("all with cidr") << QByteArray("v=spf1 -all/8");
        QTest::newRow("include bare") << QByteArray("v=spf1 include -all");
        QTest::newRow("include empty") << QByteArray("v=spf1 include: -all");
        QTest::newRow("exists bare") << QByteArray("v=spf1 exists");
        QTest::newRow("ptr cidr") << QByteArray("v=spf1 ptr/24");
        QTest::newRow("ip4 bare") << QByteArray("v=spf1 ip4");
        QTest::newRow("ip4 short") << QByteArray("v=spf1 ip4:192.0.2");
        QTest::newRow("ip4 cidr 33") << QByteArray("v=spf1 ip4:192.0.2.0/33");
        QTest::newRow("ip4 cidr leading zero") << QByteArray("v=spf1 ip4:192.0.2.0/024");
        QTest::newRow("ip4 dual cidr") << QByteArray("v=spf1 ip4:192.0.2.0//24");
        QTest::newRow("ip4 port") << QByteArray("v=spf1 ip4:192.0.2.1:25");
        QTest::newRow("ip6 bad") << QByteArray("v=spf1 ip6::2001:db8::1");
        QTest::newRow("ip6 cidr 129") << QByteArray("v=spf1 ip6:2001:db8::/129");
        QTest::newRow("a cidr 33") << QByteArray("v=spf1 a/33");
        QTest::newRow("a cidr6 129") << QByteArray("v=spf1 a//129");
        QTest::newRow("a two cidr4") << QByteArray("v=spf1 a/24/64");
        QTest::newRow("a numeric toplabel") << QByteArray("v=spf1 a:example.123");
        QTest::newRow("a single label") << QByteArray("v=spf1 a:museum");
        QTest::newRow("a dash toplabel") << QByteArray("v=spf1 a:example.-com");
        QTest::newRow("a empty") << QByteArray("v=spf1 a:");
        QTest::newRow("bad macro") << QByteArray("v=spf1 exists:%{q}.example.com");
        QTest::newRow("redirect twice") << QByteArray("v=spf1 redirect=a.example.com redirect=a.example.com");
        QTest::newRow("exp twice") << QByteArray("v=spf1 exp=a.example.com exp=a.example.com");
        QTest::newRow("exp empty") << QByteArray("v=spf1 exp= -all");
        QTest::newRow("modifier name digit") << QByteArray("v=spf1 1up=foo");
        QTest::newRow("modifier bad value") << QByteArray("v=spf1 foo=%x");
        QTest::newRow("empty modifier name") << QByteArray("v=spf1 =all");
        QTest::newRow("tab separator") << QByteArray("v=spf1\t-all");
        QTest::newRow("CR inside") << QByteArray("v=spf1 a:example.com\rptr -all");
        QTest::newRow("LF inside") << QByteArray("v=spf1 ip4:192.0.2.5\n include:example.com");
        QTest::newRow("NUL") << QByteArray("v=spf1 a:example.com\0 -all", 26);
        QTest::newRow("non-ASCII") << QByteArray("v=spf1 a:example.net \x96" "all");
        QTest::newRow("too long") << QByteArray("v=spf1 ") + QByteArray(5000, 'a');
    }
    void parseErrors()
    {
        QFETCH(QByteArray, record);
        const auto r = parseSpfRecord(std::string_view(record.constData(), size_t(record.size())));
        QVERIFY(!r.ok());
        QVERIFY(!r.error().message.empty());
    }

    void parseNeverCrashes()
    {
        // Random records built from SPF-ish pieces: total, no crash, no hang.
        const char *pieces[] = {"v=spf1", " ", "a", "mx", ":", "/", "//", "%{", "}", "%", "ip4", "ip6", "1", "0",
                                "=", "redirect", "exp", "include", ".", "-", "~", "ptr", "exists", "d2r", "all",
                                "\x80", "example.com", "::", "255"};
        std::mt19937 rng(7208);
        for (int i = 0; i < 5000; ++i) {
            std::string s = i % 2 ? "v=spf1 " : "";
            const int n = int(rng() % 20);
            for (int k = 0; k < n; ++k)
                s += pieces[rng() % (sizeof pieces / sizeof *pieces)];
            auto r = parseSpfRecord(s);
            if (r.ok())
                QVERIFY(r->dnsLookupTerms() >= 0);
        }
    }

    // ------------------------------------------------------------ check_host()
    void resultFields()
    {
        Fixture f("192.0.2.1", "alice@example.com", "mail.example.com");
        f.zone.addTxt("example.com", {"v=spf1 ip4:198.51.100.0/24 -all exp=why.example.com"});
        f.zone.addTxt("why.example.com", {"%{i} may not send for %{d} (%{l})"});
        f.zone.addTxt("mail.example.com", {"v=spf1 a -all"});
        f.zone.addAddress("mail.example.com", "192.0.2.1");
        const SpfResult r = f.run();
        QCOMPARE(token(r.result), QStringLiteral("fail"));
        QCOMPARE(q(r.domain), QStringLiteral("example.com"));
        QCOMPARE(q(r.identity), QStringLiteral("mailfrom"));
        QCOMPARE(q(r.clientIp), QStringLiteral("192.0.2.1"));
        QCOMPARE(q(r.helo), QStringLiteral("mail.example.com"));
        QCOMPARE(q(r.mailFrom), QStringLiteral("alice@example.com"));
        QCOMPARE(q(r.record), QStringLiteral("v=spf1 ip4:198.51.100.0/24 -all exp=why.example.com"));
        QCOMPARE(q(r.mechanism), QStringLiteral("-all"));
        QCOMPARE(q(r.explanation), QStringLiteral("192.0.2.1 may not send for example.com (alice)"));
        QCOMPARE(q(r.reason), QStringLiteral("192.0.2.1 is not permitted by example.com's SPF record (-all)"));
        QCOMPARE(r.dnsLookups, 0);
        QCOMPARE(r.voidLookups, 0);
        QVERIFY(r.evaluated);
        QVERIFY(r.heloResult.has_value());
        QCOMPARE(token(*r.heloResult), QStringLiteral("pass"));

        Fixture g("198.51.100.7", "<bob@Example.COM>");
        g.zone = f.zone;
        const SpfResult p = g.run();
        QCOMPARE(token(p.result), QStringLiteral("pass"));
        QCOMPARE(q(p.domain), QStringLiteral("example.com"));
        QCOMPARE(q(p.mechanism), QStringLiteral("ip4:198.51.100.0/24"));
        QVERIFY(p.explanation.empty()); // only on fail
        QCOMPARE(q(p.reason), QStringLiteral("198.51.100.7 is permitted by example.com's SPF record (ip4:198.51.100.0/24)"));
    }

    void results_data()
    {
        QTest::addColumn<QString>("record");
        QTest::addColumn<QString>("ip");
        QTest::addColumn<QString>("result");
        QTest::addColumn<QString>("mechanism");
        QTest::newRow("softfail") << "v=spf1 ~all" << "192.0.2.1" << "softfail" << "~all";
        QTest::newRow("neutral") << "v=spf1 ?all" << "192.0.2.1" << "neutral" << "?all";
        QTest::newRow("default") << "v=spf1 ip4:198.51.100.1" << "192.0.2.1" << "neutral" << "default";
        QTest::newRow("syntax error") << "v=spf1 ip4:192.0.2.1 -all moo" << "192.0.2.1" << "permerror" << "";
        // IPv6.
        QTest::newRow("ip6 match") << "v=spf1 ip6:2001:db8::/32 -all" << "2001:DB8::1" << "pass" << "ip6:2001:db8::/32";
        QTest::newRow("ip6 cidr boundary") << "v=spf1 ip6:2001:db8:8000::/33 -all" << "2001:db8:7fff::1" << "fail" << "-all";
        QTest::newRow("ip6 does not match ip4") << "v=spf1 ip6:::/0 -all" << "192.0.2.1" << "fail" << "-all";
        QTest::newRow("ip4 does not match ip6") << "v=spf1 ip4:0.0.0.0/0 -all" << "2001:db8::1" << "fail" << "-all";
        QTest::newRow("ip4-mapped is ip4") << "v=spf1 ip4:192.0.2.0/24 -all" << "::ffff:192.0.2.9" << "pass" << "ip4:192.0.2.0/24";
        QTest::newRow("ip4-mapped not ip6") << "v=spf1 ip6:::ffff:0:0/96 -all" << "::ffff:192.0.2.9" << "fail" << "-all";
        QTest::newRow("a AAAA dual cidr") << "v=spf1 a/32//48 -all" << "2001:db8:1:ffff::9" << "pass" << "a/32//48";
        QTest::newRow("a A dual cidr") << "v=spf1 a/24//48 -all" << "192.0.2.200" << "pass" << "a/24//48";
        QTest::newRow("exists ip6 nibbles") << "v=spf1 exists:%{ir}.%{v}.bl.example.com -all" << "2001:db8::1" << "pass"
                                            << "exists:%{ir}.%{v}.bl.example.com";
        QTest::newRow("exists ip4-mapped") << "v=spf1 exists:%{ir}.%{v}.bl.example.com -all" << "::ffff:192.0.2.1" << "pass"
                                           << "exists:%{ir}.%{v}.bl.example.com";
        QTest::newRow("mx") << "v=spf1 mx -all" << "192.0.2.25" << "pass" << "mx";
        QTest::newRow("mx ip6") << "v=spf1 mx -all" << "2001:db8::25" << "pass" << "mx";
        QTest::newRow("ptr") << "v=spf1 ptr -all" << "192.0.2.25" << "pass" << "ptr";
        QTest::newRow("ptr not validated") << "v=spf1 ptr -all" << "192.0.2.26" << "fail" << "-all";
        QTest::newRow("include pass") << "v=spf1 include:inc.example.com -all" << "192.0.2.77" << "pass" << "include:inc.example.com";
        QTest::newRow("include fail is no match") << "v=spf1 include:inc.example.com ?all" << "192.0.2.78" << "neutral" << "?all";
        QTest::newRow("include none") << "v=spf1 include:none.example.com -all" << "192.0.2.1" << "permerror" << "include:none.example.com";
        QTest::newRow("include temperror") << "v=spf1 include:slow.example.com -all" << "192.0.2.1" << "temperror" << "include:slow.example.com";
        QTest::newRow("a temperror") << "v=spf1 a:slow.example.com -all" << "192.0.2.1" << "temperror" << "a:slow.example.com";
        QTest::newRow("ptr DNS error is no match") << "v=spf1 ptr -all" << "192.0.2.99" << "fail" << "-all";
        QTest::newRow("redirect") << "v=spf1 redirect=inc.example.com" << "192.0.2.78" << "fail" << "-all";
        QTest::newRow("redirect none") << "v=spf1 redirect=none.example.com" << "192.0.2.1" << "permerror" << "redirect=none.example.com";
        QTest::newRow("redirect ignored after all") << "v=spf1 ?all redirect=inc.example.com" << "192.0.2.78" << "neutral" << "?all";
        QTest::newRow("include loop") << "v=spf1 include:example.com -all" << "192.0.2.1" << "permerror" << "include:example.com";
        QTest::newRow("redirect loop") << "v=spf1 redirect=example.com" << "192.0.2.1" << "permerror" << "redirect";
        QTest::newRow("p macro") << "v=spf1 exists:%{p}.ok.example.com -all" << "192.0.2.25" << "pass" << "exists:%{p}.ok.example.com";
    }
    void results()
    {
        QFETCH(QString, record);
        QFETCH(QString, ip);
        QFETCH(QString, result);
        QFETCH(QString, mechanism);
        Fixture f(qPrintable(ip), "user@example.com");
        f.zone.addTxt("example.com", {record.toStdString()});
        f.zone.addAddress("example.com", "192.0.2.200");
        f.zone.addAddress("example.com", "2001:db8:1::1");
        f.zone.addMx("example.com", 10, "mx1.example.com");
        f.zone.addMx("example.com", 20, "mx2.example.com");
        f.zone.addAddress("mx2.example.com", "192.0.2.25");
        f.zone.addAddress("mx2.example.com", "2001:db8::25");
        f.zone.add("25.2.0.192.in-addr.arpa", RrType::PTR, DnsRecord{"mx2.example.com", {}, 0, 0, 0, 0});
        f.zone.add("26.2.0.192.in-addr.arpa", RrType::PTR, DnsRecord{"forged.example.com", {}, 0, 0, 0, 0});
        f.zone.setFailure("99.2.0.192.in-addr.arpa", DnsStatus::ServFail);
        f.zone.addAddress("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.bl.example.com", "127.0.0.2");
        f.zone.addAddress("1.2.0.192.in-addr.bl.example.com", "127.0.0.2");
        f.zone.addAddress("mx2.example.com.ok.example.com", "127.0.0.2");
        f.zone.addTxt("inc.example.com", {"v=spf1 ip4:192.0.2.77 -all"});
        f.zone.setFailure("slow.example.com", DnsStatus::Timeout);
        const SpfResult r = f.run();
        QCOMPARE(token(r.result), result);
        QCOMPARE(q(r.mechanism), mechanism);
        QVERIFY(!r.reason.empty());
    }

    void lookupLimit_data()
    {
        QTest::addColumn<int>("lookups");
        QTest::addColumn<QString>("result");
        QTest::newRow("9") << 9 << "pass";
        QTest::newRow("10 is fine") << 10 << "pass";
        QTest::newRow("11 is permerror") << 11 << "permerror";
    }
    void lookupLimit()
    {
        // n "a" terms that do not match, spread over an include chain, then the matching ip4.
        QFETCH(int, lookups);
        QFETCH(QString, result);
        Fixture f("192.0.2.1");
        f.zone.addAddress("host.example.com", "198.51.100.1");
        // example.com: include:inc.example.com (1) + a... ; inc.example.com: a... ; then ip4.
        std::string inner = "v=spf1";
        for (int i = 0; i < lookups - 2; ++i)
            inner += " a:host.example.com";
        f.zone.addTxt("inc.example.com", {inner});
        f.zone.addTxt("example.com", {"v=spf1 include:inc.example.com a:host.example.com ip4:192.0.2.1 -all"});
        const SpfResult r = f.run();
        QCOMPARE(token(r.result), result);
        QCOMPARE(r.dnsLookups, lookups);
        if (r.result == AuthResult::PermError)
            QVERIFY(r.reason.find("more than 10") != std::string::npos);

        // The limit is configurable.
        SpfLimits wide;
        wide.maxDnsMechanisms = 11;
        QCOMPARE(token(f.run(wide).result), QStringLiteral("pass"));
    }

    void redirectCounts()
    {
        Fixture f("192.0.2.1");
        f.zone.addAddress("host.example.com", "198.51.100.1");
        std::string nine = "v=spf1";
        for (int i = 0; i < 9; ++i)
            nine += " a:host.example.com";
        f.zone.addTxt("example.com", {nine + " redirect=r.example.com"});
        f.zone.addTxt("r.example.com", {"v=spf1 ip4:192.0.2.1 -all"});
        SpfResult r = f.run();
        QCOMPARE(token(r.result), QStringLiteral("pass")); // 9 + redirect = 10
        QCOMPARE(r.dnsLookups, 10);
        f.zone.addTxt("r2.example.com", {"v=spf1 a:host.example.com ip4:192.0.2.1 -all"});
        f.zone = ZoneResolver();
        f.zone.addAddress("host.example.com", "198.51.100.1");
        f.zone.addTxt("example.com", {nine + " redirect=r2.example.com"});
        f.zone.addTxt("r2.example.com", {"v=spf1 a:host.example.com ip4:192.0.2.1 -all"});
        r = f.run();
        QCOMPARE(token(r.result), QStringLiteral("permerror")); // the a in r2 is the 11th
    }

    void voidLookups_data()
    {
        QTest::addColumn<int>("voids");
        QTest::addColumn<QString>("result");
        QTest::newRow("1") << 1 << "neutral";
        QTest::newRow("2 is fine") << 2 << "neutral";
        QTest::newRow("3 is permerror") << 3 << "permerror";
    }
    void voidLookups()
    {
        QFETCH(int, voids);
        QFETCH(QString, result);
        Fixture f("192.0.2.1");
        f.zone.addAddress("nodata.example.com", "2001:db8::1"); // no A record: NODATA
        const char *terms[] = {" a:nx1.example.com", " exists:nx2.example.com", " a:nodata.example.com"};
        std::string record = "v=spf1";
        for (int i = 0; i < voids; ++i)
            record += terms[i];
        f.zone.addTxt("example.com", {record + " ?all"});
        const SpfResult r = f.run();
        QCOMPARE(token(r.result), result);
        QCOMPARE(r.voidLookups, voids);
        SpfLimits strict;
        strict.maxVoidLookups = voids - 1;
        QCOMPARE(token(f.run(strict).result), QStringLiteral("permerror"));
    }

    void mxLimit_data()
    {
        QTest::addColumn<int>("names");
        QTest::addColumn<QString>("result");
        QTest::newRow("10 MX names") << 10 << "pass";
        QTest::newRow("11 MX names") << 11 << "permerror";
    }
    void mxLimit()
    {
        QFETCH(int, names);
        QFETCH(QString, result);
        Fixture f("192.0.2.10");
        f.zone.addTxt("example.com", {"v=spf1 mx -all"});
        for (int i = 1; i <= names; ++i) {
            const std::string host = "mx" + std::to_string(i) + ".example.com";
            f.zone.addMx("example.com", uint16_t(i), host);
            f.zone.addAddress(host, "192.0.2." + std::to_string(i));
        }
        QCOMPARE(token(f.run().result), result);
    }

    void ptrLimit()
    {
        // Only the first 10 PTR names are validated; the 11th (the only valid one) is ignored.
        Fixture f("192.0.2.1");
        f.zone.addTxt("example.com", {"v=spf1 ptr -all"});
        for (int i = 1; i <= 11; ++i) {
            const std::string host = "h" + std::to_string(i) + ".example.com";
            f.zone.add("1.2.0.192.in-addr.arpa", RrType::PTR, DnsRecord{host, {}, 0, 0, 0, 0});
            f.zone.addAddress(host, i == 11 ? "192.0.2.1" : "198.51.100.1");
        }
        QCOMPARE(token(f.run().result), QStringLiteral("fail"));
        SpfLimits more;
        more.maxPtrNames = 11;
        QCOMPARE(token(f.run(more).result), QStringLiteral("pass"));
    }

    void recordSelection_data()
    {
        QTest::addColumn<QStringList>("txt");
        QTest::addColumn<QString>("result");
        QTest::newRow("none") << QStringList{QStringLiteral("google-site-verification=x")} << "none";
        QTest::newRow("two records") << QStringList{QStringLiteral("v=spf1 -all"), QStringLiteral("V=SPF1 +all")} << "permerror";
        QTest::newRow("one among others") << QStringList{QStringLiteral("v=spf10 +all"), QStringLiteral("v=spf1 -all"),
                                                         QStringLiteral("other")} << "fail";
    }
    void recordSelection()
    {
        QFETCH(QStringList, txt);
        QFETCH(QString, result);
        Fixture f;
        for (const QString &t : txt)
            f.zone.addTxt("example.com", {t.toStdString()});
        // A type 99 record is never consulted.
        DnsRecord spf99;
        spf99.strings = {"v=spf1 +all"};
        f.zone.add("example.com", RrType::SPF, spf99);
        QCOMPARE(token(f.run().result), result);
    }

    void multiStringRecord()
    {
        Fixture f("192.0.2.5");
        f.zone.addTxt("example.com", {"v=spf1 ip4:", "192.0.2.5 -all"});
        QCOMPARE(token(f.run().result), QStringLiteral("pass"));
    }

    void dnsErrors()
    {
        Fixture f;
        f.zone.setFailure("example.com", DnsStatus::Timeout);
        SpfResult r = f.run();
        QCOMPARE(token(r.result), QStringLiteral("temperror"));
        QVERIFY(r.reason.find("example.com") != std::string::npos);
        f.zone = ZoneResolver();
        f.zone.setFailure("example.com", DnsStatus::ServFail);
        QCOMPARE(token(f.run().result), QStringLiteral("temperror"));
        f.zone = ZoneResolver();
        r = f.run(); // NXDOMAIN
        QCOMPARE(token(r.result), QStringLiteral("none"));
        QVERIFY(r.record.empty());
    }

    // ------------------------------------------------------------ identities
    void heloIdentity()
    {
        // Null reverse-path: the HELO name is checked as postmaster@helo.
        Fixture f("192.0.2.1", "", "mail.example.org");
        f.zone.addTxt("mail.example.org", {"v=spf1 exists:%{l}.%{o}.x.example.org -all"});
        f.zone.addAddress("postmaster.mail.example.org.x.example.org", "127.0.0.2");
        SpfResult r = f.run();
        QCOMPARE(token(r.result), QStringLiteral("pass"));
        QCOMPARE(q(r.identity), QStringLiteral("helo"));
        QCOMPARE(q(r.domain), QStringLiteral("mail.example.org"));
        QCOMPARE(token(r.heloResult.value_or(AuthResult::Policy)), QStringLiteral("pass"));
        f.request.mailFrom = "<>";
        QCOMPARE(q(f.run().identity), QStringLiteral("helo"));

        // With a MAIL FROM, checkSpfHelo checks the HELO name independently.
        f.request.mailFrom = "user@example.com";
        f.zone.addTxt("example.com", {"v=spf1 -all"});
        r = f.run();
        QCOMPARE(q(r.identity), QStringLiteral("mailfrom"));
        QCOMPARE(token(r.result), QStringLiteral("fail"));
        QCOMPARE(token(*r.heloResult), QStringLiteral("pass"));
        QCOMPARE(token(checkSpfHelo(f.request, f.zone)), QStringLiteral("pass"));
        const SpfResult h = checkSpfHeloDetailed(f.request, f.zone);
        QCOMPARE(q(h.identity), QStringLiteral("helo"));
        QCOMPARE(q(h.mechanism), QStringLiteral("exists:%{l}.%{o}.x.example.org"));

        // A HELO that is no FQDN, or a literal, gives none (§4.3).
        for (const char *helo : {"localhost", "[192.0.2.1]", "", "bad..example.org"}) {
            f.request.helo = helo;
            QCOMPARE(token(checkSpfHelo(f.request, f.zone)), QStringLiteral("none"));
        }
        // The MAIL FROM without a local part uses postmaster; an invalid domain gives none.
        Fixture g("192.0.2.1", "@example.com");
        g.zone.addTxt("example.com", {"v=spf1 exists:%{l}.x.example.com -all"});
        g.zone.addAddress("postmaster.x.example.com", "127.0.0.2");
        QCOMPARE(token(g.run().result), QStringLiteral("pass"));
        g.request.mailFrom = "user@[192.0.2.1]";
        QCOMPARE(token(g.run().result), QStringLiteral("none"));
    }

    void invalidClientIp()
    {
        Fixture f("not-an-ip");
        f.zone.addTxt("example.com", {"v=spf1 +all"});
        const SpfResult r = f.run();
        QCOMPARE(token(r.result), QStringLiteral("none"));
        QVERIFY(r.reason.find("not an IP address") != std::string::npos);
    }

    // ------------------------------------------------------------ boundedness
    void boundedWork()
    {
        // Every name of a wide include tree exists: the checker stops at the limits.
        ZoneResolver zone;
        for (int i = 0; i < 50; ++i) {
            std::string rec = "v=spf1";
            for (int k = 0; k < 5; ++k)
                rec += " include:n" + std::to_string((i * 5 + k + 1) % 50) + ".example.com";
            rec += " mx mx mx a ptr exists:%{i}.x.example.com -all";
            zone.addTxt("n" + std::to_string(i) + ".example.com", {rec});
            for (int m = 0; m < 10; ++m)
                zone.addMx("n" + std::to_string(i) + ".example.com", uint16_t(m), "mx" + std::to_string(m) + ".example.com");
        }
        CountingResolver counting(zone);
        SpfRequest req;
        req.clientIp = "192.0.2.1";
        req.mailFrom = "a@n0.example.com";
        req.helo = "h.example.com";
        const SpfResult r = checkSpf(req, counting);
        QCOMPARE(token(r.result), QStringLiteral("permerror"));
        QVERIFY(counting.count <= 2 * 60 + 2); // MAIL FROM check + HELO check, each within maxQueries
        SpfLimits tight;
        tight.maxQueries = 5;
        tight.maxDnsMechanisms = 1000;
        counting.count = 0;
        QCOMPARE(token(checkSpf(req, counting, tight).result), QStringLiteral("permerror"));
        QVERIFY(counting.count <= 2 * 5 + 2);
    }
};

QTEST_GUILESS_MAIN(tst_Spf)
#include "tst_spf.moc"
