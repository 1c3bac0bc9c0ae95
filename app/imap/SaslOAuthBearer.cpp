#include "SaslOAuthBearer.h"

namespace imap {

SaslOAuthBearer::SaslOAuthBearer(const QString &user, const QString &accessToken, const QString &host, quint16 port)
    : SaslBearerMechanism(clientMessage(user, accessToken, host, port),
                          QByteArray("\x01")) // RFC 7628 §3.2.3: a single %x01 ends the failed exchange
{
}

QByteArray SaslOAuthBearer::saslName(const QString &user)
{
    QByteArray out;
    for (char c : user.toUtf8()) {
        if (c == ',')
            out += "=2C";
        else if (c == '=')
            out += "=3D";
        else
            out += c;
    }
    return out;
}

QByteArray SaslOAuthBearer::clientMessage(const QString &user, const QString &accessToken, const QString &host,
                                          quint16 port)
{
    QByteArray m = "n,";
    if (!user.isEmpty())
        m += "a=" + saslName(user);
    m += ",\x01";
    if (!host.isEmpty())
        m += "host=" + host.toUtf8() + '\x01';
    if (port != 0)
        m += "port=" + QByteArray::number(port) + '\x01';
    m += "auth=Bearer " + accessToken.toUtf8() + "\x01\x01";
    return m;
}

QByteArray SaslOAuthBearer::name() const { return "OAUTHBEARER"; }

} // namespace imap
