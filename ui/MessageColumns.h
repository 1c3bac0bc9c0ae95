#pragma once
// Columns and roles shared by every message list model (files, demo, IMAP mailboxes), so the
// list looks and sorts the same whatever the source.

#include "VerdictStyle.h"

#include <QDateTime>
#include <QString>
#include <QVariant>

namespace sealcheck::ui {

/// FileColumn: the file an opened message came from (hidden for IMAP mailboxes).
enum MessageColumn { VerdictColumn, FromColumn, SubjectColumn, DateColumn, FileColumn, ColumnCount };

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
    /// The Security column's text when it says more than the verdict word (VerdictLabel.h:
    /// "✓ mybank.example", "✓ signed by X for Y — your exception"); empty: the word.
    QString label;
    /// The sentence for the tooltip and screen readers; empty: verdictHeadline(state).
    QString headline;
    /// Authenticated only by the user's exception: not drawn in the authenticated colour.
    bool exception = false;
};

/// "Verified under earlier settings; ...": the sentence for a stale verdict (list and panel).
QString staleVerdictExplanation();

/// A From field for the list: encoded words (RFC 2047) decoded, controls escaped.
QString displaySender(const QString &fromField);
/// The file name shown for a source ("/tmp/a.mbox#3" → "a.mbox #3").
QString sourceFileName(const QString &source);

/// Reads unread / flagged / phishing from an IMAP flag list ("\Seen \Flagged $Phishing").
void applyImapFlags(MessageSummary &summary, const QString &flags);

QString columnTitle(int column);
QVariant summaryData(const MessageSummary &summary, int column, int role);

} // namespace sealcheck::ui
