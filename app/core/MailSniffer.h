#pragma once
// Is this file mail at all? Opening a PNG, an empty file or random bytes must not make a
// "message" with a verdict (issue 20): the desktop program refuses such files with a clear
// reason, by the file name and by the first bytes (magic numbers, NUL bytes, no header field).

#include <QByteArray>
#include <QString>

namespace sealcheck {

enum class NotMailReason {
    None,        ///< looks like a message or an mbox
    Empty,       ///< no bytes, or only white space
    Image,       ///< PNG, JPEG, GIF, WebP, BMP, ICO, by content or name
    Document,    ///< PDF, office documents
    Archive,     ///< ZIP, gzip, 7z, tar, ...
    Binary,      ///< NUL bytes or mostly control characters, executables
    NoHeader,    ///< text, but it does not start with a header field or an mbox "From " line
};

/// @p head: the first bytes of the file (4 KiB are enough); @p fileName for its extension.
NotMailReason sniffMail(const QString &fileName, const QByteArray &head);

} // namespace sealcheck
