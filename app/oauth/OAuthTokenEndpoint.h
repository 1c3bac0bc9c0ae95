#pragma once
/// Requests to a provider's token endpoint (RFC 6749 §3.2) and revocation endpoint (RFC 7009),
/// form-encoded POSTs over QNetworkAccessManager. The asynchronous forms call back in
/// @p context's thread; the blocking forms run a local event loop (the sync worker thread and
/// the command-line tool). Tokens are never logged.
///
/// Error mapping (RFC 6749 §5.2): invalid_grant -> SignInRequired (the refresh token is revoked
/// or expired: the user must sign in again); access_denied -> AccessDenied; other 4xx errors ->
/// SignInRequired; 5xx, unreadable answers -> ServerError; no answer -> Network.

#include "OAuthError.h"
#include "OAuthProvider.h"
#include "OAuthTokens.h"

#include <QObject>
#include <QUrlQuery>

#include <functional>

class QNetworkAccessManager;

namespace oauth {

class OAuthTokenEndpoint
{
public:
    using TokensCallback = std::function<void(OAuthExpected<OAuthTokens>)>;
    using DoneCallback = std::function<void(OAuthExpected<bool>)>;
    using JsonCallback = std::function<void(OAuthExpected<QByteArray>)>;

    /// POSTs @p form (client_id and client_secret added) to @p url; the callback gets the body
    /// of a 2xx answer, or the mapped error.
    static void post(QNetworkAccessManager &nam, const OAuthProvider &provider, const QUrl &url, QUrlQuery form,
                     QObject *context, JsonCallback done, int timeoutMs = 30000);

    /// A token request (authorization_code, refresh_token or device_code grant), parsed with
    /// parseTokenResponse against @p previous.
    static void requestTokens(QNetworkAccessManager &nam, const OAuthProvider &provider, QUrlQuery form,
                              const OAuthTokens &previous, QObject *context, TokensCallback done);

    /// RFC 6749 §6: a new access token from the refresh token. The refresh token is kept when
    /// the answer brings none. SignInRequired when there is no refresh token.
    static void refresh(QNetworkAccessManager &nam, const OAuthProvider &provider, const OAuthTokens &tokens,
                        QObject *context, TokensCallback done);
    static OAuthExpected<OAuthTokens> refreshBlocking(const OAuthProvider &provider, const OAuthTokens &tokens);

    /// RFC 7009 §2.1: revokes the refresh token (and with it, at most servers, the access
    /// tokens), else the access token. Success when the provider has no revocation endpoint.
    static void revoke(QNetworkAccessManager &nam, const OAuthProvider &provider, const OAuthTokens &tokens,
                       QObject *context, DoneCallback done);
    static OAuthExpected<bool> revokeBlocking(const OAuthProvider &provider, const OAuthTokens &tokens);

    /// RFC 6749 §5.1 / §5.2: a successful answer becomes tokens (expires_at = now + expires_in);
    /// an error object becomes the mapped OAuthError. Pure and total.
    static OAuthExpected<OAuthTokens> parseTokenResponse(const QByteArray &body, qint64 now,
                                                         const OAuthTokens &previous, const QString &providerId);
    /// The OAuthError for an HTTP error answer with body @p body (JSON {"error": ...} or not).
    static OAuthError errorFromAnswer(int httpStatus, const QByteArray &body);
};

} // namespace oauth
