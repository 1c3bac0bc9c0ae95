#pragma once
/// UID SEARCH UID <n>:* (RFC 9051 §6.4.4): the UIDs of the selected mailbox from a given UID on,
/// ascending. Accepts SEARCH (IMAP4rev1) and ESEARCH (IMAP4rev2) answers. Because "n:*" always
/// matches the last message (RFC 9051 §9 seq-range), UIDs below @p fromUid are dropped.

#include "ImapTask.h"

namespace imap {

class UidSearchTask final : public ImapTask
{
    Q_OBJECT
public:
    explicit UidSearchTask(quint32 fromUid = 1, QObject *parent = nullptr);
    const QList<quint32> &uids() const { return m_uids; }

protected:
    void perform() override;
    bool handleUntagged(const ImapResponse &response) override;
    void handleTagged(const ImapResponse &response) override;

private:
    quint32 m_from;
    QList<quint32> m_uids;
};

} // namespace imap
