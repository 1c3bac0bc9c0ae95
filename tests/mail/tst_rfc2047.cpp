// RFC 2047 encoded words decoded for display (verifier/mail/Rfc2047.h).
#include "Rfc2047.h"

#include <QTest>

using namespace verifier;

class tst_Rfc2047 : public QObject
{
    Q_OBJECT
private slots:
    void decode_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::addColumn<bool>("decoded");

        // Charsets and encodings (RFC 2047 §4.1 B, §4.2 Q).
        QTest::newRow("utf8-b") << QByteArray("=?utf-8?b?SsO4cmFu?=") << QByteArray("J\xC3\xB8ran") << true;
        QTest::newRow("utf8-q-underscore") << QByteArray("=?UTF-8?Q?J=C3=B8ran_Smith?=")
                                           << QByteArray("J\xC3\xB8ran Smith") << true;
        QTest::newRow("utf8-b-no-padding") << QByteArray("=?utf-8?B?SsO4cmFu?=") << QByteArray("J\xC3\xB8ran") << true;
        QTest::newRow("latin1-q") << QByteArray("=?iso-8859-1?q?J=F8ran?=") << QByteArray("J\xC3\xB8ran") << true;
        QTest::newRow("latin1-b") << QByteArray("=?ISO-8859-1?B?SvhyYW4=?=") << QByteArray("J\xC3\xB8ran") << true;
        QTest::newRow("windows1252-euro") << QByteArray("=?windows-1252?q?=80_5?=") << QByteArray("\xE2\x82\xAC 5")
                                          << true;
        QTest::newRow("windows1252-quotes") << QByteArray("=?windows-1252?Q?=93hi=94?=")
                                            << QByteArray("\xE2\x80\x9Chi\xE2\x80\x9D") << true;
        // RFC 2047 §8 examples: white space between adjacent encoded words is dropped.
        QTest::newRow("rfc2047-s8-single") << QByteArray("(=?ISO-8859-1?Q?a?=)") << QByteArray("(a)") << true;
        QTest::newRow("rfc2047-s8-word-then-text") << QByteArray("(=?ISO-8859-1?Q?a?= b)") << QByteArray("(a b)")
                                                   << true;
        QTest::newRow("rfc2047-s8-adjacent") << QByteArray("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)")
                                             << QByteArray("(ab)") << true;
        QTest::newRow("rfc2047-s8-adjacent-two-spaces") << QByteArray("(=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=)")
                                                        << QByteArray("(ab)") << true;
        QTest::newRow("rfc2047-s8-adjacent-folded") << QByteArray("(=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=)")
                                                    << QByteArray("(ab)") << true;
        QTest::newRow("rfc2047-s8-underscore-space") << QByteArray("(=?ISO-8859-1?Q?a_b?=)") << QByteArray("(a b)")
                                                     << true;
        QTest::newRow("rfc2047-s8-two-charsets") << QByteArray("(=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=)")
                                                 << QByteArray("(a b)") << true;
        QTest::newRow("text-between-words-kept") << QByteArray("=?utf-8?q?a?= x =?utf-8?q?b?=")
                                                 << QByteArray("a x b") << true;
        QTest::newRow("plain-text-untouched") << QByteArray("Joe Smith") << QByteArray("Joe Smith") << false;
        // RFC 2231 §5 language tag.
        QTest::newRow("rfc2231-language") << QByteArray("=?US-ASCII*EN?Q?Keith_Moore?=") << QByteArray("Keith Moore")
                                          << true;
        // A character split between two adjacent words of one charset (seen in real mail).
        QTest::newRow("utf8-split-across-words") << QByteArray("=?utf-8?q?J=C3?= =?utf-8?q?=B8ran?=")
                                                 << QByteArray("J\xC3\xB8ran") << true;
        // Bytes that are not UTF-8 become U+FFFD, control characters stay (the caller escapes).
        QTest::newRow("utf8-invalid-byte") << QByteArray("=?utf-8?q?=FF?=") << QByteArray("\xEF\xBF\xBD") << true;
        QTest::newRow("nul-kept-for-caller") << QByteArray("=?utf-8?q?a=00b?=") << QByteArray("a\0b", 3) << true;
        // Mailsploit (2017): the decoded text may look like an address; it is only text here.
        QTest::newRow("mailsploit-address-text") << QByteArray("=?utf-8?b?Y2VvQGJhbmsuZXhhbXBsZQA=?=")
                                                 << QByteArray("ceo@bank.example\0", 17) << true;
        // Malformed words stay as written (RFC 2047 §6.3: display them as they are).
        QTest::newRow("space-in-text") << QByteArray("=?utf-8?q?a b?=") << QByteArray("=?utf-8?q?a b?=") << false;
        QTest::newRow("unknown-encoding") << QByteArray("=?utf-8?x?abc?=") << QByteArray("=?utf-8?x?abc?=") << false;
        QTest::newRow("bad-base64") << QByteArray("=?utf-8?b?!!!?=") << QByteArray("=?utf-8?b?!!!?=") << false;
        QTest::newRow("bad-base64-length") << QByteArray("=?utf-8?b?QUJDR?=") << QByteArray("=?utf-8?b?QUJDR?=")
                                           << false;
        QTest::newRow("bad-q-escape") << QByteArray("=?utf-8?q?=ZZ?=") << QByteArray("=?utf-8?q?=ZZ?=") << false;
        QTest::newRow("truncated-q-escape") << QByteArray("=?utf-8?q?a=4?=") << QByteArray("=?utf-8?q?a=4?=") << false;
        QTest::newRow("empty-charset") << QByteArray("=??q?abc?=") << QByteArray("=??q?abc?=") << false;
        QTest::newRow("unknown-charset") << QByteArray("=?x-no-such-charset?q?abc?=")
                                         << QByteArray("=?x-no-such-charset?q?abc?=") << false;
        QTest::newRow("unterminated") << QByteArray("=?utf-8?q?abc") << QByteArray("=?utf-8?q?abc") << false;
        QTest::newRow("unknown-charset-beside-good") << QByteArray("=?x-no-such?q?a?= =?utf-8?q?b?=")
                                                     << QByteArray("=?x-no-such?q?a?= b") << true;
        QTest::newRow("eight-bit-in-text") << QByteArray("=?utf-8?q?\xC3\xB8?=") << QByteArray("=?utf-8?q?\xC3\xB8?=")
                                           << false;
    }
    void decode()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QFETCH(bool, decoded);
        bool had = !decoded;
        const std::string out = decodeEncodedWords(std::string_view(input.constData(), size_t(input.size())), &had);
        QCOMPARE(QByteArray(out.data(), qsizetype(out.size())), expected);
        QCOMPARE(had, decoded);
    }

    // Bounded: words after Rfc2047Limits::maxWords stay as written; overlong input is untouched.
    void bounded()
    {
        std::string many;
        for (size_t i = 0; i <= Rfc2047Limits::maxWords; ++i)
            many += "=?utf-8?q?a?= x ";
        const std::string out = decodeEncodedWords(many);
        QCOMPARE(out.substr(0, 8), std::string("a x a x "));
        QCOMPARE(out.substr(out.size() - 16), std::string("=?utf-8?q?a?= x "));
        QCOMPARE(out.size(), Rfc2047Limits::maxWords * 4 + 16);

        std::string huge(Rfc2047Limits::maxInput + 1, 'a');
        huge.replace(0, 13, "=?utf-8?q?b?=");
        bool had = true;
        QCOMPARE(decodeEncodedWords(huge, &had), huge);
        QVERIFY(!had);
    }
};

QTEST_GUILESS_MAIN(tst_Rfc2047)
#include "tst_rfc2047.moc"
