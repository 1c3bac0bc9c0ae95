#pragma once
/// EXAMINE (RFC 9051 §6.3.3): opens a mailbox read-only, so nothing the client does can change
/// flags (\Seen is not set by fetching). Collects EXISTS, FLAGS, [UIDVALIDITY], [UIDNEXT],
/// [HIGHESTMODSEQ] (RFC 7162 §3.1.2.1) and [PERMANENTFLAGS].
///
/// SELECT is only reachable through selectForKeywords(), used by the opt-in "mark as phishing"
/// feature; it is never used for reading.

#include "ImapTask.h"
#include "MailboxState.h"

namespace imap {

class ExamineTask final : public ImapTask
{
    Q_OBJECT
public:
    explicit ExamineTask(const QByteArray &mailboxWireName, QObject *parent = nullptr);
    /// SELECT (read-write) for storing a keyword; opt-in callers only.
    static ExamineTask *selectForKeywords(const QByteArray &mailboxWireName, QObject *parent = nullptr);
    const MailboxState &mailbox() const { return m_state; }

protected:
    void perform() override;
    bool handleUntagged(const ImapResponse &response) override;
    void handleTagged(const ImapResponse &response) override;

private:
    bool m_select = false;
    MailboxState m_state;
};

} // namespace imap
