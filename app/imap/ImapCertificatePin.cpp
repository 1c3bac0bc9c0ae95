#include "ImapCertificatePin.h"

#include <QCryptographicHash>

namespace imap {

namespace {

/// One DER TLV at @p pos: returns the total length (header + content) and sets the content
/// offset, or -1 when malformed. Bounded by the buffer.
qsizetype derElement(const QByteArray &der, qsizetype pos, char expectedTag, qsizetype *contentStart,
                     qsizetype *contentLength)
{
    if (pos + 2 > der.size() || der.at(pos) != expectedTag)
        return -1;
    const uchar first = uchar(der.at(pos + 1));
    qsizetype len = 0;
    qsizetype header = 2;
    if (first < 0x80) {
        len = first;
    } else {
        const int n = first & 0x7f;
        if (n == 0 || n > 4 || pos + 2 + n > der.size())
            return -1;
        for (int i = 0; i < n; ++i)
            len = (len << 8) | uchar(der.at(pos + 2 + i));
        header += n;
    }
    if (len < 0 || pos + header + len > der.size())
        return -1;
    *contentStart = pos + header;
    *contentLength = len;
    return header + len;
}

qsizetype skipAny(const QByteArray &der, qsizetype pos)
{
    if (pos >= der.size())
        return -1;
    qsizetype cs = 0, cl = 0;
    return derElement(der, pos, der.at(pos), &cs, &cl);
}

} // namespace

QByteArray ImapCertificatePin::subjectPublicKeyInfo(const QSslCertificate &cert)
{
    // Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version OPTIONAL, serialNumber,
    //   signature, issuer, validity, subject, subjectPublicKeyInfo, ... } ... }  (RFC 5280 §4.1)
    const QByteArray der = cert.toDer();
    qsizetype cs = 0, cl = 0;
    if (derElement(der, 0, 0x30, &cs, &cl) < 0)
        return {};
    qsizetype tbsStart = 0, tbsLen = 0;
    if (derElement(der, cs, 0x30, &tbsStart, &tbsLen) < 0)
        return {};
    qsizetype pos = tbsStart;
    if (pos < der.size() && uchar(der.at(pos)) == 0xA0) {
        const qsizetype n = skipAny(der, pos);
        if (n < 0)
            return {};
        pos += n;
    }
    for (int i = 0; i < 5; ++i) { // serial, signature, issuer, validity, subject
        const qsizetype n = skipAny(der, pos);
        if (n < 0)
            return {};
        pos += n;
    }
    const qsizetype n = derElement(der, pos, 0x30, &cs, &cl);
    if (n < 0 || pos + n > tbsStart + tbsLen)
        return {};
    return der.mid(pos, n);
}

QByteArray ImapCertificatePin::sha256(const QSslCertificate &cert)
{
    const QByteArray spki = subjectPublicKeyInfo(cert);
    return spki.isEmpty() ? QByteArray() : QCryptographicHash::hash(spki, QCryptographicHash::Sha256);
}

QByteArray ImapCertificatePin::display(const QSslCertificate &cert) { return sha256(cert).toBase64(); }

std::optional<QByteArray> ImapCertificatePin::parse(const QString &text)
{
    QByteArray t = text.trimmed().toLatin1();
    if (t.startsWith("sha256//"))
        t = t.mid(8);
    QByteArray hex = t;
    hex.replace(':', QByteArray());
    if (hex.size() == 64) {
        bool allHex = true;
        for (char c : hex)
            allHex = allHex && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
        if (allHex)
            return QByteArray::fromHex(hex);
    }
    const auto decoded = QByteArray::fromBase64Encoding(t, QByteArray::AbortOnBase64DecodingErrors);
    if (decoded && decoded.decoded.size() == 32)
        return decoded.decoded;
    return std::nullopt;
}

} // namespace imap
