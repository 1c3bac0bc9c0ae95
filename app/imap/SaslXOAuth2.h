#pragma once
/// SASL XOAUTH2, the OAuth 2.0 mechanism of Gmail and Microsoft 365 (Google's "XOAUTH2 protocol"
/// description; it predates RFC 7628 and has no gs2 header):
///   initial response = "user=" user ^A "auth=Bearer " token ^A ^A
/// When the server refuses the token it sends one challenge, a JSON object such as
/// {"status":"401","schemes":"bearer","scope":"..."}; the client answers with an empty response
/// and the server ends with NO. tokenRefused() and serverStatus() tell what happened (the
/// exchange is SaslBearerMechanism's).

#include "SaslBearerMechanism.h"

#include <QString>

namespace imap {

class SaslXOAuth2 final : public SaslBearerMechanism
{
public:
    SaslXOAuth2(const QString &user, const QString &accessToken);
    QByteArray name() const override;

    /// The exact client message (for tests).
    static QByteArray clientMessage(const QString &user, const QString &accessToken);
};

} // namespace imap
