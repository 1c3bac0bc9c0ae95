#pragma once
/// One command as tasks hand it to ImapConnection (which adds the tag and CRLF).

#include <QByteArray>
#include <QList>

namespace imap {

struct ImapCommand
{
    /// The command without tag and CRLF, split at synchronising literals: every segment except
    /// the last ends with "{n}", and the next segment (starting with the n literal bytes) is sent
    /// only after the server's continuation (RFC 9051 §4.3). Most commands have one segment.
    QList<QByteArray> segments;
    /// What the protocol log shows instead (passwords and payloads replaced); empty = segments joined.
    QByteArray logForm;
    /// The command expects continuations for itself (AUTHENTICATE, IDLE): they go to the task.
    bool wantsContinuations = false;

    static ImapCommand plain(const QByteArray &text) { return ImapCommand{{text}, {}, false}; }
};

} // namespace imap
