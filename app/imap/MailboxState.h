#pragma once
/// What EXAMINE (or SELECT) reported about a mailbox (RFC 9051 §6.3.2, RFC 7162 §3.1.2.1).

#include <QByteArray>
#include <QList>

namespace imap {

struct MailboxState
{
    QByteArray name;              ///< wire form
    quint32 exists = 0;
    quint32 uidValidity = 0;      ///< 0 when the server did not say (then incremental sync is impossible)
    quint32 uidNext = 0;          ///< 0 when the server did not say
    quint64 highestModSeq = 0;    ///< 0 without CONDSTORE or with [NOMODSEQ]
    bool readOnly = true;
    QList<QByteArray> flags;
    QList<QByteArray> permanentFlags;
    bool operator==(const MailboxState &) const = default;
};

} // namespace imap
