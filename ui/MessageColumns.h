#pragma once
// Columns and roles shared by every message list model (files, demo, IMAP mailboxes), so the
// list looks and sorts the same whatever the source.

#include "VerdictStyle.h"

#include <QDateTime>
#include <QString>
#include <QVariant>

namespace sealcheck::ui {

enum MessageColumn { VerdictColumn, FromColumn, SubjectColumn, DateColumn, ColumnCount };

enum MessageRole {
    VerdictStateRole = Qt::UserRole + 1, ///< int(VerdictState)
    VerdictRankRole,                     ///< for sorting: forged first
    SearchTextRole,                      ///< sender and subject, for the search box
    KeyRole,                             ///< the model's key for the message (qint64)
    UnreadRole,                          ///< bool: no \Seen flag (shown in bold)
    FlaggedRole,                         ///< bool: \Flagged (a flag beside the subject)
    StaleRole,                           ///< bool: verdict made under earlier settings, not yet re-checked
};

struct MessageSummary
{
    VerdictState state = VerdictState::Pending;
    QString from;
    QString subject;
    QDateTime date;
    QString source;
    /// IMAP flags (RFC 9051 §2.3.2); files and the demo have none and look read.
    bool unread = false;
    bool flagged = false;
    /// The $Phishing keyword is set (by Sealcheck or another program).
    bool phishing = false;
    /// The verdict was made under trust settings or a key memory that have changed since and
    /// will be made again at the next sync (MessageRow::stale): shown as "VERDICT (not yet
    /// re-checked)", in italics, with the reason in the tooltip and accessible text.
    bool stale = false;
};

/// "Verified under earlier settings; ...": the sentence for a stale verdict (list and panel).
QString staleVerdictExplanation();

/// Reads unread / flagged / phishing from an IMAP flag list ("\Seen \Flagged $Phishing").
void applyImapFlags(MessageSummary &summary, const QString &flags);

QString columnTitle(int column);
QVariant summaryData(const MessageSummary &summary, int column, int role);

} // namespace sealcheck::ui
