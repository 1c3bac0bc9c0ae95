#pragma once
/// Logging in to IMAP with a stored OAuth sign-in, the one way shared by the sync worker and
/// `sealcheck-cli scan`:
///   1. refresh first when the access token expires within a minute (RFC 6749 §6);
///   2. AUTHENTICATE with the provider's mechanism (XOAUTH2 or OAUTHBEARER, RFC 7628);
///   3. when the server refuses the token (it expired early or was revoked), refresh once,
///      silently, and log in again;
///   4. when the refresh itself is refused (invalid_grant), stop with SignInRequired: the user
///      must sign in again. Nothing here ever asks for a password.
/// Blocking (ImapSyncClient is); runs in any thread with an event dispatcher.

#include "ImapSyncClient.h"
#include "OAuthError.h"
#include "OAuthProvider.h"
#include "OAuthTokens.h"

#include <memory>
#include <optional>

namespace oauth {

struct OAuthLoginResult
{
    /// Connecting or logging in failed for another reason than the token (network, TLS...).
    std::optional<imap::ImapError> imapError;
    /// The tokens could not be renewed; SignInRequired = "Sign in again".
    std::optional<OAuthError> oauthError;
    /// The tokens after the login: differ from the input when refreshed (save them).
    OAuthTokens tokens;
    bool refreshed = false;
    /// Refreshed because the server refused the access token (step 3).
    bool refusedThenRefreshed = false;

    bool ok() const { return !imapError && !oauthError; }
    /// One sentence for the user; "Sign in again ..." for SignInRequired.
    QString message(const QString &account) const;
};

class OAuthImapLogin
{
public:
    /// The SASL mechanism the provider's servers take, carrying @p accessToken.
    static std::unique_ptr<imap::SaslMechanism> mechanism(const OAuthProvider &provider, const QString &user,
                                                          const QString &accessToken, const QString &host,
                                                          quint16 port);
    /// Steps 1-4 above on @p client (which connects). @p now in Unix seconds.
    static OAuthLoginResult login(imap::ImapSyncClient &client, const OAuthProvider &provider, const QString &user,
                                  const QString &host, quint16 port, const OAuthTokens &tokens, qint64 now);
};

} // namespace oauth
