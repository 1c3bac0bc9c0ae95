#include "MessageColumns.h"

#include "Rfc2047.h"
#include "Strings.h"

#include <QApplication>
#include <QFileInfo>
#include <QFont>
#include <QIcon>
#include <QLocale>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

namespace sealcheck::ui {

QString columnTitle(int column)
{
    switch (column) {
    case VerdictColumn: return QCoreApplication::translate("MessageList", "Security");
    case FromColumn: return QCoreApplication::translate("MessageList", "From");
    case SubjectColumn: return QCoreApplication::translate("MessageList", "Subject");
    case DateColumn: return QCoreApplication::translate("MessageList", "Date");
    case FileColumn: return QCoreApplication::translate("MessageList", "File");
    default: return {};
    }
}

namespace {

/// A small flag drawn once (no icon file needed), beside the subject of flagged messages.
QIcon flagIcon()
{
    static const QIcon icon = [] {
        QPixmap pm(16, 16);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(QColor(0x55, 0x55, 0x55), 1.5));
        p.drawLine(QPointF(4, 2), QPointF(4, 15));
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xd0, 0x30, 0x20));
        p.drawPolygon(QPolygonF({QPointF(4.5, 2), QPointF(14, 5), QPointF(4.5, 9)}));
        return QIcon(pm);
    }();
    return icon;
}

QString flagWords(const MessageSummary &s)
{
    QStringList words;
    if (s.unread)
        words << QCoreApplication::translate("MessageList", "unread");
    if (s.flagged)
        words << QCoreApplication::translate("MessageList", "flagged");
    if (s.phishing)
        words << QCoreApplication::translate("MessageList", "marked as phishing");
    return words.join(QStringLiteral(", "));
}

} // namespace

void applyImapFlags(MessageSummary &summary, const QString &flags)
{
    const QStringList list = flags.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    auto has = [&](QLatin1String f) {
        for (const QString &x : list) {
            if (x.compare(f, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    summary.unread = !has(QLatin1String("\\Seen"));
    summary.flagged = has(QLatin1String("\\Flagged"));
    summary.phishing = has(QLatin1String("$Phishing"));
}

QString displaySender(const QString &fromField)
{
    const QByteArray utf8 = fromField.toUtf8();
    const std::string decoded = verifier::escapeForDisplay(verifier::decodeEncodedWords(std::string(utf8.constData(), size_t(utf8.size()))));
    return QString::fromUtf8(decoded.data(), qsizetype(decoded.size()));
}

QString sourceFileName(const QString &source)
{
    if (source.startsWith(QLatin1String("imap:")))
        return {};
    // MessageFiles names mbox messages "PATH#N" (or "PATH:N"); the path is what the user knows.
    QString path = source;
    QString part;
    const qsizetype hash = path.lastIndexOf(QLatin1Char('#'));
    if (hash > 0) {
        part = path.mid(hash + 1);
        path = path.left(hash);
    }
    const QString name = QFileInfo(path).fileName();
    return part.isEmpty() ? name : name + QStringLiteral(" #") + part;
}

QString staleVerdictExplanation()
{
    return QCoreApplication::translate("MessageList",
                                       "Verified under earlier settings; it will be checked again at the next sync.");
}

namespace {

QString word(const MessageSummary &s) { return s.label.isEmpty() ? verdictWord(s.state) : s.label; }
QString headline(const MessageSummary &s) { return s.headline.isEmpty() ? verdictHeadline(s.state) : s.headline; }

QString staleVerdictWord(const MessageSummary &s)
{
    return QCoreApplication::translate("MessageList", "%1 (not yet re-checked)").arg(word(s));
}

} // namespace

QVariant summaryData(const MessageSummary &s, int column, int role)
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case VerdictColumn: return s.stale ? staleVerdictWord(s) : word(s);
        case FromColumn: return s.from;
        case SubjectColumn: return s.subject;
        case DateColumn: return s.date.isValid() ? QLocale().toString(s.date.toLocalTime(), QLocale::ShortFormat) : QString();
        case FileColumn: return sourceFileName(s.source);
        default: return {};
        }
    case Qt::DecorationRole:
        if (column == SubjectColumn && s.flagged)
            return flagIcon();
        return column == VerdictColumn ? QVariant(verdictIcon(s.state)) : QVariant();
    case Qt::FontRole:
        if (s.stale && column == VerdictColumn) {
            QFont italic = QApplication::font();
            italic.setItalic(true);
            return italic;
        }
        if (s.unread && column != VerdictColumn) {
            QFont bold = QApplication::font();
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ForegroundRole:
        if (column != VerdictColumn)
            return {};
        return s.exception ? QApplication::palette().color(QPalette::Text) : verdictColor(s.state, QApplication::palette());
    case Qt::ToolTipRole:
        if (column == SubjectColumn && !flagWords(s).isEmpty())
            return s.subject + QStringLiteral(" (") + flagWords(s) + QLatin1Char(')');
        if (column == VerdictColumn && s.stale)
            return headline(s) + QLatin1Char('\n') + staleVerdictExplanation();
        return column == VerdictColumn ? headline(s) : summaryData(s, column, Qt::DisplayRole);
    case Qt::AccessibleTextRole:
        if (column == VerdictColumn && s.stale)
            return staleVerdictWord(s) + QStringLiteral(": ") + headline(s) + QLatin1Char(' ')
                + staleVerdictExplanation();
        if (column == VerdictColumn)
            return word(s) + QStringLiteral(": ") + headline(s);
        if (column == SubjectColumn && !flagWords(s).isEmpty())
            return s.subject + QStringLiteral(" (") + flagWords(s) + QLatin1Char(')');
        return summaryData(s, column, Qt::DisplayRole);
    case UnreadRole: return s.unread;
    case FlaggedRole: return s.flagged;
    case StaleRole: return s.stale;
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
