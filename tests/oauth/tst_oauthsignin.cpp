// Integration: OAuth 2.0 sign-in with real parts on loopback (issue 12). A small authorization
// server (tests/common/LocalOAuthServer.h) on its own thread; Dovecot (tests/common/DovecotServer.h)
// checking bearer tokens with its oauth2 passdb against that server's introspection endpoint; a
// private gnome-keyring (scripts/testenv/with-keyring.sh, ctest runs it so). The test plays the
// browser and the user. Skips when dovecot is absent, not root, or without the private keyring.
#include "AccountSync.h"
#include "ImapSyncClient.h"
#include "MessageStore.h"
#include "OAuthImapLogin.h"
#include "OAuthProvider.h"
#include "OAuthSignIn.h"
#include "OAuthTokenStore.h"
#include "ZoneResolver.h"

#include "DovecotServer.h"
#include "LocalOAuthServer.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace oauth;
using namespace sealcheck;

class tst_OAuthSignIn : public QObject
{
    Q_OBJECT
    oauthtest::LocalOAuthServer m_server;
    dovecottest::Dovecot m_dovecot;
    QTemporaryDir m_dir;
    QString m_dovecotProblem;
    QNetworkAccessManager m_browser;
    int m_accounts = 0;

    OAuthProvider provider(const QByteArray &overrides = {})
    {
        auto p = OAuthProvider::find(QStringLiteral("local"), overrides);
        return p ? *p : OAuthProvider{};
    }

    /// The test as the user's browser: GET the authorization URL, follow the redirect to the
    /// loopback listener.
    void browse(const QUrl &url)
    {
        QNetworkRequest r(url);
        r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        QNetworkReply *reply = m_browser.get(r);
        connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    }

    /// A fresh sign-in by the code flow.
    std::optional<OAuthTokens> signIn()
    {
        OAuthSignIn flow(provider());
        flow.setBrowserOpener([this](const QUrl &url) { browse(url); });
        QSignalSpy ok(&flow, &OAuthSignIn::succeeded);
        QSignalSpy failed(&flow, &OAuthSignIn::failed);
        if (!flow.startAuthorizationCode())
            return std::nullopt;
        QElapsedTimer t;
        t.start();
        while (ok.isEmpty() && failed.isEmpty() && t.elapsed() < 20000)
            QTest::qWait(20);
        if (ok.isEmpty())
            return std::nullopt;
        return ok.front().front().value<OAuthTokens>();
    }

    bool needDovecot()
    {
        return m_dovecotProblem.isEmpty();
    }

    /// A store with one OAuth account for alice at the Dovecot, its tokens in the keychain.
    struct Account
    {
        QString storePath;
        AccountRecord record;
    };
    std::optional<Account> makeAccount(const OAuthTokens &tokens, const QByteArray &overrides = {})
    {
        Account a;
        a.storePath = m_dir.filePath(QStringLiteral("store-%1.sqlite").arg(++m_accounts));
        MessageStore store;
        if (!store.open(a.storePath))
            return std::nullopt;
        a.record.name = QStringLiteral("Alice (OAuth)");
        a.record.host = QStringLiteral("127.0.0.1");
        a.record.port = m_dovecot.port;
        a.record.username = dovecottest::kUser;
        a.record.authentication = AuthenticationKind::OAuth;
        a.record.oauthProvider = QStringLiteral("local");
        a.record.oauthOverrides = QString::fromUtf8(overrides);
        auto id = store.saveAccount(a.record);
        if (!id)
            return std::nullopt;
        a.record.id = *id;
        if (!OAuthTokenStore::saveBlocking(OAuthTokenStore::key(a.record.username, a.record.host, a.record.port), tokens))
            return std::nullopt;
        return a;
    }

    AccountSyncOptions options(const Account &a) const
    {
        AccountSyncOptions o;
        o.accountId = a.record.id;
        o.storePath = a.storePath;
        o.verification.resolver = std::make_shared<verifier::ZoneResolver>();
        o.watch = false;
        o.extraCaCertificates = {m_dovecot.caCert};
        o.maxRetries = 0;
        return o;
    }

    OAuthExpected<OAuthTokens> keychainTokens(const AccountRecord &r)
    {
        return OAuthTokenStore::loadBlocking(OAuthTokenStore::key(r.username, r.host, r.port));
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<OAuthTokens>();
        qRegisterMetaType<OAuthError>();
        QVERIFY(m_server.start());
        const QString providers = m_dir.filePath(QStringLiteral("providers.json"));
        QFile f(providers);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(m_server.providersJson());
        f.close();
        qputenv("SEALCHECK_OAUTH_PROVIDERS", providers.toUtf8()); // also seen by sealcheck-cli
        QVERIFY(provider().validate().ok());
        m_dovecot.oauth2IntrospectionUrl = m_server.url(QStringLiteral("/introspect"));
        m_dovecotProblem = m_dovecot.setUp();
        if (m_dovecotProblem.isEmpty())
            for (int i = 1; i <= 2; ++i)
                QVERIFY(m_dovecot.deliver(dovecottest::message(i)));
    }

    void cleanupTestCase()
    {
        m_dovecot.stop();
        m_server.stop();
    }

    // ---- the authorization code flow with PKCE on a loopback redirect (RFC 8252, RFC 7636)

    void codeFlow_data()
    {
        QTest::addColumn<QString>("browser");
        QTest::addColumn<bool>("succeeds");
        QTest::addColumn<int>("errorKind");
        QTest::newRow("user-signs-in") << QStringLiteral("follow") << true << -1;
        QTest::newRow("forged-state") << QStringLiteral("forged-state") << false << int(OAuthErrorKind::AccessDenied);
        QTest::newRow("user-refuses") << QStringLiteral("deny") << false << int(OAuthErrorKind::AccessDenied);
    }

    void codeFlow()
    {
        QFETCH(QString, browser);
        QFETCH(bool, succeeds);
        QFETCH(int, errorKind);
        const int codesBefore = m_server.count(QStringLiteral("code"));
        OAuthSignIn flow(provider());
        QUrl seen;
        flow.setBrowserOpener([&](const QUrl &url) {
            seen = url;
            if (browser == QLatin1String("follow")) {
                browse(url);
                return;
            }
            // Straight to the loopback listener, as a provider (or an attacker) could.
            QUrlQuery q(url);
            QUrl back(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
            QUrlQuery bq;
            if (browser == QLatin1String("deny")) {
                bq.addQueryItem(QStringLiteral("error"), QStringLiteral("access_denied"));
                bq.addQueryItem(QStringLiteral("state"), q.queryItemValue(QStringLiteral("state")));
            } else {
                bq.addQueryItem(QStringLiteral("code"), QStringLiteral("stolen"));
                bq.addQueryItem(QStringLiteral("state"), QStringLiteral("not-the-state"));
            }
            back.setQuery(bq);
            browse(back);
        });
        QSignalSpy ok(&flow, &OAuthSignIn::succeeded);
        QSignalSpy failed(&flow, &OAuthSignIn::failed);
        QVERIFY(flow.startAuthorizationCode());
        QCOMPARE(flow.redirectUri().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(flow.redirectUri().port() > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!ok.isEmpty() || !failed.isEmpty(), 20000);
        const QUrlQuery q(seen);
        QCOMPARE(q.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QCOMPARE(q.queryItemValue(QStringLiteral("client_id")), oauthtest::kClientId);
        QCOMPARE(ok.size(), succeeds ? 1 : 0);
        QCOMPARE(failed.size(), succeeds ? 0 : 1);
        if (succeeds) {
            const auto t = ok.front().front().value<OAuthTokens>();
            QVERIFY(!t.accessToken.isEmpty());
            QVERIFY(!t.refreshToken.isEmpty());
            QVERIFY(t.expiresAt > QDateTime::currentSecsSinceEpoch());
            QCOMPARE(t.providerId, QStringLiteral("local"));
            QVERIFY(m_server.isAccessTokenActive(t.accessToken));
            QCOMPARE(m_server.count(QStringLiteral("code")), codesBefore + 1); // one exchange...
            QCOMPARE(m_server.count(QStringLiteral("pkce_failed")), 0);       // ...with the right verifier
        } else {
            QCOMPARE(int(failed.front().front().value<OAuthError>().kind), errorKind);
            QCOMPARE(m_server.count(QStringLiteral("code")), codesBefore); // no code exchanged
        }
    }

    void notConfigured()
    {
        OAuthSignIn flow(provider(R"({"client_id":""})"));
        QSignalSpy failed(&flow, &OAuthSignIn::failed);
        QVERIFY(!flow.startAuthorizationCode());
        QTRY_COMPARE(failed.size(), 1);
        const auto e = failed.front().front().value<OAuthError>();
        QCOMPARE(int(e.kind), int(OAuthErrorKind::NotConfigured));
        QVERIFY2(e.message.contains(QStringLiteral("no OAuth client ID")), qPrintable(e.message));
    }

    // ---- the device authorization flow (RFC 8628)

    void deviceFlow_data()
    {
        QTest::addColumn<bool>("approve");
        QTest::newRow("user-approves") << true;
        QTest::newRow("user-refuses") << false;
    }

    void deviceFlow()
    {
        QFETCH(bool, approve);
        OAuthSignIn flow(provider());
        flow.setMinimumPollIntervalMs(200);
        QSignalSpy code(&flow, &OAuthSignIn::deviceCodeReady);
        QSignalSpy ok(&flow, &OAuthSignIn::succeeded);
        QSignalSpy failed(&flow, &OAuthSignIn::failed);
        QVERIFY(flow.startDeviceFlow());
        QTRY_COMPARE_WITH_TIMEOUT(code.size(), 1, 10000);
        const QString userCode = code.front().at(0).toString();
        QCOMPARE(code.front().at(1).toUrl(), QUrl(m_server.url(QStringLiteral("/device-verify"))));
        QTest::qWait(1500); // at least one "authorization_pending" poll
        QVERIFY(ok.isEmpty() && failed.isEmpty());
        QVERIFY(m_server.approveDevice(userCode, approve));
        QTRY_VERIFY_WITH_TIMEOUT(!ok.isEmpty() || !failed.isEmpty(), 10000);
        if (approve) {
            QCOMPARE(ok.size(), 1);
            QVERIFY(m_server.isAccessTokenActive(ok.front().front().value<OAuthTokens>().accessToken));
        } else {
            QCOMPARE(failed.size(), 1);
            QCOMPARE(int(failed.front().front().value<OAuthError>().kind), int(OAuthErrorKind::AccessDenied));
        }
    }

    // ---- IMAP login with the bearer mechanisms against Dovecot's oauth2 passdb

    void imapLogin_data()
    {
        QTest::addColumn<QByteArray>("mechanism");
        QTest::addColumn<bool>("validToken");
        QTest::newRow("xoauth2") << QByteArray("XOAUTH2") << true;
        QTest::newRow("oauthbearer") << QByteArray("OAUTHBEARER") << true;
        QTest::newRow("xoauth2-refused") << QByteArray("XOAUTH2") << false;
        QTest::newRow("oauthbearer-refused") << QByteArray("OAUTHBEARER") << false;
    }

    void imapLogin()
    {
        QFETCH(QByteArray, mechanism);
        QFETCH(bool, validToken);
        if (!needDovecot())
            QSKIP(qPrintable(m_dovecotProblem));
        const auto tokens = signIn();
        QVERIFY(tokens);
        OAuthProvider p = provider();
        p.saslMechanism = mechanism;
        const int introspectionsBefore = m_server.count(QStringLiteral("introspect"));
        imap::ImapSyncClient client(m_dovecot.settings());
        const QString token = validToken ? tokens->accessToken : QStringLiteral("not-a-token");
        auto r = client.connectAndAuthenticate(OAuthImapLogin::mechanism(p, dovecottest::kUser, token,
                                                                         QStringLiteral("127.0.0.1"), m_dovecot.port));
        // The token is in no form in the protocol log.
        const QByteArray log = client.protocolLog();
        QVERIFY(log.contains("AUTHENTICATE " + mechanism));
        QVERIFY(!log.contains(token.toUtf8()));
        QVERIFY(!log.contains(OAuthImapLogin::mechanism(p, dovecottest::kUser, token, QStringLiteral("127.0.0.1"),
                                                        m_dovecot.port)->initialResponse()->toBase64()));
        // Dovecot's oauth2 passdb asked the authorization server about the token.
        QVERIFY(m_server.count(QStringLiteral("introspect")) > introspectionsBefore);
        if (validToken) {
            QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
            auto box = client.examine(QStringLiteral("INBOX"));
            QVERIFY(box.ok());
            QCOMPARE(int(box->exists), 2);
            client.logout();
        } else {
            QVERIFY(!r.ok());
            QCOMPARE(int(r.error().kind), int(imap::ImapErrorKind::AuthenticationFailed));
            QVERIFY2(r.error().message.startsWith(QStringLiteral("the token was refused")), qPrintable(r.error().message));
        }
    }

    // ---- the account sync: silent refresh, "sign in again", tokens only in the keychain

    void syncRefreshesSilently_data()
    {
        QTest::addColumn<QString>("expiry");
        QTest::addColumn<QByteArray>("overrides");
        // The server expired the token early: the login is refused, then refreshed and retried.
        QTest::newRow("refused-then-refreshed-xoauth2") << QStringLiteral("server") << QByteArray();
        QTest::newRow("refused-then-refreshed-oauthbearer") << QStringLiteral("server")
                                                            << QByteArray(R"({"sasl_mechanism":"OAUTHBEARER"})");
        // The saved expiry has passed: refreshed before logging in.
        QTest::newRow("known-expiry") << QStringLiteral("local") << QByteArray();
        // A token issued for 2 seconds, used after 3: the client knows, the server agrees.
        QTest::newRow("short-lived-token") << QStringLiteral("wait") << QByteArray();
    }

    void syncRefreshesSilently()
    {
        QFETCH(QString, expiry);
        QFETCH(QByteArray, overrides);
        if (!needDovecot())
            QSKIP(qPrintable(m_dovecotProblem));
        if (!qEnvironmentVariableIsSet("SEALCHECK_KEYRING_TEST"))
            QSKIP("needs a private keyring: run through scripts/testenv/with-keyring.sh (ctest does)");
        if (expiry == QLatin1String("wait"))
            m_server.setAccessTokenLifetime(2);
        auto tokens = signIn();
        m_server.setAccessTokenLifetime(3600);
        QVERIFY(tokens);
        if (expiry == QLatin1String("server")) {
            m_server.expireAccessTokens();
        } else if (expiry == QLatin1String("wait")) {
            QVERIFY(tokens->expiresAt <= QDateTime::currentSecsSinceEpoch() + 2);
            QTest::qWait(3000);
            QVERIFY(!m_server.isAccessTokenActive(tokens->accessToken));
        } else {
            tokens->expiresAt = QDateTime::currentSecsSinceEpoch() - 10;
        }
        const auto account = makeAccount(*tokens, overrides);
        QVERIFY(account);
        const int refreshesBefore = m_server.count(QStringLiteral("refresh"));

        AccountSync sync;
        QSignalSpy synced(&sync, &AccountSync::synced);
        QSignalSpy failed(&sync, &AccountSync::failed);
        QSignalSpy signIn(&sync, &AccountSync::signInRequired);
        QSignalSpy refreshed(&sync, &AccountSync::tokensRefreshed);
        QSignalSpy finished(&sync, &AccountSync::finished);
        QVERIFY(sync.start(options(*account)));
        QVERIFY(finished.wait(60000) || !finished.isEmpty());
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.front().front().toString()));
        QVERIFY(signIn.isEmpty());
        QCOMPARE(synced.size(), 1);
        QCOMPARE(synced.front().at(1).toInt(), 2);
        QCOMPARE(m_server.count(QStringLiteral("refresh")), refreshesBefore + 1);
        QTRY_COMPARE(refreshed.size(), 1);

        // The renewed tokens are in the keychain...
        const auto stored = keychainTokens(account->record);
        QVERIFY(stored.ok());
        QVERIFY(stored->accessToken != tokens->accessToken);
        QCOMPARE(stored->refreshToken, tokens->refreshToken);
        QVERIFY(m_server.isAccessTokenActive(stored->accessToken));
        // ...and no token is anywhere in the store's files.
        QByteArray bytes;
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile file(account->storePath + suffix);
            if (file.open(QIODevice::ReadOnly))
                bytes += file.readAll();
        }
        QVERIFY(bytes.size() > 0);
        QVERIFY(bytes.contains("Alice (OAuth)")); // the grep does see the account row
        for (const QString &secret : {tokens->accessToken, tokens->refreshToken, stored->accessToken})
            QVERIFY2(!bytes.contains(secret.toUtf8()), "a token was written to the message store");
    }

    void revokedSignInAsksToSignInAgain()
    {
        if (!needDovecot())
            QSKIP(qPrintable(m_dovecotProblem));
        if (!qEnvironmentVariableIsSet("SEALCHECK_KEYRING_TEST"))
            QSKIP("needs a private keyring: run through scripts/testenv/with-keyring.sh (ctest does)");
        const auto tokens = signIn();
        QVERIFY(tokens);
        const auto account = makeAccount(*tokens);
        QVERIFY(account);
        m_server.revokeAll(); // the user removed Sealcheck's access at the provider
        AccountSync sync;
        QSignalSpy failed(&sync, &AccountSync::failed);
        QSignalSpy signIn(&sync, &AccountSync::signInRequired);
        QSignalSpy finished(&sync, &AccountSync::finished);
        QVERIFY(sync.start(options(*account)));
        QVERIFY(finished.wait(60000) || !finished.isEmpty());
        QCOMPARE(signIn.size(), 1);
        QCOMPARE(signIn.front().at(0).toLongLong(), account->record.id);
        QCOMPARE(failed.size(), 1);
        const QString message = failed.front().front().toString();
        QVERIFY2(message.startsWith(QStringLiteral("Sign in again")), qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("password")), qPrintable(message));
    }

    // ---- sealcheck-cli scan with the stored sign-in

    void cliScan_data()
    {
        QTest::addColumn<bool>("revoked");
        QTest::newRow("expired-token-refreshed") << false;
        QTest::newRow("revoked-sign-in-again") << true;
    }

    void cliScan()
    {
        QFETCH(bool, revoked);
        if (!needDovecot())
            QSKIP(qPrintable(m_dovecotProblem));
        if (!qEnvironmentVariableIsSet("SEALCHECK_KEYRING_TEST"))
            QSKIP("needs a private keyring: run through scripts/testenv/with-keyring.sh (ctest does)");
        const QString cli = QStringLiteral(SEALCHECK_BINARY_DIR "/bin/sealcheck-cli");
        if (!QFile::exists(cli))
            QSKIP("sealcheck-cli is not built");
        auto tokens = signIn();
        QVERIFY(tokens);
        if (revoked)
            m_server.revokeAll();
        else
            m_server.expireAccessTokens();
        // Only the keychain knows this account (the CLI finds the provider in the tokens).
        const QString key = OAuthTokenStore::key(dovecottest::kUser, QStringLiteral("127.0.0.1"), m_dovecot.port);
        QVERIFY(OAuthTokenStore::saveBlocking(key, *tokens));
        const QString zone = m_dir.filePath(QStringLiteral("empty.zone"));
        QFile z(zone);
        QVERIFY(z.open(QIODevice::WriteOnly));
        z.write("$ORIGIN example.invalid.\n");
        z.close();
        const int refreshesBefore = m_server.count(QStringLiteral("refresh"));
        QProcess p;
        p.setStandardInputFile(QProcess::nullDevice()); // never a prompt
        p.start(cli, {QStringLiteral("scan"), QStringLiteral("imaps://alice@127.0.0.1:%1/INBOX").arg(m_dovecot.port),
                      QStringLiteral("--json"), QStringLiteral("--dns-zone"), zone, QStringLiteral("--ca-file"),
                      m_dovecot.path(QStringLiteral("ca.pem"))});
        QVERIFY(p.waitForFinished(60000));
        const QByteArray out = p.readAllStandardOutput();
        const QByteArray err = p.readAllStandardError();
        QCOMPARE(m_server.count(QStringLiteral("refresh")), refreshesBefore + 1);
        if (revoked) {
            QCOMPARE(p.exitCode(), 2);
            QVERIFY2(err.contains("Sign in again"), err.constData());
            QVERIFY2(!err.contains("Password"), err.constData());
            QVERIFY(out.isEmpty());
        } else {
            QVERIFY2(p.exitCode() == 0, err.constData());
            QCOMPARE(out.count('\n'), 2); // one JSON line per message
            const auto stored = OAuthTokenStore::loadBlocking(key);
            QVERIFY(stored.ok());
            QVERIFY(stored->accessToken != tokens->accessToken); // the renewed token was saved
        }
    }

    // ---- removing an account revokes its sign-in (RFC 7009) and clears the keychain

    void removingAccountRevokes()
    {
        if (!needDovecot())
            QSKIP(qPrintable(m_dovecotProblem));
        if (!qEnvironmentVariableIsSet("SEALCHECK_KEYRING_TEST"))
            QSKIP("needs a private keyring: run through scripts/testenv/with-keyring.sh (ctest does)");
        const auto tokens = signIn();
        QVERIFY(tokens);
        const auto account = makeAccount(*tokens);
        QVERIFY(account);
        QVERIFY(keychainTokens(account->record).ok());
        const int revokesBefore = m_server.count(QStringLiteral("revoke"));
        QObject context;
        QString problem = QStringLiteral("(not called)");
        AccountSync::forgetSignIn(account->record, &context, [&](const QString &p) { problem = p; });
        QTRY_VERIFY_WITH_TIMEOUT(problem != QLatin1String("(not called)"), 20000);
        QCOMPARE(problem, QString());
        QCOMPARE(m_server.count(QStringLiteral("revoke")), revokesBefore + 1);
        QVERIFY(!m_server.isRefreshTokenValid(tokens->refreshToken));
        QVERIFY(!m_server.isAccessTokenActive(tokens->accessToken));
        QVERIFY(!keychainTokens(account->record).ok());
    }
};

QTEST_GUILESS_MAIN(tst_OAuthSignIn)
#include "tst_oauthsignin.moc"
