#include "MessageColumns.h"

#include <QApplication>
#include <QLocale>
#include <QPalette>

namespace sealcheck::ui {

QString columnTitle(int column)
{
    switch (column) {
    case VerdictColumn: return QCoreApplication::translate("MessageList", "Security");
    case FromColumn: return QCoreApplication::translate("MessageList", "From");
    case SubjectColumn: return QCoreApplication::translate("MessageList", "Subject");
    case DateColumn: return QCoreApplication::translate("MessageList", "Date");
    default: return {};
    }
}

QVariant summaryData(const MessageSummary &s, int column, int role)
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case VerdictColumn: return verdictWord(s.state);
        case FromColumn: return s.from;
        case SubjectColumn: return s.subject;
        case DateColumn: return s.date.isValid() ? QLocale().toString(s.date.toLocalTime(), QLocale::ShortFormat) : QString();
        default: return {};
        }
    case Qt::DecorationRole:
        return column == VerdictColumn ? QVariant(verdictIcon(s.state)) : QVariant();
    case Qt::ForegroundRole:
        return column == VerdictColumn ? QVariant(verdictColor(s.state, QApplication::palette())) : QVariant();
    case Qt::ToolTipRole:
        return column == VerdictColumn ? verdictHeadline(s.state) : summaryData(s, column, Qt::DisplayRole);
    case Qt::AccessibleTextRole:
        if (column == VerdictColumn)
            return verdictWord(s.state) + QStringLiteral(": ") + verdictHeadline(s.state);
        return summaryData(s, column, Qt::DisplayRole);
    case VerdictStateRole: return int(s.state);
    case VerdictRankRole: return verdictRank(s.state);
    case SearchTextRole: return s.from + QLatin1Char('\n') + s.subject;
    case Qt::UserRole:
        // Sort keys.
        switch (column) {
        case VerdictColumn: return verdictRank(s.state);
        case DateColumn: return s.date;
        default: return summaryData(s, column, Qt::DisplayRole).toString().toLower();
        }
    default: return {};
    }
}

} // namespace sealcheck::ui
