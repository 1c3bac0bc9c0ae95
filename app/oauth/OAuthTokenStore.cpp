#include "OAuthTokenStore.h"

#include "Keychain.h"

namespace oauth {

namespace {

OAuthExpected<OAuthTokens> decode(verifier::Expected<QString> stored)
{
    if (!stored)
        return OAuthError{OAuthErrorKind::Keychain,
                          QStringLiteral("the sign-in could not be read from the keychain: %1")
                              .arg(QString::fromStdString(stored.error().message)),
                          {}};
    auto tokens = OAuthTokens::fromJson(stored->toUtf8());
    if (!tokens)
        return OAuthError{OAuthErrorKind::Keychain, QStringLiteral("the sign-in saved in the keychain is unreadable"), {}};
    return *tokens;
}

OAuthExpected<bool> done(verifier::Expected<bool> r)
{
    if (!r)
        return OAuthError{OAuthErrorKind::Keychain,
                          QStringLiteral("the keychain failed: %1").arg(QString::fromStdString(r.error().message)), {}};
    return true;
}

} // namespace

QString OAuthTokenStore::key(const QString &user, const QString &host, int port)
{
    return sealcheck::Keychain::oauthKey(user, host, port);
}

void OAuthTokenStore::load(const QString &key, QObject *context, LoadCallback cb)
{
    sealcheck::Keychain::readPassword(key, context, [cb = std::move(cb)](verifier::Expected<QString> r) { cb(decode(std::move(r))); });
}

void OAuthTokenStore::save(const QString &key, const OAuthTokens &tokens, QObject *context, DoneCallback cb)
{
    sealcheck::Keychain::writePassword(key, QString::fromUtf8(tokens.toJson()), context,
                                       [cb = std::move(cb)](verifier::Expected<bool> r) { cb(done(std::move(r))); });
}

void OAuthTokenStore::remove(const QString &key, QObject *context, DoneCallback cb)
{
    sealcheck::Keychain::deletePassword(key, context, [cb = std::move(cb)](verifier::Expected<bool> r) { cb(done(std::move(r))); });
}

OAuthExpected<OAuthTokens> OAuthTokenStore::loadBlocking(const QString &key)
{
    return decode(sealcheck::Keychain::readPasswordBlocking(key));
}

OAuthExpected<bool> OAuthTokenStore::saveBlocking(const QString &key, const OAuthTokens &tokens)
{
    return done(sealcheck::Keychain::writePasswordBlocking(key, QString::fromUtf8(tokens.toJson())));
}

OAuthExpected<bool> OAuthTokenStore::removeBlocking(const QString &key)
{
    return done(sealcheck::Keychain::deletePasswordBlocking(key));
}

} // namespace oauth
