#pragma once
/// Mailbox names on the wire: modified UTF-7 (RFC 3501 §5.1.3). Servers that speak UTF8=ACCEPT
/// (RFC 6855) or IMAP4rev2 may send UTF-8; decodeMailboxName accepts both.

#include <QByteArray>
#include <QString>

namespace imap {

QByteArray encodeMailboxName(const QString &name);
/// Decodes modified UTF-7; a name that is not valid modified UTF-7 is taken as UTF-8.
QString decodeMailboxName(const QByteArray &wire);
/// The name as an IMAP astring: quoted when needed (never a literal; names with CR/LF/NUL are refused by returning empty).
QByteArray quoteAString(const QByteArray &value);

} // namespace imap
