// Each clause of the verdict rules (ARCHITECTURE.md "Verdict") on a synthetic Report.
#include "Verdict.h"

#include <QTest>

using namespace verifier;

namespace {

Report base()
{
    Report r;
    r.from.kind = AddressListKind::One;
    r.from.fieldCount = 1;
    r.from.address = "alice@example.com";
    r.from.domain = "example.com";
    r.from.header = "Alice <alice@example.com>";
    return r;
}

DkimResult goodDkim(const char *domain = "example.com", bool aligned = true)
{
    DkimResult d;
    d.result = AuthResult::Pass;
    d.domain = domain;
    d.selector = "sel";
    d.keyBits = 2048;
    d.keyType = "rsa";
    d.aligned = aligned;
    d.bodyLength = 100;
    return d;
}

DmarcResult dmarc(AuthResult result, DmarcPolicy policy, bool dkimAligned = true)
{
    DmarcResult d;
    d.result = result;
    d.domain = "example.com";
    d.policy = policy;
    d.domainPolicy = policy;
    d.dkimAligned = dkimAligned;
    if (policy != DmarcPolicy::Unspecified)
        d.record = "v=DMARC1; p=" + std::string(dmarcPolicyName(policy));
    return d;
}

AuthResultsHeader trustedHeader(const char *method, const char *result, std::map<std::string, std::string> props = {})
{
    AuthResultsHeader h;
    h.authservId = "mx.provider.example";
    h.trusted = true;
    h.parsed = true;
    AuthMethodResult m;
    m.method = method;
    m.result = result;
    m.properties = std::move(props);
    h.methods.push_back(m);
    return h;
}

bool hasCode(const std::vector<Finding> &list, FindingCode code)
{
    for (const auto &f : list)
        if (f.code == code)
            return true;
    return false;
}

SignatureResult goodSignature()
{
    SignatureResult s;
    s.result = AuthResult::Pass;
    s.signer = "alice@example.com";
    s.trusted = true;
    s.matchesFrom = true;
    s.coversWholeBody = true;
    return s;
}

} // namespace

class tst_Verdict : public QObject
{
    Q_OBJECT
private slots:
    void authenticatedByDkim()
    {
        Report r = base();
        r.dkim.push_back(goodDkim());
        r.dmarc = dmarc(AuthResult::Pass, DmarcPolicy::Reject);
        decideVerdict(r);
        QCOMPARE(verdictName(r.verdict), std::string_view("authenticated"));
        QVERIFY(hasCode(r.reasons, FindingCode::DmarcPassDkim));
        QVERIFY(QByteArray::fromStdString(r.reasons[0].text).contains("example.com"));
    }
    void authenticatedBySpf()
    {
        Report r = base();
        r.spf = SpfResult{};
        r.spf->result = AuthResult::Pass;
        r.spf->domain = "example.com";
        r.dmarc = dmarc(AuthResult::Pass, DmarcPolicy::None, false);
        r.dmarc->spfAligned = true;
        decideVerdict(r);
        QCOMPARE(r.verdict, Verdict::Authenticated);
        QVERIFY(hasCode(r.reasons, FindingCode::DmarcPassSpf));
    }
    void partialDkimDoesNotAuthenticate_data()
    {
        QTest::addColumn<bool>("lengthLimit");
        QTest::addColumn<bool>("unsignedFrom");
        QTest::newRow("l= with appended body") << true << false;
        QTest::newRow("unsigned extra instance") << false << true;
    }
    void partialDkimDoesNotAuthenticate()
    {
        // "Composition Kills" §5: l= and added-header replays keep a valid signature.
        QFETCH(bool, lengthLimit);
        QFETCH(bool, unsignedFrom);
        Report r = base();
        DkimResult d = goodDkim();
        if (lengthLimit)
            d.bodyLengthLimit = 50;
        if (unsignedFrom)
            d.unsignedInstances = {"Subject"};
        r.dkim.push_back(d);
        r.dmarc = dmarc(AuthResult::Pass, DmarcPolicy::Reject);
        decideVerdict(r);
        QCOMPARE(r.verdict, Verdict::Suspicious);
        QVERIFY(hasCode(r.reasons, FindingCode::PartialDkimCoverage));
    }
    void otherDomainSignatureDoesNotUpgrade()
    {
        Report r = base();
        r.dkim.push_back(goodDkim("mailer.example.net", false));
        r.dmarc = dmarc(AuthResult::Fail, DmarcPolicy::None, false);
        decideVerdict(r);
        QCOMPARE(r.verdict, Verdict::Suspicious);
        QVERIFY(hasCode(r.reasons, FindingCode::DmarcFailNoPolicy));
        QVERIFY(hasCode(r.warnings, FindingCode::ReportedOnly));
    }
    void dmarcFailEnforced_data()
    {
        QTest::addColumn<int>("policy");
        QTest::addColumn<bool>("testing");
        QTest::addColumn<int>("expected");
        QTest::newRow("reject") << int(DmarcPolicy::Reject) << false << int(Verdict::Forged);
        QTest::newRow("quarantine") << int(DmarcPolicy::Quarantine) << false << int(Verdict::Forged);
        QTest::newRow("none") << int(DmarcPolicy::None) << false << int(Verdict::Suspicious);
        QTest::newRow("reject in testing") << int(DmarcPolicy::Reject) << true << int(Verdict::Suspicious);
    }
    void dmarcFailEnforced()
    {
        QFETCH(int, policy);
        QFETCH(bool, testing);
        QFETCH(int, expected);
        Report r = base();
        r.dmarc = dmarc(AuthResult::Fail, DmarcPolicy(policy), false);
        r.dmarc->testing = testing;
        decideVerdict(r);
        QCOMPARE(int(r.verdict), expected);
    }
    void arcOverride()
    {
        Report r = base();
        r.dmarc = dmarc(AuthResult::Fail, DmarcPolicy::Reject, false);
        r.arc = ArcResult{};
        r.arc->result = AuthResult::Pass;
        r.arc->trustedSealer = true;
        r.arc->trustedDmarcPass = true;
        r.arc->chain.push_back(ArcInstance{1, "lists.example.org"});
        decideVerdict(r);
        QVERIFY(r.verdict != Verdict::Forged);
        QVERIFY(hasCode(r.reasons, FindingCode::ArcOverride));
        // An attacker's own chain (not trusted) changes nothing.
        Report s = base();
        s.dmarc = dmarc(AuthResult::Fail, DmarcPolicy::Reject, false);
        s.arc = ArcResult{};
        s.arc->result = AuthResult::Pass;
        decideVerdict(s);
        QCOMPARE(s.verdict, Verdict::Forged);
    }
    void fromProblems_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("fields");
        QTest::addColumn<int>("expected");
        QTest::addColumn<int>("code");
        QTest::newRow("two From fields") << int(AddressListKind::Several) << 2 << int(Verdict::Forged)
                                         << int(FindingCode::MultipleFromFields);
        QTest::newRow("two mailboxes") << int(AddressListKind::Several) << 1 << int(Verdict::Forged)
                                       << int(FindingCode::MultipleFromMailboxes);
        QTest::newRow("ambiguous") << int(AddressListKind::Ambiguous) << 1 << int(Verdict::Forged)
                                   << int(FindingCode::FromAmbiguous);
        QTest::newRow("unreadable") << int(AddressListKind::Invalid) << 1 << int(Verdict::Forged)
                                    << int(FindingCode::FromInvalid);
        QTest::newRow("missing") << int(AddressListKind::None) << 0 << int(Verdict::Unauthenticated)
                                 << int(FindingCode::FromMissing);
    }
    void fromProblems()
    {
        QFETCH(int, kind);
        QFETCH(int, fields);
        QFETCH(int, expected);
        QFETCH(int, code);
        Report r = base();
        r.from.kind = AddressListKind(kind);
        r.from.fieldCount = fields;
        r.from.address.reset();
        // Even a perfect signature cannot save an ambiguous author.
        r.dkim.push_back(goodDkim());
        r.dmarc = dmarc(AuthResult::Pass, DmarcPolicy::Reject);
        decideVerdict(r);
        QCOMPARE(int(r.verdict), expected);
        QVERIFY(hasCode(r.reasons, FindingCode(code)));
    }
    void signatures_data()
    {
        QTest::addColumn<int>("result");
        QTest::addColumn<bool>("trusted");
        QTest::addColumn<bool>("matches");
        QTest::addColumn<bool>("whole");
        QTest::addColumn<int>("expected");
        QTest::newRow("valid") << int(AuthResult::Pass) << true << true << true << int(Verdict::Authenticated);
        QTest::newRow("invalid") << int(AuthResult::Fail) << true << true << true << int(Verdict::Forged);
        QTest::newRow("broken structure") << int(AuthResult::PermError) << true << true << true << int(Verdict::Forged);
        QTest::newRow("other identity") << int(AuthResult::Pass) << true << false << true << int(Verdict::Forged);
        QTest::newRow("partial") << int(AuthResult::Pass) << true << true << false << int(Verdict::Suspicious);
        QTest::newRow("untrusted") << int(AuthResult::Pass) << false << true << true << int(Verdict::Unauthenticated);
        QTest::newRow("unknown key") << int(AuthResult::Neutral) << false << false << true << int(Verdict::Unauthenticated);
    }
    void signatures()
    {
        QFETCH(int, result);
        QFETCH(bool, trusted);
        QFETCH(bool, matches);
        QFETCH(bool, whole);
        QFETCH(int, expected);
        for (int kind = 0; kind < 2; ++kind) {
            Report r = base();
            SignatureResult s = goodSignature();
            s.result = AuthResult(result);
            s.trusted = trusted;
            s.matchesFrom = matches;
            s.coversWholeBody = whole;
            if (!whole)
                s.unsignedParts = {"part 2 text/plain"};
            (kind == 0 ? r.smime : r.pgp) = s;
            decideVerdict(r);
            QCOMPARE(int(r.verdict), expected);
        }
    }
    void reportedDmarcFail()
    {
        Report r = base();
        r.dkim.push_back(goodDkim());
        r.dmarc = dmarc(AuthResult::Pass, DmarcPolicy::Reject);
        r.authenticationResults.push_back(trustedHeader("dmarc", "fail", {{"header.from", "example.com"}}));
        decideVerdict(r);
        QCOMPARE(r.verdict, Verdict::Forged); // the weaker wins
        QVERIFY(hasCode(r.reasons, FindingCode::ReportedDmarcFail));
        // An untrusted header with the same words changes nothing.
        Report s = base();
        s.dkim.push_back(goodDkim());
        s.dmarc = dmarc(AuthResult::Pass, DmarcPolicy::Reject);
        s.authenticationResults.push_back(trustedHeader("dmarc", "fail", {{"header.from", "example.com"}}));
        s.authenticationResults.back().trusted = false;
        s.authenticationResults.back().trustReason = "authserv-id not trusted";
        decideVerdict(s);
        QCOMPARE(s.verdict, Verdict::Authenticated);
        QVERIFY(hasCode(s.warnings, FindingCode::UntrustedAuthResults));
    }
    void keyWithdrawnAfterDelivery()
    {
        // Old mail (delivered two days before the check): the provider's report stands in.
        Report r = base();
        ReceivedHop hop;
        hop.time = 1'700'000'000;
        r.received.push_back(hop);
        r.boundaryHop = 0;
        r.verifiedAt = 1'700'000'000 + 2 * 86400;
        DkimResult d = goodDkim();
        d.result = AuthResult::PermError;
        d.failure = DkimFailure::KeyNotFound;
        r.dkim.push_back(d);
        r.dmarc = dmarc(AuthResult::Fail, DmarcPolicy::Reject, false);
        r.authenticationResults.push_back(
            trustedHeader("dkim", "pass", {{"header.d", "example.com"}, {"header.s", "sel"}}));
        r.authenticationResults.back().methods.push_back(
            AuthMethodResult{"dmarc", "pass", "", {{"header.from", "example.com"}}});
        decideVerdict(r);
        QCOMPARE(r.verdict, Verdict::Authenticated);
        QVERIFY(hasCode(r.reasons, FindingCode::DkimPassReported));
    }
    void disagreementNotExplainedByTime()
    {
        Report r = base();
        DkimResult d = goodDkim();
        d.result = AuthResult::Fail;
        d.failure = DkimFailure::BodyHashMismatch;
        r.dkim.push_back(d);
        r.dmarc = dmarc(AuthResult::Fail, DmarcPolicy::None, false);
        r.authenticationResults.push_back(trustedHeader("dkim", "pass", {{"header.d", "example.com"}}));
        decideVerdict(r);
        QCOMPARE(r.verdict, Verdict::Suspicious);
        QVERIFY(hasCode(r.reasons, FindingCode::SourcesDisagree));
    }
    void reportedFailBeatsRecomputedPass()
    {
        Report r = base();
        r.dkim.push_back(goodDkim());
        r.dmarc = dmarc(AuthResult::Pass, DmarcPolicy::Reject);
        r.authenticationResults.push_back(trustedHeader("dkim", "fail", {{"header.d", "example.com"}}));
        decideVerdict(r);
        QVERIFY(r.verdict != Verdict::Authenticated);
        QVERIFY(hasCode(r.warnings, FindingCode::SourcesDisagree));
    }
    void senderAnalysisMakesSuspicious()
    {
        Report r = base();
        r.dkim.push_back(goodDkim());
        r.dmarc = dmarc(AuthResult::Pass, DmarcPolicy::Reject);
        VerdictInputs in;
        in.suspicious.push_back(makeFinding(FindingCode::LookalikeDomain, {"examp1e.com", "example.com"}));
        decideVerdict(r, in);
        QCOMPARE(r.verdict, Verdict::Suspicious);
        QCOMPARE(QByteArray::fromStdString(r.reasons[0].text),
                 QByteArray("The sender's domain examp1e.com looks like example.com but is a different domain"));
    }
    void unauthenticated()
    {
        Report r = base();
        r.dmarc = dmarc(AuthResult::None, DmarcPolicy::Unspecified, false);
        decideVerdict(r);
        QCOMPARE(r.verdict, Verdict::Unauthenticated);
        QVERIFY(hasCode(r.reasons, FindingCode::NoDmarcRecord));
        Report s = base();
        decideVerdict(s);
        QCOMPARE(s.verdict, Verdict::Unauthenticated);
        QVERIFY(hasCode(s.reasons, FindingCode::NothingAuthenticates));
    }
    void everyFindingHasText()
    {
        for (int c = 0; c <= int(FindingCode::Other); ++c) {
            const std::string t = findingText(FindingCode(c), {"a", "b", "c"});
            QVERIFY2(!t.empty(), findingCodeName(FindingCode(c)).data());
            QVERIFY(!findingCodeName(FindingCode(c)).empty());
        }
    }
};

QTEST_APPLESS_MAIN(tst_Verdict)
#include "tst_verdict.moc"
