#pragma once
/// Orders mailbox names the way a person reads a folder list, not by code point:
/// - the collation of a locale (the Unicode Collation Algorithm, through QCollator/ICU), so "Ärger"
///   sorts between "Apfel" and "Birne" in German;
/// - case-insensitive ("alpha" before "Zeta");
/// - digits as numbers ("Folder 2" before "Folder 10");
/// - level by level of the hierarchy: a name is split at the server's hierarchy delimiter (RFC 9051
///   §5.1, the delimiter of the LIST answer, §7.3.1) and compared part by part, so a parent comes
///   immediately before its children, and a sibling that merely starts with the parent's name comes
///   after them ("Parent", "Parent/Child", "Parent 2").
/// Names the collation deems equal ("a" and "A") are ordered by code point, so the order is total and
/// does not depend on the input order. The "C" locale has no collation (QCollator would compare code
/// points); it is read as English, the language of the program's own texts.

#include <QChar>
#include <QCollator>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace imap {

class MailboxNameCollator
{
public:
    /// @p locale: the user interface's locale (QLocale() is the default one, which the desktop
    /// program sets to the chosen language).
    explicit MailboxNameCollator(const QLocale &locale = QLocale());

    /// The locale whose collation is used (English for "C").
    QLocale locale() const { return m_collator.locale(); }

    /// Negative, 0 or positive as @p a sorts before, like or after @p b. @p delimiter is the
    /// hierarchy delimiter of both names; a null QChar (IMAP NIL) means a flat name.
    int compare(const QString &a, const QString &b, QChar delimiter = QChar()) const;

    /// The same on names already split into their hierarchy levels (see split()).
    int compareLevels(const QStringList &a, const QStringList &b) const;

    /// @p name split at @p delimiter (one level when the delimiter is null).
    static QStringList split(const QString &name, QChar delimiter);

private:
    QCollator m_collator;
};

} // namespace imap
