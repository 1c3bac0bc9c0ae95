#pragma once
/// The tokens of each OAuth account live only in the system keychain (Keychain, key
/// Keychain::oauthKey(user, host, port)), as OAuthTokens::toJson(). Never in the message
/// store, never logged. Asynchronous forms for the desktop program (callback in @p context's
/// thread), blocking forms for the command-line tool and tests.

#include "OAuthError.h"
#include "OAuthTokens.h"

#include <QObject>

#include <functional>

namespace oauth {

class OAuthTokenStore
{
public:
    static QString key(const QString &user, const QString &host, int port);

    using LoadCallback = std::function<void(OAuthExpected<OAuthTokens>)>;
    using DoneCallback = std::function<void(OAuthExpected<bool>)>;

    static void load(const QString &key, QObject *context, LoadCallback done);
    static void save(const QString &key, const OAuthTokens &tokens, QObject *context, DoneCallback done);
    static void remove(const QString &key, QObject *context, DoneCallback done);

    static OAuthExpected<OAuthTokens> loadBlocking(const QString &key);
    static OAuthExpected<bool> saveBlocking(const QString &key, const OAuthTokens &tokens);
    static OAuthExpected<bool> removeBlocking(const QString &key);
};

} // namespace oauth
