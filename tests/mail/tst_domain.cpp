// Domain normalisation (verifier/mail/Domain.h): IDNA 2008 A-labels, case, trailing dot, label
// syntax, and lookalikes that must stay distinct.
#include "Domain.h"

#include <QTest>

using namespace verifier;

namespace {
QByteArray bytes(std::string_view s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}
} // namespace

class tst_Domain : public QObject
{
    Q_OBJECT
private slots:
    void normalize_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("allowSingleLabel");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QByteArray>("expected"); // the A-label, or a word of the error message

        const QByteArray label63(63, 'a');
        const QByteArray label64(64, 'a');
        QByteArray long254; // 4 * 63 + 3 dots = 255 octets
        long254 = label63 + '.' + label63 + '.' + label63 + '.' + label63;
        QByteArray ok253 = label63 + '.' + label63 + '.' + label63 + '.' + QByteArray(61, 'b');

        // Case and the root label (RFC 4343 case-insensitivity; RFC 1034 §3.1 trailing dot).
        QTest::newRow("lowercase-kept") << QByteArray("example.com") << false << true << QByteArray("example.com");
        QTest::newRow("uppercase") << QByteArray("Example.COM") << false << true << QByteArray("example.com");
        QTest::newRow("trailing-dot") << QByteArray("example.com.") << false << true << QByteArray("example.com");
        // IDNA 2008 (RFC 5891 §5) through UTS#46 non-transitional processing.
        QTest::newRow("u-label") << QByteArray("bücher.example") << false << true << QByteArray("xn--bcher-kva.example");
        QTest::newRow("u-label-uppercase") << QByteArray("BÜCHER.Example") << false << true
                                           << QByteArray("xn--bcher-kva.example");
        QTest::newRow("a-label") << QByteArray("xn--bcher-kva.example") << false << true
                                 << QByteArray("xn--bcher-kva.example");
        QTest::newRow("a-label-uppercase") << QByteArray("XN--BCHER-KVA.EXAMPLE") << false << true
                                           << QByteArray("xn--bcher-kva.example");
        // Non-transitional: ß stays ß (RFC 5892 PVALID), so faß and fass are different names.
        QTest::newRow("sharp-s-nontransitional") << QByteArray("faß.example") << false << true
                                                 << QByteArray("xn--fa-hia.example");
        QTest::newRow("cyrillic-a-lookalike") << QByteArray("p\xD0\xB0ypal.example") << false << true
                                              << QByteArray("xn--pypal-4ve.example");
        QTest::newRow("max-label-63") << QByteArray(label63 + ".example") << false << true
                                      << QByteArray(label63 + ".example");
        QTest::newRow("max-total-253") << ok253 << false << true << ok253;
        QTest::newRow("single-label-allowed") << QByteArray("LocalHost") << true << true << QByteArray("localhost");
        QTest::newRow("reserved-ldh-hyphens-34") << QByteArray("ab--cd.example") << false << true
                                                 << QByteArray("ab--cd.example");
        // Errors: never "clean up".
        QTest::newRow("empty") << QByteArray("") << false << false << QByteArray("empty");
        QTest::newRow("only-dot") << QByteArray(".") << false << false << QByteArray("empty label");
        QTest::newRow("empty-label") << QByteArray("example..com") << false << false << QByteArray("empty label");
        QTest::newRow("leading-dot") << QByteArray(".example.com") << false << false << QByteArray("empty label");
        QTest::newRow("two-trailing-dots") << QByteArray("example.com..") << false << false
                                           << QByteArray("empty label");
        QTest::newRow("address-literal") << QByteArray("[192.0.2.1]") << false << false << QByteArray("literal");
        QTest::newRow("single-label") << QByteArray("localhost") << false << false << QByteArray("single label");
        QTest::newRow("leading-hyphen") << QByteArray("-example.com") << false << false << QByteArray("hyphen");
        QTest::newRow("trailing-hyphen") << QByteArray("example-.com") << false << false << QByteArray("hyphen");
        QTest::newRow("underscore") << QByteArray("exa_mple.com") << false << false << QByteArray("character");
        QTest::newRow("space") << QByteArray("exa mple.com") << false << false << QByteArray("character");
        QTest::newRow("label-64") << QByteArray(label64 + ".example") << false << false << QByteArray("63");
        QTest::newRow("total-255") << long254 << false << false << QByteArray("253");
        QTest::newRow("nul-byte") << QByteArray("example.com\0.evil.example", 25) << false << false
                                  << QByteArray("character");
        QTest::newRow("nul-in-u-label") << QByteArray("b\xC3\xBC\0cher.example", 16) << false << false
                                        << QByteArray("NUL");
        QTest::newRow("invalid-utf8") << QByteArray("\xFF\xFE.example") << false << false << QByteArray("label");
        QTest::newRow("fake-a-label-empty") << QByteArray("xn--.example") << false << false << QByteArray("");
        QTest::newRow("fake-a-label-ascii") << QByteArray("xn--abc-.example") << false << false << QByteArray("");
        QTest::newRow("a-label-of-disallowed-emoji") << QByteArray("xn--ls8h.example") << false << false
                                                    << QByteArray("");
        QTest::newRow("fake-a-label-bad-punycode") << QByteArray("xn--a.example") << false << false
                                                   << QByteArray("");
        // UTS#46 would map these to plain ASCII: refused, not folded into the real name.
        QTest::newRow("fullwidth-letter") << QByteArray("\xEF\xBD\x85xample.com") << false << false
                                          << QByteArray("ASCII");
        QTest::newRow("ideographic-full-stop") << QByteArray("example\xE3\x80\x82" "com") << false << false
                                               << QByteArray("");
        QTest::newRow("disallowed-symbol") << QByteArray("\xE2\x98\x83.example") << false << false
                                           << QByteArray("");
        QTest::newRow("zero-width-joiner") << QByteArray("pay\xE2\x80\x8Dpal.example") << false << false
                                           << QByteArray("");
    }
    void normalize()
    {
        QFETCH(QByteArray, input);
        QFETCH(bool, allowSingleLabel);
        QFETCH(bool, ok);
        QFETCH(QByteArray, expected);
        auto r = normalizeDomain(std::string_view(input.constData(), size_t(input.size())), allowSingleLabel);
        QCOMPARE(r.ok(), ok);
        if (ok)
            QCOMPARE(bytes(*r), expected);
        else
            QVERIFY2(bytes(r.error().message).contains(expected), r.error().message.c_str());
    }

    // Lookalikes are different values after normalisation (RFC 5890 §4.4 / UTS #39 concern).
    void lookalikesStayDistinct_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::newRow("cyrillic-a") << QByteArray("paypal.example") << QByteArray("p\xD0\xB0ypal.example");
        QTest::newRow("greek-omicron") << QByteArray("google.example") << QByteArray("g\xCE\xBFogle.example");
        QTest::newRow("sharp-s") << QByteArray("fass.example") << QByteArray("fa\xC3\x9F.example");
        QTest::newRow("dotless-i") << QByteArray("bitcoin.example") << QByteArray("b\xC4\xB1tcoin.example");
    }
    void lookalikesStayDistinct()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        auto na = normalizeDomain(a.toStdString());
        auto nb = normalizeDomain(b.toStdString());
        QVERIFY(na.ok());
        QVERIFY(nb.ok());
        QVERIFY(*na != *nb);
        QVERIFY(bytes(*nb).startsWith("xn--") || bytes(*nb).contains(".xn--") || bytes(*nb).contains("xn--"));
    }

    void display_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("a-label") << QByteArray("xn--bcher-kva.example") << QByteArray("bücher.example");
        QTest::newRow("ascii") << QByteArray("example.com") << QByteArray("example.com");
        QTest::newRow("invalid-a-label-kept") << QByteArray("xn--ls8h.example") << QByteArray("xn--ls8h.example");
        QTest::newRow("uppercase-a-label") << QByteArray("XN--BCHER-KVA.example") << QByteArray("bücher.example");
        QTest::newRow("garbage-kept") << QByteArray("exa mple") << QByteArray("exa mple");
    }
    void display()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(bytes(domainForDisplay(input.toStdString())), expected);
    }
};

QTEST_GUILESS_MAIN(tst_Domain)
#include "tst_domain.moc"
