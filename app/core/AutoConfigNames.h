// Internal to AccountAutoConfig: the names its two source files share.
#pragma once

#include <QString>
#include <QStringList>

namespace sealcheck::autoconfig {

/// Thunderbird's central database of mail providers (ISPDB), asked only when the user agrees.
inline const QString kIspdbHost = QStringLiteral("autoconfig.thunderbird.net");

/// The part of @p address before its last '@', trimmed; empty without '@'.
inline QString localPartOf(const QString &address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? QString() : address.left(at).trimmed();
}

// A DNS host name in A-label form: labels of letters, digits and '-', 1..63 octets, 253 in all,
// at least two labels.
inline bool isHostName(const QString &host)
{
    if (host.isEmpty() || host.size() > 253 || !host.contains(QLatin1Char('.')))
        return false;
    const QStringList labels = host.split(QLatin1Char('.'));
    for (const QString &label : labels) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(QLatin1Char('-')) || label.endsWith(QLatin1Char('-')))
            return false;
        for (const QChar c : label) {
            const char16_t u = c.unicode();
            if (!((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'-'))
                return false;
        }
    }
    return true;
}

} // namespace sealcheck::autoconfig
