#include "SaslXOAuth2.h"

#include "SaslBearerError.h"

namespace imap {

SaslXOAuth2::SaslXOAuth2(const QString &user, const QString &accessToken)
    : m_message(clientMessage(user, accessToken))
{
}

QByteArray SaslXOAuth2::clientMessage(const QString &user, const QString &accessToken)
{
    return "user=" + user.toUtf8() + "\x01" "auth=Bearer " + accessToken.toUtf8() + "\x01\x01";
}

QByteArray SaslXOAuth2::name() const { return "XOAUTH2"; }

std::optional<QByteArray> SaslXOAuth2::initialResponse()
{
    m_sent = true;
    return m_message;
}

ImapExpected<QByteArray> SaslXOAuth2::respond(const QByteArray &challenge)
{
    if (!m_sent && challenge.isEmpty()) { // no SASL-IR: the server asks for the first message
        m_sent = true;
        return m_message;
    }
    if (m_sent && !m_refused) {
        if (auto status = SaslBearerError::parseStatus(challenge)) {
            m_refused = true;
            m_status = *status;
            return QByteArray(); // the empty response that lets the server finish with NO
        }
    }
    return ImapError{ImapErrorKind::ProtocolError, QStringLiteral("the server sent an unexpected XOAUTH2 challenge"),
                     {}, {}};
}

} // namespace imap
