#pragma once
/// SASL OAUTHBEARER (RFC 7628). The client response (§3.1):
///   gs2-header = "n," ["a=" saslname] ","      (no channel binding; saslname escapes "," as
///                                               "=2C" and "=" as "=3D", RFC 5801 §4)
///   message    = gs2-header ^A ["host=" host ^A] ["port=" port ^A] "auth=Bearer " token ^A ^A
/// On failure the server sends an error challenge, a JSON object with "status" (§3.2.2); the
/// client must answer it with a single ^A (§3.2.3), after which the server ends with NO.
/// tokenRefused() then holds and serverStatus() is the "status" value ("invalid_token") (the
/// exchange is SaslBearerMechanism's).

#include "SaslBearerMechanism.h"

#include <QString>

namespace imap {

class SaslOAuthBearer final : public SaslBearerMechanism
{
public:
    /// @p host and @p port are the server the client connected to (RFC 7628 §3.1 "host", "port");
    /// an empty host / port 0 leaves them out.
    SaslOAuthBearer(const QString &user, const QString &accessToken, const QString &host = QString(),
                    quint16 port = 0);
    QByteArray name() const override;

    /// The exact client message (for tests).
    static QByteArray clientMessage(const QString &user, const QString &accessToken, const QString &host = QString(),
                                    quint16 port = 0);
    /// RFC 5801 §4 saslname: "," -> "=2C", "=" -> "=3D".
    static QByteArray saslName(const QString &user);
};

} // namespace imap
