#include "ProviderProfiles.h"

#include "ProviderProfilesData.h" // generated from resources/providers/providers.json

namespace sealcheck {

const std::vector<verifier::ProviderProfile> &providerProfiles()
{
    static const std::vector<verifier::ProviderProfile> profiles = [] {
        auto parsed = verifier::parseProviderProfiles(kProviderProfilesJson);
        return parsed ? std::move(*parsed) : std::vector<verifier::ProviderProfile>();
    }();
    return profiles;
}

std::optional<verifier::ProviderProfile> findProviderProfile(const QString &id)
{
    for (const auto &p : providerProfiles())
        if (QString::fromStdString(p.id).compare(id.trimmed(), Qt::CaseInsensitive) == 0)
            return p;
    return std::nullopt;
}

std::optional<verifier::ProviderProfile> recogniseProvider(const QStringList &mxHosts, const QString &mailboxDomain)
{
    std::vector<std::string> mx;
    for (const QString &h : mxHosts)
        mx.push_back(h.toLower().toStdString());
    for (const auto &p : providerProfiles())
        if (p.matchesMx(mx))
            return p;
    const std::string domain = mailboxDomain.trimmed().toLower().toStdString();
    for (const auto &p : providerProfiles())
        for (const auto &d : p.mailboxDomains)
            if (d == domain)
                return p;
    return std::nullopt;
}

QString providerIds()
{
    QStringList ids;
    for (const auto &p : providerProfiles())
        ids << QString::fromStdString(p.id);
    return ids.join(QStringLiteral(", "));
}

} // namespace sealcheck
