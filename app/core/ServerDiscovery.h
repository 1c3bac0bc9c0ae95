#pragma once
// Finds the IMAP server for an e-mail address: RFC 6186 SRV records through a verifier::Resolver,
// then the obvious guess imap.DOMAIN:993. The result only pre-fills the account dialog; the user
// confirms it, and the TLS certificate must still name the host (a DNS answer never weakens TLS).

#include "MessageStore.h"
#include "Resolver.h"

#include <QString>
#include <QVector>

namespace sealcheck {

struct DiscoveredServer
{
    enum class Source {
        SrvImaps, ///< _imaps._tcp.DOMAIN (implicit TLS, RFC 6186 §3.2 + RFC 8314 §5.1)
        SrvImap,  ///< _imap._tcp.DOMAIN (STARTTLS, RFC 6186 §3.2)
        Guess,    ///< imap.DOMAIN:993, no DNS evidence
    };
    QString host;
    quint16 port = 993;
    ConnectionSecurity security = ConnectionSecurity::ImplicitTls;
    Source source = Source::Guess;
    bool operator==(const DiscoveredServer &) const = default;
};

class ServerDiscovery
{
public:
    /// The domain of an address ("alice@Example.COM" -> "example.com"), as an A-label; empty
    /// when the address has no usable domain.
    static QString domainOf(const QString &address);

    /// Candidates, best first: _imaps._tcp SRV targets (priority ascending, then weight
    /// descending, RFC 2782), then _imap._tcp SRV targets, then the guess imap.DOMAIN:993.
    /// A target of "." means "service decidedly not available" (RFC 2782, RFC 6186 §3.4): that
    /// service contributes nothing. Empty when the address has no domain.
    static QVector<DiscoveredServer> discover(const verifier::Resolver &resolver, const QString &address);
};

} // namespace sealcheck
