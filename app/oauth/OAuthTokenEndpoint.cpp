#include "OAuthTokenEndpoint.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

namespace oauth {

namespace {

constexpr qint64 kMaxAnswer = 256 * 1024;

QString text(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toString(); }

} // namespace

OAuthError OAuthTokenEndpoint::errorFromAnswer(int httpStatus, const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body.left(kMaxAnswer));
    const QJsonObject o = doc.object();
    const QString code = text(o, "error").left(100);
    const QString description = text(o, "error_description").left(300).simplified();
    const QString said = description.isEmpty() ? code : description;
    if (code == QLatin1String("invalid_grant"))
        return OAuthError{OAuthErrorKind::SignInRequired,
                          QStringLiteral("the saved sign-in is no longer valid (revoked or expired)"), code};
    if (code == QLatin1String("access_denied"))
        return OAuthError{OAuthErrorKind::AccessDenied, QStringLiteral("access was denied"), code};
    if (code == QLatin1String("expired_token"))
        return OAuthError{OAuthErrorKind::Expired, QStringLiteral("the sign-in code expired"), code};
    if (httpStatus >= 500 || httpStatus == 0)
        return OAuthError{OAuthErrorKind::ServerError,
                          QStringLiteral("the sign-in server had a problem (HTTP %1%2)")
                              .arg(httpStatus)
                              .arg(said.isEmpty() ? QString() : QStringLiteral(": ") + said),
                          code};
    if (code == QLatin1String("authorization_pending") || code == QLatin1String("slow_down"))
        return OAuthError{OAuthErrorKind::ServerError, code, code}; // handled by the device flow
    return OAuthError{OAuthErrorKind::SignInRequired,
                      QStringLiteral("the sign-in server refused the request (HTTP %1%2)")
                          .arg(httpStatus)
                          .arg(said.isEmpty() ? QString() : QStringLiteral(": ") + said),
                      code};
}

OAuthExpected<OAuthTokens> OAuthTokenEndpoint::parseTokenResponse(const QByteArray &body, qint64 now,
                                                                   const OAuthTokens &previous, const QString &providerId)
{
    if (body.size() > kMaxAnswer)
        return OAuthError{OAuthErrorKind::ServerError, QStringLiteral("the token answer is too large"), {}};
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return OAuthError{OAuthErrorKind::ServerError, QStringLiteral("the token answer is not a JSON object"), {}};
    const QJsonObject o = doc.object();
    if (o.contains(QLatin1String("error")))
        return errorFromAnswer(400, body);
    OAuthTokens t = previous;
    t.providerId = providerId;
    t.accessToken = text(o, "access_token");
    if (t.accessToken.isEmpty())
        return OAuthError{OAuthErrorKind::ServerError, QStringLiteral("the token answer has no access_token"), {}};
    if (const QString rt = text(o, "refresh_token"); !rt.isEmpty())
        t.refreshToken = rt; // RFC 6749 §6: a new refresh token replaces the old one
    if (const QString type = text(o, "token_type"); !type.isEmpty())
        t.tokenType = type;
    if (const QString scope = text(o, "scope"); !scope.isEmpty())
        t.scope = scope;
    const QJsonValue expiresIn = o.value(QLatin1String("expires_in"));
    qint64 seconds = expiresIn.isString() ? expiresIn.toString().toLongLong() : qint64(expiresIn.toDouble());
    t.expiresAt = seconds > 0 ? now + std::min<qint64>(seconds, 10LL * 365 * 86400) : 0;
    return t;
}

void OAuthTokenEndpoint::post(QNetworkAccessManager &nam, const OAuthProvider &provider, const QUrl &url,
                              QUrlQuery form, QObject *context, JsonCallback done, int timeoutMs)
{
    if (!form.hasQueryItem(QStringLiteral("client_id")) && !provider.clientId.isEmpty())
        form.addQueryItem(QStringLiteral("client_id"), provider.clientId);
    if (!provider.clientSecret.isEmpty() && !form.hasQueryItem(QStringLiteral("client_secret")))
        form.addQueryItem(QStringLiteral("client_secret"), provider.clientSecret);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(timeoutMs);
    // RFC 6749 §3.2 / §4.1.3: form encoding; '+' and other reserved bytes percent-encoded.
    QByteArray body;
    for (const auto &item : form.queryItems(QUrl::FullyDecoded)) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(item.first) + '=' + QUrl::toPercentEncoding(item.second);
    }
    QNetworkReply *reply = nam.post(request, body);
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = reply->read(kMaxAnswer + 1);
        if (status == 0) {
            done(OAuthError{OAuthErrorKind::Network,
                            QStringLiteral("the sign-in server could not be reached: %1").arg(reply->errorString()), {}});
            return;
        }
        if (status < 200 || status >= 300) {
            done(errorFromAnswer(status, answer));
            return;
        }
        done(answer);
    });
}

void OAuthTokenEndpoint::requestTokens(QNetworkAccessManager &nam, const OAuthProvider &provider, QUrlQuery form,
                                       const OAuthTokens &previous, QObject *context, TokensCallback done)
{
    const QString id = provider.id;
    post(nam, provider, provider.tokenEndpoint, std::move(form), context,
         [previous, id, done = std::move(done)](OAuthExpected<QByteArray> body) {
             if (!body) {
                 done(body.error());
                 return;
             }
             done(parseTokenResponse(*body, QDateTime::currentSecsSinceEpoch(), previous, id));
         });
}

void OAuthTokenEndpoint::refresh(QNetworkAccessManager &nam, const OAuthProvider &provider, const OAuthTokens &tokens,
                                 QObject *context, TokensCallback done)
{
    if (tokens.refreshToken.isEmpty()) {
        done(OAuthError{OAuthErrorKind::SignInRequired, QStringLiteral("there is no saved sign-in to renew"), {}});
        return;
    }
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("refresh_token"), tokens.refreshToken);
    requestTokens(nam, provider, form, tokens, context, std::move(done));
}

void OAuthTokenEndpoint::revoke(QNetworkAccessManager &nam, const OAuthProvider &provider, const OAuthTokens &tokens,
                                QObject *context, DoneCallback done)
{
    if (provider.revocationEndpoint.isEmpty() || !provider.revocationEndpoint.isValid()) {
        done(true);
        return;
    }
    const bool refreshToken = !tokens.refreshToken.isEmpty();
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("token"), refreshToken ? tokens.refreshToken : tokens.accessToken);
    form.addQueryItem(QStringLiteral("token_type_hint"),
                      refreshToken ? QStringLiteral("refresh_token") : QStringLiteral("access_token"));
    post(nam, provider, provider.revocationEndpoint, form, context, [done = std::move(done)](OAuthExpected<QByteArray> r) {
        if (!r)
            done(r.error());
        else
            done(true); // RFC 7009 §2.2: 200 also for a token that was already invalid
    });
}

namespace {

template<typename T, typename Start>
OAuthExpected<T> runBlocking(Start start)
{
    QNetworkAccessManager nam;
    QObject context;
    QEventLoop loop;
    OAuthExpected<T> result = OAuthError{OAuthErrorKind::Network, QStringLiteral("no answer"), {}};
    bool finished = false;
    start(nam, &context, [&](OAuthExpected<T> r) {
        result = std::move(r);
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return result;
}

} // namespace

OAuthExpected<OAuthTokens> OAuthTokenEndpoint::refreshBlocking(const OAuthProvider &provider, const OAuthTokens &tokens)
{
    return runBlocking<OAuthTokens>([&](QNetworkAccessManager &nam, QObject *ctx, TokensCallback cb) {
        refresh(nam, provider, tokens, ctx, std::move(cb));
    });
}

OAuthExpected<bool> OAuthTokenEndpoint::revokeBlocking(const OAuthProvider &provider, const OAuthTokens &tokens)
{
    return runBlocking<bool>([&](QNetworkAccessManager &nam, QObject *ctx, DoneCallback cb) {
        revoke(nam, provider, tokens, ctx, std::move(cb));
    });
}

} // namespace oauth
