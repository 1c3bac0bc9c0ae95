#include "ImapProtocolLog.h"

namespace imap {

ImapProtocolLog::ImapProtocolLog(qsizetype capacity) : m_capacity(qMax<qsizetype>(1, capacity)) {}

void ImapProtocolLog::append(Direction direction, const QByteArray &redactedText)
{
    QByteArray text = redactedText;
    while (text.endsWith('\n') || text.endsWith('\r'))
        text.chop(1);
    if (text.size() > maxEntryBytes)
        text = text.left(maxEntryBytes) + "...";
    if (m_ring.size() < m_capacity) {
        m_ring.append(Entry{direction, text});
    } else {
        m_ring[m_next] = Entry{direction, text};
        m_next = (m_next + 1) % m_capacity;
    }
}

QList<ImapProtocolLog::Entry> ImapProtocolLog::entries() const
{
    QList<Entry> out;
    for (qsizetype i = 0; i < m_ring.size(); ++i)
        out.append(m_ring[(m_next + i) % m_ring.size()]);
    return out;
}

QByteArray ImapProtocolLog::toText() const
{
    QByteArray out;
    for (const Entry &e : entries()) {
        out += e.direction == Direction::Client ? "C: " : e.direction == Direction::Server ? "S: " : "-- ";
        out += e.text;
        out += '\n';
    }
    return out;
}

void ImapProtocolLog::clear()
{
    m_ring.clear();
    m_next = 0;
}

} // namespace imap
