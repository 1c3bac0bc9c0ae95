// Provider profiles applied to whole headers (ARCHITECTURE.md "Providers"): the trust boundary,
// the SMTP client, which Authentication-Results fields count, and the verdict of old mail whose
// keys are gone. The messages follow the layouts real providers write (the real-mail corpus's
// FINDINGS, docs/providers.md), with example names and documentation addresses; every row also
// runs without the profile, where nothing may be trusted more than before.
#include "ProviderProfiles.h"
#include "Verifier.h"
#include "ZoneResolver.h"

#include <QTest>

using namespace verifier;

namespace {

std::string crlf(std::initializer_list<const char *> l)
{
    std::string s;
    for (const char *x : l) {
        s += x;
        s += "\r\n";
    }
    return s;
}

// 2026-11-20: "now" below is a month later, so the mail is old and its (absent) keys are gone.
constexpr int64_t kNow = 1'797'724'800; // 2026-12-20

// Microsoft 365: internal hops named by HELO and 2603:10b6::/32 or 10/8 addresses, an
// Authentication-Results field without an authserv-id above the frontend hop.
const std::string kMicrosoft = crlf({
    "Received: from SN6PR04MB4480.namprd04.prod.outlook.com (2603:10b6:805:a5::20) by",
    " SA1PR04MB8231.namprd04.prod.outlook.com with HTTPS; Fri, 20 Nov 2026 10:00:05 +0000",
    "Received: from DM5PR04CA0035.namprd04.prod.outlook.com (2603:10b6:3:12b::21) by",
    " SN6PR04MB4480.namprd04.prod.outlook.com (2603:10b6:805:a5::20) with Microsoft SMTP Server",
    " (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.1; Fri, 20 Nov 2026 10:00:04 +0000",
    "Received: from BY2NAM03FT014.eop-NAM03.prod.protection.outlook.com (2603:10b6:3:12b:cafe::3) by",
    " DM5PR04CA0035.outlook.office365.com (2603:10b6:3:12b::21) with Microsoft SMTP Server",
    " (version=TLS1_2) id 15.20.2; Fri, 20 Nov 2026 10:00:03 +0000",
    "Authentication-Results: spf=pass (sender IP is 198.51.100.25)",
    " smtp.mailfrom=news.example.org; dkim=pass (signature was verified)",
    " header.d=news.example.org;dmarc=pass action=none",
    " header.from=news.example.org;compauth=pass reason=100",
    "Received-SPF: Pass (protection.outlook.com: domain of news.example.org designates 198.51.100.25 as",
    " permitted sender) receiver=protection.outlook.com; client-ip=198.51.100.25; helo=out.news.example.org;",
    "Received: from out.news.example.org (198.51.100.25) by",
    " BY2NAM03FT014.mail.protection.outlook.com (10.152.84.239) with Microsoft SMTP Server",
    " (version=TLS1_3) id 15.20.3 via Frontend Transport; Fri, 20 Nov 2026 10:00:02 +0000",
    "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=news.example.org; s=gone; h=from:subject;",
    " bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",
    "From: News <news@news.example.org>",
    "Subject: Weekly",
    "Date: Fri, 20 Nov 2026 09:59:00 +0000",
    "Message-ID: <1@news.example.org>",
    "",
    ""});

// Fastmail: internal hops with private addresses above the MX, four fields with one id.
const std::string kFastmail = crlf({
    "Received: from compute5.internal (compute5.nyi.internal [10.202.2.45])",
    " by sloti53n25 (Cyrus 3.9) with LMTPA; Fri, 20 Nov 2026 10:00:05 -0500",
    "Received: from mx3 ([10.202.2.202]) by compute5.internal (LMTPProxy); Fri, 20 Nov 2026 10:00:05 -0500",
    "Received: from mx3.messagingengine.com (localhost [127.0.0.1])",
    " by mailmx.nyi.internal (Postfix) with ESMTP id 1; Fri, 20 Nov 2026 10:00:04 -0500",
    "Received: from mailmx.nyi.internal (localhost [127.0.0.1])",
    " by mx3.messagingengine.com (Authentication Milter) with ESMTP id 2; Fri, 20 Nov 2026 10:00:04 -0500",
    "Authentication-Results: mx3.messagingengine.com; x-csa=none; x-me-sender=none; x-ptr=pass",
    "Authentication-Results: mx3.messagingengine.com; bimi=skipped (DMARC policy is none)",
    "Authentication-Results: mx3.messagingengine.com; arc=none (no signatures found)",
    "Authentication-Results: mx3.messagingengine.com; dkim=pass (2048-bit rsa key sha256)",
    " header.d=news.example.org header.i=@news.example.org header.b=AbCdEfGh header.a=rsa-sha256;",
    " dmarc=pass policy.published-domain-policy=reject header.from=news.example.org;",
    " spf=pass smtp.mailfrom=news.example.org smtp.helo=out.news.example.org",
    "Received: from out.news.example.org (out.news.example.org [198.51.100.25])",
    " by mx3.messagingengine.com (Postfix) with ESMTPS id 3; Fri, 20 Nov 2026 10:00:03 -0500",
    "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=news.example.org; s=gone; h=from:subject;",
    " bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",
    "From: News <news@news.example.org>",
    "Subject: Weekly",
    "Message-ID: <2@news.example.org>",
    "",
    ""});

// iCloud: one id per method.
const std::string kIcloud = crlf({
    "Received: from outbound.example.org (outbound.example.org [198.51.100.25])",
    " by ms-mx1.icloud.example (Postfix) with ESMTPS id 4; Fri, 20 Nov 2026 10:00:03 +0000",
    "Authentication-Results: dmarc.icloud.com; dmarc=pass header.from=news.example.org",
    "Authentication-Results: dkim-verifier.icloud.com; dkim=pass (2048-bit key) header.d=news.example.org",
    " header.i=@news.example.org header.b=AbCdEfGh",
    "Authentication-Results: spf.icloud.com; spf=pass (spf.icloud.com: domain of news.example.org designates",
    " 198.51.100.25 as permitted sender) smtp.mailfrom=news.example.org",
    "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=news.example.org; s=gone; h=from:subject;",
    " bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",
    "From: News <news@news.example.org>",
    "Subject: Weekly",
    "",
    ""});

// Yahoo before 2019 (the realmail corpus's yahoo-bounce-legacy-field-2018): from= notes around
// the results and "dkim=pass (ok)" naming no domain. SIGNATURES is replaced per row.
const std::string kYahooLegacy = crlf({
    "Authentication-Results: mta4007.mail.ne1.yahoo.com  from=yahoo.com; domainkeys=neutral (no sig);",
    "  from=yahoo.com; dkim=pass (ok)",
    "Received: from 127.0.0.1  (EHLO sonic307-14.consmr.mail.sg3.yahoo.com) (106.10.241.3)",
    "  by mta4007.mail.ne1.yahoo.com with SMTPS; Mon, 21 May 2018 05:31:50 +0000",
    "SIGNATURES",
    "Date: Mon, 21 May 2018 05:31:48 +0000",
    "From: MAILER-DAEMON@yahoo.com",
    "Subject: Failure Notice",
    "",
    ""});

std::string withSignatures(std::initializer_list<const char *> domains)
{
    std::string sigs;
    for (const char *d : domains)
        sigs += std::string("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=") + d +
                "; s=bounce; h=From:Subject; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=AbCd\r\n";
    std::string m = kYahooLegacy;
    m.replace(m.find("SIGNATURES\r\n"), std::string("SIGNATURES\r\n").size(), sigs);
    return m;
}

Report run(const std::string &text, const char *profile, std::vector<std::string> ids = {})
{
    static const ZoneResolver empty;
    auto m = Message::parse(text);
    if (!m)
        qFatal("test message does not parse");
    VerifyContext c;
    c.resolver = &empty;
    c.now = kNow;
    c.signatures.enableOpenPgp = false;
    c.trust.authservIds = std::move(ids);
    if (profile)
        c.trust.provider = sealcheck::findProviderProfile(QString::fromLatin1(profile));
    return verify(*m, c);
}

int trustedFields(const Report &r)
{
    int n = 0;
    for (const auto &h : r.authenticationResults) {
        n += h.trusted ? 1 : 0;
        if (!h.trusted)
            qDebug("untrusted field %zu: %s %s", h.fieldIndex, h.trustReason.c_str(), h.parseError.c_str());
    }
    return n;
}

} // namespace

class tst_ProviderTrust : public QObject
{
    Q_OBJECT
private slots:
    void microsoft365()
    {
        const Report r = run(kMicrosoft, "microsoft365");
        QCOMPARE(QString::fromStdString(r.provider), QStringLiteral("microsoft365"));
        QCOMPARE(r.boundaryHop, 3);
        QCOMPARE(QString::fromStdString(r.spf->clientIp), QStringLiteral("198.51.100.25"));
        QCOMPARE(trustedFields(r), 1);
        QCOMPARE(r.authenticationResults[0].authservId, std::string());
        QCOMPARE(r.verdict, Verdict::Authenticated);
        QCOMPARE(QString::fromStdString(r.authenticatedDomain), QStringLiteral("news.example.org"));
        QCOMPARE(r.reasons[0].code, FindingCode::DkimPassReported);

        // Without the profile: the topmost internal hop is the boundary (SPF against a Microsoft
        // address), the id-less field is not even readable, and the old mail is unauthenticated.
        const Report none = run(kMicrosoft, nullptr);
        QCOMPARE(none.boundaryHop, 0);
        QCOMPARE(trustedFields(none), 0);
        QCOMPARE(none.verdict, Verdict::Unauthenticated);
        QCOMPARE(none.reasons[0].code, FindingCode::NoLongerVerifiable);
    }
    void microsoft365Encoded()
    {
        // Some Microsoft fields are RFC 2047 encoded words.
        std::string text = kMicrosoft;
        const std::string plain = "Authentication-Results: spf=pass (sender IP is 198.51.100.25)\r\n";
        const size_t at = text.find(plain);
        QVERIFY(at != std::string::npos);
        const size_t end = text.find("Received-SPF:", at);
        text.replace(at, end - at,
                     "Authentication-Results: =?us-ascii?Q?spf=3Dpass_(sender_IP_is_198.51.100.25)?=\r\n"
                     " =?us-ascii?Q?_smtp.mailfrom=3Dnews.example.org;_dkim=3Dpass_header.d=3Dnews.example.org;?=\r\n"
                     " =?us-ascii?Q?dmarc=3Dpass_action=3Dnone_header.from=3Dnews.example.org?=\r\n");
        const Report r = run(text, "microsoft365");
        QCOMPARE(trustedFields(r), 1);
        QCOMPARE(r.verdict, Verdict::Authenticated);
    }
    void idlessFieldBelowTheBoundaryIsNotTrusted()
    {
        // A sender's own id-less field as the first line of its message.
        std::string text = kMicrosoft;
        const size_t at = text.find("DKIM-Signature:");
        text.insert(at, "Authentication-Results: dkim=pass header.d=news.example.org; dmarc=pass "
                        "header.from=news.example.org\r\n");
        const Report r = run(text, "microsoft365");
        QCOMPARE(r.authenticationResults.size(), size_t(2));
        QVERIFY(r.authenticationResults[0].trusted);
        QVERIFY(!r.authenticationResults[1].trusted);
    }
    void fastmail()
    {
        // The user trusts the id only (no profile): private addresses already mark the internal
        // hops, and all four fields above the MX's Received are read.
        const Report r = run(kFastmail, nullptr, {"mx3.messagingengine.com"});
        QCOMPARE(r.boundaryHop, 4);
        QCOMPARE(QString::fromStdString(r.spf->clientIp), QStringLiteral("198.51.100.25"));
        QCOMPARE(trustedFields(r), 4);
        QCOMPARE(r.verdict, Verdict::Authenticated);
        // With the profile, the id family mx*.messagingengine.com is trusted without typing it.
        const Report p = run(kFastmail, "fastmail");
        QCOMPARE(trustedFields(p), 4);
        QCOMPARE(p.verdict, Verdict::Authenticated);
        // Trusting nothing: the same boundary, nothing trusted, unauthenticated (never forged).
        const Report none = run(kFastmail, nullptr);
        QCOMPARE(none.boundaryHop, 4);
        QCOMPARE(none.verdict, Verdict::Unauthenticated);
    }
    // Mail from Fastmail itself (or between two Fastmail users), as in the dkim_verifier corpus's
    // "Fastmail from Fastmail" messages: it reaches the MX from Fastmail's outbound server on a
    // private address. The profile's outbound_hosts make that hop the boundary; a sender that only
    // calls itself by that name from the Internet changes nothing (the boundary can only move up).
    void fastmailOwnMail()
    {
        std::string own = kFastmail;
        const std::string inbound = "Received: from out.news.example.org (out.news.example.org [198.51.100.25])\r\n"
                                    " by mx3.messagingengine.com (Postfix) with ESMTPS id 3; Fri, 20 Nov 2026 10:00:03 -0500\r\n";
        const size_t at = own.find(inbound);
        QVERIFY(at != std::string::npos);
        own.replace(at, inbound.size(),
                    "Received: from mailmx.nyi.internal (localhost [127.0.0.1])\r\n"
                    " by mx3.messagingengine.com (Authentication Milter) with ESMTP id 3; Fri, 20 Nov 2026 10:00:03 -0500\r\n"
                    "Received: from mailout.nyi.internal (outbound1.nyi.internal [10.202.2.181])\r\n"
                    " by mailmx.nyi.internal (Postfix) with ESMTPS id 4; Fri, 20 Nov 2026 10:00:03 -0500\r\n"
                    "Received: from compute6.internal (compute6.nyi.internal [10.202.2.47])\r\n"
                    " by mailout.nyi.internal (Postfix) with ESMTP id 5; Fri, 20 Nov 2026 10:00:02 -0500\r\n"
                    "Received: by mailuser.nyi.internal (Postfix, from userid 0) id 6; Fri, 20 Nov 2026 10:00:01 -0500\r\n");
        const Report p = run(own, "fastmail");
        QCOMPARE(p.boundaryHop, 5);
        QCOMPARE(QString::fromStdString(p.received[5].ip), QStringLiteral("10.202.2.181"));
        QCOMPARE(trustedFields(p), 4);
        // Without the profile the private addresses all look internal: the boundary is lower.
        const Report idOnly = run(own, nullptr, {"mx3.messagingengine.com"});
        QVERIFY(idOnly.boundaryHop != 5);

        // An outside sender naming itself mailout.nyi.internal: still the boundary, same trust.
        std::string spoof = kFastmail;
        const size_t s = spoof.find("Received: from out.news.example.org (out.news.example.org");
        QVERIFY(s != std::string::npos);
        spoof.replace(s, std::string("Received: from out.news.example.org (out.news.example.org").size(),
                      "Received: from mailout.nyi.internal (out.news.example.org");
        const Report sp = run(spoof, "fastmail");
        QCOMPARE(sp.boundaryHop, 4);
        QCOMPARE(QString::fromStdString(sp.spf->clientIp), QStringLiteral("198.51.100.25"));
    }
    void yahooLegacyField()
    {
        // With the profile: the from= notes are read past and the domainless dkim=pass is the
        // message's only signature's; old mail whose key is gone stays authenticated.
        const Report p = run(withSignatures({"yahoo.com"}), "yahoo");
        QCOMPARE(trustedFields(p), 1);
        QCOMPARE(QString::fromStdString(p.authenticationResults[0].methods.at(1).properties.at("header.d")),
                 QStringLiteral("yahoo.com"));
        QVERIFY(QString::fromStdString(p.authenticationResults[0].trustReason).contains(QLatin1String("older form")));
        QCOMPARE(p.verdict, Verdict::Authenticated);
        // The id alone, without the profile, does not stretch the grammar: the field is unread.
        const Report idOnly = run(withSignatures({"yahoo.com"}), nullptr, {"mta4007.mail.ne1.yahoo.com"});
        QVERIFY(!idOnly.authenticationResults[0].parsed);
        QCOMPARE(idOnly.verdict, Verdict::Unauthenticated);
        // Two signatures: the pass cannot be placed, nothing stands in.
        const Report two = run(withSignatures({"yahoo.com", "other.example"}), "yahoo");
        QVERIFY(!two.authenticationResults[0].methods.at(1).properties.count("header.d"));
        QVERIFY(two.verdict != Verdict::Authenticated);
        // The only signature is someone else's: the pass is theirs, not aligned with yahoo.com.
        const Report other = run(withSignatures({"attacker.example"}), "yahoo");
        QCOMPARE(QString::fromStdString(other.authenticationResults[0].methods.at(1).properties.at("header.d")),
                 QStringLiteral("attacker.example"));
        QVERIFY(other.verdict != Verdict::Authenticated);
    }
    void icloud()
    {
        const Report r = run(kIcloud, "icloud");
        QCOMPARE(trustedFields(r), 3);
        QCOMPARE(r.verdict, Verdict::Authenticated);
        // A typed wildcard is not a profile: "*.icloud.com" as a user's id matches nothing.
        const Report typed = run(kIcloud, nullptr, {"*.icloud.com"});
        QCOMPARE(trustedFields(typed), 0);
    }
    void forgedCopyBelowTheProvidersOwn()
    {
        // Gmail layout: its field directly below its Received. The sender's message starts with
        // a copy claiming a pass: only the provider's first report of each method counts.
        const std::string text = crlf({
            "Received: from out.evil.example (out.evil.example [203.0.113.9]) by mx.google.com with ESMTPS id 5;",
            " Fri, 20 Nov 2026 10:00:03 -0800",
            "Received-SPF: pass (google.com: domain of x@evil.example designates 203.0.113.9 as permitted sender)",
            "Authentication-Results: mx.google.com; dkim=fail header.i=@bank.example; spf=pass",
            " smtp.mailfrom=x@evil.example; dmarc=fail (p=REJECT sp=REJECT dis=QUARANTINE) header.from=bank.example",
            "Authentication-Results: mx.google.com; dkim=pass header.i=@bank.example; dmarc=pass header.from=bank.example",
            "DKIM-Signature: v=1; a=rsa-sha256; d=bank.example; s=never; h=from; bh=AAAA; b=AAAA",
            "From: Bank <alerts@bank.example>",
            "Subject: Your account",
            "",
            ""});
        const Report r = run(text, "gmail");
        QCOMPARE(r.authenticationResults.size(), size_t(2));
        QVERIFY(r.authenticationResults[0].trusted);
        QVERIFY(!r.authenticationResults[1].trusted);
        QVERIFY(QString::fromStdString(r.authenticationResults[1].trustReason).contains(QStringLiteral("only the first counts")));
        QCOMPARE(r.verdict, Verdict::Forged);
    }
};

QTEST_GUILESS_MAIN(tst_ProviderTrust)
#include "tst_providertrust.moc"
