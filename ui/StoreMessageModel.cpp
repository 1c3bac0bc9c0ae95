#include "StoreMessageModel.h"

#include "VerdictLabel.h"

#include <QSet>

namespace sealcheck::ui {

StoreMessageModel::StoreMessageModel(const MessageStore *store, qint64 mailboxId, QObject *parent)
    : QAbstractTableModel(parent), m_store(store), m_mailboxId(mailboxId)
{
    m_count = m_store ? m_store->messageCount(m_mailboxId, m_filter, m_search) : 0;
}

void StoreMessageModel::setFilter(VerdictFilter filter, const QString &search)
{
    m_filter = filter;
    m_search = search;
    refresh();
}

void StoreMessageModel::refresh()
{
    beginResetModel();
    m_pages.clear();
    m_recent.clear();
    m_labels.clear();
    m_pageLoads = 0;
    m_count = m_store ? m_store->messageCount(m_mailboxId, m_filter, m_search) : 0;
    endResetModel();
}

const MessageRow *StoreMessageModel::rowPointer(int row) const
{
    if (!m_store || row < 0 || row >= m_count)
        return nullptr;
    const int page = row / PageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        if (m_pages.size() >= MaxCachedPages && !m_recent.isEmpty())
            m_pages.remove(m_recent.takeFirst());
        it = m_pages.insert(page, m_store->messages(m_mailboxId, m_filter, m_search, page * PageSize, PageSize));
        ++m_pageLoads;
    } else {
        m_recent.removeOne(page);
    }
    m_recent.push_back(page);
    const int offset = row % PageSize;
    return offset < it->size() ? &it->at(offset) : nullptr; // the table shrank since the count
}

int StoreMessageModel::updateMessages(const QList<qint64> &messageIds)
{
    if (!m_store || messageIds.isEmpty())
        return 0;
    const QSet<qint64> wanted(messageIds.cbegin(), messageIds.cend());
    for (qint64 id : messageIds)
        m_labels.remove(id);
    int changed = 0;
    for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
        for (qsizetype i = 0; i < it->size(); ++i) {
            MessageRow &row = (*it)[i];
            if (!wanted.contains(row.id))
                continue;
            auto fresh = m_store->message(row.id);
            if (!fresh)
                continue;
            row = *fresh;
            const int r = it.key() * PageSize + int(i);
            if (r < m_count) {
                emit dataChanged(index(r, 0), index(r, ColumnCount - 1));
                ++changed;
            }
        }
    }
    return changed;
}

std::optional<MessageRow> StoreMessageModel::messageAt(int row) const
{
    if (const MessageRow *r = rowPointer(row))
        return *r;
    return std::nullopt;
}

int StoreMessageModel::cachedRowOf(qint64 messageId) const
{
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
        for (qsizetype i = 0; i < it->size(); ++i) {
            if (it->at(i).id == messageId)
                return it.key() * PageSize + int(i);
        }
    }
    return -1;
}

int StoreMessageModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : m_count; }

int StoreMessageModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant StoreMessageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MessageRow *r = rowPointer(index.row());
    if (!r)
        return {};
    if (role == KeyRole)
        return r->id;
    MessageSummary s;
    s.state = stateFromName(r->verdict);
    s.from = displaySender(r->fromHeader);
    s.subject = r->subject;
    s.date = r->date;
    s.source = tr("IMAP message %1").arg(r->uid);
    applyImapFlags(s, r->flags);
    s.stale = r->stale && !r->verdict.isEmpty();
    if (s.state == VerdictState::Authenticated && index.column() == VerdictColumn)
        applyLabel(s, *r);
    return summaryData(s, index.column(), role);
}

void StoreMessageModel::applyLabel(MessageSummary &s, const MessageRow &r) const
{
    auto it = m_labels.constFind(r.id);
    if (it == m_labels.cend()) {
        Label l;
        if (const auto report = m_store->report(r.id)) {
            l.label = verdictLabel(*report);
            l.headline = verdictSentence(*report);
            l.exception = isUserException(*report);
        }
        if (m_labels.size() > 4 * PageSize * MaxCachedPages)
            m_labels.clear(); // bounded like the pages
        it = m_labels.insert(r.id, l);
    }
    s.label = it->label;
    s.headline = it->headline;
    s.exception = it->exception;
}

QVariant StoreMessageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return columnTitle(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace sealcheck::ui
