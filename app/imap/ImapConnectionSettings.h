#pragma once
/// Where and how to connect. TLS is never optional: implicit TLS (RFC 8314, port 993) or
/// STARTTLS (RFC 9051 §6.2.1), and STARTTLS refuses servers that do not offer it.

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QString>

namespace imap {

enum class TlsMode {
    Implicit, ///< TLS from the first byte (port 993), RFC 8314
    StartTls, ///< plain greeting, then STARTTLS; no STARTTLS advertised = refused
};

struct ImapConnectionSettings
{
    QString host;
    quint16 port = 993;
    TlsMode tlsMode = TlsMode::Implicit;
    /// Extra trusted roots, beside the system's (e.g. a company CA, --ca-file).
    QList<QSslCertificate> extraCaCertificates;
    /// SHA-256 of the accepted certificate's SubjectPublicKeyInfo, 32 raw bytes (see
    /// ImapCertificatePin::parse). When set, a certificate with this key is accepted even if it
    /// is not trusted or does not name the host; every other certificate is verified normally.
    QByteArray pinnedPublicKeySha256;
    int connectTimeoutMs = 20000;
    /// The server must answer within this time while a command is running (not during IDLE).
    int responseTimeoutMs = 60000;
    /// While a command runs, the server must also keep up this average rate: the command's
    /// answer (every response until its tagged completion) may take responseTimeoutMs plus one
    /// second per minBytesPerSecond bytes received. A server that trickles bytes (each one
    /// resetting the silence timeout above) ends with ImapErrorKind::Timeout. 0 = no rate check.
    int minBytesPerSecond = 1024;
    /// Larger literals end the connection with ImapErrorKind::ResponseTooLarge.
    qint64 maxLiteralSize = 64ll * 1024 * 1024;
    /// Bytes of one response, all its literals counted together (ImapFramer).
    qint64 maxResponseSize = 80ll * 1024 * 1024;
    int protocolLogEntries = 500;
};

} // namespace imap
