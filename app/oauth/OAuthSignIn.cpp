#include "OAuthSignIn.h"

#include "OAuthTokenEndpoint.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QOAuthHttpServerReplyHandler>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace oauth {

namespace {

QString randomString(int length)
{
    static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    QString out;
    out.reserve(length);
    auto *rng = QRandomGenerator::system();
    for (int i = 0; i < length; ++i)
        out += QLatin1Char(kAlphabet[rng->bounded(int(sizeof(kAlphabet) - 1))]);
    return out;
}

} // namespace

OAuthSignIn::OAuthSignIn(OAuthProvider provider, QObject *parent) : QObject(parent), m_provider(std::move(provider))
{
    qRegisterMetaType<oauth::OAuthTokens>();
    qRegisterMetaType<oauth::OAuthError>();
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        finish(OAuthError{OAuthErrorKind::Expired, QStringLiteral("the sign-in was not finished in time"), {}});
    });
    m_poll.setSingleShot(true);
    connect(&m_poll, &QTimer::timeout, this, &OAuthSignIn::pollDevice);
}

OAuthSignIn::~OAuthSignIn()
{
    if (m_handler)
        m_handler->close();
}

QString OAuthSignIn::makeCodeVerifier() { return randomString(64); }

QString OAuthSignIn::codeChallenge(const QString &verifier)
{
    const QByteArray digest = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool OAuthSignIn::startAuthorizationCode()
{
    if (m_running)
        return false;
    if (auto v = m_provider.validate(); !v) {
        QMetaObject::invokeMethod(this, [this, e = v.error()] { emit failed(e); }, Qt::QueuedConnection);
        return false;
    }
    m_running = true;
    m_nam = std::make_unique<QNetworkAccessManager>();
    auto *handler = new QOAuthHttpServerReplyHandler(QHostAddress::LocalHost, 0, this);
    m_handler = handler;
    if (!handler->isListening()) {
        m_running = false;
        QMetaObject::invokeMethod(this, [this] {
            emit failed(OAuthError{OAuthErrorKind::Network,
                                   QStringLiteral("Sealcheck could not listen on 127.0.0.1 for the sign-in answer"), {}});
        }, Qt::QueuedConnection);
        return false;
    }
    handler->setCallbackText(QStringLiteral("Sealcheck: the sign-in is complete. You can close this page."));
    // RFC 8252 §7.3: the loopback IP literal, any port, path "/".
    m_redirectUri = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(handler->port()));
    connect(handler, &QOAuthHttpServerReplyHandler::callbackReceived, this, &OAuthSignIn::onCallback);

    m_state = randomString(32);
    m_verifier = makeCodeVerifier();
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("client_id"), m_provider.clientId);
    q.addQueryItem(QStringLiteral("redirect_uri"), m_redirectUri.toString());
    q.addQueryItem(QStringLiteral("scope"), m_provider.scopeString());
    q.addQueryItem(QStringLiteral("state"), m_state);
    q.addQueryItem(QStringLiteral("code_challenge"), codeChallenge(m_verifier));
    q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    if (!m_loginHint.isEmpty())
        q.addQueryItem(QStringLiteral("login_hint"), m_loginHint);
    for (auto it = m_provider.extraAuthorizationParameters.cbegin(); it != m_provider.extraAuthorizationParameters.cend(); ++it)
        q.addQueryItem(it.key(), it.value());
    // Percent-encode every name and value ourselves (QUrlQuery leaves '+' alone, which a
    // form decoder would read as a space).
    QUrl url = m_provider.authorizationEndpoint;
    QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
    for (const auto &item : q.queryItems(QUrl::FullyDecoded)) {
        if (!query.isEmpty())
            query += '&';
        query += QUrl::toPercentEncoding(item.first) + '=' + QUrl::toPercentEncoding(item.second);
    }
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    m_timeout.start(m_timeoutMs);
    emit browserRequested(url);
    if (m_openBrowser)
        m_openBrowser(url);
    return true;
}

void OAuthSignIn::onCallback(const QVariantMap &values)
{
    if (!m_running || m_verifier.isEmpty())
        return;
    const QString error = values.value(QStringLiteral("error")).toString();
    if (values.value(QStringLiteral("state")).toString() != m_state) {
        finish(OAuthError{OAuthErrorKind::AccessDenied,
                          QStringLiteral("the sign-in answer did not belong to this sign-in (state mismatch)"), {}});
        return;
    }
    if (!error.isEmpty()) {
        finish(error == QLatin1String("access_denied")
                   ? OAuthError{OAuthErrorKind::AccessDenied, QStringLiteral("access was denied"), error}
                   : OAuthError{OAuthErrorKind::ServerError,
                                QStringLiteral("the provider ended the sign-in: %1").arg(error.left(100)), error});
        return;
    }
    const QString code = values.value(QStringLiteral("code")).toString();
    if (code.isEmpty()) {
        finish(OAuthError{OAuthErrorKind::ServerError, QStringLiteral("the sign-in answer carried no code"), {}});
        return;
    }
    if (m_handler)
        m_handler->close();
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
    form.addQueryItem(QStringLiteral("code"), code);
    form.addQueryItem(QStringLiteral("redirect_uri"), m_redirectUri.toString());
    form.addQueryItem(QStringLiteral("code_verifier"), m_verifier);
    m_verifier.clear(); // one exchange only
    OAuthTokenEndpoint::requestTokens(*m_nam, m_provider, form, OAuthTokens{}, this,
                                      [this](OAuthExpected<OAuthTokens> r) { finish(std::move(r)); });
}

bool OAuthSignIn::startDeviceFlow()
{
    if (m_running)
        return false;
    auto v = m_provider.validate();
    if (v && !m_provider.supportsDeviceFlow())
        v = OAuthError{OAuthErrorKind::NotConfigured,
                       QStringLiteral("%1 does not offer sign-in with a code on another device.").arg(m_provider.displayName),
                       {}};
    if (!v) {
        QMetaObject::invokeMethod(this, [this, e = v.error()] { emit failed(e); }, Qt::QueuedConnection);
        return false;
    }
    m_running = true;
    m_nam = std::make_unique<QNetworkAccessManager>();
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("scope"), m_provider.scopeString());
    m_timeout.start(m_timeoutMs);
    OAuthTokenEndpoint::post(*m_nam, m_provider, m_provider.deviceAuthorizationEndpoint, form, this,
                             [this](OAuthExpected<QByteArray> body) {
                                 if (!m_running)
                                     return;
                                 if (!body) {
                                     finish(body.error());
                                     return;
                                 }
                                 // RFC 8628 §3.2 (Google spells it verification_url).
                                 const QJsonObject o = QJsonDocument::fromJson(*body).object();
                                 m_deviceCode = o.value(QLatin1String("device_code")).toString();
                                 const QString userCode = o.value(QLatin1String("user_code")).toString();
                                 QUrl uri(o.value(QLatin1String("verification_uri")).toString());
                                 if (uri.isEmpty())
                                     uri = QUrl(o.value(QLatin1String("verification_url")).toString());
                                 const int expiresIn = o.value(QLatin1String("expires_in")).toInt(600);
                                 const int interval = o.value(QLatin1String("interval")).toInt(5);
                                 if (m_deviceCode.isEmpty() || userCode.isEmpty() || !uri.isValid() || uri.isEmpty()) {
                                     finish(OAuthError{OAuthErrorKind::ServerError,
                                                       QStringLiteral("the device code answer is incomplete"), {}});
                                     return;
                                 }
                                 m_pollMs = std::max(m_minPollMs, std::min(interval, 60) * 1000);
                                 if (expiresIn > 0)
                                     m_timeout.start(std::min(m_timeoutMs, expiresIn * 1000));
                                 emit deviceCodeReady(userCode, uri, expiresIn);
                                 m_poll.start(m_pollMs);
                             });
    return true;
}

void OAuthSignIn::pollDevice()
{
    if (!m_running)
        return;
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("urn:ietf:params:oauth:grant-type:device_code"));
    form.addQueryItem(QStringLiteral("device_code"), m_deviceCode);
    OAuthTokenEndpoint::requestTokens(*m_nam, m_provider, form, OAuthTokens{}, this, [this](OAuthExpected<OAuthTokens> r) {
        if (!m_running)
            return;
        if (!r) {
            const QString code = r.error().oauthCode;
            if (code == QLatin1String("authorization_pending")) {
                m_poll.start(m_pollMs);
                return;
            }
            if (code == QLatin1String("slow_down")) { // RFC 8628 §3.5: 5 seconds more from now on
                m_pollMs += 5000;
                m_poll.start(m_pollMs);
                return;
            }
        }
        finish(std::move(r));
    });
}

void OAuthSignIn::cancel()
{
    finish(OAuthError{OAuthErrorKind::Cancelled, QStringLiteral("the sign-in was cancelled"), {}});
}

void OAuthSignIn::finish(OAuthExpected<OAuthTokens> result)
{
    if (!m_running)
        return;
    m_running = false;
    m_timeout.stop();
    m_poll.stop();
    if (m_handler)
        m_handler->close();
    m_verifier.clear();
    m_deviceCode.clear();
    if (result)
        emit succeeded(*result);
    else
        emit failed(result.error());
}

} // namespace oauth
