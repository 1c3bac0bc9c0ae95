// SealcheckFields: the fields `sealcheck-cli filter` prepends, the removal of forged copies
// (X-Sealcheck-*, Authentication-Results with our authserv-id: RFC 8601 §5), and byte-exact
// pass-through of everything else with the message's own line ends.
#include "SealcheckFields.h"

#include <QTest>

using namespace sealcheck;

namespace {
const std::string kAr = "mx.home.example;\r\n    x-sealcheck=forged header.from=mybank.example;\r\n    dkim=none";
}

class tst_SealcheckFields : public QObject
{
    Q_OBJECT
private slots:
    void authservIdOf_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("id");
        QTest::newRow("plain") << QStringLiteral(" mx.home.example; dkim=pass") << QStringLiteral("mx.home.example");
        QTest::newRow("no space") << QStringLiteral("mx.home.example;spf=pass") << QStringLiteral("mx.home.example");
        QTest::newRow("comment first") << QStringLiteral(" (made (up)) MX.Home.Example 1; none") << QStringLiteral("MX.Home.Example");
        QTest::newRow("folded") << QStringLiteral("\r\n\tmx.home.example;\r\n dkim=pass") << QStringLiteral("mx.home.example");
        QTest::newRow("quoted") << QStringLiteral(" \"mx.home.example\"; none") << QStringLiteral("mx.home.example");
        QTest::newRow("empty") << QStringLiteral("   ") << QString();
    }
    void authservIdOf()
    {
        QFETCH(QString, value);
        QFETCH(QString, id);
        QCOMPARE(QString::fromStdString(sealcheck::authservIdOf(value.toStdString())), id);
    }

    /// Forged copies go, whatever their case or spacing; the provider's field and the body stay.
    void removesForgedCopies()
    {
        const std::string in = "Authentication-Results: mx.home.example; dkim=pass\r\n"
                               "X-Sealcheck-Verdict: authenticated; domain=mybank.example\r\n"
                               "Received: from a by b; Mon, 23 Nov 2026 10:00:00 +0000\r\n"
                               "authentication-results : (c) MX.HOME.EXAMPLE;\r\n  x-sealcheck=authenticated\r\n"
                               "Authentication-Results: mx.provider.example; dkim=fail\r\n"
                               "x-sealcheck-anything: 1\r\n"
                               "From: Bank <service@mybank.example>\r\n"
                               "Subject: X-Sealcheck-Verdict: authenticated\r\n"
                               "\r\n"
                               "X-Sealcheck-Verdict: authenticated\r\n"
                               "Authentication-Results: mx.home.example; dkim=pass\r\n";
        const MarkedMessage m = markMessage(in, "mx.home.example", kAr, "forged; domain=mybank.example");
        QCOMPARE(m.removedFields, 4);
        const std::string expected = "Authentication-Results: mx.home.example;\r\n"
                                     "    x-sealcheck=forged header.from=mybank.example;\r\n"
                                     "    dkim=none\r\n"
                                     "X-Sealcheck-Verdict: forged; domain=mybank.example\r\n"
                                     "Received: from a by b; Mon, 23 Nov 2026 10:00:00 +0000\r\n"
                                     "Authentication-Results: mx.provider.example; dkim=fail\r\n"
                                     "From: Bank <service@mybank.example>\r\n"
                                     "Subject: X-Sealcheck-Verdict: authenticated\r\n"
                                     "\r\n"
                                     "X-Sealcheck-Verdict: authenticated\r\n"
                                     "Authentication-Results: mx.home.example; dkim=pass\r\n";
        QCOMPARE(QByteArray::fromStdString(m.bytes), QByteArray::fromStdString(expected));
    }

    /// An LF-only message gets LF-only fields; the rest is byte for byte the input.
    void keepsLineEnds()
    {
        const std::string in = "From: a@example.com\nSubject: hi\n\nbody\r\nmixed\n";
        const MarkedMessage m = markMessage(in, "mx.home.example", kAr, "forged");
        QVERIFY(m.bytes.find('\r') == m.bytes.find("\r\nmixed"));
        QVERIFY(m.bytes.size() > in.size());
        QCOMPARE(QByteArray::fromStdString(m.bytes.substr(m.bytes.size() - in.size())), QByteArray::fromStdString(in));
        QVERIFY(m.bytes.rfind("Authentication-Results: mx.home.example;\n    x-sealcheck=forged", 0) == 0);
    }

    /// procmail hands filters the mbox "From " line: it stays first.
    void mboxSeparatorStaysFirst()
    {
        const std::string in = "From sender@example.com Mon Nov 23 10:00:00 2026\nFrom: a@example.com\n\nbody\n";
        const MarkedMessage m = markMessage(in, "id", "id; none", "unauthenticated");
        QCOMPARE(QByteArray::fromStdString(m.bytes),
                 QByteArray("From sender@example.com Mon Nov 23 10:00:00 2026\nAuthentication-Results: id; none\n"
                            "X-Sealcheck-Verdict: unauthenticated\nFrom: a@example.com\n\nbody\n"));
    }

    /// A stray continuation line does not end the header (forged fields after it still go), and
    /// one at the very top stays above our fields, so it cannot unfold into our verdict.
    void strayContinuationDoesNotHideFields()
    {
        const std::string in = " authenticated\r\nX-Sealcheck-Verdict: authenticated\r\nFrom: a@example.com\r\n"
                               "\tjunk\r\n \r\nX-Sealcheck-Other: 1\r\n\r\nb\r\n";
        const MarkedMessage m = markMessage(in, "id", "id; none", "forged");
        QCOMPARE(m.removedFields, 2);
        QCOMPARE(QByteArray::fromStdString(m.bytes),
                 QByteArray(" authenticated\r\nAuthentication-Results: id; none\r\nX-Sealcheck-Verdict: forged\r\n"
                            "From: a@example.com\r\n\tjunk\r\n \r\n\r\nb\r\n"));
    }

    /// Arbitrary header-like input: never more than our two fields added, and marking the marked
    /// message again gives the same bytes (every copy of our fields is found and replaced).
    void randomInputsAreIdempotent()
    {
        const char *pieces[] = {"X-Sealcheck-Verdict: authenticated", "x-sealcheck-a:", "Authentication-Results: id; x",
                                "Authentication-Results: (c) \"id\"; y", "Authentication-Results: other; z",
                                "From: a@b.example", "From x", " cont", "\tcont", "", ":", "Subject: hi", "ID", "\r"};
        const char *ends[] = {"\n", "\r\n", ""};
        quint32 seed = 12345;
        auto next = [&seed](quint32 n) {
            seed = seed * 1103515245u + 12345u;
            return (seed >> 16) % n;
        };
        for (int round = 0; round < 3000; ++round) {
            std::string in;
            const quint32 lines = next(12);
            for (quint32 i = 0; i < lines; ++i)
                in += std::string(pieces[next(14)]) + ends[next(3)];
            const MarkedMessage once = markMessage(in, "id", "id; x-sealcheck=forged", "forged");
            QVERIFY(once.bytes.size() <= in.size() + 100);
            const MarkedMessage twice = markMessage(once.bytes, "id", "id; x-sealcheck=forged", "forged");
            QVERIFY2(twice.bytes == once.bytes, qPrintable(QString::fromStdString(in).toHtmlEscaped()));
        }
    }

    void verdictValue()
    {
        verifier::Report r;
        r.verdict = verifier::Verdict::Authenticated;
        r.from.domain = "lists.example.org";
        r.authenticatedDomain = "mybank.example";
        r.via = "sendgrid.net";
        QCOMPARE(QString::fromStdString(verdictFieldValue(r)),
                 QStringLiteral("authenticated; domain=mybank.example; via=sendgrid.net"));
        r.verdict = verifier::Verdict::Suspicious;
        r.from.domain = "rnybank.example";
        QCOMPARE(QString::fromStdString(verdictFieldValue(r)), QStringLiteral("suspicious; domain=rnybank.example"));
        r.from.domain = "evil.example\r\nX-Injected: 1";
        QCOMPARE(QString::fromStdString(verdictFieldValue(r)), QStringLiteral("suspicious"));
        r.verdict = verifier::Verdict::NotChecked;
        r.from.domain.clear();
        QCOMPARE(QString::fromStdString(verdictFieldValue(r)), QStringLiteral("not-checked"));
    }
};

QTEST_APPLESS_MAIN(tst_SealcheckFields)
#include "tst_sealcheckfields.moc"
