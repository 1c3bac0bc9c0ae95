#pragma once
// The messages opened from files (drop, File › Open, the command line) and the demo mailbox:
// held in memory, verified by the VerificationScheduler off the UI thread.

#include "MessageColumns.h"
#include "Report.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QVector>

#include <optional>

namespace sealcheck::ui {

class InspectorModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    struct Entry
    {
        qint64 key = 0;
        QString source;
        QByteArray raw;
        MessageSummary summary;
        std::optional<verifier::Report> report;
        QString error;
    };

    explicit InspectorModel(QObject *parent = nullptr);

    /// Adds a message; returns its key. The summary comes from a quick header read until the
    /// report arrives.
    qint64 addMessage(const QString &source, const QByteArray &raw);
    void setReport(qint64 key, const verifier::Report &report);
    void setError(qint64 key, const QString &error);
    /// Back to "checking" before a message is verified again (Retry, Check again).
    void setPending(qint64 key);
    void clear();

    const Entry *entry(qint64 key) const;
    const Entry *entryAt(int row) const;
    int rowOf(qint64 key) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVector<Entry> m_entries;
    qint64 m_nextKey = 1;
};

} // namespace sealcheck::ui
