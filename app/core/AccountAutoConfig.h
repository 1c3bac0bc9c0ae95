#pragma once
// Automatic account setup from an e-mail address (issue 12, discovery half). Sources, best first:
//   1. Thunderbird autoconfig from the domain's own host:
//        https://autoconfig.DOMAIN/mail/config-v1.1.xml?emailaddress=ADDRESS
//   2. the same file under the domain itself:
//        https://DOMAIN/.well-known/autoconfig/mail/config-v1.1.xml
//   3. only with AutoConfigOptions::ispdb == IspdbLookup::Allowed: Thunderbird's central ISPDB,
//        https://autoconfig.thunderbird.net/v1.1/DOMAIN  (a third party: it learns the domain,
//        never the address; every candidate from it has thirdParty = true)
//   4. RFC 6186 SRV (_imaps._tcp, then _imap._tcp; ServerDiscovery::discover)
//   5. autoconfig of the MX hosts' organisational domain MXDOMAIN, as Thunderbird does, asked only
//      when 1-3 gave no server, the MX hosts belong to another organisational domain than DOMAIN
//      and the bundled provider table (6) does not already know them:
//        https://autoconfig.MXDOMAIN/mail/config-v1.1.xml  (no address sent: it is where the
//        mail is delivered, not a third party, but it need not be the user's mailbox provider)
//      and, only with IspdbLookup::Allowed, https://autoconfig.thunderbird.net/v1.1/MXDOMAIN
//      (a third party: thirdParty = true)
//   6. the MX-based guess (ServerDiscovery::discoverMx: Google, Microsoft, else imap.MXDOMAIN)
//   7. the plain guess imap.DOMAIN:993
// A DNS query of 4-6 that ends in SERVFAIL, timeout or a DNSSEC-bogus answer is reported in
// `skipped` (dnsFailure = true): the proposal may then be a mere guess although DNS would have
// said more. NXDOMAIN and NODATA are the normal "nothing published" and are not reported.
// The format is Thunderbird's clientConfig v1.1 (wiki.mozilla.org/Thunderbird:Autoconfiguration:
// ConfigFileFormat); only <incomingServer type="imap"> is used. Never plain text: a server with
// socketType "plain" is reported in `skipped` and left out.
// Transport: HTTPS only; the certificate must chain to a trusted root and name the host (RFC 6125),
// errors are never ignored; at most 3 redirects, each to https and to the same site (DOMAIN or a
// name under it; for 5 MXDOMAIN or a name under it; for the ISPDB its own host); 64 KiB per
// file; one total time limit for the whole discovery, source 5 included. No cookies, no cache, no credentials. DNS goes through a verifier::Resolver on a
// worker thread; the UI thread never blocks.
// The result only pre-fills the account dialog: the user confirms it, and the IMAP connection
// still verifies the server's certificate.

#include "Expected.h"
#include "MessageStore.h"
#include "Resolver.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVector>

#include <memory>

class QNetworkAccessManager;

namespace sealcheck {

struct DnsFailure; // ServerDiscovery.h

enum class AutoConfigSource {
    AutoconfigHost, ///< https://autoconfig.DOMAIN/mail/config-v1.1.xml
    WellKnown,      ///< https://DOMAIN/.well-known/autoconfig/mail/config-v1.1.xml
    Ispdb,          ///< https://autoconfig.thunderbird.net/v1.1/DOMAIN (third party, opt-in)
    SrvImaps,       ///< _imaps._tcp.DOMAIN SRV (RFC 6186 §3.2, implicit TLS)
    SrvImap,        ///< _imap._tcp.DOMAIN SRV (RFC 6186 §3.2, STARTTLS)
    MxAutoconfig,   ///< https://autoconfig.MXDOMAIN/mail/config-v1.1.xml (the MX hosts' organisation)
    IspdbMx,        ///< https://autoconfig.thunderbird.net/v1.1/MXDOMAIN (third party, opt-in)
    MxGuess,        ///< from the MX hosts' organisational domain
    Guess,          ///< imap.DOMAIN:993, no evidence
};

/// Stable tokens: "autoconfig-host", "well-known", "ispdb", "srv-imaps", "srv-imap", "mx-autoconfig",
/// "ispdb-mx", "mx-guess", "guess".
QString autoConfigSourceName(AutoConfigSource source);

enum class AuthenticationMethod {
    PasswordCleartext, ///< clientConfig "password-cleartext": the password, inside TLS
    OAuth2,            ///< clientConfig "OAuth2"; AutoConfigCandidate::oauthProvider says whose
};

struct AutoConfigCandidate
{
    AutoConfigSource source = AutoConfigSource::Guess;
    /// Where it came from: the URL fetched (after redirects) or the DNS name asked.
    QString origin;
    QString host; ///< lower case A-label
    quint16 port = 993;
    ConnectionSecurity security = ConnectionSecurity::ImplicitTls;
    /// The user name with %EMAILADDRESS%, %EMAILLOCALPART%, %EMAILDOMAIN% resolved.
    QString username;
    AuthenticationMethod authentication = AuthenticationMethod::PasswordCleartext;
    /// "google" or "microsoft" for OAuth2 (by the IMAP host, ServerDiscovery::oauthProviderForHost).
    QString oauthProvider;
    /// True when a third party (the ISPDB, for DOMAIN or for MXDOMAIN) supplied it.
    bool thirdParty = false;
    bool operator==(const AutoConfigCandidate &) const = default;
};

/// A source that gave nothing, or a server in a config that was left out, and why.
struct AutoConfigNote
{
    AutoConfigSource source = AutoConfigSource::Guess;
    QString origin; ///< URL or DNS name
    QString reason; ///< English, for the log and the dialog's details
    /// A DNS query failed (SERVFAIL, timeout, DNSSEC-bogus), so the proposal may be incomplete.
    bool dnsFailure = false;
};

struct AutoConfigResult
{
    QString address;
    QString domain; ///< A-label, lower case; empty when the address has none
    /// The organisational domain of the domain's most preferred MX host when it is another
    /// organisation's (the MX autoconfig source 5 asks it unless the provider table knows it);
    /// else empty.
    QString mxDomain;
    /// Best first (source order above; within a config the file's order); no two with the same
    /// host, port and security (the better source wins).
    QVector<AutoConfigCandidate> candidates;
    QVector<AutoConfigNote> skipped;
    /// Every URL requested (redirect targets included), in order: what was sent where.
    QStringList contactedUrls;
    /// The provider profile recognised from the MX host, the mailbox domain or the proposed IMAP
    /// host (resources/providers/providers.json id); empty when none.
    QString providerProfile;
};

/// One <incomingServer type="imap"> as written in the file (placeholders unresolved).
struct ClientConfigServer
{
    QString hostname;
    QString port;
    QString socketType;
    QString username;
    QStringList authentication;
    bool operator==(const ClientConfigServer &) const = default;
};

/// The part of a clientConfig v1.1 document that Sealcheck uses.
struct ClientConfig
{
    QString providerId;  ///< <emailProvider id="...">
    QStringList domains; ///< <domain> elements
    QVector<ClientConfigServer> imapServers;
    int otherIncomingServers = 0; ///< pop3 etc., ignored
};

struct ClientConfigLimits
{
    qsizetype maxBytes = 64 * 1024;
    int maxElements = 2000;
    int maxDepth = 16;
    int maxImapServers = 16;
    int maxDomains = 256;
    qsizetype maxTextLength = 255;
};

enum class IspdbLookup { Refused, Allowed };

struct AutoConfigOptions
{
    /// The central Thunderbird ISPDB is a third party: asked only when the user opted in.
    IspdbLookup ispdb = IspdbLookup::Refused;
    /// Added to the system's trusted roots (never replacing them). For tests.
    QList<QSslCertificate> extraCaCertificates;
    struct Endpoint
    {
        QHostAddress address;
        quint16 port = 443;
    };
    /// Host name (lower case) -> where to connect instead of resolving it; the TLS peer name,
    /// SNI and Host header stay the real name. For tests.
    QHash<QString, Endpoint> hostOverrides;
    /// No web sources at all (1-3): DNS only. For zone-file (offline) setups and tests, like
    /// `sealcheck-cli --dns-zone`, where nothing may leave the machine.
    bool offline = false;
    /// The whole discovery (all fetches and DNS); what has not answered by then is skipped.
    int timeoutMs = 15000;
    ClientConfigLimits limits;
};

class AccountAutoConfig final : public QObject
{
    Q_OBJECT

public:
    explicit AccountAutoConfig(AutoConfigOptions options = {}, QObject *parent = nullptr);
    ~AccountAutoConfig() override;

    /// Starts discovery for @p address. DNS (SRV, MX) runs on a worker thread through
    /// @p resolver (null: DNS sources are skipped, the plain guess remains); the HTTPS fetches
    /// run on this object's thread. finished() is emitted exactly once per start(), from the
    /// event loop, also for an address without a domain. A new start() abandons the previous
    /// run (its finished() is not emitted).
    void start(const QString &address, std::shared_ptr<const verifier::Resolver> resolver);
    /// Abandons the current run; finished() is not emitted for it.
    void cancel();
    bool isRunning() const;

    /// Synchronous convenience for the CLI and tests: runs start() in a local event loop.
    /// Never on the UI thread.
    static AutoConfigResult discoverBlocking(const QString &address, std::shared_ptr<const verifier::Resolver> resolver,
                                             const AutoConfigOptions &options = {});

    /// Parses a clientConfig v1.1 document strictly (QXmlStreamReader): the root must be
    /// <clientConfig> (version "1.1" or absent) holding one <emailProvider>; no DTD, no entity
    /// other than XML's own; at most limits.maxBytes, maxElements elements, maxDepth nesting,
    /// maxImapServers IMAP servers, text of at most maxTextLength characters per field.
    /// Total: any input gives a value or an Error, never a crash or a hang.
    static verifier::Expected<ClientConfig> parseClientConfig(const QByteArray &xml, const ClientConfigLimits &limits = {});

    /// Turns the IMAP servers of @p config into candidates for @p address (placeholders
    /// resolved, host validated, plain text and unsupported authentication left out with a note).
    static QVector<AutoConfigCandidate> candidatesFromConfig(const ClientConfig &config, const QString &address,
                                                             AutoConfigSource source, const QString &origin,
                                                             QVector<AutoConfigNote> *skipped);

    /// %EMAILADDRESS%, %EMAILLOCALPART%, %EMAILDOMAIN% (case-sensitive, as Thunderbird) replaced;
    /// an empty string when another %PLACEHOLDER% remains.
    static QString resolvePlaceholders(const QString &text, const QString &address);

    /// The URL asked for each HTTPS source of the domain itself ({} for the DNS sources and for
    /// MxAutoconfig/IspdbMx, see mxConfigUrl()).
    static QUrl configUrl(AutoConfigSource source, const QString &address);
    /// The URL asked for MxAutoconfig and IspdbMx given the MX hosts' organisational domain
    /// (A-label); {} for the other sources or an invalid domain.
    static QUrl mxConfigUrl(AutoConfigSource source, const QString &mxDomain);

    /// The note's reason for a failed DNS query, in plain English: "the DNS server failed to
    /// answer for _imaps._tcp.example.org (SERVFAIL)", "... did not answer in time", "... failed
    /// DNSSEC validation".
    static QString dnsFailureReason(const DnsFailure &failure);

Q_SIGNALS:
    void finished(const sealcheck::AutoConfigResult &result);

private:
    struct Run;
    void fetch(const std::shared_ptr<Run> &run, AutoConfigSource source, const QUrl &url, int redirects);
    /// Starts source 5 once DNS and sources 1-3 are done, when it applies.
    void startMxFetchesIfDue(const std::shared_ptr<Run> &run);
    void finishIfDone(const std::shared_ptr<Run> &run, bool timedOut);

    AutoConfigOptions m_options;
    QSslConfiguration m_tls; ///< strict, with the extra roots; made once (loading roots is slow)
    QNetworkAccessManager *m_network = nullptr;
    std::shared_ptr<Run> m_run;
};

} // namespace sealcheck

Q_DECLARE_METATYPE(sealcheck::AutoConfigResult)
