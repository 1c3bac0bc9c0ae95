// DomainKeys (RFC 4870, historic). Two parts:
//  - conformance: the DomainKeys messages of Mail::DKIM's corpus (../shared/conformance/
//    mail-dkim-corpus: good_dk_*, bad_dk_*, dk_*) with FAKE_DNS.dat and expected.json, run with
//    the minimum RSA size lowered to 512 (its messiah.edu keys, see the suite's README). Mapping:
//    pass -> pass, fail -> fail, anything else -> invalid; per signature for dk_multiple_1.
//    Rows that differ are listed in DEVIATIONS.md beside this file and must be exactly those.
//  - behaviour: tampering with a passing corpus message, DNS failures, the RSA floor, and what
//    the whole pipeline shows (a historic-method warning, no weight in the verdict).

#include "DkimTestDns.h"
#include "DomainKeysVerifier.h"
#include "ReportJson.h"
#include "Verifier.h"

#include "TestPaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace verifier;

Q_DECLARE_METATYPE(verifier::AuthResult)

namespace {

QString word(const DomainKeysResult &r)
{
    if (r.result == AuthResult::Pass)
        return QStringLiteral("pass");
    if (r.result == AuthResult::Fail)
        return QStringLiteral("fail");
    return QStringLiteral("invalid");
}

bool isDomainKeysCase(const QString &file)
{
    const QString base = file.section(QLatin1Char('/'), -1);
    return base.startsWith(QLatin1String("good_dk_")) || base.startsWith(QLatin1String("bad_dk_")) ||
           base.startsWith(QLatin1String("dk_"));
}

QMap<QString, QString> deviations()
{
    QMap<QString, QString> out;
    const QString text = QString::fromStdString(
        testpaths::readFile(QStringLiteral(SEALCHECK_SOURCE_DIR "/tests/othermethods/DEVIATIONS.md")));
    static const QRegularExpression re(QStringLiteral("^- `([^`]+)`: (.+)$"));
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const auto m = re.match(line.trimmed());
        if (m.hasMatch())
            out.insert(m.captured(1), m.captured(2));
    }
    return out;
}

ZoneResolver corpusZone(const QString &dir)
{
    ZoneResolver z;
    dkimtest::loadDnsFile(z, testpaths::readFile(dir + QStringLiteral("/FAKE_DNS.dat")));
    return z;
}

std::string corpusMessage(const QString &dir, const char *name)
{
    return testpaths::readFile(dir + QStringLiteral("/corpus/") + QLatin1String(name));
}

DomainKeysOptions lowered()
{
    DomainKeysOptions o;
    o.minRsaBits = 512;
    return o;
}

} // namespace

class tst_DomainKeys : public QObject
{
    Q_OBJECT

    QSet<QString> m_deviating;
    int m_agree = 0;

private slots:
    void conformance_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        SEALCHECK_REQUIRE_SUITE(dir, "mail-dkim-corpus");
        const QJsonArray cases =
            QJsonDocument::fromJson(QByteArray::fromStdString(testpaths::readFile(dir + QStringLiteral("/expected.json"))))
                .array();
        for (const QJsonValue &v : cases) {
            const QJsonObject o = v.toObject();
            const QString file = o.value(QStringLiteral("file")).toString();
            if (o.value(QStringLiteral("mode")).toString() != QLatin1String("default") || !isDomainKeysCase(file))
                continue;
            QString expected = o.value(QStringLiteral("expected")).toString();
            if (o.contains(QStringLiteral("per_signature"))) {
                QStringList per;
                for (const QJsonValue &s : o.value(QStringLiteral("per_signature")).toArray())
                    per << s.toString();
                expected = per.join(QLatin1Char(','));
            }
            QTest::newRow(qPrintable(file.section(QLatin1Char('/'), -1))) << dir + QLatin1Char('/') + file << expected;
        }
    }
    void conformance()
    {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        SEALCHECK_REQUIRE_SUITE(dir, "mail-dkim-corpus");
        const ZoneResolver zone = corpusZone(dir);
        auto m = Message::parse(testpaths::readFile(path));
        QVERIFY(m.ok());
        const auto results = DomainKeysVerifier::verify(*m, zone, lowered());
        QVERIFY(!results.empty());
        QStringList words, reasons;
        for (const auto &r : results) {
            words << word(r);
            reasons << QString::fromStdString(r.reason);
        }
        // A single expectation is the message's outcome: pass if any passes, else fail if any fails.
        QString got = words.join(QLatin1Char(','));
        if (!expected.contains(QLatin1Char(',')))
            got = words.contains(QLatin1String("pass")) ? QStringLiteral("pass")
                  : words.contains(QLatin1String("fail")) ? QStringLiteral("fail")
                                                          : QStringLiteral("invalid");
        const QString row = QString::fromUtf8(QTest::currentDataTag());
        const bool listed = deviations().contains(row);
        if (got == expected) {
            ++m_agree;
            QVERIFY2(!listed, qPrintable(row + QStringLiteral(" now agrees: remove it from DEVIATIONS.md")));
            return;
        }
        m_deviating.insert(row);
        QVERIFY2(listed, qPrintable(row + QStringLiteral(": got ") + got + QStringLiteral(", expected ") + expected +
                                    QStringLiteral(" [") + reasons.join(QStringLiteral("; ")) +
                                    QStringLiteral("] (not in DEVIATIONS.md)")));
    }
    void deviationListIsExact()
    {
        SEALCHECK_REQUIRE_SUITE(dir, "mail-dkim-corpus");
        for (const QString &row : deviations().keys())
            QVERIFY2(m_deviating.contains(row), qPrintable(row + QStringLiteral(" is listed but did not deviate")));
        qInfo("mail-dkim-corpus DomainKeys: %d agree, %d deviate (listed)", m_agree, int(m_deviating.size()));
    }

    void behaviour_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("prepend");     // header lines put above everything
        QTest::addColumn<QString>("replaceFrom"); // text to replace in the message ...
        QTest::addColumn<QString>("replaceTo");   // ... with this
        QTest::addColumn<int>("minBits");
        QTest::addColumn<QString>("failName");    // a DNS name made to fail (SERVFAIL) or removed ("-name")
        QTest::addColumn<AuthResult>("expected");
        QTest::addColumn<QString>("reasonHas");
        QTest::newRow("untouched-simple") << "good_dk_6.txt" << "" << "" << "" << 512 << "" << AuthResult::Pass << "valid";
        QTest::newRow("untouched-nofws") << "good_dk_1.txt" << "" << "" << "" << 512 << "" << AuthResult::Pass << "valid";
        QTest::newRow("nofws-ignores-added-spaces")
            << "good_dk_1.txt" << "" << "Subject: test from Yahoo" << "Subject:  test   from Yahoo" << 512 << ""
            << AuthResult::Pass << "valid";
        QTest::newRow("subject-changed") << "good_dk_1.txt" << "" << "Subject: test from Yahoo"
                                         << "Subject: test from Yahoo!" << 512 << "" << AuthResult::Fail << "does not verify";
        QTest::newRow("body-changed") << "good_dk_6.txt" << "" << "\r\n\r\n" << "\r\n\r\nX" << 512 << "" << AuthResult::Fail
                                      << "does not verify";
        QTest::newRow("field-above-signature-is-not-signed")
            << "good_dk_6.txt" << "X-Added: anything\r\n" << "" << "" << 512 << "" << AuthResult::Pass << "valid";
        QTest::newRow("unsigned-sender-above-is-ignored") << "good_dk_1.txt" << "Sender: someone@yahoo.com\r\n" << ""
                                                          << "" << 512 << "" << AuthResult::Pass << "valid";
        QTest::newRow("h-without-from") << "good_dk_1.txt" << "" << "Date:From:Subject" << "Date:Subject" << 512 << ""
                                        << AuthResult::PermError << "neither Sender nor From";
        QTest::newRow("second-from") << "good_dk_6.txt" << "From: mallory@messiah.edu\r\n" << "" << "" << 512 << ""
                                     << AuthResult::PermError << "exactly one";
        QTest::newRow("key-servfail") << "good_dk_1.txt" << "" << "" << "" << 512 << "s1024._domainkey.yahoo.com"
                                      << AuthResult::TempError << "temporary";
        QTest::newRow("key-missing") << "good_dk_1.txt" << "" << "" << "" << 512 << "-s1024._domainkey.yahoo.com"
                                     << AuthResult::PermError << "no key";
        QTest::newRow("rsa-floor-1024") << "good_dk_6.txt" << "" << "" << "" << 1024 << "" << AuthResult::PermError
                                        << "fewer than 1024";
        QTest::newRow("algorithm-rsa-sha256") << "good_dk_6.txt" << "" << "a=rsa-sha1" << "a=rsa-sha256" << 512 << ""
                                              << AuthResult::PermError << "unsupported algorithm";
        QTest::newRow("canonicalization-relaxed") << "good_dk_6.txt" << "" << "c=simple" << "c=relaxed" << 512 << ""
                                                  << AuthResult::PermError << "unsupported canonicalization";
    }
    void behaviour()
    {
        QFETCH(QString, file);
        QFETCH(QString, prepend);
        QFETCH(QString, replaceFrom);
        QFETCH(QString, replaceTo);
        QFETCH(int, minBits);
        QFETCH(QString, failName);
        QFETCH(AuthResult, expected);
        QFETCH(QString, reasonHas);
        SEALCHECK_REQUIRE_SUITE(dir, "mail-dkim-corpus");
        ZoneResolver zone;
        std::string dns = testpaths::readFile(dir + QStringLiteral("/FAKE_DNS.dat"));
        if (failName.startsWith(QLatin1Char('-'))) {
            const std::string name = failName.mid(1).toStdString();
            const size_t at = dns.find(name);
            QVERIFY(at != std::string::npos);
            dns.replace(at, name.size(), "removed.invalid");
        }
        dkimtest::loadDnsFile(zone, dns);
        if (!failName.isEmpty() && !failName.startsWith(QLatin1Char('-')))
            zone.setFailure(failName.toStdString(), DnsStatus::ServFail);
        std::string text = prepend.toStdString() + corpusMessage(dir, qPrintable(file));
        if (!replaceFrom.isEmpty()) {
            const size_t at = text.find(replaceFrom.toStdString());
            QVERIFY(at != std::string::npos);
            text.replace(at, size_t(replaceFrom.size()), replaceTo.toStdString());
        }
        auto m = Message::parse(text);
        QVERIFY(m.ok());
        DomainKeysOptions o;
        o.minRsaBits = minBits;
        const auto results = DomainKeysVerifier::verify(*m, zone, o);
        QCOMPARE(results.size(), size_t(1));
        QCOMPARE(results[0].result, expected);
        QVERIFY2(QString::fromStdString(results[0].reason).contains(reasonHas), results[0].reason.c_str());
    }

    void noSignatureNoResult()
    {
        ZoneResolver zone;
        auto m = Message::parse("From: a@example.com\r\nSubject: x\r\n\r\nbody\r\n");
        QVERIFY(m.ok());
        QVERIFY(DomainKeysVerifier::verify(*m, zone).empty());
    }

    void signedDataEmptyBodyDropsSeparator()
    {
        auto m = Message::parse("DomainKey-Signature: a=rsa-sha1; b=AA==\r\nFrom: a @example.com\r\n\r\n \r\n\r\n");
        QVERIFY(m.ok());
        QCOMPARE(QString::fromStdString(
                     DomainKeysVerifier::signedData(*m, 0, {}, false, DomainKeysCanonicalization::NoFws)),
                 QStringLiteral("From:a@example.com\r\n"));
        QCOMPARE(QString::fromStdString(
                     DomainKeysVerifier::signedData(*m, 0, {}, false, DomainKeysCanonicalization::Simple)),
                 QStringLiteral("From: a @example.com\r\n\r\n \r\n"));
    }

    // The pipeline: DomainKeys is reported as historic and never authenticates.
    void pipeline()
    {
        SEALCHECK_REQUIRE_SUITE(dir, "mail-dkim-corpus");
        const ZoneResolver zone = corpusZone(dir);
        auto m = Message::parse(corpusMessage(dir, "good_dk_6.txt"));
        QVERIFY(m.ok());
        VerifyContext c;
        c.resolver = &zone;
        c.now = 1790000000;
        c.limits.minRsaBits = 512;
        const Report r = verify(*m, c);
        QCOMPARE(r.domainKeys.size(), size_t(1));
        QCOMPARE(r.domainKeys[0].result, AuthResult::Pass);
        QVERIFY(r.verdict != Verdict::Authenticated);
        bool warned = false;
        for (const Finding &f : r.warnings)
            warned = warned || f.text == "uses DomainKeys, a historic method replaced by DKIM";
        QVERIFY(warned);
        // The store keeps the result: a JSON round trip gives the same report.
        auto back = reportFromJson(reportToJson(r));
        QVERIFY(back.ok());
        QVERIFY(*back == r);
    }
};

QTEST_GUILESS_MAIN(tst_DomainKeys)
#include "tst_domainkeys.moc"
