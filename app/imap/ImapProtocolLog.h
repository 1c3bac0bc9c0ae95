#pragma once
/// A bounded ring buffer of what was said on the wire, for diagnostics. Redacted before it is
/// stored: passwords, AUTHENTICATE payloads and literal contents (message headers and bodies)
/// never enter it; ImapConnection writes only the redacted forms.

#include <QByteArray>
#include <QList>

namespace imap {

class ImapProtocolLog
{
public:
    enum class Direction { Client, Server, Event };
    struct Entry
    {
        Direction direction;
        QByteArray text;
    };
    static constexpr qsizetype maxEntryBytes = 2000;

    explicit ImapProtocolLog(qsizetype capacity = 500);
    void append(Direction direction, const QByteArray &redactedText);
    QList<Entry> entries() const;
    /// "C: ...", "S: ...", "-- ..." lines, oldest first.
    QByteArray toText() const;
    void clear();

private:
    qsizetype m_capacity;
    qsizetype m_next = 0;
    QList<Entry> m_ring;
};

} // namespace imap
