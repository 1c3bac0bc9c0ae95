// Unit tests of the OAuth sign-in parts that need no server: the exact SASL bytes of XOAUTH2 and
// OAUTHBEARER (RFC 7628 §3.1, §3.2.3), PKCE S256 (RFC 7636 Appendix B), the provider data file
// and its overrides, and the token endpoint's answers (RFC 6749 §5.1, §5.2).

#include "OAuthProvider.h"
#include "OAuthSignIn.h"
#include "OAuthTokenEndpoint.h"
#include "OAuthTokens.h"
#include "SaslOAuthBearer.h"
#include "SaslXOAuth2.h"

#include <QTest>

using namespace oauth;

class TestOAuthUnits : public QObject
{
    Q_OBJECT
private slots:
    void xoauth2Message_data();
    void xoauth2Message();
    void oauthBearerMessage_data();
    void oauthBearerMessage();
    void errorChallenge_data();
    void errorChallenge();
    void withoutSaslIr();
    void pkceS256();
    void codeVerifierShape();
    void builtInProviders_data();
    void builtInProviders();
    void clientIdMissingIsExplained();
    void overrides_data();
    void overrides();
    void environmentClientId();
    void tokenResponse_data();
    void tokenResponse();
    void tokensJsonRoundTrip();
    void expiry_data();
    void expiry();
};

void TestOAuthUnits::xoauth2Message_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("gmail") << QStringLiteral("someuser@example.com") << QStringLiteral("ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg")
                           << QByteArray("user=someuser@example.com\x01" "auth=Bearer ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg\x01\x01");
    QTest::newRow("plain-user") << QStringLiteral("alice") << QStringLiteral("t0k")
                                << QByteArray("user=alice\x01" "auth=Bearer t0k\x01\x01");
}

void TestOAuthUnits::xoauth2Message()
{
    QFETCH(QString, user);
    QFETCH(QString, token);
    QFETCH(QByteArray, expected);
    imap::SaslXOAuth2 m(user, token);
    QCOMPARE(m.name(), QByteArray("XOAUTH2"));
    QCOMPARE(int(m.credential()), int(imap::SaslCredential::BearerToken));
    QCOMPARE(m.initialResponse().value_or(QByteArray()), expected);
    QCOMPARE(imap::SaslXOAuth2::clientMessage(user, token), expected);
}

void TestOAuthUnits::oauthBearerMessage_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QByteArray>("expected");
    // RFC 7628 §4.1 example, with its host and port.
    QTest::newRow("rfc7628-4.1") << QStringLiteral("user@example.com") << QStringLiteral("server.example.com") << 143
                                 << QByteArray("n,a=user@example.com,\x01host=server.example.com\x01port=143\x01"
                                               "auth=Bearer vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==\x01\x01");
    QTest::newRow("no-host-port") << QStringLiteral("alice") << QString() << 0
                                  << QByteArray("n,a=alice,\x01" "auth=Bearer vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==\x01\x01");
    QTest::newRow("saslname-escapes") << QStringLiteral("a,b=c") << QString() << 993
                                      << QByteArray("n,a=a=2Cb=3Dc,\x01port=993\x01"
                                                    "auth=Bearer vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==\x01\x01");
    QTest::newRow("no-authzid") << QString() << QString() << 0
                                << QByteArray("n,,\x01" "auth=Bearer vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==\x01\x01");
}

void TestOAuthUnits::oauthBearerMessage()
{
    QFETCH(QString, user);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QByteArray, expected);
    const QString token = QStringLiteral("vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==");
    imap::SaslOAuthBearer m(user, token, host, quint16(port));
    QCOMPARE(m.name(), QByteArray("OAUTHBEARER"));
    QCOMPARE(m.initialResponse().value_or(QByteArray()), expected);
}

void TestOAuthUnits::errorChallenge_data()
{
    QTest::addColumn<QString>("mechanism");
    QTest::addColumn<QByteArray>("challenge");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<QString>("status");
    const QByteArray rfc = R"({"status":"invalid_token","scope":"example_scope","openid-configuration":"https://example.com/.well-known/openid-configuration"})";
    QTest::newRow("oauthbearer-invalid_token") << QStringLiteral("OAUTHBEARER") << rfc << true << QByteArray("\x01")
                                               << QStringLiteral("invalid_token");
    QTest::newRow("xoauth2-401") << QStringLiteral("XOAUTH2") << QByteArray(R"({"status":"401","schemes":"bearer","scope":"https://mail.google.com/"})")
                                 << true << QByteArray() << QStringLiteral("401");
    QTest::newRow("oauthbearer-not-json") << QStringLiteral("OAUTHBEARER") << QByteArray("garbage") << false << QByteArray() << QString();
    QTest::newRow("xoauth2-array") << QStringLiteral("XOAUTH2") << QByteArray("[1,2]") << false << QByteArray() << QString();
    QTest::newRow("oauthbearer-huge") << QStringLiteral("OAUTHBEARER")
                                      << QByteArray("{\"status\":\"" + QByteArray(5000, 'x') + "\"}") << false << QByteArray() << QString();
}

void TestOAuthUnits::errorChallenge()
{
    QFETCH(QString, mechanism);
    QFETCH(QByteArray, challenge);
    QFETCH(bool, accepted);
    QFETCH(QByteArray, answer);
    QFETCH(QString, status);
    std::unique_ptr<imap::SaslMechanism> m;
    if (mechanism == QLatin1String("XOAUTH2"))
        m = std::make_unique<imap::SaslXOAuth2>(QStringLiteral("alice"), QStringLiteral("tok"));
    else
        m = std::make_unique<imap::SaslOAuthBearer>(QStringLiteral("alice"), QStringLiteral("tok"));
    QVERIFY(m->initialResponse().has_value());
    auto r = m->respond(challenge);
    QCOMPARE(r.ok(), accepted);
    if (accepted) {
        QCOMPARE(*r, answer);
        if (auto *x = dynamic_cast<imap::SaslXOAuth2 *>(m.get())) {
            QVERIFY(x->tokenRefused());
            QCOMPARE(x->serverStatus(), status);
        } else {
            auto *b = dynamic_cast<imap::SaslOAuthBearer *>(m.get());
            QVERIFY(b->tokenRefused());
            QCOMPARE(b->serverStatus(), status);
        }
        // A second challenge after the error is a protocol error.
        QVERIFY(!m->respond(challenge).ok());
    } else {
        QCOMPARE(int(r.error().kind), int(imap::ImapErrorKind::ProtocolError));
    }
}

void TestOAuthUnits::withoutSaslIr()
{
    // Without SASL-IR the server first sends an empty challenge: the answer is the client message.
    imap::SaslOAuthBearer b(QStringLiteral("alice"), QStringLiteral("tok"));
    auto r = b.respond(QByteArray());
    QVERIFY(r.ok());
    QCOMPARE(*r, imap::SaslOAuthBearer::clientMessage(QStringLiteral("alice"), QStringLiteral("tok")));
    imap::SaslXOAuth2 x(QStringLiteral("alice"), QStringLiteral("tok"));
    auto rx = x.respond(QByteArray());
    QVERIFY(rx.ok());
    QCOMPARE(*rx, imap::SaslXOAuth2::clientMessage(QStringLiteral("alice"), QStringLiteral("tok")));
}

void TestOAuthUnits::pkceS256()
{
    // RFC 7636 Appendix B.
    QCOMPARE(OAuthSignIn::codeChallenge(QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")),
             QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
}

void TestOAuthUnits::codeVerifierShape()
{
    const QString a = OAuthSignIn::makeCodeVerifier();
    const QString b = OAuthSignIn::makeCodeVerifier();
    QVERIFY(a != b);
    QVERIFY(a.size() >= 43 && a.size() <= 128);
    for (QChar c : a)
        QVERIFY2(c.isLetterOrNumber() || QStringLiteral("-._~").contains(c), qPrintable(a));
}

void TestOAuthUnits::builtInProviders_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QByteArray>("mechanism");
    QTest::addColumn<bool>("deviceFlow");
    QTest::addColumn<QString>("requiredScope");
    QTest::addColumn<QString>("imapHost");
    QTest::newRow("google") << QStringLiteral("google") << QByteArray("XOAUTH2") << false
                            << QStringLiteral("https://mail.google.com/") << QStringLiteral("imap.gmail.com");
    QTest::newRow("microsoft") << QStringLiteral("microsoft") << QByteArray("XOAUTH2") << true
                               << QStringLiteral("offline_access") << QStringLiteral("outlook.office365.com");
}

void TestOAuthUnits::builtInProviders()
{
    QFETCH(QString, id);
    QFETCH(QByteArray, mechanism);
    QFETCH(bool, deviceFlow);
    QFETCH(QString, requiredScope);
    QFETCH(QString, imapHost);
    auto list = OAuthProvider::parseList(OAuthProvider::builtInJson());
    QVERIFY(list.ok());
    const OAuthProvider *p = nullptr;
    for (const OAuthProvider &e : *list)
        if (e.id == id)
            p = &e;
    QVERIFY(p);
    QCOMPARE(p->saslMechanism, mechanism);
    QCOMPARE(p->supportsDeviceFlow(), deviceFlow);
    QVERIFY2(p->scopes.contains(requiredScope), qPrintable(p->scopes.join(QLatin1Char(' '))));
    QCOMPARE(p->imapHost, imapHost);
    QCOMPARE(p->authorizationEndpoint.scheme(), QStringLiteral("https"));
    QCOMPARE(p->tokenEndpoint.scheme(), QStringLiteral("https"));
    QVERIFY(p->clientId.isEmpty()); // shipped empty: each distributor registers its own
}

void TestOAuthUnits::clientIdMissingIsExplained()
{
    auto list = OAuthProvider::parseList(OAuthProvider::builtInJson());
    QVERIFY(list.ok());
    const auto v = list->front().validate();
    QVERIFY(!v.ok());
    QCOMPARE(int(v.error().kind), int(OAuthErrorKind::NotConfigured));
    QVERIFY2(v.error().message.contains(QStringLiteral("no OAuth client ID")), qPrintable(v.error().message));
    QVERIFY(v.error().message.contains(QStringLiteral("SEALCHECK_OAUTH_GOOGLE_CLIENT_ID")));
}

void TestOAuthUnits::overrides_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QByteArray>("mechanism");
    QTest::addColumn<QString>("tokenHost");
    QTest::newRow("none") << QByteArray() << true << QString() << QByteArray("XOAUTH2") << QStringLiteral("login.microsoftonline.com");
    QTest::newRow("client-id") << QByteArray(R"({"client_id":"abc-123"})") << true << QStringLiteral("abc-123")
                               << QByteArray("XOAUTH2") << QStringLiteral("login.microsoftonline.com");
    QTest::newRow("tenant-endpoint-and-mechanism")
        << QByteArray(R"({"token_endpoint":"https://login.microsoftonline.com/contoso/oauth2/v2.0/token","sasl_mechanism":"oauthbearer"})")
        << true << QString() << QByteArray("OAUTHBEARER") << QStringLiteral("login.microsoftonline.com");
    QTest::newRow("unknown-mechanism-ignored") << QByteArray(R"({"sasl_mechanism":"PLAIN"})") << true << QString()
                                               << QByteArray("XOAUTH2") << QStringLiteral("login.microsoftonline.com");
    QTest::newRow("not-json") << QByteArray("client_id=abc") << false << QString() << QByteArray() << QString();
}

void TestOAuthUnits::overrides()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, ok);
    QFETCH(QString, clientId);
    QFETCH(QByteArray, mechanism);
    QFETCH(QString, tokenHost);
    qunsetenv("SEALCHECK_OAUTH_PROVIDERS");
    qunsetenv("SEALCHECK_OAUTH_MICROSOFT_CLIENT_ID");
    auto p = OAuthProvider::find(QStringLiteral("microsoft"), json);
    QCOMPARE(p.ok(), ok);
    if (!ok)
        return;
    QCOMPARE(p->id, QStringLiteral("microsoft"));
    QCOMPARE(p->clientId, clientId);
    QCOMPARE(p->saslMechanism, mechanism);
    QCOMPARE(p->tokenEndpoint.host(), tokenHost);
}

void TestOAuthUnits::environmentClientId()
{
    qunsetenv("SEALCHECK_OAUTH_PROVIDERS");
    qputenv("SEALCHECK_OAUTH_GOOGLE_CLIENT_ID", "from-env.apps.googleusercontent.com");
    auto p = OAuthProvider::find(QStringLiteral("google"));
    qunsetenv("SEALCHECK_OAUTH_GOOGLE_CLIENT_ID");
    QVERIFY(p.ok());
    QCOMPARE(p->clientId, QStringLiteral("from-env.apps.googleusercontent.com"));
    QVERIFY(p->validate().ok());
    // The per-account override wins over the environment.
    qputenv("SEALCHECK_OAUTH_GOOGLE_CLIENT_ID", "from-env");
    auto q = OAuthProvider::find(QStringLiteral("google"), R"({"client_id":"per-account"})");
    qunsetenv("SEALCHECK_OAUTH_GOOGLE_CLIENT_ID");
    QCOMPARE(q->clientId, QStringLiteral("per-account"));
    QVERIFY(!OAuthProvider::find(QStringLiteral("yahoo")).ok());
}

void TestOAuthUnits::tokenResponse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("errorKind");
    QTest::addColumn<QString>("accessToken");
    QTest::addColumn<QString>("refreshToken");
    QTest::addColumn<qint64>("expiresAt");
    const int none = -1;
    QTest::newRow("rfc6749-5.1") << QByteArray(R"({"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"example","expires_in":3600,"refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA"})")
                                 << true << none << QStringLiteral("2YotnFZFEjr1zCsicMWpAA")
                                 << QStringLiteral("tGzv3JOkF0XG5Qx2TlKWIA") << qint64(1000 + 3600);
    QTest::newRow("refresh-keeps-old-refresh-token") << QByteArray(R"({"access_token":"new","expires_in":"60"})") << true << none
                                                     << QStringLiteral("new") << QStringLiteral("old-refresh") << qint64(1060);
    QTest::newRow("no-expiry") << QByteArray(R"({"access_token":"a"})") << true << none << QStringLiteral("a")
                               << QStringLiteral("old-refresh") << qint64(0);
    QTest::newRow("invalid_grant") << QByteArray(R"({"error":"invalid_grant","error_description":"Token has been expired or revoked."})")
                                   << false << int(OAuthErrorKind::SignInRequired) << QString() << QString() << qint64(0);
    QTest::newRow("access_denied") << QByteArray(R"({"error":"access_denied"})") << false << int(OAuthErrorKind::AccessDenied)
                                   << QString() << QString() << qint64(0);
    QTest::newRow("no-access-token") << QByteArray(R"({"token_type":"Bearer"})") << false << int(OAuthErrorKind::ServerError)
                                     << QString() << QString() << qint64(0);
    QTest::newRow("html") << QByteArray("<html>oops</html>") << false << int(OAuthErrorKind::ServerError) << QString()
                          << QString() << qint64(0);
}

void TestOAuthUnits::tokenResponse()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(int, errorKind);
    QFETCH(QString, accessToken);
    QFETCH(QString, refreshToken);
    QFETCH(qint64, expiresAt);
    OAuthTokens previous;
    previous.refreshToken = QStringLiteral("old-refresh");
    const auto r = OAuthTokenEndpoint::parseTokenResponse(body, 1000, previous, QStringLiteral("google"));
    QCOMPARE(r.ok(), ok);
    if (!ok) {
        QCOMPARE(int(r.error().kind), errorKind);
        return;
    }
    QCOMPARE(r->accessToken, accessToken);
    QCOMPARE(r->refreshToken, refreshToken);
    QCOMPARE(r->expiresAt, expiresAt);
    QCOMPARE(r->providerId, QStringLiteral("google"));
}

void TestOAuthUnits::tokensJsonRoundTrip()
{
    OAuthTokens t;
    t.providerId = QStringLiteral("microsoft");
    t.accessToken = QStringLiteral("acc\"ess");
    t.refreshToken = QStringLiteral("ref");
    t.scope = QStringLiteral("a b");
    t.expiresAt = 1790000000;
    QCOMPARE(OAuthTokens::fromJson(t.toJson()).value_or(OAuthTokens{}), t);
    QVERIFY(!OAuthTokens::fromJson("not json").has_value());
    QVERIFY(!OAuthTokens::fromJson("{}").has_value());
    QVERIFY(!OAuthTokens::fromJson(QByteArray(70000, ' ')).has_value());
}

void TestOAuthUnits::expiry_data()
{
    QTest::addColumn<qint64>("expiresAt");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<bool>("due");
    QTest::newRow("unknown") << qint64(0) << qint64(5000) << false;
    QTest::newRow("far") << qint64(5000) << qint64(1000) << false;
    QTest::newRow("within-margin") << qint64(1050) << qint64(1000) << true;
    QTest::newRow("past") << qint64(900) << qint64(1000) << true;
}

void TestOAuthUnits::expiry()
{
    QFETCH(qint64, expiresAt);
    QFETCH(qint64, now);
    QFETCH(bool, due);
    OAuthTokens t;
    t.accessToken = QStringLiteral("a");
    t.expiresAt = expiresAt;
    QCOMPARE(t.expiresWithin(now, 60), due);
}

QTEST_GUILESS_MAIN(TestOAuthUnits)
#include "tst_oauthunits.moc"
