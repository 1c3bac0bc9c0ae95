// ARC chain validation (verifyArc) over chains sealed by dkimpy (tests/data/arc, made by
// scripts/make-arc-testdata.sh; README.md there): who is trusted, what a trusted sealer's AAR
// says, and chains that were broken or forged after sealing. One row per case.

#include "ArcAuthenticationResults.h"
#include "ArcSignature.h"
#include "ArcVerifier.h"
#include "ZoneResolver.h"

#include "TestPaths.h"

#include <QTest>

using namespace verifier;

namespace {

constexpr int64_t kSealTime = 1767225600; // t= of every seal in tests/data/arc
constexpr int64_t kNow = kSealTime + 3600;

std::string loadMessage(const QString &file) { return testpaths::readFile(testpaths::testData(QStringLiteral("arc/") + file)); }

// Replaces the first @p from at or after the field that starts with @p fieldStart.
bool replaceIn(std::string &m, const std::string &fieldStart, const std::string &from, const std::string &to)
{
    const size_t field = m.find(fieldStart);
    if (field == std::string::npos)
        return false;
    const size_t at = m.find(from, field);
    if (at == std::string::npos)
        return false;
    m.replace(at, from.size(), to);
    return true;
}

// Removes the whole header field (with its continuation lines) that starts with @p fieldStart.
bool removeField(std::string &m, const std::string &fieldStart)
{
    const size_t start = m.find(fieldStart);
    if (start == std::string::npos)
        return false;
    size_t end = m.find("\r\n", start);
    while (end != std::string::npos && end + 2 < m.size() && (m[end + 2] == ' ' || m[end + 2] == '\t'))
        end = m.find("\r\n", end + 2);
    if (end == std::string::npos)
        return false;
    m.erase(start, end + 2 - start);
    return true;
}

} // namespace

class tst_Arc : public QObject
{
    Q_OBJECT

private slots:
    void chain_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("change");      // how the message is altered before verifying
        QTest::addColumn<QStringList>("trusted"); // the user's trusted sealers
        QTest::addColumn<QString>("fromDomain");
        QTest::addColumn<QString>("result");
        QTest::addColumn<bool>("trustedSealer");
        QTest::addColumn<bool>("trustedDmarcPass");
        QTest::addColumn<int>("instances");
        QTest::addColumn<int>("oldestPass");
        QTest::addColumn<QString>("reasonHas");

        const QStringList net{QStringLiteral("example.net")};
        const QString com = QStringLiteral("example.com");
        const QString t = QStringLiteral("trusted-dmarc-pass.eml");
        const QString two = QStringLiteral("two-hops.eml");

        QTest::newRow("trusted-sealer-dmarc-pass") << t << QString() << net << com << "pass" << true << true << 1 << 1 << "validates";
        QTest::newRow("trusted-sealer-exact-domain")
            << t << QString() << QStringList{QStringLiteral("Forwarder.Example.NET.")} << com << "pass" << true << true << 1 << 1 << "";
        QTest::newRow("trusted-sealer-from-domain-differs")
            << t << QString() << net << QStringLiteral("example.org") << "pass" << true << false << 1 << 1 << "";
        QTest::newRow("trusted-sealer-no-from-domain") << t << QString() << net << QString() << "pass" << true << false << 1 << 1 << "";
        QTest::newRow("untrusted-sealer") << t << QString() << QStringList() << com << "pass" << false << false << 1 << 1 << "";
        QTest::newRow("untrusted-sealer-other-trusted")
            << t << QString() << QStringList{QStringLiteral("list.example.org")} << com << "pass" << false << false << 1 << 1 << "";
        QTest::newRow("broken-body-changed") << t << "body" << net << com << "fail" << false << false << 1 << 0 << "i=1";
        QTest::newRow("broken-seal-missing") << t << "drop-seal" << net << com << "fail" << false << false << 1 << 0 << "no ARC-Seal";
        QTest::newRow("broken-signature-too-early") << t << "future" << net << com << "fail" << false << false << 1 << 0 << "future";
        QTest::newRow("broken-key-lookup-temporary") << t << "servfail" << net << com << "fail" << false << false << 1 << 0 << "temporary";
        QTest::newRow("two-hops-trusted-newest-says-fail")
            << two << QString() << net << com << "pass" << true << false << 2 << 2 << "validates";
        QTest::newRow("two-hops-only-older-sealer-trusted")
            << two << QString() << QStringList{QStringLiteral("list.example.org")} << com << "pass" << false << false << 2 << 2 << "";
        QTest::newRow("two-hops-aar-edited-to-pass") << two << "aar-pass" << net << com << "fail" << false << false << 2 << 0 << "ARC-Seal of ARC set i=2";
        QTest::newRow("two-hops-cv-edited") << two << "cv-fail" << net << com << "fail" << false << false << 2 << 0 << "cv=fail";
        QTest::newRow("attacker-claims-dmarc-pass")
            << QStringLiteral("attacker-claims-pass.eml") << QString() << net << com << "pass" << false << false << 1 << 1 << "notexample.net";
        QTest::newRow("attacker-extends-trusted-chain")
            << QStringLiteral("attacker-extends-trusted.eml") << QString() << net << com << "pass" << false << false << 2 << 1 << "notexample.net";
        QTest::newRow("attacker-extends-trusted-chain-both-trusted")
            << QStringLiteral("attacker-extends-trusted.eml") << QString()
            << QStringList{QStringLiteral("example.net"), QStringLiteral("notexample.net")} << com << "pass" << true << true << 2 << 1 << "";
        QTest::newRow("no-arc-fields") << t << "strip-arc" << net << com << "none" << false << false << 0 << 0 << "no ARC";
    }

    void chain()
    {
        QFETCH(QString, file);
        QFETCH(QString, change);
        QFETCH(QStringList, trusted);
        QFETCH(QString, fromDomain);
        QFETCH(QString, result);
        QFETCH(bool, trustedSealer);
        QFETCH(bool, trustedDmarcPass);
        QFETCH(int, instances);
        QFETCH(int, oldestPass);
        QFETCH(QString, reasonHas);

        std::string bytes = loadMessage(file);
        QVERIFY2(!bytes.empty(), "test data missing: run scripts/make-arc-testdata.sh");
        ZoneResolver zone;
        auto loaded = zone.loadMasterFile(loadMessage(QStringLiteral("dns.zone")));
        QVERIFY(loaded.ok());
        QCOMPARE(*loaded, 3);
        int64_t now = kNow;
        if (change == QLatin1String("body")) {
            QVERIFY(replaceIn(bytes, "Hello Bob", "the figures", "the invoice"));
        } else if (change == QLatin1String("drop-seal")) {
            QVERIFY(removeField(bytes, "ARC-Seal:"));
        } else if (change == QLatin1String("future")) {
            now = kSealTime - 3600;
        } else if (change == QLatin1String("servfail")) {
            zone.setFailure("arc1._domainkey.forwarder.example.net", DnsStatus::ServFail);
        } else if (change == QLatin1String("aar-pass")) {
            QVERIFY(replaceIn(bytes, "ARC-Authentication-Results: i=2", "dmarc=fail", "dmarc=pass"));
        } else if (change == QLatin1String("cv-fail")) {
            QVERIFY(replaceIn(bytes, "ARC-Seal: i=2", "cv=pass", "cv=fail"));
        } else if (change == QLatin1String("strip-arc")) {
            while (removeField(bytes, "ARC-"))
                ;
        } else {
            QVERIFY(change.isEmpty());
        }

        std::vector<std::string> sealers;
        for (const QString &s : trusted)
            sealers.push_back(s.toStdString());
        auto message = Message::parse(bytes);
        QVERIFY(message.ok());
        const ArcResult r = verifyArc(*message, zone, now, sealers, fromDomain.toStdString());

        QCOMPARE(QString::fromUtf8(rfc8601Token(r.result).data()), result);
        QCOMPARE(r.trustedSealer, trustedSealer);
        QCOMPARE(r.trustedDmarcPass, trustedDmarcPass);
        QCOMPARE(r.instances, instances);
        QCOMPARE(r.oldestPass, oldestPass);
        QVERIFY2(r.reason.find(reasonHas.toStdString()) != std::string::npos, r.reason.c_str());
        if (r.result == AuthResult::Pass) {
            QCOMPARE(int(r.chain.size()), instances);
            for (int i = 0; i < instances; ++i) {
                const ArcInstance &inst = r.chain[size_t(i)];
                QCOMPARE(inst.instance, i + 1);
                QCOMPARE(inst.sealResult, AuthResult::Pass);
                QCOMPARE(QString::fromStdString(inst.cv), i == 0 ? QStringLiteral("none") : QStringLiteral("pass"));
                QCOMPARE(QString::fromStdString(inst.authservId), QString::fromStdString(inst.domain));
                QVERIFY(!inst.selector.empty());
                QVERIFY(!inst.authResults.empty());
                // Every AMS from oldestPass on validates; the one before it does not.
                QCOMPARE(inst.messageSignatureResult,
                         i + 1 >= r.oldestPass ? AuthResult::Pass : (i + 2 == r.oldestPass ? AuthResult::Fail : AuthResult::None));
            }
        }
    }

    void reasonIsEscapedAndBounded()
    {
        ZoneResolver zone;
        std::string m = loadMessage(QStringLiteral("trusted-dmarc-pass.eml"));
        // A seal whose cv= value holds a right-to-left override and a long tail.
        QVERIFY(replaceIn(m, "ARC-Seal: i=1", "cv=none", "cv=\xE2\x80\xAE" + std::string(2000, 'x')));
        auto message = Message::parse(m);
        QVERIFY(message.ok());
        const ArcResult r = verifyArc(*message, zone, kNow, {}, "example.com");
        QCOMPARE(r.result, AuthResult::Fail);
        QVERIFY2(r.reason.find("\\u202E") != std::string::npos, r.reason.c_str());
        QVERIFY(r.reason.find("\xE2\x80\xAE") == std::string::npos);
        QVERIFY(r.reason.size() < 500);
    }

    void reportsEachInstance()
    {
        ZoneResolver zone;
        QVERIFY(zone.loadMasterFile(loadMessage(QStringLiteral("dns.zone"))).ok());
        auto message = Message::parse(loadMessage(QStringLiteral("two-hops.eml")));
        QVERIFY(message.ok());
        const ArcResult r = verifyArc(*message, zone, kNow, {"example.net"}, "example.com");
        QCOMPARE(r.chain.size(), size_t(2));
        QCOMPARE(r.chain[0].domain, std::string("list.example.org"));
        QCOMPARE(r.chain[0].selector, std::string("lists"));
        QCOMPARE(r.chain[0].authservId, std::string("list.example.org"));
        QCOMPARE(r.chain[0].authResults,
                 std::string("list.example.org; dkim=pass header.d=example.com;  dmarc=pass header.from=example.com"));
        QCOMPARE(r.chain[0].messageSignatureResult, AuthResult::Fail); // the Subject was changed after i=1
        QCOMPARE(r.chain[1].domain, std::string("forwarder.example.net"));
        QCOMPARE(r.chain[1].selector, std::string("arc1"));
        QCOMPARE(r.chain[1].cv, std::string("pass"));
        QVERIFY(r.chain[1].authResults.find("dmarc=fail header.from=example.com") != std::string::npos);
    }
    void aarInstanceTag_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("instance"); // 0: the field is refused
        QTest::addColumn<bool>("payloadParsed");
        QTest::newRow("plain") << "i=1; mx.example.net; dmarc=pass header.from=example.com" << 1 << true;
        QTest::newRow("spaces-and-comment") << " (hop) i = 12 ;mx.example.net; none" << 12 << true;
        QTest::newRow("folded") << "\r\n i=50;\r\n mx.example.net; spf=pass smtp.mailfrom=a@example.com" << 50 << true;
        QTest::newRow("payload-unreadable") << "i=3; ;;;" << 3 << false;
        QTest::newRow("upper-case-tag") << "I=1; mx.example.net; none" << 0 << false;
        QTest::newRow("zero") << "i=0; mx.example.net; none" << 0 << false;
        QTest::newRow("above-50") << "i=51; mx.example.net; none" << 0 << false;
        QTest::newRow("no-semicolon") << "i=1 mx.example.net; none" << 0 << false;
        QTest::newRow("not-first") << "mx.example.net; i=1; none" << 0 << false;
        QTest::newRow("tag-only") << "i=1" << 0 << false;
        QTest::newRow("unterminated-comment") << "(i=1; mx.example.net; none" << 0 << false;
        QTest::newRow("empty") << "" << 0 << false;
    }

    void aarInstanceTag()
    {
        QFETCH(QString, value);
        QFETCH(int, instance);
        QFETCH(bool, payloadParsed);
        auto r = parseArcAuthenticationResults(value.toStdString());
        QCOMPARE(r.ok(), instance != 0);
        if (!r.ok())
            return;
        QCOMPARE(r->instance, instance);
        QCOMPARE(r->parsed.has_value(), payloadParsed);
        QCOMPARE(r->parseError.empty(), payloadParsed);
    }

    // Every prefix of every ARC field value: the parsers are total and never accept a value
    // whose required tags are cut off.
    void parsersAreTotal()
    {
        auto message = Message::parse(loadMessage(QStringLiteral("two-hops.eml")));
        QVERIFY(message.ok());
        int fields = 0;
        for (const HeaderField &f : message->fields()) {
            const std::string_view v = f.rawValue;
            if (f.is("ARC-Seal") || f.is("ARC-Message-Signature")) {
                const auto kind = f.is("ARC-Seal") ? ArcSignatureKind::Seal : ArcSignatureKind::MessageSignature;
                QVERIFY2(parseArcSignature(v, kind).ok(), parseArcSignature(v, kind).error.c_str());
                for (size_t n = 0; n < v.size(); ++n) {
                    const ArcSignatureParse p = parseArcSignature(v.substr(0, n), kind);
                    if (p.ok()) // only a cut inside the last tag's value can leave a valid field
                        QVERIFY(v.substr(0, n).find("b=") != std::string_view::npos);
                }
                ++fields;
            } else if (f.is("ARC-Authentication-Results")) {
                QVERIFY(parseArcAuthenticationResults(v).ok());
                for (size_t n = 0; n < v.size(); ++n)
                    (void)parseArcAuthenticationResults(v.substr(0, n));
                ++fields;
            }
        }
        QCOMPARE(fields, 6);
    }

    void sealTagRules_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("errorHas"); // empty: valid
        const QString base = QStringLiteral("i=2; a=rsa-sha256; cv=pass; d=example.net; s=arc; t=1; b=AAAA");
        QTest::newRow("valid") << base << "";
        QTest::newRow("cv-upper-case") << QString(base).replace(QStringLiteral("cv=pass"), QStringLiteral("cv=Pass")) << "";
        QTest::newRow("cv-unknown") << QString(base).replace(QStringLiteral("cv=pass"), QStringLiteral("cv=ok")) << "cv=";
        QTest::newRow("h-present") << base + QStringLiteral("; h=from") << "h= tag";
        QTest::newRow("sha1") << QString(base).replace(QStringLiteral("rsa-sha256"), QStringLiteral("rsa-sha1")) << "RFC 8301";
        QTest::newRow("domain-with-paren") << QString(base).replace(QStringLiteral("d=example.net"), QStringLiteral("d=example.net(.evil.example")) << "d=";
        QTest::newRow("instance-51") << QString(base).replace(QStringLiteral("i=2"), QStringLiteral("i=51")) << "instance";
        QTest::newRow("duplicate-tag") << base + QStringLiteral("; d=evil.example") << "twice";
        QTest::newRow("t-not-a-number") << QString(base).replace(QStringLiteral("t=1"), QStringLiteral("t=1 2")) << "t=";
        QTest::newRow("b-not-base64") << QString(base).replace(QStringLiteral("b=AAAA"), QStringLiteral("b=A!AA")) << "b=";
    }

    void sealTagRules()
    {
        QFETCH(QString, value);
        QFETCH(QString, errorHas);
        const ArcSignatureParse p = parseArcSignature(value.toStdString(), ArcSignatureKind::Seal);
        if (errorHas.isEmpty()) {
            QVERIFY2(p.ok(), p.error.c_str());
            QCOMPARE(p.signature.instance, 2);
            QCOMPARE(p.signature.chainValidation, std::string("pass"));
            return;
        }
        QVERIFY(!p.ok());
        QVERIFY2(p.error.find(errorHas.toStdString()) != std::string::npos, p.error.c_str());
    }

    void messageSignatureTagRules_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("errorHas"); // empty: valid
        QTest::addColumn<int>("signedCount");
        const QString base = QStringLiteral("i=1; a=rsa-sha256; d=example.net; s=arc; h=from:to; bh=AAAA; b=AAAA");
        QTest::newRow("valid") << base << "" << 2;
        QTest::newRow("h-empty") << QString(base).replace(QStringLiteral("h=from:to"), QStringLiteral("h=")) << "" << 0;
        QTest::newRow("h-empty-name") << QString(base).replace(QStringLiteral("h=from:to"), QStringLiteral("h=from::to")) << "" << 2;
        QTest::newRow("h-signs-seal") << QString(base).replace(QStringLiteral("h=from:to"), QStringLiteral("h=from:ARC-Seal")) << "ARC-Seal" << 0;
        QTest::newRow("no-bh") << QString(base).replace(QStringLiteral("bh=AAAA; "), QString()) << "bh=" << 0;
        QTest::newRow("c-unknown") << base + QStringLiteral("; c=loose") << "c=" << 0;
        QTest::newRow("v-tag-ignored") << base + QStringLiteral("; v=1") << "" << 2;
    }

    void messageSignatureTagRules()
    {
        QFETCH(QString, value);
        QFETCH(QString, errorHas);
        QFETCH(int, signedCount);
        const ArcSignatureParse p = parseArcSignature(value.toStdString(), ArcSignatureKind::MessageSignature);
        if (errorHas.isEmpty()) {
            QVERIFY2(p.ok(), p.error.c_str());
            QCOMPARE(int(p.signature.signedHeaders.size()), signedCount);
            QCOMPARE(p.signature.canonicalization.header, DkimCanonicalization::Simple); // RFC 6376 default
            return;
        }
        QVERIFY(!p.ok());
        QVERIFY2(p.error.find(errorHas.toStdString()) != std::string::npos, p.error.c_str());
    }
};

QTEST_GUILESS_MAIN(tst_Arc)
#include "tst_arc.moc"
