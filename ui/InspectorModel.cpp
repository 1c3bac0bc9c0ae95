#include "InspectorModel.h"

#include "MailDate.h"
#include "Message.h"
#include "Rfc2047.h"
#include "ShownFields.h"
#include "Strings.h"
#include "VerdictLabel.h"

#include <algorithm>

namespace sealcheck::ui {

namespace {

QString fromStd(const std::string &s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

void readSummary(MessageSummary &s, const QByteArray &raw)
{
    auto m = verifier::Message::parse(std::string(raw.constData(), size_t(raw.size())));
    if (!m)
        return;
    if (const auto *f = m->field("From"))
        s.from = fromStd(verifier::escapeForDisplay(verifier::decodeEncodedWords(f->value())));
    s.subject = shownFieldValue(*m, "Subject"); // every copy: a second one may be injected
    if (const auto *f = m->field("Date"))
        s.date = parseMailDate(QString::fromLatin1(f->value().c_str()));
}

} // namespace

InspectorModel::InspectorModel(QObject *parent) : QAbstractTableModel(parent) {}

qint64 InspectorModel::addMessage(const QString &source, const QByteArray &raw)
{
    Entry e;
    e.key = m_nextKey++;
    e.source = source;
    e.summary.source = source;
    readSummary(e.summary, raw);
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size()));
    m_raw.insert(e.key, raw);
    m_entries.push_back(std::move(e));
    endInsertRows();
    return m_entries.back().key;
}

qint64 InspectorModel::addFile(MessageFileIndex index)
{
    const qint64 first = m_nextKey;
    if (index.spans.empty())
        return first;
    const QString path = QString::fromStdString(index.path);
    const int count = int(qMin<size_t>(index.spans.size(), size_t(std::numeric_limits<int>::max() - m_entries.size())));
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size()) + count - 1);
    m_entries.reserve(m_entries.size() + count);
    const qint32 fileId = qint32(m_files.size());
    for (int i = 0; i < count; ++i) {
        Entry e;
        e.key = m_nextKey++;
        e.source = path; // shared, not copied
        e.summary.source = path;
        e.fileId = fileId;
        e.number = index.mbox ? i + 1 : 0;
        e.span = index.spans[size_t(i)];
        m_entries.push_back(std::move(e));
    }
    index.spans.clear();
    index.spans.shrink_to_fit(); // the entries hold the spans now
    m_files.push_back(std::move(index));
    endInsertRows();
    return first;
}

void InspectorModel::setReport(qint64 key, const verifier::Report &report)
{
    const int row = rowOf(key);
    if (row < 0)
        return;
    Entry &e = m_entries[row];
    e.summary.state = stateOf(report.verdict);
    e.summary.label = verdictLabel(report);
    e.summary.headline = verdictSentence(report);
    e.summary.exception = isUserException(report);
    if (!report.from.header.empty())
        e.summary.from = displaySender(fromStd(report.from.header));
    // The report names the first Subject only; the summary read from the message has them all.
    if (e.summary.subject.isEmpty() && !report.subject.empty())
        e.summary.subject = fromStd(report.subject);
    m_errors.remove(key);
    if (!m_reports.contains(key))
        m_reportOrder.push_back(key);
    m_reports.insert(key, report);
    while (m_reports.size() > m_maxReports && !m_reportOrder.empty()) {
        m_reports.remove(m_reportOrder.front());
        m_reportOrder.pop_front();
    }
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void InspectorModel::setError(qint64 key, const QString &error)
{
    const int row = rowOf(key);
    if (row < 0)
        return;
    m_errors.insert(key, error);
    m_entries[row].summary.state = VerdictState::Unauthenticated;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void InspectorModel::setPending(qint64 key)
{
    const int row = rowOf(key);
    if (row < 0)
        return;
    Entry &e = m_entries[row];
    m_reports.remove(key);
    m_errors.remove(key);
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
    m_files.clear();
    m_raw.clear();
    m_errors.clear();
    m_reports.clear();
    m_reportOrder.clear();
    m_queue.clear();
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

QString InspectorModel::sourceOf(qint64 key) const
{
    const Entry *e = entry(key);
    if (!e)
        return {};
    return e->number > 0 ? e->source + QLatin1Char('#') + QString::number(e->number) : e->source;
}

std::optional<QByteArray> InspectorModel::raw(qint64 key, QString *error) const
{
    const Entry *e = entry(key);
    if (!e)
        return std::nullopt;
    if (e->fileId < 0)
        return m_raw.value(key);
    auto bytes = readIndexedMessage(m_files[size_t(e->fileId)], e->span);
    if (!bytes) {
        if (error)
            *error = QString::fromStdString(bytes.error().message);
        return std::nullopt;
    }
    return QByteArray(bytes->data(), qsizetype(bytes->size()));
}

std::optional<verifier::Report> InspectorModel::report(qint64 key) const
{
    const auto it = m_reports.constFind(key);
    if (it == m_reports.constEnd())
        return std::nullopt;
    return *it;
}

bool InspectorModel::isVerified(qint64 key) const
{
    const Entry *e = entry(key);
    return e && e->summary.state != VerdictState::Pending;
}

void InspectorModel::updateSummary(qint64 key, const QByteArray &raw)
{
    const int row = rowOf(key);
    if (row < 0)
        return;
    MessageSummary &s = m_entries[row].summary;
    if (!s.from.isEmpty() || !s.subject.isEmpty())
        return;
    readSummary(s, raw);
    emit dataChanged(index(row, FromColumn), index(row, ColumnCount - 1));
}

void InspectorModel::queueVerification(qint64 key) { m_queue.push_back(key); }

std::optional<qint64> InspectorModel::takeQueued()
{
    if (m_queue.empty())
        return std::nullopt;
    const qint64 key = m_queue.front();
    m_queue.pop_front();
    return key;
}

bool InspectorModel::unqueue(qint64 key)
{
    const auto it = std::find(m_queue.begin(), m_queue.end(), key);
    if (it == m_queue.end())
        return false;
    m_queue.erase(it);
    return true;
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
