#pragma once
/// SASL PLAIN (RFC 4616): authzid NUL authcid NUL passwd, UTF-8. Only ever sent inside TLS.

#include "SaslMechanism.h"

#include <QString>

namespace imap {

class SaslPlain final : public SaslMechanism
{
public:
    SaslPlain(const QString &user, const QString &password, const QString &authorizationId = QString());
    QByteArray name() const override;
    std::optional<QByteArray> initialResponse() override;
    ImapExpected<QByteArray> respond(const QByteArray &challenge) override;

private:
    QByteArray m_message;
    bool m_sent = false;
};

} // namespace imap
