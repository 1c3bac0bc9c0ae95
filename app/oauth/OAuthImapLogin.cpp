#include "OAuthImapLogin.h"

#include "OAuthTokenEndpoint.h"
#include "SaslOAuthBearer.h"
#include "SaslXOAuth2.h"

namespace oauth {

QString OAuthLoginResult::message(const QString &account) const
{
    if (oauthError) {
        if (oauthError->kind == OAuthErrorKind::SignInRequired || oauthError->kind == OAuthErrorKind::AccessDenied)
            return QStringLiteral("Sign in again: the sign-in for %1 is no longer accepted (%2).")
                .arg(account, oauthError->message);
        return QStringLiteral("The sign-in for %1 could not be renewed: %2").arg(account, oauthError->message);
    }
    if (imapError)
        return imapError->message;
    return {};
}

std::unique_ptr<imap::SaslMechanism> OAuthImapLogin::mechanism(const OAuthProvider &provider, const QString &user,
                                                               const QString &accessToken, const QString &host,
                                                               quint16 port)
{
    if (provider.saslMechanism == "OAUTHBEARER")
        return std::make_unique<imap::SaslOAuthBearer>(user, accessToken, host, port);
    return std::make_unique<imap::SaslXOAuth2>(user, accessToken);
}

OAuthLoginResult OAuthImapLogin::login(imap::ImapSyncClient &client, const OAuthProvider &provider,
                                       const QString &user, const QString &host, quint16 port,
                                       const OAuthTokens &tokens, qint64 now)
{
    OAuthLoginResult result;
    result.tokens = tokens;
    auto refresh = [&]() -> bool {
        auto r = OAuthTokenEndpoint::refreshBlocking(provider, result.tokens);
        if (!r) {
            result.oauthError = r.error();
            return false;
        }
        result.tokens = *r;
        result.refreshed = true;
        return true;
    };
    if (result.tokens.expiresWithin(now) && !result.tokens.refreshToken.isEmpty() && !refresh())
        return result;
    auto first = client.connectAndAuthenticate(mechanism(provider, user, result.tokens.accessToken, host, port));
    if (first)
        return result;
    if (first.error().kind != imap::ImapErrorKind::AuthenticationFailed) {
        result.imapError = first.error();
        return result;
    }
    // The token was refused: one silent refresh, then once more.
    if (!refresh())
        return result;
    result.refusedThenRefreshed = true;
    auto second = client.connectAndAuthenticate(mechanism(provider, user, result.tokens.accessToken, host, port));
    if (!second) {
        if (second.error().kind == imap::ImapErrorKind::AuthenticationFailed)
            result.oauthError = OAuthError{OAuthErrorKind::SignInRequired,
                                           QStringLiteral("the mail server refused even a renewed token"), {}};
        else
            result.imapError = second.error();
    }
    return result;
}

} // namespace oauth
