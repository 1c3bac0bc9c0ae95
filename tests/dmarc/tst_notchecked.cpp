// A DNS failure is not a verdict (ARCHITECTURE.md "Verdict"; issue-24 items 1 and 2): a forwarded
// bank message whose aligned DKIM key cannot be fetched is "not checked", never forged; proof of
// forgery does not wait for DNS; signatures by other domains whose name servers never answer
// cannot erase "forged" and are not all looked up.
#include "Verifier.h"
#include "ZoneResolver.h"

#include <QTest>

using namespace verifier;

namespace {

constexpr int64_t kNow = 1'797'724'800; // 2026-12-20; the message arrived an hour earlier

std::string message(int deadSignatures, bool twoFroms = false)
{
    std::string m = "Received: from forwarder.example.net (forwarder.example.net [198.51.100.7]) by mx.example.org"
                    " with ESMTPS id 1; Sat, 19 Dec 2026 23:00:00 +0000\r\n"
                    "Return-Path: <alerts@bank.example>\r\n";
    for (int i = 0; i < deadSignatures; ++i)
        m += "DKIM-Signature: v=1; a=rsa-sha256; d=dead" + std::to_string(i) +
             ".example; s=s; h=from; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=AAAA\r\n";
    m += "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=bank.example; s=k1; h=from:subject;"
         " bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=AAAA\r\n"
         "From: Bank <alerts@bank.example>\r\n";
    if (twoFroms)
        m += "From: Other <x@other.example>\r\n";
    m += "Subject: Statement\r\n\r\nbody\r\n";
    return m;
}

ZoneResolver zone(DnsStatus keyStatus)
{
    ZoneResolver z;
    z.addTxt("_dmarc.bank.example", {"v=DMARC1; p=reject"});
    z.addTxt("bank.example", {"v=spf1 ip4:192.0.2.0/24 -all"});
    z.addAddress("bank.example", "192.0.2.1");
    if (keyStatus != DnsStatus::NxDomain)
        z.setFailure("k1._domainkey.bank.example", keyStatus);
    for (int i = 0; i < 8; ++i)
        z.setFailure("s._domainkey.dead" + std::to_string(i) + ".example", DnsStatus::Timeout);
    return z;
}

Report run(const std::string &text, const Resolver &resolver)
{
    auto m = Message::parse(text);
    if (!m)
        qFatal("test message does not parse");
    VerifyContext c;
    c.resolver = &resolver;
    c.now = kNow;
    c.signatures.enableOpenPgp = false;
    return verify(*m, c);
}

int evaluated(const Report &r)
{
    int n = 0;
    for (const auto &d : r.dkim)
        n += d.failure == DkimFailure::NotEvaluated ? 0 : 1;
    return n;
}

} // namespace

class tst_NotChecked : public QObject
{
    Q_OBJECT
private slots:
    void keyLookupFailsIsNotChecked_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("SERVFAIL") << int(DnsStatus::ServFail);
        QTest::newRow("timeout") << int(DnsStatus::Timeout);
    }
    void keyLookupFailsIsNotChecked()
    {
        QFETCH(int, status);
        const ZoneResolver z = zone(DnsStatus(status));
        const Report r = run(message(0), z);
        QCOMPARE(r.spf->result, AuthResult::Fail); // forwarded: SPF cannot carry it
        QCOMPARE(r.dmarc->result, AuthResult::TempError);
        QCOMPARE(r.verdict, Verdict::NotChecked);
        QCOMPARE(r.reasons.front().code, FindingCode::NotCheckedDns);
        QVERIFY(QByteArray::fromStdString(r.reasons.front().text).contains("try again"));
    }
    void keyMissingOnFreshMailIsForged()
    {
        const ZoneResolver z = zone(DnsStatus::NxDomain);
        const Report r = run(message(0), z);
        QCOMPARE(r.verdict, Verdict::Forged);
    }
    void proofOfForgeryDoesNotWaitForDns()
    {
        const ZoneResolver z = zone(DnsStatus::Timeout);
        const Report r = run(message(0, true), z);
        QCOMPARE(r.verdict, Verdict::Forged);
    }
    void deadSignaturesOfOtherDomainsChangeNothing()
    {
        // Issue 24 item 2: extra signatures naming domains whose servers never answer.
        const ZoneResolver z = zone(DnsStatus::NxDomain);
        const Report r = run(message(6), z);
        QCOMPARE(r.verdict, Verdict::Forged);
        QCOMPARE(r.dkim.size(), size_t(7));
        // The bank's own signature and at most three of the others were looked up.
        QCOMPARE(evaluated(r), 1 + 3);
        QCOMPARE(r.dkim.back().domain, std::string("bank.example"));
        QVERIFY(r.dkim.back().failure != DkimFailure::NotEvaluated);
    }
};

QTEST_GUILESS_MAIN(tst_NotChecked)
#include "tst_notchecked.moc"
