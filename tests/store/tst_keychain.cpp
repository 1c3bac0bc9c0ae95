// The keychain against a real gnome-keyring in a private D-Bus session (with-keyring.sh).
#include "Keychain.h"

#include <QCoreApplication>
#include <QTest>

using namespace sealcheck;

class tst_Keychain : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("SEALCHECK_KEYRING_TEST"))
            QSKIP("run through scripts/testenv/with-keyring.sh (ctest does) for a private Secret Service");
    }
    void writeReadDelete()
    {
        const QString key = Keychain::imapKey(QStringLiteral("alice"), QStringLiteral("IMAP.Example.com"), 993);
        QCOMPARE(key, QStringLiteral("imap:alice@imap.example.com:993"));
        auto missing = Keychain::readPasswordBlocking(key);
        QVERIFY(!missing.ok());
        QCOMPARE(QString::fromStdString(missing.error().message), QStringLiteral("no password is stored for this account"));

        auto w = Keychain::writePasswordBlocking(key, QStringLiteral("s3cret pässword"));
        QVERIFY2(w.ok(), w.ok() ? "" : w.error().message.c_str());
        auto r = Keychain::readPasswordBlocking(key);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(*r, QStringLiteral("s3cret pässword"));

        QVERIFY(Keychain::writePasswordBlocking(key, QStringLiteral("changed")).ok());
        QCOMPARE(*Keychain::readPasswordBlocking(key), QStringLiteral("changed"));

        QVERIFY(Keychain::deletePasswordBlocking(key).ok());
        QVERIFY(!Keychain::readPasswordBlocking(key).ok());
    }
};

QTEST_GUILESS_MAIN(tst_Keychain)
#include "tst_keychain.moc"
