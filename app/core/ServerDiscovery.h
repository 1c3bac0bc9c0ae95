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

/// A DNS query of the discovery that could not be answered: SERVFAIL, timeout, or an answer that
/// failed DNSSEC validation (RFC 4035 §5.5 "bogus"; the resolver reports it as SERVFAIL with
/// DnsAnswer::bogus). NXDOMAIN and NODATA are the normal "no such record" and are never failures.
struct DnsFailure
{
    QString name; ///< the name asked, e.g. "_imaps._tcp.example.org"
    verifier::RrType type = verifier::RrType::SRV;
    verifier::DnsStatus status = verifier::DnsStatus::ServFail; ///< ServFail or Timeout
    bool bogus = false;
    bool operator==(const DnsFailure &) const = default;
};

/// The domain's most preferred MX host and what it says about the provider.
struct MxLookup
{
    QString exchange;             ///< lower case, no trailing dot; empty: no usable MX
    QString organisationalDomain; ///< of the exchange (public suffix list); empty when none
    /// The exchange's organisational domain differs from the address domain's own.
    bool otherOrganisation = false;
    /// The bundled provider table knows it (Google, Microsoft): nothing needs to be fetched.
    bool knownProvider = false;
    bool operator==(const MxLookup &) const = default;
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
    /// A query that ended in SERVFAIL, timeout or a DNSSEC-bogus answer contributes nothing and
    /// is appended to @p failures (when given), in query order.
    static QVector<DiscoveredServer> discover(const verifier::Resolver &resolver, const QString &address,
                                              QVector<DnsFailure> *failures = nullptr);

    /// The MX-based guess: the most preferred MX host of the address's domain (lowest preference,
    /// then the first), its organisational domain by the public suffix list (RFC 7489 §3.2
    /// reading, as verifier/dmarc does), mapped through a bundled table (google.com and
    /// googlemail.com -> imap.gmail.com with OAuth "google"; outlook.com and
    /// protection.outlook.com -> outlook.office365.com with OAuth "microsoft"), otherwise
    /// imap.<MX organisational domain>:993. Empty when there is no usable MX (none, "." null MX
    /// of RFC 7505, DNS failure) or the guess is the domain's own imap.DOMAIN (no new evidence).
    /// A failed MX query is appended to @p failures (when given), as for discover().
    static QVector<DiscoveredServer> discoverMx(const verifier::Resolver &resolver, const QString &address,
                                                const verifier::PublicSuffixList &psl = verifier::PublicSuffixList::system(),
                                                QVector<DnsFailure> *failures = nullptr);

    /// One MX query for the address's domain: its most preferred exchange (lowest preference,
    /// then the first) and the exchange's organisational domain (RFC 7489 §3.2 reading). Empty
    /// for no MX, the RFC 7505 null MX ".", an exchange that is a public suffix, or a failed
    /// query (appended to @p failures when given).
    static MxLookup lookupMx(const verifier::Resolver &resolver, const QString &address,
                             const verifier::PublicSuffixList &psl = verifier::PublicSuffixList::system(),
                             QVector<DnsFailure> *failures = nullptr);

    /// The guess from an MX lookup (see discoverMx); empty when @p mx is empty or the guess
    /// is @p domain's own imap.DOMAIN.
    static QVector<DiscoveredServer> guessFromMx(const MxLookup &mx, const QString &domain);

    /// The OAuth 2.0 provider id for a known IMAP host ("imap.gmail.com" -> "google",
    /// "outlook.office365.com" -> "microsoft"); empty for any other host. Case-insensitive.
    static QString oauthProviderForHost(const QString &imapHost);
};

} // namespace sealcheck
