// appendReportJson (the CLI's direct JSON writer, issue 22) gives byte for byte what
// reportToJson (the nlohmann document the store and other tools were written against) gives:
// on every demo message and every tests/data message, on a report with every optional part
// present and strings that need escaping or replacing, and on random bytes in every string.

#include "Message.h"
#include "ReportJson.h"
#include "ReportJsonWriter.h"
#include "Verifier.h"
#include "ZoneResolver.h"

#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace verifier;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::string direct(const Report &r)
{
    std::string out = "prefix:"; // it appends
    appendReportJson(r, out);
    return out.substr(7);
}

/// A report with every optional part present and every list holding something.
Report fullReport(const std::string &s)
{
    Report r;
    r.source = s;
    r.messageId = "<" + s + ">";
    r.subject = s;
    r.date = s;
    r.from.header = s;
    r.from.address = s + "@example.com";
    r.from.domain = "example.com";
    r.from.localPart = s;
    r.from.displayName = s;
    r.from.kind = AddressListKind::Ambiguous;
    r.from.fieldCount = 2;
    r.from.problem = s;
    r.from.displayNameHasAddress = true;
    r.verdict = Verdict::NotChecked;
    r.reasons = {Finding{FindingCode::DmarcFailEnforced, {s, "b"}, s}};
    r.warnings = {Finding{FindingCode::Other, {}, s}, Finding{FindingCode::LookalikeDomain, {s}, "w"}};
    SpfResult spf;
    spf.result = AuthResult::SoftFail;
    spf.domain = spf.identity = spf.clientIp = spf.helo = spf.mailFrom = spf.record = spf.mechanism = s;
    spf.explanation = spf.reason = spf.envelopeSource = s;
    spf.dnsLookups = 7;
    spf.voidLookups = 2;
    spf.evaluated = true;
    spf.heloResult = AuthResult::TempError;
    r.spf = spf;
    DkimResult d;
    d.result = AuthResult::Fail;
    d.failure = DkimFailure::BodyHashMismatch;
    d.reason = d.domain = d.selector = d.identity = d.algorithm = d.canonicalization = d.keyType = s;
    d.keyRecord = s;
    d.signatureStart = s;
    d.keyBits = 2048;
    d.dnssec = d.testing = d.aligned = true;
    d.bodyLengthLimit = 18446744073709551615ull;
    d.bodyLength = 12345;
    d.signedHeaders = {s, "from"};
    d.unsignedInstances = {s};
    d.timestamp = -5;
    d.expiration = 9223372036854775807ll;
    d.warnings = {s};
    d.fieldIndex = 3;
    d.rememberedKeySince = 1;
    d.rememberedKeyLastSeen = 2;
    d.keyChanged = d.keyPinned = d.pinnedKeyChanged = d.acceptedSigner = true;
    r.dkim = {d, DkimResult{}};
    DmarcResult m;
    m.result = AuthResult::Pass;
    m.domain = m.orgDomain = m.recordDomain = m.record = m.reason = s;
    m.policy = DmarcPolicy::Reject;
    m.domainPolicy = DmarcPolicy::Quarantine;
    m.spfAligned = m.dkimAligned = m.strictSpf = m.strictDkim = m.testing = true;
    m.orgDomainPsl = s;
    m.resultRfc7489 = AuthResult::Fail;
    r.dmarc = m;
    ArcResult a;
    a.result = AuthResult::Pass;
    a.instances = 2;
    a.reason = s;
    a.chain = {ArcInstance{1, s, s, "none", AuthResult::Pass, AuthResult::Fail, s, s}, ArcInstance{}};
    a.oldestPass = 1;
    a.trustedSealer = a.trustedDmarcPass = true;
    a.overrideSealer = s;
    r.arc = a;
    SignatureResult sig;
    sig.result = AuthResult::Pass;
    sig.signer = sig.signerName = sig.fingerprint = sig.issuer = sig.reason = s;
    sig.signerAddresses = {s};
    sig.unsignedParts = {s, s};
    sig.trusted = sig.matchesFrom = sig.coversWholeBody = true;
    sig.signingTime = 42;
    r.smime = sig;
    r.pgp = sig;
    AuthResultsHeader h;
    h.authservId = h.trustReason = h.parseError = h.raw = s;
    h.trusted = h.parsed = true;
    h.fieldIndex = 1;
    h.methods = {AuthMethodResult{"dkim", "pass", s, {{"header.d", s}, {"a", "b"}, {s, "x"}}}, AuthMethodResult{}};
    r.authenticationResults = {h, AuthResultsHeader{}};
    ReceivedHop hop;
    hop.from = hop.fromRdns = hop.by = hop.via = hop.ip = hop.with = hop.id = hop.forAddress = hop.tlsDetail = s;
    hop.date = s;
    hop.tls = hop.trusted = true;
    hop.time = 1;
    hop.delaySeconds = -3;
    hop.fieldIndex = 4;
    hop.parsed = false;
    r.received = {hop, ReceivedHop{}};
    r.boundaryHop = 0;
    IprevResult ip;
    ip.result = AuthResult::PermError;
    ip.clientIp = ip.confirmedName = ip.reason = s;
    ip.ptrNames = {s};
    r.iprev = ip;
    VbrResult v;
    v.result = AuthResult::Neutral;
    v.domain = v.category = v.authenticatedBy = v.voucher = v.reason = s;
    v.vouchers = {s};
    v.vouchedCategories = {s, "all"};
    r.vbr = v;
    DomainKeysResult dk;
    dk.result = AuthResult::Policy;
    dk.domain = dk.selector = dk.canonicalization = dk.sender = dk.reason = s;
    dk.signedHeaders = {s};
    dk.keyBits = 1024;
    dk.testing = true;
    dk.fieldIndex = 9;
    r.domainKeys = {dk};
    HistoricMethod hm;
    hm.method = hm.result = hm.reportedBy = hm.domain = hm.record = hm.recordMeaning = hm.replacedBy = hm.reason = s;
    hm.trusted = true;
    r.historic = {hm};
    r.authenticatedDomain = s;
    r.via = s;
    r.userException = true;
    r.provider = s;
    r.verifiedAt = 1790000000;
    return r;
}

/// Where two outputs first differ, with some context, for a readable failure.
QByteArray firstDifference(const std::string &got, const std::string &expected)
{
    size_t i = 0;
    while (i < got.size() && i < expected.size() && got[i] == expected[i])
        ++i;
    if (i == got.size() && i == expected.size())
        return {};
    const size_t from = i > 60 ? i - 60 : 0;
    return "at byte " + QByteArray::number(qulonglong(i)) + ": got ..." +
           QByteArray::fromStdString(got.substr(from, 120)).toPercentEncoding(" {}[]:,\"") + "... expected ..." +
           QByteArray::fromStdString(expected.substr(from, 120)).toPercentEncoding(" {}[]:,\"") + "...";
}

#define COMPARE_JSON(report)                                                                                 \
    do {                                                                                                     \
        const std::string expected_ = reportToJson(report);                                                  \
        const std::string got_ = direct(report);                                                             \
        QVERIFY2(got_ == expected_, firstDifference(got_, expected_).constData());                           \
    } while (false)

} // namespace

class TestReportJsonWriter : public QObject
{
    Q_OBJECT

private slots:
    void demoAndTestMessages_data()
    {
        QTest::addColumn<QString>("path");
        const QString demo = QStringLiteral(SEALCHECK_SOURCE_DIR "/resources/demo/messages");
        for (QDirIterator it(demo, {QStringLiteral("*.eml")}, QDir::Files); it.hasNext();) {
            const QString p = it.next();
            QTest::newRow(qPrintable(QStringLiteral("demo/") + QFileInfo(p).fileName())) << p;
        }
        for (QDirIterator it(QStringLiteral(SEALCHECK_TEST_DATA), {QStringLiteral("*.eml")}, QDir::Files,
                             QDirIterator::Subdirectories);
             it.hasNext();) {
            const QString p = it.next();
            QTest::newRow(qPrintable(p.mid(QStringLiteral(SEALCHECK_TEST_DATA).size() + 1))) << p;
        }
    }

    void demoAndTestMessages()
    {
        QFETCH(QString, path);
        static ZoneResolver zone = [] {
            ZoneResolver z;
            const QByteArray text = readAll(QStringLiteral(SEALCHECK_SOURCE_DIR "/resources/demo/demo.zone"));
            (void)z.loadMasterFile(std::string_view(text.constData(), size_t(text.size())));
            return z;
        }();
        const QByteArray bytes = readAll(path);
        QVERIFY(!bytes.isEmpty());
        auto message = Message::parse(std::string(bytes.constData(), size_t(bytes.size())));
        if (!message)
            QSKIP("the message is beyond a limit (no report)");
        VerifyContext context;
        context.resolver = &zone;
        context.now = 1795953600; // the demo's NOW, 2026-11-24T12:00:00Z
        context.trust.relays = {"mx.sealcheck-demo.example"};
        context.trust.authservIds = {"mx.sealcheck-demo.example"};
        context.signatures.useSystemCa = false;
        context.source = path.toStdString();
        const Report report = verify(*message, context);
        COMPARE_JSON(report);
    }

    void everyPartPresent_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("plain") << QByteArray("plain text");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("quotes and backslashes") << QByteArray("\"a\\b\" / '");
        QTest::newRow("every control character") << [] {
            QByteArray b;
            for (int c = 0; c < 32; ++c)
                b.append(char(c));
            return b + "\x7f";
        }();
        QTest::newRow("valid UTF-8, 2 to 4 bytes") << QByteArray("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x94\x92 \xef\xbf\xbf");
        QTest::newRow("lone continuation bytes") << QByteArray("a\x80\xbf" "b");
        QTest::newRow("overlong and surrogate") << QByteArray("\xc0\xaf \xe0\x80\xaf \xed\xa0\x80 \xf0\x80\x80\xaf");
        QTest::newRow("beyond U+10FFFF") << QByteArray("\xf4\x90\x80\x80 \xf5\x80 \xff\xfe");
        QTest::newRow("truncated at the end") << QByteArray("ok \xe2\x82");
        QTest::newRow("truncated then ASCII") << QByteArray("\xe2\x82" "A\xf0\x9f\x94" "\"");
        QTest::newRow("truncated then a new lead") << QByteArray("\xe2\xc3\xa9\xf0\x9f\xe2\x82\xac");
    }

    void everyPartPresent()
    {
        QFETCH(QByteArray, text);
        const Report r = fullReport(text.toStdString());
        COMPARE_JSON(r);
        const Report empty;
        COMPARE_JSON(empty);
    }

    void randomBytes()
    {
        QRandomGenerator rng(22);
        for (int round = 0; round < 2000; ++round) {
            std::string s(size_t(rng.bounded(24)), '\0');
            for (char &c : s) {
                // Mostly the bytes where UTF-8 decoding decides: leads, continuations, ASCII.
                const quint32 pick = rng.bounded(4);
                c = char(pick == 0 ? rng.bounded(0x80) : pick == 1 ? 0x80 + rng.bounded(0x40) : 0xC0 + rng.bounded(0x40));
            }
            const Report r = fullReport(s);
            const std::string expected = reportToJson(r);
            const std::string got = direct(r);
            if (got != expected)
                QFAIL(qPrintable(QStringLiteral("differs for bytes %1: %2")
                                     .arg(QString::fromLatin1(QByteArray::fromStdString(s).toHex()),
                                          QString::fromLatin1(firstDifference(got, expected)))));
        }
    }
};

QTEST_GUILESS_MAIN(TestReportJsonWriter)
#include "tst_reportjsonwriter.moc"
