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
};

struct MessageSummary
{
    VerdictState state = VerdictState::Pending;
    QString from;
    QString subject;
    QDateTime date;
    QString source;
};

QString columnTitle(int column);
QVariant summaryData(const MessageSummary &summary, int column, int role);

} // namespace sealcheck::ui
