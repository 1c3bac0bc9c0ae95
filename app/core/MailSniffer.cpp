#include "MailSniffer.h"

#include <QFileInfo>

namespace sealcheck {

namespace {

NotMailReason byMagic(const QByteArray &b)
{
    auto starts = [&](const char *magic, int n) { return b.size() >= n && std::equal(magic, magic + n, b.constData()); };
    if (starts("\x89PNG\r\n\x1a\n", 8) || starts("\xff\xd8\xff", 3) || starts("GIF87a", 6) || starts("GIF89a", 6)
        || (starts("RIFF", 4) && b.mid(8, 4) == "WEBP") || starts("BM", 2) || starts("\x00\x00\x01\x00", 4))
        return NotMailReason::Image;
    if (starts("%PDF-", 5) || starts("\xd0\xcf\x11\xe0", 4))
        return NotMailReason::Document;
    if (starts("PK\x03\x04", 4) || starts("\x1f\x8b", 2) || starts("7z\xbc\xaf", 4) || starts("BZh", 3)
        || starts("\xfd" "7zXZ", 5) || starts("Rar!", 4) || (b.size() > 262 && b.mid(257, 5) == "ustar"))
        return NotMailReason::Archive;
    if (starts("\x7f" "ELF", 4) || starts("MZ", 2))
        return NotMailReason::Binary;
    return NotMailReason::None;
}

NotMailReason byName(const QString &fileName)
{
    const QString ext = QFileInfo(fileName).suffix().toLower();
    static const QStringList images = {QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("jpeg"),
                                       QStringLiteral("gif"), QStringLiteral("webp"), QStringLiteral("bmp"),
                                       QStringLiteral("ico"), QStringLiteral("svg"), QStringLiteral("tif"),
                                       QStringLiteral("tiff"), QStringLiteral("heic")};
    static const QStringList documents = {QStringLiteral("pdf"), QStringLiteral("doc"), QStringLiteral("docx"),
                                          QStringLiteral("xls"), QStringLiteral("xlsx"), QStringLiteral("ppt"),
                                          QStringLiteral("pptx"), QStringLiteral("odt"), QStringLiteral("ods")};
    static const QStringList archives = {QStringLiteral("zip"), QStringLiteral("gz"), QStringLiteral("tgz"),
                                         QStringLiteral("7z"), QStringLiteral("rar"), QStringLiteral("tar"),
                                         QStringLiteral("bz2"), QStringLiteral("xz")};
    static const QStringList binaries = {QStringLiteral("exe"), QStringLiteral("dll"), QStringLiteral("so"),
                                         QStringLiteral("bin"), QStringLiteral("iso"), QStringLiteral("mp3"),
                                         QStringLiteral("mp4"), QStringLiteral("wav")};
    if (images.contains(ext))
        return NotMailReason::Image;
    if (documents.contains(ext))
        return NotMailReason::Document;
    if (archives.contains(ext))
        return NotMailReason::Archive;
    if (binaries.contains(ext))
        return NotMailReason::Binary;
    return NotMailReason::None;
}

/// RFC 5322 §2.2: a field name is printable US-ASCII except ':'. An mbox starts "From ".
bool startsLikeMail(const QByteArray &b)
{
    int i = 0;
    while (i < b.size() && (b[i] == '\r' || b[i] == '\n'))
        ++i; // some exports start with an empty line
    if (b.mid(i, 5) == "From ")
        return true;
    int nameLength = 0;
    for (; i < b.size(); ++i, ++nameLength) {
        const auto c = static_cast<unsigned char>(b[i]);
        if (c == ':')
            return nameLength > 0;
        if (c < 33 || c > 126)
            return false;
    }
    return false;
}

} // namespace

NotMailReason sniffMail(const QString &fileName, const QByteArray &head)
{
    if (head.trimmed().isEmpty())
        return NotMailReason::Empty;
    if (const NotMailReason magic = byMagic(head); magic != NotMailReason::None)
        return magic;
    if (const NotMailReason name = byName(fileName); name != NotMailReason::None)
        return name;
    int control = 0;
    for (const char ch : head) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == 0)
            return NotMailReason::Binary;
        if (c < 32 && c != '\r' && c != '\n' && c != '\t')
            ++control;
    }
    if (control * 20 > head.size()) // over 5 %: not text
        return NotMailReason::Binary;
    return startsLikeMail(head) ? NotMailReason::None : NotMailReason::NoHeader;
}

} // namespace sealcheck
