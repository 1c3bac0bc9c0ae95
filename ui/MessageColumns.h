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
};

/// Reads unread / flagged / phishing from an IMAP flag list ("\Seen \Flagged $Phishing").
void applyImapFlags(MessageSummary &summary, const QString &flags);

QString columnTitle(int column);
QVariant summaryData(const MessageSummary &summary, int column, int role);

} // namespace sealcheck::ui
