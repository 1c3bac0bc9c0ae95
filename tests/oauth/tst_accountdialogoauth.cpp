// The account dialog's "Authentication" choice and "Sign in…" (issue 12), against the local
// authorization server of tests/common/LocalOAuthServer.h standing in for Microsoft (the provider
// data file is replaced through SEALCHECK_OAUTH_PROVIDERS). The tokens must reach the keychain
// (a private gnome-keyring: scripts/testenv/with-keyring.sh) and never the store file.
#include "AccountDialog.h"
#include "MessageStore.h"
#include "OAuthTokenStore.h"

#include "LocalOAuthServer.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace sealcheck;
using namespace sealcheck::ui;

class tst_AccountDialogOAuth : public QObject
{
    Q_OBJECT
    oauthtest::LocalOAuthServer m_server;
    QTemporaryDir m_dir;
    QNetworkAccessManager m_browser;

    /// The local server under the id "microsoft" (with its device flow), "google" left as shipped.
    QByteArray providers() const
    {
        QJsonObject doc = QJsonDocument::fromJson(m_server.providersJson()).object();
        QJsonArray list = doc.value(QStringLiteral("providers")).toArray();
        QJsonObject p = list.at(0).toObject();
        p.insert(QStringLiteral("id"), QStringLiteral("microsoft"));
        p.insert(QStringLiteral("name"), QStringLiteral("Microsoft 365"));
        p.insert(QStringLiteral("imap_host"), QStringLiteral("outlook.office365.com"));
        QJsonObject google{{QStringLiteral("id"), QStringLiteral("google")},
                           {QStringLiteral("name"), QStringLiteral("Google")},
                           {QStringLiteral("authorization_endpoint"), QStringLiteral("https://accounts.google.com/o/oauth2/v2/auth")},
                           {QStringLiteral("token_endpoint"), QStringLiteral("https://oauth2.googleapis.com/token")},
                           {QStringLiteral("imap_host"), QStringLiteral("imap.gmail.com")},
                           {QStringLiteral("client_id"), QString()}};
        return QJsonDocument(QJsonObject{{QStringLiteral("providers"), QJsonArray{p, google}}}).toJson();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        const QString file = m_dir.filePath(QStringLiteral("providers.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(providers());
        f.close();
        qputenv("SEALCHECK_OAUTH_PROVIDERS", file.toUtf8());
        qunsetenv("SEALCHECK_OAUTH_GOOGLE_CLIENT_ID");
    }

    void cleanupTestCase() { m_server.stop(); }

    void choosingAuthentication_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<bool>("passwordVisible");
        QTest::addColumn<bool>("deviceCodeVisible");
        QTest::addColumn<QString>("host");
        QTest::newRow("password") << QString() << true << false << QString();
        QTest::newRow("google") << QStringLiteral("google") << false << false << QStringLiteral("imap.gmail.com");
        QTest::newRow("microsoft") << QStringLiteral("microsoft") << false << true << QStringLiteral("outlook.office365.com");
    }

    void choosingAuthentication()
    {
        QFETCH(QString, provider);
        QFETCH(bool, passwordVisible);
        QFETCH(bool, deviceCodeVisible);
        QFETCH(QString, host);
        AccountDialog d(nullptr);
        d.show();
        d.authenticationBox()->setCurrentIndex(d.authenticationBox()->findData(provider));
        QCOMPARE(d.oauthProviderId(), provider);
        // Chosen on the address page, used on the sign-in page (issue 20: the wizard).
        QCOMPARE(d.authenticationBox()->isVisible(), true);
        d.showPage(AccountDialog::SignInPage);
        QCOMPARE(d.passwordEdit()->isVisible(), passwordVisible);
        QCOMPARE(d.signInButton()->isVisible(), !passwordVisible);
        QCOMPARE(d.deviceCodeBox()->isVisible(), deviceCodeVisible);
        QCOMPARE(d.hostEdit()->text(), host);
        QCOMPARE(int(d.account().authentication),
                 int(provider.isEmpty() ? AuthenticationKind::Password : AuthenticationKind::OAuth));
    }

    void googleWithoutClientIdExplains()
    {
        AccountDialog d(nullptr);
        d.authenticationBox()->setCurrentIndex(d.authenticationBox()->findData(QStringLiteral("google")));
        QSignalSpy done(&d, &AccountDialog::signInFinished);
        d.signInButton()->click();
        QTRY_COMPARE(done.size(), 1);
        QCOMPARE(done.front().at(0).toBool(), false);
        QVERIFY2(d.signInStatusLabel()->text().contains(QStringLiteral("no OAuth client ID")),
                 qPrintable(d.signInStatusLabel()->text()));
        // A per-account client ID makes it configured (the flow then starts).
        d.clientIdEdit()->setText(QStringLiteral("distributor-id"));
        QCOMPARE(d.account().oauthOverrides, QStringLiteral(R"({"client_id":"distributor-id"})"));
    }

    void signInAndSave_data()
    {
        QTest::addColumn<bool>("deviceCode");
        QTest::newRow("browser") << false;
        QTest::newRow("device-code") << true;
    }

    void signInAndSave()
    {
        QFETCH(bool, deviceCode);
        if (!qEnvironmentVariableIsSet("SEALCHECK_KEYRING_TEST"))
            QSKIP("needs a private keyring: run through scripts/testenv/with-keyring.sh (ctest does)");
        AccountDialog d(nullptr);
        d.setMinimumPollIntervalMs(200);
        d.setBrowserOpener([this](const QUrl &url) {
            QNetworkRequest r(url);
            QNetworkReply *reply = m_browser.get(r);
            connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        });
        d.emailEdit()->setText(QStringLiteral("alice@contoso.example"));
        d.userEdit()->setText(QStringLiteral("alice@contoso.example"));
        d.authenticationBox()->setCurrentIndex(d.authenticationBox()->findData(QStringLiteral("microsoft")));
        d.deviceCodeBox()->setChecked(deviceCode);
        QSignalSpy done(&d, &AccountDialog::signInFinished);
        d.signInButton()->click();
        if (deviceCode) {
            QTRY_VERIFY_WITH_TIMEOUT(d.signInStatusLabel()->text().contains(QStringLiteral("WDJB-")), 10000);
            const QString text = d.signInStatusLabel()->text();
            QVERIFY2(text.contains(m_server.url(QStringLiteral("/device-verify"))), qPrintable(text));
            const qsizetype at = text.indexOf(QStringLiteral("WDJB-"));
            QVERIFY(m_server.approveDevice(text.mid(at, 9)));
        }
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 15000);
        QVERIFY2(done.front().at(0).toBool(), qPrintable(done.front().at(1).toString()));
        QVERIFY(d.pendingTokens().has_value());
        const oauth::OAuthTokens tokens = *d.pendingTokens();

        const QString storePath = m_dir.filePath(deviceCode ? QStringLiteral("device.sqlite") : QStringLiteral("browser.sqlite"));
        MessageStore store;
        QVERIFY(store.open(storePath).ok());
        QSignalSpy stored(&d, &AccountDialog::tokensStored);
        QVERIFY(d.save(store).ok());
        QTRY_COMPARE(stored.size(), 1);
        QVERIFY2(stored.front().at(0).toBool(), qPrintable(stored.front().at(1).toString()));
        const AccountRecord saved = store.accounts().front();
        QCOMPARE(int(saved.authentication), int(AuthenticationKind::OAuth));
        QCOMPARE(saved.oauthProvider, QStringLiteral("microsoft"));
        QCOMPARE(saved.host, QStringLiteral("outlook.office365.com"));
        const auto inKeychain = oauth::OAuthTokenStore::loadBlocking(
            oauth::OAuthTokenStore::key(saved.username, saved.host, saved.port));
        QVERIFY(inKeychain.ok());
        QCOMPARE(inKeychain->accessToken, tokens.accessToken);
        QByteArray bytes;
        for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
            QFile file(storePath + suffix);
            if (file.open(QIODevice::ReadOnly))
                bytes += file.readAll();
        }
        QVERIFY(bytes.contains("outlook.office365.com"));
        QVERIFY(!bytes.contains(tokens.accessToken.toUtf8()));
        QVERIFY(!bytes.contains(tokens.refreshToken.toUtf8()));
    }
};

QTEST_MAIN(tst_AccountDialogOAuth)
#include "tst_accountdialogoauth.moc"
