// The attack corpus (tests/data/smime/attack-*.eml, tests/data/pgp/attack-*.eml), modelled on
// every class of "Johnny, You Are Fired!" (Müller et al., USENIX Security 2019). Each file names
// its class in a "Comment: attack class: ..." header field. None may come out as a good
// signature (Pass && trusted && matchesFrom && coversWholeBody); each row also says which of those
// is expected to fail, so a regression that defeats one defence but not another is caught.
// Controls (the genuine messages) must come out good, so the predicate itself can fail.
#include "../pgp/GpgTestHome.h"
#include "Message.h"
#include "Mime.h"
#include "OpenPgpVerifier.h"
#include "SmimeVerifier.h"
#include "TestPaths.h"

#include <QDir>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace verifier;

namespace {
constexpr int64_t kNow = 1798761600; // 2027-01-01

// What must break: the result keyword, or which of trusted/matchesFrom/coversWholeBody is false.
struct Expectation
{
    const char *file;
    const char *result; // "pass", "fail", "permerror", "neutral", or "none" (no signature found)
    bool trusted, matchesFrom, coversWholeBody;
};

const Expectation kCases[] = {
    // S/MIME
    {"smime/signed-detached.eml", "pass", true, true, true},  // control
    {"smime/signed-opaque.eml", "pass", true, true, true},    // control
    {"smime/attack-cms-detached-with-econtent.eml", "permerror", false, false, true},
    {"smime/attack-cms-opaque-without-content.eml", "permerror", false, false, true},
    {"smime/attack-cms-no-signers.eml", "permerror", false, false, true},
    {"smime/attack-cms-multiple-signers.eml", "pass", false, true, true},
    {"smime/attack-identity-signed-by-bob.eml", "pass", true, false, true},
    {"smime/attack-wrap-unsigned-text-before.eml", "pass", true, true, false},
    {"smime/attack-wrap-unsigned-text-after.eml", "pass", true, true, false},
    {"smime/attack-wrap-signed-attachment.eml", "pass", true, true, false},
    {"smime/attack-wrap-nested-rfc822.eml", "pass", true, true, false},
    {"smime/attack-ui-redress-html-banner.eml", "pass", true, true, false},
    // OpenPGP
    {"pgp/pgpmime-signed.eml", "pass", true, true, true},     // control
    {"pgp/cleartext-signed.eml", "pass", true, true, true},   // control
    {"pgp/attack-identity-signed-by-bob.eml", "pass", true, false, true},
    {"pgp/attack-identity-impostor-key.eml", "pass", false, true, true},
    {"pgp/attack-status-injection-userid.eml", "pass", true, false, true},
    {"pgp/attack-status-injection-text.eml", "neutral", false, false, true},
    {"pgp/attack-inline-text-before.eml", "pass", true, true, false},
    {"pgp/attack-inline-text-after.eml", "pass", true, true, false},
    {"pgp/attack-wrap-unsigned-text-before.eml", "pass", true, true, false},
    {"pgp/attack-wrap-signed-attachment.eml", "pass", true, true, false},
    {"pgp/attack-wrap-nested-rfc822.eml", "pass", true, true, false},
    {"pgp/attack-ui-redress-html-banner.eml", "pass", true, true, false},
};
} // namespace

class tst_SignatureAttacks : public QObject
{
    Q_OBJECT
    std::unique_ptr<GpgTestHome> m_gpg;
    SignatureSettings m_settings;

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("gpg")).isEmpty())
            QSKIP("gpg is not installed");
        m_gpg = std::make_unique<GpgTestHome>();
        QVERIFY2(m_gpg->ok(), qPrintable(m_gpg->error()));
        m_settings.useSystemCa = false;
        m_settings.caFiles = {testpaths::testData(QStringLiteral("smime/certs/ca.pem")).toStdString()};
        m_settings.gnupgHome = m_gpg->path().toStdString();
    }
    void cleanupTestCase() { m_gpg.reset(); }

    void everyAttackFileHasARow()
    {
        QSet<QString> listed;
        for (const auto &c : kCases)
            listed << QString::fromLatin1(c.file);
        for (const QString &area : {QStringLiteral("smime"), QStringLiteral("pgp")}) {
            const QDir dir(testpaths::testData(area));
            for (const QString &f : dir.entryList({QStringLiteral("attack-*.eml")}, QDir::Files)) {
                const QString rel = area + QLatin1Char('/') + f;
                QVERIFY2(listed.contains(rel), qPrintable(rel + QStringLiteral(" has no row")));
                const QByteArray bytes = QByteArray::fromStdString(testpaths::readFile(dir.filePath(f)));
                QVERIFY2(bytes.contains("\r\nComment: attack class: "), qPrintable(rel + QStringLiteral(" does not name its class")));
            }
        }
    }

    void attack_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("result");
        QTest::addColumn<bool>("trusted");
        QTest::addColumn<bool>("matchesFrom");
        QTest::addColumn<bool>("whole");
        for (const auto &c : kCases)
            QTest::newRow(c.file) << QString::fromLatin1(c.file) << QString::fromLatin1(c.result) << c.trusted << c.matchesFrom
                                  << c.coversWholeBody;
    }
    void attack()
    {
        QFETCH(QString, file);
        QFETCH(QString, result);
        QFETCH(bool, trusted);
        QFETCH(bool, matchesFrom);
        QFETCH(bool, whole);
        const std::string bytes = testpaths::readFile(testpaths::testData(file));
        QVERIFY(!bytes.empty());
        const Message m = Message::parse(bytes).value();
        const MimePart root = parseMime(m);
        const std::string from = "alice@example.com"; // every file is From alice
        const auto r = file.startsWith(QStringLiteral("smime/")) ? verifySmime(m, root, from, m_settings, kNow)
                                                                 : verifyOpenPgp(m, root, from, m_settings, kNow);
        const bool control = !file.contains(QStringLiteral("attack-"));
        if (result == QStringLiteral("none")) {
            QVERIFY(!r.has_value());
            return;
        }
        QVERIFY(r.has_value());
        const QString why = QString::fromStdString(r->reason);
        QCOMPARE(QString::fromLatin1(rfc8601Token(r->result)), result);
        QVERIFY2(r->trusted == trusted, qPrintable(why));
        QVERIFY2(r->matchesFrom == matchesFrom, qPrintable(why));
        QVERIFY2(r->coversWholeBody == whole, qPrintable(why));
        const bool good = r->result == AuthResult::Pass && r->trusted && r->matchesFrom && r->coversWholeBody;
        QCOMPARE(good, control);
        if (!whole)
            QVERIFY(!r->unsignedParts.empty());
    }
};

QTEST_GUILESS_MAIN(tst_SignatureAttacks)
#include "tst_signatureattacks.moc"
