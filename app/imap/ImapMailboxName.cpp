#include "ImapMailboxName.h"

#include "ImapTokenizer.h"

namespace imap {

QByteArray encodeMailboxName(const QString &name)
{
    QByteArray out;
    QString pending; // run of non-printable-ASCII characters
    auto flush = [&] {
        if (pending.isEmpty())
            return;
        QByteArray utf16;
        for (QChar c : pending) {
            utf16.append(char(c.unicode() >> 8));
            utf16.append(char(c.unicode() & 0xff));
        }
        QByteArray b64 = utf16.toBase64(QByteArray::OmitTrailingEquals);
        b64.replace('/', ',');
        out.append('&').append(b64).append('-');
        pending.clear();
    };
    for (QChar c : name) {
        const ushort u = c.unicode();
        if (u >= 0x20 && u <= 0x7e) {
            flush();
            if (u == '&')
                out.append("&-");
            else
                out.append(char(u));
        } else {
            pending.append(c);
        }
    }
    flush();
    return out;
}

QString decodeMailboxName(const QByteArray &wire)
{
    QString out;
    for (qsizetype i = 0; i < wire.size(); ++i) {
        const char c = wire.at(i);
        if (static_cast<unsigned char>(c) >= 0x80)
            return QString::fromUtf8(wire); // UTF-8 name (RFC 6855 / IMAP4rev2)
        if (c != '&') {
            out.append(QLatin1Char(c));
            continue;
        }
        const qsizetype end = wire.indexOf('-', i + 1);
        if (end < 0)
            return QString::fromUtf8(wire);
        if (end == i + 1) {
            out.append(QLatin1Char('&'));
            i = end;
            continue;
        }
        QByteArray b64 = wire.mid(i + 1, end - i - 1);
        b64.replace(',', '/');
        const auto decoded = QByteArray::fromBase64Encoding(b64, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.size() % 2 != 0)
            return QString::fromUtf8(wire);
        for (qsizetype k = 0; k + 1 < decoded.decoded.size(); k += 2)
            out.append(QChar(char16_t((uchar(decoded.decoded.at(k)) << 8) | uchar(decoded.decoded.at(k + 1)))));
        i = end;
    }
    return out;
}

QByteArray quoteAString(const QByteArray &value)
{
    bool atom = !value.isEmpty();
    for (char c : value) {
        if (c == '\r' || c == '\n' || c == '\0')
            return {};
        if (!isAtomChar(c) && c != ']')
            atom = false;
    }
    if (atom)
        return value;
    QByteArray out("\"");
    for (char c : value) {
        if (c == '"' || c == '\\')
            out.append('\\');
        out.append(c);
    }
    out.append('"');
    return out;
}

} // namespace imap
