#pragma once
/// Certificate pins: SHA-256 of the certificate's DER SubjectPublicKeyInfo (the HPKP / curl
/// --pinnedpubkey "sha256//" value, RFC 7469 §2.4), so a renewed certificate with the same
/// key stays accepted.

#include <QByteArray>
#include <QSslCertificate>
#include <QString>

#include <optional>

namespace imap {

class ImapCertificatePin
{
public:
    /// The DER SubjectPublicKeyInfo of @p cert, or empty when the certificate cannot be read.
    static QByteArray subjectPublicKeyInfo(const QSslCertificate &cert);
    /// 32 raw bytes: SHA-256 over subjectPublicKeyInfo(); empty when unreadable.
    static QByteArray sha256(const QSslCertificate &cert);
    /// Base64 of sha256(): the form shown to the user and accepted by parse().
    static QByteArray display(const QSslCertificate &cert);
    /// Accepts base64 (44 chars, optional "sha256//" prefix) or hex (64 digits, ':' allowed).
    static std::optional<QByteArray> parse(const QString &text);
};

} // namespace imap
