#pragma once
/// Why an IMAP operation could not run. "Could not run" is an ImapError; a NO to a harmless
/// command the caller asked about is reported as an error of kind CommandFailed.

#include <QByteArray>
#include <QString>

namespace imap {

enum class ImapErrorKind {
    Network,              ///< host not found, connection refused, ...
    Timeout,              ///< connect timeout, or the server stopped answering
    ConnectionLost,       ///< the connection closed or broke in the middle of the work
    TlsHandshake,         ///< TLS failed for another reason than trust (protocol, cipher)
    UntrustedCertificate, ///< see certificatePin / certificateSubject
    StartTlsNotOffered,   ///< STARTTLS mode, server does not advertise STARTTLS: refused, never downgraded
    LoginDisabled,        ///< LOGINDISABLED and no usable SASL mechanism
    AuthenticationFailed, ///< NO to LOGIN / AUTHENTICATE
    ProtocolError,        ///< unparsable or impossible server response
    ResponseTooLarge,     ///< a literal or line above the configured cap (connection dropped)
    ServerBye,            ///< * BYE, or a BYE greeting
    CommandFailed,        ///< NO / BAD to a command
    NotConnected,         ///< API used in the wrong state
    NoSuchMailbox,        ///< EXAMINE answered NO
    Aborted,              ///< the caller aborted
};

struct ImapError
{
    ImapErrorKind kind = ImapErrorKind::ProtocolError;
    QString message; ///< English, one sentence, shown to the user as is by the CLI
    /// UntrustedCertificate only: SHA-256 of the leaf's SubjectPublicKeyInfo, base64 (the value
    /// to give as a pin), and the certificate's subject, so the UI can offer pinning.
    QByteArray certificatePin;
    QString certificateSubject;
};

} // namespace imap
