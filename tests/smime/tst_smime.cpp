// S/MIME verification over the messages made by scripts/make-signature-testdata.sh
// (tests/data/smime/README.md). `now` is explicit: 2027-01-01 unless a row says otherwise.
#include "Message.h"
#include "Mime.h"
#include "SmimeVerifier.h"
#include "TestPaths.h"

#include <QCryptographicHash>
#include <QTest>

using namespace verifier;

namespace {
constexpr int64_t kNow = 1798761600;        // 2027-01-01 00:00:00 UTC
constexpr int64_t kBeforeLeaves = 1717200000; // 2024-06-01: before the leaves' notBefore (2025-01-01)

Message load(const QString &name)
{
    auto m = Message::parse(testpaths::readFile(testpaths::testData(QStringLiteral("smime/") + name)));
    if (!m)
        qFatal("cannot parse %s", qPrintable(name));
    return std::move(m).value();
}
SignatureSettings testCa()
{
    SignatureSettings s;
    s.useSystemCa = false;
    s.caFiles = {testpaths::testData(QStringLiteral("smime/certs/ca.pem")).toStdString()};
    return s;
}
QString pemFingerprint(const QString &pemName)
{
    QByteArray pem = QByteArray::fromStdString(testpaths::readFile(testpaths::testData(QStringLiteral("smime/certs/") + pemName)));
    pem = pem.mid(pem.indexOf('\n') + 1);
    pem = pem.left(pem.indexOf("-----END"));
    const QByteArray hash = QCryptographicHash::hash(QByteArray::fromBase64(pem), QCryptographicHash::Sha256);
    return QString::fromLatin1(hash.toHex(':').toUpper());
}
} // namespace

class tst_Smime : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(testpaths::testData(QStringLiteral("smime/signed-detached.eml"))),
                 "run scripts/make-signature-testdata.sh");
    }
    void verify_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("from");
        QTest::addColumn<int>("settings"); // 0 test CA only, 1 system roots only
        QTest::addColumn<qint64>("now");
        QTest::addColumn<QString>("result");
        QTest::addColumn<bool>("trusted");
        QTest::addColumn<bool>("matchesFrom");
        QTest::addColumn<bool>("whole");
        QTest::addColumn<QString>("signer");
        QTest::addColumn<QString>("reason"); // substring

        const QString alice = QStringLiteral("alice@example.com");
        QTest::newRow("detached-valid") << "signed-detached.eml" << alice << 0 << qint64(kNow) << "pass" << true << true << true
                                        << alice << "chains to a trusted root";
        QTest::newRow("opaque-valid") << "signed-opaque.eml" << alice << 0 << qint64(kNow) << "pass" << true << true << true
                                      << alice << "chains to a trusted root";
        QTest::newRow("from-domain-case") << "signed-detached.eml" << "alice@EXAMPLE.com" << 0 << qint64(kNow) << "pass" << true
                                          << true << true << alice << "trusted root";
        QTest::newRow("from-local-case") << "signed-detached.eml" << "Alice@example.com" << 0 << qint64(kNow) << "pass" << true
                                         << false << true << alice << "does not name the From address";
        QTest::newRow("detached-tampered") << "tampered-detached.eml" << alice << 0 << qint64(kNow) << "fail" << false << false
                                           << true << alice << "does not match the signed content";
        QTest::newRow("opaque-tampered") << "tampered-opaque.eml" << alice << 0 << qint64(kNow) << "fail" << false << false << true
                                         << alice << "does not match";
        QTest::newRow("expired-certificate") << "expired-certificate.eml" << alice << 0 << qint64(kNow) << "pass" << false << true
                                             << true << alice << "certificate has expired";
        QTest::newRow("not-yet-valid-at-now") << "signed-detached.eml" << alice << 0 << qint64(kBeforeLeaves) << "pass" << false
                                              << true << true << alice << "certificate is not yet valid";
        QTest::newRow("no-email-eku") << "no-email-eku.eml" << alice << 0 << qint64(kNow) << "pass" << false << true << true << alice
                                      << "unsuitable certificate purpose";
        QTest::newRow("subject-email-only") << "subject-email-only.eml" << "Alice@example.com" << 0 << qint64(kNow) << "pass" << true
                                            << true << true << "Alice@Example.COM" << "trusted root";
        QTest::newRow("subject-email-local-part-differs") << "subject-email-only.eml" << alice << 0 << qint64(kNow) << "pass" << true
                                                          << false << true << "Alice@Example.COM" << "does not name";
        QTest::newRow("untrusted-root-same-name") << "untrusted-root.eml" << alice << 0 << qint64(kNow) << "pass" << false << true
                                                  << true << alice << "not trusted";
        QTest::newRow("system-roots-only") << "signed-detached.eml" << alice << 1 << qint64(kNow) << "pass" << false << true << true
                                           << alice << "self-signed certificate in certificate chain";
        QTest::newRow("two-signers-alice-reported") << "two-signers.eml" << alice << 0 << qint64(kNow) << "pass" << true << true
                                                    << true << alice << "2 signers, all signatures valid";
        QTest::newRow("two-signers-bob-reported") << "two-signers.eml" << "bob@example.org" << 0 << qint64(kNow) << "pass" << true
                                                  << true << true << "bob@example.org" << "2 signers";
    }
    void verify()
    {
        QFETCH(QString, file);
        QFETCH(QString, from);
        QFETCH(int, settings);
        QFETCH(qint64, now);
        QFETCH(QString, result);
        QFETCH(bool, trusted);
        QFETCH(bool, matchesFrom);
        QFETCH(bool, whole);
        QFETCH(QString, signer);
        QFETCH(QString, reason);
        const Message m = load(file);
        const MimePart root = parseMime(m);
        SignatureSettings s = testCa();
        if (settings == 1) {
            s.caFiles.clear();
            s.useSystemCa = true;
        }
        const auto r = verifySmime(m, root, from.toStdString(), s, now);
        QVERIFY(r.has_value());
        const QString why = QString::fromStdString(r->reason);
        QCOMPARE(QString::fromLatin1(rfc8601Token(r->result)), result);
        QCOMPARE(r->trusted, trusted);
        QCOMPARE(r->matchesFrom, matchesFrom);
        QCOMPARE(r->coversWholeBody, whole);
        QCOMPARE(QString::fromStdString(r->signer), signer);
        QVERIFY2(why.contains(reason), qPrintable(why));
    }
    void certificateDetails()
    {
        const Message m = load(QStringLiteral("signed-detached.eml"));
        const auto r = verifySmime(m, parseMime(m), "alice@example.com", testCa(), kNow);
        QVERIFY(r);
        QCOMPARE(QString::fromStdString(r->fingerprint), pemFingerprint(QStringLiteral("alice.pem")));
        QCOMPARE(r->issuer, std::string("CN=Sealcheck Test CA"));
        QCOMPARE(r->signerName, std::string("Alice Example"));
        QCOMPARE(r->signerAddresses, std::vector<std::string>{"alice@example.com"});
        QVERIFY(r->signingTime.has_value());
        QVERIFY(*r->signingTime > 1735689600 && *r->signingTime < kNow); // made by the script in 2025/2026
        QVERIFY(r->unsignedParts.empty());
    }
    void signingTimeAfterNowIsUntrusted()
    {
        // `now` just before the signing time: the chain verifies at now (the leaf is valid since
        // 2025), but a signature from the future is not trusted.
        const Message m = load(QStringLiteral("signed-detached.eml"));
        const auto first = verifySmime(m, parseMime(m), "alice@example.com", testCa(), kNow);
        QVERIFY(first && first->signingTime);
        const auto r = verifySmime(m, parseMime(m), "alice@example.com", testCa(), *first->signingTime - 3600);
        QVERIFY(r);
        QCOMPARE(r->result, AuthResult::Pass);
        QVERIFY(!r->trusted);
        QVERIFY2(r->reason.find("in the future") != std::string::npos, r->reason.c_str());
    }
    void missingCaFileIsReported()
    {
        const Message m = load(QStringLiteral("signed-detached.eml"));
        SignatureSettings s = testCa();
        s.caFiles.push_back("/nonexistent/ca.pem");
        const auto r = verifySmime(m, parseMime(m), "alice@example.com", s, kNow);
        QVERIFY(r);
        QVERIFY(r->trusted);
        QVERIFY2(r->reason.find("/nonexistent/ca.pem could not be read") != std::string::npos, r->reason.c_str());
    }
    void unsignedMessageHasNone_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("plain") << QByteArray("From: alice@example.com\n\nhello\n");
        QTest::newRow("pgp-signed") << QByteArray("Content-Type: multipart/signed; protocol=\"application/pgp-signature\"; boundary=s\n\n"
                                                  "--s\n\nx\n--s\nContent-Type: application/pgp-signature\n\nS\n--s--\n");
        QTest::newRow("enveloped") << QByteArray("Content-Type: application/pkcs7-mime; smime-type=enveloped-data\n"
                                                 "Content-Transfer-Encoding: base64\n\nMIAGCSqGSIb3DQEHA6CAMIACAQAx\n");
        QTest::newRow("p7m-without-smime-type-not-cms") << QByteArray("Content-Type: application/pkcs7-mime\n\nnot der\n");
    }
    void unsignedMessageHasNone()
    {
        QFETCH(QByteArray, message);
        const Message m = Message::parse(message.toStdString()).value();
        QVERIFY(!verifySmime(m, parseMime(m), "alice@example.com", testCa(), kNow).has_value());
    }
    void malformed_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QString>("reason");
        QTest::newRow("three-parts") << QByteArray("Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; boundary=s\n\n"
                                                   "--s\n\nx\n--s\nContent-Type: application/pkcs7-signature\n\nMA==\n--s\n\ny\n--s--\n")
                                     << "exactly two parts";
        QTest::newRow("not-cms") << QByteArray("Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; boundary=s\n\n"
                                               "--s\n\nx\n--s\nContent-Type: application/pkcs7-signature\nContent-Transfer-Encoding: base64\n\n"
                                               "aGVsbG8=\n--s--\n")
                                 << "not a readable CMS object";
        QTest::newRow("wrong-second-part") << QByteArray("Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; boundary=s\n\n"
                                                         "--s\n\nx\n--s\nContent-Type: text/plain\n\nS\n--s--\n")
                                           << "not application/pkcs7-signature";
    }
    /// Issue 24 item 5: CMS_verify cannot be interrupted, so a detached signature over 1 MiB is
    /// not given to it: a temporary error naming the limit (the verdict: not checked).
    void oversizedSignatureStopsAtTheLimit()
    {
        const QByteArray der = QByteArray(1024 * 1024 + 1, 'A'); // "A" is a byte of itself (7bit)
        const QByteArray message = "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; boundary=s\n\n"
                                   "--s\n\nx\n--s\nContent-Type: application/pkcs7-signature\n\n" + der + "\n--s--\n";
        const Message m = Message::parse(message.toStdString()).value();
        const auto r = verifySmime(m, parseMime(m), "alice@example.com", testCa(), kNow);
        QVERIFY(r);
        QCOMPARE(r->result, AuthResult::TempError);
        QVERIFY2(r->reason.find("stopped at the limit of 1048576 bytes of signature") != std::string::npos, r->reason.c_str());
    }
    void malformed()
    {
        QFETCH(QByteArray, message);
        QFETCH(QString, reason);
        const Message m = Message::parse(message.toStdString()).value();
        const auto r = verifySmime(m, parseMime(m), "alice@example.com", testCa(), kNow);
        QVERIFY(r);
        QCOMPARE(r->result, AuthResult::PermError);
        QVERIFY2(QString::fromStdString(r->reason).contains(reason), r->reason.c_str());
    }
    void lfStoredMessageVerifies()
    {
        // The same message stored with LF line ends is verified over its CRLF form (RFC 5322 §2.1).
        QByteArray bytes = QByteArray::fromStdString(testpaths::readFile(testpaths::testData(QStringLiteral("smime/signed-detached.eml"))));
        bytes.replace("\r\n", "\n");
        const Message m = Message::parse(bytes.toStdString()).value();
        const auto r = verifySmime(m, parseMime(m), "alice@example.com", testCa(), kNow);
        QVERIFY(r);
        QCOMPARE(r->result, AuthResult::Pass);
    }
};

QTEST_APPLESS_MAIN(tst_Smime)
#include "tst_smime.moc"
