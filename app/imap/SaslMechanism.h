#pragma once
/// A SASL mechanism as used by IMAP AUTHENTICATE (RFC 9051 §6.2.2, RFC 4422). Payloads are raw
/// bytes here; LoginTask does the base64 and decides on SASL-IR (RFC 4959). XOAUTH2 or
/// OAUTHBEARER (RFC 7628) implement this interface later without touching the tasks.

#include "ImapExpected.h"

#include <QByteArray>

#include <optional>

namespace imap {

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
};

} // namespace imap
