#pragma once
/// UID STORE <uid> +FLAGS.SILENT (<keyword>) (RFC 9051 §6.4.6) — the only write this client
/// ever makes, for the opt-in "mark as phishing" feature ($Phishing). Adds a keyword; never
/// removes flags, never sets \Deleted or system flags, never EXPUNGE/MOVE/COPY. Needs the
/// mailbox opened with ExamineTask::selectForKeywords().

#include "ImapTask.h"

namespace imap {

class StoreKeywordTask final : public ImapTask
{
    Q_OBJECT
public:
    /// @p keyword must be a keyword atom (no backslash): "$Phishing".
    StoreKeywordTask(quint32 uid, const QByteArray &keyword, QObject *parent = nullptr);

protected:
    void perform() override;
    void handleTagged(const ImapResponse &response) override;

private:
    quint32 m_uid;
    QByteArray m_keyword;
};

} // namespace imap
