#include "AuthResult.h"
#include "Strings.h"

#include <QTest>

using namespace verifier;

class tst_Strings : public QObject
{
    Q_OBJECT
private slots:
    void authResultRoundTrip()
    {
        const AuthResult all[] = {AuthResult::None,    AuthResult::Pass,      AuthResult::Fail,
                                  AuthResult::SoftFail, AuthResult::Neutral,  AuthResult::TempError,
                                  AuthResult::PermError, AuthResult::Policy};
        for (AuthResult r : all) {
            auto back = parseAuthResult(rfc8601Token(r));
            QVERIFY(back.has_value());
            QCOMPARE(int(*back), int(r));
        }
        QVERIFY(!parseAuthResult("hardfail").has_value());
        QCOMPARE(int(*parseAuthResult("HardFail", true)), int(AuthResult::Fail));
        QCOMPARE(int(*parseAuthResult("PASS")), int(AuthResult::Pass));
    }
    void base64()
    {
        bool ok = false;
        QCOMPARE(QByteArray::fromStdString(base64Decode("aGVs bG8=\r\n", &ok)), QByteArray("hello"));
        QVERIFY(ok);
        base64Decode("aGVs*bG8=", &ok);
        QVERIFY(!ok);
        base64Decode("aGVsbG8=x", &ok);
        QVERIFY(!ok);
        QCOMPARE(QByteArray::fromStdString(base64Encode("hello")), QByteArray("aGVsbG8="));
        for (int n = 0; n < 10; ++n) {
            std::string s(size_t(n), 'x');
            QCOMPARE(base64Decode(base64Encode(s), &ok), s);
        }
    }
    void escapeForDisplay_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::addColumn<bool>("changed");
        QTest::newRow("plain") << QByteArray("Alice <a@b.c>") << QByteArray("Alice <a@b.c>") << false;
        QTest::newRow("nul") << QByteArray("a\0b", 3) << QByteArray("a\\x00b") << true;
        QTest::newRow("crlf") << QByteArray("a\r\nb") << QByteArray("a\\x0D\\x0Ab") << true;
        QTest::newRow("rlo") << QByteArray("pay\xE2\x80\xAEpal") << QByteArray("pay\\u202Epal") << true;
        QTest::newRow("zwsp") << QByteArray("pay\xE2\x80\x8Bpal") << QByteArray("pay\\u200Bpal") << true;
        QTest::newRow("umlaut") << QByteArray("J\xC3\xBCrgen") << QByteArray("J\xC3\xBCrgen") << false;
        QTest::newRow("invalid utf8") << QByteArray("a\xFF") << QByteArray("a\\xFF") << true;
        QTest::newRow("overlong") << QByteArray("\xC0\xAF") << QByteArray("\\xC0\\xAF") << true;
    }
    void escapeForDisplay()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QFETCH(bool, changed);
        bool did = false;
        QCOMPARE(QByteArray::fromStdString(verifier::escapeForDisplay(input.toStdString(), &did)), expected);
        QCOMPARE(did, changed);
    }
};

QTEST_APPLESS_MAIN(tst_Strings)
#include "tst_strings.moc"
