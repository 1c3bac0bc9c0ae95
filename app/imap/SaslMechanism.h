#pragma once
/// A SASL mechanism as used by IMAP AUTHENTICATE (RFC 9051 §6.2.2, RFC 4422). Payloads are raw
/// bytes here; LoginTask does the base64 and decides on SASL-IR (RFC 4959). PLAIN (SaslPlain),
/// XOAUTH2 (SaslXOAuth2) and OAUTHBEARER (SaslOAuthBearer, RFC 7628) implement this interface.

#include "ImapExpected.h"

#include <QByteArray>

#include <optional>

namespace imap {

/// What a mechanism proves: a password, or an OAuth 2.0 bearer token (RFC 6750) that expires
/// and can be refreshed.
enum class SaslCredential { Password, BearerToken };

class SaslMechanism
{
public:
    virtual ~SaslMechanism() = default;
    /// The IANA mechanism name, e.g. "PLAIN"; the server must advertise AUTH=<name>.
    virtual QByteArray name() const = 0;
    /// The client-first message, or nullopt for server-first mechanisms.
    virtual std::optional<QByteArray> initialResponse() = 0;
    /// Answers a server challenge (already base64-decoded); an error aborts the exchange ("*").
    virtual ImapExpected<QByteArray> respond(const QByteArray &challenge) = 0;
    /// BearerToken: a NO to this mechanism means "the token was refused" (expired or revoked),
    /// which the caller cures by refreshing the token, not by asking for a password.
    virtual SaslCredential credential() const { return SaslCredential::Password; }
};

} // namespace imap
