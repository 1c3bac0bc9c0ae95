#include "MailDate.h"

#include <QHash>
#include <QRegularExpression>

namespace sealcheck {

namespace {

/// RFC 5322 §4.3 obs-zone: the named zones, and military letters (read as -0000, "unknown").
QString numericZone(const QString &zone)
{
    static const QHash<QString, QString> named = {
        {QStringLiteral("UT"), QStringLiteral("+0000")},  {QStringLiteral("UTC"), QStringLiteral("+0000")},
        {QStringLiteral("GMT"), QStringLiteral("+0000")}, {QStringLiteral("Z"), QStringLiteral("+0000")},
        {QStringLiteral("EST"), QStringLiteral("-0500")}, {QStringLiteral("EDT"), QStringLiteral("-0400")},
        {QStringLiteral("CST"), QStringLiteral("-0600")}, {QStringLiteral("CDT"), QStringLiteral("-0500")},
        {QStringLiteral("MST"), QStringLiteral("-0700")}, {QStringLiteral("MDT"), QStringLiteral("-0600")},
        {QStringLiteral("PST"), QStringLiteral("-0800")}, {QStringLiteral("PDT"), QStringLiteral("-0700")},
    };
    const QString upper = zone.toUpper();
    if (const auto it = named.constFind(upper); it != named.cend())
        return *it;
    if (upper.size() == 1 && upper[0] >= QLatin1Char('A') && upper[0] <= QLatin1Char('Z') && upper != QStringLiteral("J"))
        return QStringLiteral("-0000");
    return {};
}

} // namespace

QDateTime parseMailDate(const QString &value)
{
    QString s = value;
    // Comments (CFWS), e.g. "+0000 (UTC)": not nested in practice; bounded by the field length.
    static const QRegularExpression comment(QStringLiteral("\\([^()]*\\)"));
    s.remove(comment);
    s = s.simplified();
    QDateTime t = QDateTime::fromString(s, Qt::RFC2822Date);
    if (t.isValid())
        return t;
    const qsizetype space = s.lastIndexOf(QLatin1Char(' '));
    if (space < 0)
        return {};
    const QString zone = numericZone(s.mid(space + 1));
    if (zone.isEmpty())
        return {};
    return QDateTime::fromString(s.left(space) + QLatin1Char(' ') + zone, Qt::RFC2822Date);
}

} // namespace sealcheck
