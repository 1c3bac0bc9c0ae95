#pragma once
// The message list of an IMAP mailbox, read from the MessageStore in pages: rowCount() is one
// COUNT query, data() loads the page of its row (PageSize rows, newest first) on first use and
// keeps at most MaxCachedPages pages, so a mailbox of 100,000 messages opens and scrolls without
// reading the whole table. Looks and sorts like the inspector list (MessageColumns' summaryData).
// The verdict filter and search run in SQL (setFilter), not in a proxy that would read every row.
// IMAP flags show as in a mail program: unread in bold, \Flagged with a flag beside the subject.
// A stale verdict (MessageRow::stale: made under earlier trust settings, re-checked at the next
// sync) reads "VERDICT (not yet re-checked)" in italics, the reason in tooltip and accessible text.

#include "MessageColumns.h"
#include "MessageStore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <optional>

namespace sealcheck::ui {

class StoreMessageModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int PageSize = 200;
    static constexpr int MaxCachedPages = 32;

    /// @p store must outlive the model and belong to the UI thread.
    StoreMessageModel(const MessageStore *store, qint64 mailboxId, QObject *parent = nullptr);

    qint64 mailboxId() const { return m_mailboxId; }
    /// Filters in the store (VerdictFilter and search in sender and subject); resets the model.
    void setFilter(VerdictFilter filter, const QString &search = {});
    /// Re-reads the count and drops the cached pages (after a sync round).
    void refresh();
    /// Re-reads these rows where they are cached (flags changed, re-verified) and emits
    /// dataChanged for them: no reset, the selection and scroll position stay. Rows not cached
    /// are read fresh when shown. Returns how many rows changed.
    int updateMessages(const QList<qint64> &messageIds);

    /// The row's metadata, loading its page if needed.
    std::optional<MessageRow> messageAt(int row) const;
    /// The row of a store id among the cached pages, -1 when not loaded.
    int cachedRowOf(qint64 messageId) const;

    /// For tests: pages read from the store since the last reset, and pages held now.
    int pageLoads() const { return m_pageLoads; }
    int cachedPages() const { return int(m_pages.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    const MessageRow *rowPointer(int row) const;
    /// The Security column's words for an authenticated row ("✓ mybank.example", "via …", the
    /// user's exception, VerdictLabel.h): read from its report once, then kept.
    void applyLabel(MessageSummary &s, const MessageRow &r) const;

    const MessageStore *m_store;
    qint64 m_mailboxId;
    VerdictFilter m_filter = VerdictFilter::All;
    QString m_search;
    int m_count = 0;
    mutable QHash<int, QVector<MessageRow>> m_pages;
    mutable QList<int> m_recent; ///< page numbers, most recently used last
    mutable int m_pageLoads = 0;
    struct Label
    {
        QString label, headline;
        bool exception = false;
    };
    mutable QHash<qint64, Label> m_labels; ///< by message id, authenticated rows shown so far
};

} // namespace sealcheck::ui
