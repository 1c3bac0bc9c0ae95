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

QVector<DiscoveredServer> srvTargets(const verifier::Resolver &resolver, const QString &name,
                                     ConnectionSecurity security, DiscoveredServer::Source source)
{
    const QByteArray n = name.toLatin1();
    const verifier::DnsAnswer answer = resolver.query(std::string_view(n.constData(), size_t(n.size())),
                                                      verifier::RrType::SRV);
    QVector<DiscoveredServer> out;
    if (!answer.ok())
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
        out.push_back({target, r.port, security, source});
    }
    return out;
}

} // namespace

QVector<DiscoveredServer> ServerDiscovery::discover(const verifier::Resolver &resolver, const QString &address)
{
    const QString domain = domainOf(address);
    if (domain.isEmpty())
        return {};
    QVector<DiscoveredServer> out;
    out += srvTargets(resolver, QStringLiteral("_imaps._tcp.") + domain, ConnectionSecurity::ImplicitTls,
                      DiscoveredServer::Source::SrvImaps);
    out += srvTargets(resolver, QStringLiteral("_imap._tcp.") + domain, ConnectionSecurity::StartTls,
                      DiscoveredServer::Source::SrvImap);
    out.push_back({QStringLiteral("imap.") + domain, 993, ConnectionSecurity::ImplicitTls, DiscoveredServer::Source::Guess});
    return out;
}

} // namespace sealcheck
