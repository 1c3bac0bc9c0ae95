#pragma once
/// The exchange shared by the OAuth 2.0 bearer-token mechanisms, XOAUTH2 (SaslXOAuth2) and
/// OAUTHBEARER (SaslOAuthBearer, RFC 7628 §3.2): the client message goes first (as the SASL-IR
/// initial response, RFC 4959, or as the answer to the server's empty first challenge); if the
/// server then sends an error challenge (a JSON object with "status", RFC 7628 §3.2.2, parsed by
/// SaslBearerError) the mechanism answers it once with its own error answer and the server ends
/// with NO. Any other challenge is a protocol error. The message carries the token: it is only
/// ever sent inside TLS and never logged.

#include "SaslMechanism.h"

#include <QString>

namespace imap {

class SaslBearerMechanism : public SaslMechanism
{
public:
    std::optional<QByteArray> initialResponse() final;
    ImapExpected<QByteArray> respond(const QByteArray &challenge) final;
    SaslCredential credential() const final { return SaslCredential::BearerToken; }

    /// The server sent its error challenge (the token was refused).
    bool tokenRefused() const { return m_refused; }
    /// "status" of the error challenge, e.g. "401" or "invalid_token" (empty when none).
    QString serverStatus() const { return m_status; }

protected:
    /// @p message is the whole client message; @p errorAnswer what answers the error challenge
    /// (XOAUTH2: empty; OAUTHBEARER: a single %x01, RFC 7628 §3.2.3).
    SaslBearerMechanism(QByteArray message, QByteArray errorAnswer);

private:
    QByteArray m_message;
    QByteArray m_errorAnswer;
    bool m_sent = false;
    bool m_refused = false;
    QString m_status;
};

} // namespace imap
