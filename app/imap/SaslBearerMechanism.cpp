#include "SaslBearerMechanism.h"

#include "SaslBearerError.h"

#include <utility>

namespace imap {

SaslBearerMechanism::SaslBearerMechanism(QByteArray message, QByteArray errorAnswer)
    : m_message(std::move(message)), m_errorAnswer(std::move(errorAnswer))
{
}

std::optional<QByteArray> SaslBearerMechanism::initialResponse()
{
    m_sent = true;
    return m_message;
}

ImapExpected<QByteArray> SaslBearerMechanism::respond(const QByteArray &challenge)
{
    if (!m_sent && challenge.isEmpty()) { // no SASL-IR: the server asks for the first message
        m_sent = true;
        return m_message;
    }
    if (m_sent && !m_refused) {
        if (auto status = SaslBearerError::parseStatus(challenge)) {
            m_refused = true;
            m_status = *status;
            return m_errorAnswer; // lets the server finish with NO
        }
    }
    return ImapError{ImapErrorKind::ProtocolError,
                     QStringLiteral("the server sent an unexpected %1 challenge").arg(QString::fromLatin1(name())), {}, {}};
}

} // namespace imap
