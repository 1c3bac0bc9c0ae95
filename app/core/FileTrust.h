#pragma once
// What the user trusts when verifying opened files (.eml, mbox; issue 20, point 8): the
// authserv-ids whose Authentication-Results fields are believed (RFC 8601 §5), the receiving
// relays above the trust boundary, the ARC sealers (RFC 8617) and the mail provider's profile.
// Accounts keep their own lists in the store (AccountRecord); a file has no account, so these
// stand in for one. The domains the user knows are shared by everything (KnownDomains, in the
// store). Kept with QSettings under "files/".

#include "VerificationScheduler.h"

#include <QString>
#include <QStringList>

class QSettings;

namespace sealcheck {

struct FileTrust
{
    QStringList authservIds;
    QStringList relays;
    QStringList arcSealers;
    /// A provider profile id (resources/providers); empty = none.
    QString providerProfile;
    bool operator==(const FileTrust &) const = default;

    static FileTrust load(QSettings &settings);
    void store(QSettings &settings) const;
    /// @p base with these lists added (lower case, no duplicates) and the profile set when chosen.
    VerificationSettings applyTo(VerificationSettings base) const;
};

} // namespace sealcheck
