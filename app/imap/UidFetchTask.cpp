#include "UidFetchTask.h"

#include "ImapConnection.h"
#include "ImapSequenceSet.h"

#include <algorithm>

namespace imap {

UidFetchTask::UidFetchTask(QList<quint32> uids, FetchParts parts, Callback onMessage, QObject *parent)
    : ImapTask(parent), m_uids(std::move(uids)), m_parts(parts), m_callback(std::move(onMessage))
{
    std::sort(m_uids.begin(), m_uids.end());
    m_uids.erase(std::unique(m_uids.begin(), m_uids.end()), m_uids.end());
    m_uids.removeAll(0u);
}

UidFetchTask *UidFetchTask::flagsChangedSince(quint64 modSeq, Callback onMessage, QObject *parent)
{
    auto *t = new UidFetchTask({}, FetchParts::Flags, std::move(onMessage), parent);
    t->m_changedMode = true;
    t->m_changedSince = modSeq;
    return t;
}

QByteArray UidFetchTask::items() const
{
    const bool modseq = connection()->hasCapability("CONDSTORE") || connection()->hasCapability("QRESYNC");
    QByteArray out = "(UID FLAGS";
    if (modseq)
        out += " MODSEQ";
    switch (m_parts) {
    case FetchParts::Flags:
        break;
    case FetchParts::Headers:
        out += " INTERNALDATE RFC822.SIZE BODY.PEEK[HEADER]";
        break;
    case FetchParts::FullMessage:
        out += " INTERNALDATE RFC822.SIZE BODY.PEEK[]";
        break;
    }
    return out + ')';
}

void UidFetchTask::perform()
{
    if (m_changedMode) {
        if (!connection()->hasCapability("CONDSTORE") && !connection()->hasCapability("QRESYNC")) {
            fail(ImapError{ImapErrorKind::CommandFailed,
                           QStringLiteral("the server does not support CONDSTORE (RFC 7162)"), {}, {}});
            return;
        }
        const QByteArray tag = send(ImapCommand::plain("UID FETCH 1:* " + items() + " (CHANGEDSINCE "
                                                       + QByteArray::number(m_changedSince) + ')'));
        m_inFlight.append(Batch{tag, {}});
        return;
    }
    if (m_uids.isEmpty()) {
        succeed();
        return;
    }
    sendMore();
}

void UidFetchTask::sendMore()
{
    while (m_inFlight.size() < m_depth && m_nextIndex < m_uids.size() && !isFinished()) {
        Batch b;
        b.uids = m_uids.mid(m_nextIndex, m_batchSize);
        m_nextIndex += b.uids.size();
        for (quint32 u : b.uids)
            m_wanted.insert(u);
        b.tag = send(ImapCommand::plain("UID FETCH " + formatSequenceSet(b.uids) + ' ' + items()));
        if (b.tag.isEmpty())
            return;
        m_inFlight.append(b);
    }
}

bool UidFetchTask::handleUntagged(const ImapResponse &r)
{
    if (r.type != UntaggedType::Fetch || !r.fetch.uid)
        return false;
    const quint32 uid = *r.fetch.uid;
    if (m_changedMode) {
        if (!r.fetch.flags)
            return false;
        ++m_delivered;
        m_lastDelivered = qMax(m_lastDelivered, uid);
        m_callback(r.fetch);
        return true;
    }
    const bool complete = m_parts == FetchParts::Flags          ? r.fetch.flags.has_value()
                        : m_parts == FetchParts::Headers        ? r.fetch.header().has_value()
                                                                : r.fetch.message().has_value();
    if (!m_wanted.contains(uid)) {
        // A body (or header) for a UID never requested: the server answered another question.
        // Flag updates for other messages are ordinary unsolicited responses (RFC 9051 §7.5.2).
        if (complete && m_parts != FetchParts::Flags && !std::binary_search(m_uids.begin(), m_uids.end(), uid)) {
            if (m_unexpectedUids.size() < kMaxListedUnexpected)
                m_unexpectedUids.append(uid);
            ++m_unexpected;
            return true;
        }
        return false;
    }
    if (!complete)
        return false; // an unsolicited flag update for a message we are fetching
    m_wanted.remove(uid);
    m_arrived.insert(uid, r.fetch);
    flush(false, Batch{});
    return true;
}

void UidFetchTask::flush(bool batchDone, const Batch &batch)
{
    if (batchDone) {
        for (quint32 u : batch.uids)
            if (m_wanted.remove(u)) // never arrived: expunged meanwhile
                m_gone.insert(u);
    }
    while (m_deliverIndex < m_nextIndex && !isFinished()) {
        const quint32 uid = m_uids.at(m_deliverIndex);
        auto it = m_arrived.find(uid);
        if (it != m_arrived.end()) {
            const FetchData data = *it;
            m_arrived.erase(it);
            ++m_deliverIndex;
            ++m_delivered;
            m_lastDelivered = uid;
            m_callback(data);
            continue;
        }
        if (m_gone.remove(uid)) {
            m_skipped.append(uid);
            ++m_deliverIndex;
            continue;
        }
        break;
    }
}

void UidFetchTask::handleTagged(const ImapResponse &r)
{
    const auto it = std::find_if(m_inFlight.begin(), m_inFlight.end(), [&](const Batch &b) { return b.tag == r.tag; });
    if (it == m_inFlight.end())
        return;
    const Batch batch = *it;
    m_inFlight.erase(it);
    if (r.status != ResponseStatus::Ok) {
        fail(commandFailed("UID FETCH", r));
        return;
    }
    if (m_changedMode) {
        succeed();
        return;
    }
    flush(true, batch);
    if (isFinished())
        return;
    sendMore();
    if (m_inFlight.isEmpty() && m_nextIndex >= m_uids.size())
        succeed();
}

} // namespace imap
