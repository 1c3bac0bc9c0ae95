#include "ServerDiscovery.h"

#include <QUrl>

#include <algorithm>

namespace sealcheck {

QString ServerDiscovery::domainOf(const QString &address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return {};
    QString domain = address.mid(at + 1).trimmed();
    while (domain.endsWith(QLatin1Char('.')))
        domain.chop(1);
    if (domain.isEmpty() || domain.contains(QLatin1Char(' ')) || domain.contains(QLatin1Char('>')))
        return {};
    const QByteArray ace = QUrl::toAce(domain);
    if (ace.isEmpty())
        return {};
    return QString::fromLatin1(ace).toLower();
}

namespace {

// Records a SERVFAIL, timeout or DNSSEC-bogus answer; NXDOMAIN/NODATA are not failures.
void noteFailure(const verifier::DnsAnswer &answer, const QString &name, verifier::RrType type,
                 QVector<DnsFailure> *failures)
{
    if (!failures || !(answer.temporary() || answer.bogus))
        return;
    DnsFailure f;
    f.name = name;
    f.type = type;
    f.status = answer.status == verifier::DnsStatus::Timeout ? verifier::DnsStatus::Timeout : verifier::DnsStatus::ServFail;
    f.bogus = answer.bogus;
    failures->push_back(f);
}

QVector<DiscoveredServer> srvTargets(const verifier::Resolver &resolver, const QString &name,
                                     ConnectionSecurity security, DiscoveredServer::Source source,
                                     QVector<DnsFailure> *failures)
{
    const QByteArray n = name.toLatin1();
    const verifier::DnsAnswer answer = resolver.query(std::string_view(n.constData(), size_t(n.size())),
                                                      verifier::RrType::SRV);
    QVector<DiscoveredServer> out;
    noteFailure(answer, name, verifier::RrType::SRV, failures);
    if (!answer.ok() || answer.bogus)
        return out;
    std::vector<verifier::DnsRecord> records = answer.records;
    // Priority ascending; within a priority the heavier weight first (a deterministic stand-in
    // for RFC 2782's weighted random choice: the dialog shows one proposal).
    std::stable_sort(records.begin(), records.end(), [](const auto &a, const auto &b) {
        return a.preference != b.preference ? a.preference < b.preference : a.weight > b.weight;
    });
    for (const auto &r : records) {
        QString target = QString::fromStdString(r.text).toLower();
        while (target.endsWith(QLatin1Char('.')))
            target.chop(1);
        if (target.isEmpty()) // "." : the service is decidedly not offered
            return {};
        if (r.port == 0)
            continue;
        DiscoveredServer server{target, r.port, security, source};
        server.oauthProvider = ServerDiscovery::oauthProviderForHost(target);
        server.evidence = name;
        out.push_back(server);
    }
    return out;
}

// The bundled provider table for the MX-based guess: an MX host under one of these domains means
// the mail is hosted by that provider, whose IMAP server and sign-in are well known.
struct MxProvider
{
    const char *mxDomain;
    const char *imapHost;
    const char *oauthProvider;
};
constexpr MxProvider kMxProviders[] = {
    {"google.com", "imap.gmail.com", "google"},
    {"googlemail.com", "imap.gmail.com", "google"},
    {"protection.outlook.com", "outlook.office365.com", "microsoft"},
    {"outlook.com", "outlook.office365.com", "microsoft"},
};

struct OAuthHost
{
    const char *host;
    const char *provider;
};
constexpr OAuthHost kOAuthHosts[] = {
    {"imap.gmail.com", "google"},
    {"imap.googlemail.com", "google"},
    {"outlook.office365.com", "microsoft"},
    {"outlook.office.com", "microsoft"},
    {"imap-mail.outlook.com", "microsoft"},
};

bool isUnder(const QString &host, const QString &domain)
{
    return host == domain || host.endsWith(QLatin1Char('.') + domain);
}

} // namespace

QString ServerDiscovery::oauthProviderForHost(const QString &imapHost)
{
    QString host = imapHost.toLower();
    while (host.endsWith(QLatin1Char('.')))
        host.chop(1);
    for (const OAuthHost &h : kOAuthHosts)
        if (host == QLatin1String(h.host))
            return QLatin1String(h.provider);
    return {};
}

MxLookup ServerDiscovery::lookupMx(const verifier::Resolver &resolver, const QString &address,
                                   const verifier::PublicSuffixList &psl, QVector<DnsFailure> *failures)
{
    const QString domain = domainOf(address);
    if (domain.isEmpty())
        return {};
    const QByteArray n = domain.toLatin1();
    const verifier::DnsAnswer answer = resolver.query(std::string_view(n.constData(), size_t(n.size())), verifier::RrType::MX);
    noteFailure(answer, domain, verifier::RrType::MX, failures);
    if (!answer.ok() || answer.bogus || answer.records.empty())
        return {};
    const verifier::DnsRecord *best = nullptr;
    for (const auto &r : answer.records)
        if (!best || r.preference < best->preference)
            best = &r;
    QString mx = QString::fromStdString(best->text).toLower();
    while (mx.endsWith(QLatin1Char('.')))
        mx.chop(1);
    if (mx.isEmpty() || !mx.contains(QLatin1Char('.'))) // RFC 7505 null MX, or not a host name
        return {};
    const QByteArray mxBytes = mx.toLatin1();
    const QString org = QString::fromStdString(
        psl.organisationalDomain(std::string_view(mxBytes.constData(), size_t(mxBytes.size()))));
    if (org.isEmpty() || psl.isPublicSuffix(std::string_view(mxBytes.constData(), size_t(mxBytes.size()))))
        return {};
    MxLookup out;
    out.exchange = mx;
    out.organisationalDomain = org;
    const QString ownOrg = QString::fromStdString(psl.organisationalDomain(std::string_view(n.constData(), size_t(n.size()))));
    out.otherOrganisation = org != ownOrg;
    for (const MxProvider &p : kMxProviders)
        if (isUnder(mx, QLatin1String(p.mxDomain)) || org == QLatin1String(p.mxDomain))
            out.knownProvider = true;
    return out;
}

QVector<DiscoveredServer> ServerDiscovery::guessFromMx(const MxLookup &mx, const QString &domain)
{
    if (mx.exchange.isEmpty() || mx.organisationalDomain.isEmpty())
        return {};
    DiscoveredServer server;
    server.source = DiscoveredServer::Source::MxGuess;
    server.evidence = mx.exchange;
    server.host = QStringLiteral("imap.") + mx.organisationalDomain;
    for (const MxProvider &p : kMxProviders) {
        if (isUnder(mx.exchange, QLatin1String(p.mxDomain)) || mx.organisationalDomain == QLatin1String(p.mxDomain)) {
            server.host = QLatin1String(p.imapHost);
            server.oauthProvider = QLatin1String(p.oauthProvider);
            break;
        }
    }
    if (server.oauthProvider.isEmpty())
        server.oauthProvider = oauthProviderForHost(server.host);
    if (server.host == QStringLiteral("imap.") + domain)
        return {};
    return {server};
}

QVector<DiscoveredServer> ServerDiscovery::discoverMx(const verifier::Resolver &resolver, const QString &address,
                                                      const verifier::PublicSuffixList &psl, QVector<DnsFailure> *failures)
{
    return guessFromMx(lookupMx(resolver, address, psl, failures), domainOf(address));
}

QVector<DiscoveredServer> ServerDiscovery::discover(const verifier::Resolver &resolver, const QString &address,
                                                    QVector<DnsFailure> *failures)
{
    const QString domain = domainOf(address);
    if (domain.isEmpty())
        return {};
    QVector<DiscoveredServer> out;
    out += srvTargets(resolver, QStringLiteral("_imaps._tcp.") + domain, ConnectionSecurity::ImplicitTls,
                      DiscoveredServer::Source::SrvImaps, failures);
    out += srvTargets(resolver, QStringLiteral("_imap._tcp.") + domain, ConnectionSecurity::StartTls,
                      DiscoveredServer::Source::SrvImap, failures);
    out.push_back({QStringLiteral("imap.") + domain, 993, ConnectionSecurity::ImplicitTls, DiscoveredServer::Source::Guess});
    return out;
}

} // namespace sealcheck
