#include "InspectorModel.h"

#include "MailDate.h"
#include "Message.h"
#include "Rfc2047.h"
#include "Strings.h"
#include "VerdictLabel.h"

namespace sealcheck::ui {

namespace {

QString fromStd(const std::string &s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

MessageSummary quickSummary(const QString &source, const QByteArray &raw)
{
    MessageSummary s;
    s.source = source;
    auto m = verifier::Message::parse(std::string(raw.constData(), size_t(raw.size())));
    if (!m)
        return s;
    if (const auto *f = m->field("From"))
        s.from = fromStd(verifier::escapeForDisplay(verifier::decodeEncodedWords(f->value())));
    if (const auto *f = m->field("Subject"))
        s.subject = fromStd(verifier::escapeForDisplay(verifier::decodeEncodedWords(f->value())));
    if (const auto *f = m->field("Date"))
        s.date = parseMailDate(QString::fromLatin1(f->value().c_str()));
    return s;
}

} // namespace

InspectorModel::InspectorModel(QObject *parent) : QAbstractTableModel(parent) {}

qint64 InspectorModel::addMessage(const QString &source, const QByteArray &raw)
{
    Entry e;
    e.key = m_nextKey++;
    e.source = source;
    e.raw = raw;
    e.summary = quickSummary(source, raw);
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size()));
    m_entries.push_back(std::move(e));
    endInsertRows();
    return m_entries.back().key;
}

void InspectorModel::setReport(qint64 key, const verifier::Report &report)
{
    const int row = rowOf(key);
    if (row < 0)
        return;
    Entry &e = m_entries[row];
    e.report = report;
    e.summary.state = stateOf(report.verdict);
    e.summary.label = verdictLabel(report);
    e.summary.headline = verdictSentence(report);
    e.summary.exception = isUserException(report);
    if (!report.from.header.empty())
        e.summary.from = displaySender(fromStd(report.from.header));
    if (!report.subject.empty())
        e.summary.subject = fromStd(report.subject);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void InspectorModel::setError(qint64 key, const QString &error)
{
    const int row = rowOf(key);
    if (row < 0)
        return;
    m_entries[row].error = error;
    m_entries[row].summary.state = VerdictState::Unauthenticated;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void InspectorModel::setPending(qint64 key)
{
    const int row = rowOf(key);
    if (row < 0)
        return;
    Entry &e = m_entries[row];
    e.report.reset();
    e.error.clear();
    e.summary.state = VerdictState::Pending;
    e.summary.label.clear();
    e.summary.headline.clear();
    e.summary.exception = false;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void InspectorModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

const InspectorModel::Entry *InspectorModel::entry(qint64 key) const
{
    const int row = rowOf(key);
    return row < 0 ? nullptr : &m_entries[row];
}

const InspectorModel::Entry *InspectorModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries[row] : nullptr;
}

int InspectorModel::rowOf(qint64 key) const
{
    // Keys are handed out in increasing order and never removed except by clear().
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), key,
                               [](const Entry &e, qint64 k) { return e.key < k; });
    return (it != m_entries.end() && it->key == key) ? int(it - m_entries.begin()) : -1;
}

int InspectorModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_entries.size()); }

int InspectorModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant InspectorModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries[index.row()];
    if (role == KeyRole)
        return e.key;
    return summaryData(e.summary, index.column(), role);
}

QVariant InspectorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return columnTitle(section);
    return {};
}

} // namespace sealcheck::ui
