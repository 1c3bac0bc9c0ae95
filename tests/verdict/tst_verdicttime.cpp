// The verdict rules added for real mail (ARCHITECTURE.md "Verdict", "Evidence that time has made
// unverifiable"): fresh versus old mail, a trusted report standing in, not-checked, DMARC without
// a record, the user's exception, ARC recorded by the provider, and who authenticated ("via").
#include "Verdict.h"

#include <QTest>

using namespace verifier;

namespace {

constexpr int64_t kArrival = 1'700'000'000;

Report base(int64_t checkedAfterSeconds)
{
    Report r;
    r.from.kind = AddressListKind::One;
    r.from.fieldCount = 1;
    r.from.address = "alice@bank.example";
    r.from.domain = "bank.example";
    ReceivedHop hop;
    hop.time = kArrival;
    r.received.push_back(hop);
    r.boundaryHop = 0;
    r.verifiedAt = kArrival + checkedAfterSeconds;
    return r;
}

DkimResult signature(AuthResult result, DkimFailure failure, const char *domain = "bank.example", bool aligned = true)
{
    DkimResult d;
    d.result = result;
    d.failure = failure;
    d.domain = domain;
    d.selector = "s2016";
    d.keyBits = 2048;
    d.keyType = "rsa";
    d.aligned = aligned;
    d.bodyLength = 100;
    d.signatureStart = "AbCdEfGhIjKlMnOp";
    return d;
}

DmarcResult dmarc(AuthResult result, DmarcPolicy policy)
{
    DmarcResult d;
    d.result = result;
    d.domain = "bank.example";
    d.policy = policy;
    d.domainPolicy = policy;
    return d;
}

AuthResultsHeader trusted(std::vector<AuthMethodResult> methods, const char *id = "mx.provider.example")
{
    AuthResultsHeader h;
    h.authservId = id;
    h.trusted = true;
    h.parsed = true;
    h.methods = std::move(methods);
    return h;
}

AuthMethodResult method(const char *name, const char *result, std::map<std::string, std::string> props = {})
{
    return AuthMethodResult{name, result, "", std::move(props)};
}

bool hasCode(const std::vector<Finding> &list, FindingCode code)
{
    for (const auto &f : list)
        if (f.code == code)
            return true;
    return false;
}

constexpr int64_t kDays = 86400;

} // namespace

class tst_VerdictTime : public QObject
{
    Q_OBJECT
private slots:
    void retiredKeyOnOldMail_data()
    {
        QTest::addColumn<int>("failure");
        QTest::addColumn<QString>("report");
        QTest::addColumn<int>("expected");
        QTest::addColumn<int>("code");
        const auto gone = int(DkimFailure::KeyNotFound);
        QTest::newRow("key gone, dkim=pass reported") << gone << "dkim" << int(Verdict::Authenticated)
                                                      << int(FindingCode::DkimPassReported);
        QTest::newRow("key gone, dmarc=pass reported") << gone << "dmarc" << int(Verdict::Authenticated)
                                                       << int(FindingCode::DmarcPassReported);
        QTest::newRow("key gone, no report") << gone << "" << int(Verdict::Unauthenticated)
                                             << int(FindingCode::NoLongerVerifiable);
        QTest::newRow("key revoked, no report") << int(DkimFailure::KeyRevoked) << "" << int(Verdict::Unauthenticated)
                                                << int(FindingCode::NoLongerVerifiable);
        QTest::newRow("rsa-sha1 of 2016, dkim=pass reported") << int(DkimFailure::WeakAlgorithm) << "dkim"
                                                              << int(Verdict::Authenticated)
                                                              << int(FindingCode::DkimPassReported);
        QTest::newRow("report names another signature (header.b)") << gone << "dkim-other-b"
                                                                    << int(Verdict::Unauthenticated)
                                                                    << int(FindingCode::NoLongerVerifiable);
        QTest::newRow("body changed: time cannot explain it") << int(DkimFailure::BodyHashMismatch) << "dkim"
                                                              << int(Verdict::Forged)
                                                              << int(FindingCode::DmarcFailEnforced);
    }
    void retiredKeyOnOldMail()
    {
        QFETCH(int, failure);
        QFETCH(QString, report);
        QFETCH(int, expected);
        QFETCH(int, code);
        Report r = base(30 * kDays);
        if (DkimFailure(failure) == DkimFailure::WeakAlgorithm) { // signed in 2016, before RFC 8301
            r.received[0].time = 1'460'000'000;
            r.verifiedAt = 1'460'000'000 + 30 * kDays;
        }
        const bool fail = DkimFailure(failure) == DkimFailure::BodyHashMismatch ||
                          DkimFailure(failure) == DkimFailure::WeakAlgorithm;
        r.dkim.push_back(signature(fail ? AuthResult::Fail : AuthResult::PermError, DkimFailure(failure)));
        r.dmarc = dmarc(AuthResult::Fail, DmarcPolicy::Reject);
        if (report == QLatin1String("dkim"))
            r.authenticationResults.push_back(trusted({method("dkim", "pass",
                                                              {{"header.d", "bank.example"}, {"header.b", "AbCdEfGh"}})}));
        else if (report == QLatin1String("dkim-other-b"))
            r.authenticationResults.push_back(trusted({method("dkim", "pass",
                                                              {{"header.d", "bank.example"}, {"header.b", "ZZZZZZZZ"}})}));
        else if (report == QLatin1String("dmarc"))
            r.authenticationResults.push_back(trusted({method("dmarc", "pass", {{"header.from", "bank.example"}})}));
        decideVerdict(r);
        QCOMPARE(int(r.verdict), expected);
        QVERIFY2(hasCode(r.reasons, FindingCode(code)), r.reasons.empty() ? "no reason" : r.reasons[0].text.c_str());
        if (r.verdict == Verdict::Authenticated) {
            QCOMPARE(QString::fromStdString(r.authenticatedDomain), QStringLiteral("bank.example"));
            QVERIFY(QByteArray::fromStdString(r.reasons[0].text).contains("mx.provider.example"));
        }
    }
    void reportedDmarcPassStandsInForOldMail()
    {
        // An Outlook.com bounce of 2018: no DKIM signature, SPF (its record and addresses long
        // changed) recomputes to nothing; the trusted dmarc=pass made at delivery stands in.
        Report r = base(30 * kDays);
        r.dmarc = dmarc(AuthResult::None, DmarcPolicy::Unspecified);
        r.authenticationResults.push_back(trusted({method("dmarc", "pass", {{"header.from", "bank.example"}})}));
        decideVerdict(r);
        QCOMPARE(r.verdict, Verdict::Authenticated);
        QVERIFY(hasCode(r.reasons, FindingCode::DmarcPassReported));
        // Not on fresh mail, and not when an aligned signature shows the message was changed.
        Report fresh = r;
        fresh.verifiedAt = kArrival + 3600;
        fresh.reasons.clear();
        decideVerdict(fresh);
        QCOMPARE(fresh.verdict, Verdict::Unauthenticated);
        Report changed = r;
        changed.reasons.clear();
        changed.dkim.push_back(signature(AuthResult::Fail, DkimFailure::BodyHashMismatch));
        changed.dmarc = dmarc(AuthResult::Fail, DmarcPolicy::Reject);
        decideVerdict(changed);
        QCOMPARE(changed.verdict, Verdict::Forged);
    }
    void plantedReportOnFreshMailIsForged()
    {
        // The issue-18 spoof: a fresh message carrying a "trusted" report and a DKIM-Signature
        // naming a selector that never existed.
        Report r = base(10 * 60);
        r.dkim.push_back(signature(AuthResult::PermError, DkimFailure::KeyNotFound));
        r.dmarc = dmarc(AuthResult::Fail, DmarcPolicy::Reject);
        r.authenticationResults.push_back(trusted({method("dkim", "pass", {{"header.d", "bank.example"}}),
                                                   method("dmarc", "pass", {{"header.from", "bank.example"}})}));
        decideVerdict(r);
        QCOMPARE(r.verdict, Verdict::Forged);
        QVERIFY(hasCode(r.reasons, FindingCode::DmarcFailEnforced));
        QVERIFY(hasCode(r.reasons, FindingCode::SourcesDisagree));
        // The same message a month later with no trusted report: unauthenticated, never green.
        Report later = base(30 * kDays);
        later.dkim = r.dkim;
        later.dmarc = r.dmarc;
        decideVerdict(later);
        QCOMPARE(later.verdict, Verdict::Unauthenticated);
    }
    void noDeliveryTimeIsFresh()
    {
        Report r = base(30 * kDays);
        r.received.clear();
        r.boundaryHop = -1;
        r.dkim.push_back(signature(AuthResult::PermError, DkimFailure::KeyNotFound));
        r.dmarc = dmarc(AuthResult::Fail, DmarcPolicy::Reject);
        decideVerdict(r);
        QCOMPARE(r.verdict, Verdict::Forged);
    }
    void temporaryErrorIsNotChecked()
    {
        Report r = base(60);
        r.dkim.push_back(signature(AuthResult::TempError, DkimFailure::KeyUnavailable));
        r.dmarc = dmarc(AuthResult::TempError, DmarcPolicy::Reject);
        r.dmarc->reason = "DNS timeout looking up s2016._domainkey.bank.example";
        decideVerdict(r);
        QCOMPARE(r.verdict, Verdict::NotChecked);
        QCOMPARE(verdictName(r.verdict), std::string_view("not-checked"));
        QVERIFY(hasCode(r.reasons, FindingCode::NotCheckedDns));
        QVERIFY(r.authenticatedDomain.empty());
        // Proof of forgery does not wait for DNS.
        Report two = r;
        two.from.kind = AddressListKind::Several;
        two.from.fieldCount = 2;
        two.from.address.reset();
        decideVerdict(two);
        QCOMPARE(two.verdict, Verdict::Forged);
        // A signature that could not be checked (a limit) is not a verdict either.
        Report pgp = base(60);
        pgp.dmarc = dmarc(AuthResult::None, DmarcPolicy::Unspecified);
        pgp.pgp = SignatureResult{};
        pgp.pgp->result = AuthResult::TempError;
        pgp.pgp->reason = "stopped at the limit of 10 s";
        decideVerdict(pgp);
        QCOMPARE(pgp.verdict, Verdict::NotChecked);
    }
    void alignedWithoutPolicy()
    {
        Report r = base(60);
        r.dkim.push_back(signature(AuthResult::Pass, DkimFailure::None));
        r.dmarc = dmarc(AuthResult::None, DmarcPolicy::Unspecified);
        decideVerdict(r);
        QCOMPARE(r.verdict, Verdict::Authenticated);
        QVERIFY(hasCode(r.reasons, FindingCode::AlignedWithoutPolicy));
        QVERIFY(!hasCode(r.warnings, FindingCode::ReportedOnly));
        QCOMPARE(QString::fromStdString(r.authenticatedDomain), QStringLiteral("bank.example"));
        QVERIFY(r.via.empty());
    }
    void userExceptionOnlyForUnauthenticatedMail()
    {
        DkimResult accepted = signature(AuthResult::Pass, DkimFailure::None, "esp.example", false);
        accepted.acceptedSigner = true;
        // p=none DMARC fail is suspicious: an accepted signer never turns it green.
        Report r = base(60);
        r.dkim.push_back(accepted);
        r.dmarc = dmarc(AuthResult::Fail, DmarcPolicy::None);
        decideVerdict(r);
        QCOMPARE(r.verdict, Verdict::Suspicious);
        QVERIFY(!r.userException);
        // No DMARC record: otherwise unauthenticated, so the exception applies, shown as such.
        Report s = base(60);
        s.dkim.push_back(accepted);
        s.dmarc = dmarc(AuthResult::None, DmarcPolicy::Unspecified);
        decideVerdict(s);
        QCOMPARE(s.verdict, Verdict::Authenticated);
        QVERIFY(s.userException);
        QCOMPARE(QString::fromStdString(s.via), QStringLiteral("esp.example"));
        QVERIFY(hasCode(s.reasons, FindingCode::AcceptedSigner));
    }
    void providerReportedArcOverride()
    {
        // Gmail: dmarc=fail (p=REJECT dis=NONE) with arc=pass in its own field, on mail a
        // trusted forwarder sealed with dmarc=pass.
        auto make = [](const char *sealer) {
            Report r = base(40 * kDays);
            r.dmarc = dmarc(AuthResult::Fail, DmarcPolicy::Reject);
            r.authenticationResults.push_back(
                trusted({method("dmarc", "fail", {{"header.from", "bank.example"}}), method("arc", "pass")},
                        "mx.google.com"));
            r.authenticationResults.back().raw =
                "mx.google.com; dmarc=fail (p=REJECT sp=REJECT dis=NONE) header.from=bank.example; arc=pass";
            VerdictInputs in;
            in.arcSealerRecordedPass = sealer;
            decideVerdict(r, in);
            return r;
        };
        Report trustedSealer = make("lists.example.org");
        QCOMPARE(trustedSealer.verdict, Verdict::Authenticated);
        QVERIFY(hasCode(trustedSealer.reasons, FindingCode::ArcDmarcPassReported));
        QCOMPARE(QString::fromStdString(trustedSealer.via), QStringLiteral("lists.example.org"));
        Report noSealer = make("");
        QCOMPARE(noSealer.verdict, Verdict::Forged);
    }
    void reportedDmarcFailPolicy_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("property");
        QTest::addColumn<bool>("recordReject");
        QTest::addColumn<int>("expected");
        QTest::newRow("Gmail p=REJECT comment") << "mx.google.com; dmarc=fail (p=REJECT sp=REJECT dis=QUARANTINE) header.from=bank.example"
                                                << "" << false << int(Verdict::Forged);
        QTest::newRow("Gmail p=NONE comment") << "mx.google.com; dmarc=fail (p=NONE sp=NONE dis=NONE) header.from=bank.example"
                                              << "" << true << int(Verdict::Suspicious);
        QTest::newRow("Microsoft action=oreject") << "dmarc=fail action=oreject header.from=bank.example"
                                                  << "action=oreject" << false << int(Verdict::Forged);
        QTest::newRow("Fastmail published policy none") << "mx1.messagingengine.com; dmarc=fail"
                                                        << "policy.published-domain-policy=none" << true
                                                        << int(Verdict::Suspicious);
        QTest::newRow("rspamd (policy=none)") << "mx.example.org; dmarc=fail reason=\"No valid SPF\" header.from=bank.example (policy=none)"
                                             << "" << false << int(Verdict::Suspicious);
        QTest::newRow("unknown, record says reject") << "mx.example.org; dmarc=fail header.from=bank.example" << ""
                                                     << true << int(Verdict::Forged);
        QTest::newRow("unknown, no record now") << "mx.example.org; dmarc=fail header.from=bank.example" << "" << false
                                                << int(Verdict::Suspicious);
    }
    void reportedDmarcFailPolicy()
    {
        QFETCH(QString, raw);
        QFETCH(QString, property);
        QFETCH(bool, recordReject);
        QFETCH(int, expected);
        Report r = base(40 * kDays);
        r.dmarc = recordReject ? dmarc(AuthResult::Pass, DmarcPolicy::Reject) : dmarc(AuthResult::None, DmarcPolicy::Unspecified);
        if (recordReject)
            r.dmarc->record = "v=DMARC1; p=reject";
        r.dkim.push_back(signature(AuthResult::Pass, DkimFailure::None));
        std::map<std::string, std::string> props{{"header.from", "bank.example"}};
        if (!property.isEmpty())
            props[property.section(QLatin1Char('='), 0, 0).toStdString()] = property.section(QLatin1Char('='), 1).toStdString();
        r.authenticationResults.push_back(trusted({method("dmarc", "fail", props)}));
        r.authenticationResults.back().raw = raw.toStdString();
        decideVerdict(r);
        QCOMPARE(int(r.verdict), expected);
        QVERIFY(hasCode(r.reasons, FindingCode::ReportedDmarcFail));
    }
    void rsaSha1AfterRfc8301IsNotExplainedByTime()
    {
        // Delivered in 2020 with rsa-sha1: RFC 8301 had already retired it; a lenient provider's
        // pass does not stand in, and it is no disagreement worth a warning sign either.
        Report r = base(0);
        r.received[0].time = 1'580'000'000; // 2020-01-26
        r.verifiedAt = kArrival;
        r.dkim.push_back(signature(AuthResult::Fail, DkimFailure::WeakAlgorithm));
        r.dmarc = dmarc(AuthResult::None, DmarcPolicy::Unspecified);
        r.authenticationResults.push_back(trusted({method("dkim", "pass", {{"header.d", "bank.example"}})}));
        decideVerdict(r);
        QCOMPARE(r.verdict, Verdict::Unauthenticated);
        // Signed in 2016, it was valid then.
        r.received[0].time = 1'460'000'000;
        decideVerdict(r);
        QCOMPARE(r.verdict, Verdict::Authenticated);
    }
    void viaSigningService()
    {
        Report r = base(60);
        r.dkim.push_back(signature(AuthResult::Pass, DkimFailure::None));
        r.dkim.push_back(signature(AuthResult::Pass, DkimFailure::None, "sendgrid.net", false));
        r.dmarc = dmarc(AuthResult::Pass, DmarcPolicy::Reject);
        decideVerdict(r);
        QCOMPARE(r.verdict, Verdict::Authenticated);
        QCOMPARE(QString::fromStdString(r.via), QStringLiteral("sendgrid.net"));
    }
};

QTEST_GUILESS_MAIN(tst_VerdictTime)
#include "tst_verdicttime.moc"
