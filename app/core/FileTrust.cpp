#include "FileTrust.h"

#include "ProviderProfiles.h"

#include <QSettings>

#include <algorithm>

namespace sealcheck {

namespace {

const QString kAuthserv = QStringLiteral("files/trustedAuthservIds");
const QString kRelays = QStringLiteral("files/trustedRelays");
const QString kArc = QStringLiteral("files/trustedArcSealers");
const QString kProvider = QStringLiteral("files/providerProfile");

void appendUnique(std::vector<std::string> &to, const QStringList &from)
{
    for (const QString &s : from) {
        const std::string v = s.trimmed().toLower().toStdString();
        if (!v.empty() && std::find(to.begin(), to.end(), v) == to.end())
            to.push_back(v);
    }
}

} // namespace

FileTrust FileTrust::load(QSettings &s)
{
    FileTrust t;
    t.authservIds = s.value(kAuthserv).toStringList();
    t.relays = s.value(kRelays).toStringList();
    t.arcSealers = s.value(kArc).toStringList();
    t.providerProfile = s.value(kProvider).toString();
    return t;
}

void FileTrust::store(QSettings &s) const
{
    s.setValue(kAuthserv, authservIds);
    s.setValue(kRelays, relays);
    s.setValue(kArc, arcSealers);
    s.setValue(kProvider, providerProfile);
}

VerificationSettings FileTrust::applyTo(VerificationSettings base) const
{
    appendUnique(base.trust.authservIds, authservIds);
    appendUnique(base.trust.relays, relays);
    appendUnique(base.trust.arcSealers, arcSealers);
    if (!providerProfile.isEmpty())
        base.trust.provider = findProviderProfile(providerProfile);
    return base;
}

} // namespace sealcheck
