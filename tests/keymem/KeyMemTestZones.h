#pragma once
// The demo zone (resources/demo/demo.zone) as master-file text with mybank.example's DKIM key at
// selector s2026 as published, deleted, revoked (empty p=) or replaced by the demo's shop key:
// the DNS of a later re-check. Shared by the key-memory tests that need zone text (the CLI reads
// --dns-zone files; the scheduler takes a ZoneResolver loaded from the same text).

#include <QFile>
#include <QString>
#include <QStringList>

namespace keymemtest {

enum class BankKey { Published, Deleted, Revoked, Replaced };

inline QString demoDir() { return QStringLiteral(SEALCHECK_SOURCE_DIR "/resources/demo"); }
inline QString demoMessage(const char *name)
{
    return demoDir() + QStringLiteral("/messages/") + QLatin1String(name) + QStringLiteral(".eml");
}
inline QString dataMessage(const char *name)
{
    return QStringLiteral(SEALCHECK_SOURCE_DIR "/tests/keymem/data/") + QLatin1String(name) + QStringLiteral(".eml");
}

/// The lines of the record that starts with @p owner (up to its closing parenthesis).
inline QStringList recordLines(const QStringList &lines, const QString &owner, QStringList *rest = nullptr)
{
    QStringList record;
    bool inside = false;
    for (const QString &line : lines) {
        if (line.startsWith(owner))
            inside = true;
        if (inside)
            record << line;
        else if (rest)
            *rest << line;
        if (inside && (line.contains(QLatin1Char(')')) || !record.front().contains(QLatin1Char('('))))
            inside = false;
    }
    return record;
}

inline QString demoZone(BankKey key)
{
    QFile f(demoDir() + QStringLiteral("/demo.zone"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read demo.zone");
    const QString text = QString::fromUtf8(f.readAll());
    if (key == BankKey::Published)
        return text;
    const QStringList lines = text.split(QLatin1Char('\n'));
    QStringList kept;
    recordLines(lines, QStringLiteral("s2026._domainkey"), &kept);
    if (key == BankKey::Revoked)
        kept << QStringLiteral("s2026._domainkey.mybank.example. IN TXT \"v=DKIM1; k=rsa; p=\"");
    if (key == BankKey::Replaced) {
        QStringList shop = recordLines(lines, QStringLiteral("k1._domainkey"));
        if (shop.isEmpty())
            qFatal("demo.zone has no shop key");
        shop.front().replace(QStringLiteral("k1._domainkey"), QStringLiteral("s2026._domainkey.mybank.example."));
        kept << shop;
    }
    return kept.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

// 2026-11-24T12:00:00Z, the demo's NOW: the first check of the demo mail.
constexpr qint64 kFirstCheck = 1795521600;
constexpr qint64 kDay = 86400;

} // namespace keymemtest
