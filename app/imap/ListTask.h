#pragma once
/// LIST "" "*" (RFC 9051 §6.3.9); special-use attributes (RFC 6154) arrive in ListEntry::attributes.

#include "ImapTask.h"

#include <QLocale>

namespace imap {

class ListTask final : public ImapTask
{
    Q_OBJECT
public:
    explicit ListTask(const QByteArray &pattern = "*", QObject *parent = nullptr);
    const QList<ListEntry> &mailboxes() const { return m_entries; }

    /// The selectable mailboxes of a LIST answer, decoded (ImapMailboxName), in the order a mail
    /// program shows them: INBOX (always spelled "INBOX", RFC 9051 §5.1), then by special-use
    /// attribute (RFC 6154 §2) \Sent, \Junk, \Drafts, \Archive, \Trash, \All, \Flagged, then the
    /// others by name. Within each of these groups names sort as a person reads them in @p locale
    /// (MailboxNameCollator: the locale's collation, case-insensitive, numbers by value, level by
    /// level of the hierarchy). A mailbox without a special-use attribute below INBOX or a
    /// special-use mailbox follows the nearest such ancestor, so a parent is always immediately
    /// followed by its children ("Sent", "Sent/2023"); a special-use mailbox is always
    /// in its special-use group, wherever it sits in the hierarchy ("[Gmail]/Sent" right after
    /// INBOX). Entries marked \Noselect or \NonExistent (RFC 9051 §7.3.1) are left out, as are
    /// duplicates and names that do not decode. At most @p limit names (the first ones listed).
    static QStringList displayNames(const QList<ListEntry> &entries, int limit = 10000,
                                    const QLocale &locale = QLocale());

protected:
    void perform() override;
    bool handleUntagged(const ImapResponse &response) override;
    void handleTagged(const ImapResponse &response) override;

private:
    QByteArray m_pattern;
    QList<ListEntry> m_entries;
};

} // namespace imap
