#pragma once
/// SASL XOAUTH2, the OAuth 2.0 mechanism of Gmail and Microsoft 365 (Google's "XOAUTH2 protocol"
/// description; it predates RFC 7628 and has no gs2 header):
///   initial response = "user=" user ^A "auth=Bearer " token ^A ^A
/// When the server refuses the token it sends one challenge, a JSON object such as
/// {"status":"401","schemes":"bearer","scope":"..."}; the client answers with an empty response
/// and the server ends with NO. tokenRefused() and serverStatus() tell what happened. The
/// message carries the token: it is only ever sent inside TLS and never logged.

#include "SaslMechanism.h"

#include <QString>

namespace imap {

class SaslXOAuth2 final : public SaslMechanism
{
public:
    SaslXOAuth2(const QString &user, const QString &accessToken);
    QByteArray name() const override;
    std::optional<QByteArray> initialResponse() override;
    ImapExpected<QByteArray> respond(const QByteArray &challenge) override;
    SaslCredential credential() const override { return SaslCredential::BearerToken; }

    /// The exact client message (for tests).
    static QByteArray clientMessage(const QString &user, const QString &accessToken);
    /// The server sent its error challenge.
    bool tokenRefused() const { return m_refused; }
    /// "status" of the error challenge, e.g. "401" or "invalid_token" (empty when none).
    QString serverStatus() const { return m_status; }

private:
    QByteArray m_message;
    bool m_sent = false;
    bool m_refused = false;
    QString m_status;
};

} // namespace imap
