#pragma once
// Finds the IMAP server for an e-mail address: RFC 6186 SRV records through a verifier::Resolver,
// a guess from the domain's MX hosts (their organisational domain through a small bundled
// provider table), then the obvious guess imap.DOMAIN:993. The HTTPS half (Thunderbird's
// autoconfig XML) is AccountAutoConfig. The result only pre-fills the account dialog; the user
// confirms it, and the TLS certificate must still name the host (a DNS answer never weakens TLS).

#include "MessageStore.h"
#include "PublicSuffixList.h"
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
        MxGuess,  ///< from the MX hosts' organisational domain (discoverMx)
    };
    QString host;
    quint16 port = 993;
    ConnectionSecurity security = ConnectionSecurity::ImplicitTls;
    Source source = Source::Guess;
    /// "google" / "microsoft" when the host is known to want OAuth 2.0 sign-in (oauthProviderForHost),
    /// else empty (password).
    QString oauthProvider;
    /// The DNS evidence: the SRV owner name, or the MX host the guess came from; empty for Guess.
    QString evidence;
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

    /// The MX-based guess: the most preferred MX host of the address's domain (lowest preference,
    /// then the first), its organisational domain by the public suffix list (RFC 7489 §3.2
    /// reading, as verifier/dmarc does), mapped through a bundled table (google.com and
    /// googlemail.com -> imap.gmail.com with OAuth "google"; outlook.com and
    /// protection.outlook.com -> outlook.office365.com with OAuth "microsoft"), otherwise
    /// imap.<MX organisational domain>:993. Empty when there is no usable MX (none, "." null MX
    /// of RFC 7505, DNS failure) or the guess is the domain's own imap.DOMAIN (no new evidence).
    static QVector<DiscoveredServer> discoverMx(const verifier::Resolver &resolver, const QString &address,
                                                const verifier::PublicSuffixList &psl = verifier::PublicSuffixList::system());

    /// The OAuth 2.0 provider id for a known IMAP host ("imap.gmail.com" -> "google",
    /// "outlook.office365.com" -> "microsoft"); empty for any other host. Case-insensitive.
    static QString oauthProviderForHost(const QString &imapHost);
};

} // namespace sealcheck
