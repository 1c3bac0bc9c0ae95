#include "ImapReconnectPolicy.h"

#include <QtGlobal>

namespace imap {

bool ImapReconnectPolicy::shouldRetry(const ImapError &error)
{
    switch (error.kind) {
    case ImapErrorKind::Network:
    case ImapErrorKind::Timeout:
    case ImapErrorKind::ConnectionLost:
    case ImapErrorKind::ServerBye:
        return true;
    case ImapErrorKind::TlsHandshake:
    case ImapErrorKind::UntrustedCertificate:
    case ImapErrorKind::StartTlsNotOffered:
    case ImapErrorKind::LoginDisabled:
    case ImapErrorKind::AuthenticationFailed:
    case ImapErrorKind::ProtocolError:
    case ImapErrorKind::ResponseTooLarge:
    case ImapErrorKind::CommandFailed:
    case ImapErrorKind::NotConnected:
    case ImapErrorKind::NoSuchMailbox:
    case ImapErrorKind::Aborted:
        return false;
    }
    return false;
}

int ImapReconnectPolicy::delayMs(int attempt, double jitter) const
{
    qint64 d = baseDelayMs;
    for (int i = 0; i < attempt && d < maxDelayMs; ++i)
        d *= 2;
    d = qMin<qint64>(d, maxDelayMs);
    const double j = qBound(0.0, jitter, 1.0);
    return int(double(d) * (0.5 + 0.5 * j));
}

} // namespace imap
