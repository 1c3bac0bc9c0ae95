#include "SaslXOAuth2.h"

namespace imap {

SaslXOAuth2::SaslXOAuth2(const QString &user, const QString &accessToken)
    : SaslBearerMechanism(clientMessage(user, accessToken), QByteArray()) // the empty answer to the error
{
}

QByteArray SaslXOAuth2::clientMessage(const QString &user, const QString &accessToken)
{
    return "user=" + user.toUtf8() + "\x01" "auth=Bearer " + accessToken.toUtf8() + "\x01\x01";
}

QByteArray SaslXOAuth2::name() const { return "XOAUTH2"; }

} // namespace imap
