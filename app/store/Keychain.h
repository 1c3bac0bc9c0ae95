#pragma once
// Passwords and tokens live only in the system keychain (QtKeychain: the Secret Service on
// Linux). Nothing here logs or stores a secret anywhere else.

#include "Expected.h"

#include <QObject>
#include <QString>

#include <functional>

namespace sealcheck {

class Keychain
{
public:
    /// The keychain service name entries are filed under.
    static QString service();
    /// The key of an account's IMAP password: "imap:USER@HOST:PORT".
    static QString imapKey(const QString &user, const QString &host, int port);
    /// The key of an account's OAuth 2.0 tokens (a JSON object, app/oauth/OAuthTokenStore):
    /// "oauth:USER@HOST:PORT".
    static QString oauthKey(const QString &user, const QString &host, int port);

    using ReadCallback = std::function<void(verifier::Expected<QString>)>;
    using DoneCallback = std::function<void(verifier::Expected<bool>)>;

    /// Asynchronous forms for the desktop program: the callback runs in @p context's thread.
    static void readPassword(const QString &key, QObject *context, ReadCallback done);
    static void writePassword(const QString &key, const QString &secret, QObject *context, DoneCallback done);
    static void deletePassword(const QString &key, QObject *context, DoneCallback done);

    /// Blocking forms (a local event loop) for the command-line tool and tests.
    static verifier::Expected<QString> readPasswordBlocking(const QString &key);
    static verifier::Expected<bool> writePasswordBlocking(const QString &key, const QString &secret);
    static verifier::Expected<bool> deletePasswordBlocking(const QString &key);
};

} // namespace sealcheck
