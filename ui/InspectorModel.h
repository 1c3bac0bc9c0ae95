#pragma once
// The messages opened from files (drop, File › Open, the command line) and the demo mailbox,
// verified by the VerificationScheduler off the UI thread.
//
// Bounded per message (issue 24: a million-message mbox took the window past 5 GB): a message
// from a file is held as where it lies in the file (MessageFileIndex), its list summary, and
// its verdict; the raw bytes are read again from the file when it is verified or shown. Full
// reports are kept for the kMaxReports most recent only; an older one is verified again when
// its message is selected. Messages waiting for verification wait here (queueVerification)
// and go to the scheduler in small batches, so the scheduler never holds a million copies.

#include "MessageColumns.h"
#include "MessageFileIndex.h"
#include "Report.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QHash>
#include <QVector>

#include <deque>
#include <limits>
#include <memory>
#include <optional>

namespace sealcheck::ui {

class InspectorModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    struct Entry
    {
        qint64 key = 0;
        /// The file (shared by all messages of an mbox) or the name given to addMessage().
        QString source;
        MessageSummary summary;
        qint32 fileId = -1; ///< -1: held in memory (addMessage)
        qint32 number = 0;  ///< 1-based position in an mbox; 0 = the whole file
        MessageSpan span;
    };

    static constexpr int kMaxReports = 5000;
    /// For tests: keep fewer reports.
    void setMaxReports(int reports) { m_maxReports = qMax(1, reports); }

    explicit InspectorModel(QObject *parent = nullptr);

    /// Adds a message held in memory; returns its key. The summary comes from a quick header
    /// read until the report arrives.
    qint64 addMessage(const QString &source, const QByteArray &raw);
    /// Adds every message of an indexed file in one insertion; returns their keys' range
    /// [first, first + count). The summaries fill in as the messages are read.
    qint64 addFile(MessageFileIndex index);
    void setReport(qint64 key, const verifier::Report &report);
    void setError(qint64 key, const QString &error);
    void clear();

    const Entry *entry(qint64 key) const;
    const Entry *entryAt(int row) const;
    int rowOf(qint64 key) const;

    /// "box.mbox#3", "file.eml", "Demo: 01-…": the report's source.
    QString sourceOf(qint64 key) const;
    /// The raw message: from memory, or read from its file now. nullopt with @p error set when
    /// the file cannot be read any more.
    std::optional<QByteArray> raw(qint64 key, QString *error = nullptr) const;
    /// The full report, when it is still kept.
    std::optional<verifier::Report> report(qint64 key) const;
    QString error(qint64 key) const { return m_errors.value(key); }
    /// The message was verified (a report or an error), whether or not its report is kept.
    bool isVerified(qint64 key) const;
    /// Fills the From, Subject and Date columns from the raw bytes (when not known yet).
    void updateSummary(qint64 key, const QByteArray &raw);

    /// Messages waiting to go to the scheduler, oldest first.
    void queueVerification(qint64 key);
    std::optional<qint64> takeQueued();
    /// Removes @p key from the queue; false when it was not queued.
    bool unqueue(qint64 key);
    qsizetype queuedCount() const { return qsizetype(m_queue.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVector<Entry> m_entries;
    std::vector<MessageFileIndex> m_files;
    QHash<qint64, QByteArray> m_raw; ///< messages held in memory
    QHash<qint64, QString> m_errors;
    QHash<qint64, verifier::Report> m_reports;
    std::deque<qint64> m_reportOrder; ///< oldest kept report first
    std::deque<qint64> m_queue;
    qint64 m_nextKey = 1;
    int m_maxReports = kMaxReports;
};

} // namespace sealcheck::ui
