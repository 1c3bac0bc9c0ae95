#pragma once
/// UID FETCH in pipelined batches (RFC 9051 §6.4.5, §5.5), always with BODY.PEEK so \Seen is
/// never set (RFC 9051 §6.4.5 "BODY.PEEK").
///
/// Delivery contract: messages reach the callback one by one, complete, in ascending UID order,
/// each at most once. When the task fails (connection lost...), every requested UID below the
/// last delivered one was delivered or no longer exists, so a resumed sync may start after the
/// last delivered UID with nothing lost or duplicated.
///
/// Nothing is lost silently: a requested UID that the server's tagged OK leaves unanswered
/// (expunged meanwhile, or a server that answers for other UIDs) is listed by skippedUids(); a
/// message the server sent for a UID that was never requested is ignored and counted by
/// unexpectedCount() (the first few UIDs kept in unexpectedUids()).
///
/// Flags mode with changedSince (RFC 7162 §3.1.4.1 CHANGEDSINCE) asks for the flags of every
/// message whose MODSEQ is above the value; those are delivered as they come.

#include "ImapTask.h"

#include <QSet>

#include <functional>

namespace imap {

enum class FetchParts {
    Flags,       ///< UID FLAGS (MODSEQ when CONDSTORE)
    Headers,     ///< UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[HEADER]
    FullMessage, ///< UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[]
};

class UidFetchTask final : public ImapTask
{
    Q_OBJECT
public:
    using Callback = std::function<void(const FetchData &message)>;

    /// Fetches exactly these UIDs (any order; sorted, de-duplicated).
    UidFetchTask(QList<quint32> uids, FetchParts parts, Callback onMessage, QObject *parent = nullptr);
    /// Flags of every message changed since @p modSeq (needs CONDSTORE).
    static UidFetchTask *flagsChangedSince(quint64 modSeq, Callback onMessage, QObject *parent = nullptr);

    void setBatchSize(int messages) { m_batchSize = qMax(1, messages); }
    /// Commands in flight at once (pipelining, RFC 9051 §5.5).
    void setPipelineDepth(int commands) { m_depth = qMax(1, commands); }
    int delivered() const { return m_delivered; }
    quint32 lastDeliveredUid() const { return m_lastDelivered; }
    /// Requested UIDs the server did not send, ascending.
    const QList<quint32> &skippedUids() const { return m_skipped; }
    int unexpectedCount() const { return m_unexpected; }
    /// The first kMaxListedUnexpected of them.
    const QList<quint32> &unexpectedUids() const { return m_unexpectedUids; }
    static constexpr int kMaxListedUnexpected = 20;

protected:
    void perform() override;
    bool handleUntagged(const ImapResponse &response) override;
    void handleTagged(const ImapResponse &response) override;

private:
    struct Batch
    {
        QByteArray tag;
        QList<quint32> uids;
    };
    void sendMore();
    void flush(bool batchDone, const Batch &batch);
    QByteArray items() const;

    QList<quint32> m_uids;
    FetchParts m_parts;
    Callback m_callback;
    quint64 m_changedSince = 0;
    bool m_changedMode = false;
    int m_batchSize = 50;
    int m_depth = 2;
    qsizetype m_nextIndex = 0;   ///< next UID in m_uids to put in a batch
    qsizetype m_deliverIndex = 0; ///< next UID in m_uids to hand to the callback
    QList<Batch> m_inFlight;
    QHash<quint32, FetchData> m_arrived;
    QSet<quint32> m_wanted;
    QSet<quint32> m_gone;
    int m_delivered = 0;
    quint32 m_lastDelivered = 0;
    QList<quint32> m_skipped;
    int m_unexpected = 0;
    QList<quint32> m_unexpectedUids;
};

} // namespace imap
