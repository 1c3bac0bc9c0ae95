#pragma once
/// The provider profiles built into the program (resources/providers/providers.json, parsed by
/// verifier::parseProviderProfiles): looked up by id for `--provider NAME` and an account's
/// setting, and recognised from an account's MX hosts or mailbox domain during set-up, which only
/// proposes the profile: the user confirms it.

#include "ProviderProfile.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace sealcheck {

/// Every built-in profile, parsed once (an invalid built-in file is a build defect: empty list,
/// and tst_providers fails).
const std::vector<verifier::ProviderProfile> &providerProfiles();

/// The profile with this id (case-insensitive), if any.
std::optional<verifier::ProviderProfile> findProviderProfile(const QString &id);

/// The profile whose MX patterns match one of @p mxHosts, else whose mailbox domains hold
/// @p mailboxDomain.
std::optional<verifier::ProviderProfile> recogniseProvider(const QStringList &mxHosts, const QString &mailboxDomain);

/// "gmail, microsoft365, ..." for messages naming the choices.
QString providerIds();

} // namespace sealcheck
