#pragma once
/// Signing in to a provider, two ways:
///
/// - Authorization code with PKCE (RFC 6749 §4.1, RFC 7636 S256) and a loopback redirect
///   (RFC 8252 §7.3): a QOAuthHttpServerReplyHandler listens on 127.0.0.1 at a random port,
///   the authorization URL is handed to the browser opener (the desktop program passes
///   QDesktopServices::openUrl; browserRequested() is emitted either way), the redirect brings
///   the code and state back, and the code is exchanged at the token endpoint with the
///   code_verifier. The state is checked (RFC 6749 §10.12).
/// - Device authorization (RFC 8628), for providers that offer it (Microsoft): the device code
///   request, deviceCodeReady() with the code and address the user enters elsewhere, then
///   polling the token endpoint at the given interval (slow_down adds 5 s, §3.5) until the user
///   finishes, refuses (AccessDenied) or the code expires (Expired).
///
/// Exactly one of succeeded() / failed() follows a successful start. Qt 6.4's QtNetworkAuth has
/// no PKCE and no device flow, so this class builds the requests itself and uses QtNetworkAuth
/// for the loopback listener.

#include "OAuthError.h"
#include "OAuthProvider.h"
#include "OAuthTokens.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QOAuthHttpServerReplyHandler;

namespace oauth {

class OAuthSignIn : public QObject
{
    Q_OBJECT
public:
    explicit OAuthSignIn(OAuthProvider provider, QObject *parent = nullptr);
    ~OAuthSignIn() override;

    using BrowserOpener = std::function<void(const QUrl &)>;
    /// Called with the authorization URL (e.g. QDesktopServices::openUrl).
    void setBrowserOpener(BrowserOpener opener) { m_openBrowser = std::move(opener); }
    /// login_hint for the authorization request (the address the user typed).
    void setLoginHint(const QString &hint) { m_loginHint = hint; }
    /// Lower bound of the device polling interval in ms (default 5000 as RFC 8628 §3.2 says; tests lower it).
    void setMinimumPollIntervalMs(int ms) { m_minPollMs = ms; }
    /// Whole-flow time limit (default 10 minutes).
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    /// False (and failed() queued) when the provider is not configured.
    bool startAuthorizationCode();
    bool startDeviceFlow();
    /// Ends the flow with failed(Cancelled).
    void cancel();
    bool isRunning() const { return m_running; }
    /// The loopback redirect URI while the code flow runs.
    QUrl redirectUri() const { return m_redirectUri; }

    /// RFC 7636 §4.1: 43-128 characters of [A-Za-z0-9-._~] (here 64, from a CSPRNG).
    static QString makeCodeVerifier();
    /// RFC 7636 §4.2 S256: BASE64URL(SHA256(ASCII(verifier))), no padding.
    static QString codeChallenge(const QString &verifier);

signals:
    void browserRequested(const QUrl &authorizationUrl);
    void deviceCodeReady(const QString &userCode, const QUrl &verificationUri, int expiresInSeconds);
    void succeeded(const oauth::OAuthTokens &tokens);
    void failed(const oauth::OAuthError &error);

private:
    void finish(OAuthExpected<OAuthTokens> result);
    void onCallback(const QVariantMap &values);
    void pollDevice();

    OAuthProvider m_provider;
    BrowserOpener m_openBrowser;
    QString m_loginHint;
    int m_minPollMs = 5000;
    int m_timeoutMs = 10 * 60 * 1000;
    bool m_running = false;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    QPointer<QOAuthHttpServerReplyHandler> m_handler;
    QTimer m_timeout;
    QTimer m_poll;
    QUrl m_redirectUri;
    QString m_state;
    QString m_verifier;
    QString m_deviceCode;
    int m_pollMs = 5000;
};

} // namespace oauth
