#include "SaslPlain.h"

namespace imap {

SaslPlain::SaslPlain(const QString &user, const QString &password, const QString &authorizationId)
    : m_message(authorizationId.toUtf8() + '\0' + user.toUtf8() + '\0' + password.toUtf8())
{
}

QByteArray SaslPlain::name() const { return "PLAIN"; }

std::optional<QByteArray> SaslPlain::initialResponse()
{
    m_sent = true;
    return m_message;
}

ImapExpected<QByteArray> SaslPlain::respond(const QByteArray &challenge)
{
    // PLAIN has one message; an empty challenge asks for it when SASL-IR was not used.
    if (m_sent || !challenge.isEmpty())
        return ImapError{ImapErrorKind::ProtocolError,
                         QStringLiteral("the server sent an unexpected PLAIN challenge"), {}, {}};
    m_sent = true;
    return m_message;
}

} // namespace imap
