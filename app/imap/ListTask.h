#pragma once
/// LIST "" "*" (RFC 9051 §6.3.9); special-use attributes (RFC 6154) arrive in ListEntry::attributes.

#include "ImapTask.h"

namespace imap {

class ListTask final : public ImapTask
{
    Q_OBJECT
public:
    explicit ListTask(const QByteArray &pattern = "*", QObject *parent = nullptr);
    const QList<ListEntry> &mailboxes() const { return m_entries; }

protected:
    void perform() override;
    bool handleUntagged(const ImapResponse &response) override;
    void handleTagged(const ImapResponse &response) override;

private:
    QByteArray m_pattern;
    QList<ListEntry> m_entries;
};

} // namespace imap
