#include "MailboxNameCollator.h"

#include <algorithm>

namespace imap {

namespace {

QLocale collationLocale(const QLocale &locale)
{
    // QCollator falls back to code-point order for the C locale: Ä after Z, "10" before "2".
    return locale.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates) : locale;
}

} // namespace

MailboxNameCollator::MailboxNameCollator(const QLocale &locale) : m_collator(collationLocale(locale))
{
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    m_collator.setNumericMode(true);
    m_collator.setIgnorePunctuation(false);
}

QStringList MailboxNameCollator::split(const QString &name, QChar delimiter)
{
    if (delimiter.isNull())
        return {name};
    return name.split(delimiter);
}

int MailboxNameCollator::compareLevels(const QStringList &a, const QStringList &b) const
{
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        if (const int c = m_collator.compare(a[i], b[i]); c != 0)
            return c;
    }
    if (a.size() != b.size())
        return a.size() < b.size() ? -1 : 1; // the parent before its children
    // Equal for a person ("Sent" and "sent"): code points decide, so the order is total.
    for (qsizetype i = 0; i < n; ++i) {
        if (const int c = a[i].compare(b[i]); c != 0)
            return c;
    }
    return 0;
}

int MailboxNameCollator::compare(const QString &a, const QString &b, QChar delimiter) const
{
    return compareLevels(split(a, delimiter), split(b, delimiter));
}

} // namespace imap
