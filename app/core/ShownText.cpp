#include "ShownText.h"

#include "DkimBodyCanonicalizer.h"
#include "DkimCanonicalization.h"
#include "HtmlText.h"
#include "Message.h"
#include "Mime.h"
#include "OpenPgpVerifier.h"
#include "SignatureCoverage.h"
#include "SmimeVerifier.h"
#include "Strings.h"

#include <QStringDecoder>

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

namespace sealcheck {

namespace {

using verifier::MimePart;

bool partialLength(const verifier::DkimResult &k)
{
    return k.result == verifier::AuthResult::Pass && k.bodyLengthLimit && *k.bodyLengthLimit < k.bodyLength;
}

std::string charsetOf(const MimePart &part)
{
    const std::string charset = verifier::toLower(part.parameter("charset"));
    return charset.empty() ? std::string("utf-8") : charset;
}

/// Charsets of two- or four-byte units: a line start in the bytes is no character boundary.
bool wideCharset(const std::string &charset)
{
    return charset.rfind("utf-16", 0) == 0 || charset.rfind("utf-32", 0) == 0 || charset.rfind("ucs-", 0) == 0;
}

QString decodeCharset(std::string_view bytes, const std::string &charset)
{
    const auto encoding = QStringConverter::encodingForName(charset.c_str());
    if (encoding) {
        QStringDecoder decode(*encoding);
        return decode(QByteArrayView(bytes.data(), qsizetype(bytes.size())));
    }
    if (charset == "windows-1252" || charset == "us-ascii")
        return QString::fromLatin1(bytes.data(), qsizetype(bytes.size()));
    return QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
}

/// Transfer-decoded bytes of @p part made into the text a reader sees.
QString textOf(const MimePart &part, std::string_view bytes, bool *truncated)
{
    QString text = decodeCharset(bytes, charsetOf(part));
    if (part.contentType != "text/html")
        return text;
    // Never a QTextDocument: it opens files an HTML message names (file:///dev/zero as a
    // stylesheet grew the program to 3 GB) and lays out deep nesting slowly.
    const QByteArray utf8 = text.toUtf8();
    const HtmlText plain = htmlToText(std::string_view(utf8.constData(), size_t(utf8.size())));
    if (plain.truncated && truncated)
        *truncated = true;
    return QString::fromUtf8(plain.text.data(), qsizetype(plain.text.size()));
}

bool isText(const MimePart &part)
{
    return !part.encrypted && part.contentType.rfind("text/", 0) == 0 && part.disposition != "attachment";
}

/// The part a reader is shown (as before issue 20): the first text/plain among @p parts, else
/// the first text/html.
const MimePart *preferredPart(const std::vector<const MimePart *> &parts)
{
    const MimePart *html = nullptr;
    for (const MimePart *p : parts) {
        if (p->contentType == "text/plain")
            return p;
        if (!html && p->contentType == "text/html")
            html = p;
    }
    return html;
}

/// The transfer-decoded body of @p part cut where the signed bytes end (@p cut, an offset into
/// the message at a line start inside the body): what lies before it, and after.
std::pair<std::string, std::string> splitDecoded(const verifier::Message &m, const MimePart &part, size_t cut)
{
    const std::string_view body = part.bodyBytes(m);
    const size_t local = std::min(cut - part.bodyBegin, body.size());
    if (wideCharset(charsetOf(part)))
        return {std::string(), verifier::decodeTransferEncoding(body, part.transferEncoding)};
    if (part.transferEncoding != "base64") {
        // 7bit, 8bit, binary and quoted-printable decode line by line: the halves decode alone
        // to the same bytes as the whole (a soft line break ends its own line).
        return {verifier::decodeTransferEncoding(body.substr(0, local), part.transferEncoding),
                verifier::decodeTransferEncoding(body.substr(local), part.transferEncoding)};
    }
    // base64: whole groups of four characters before the cut are signed; the signed text then
    // ends at its last line break, so that no character or line is split.
    std::string decoded = verifier::decodeTransferEncoding(body, part.transferEncoding);
    size_t chars = 0;
    for (char c : body.substr(0, local))
        chars += (std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/') ? 1 : 0;
    size_t keep = std::min(decoded.size(), chars / 4 * 3);
    const size_t nl = keep == 0 ? std::string::npos : decoded.rfind('\n', keep - 1);
    keep = nl == std::string::npos ? 0 : nl + 1;
    return {decoded.substr(0, keep), decoded.substr(keep)};
}

class Splitter
{
public:
    Splitter(const verifier::Message &m, ShownText &out) : m_message(m), m_out(out) {}

    void setMain(const MimePart &part, std::string_view bytes) { m_out.text = textOf(part, bytes, &m_out.htmlTruncated); }
    void addUnsigned(const MimePart &part, std::string_view bytes)
    {
        QString text = textOf(part, bytes, &m_out.htmlTruncated);
        if (text.trimmed().isEmpty())
            return;
        // The empty lines between the signed text and the rest belong to neither.
        qsizetype lead = 0;
        while (lead < text.size() && (text.at(lead) == QLatin1Char('\n') || text.at(lead) == QLatin1Char('\r')))
            ++lead;
        text.remove(0, lead);
        if (!m_out.unsignedText.isEmpty())
            m_out.unsignedText += QStringLiteral("\n\n");
        m_out.unsignedText += text;
    }
    /// A displayed part that the coverage does not reach at all.
    void addUnsignedPart(const MimePart &part)
    {
        if (isText(part)) {
            addUnsigned(part, verifier::decodeTransferEncoding(part.bodyBytes(m_message), part.transferEncoding));
            return;
        }
        const std::string &name = part.filename.empty() ? part.contentType : part.filename;
        m_out.unsignedAttachments << QString::fromStdString(verifier::escapeForDisplay(name));
    }

private:
    const verifier::Message &m_message;
    ShownText &m_out;
};

/// DKIM l=: the parts and the ends of parts past the signed bytes are not signed.
void splitByLength(const verifier::Message &m, const MimePart &root, const BodyCoverage &coverage, ShownText &out)
{
    const std::string_view body = m.body();
    const size_t bodyStart = m.hasBody() ? size_t(body.data() - m.data().data()) : m.data().size();
    const auto canonicalization =
        coverage.relaxedBody ? verifier::DkimCanonicalization::Relaxed : verifier::DkimCanonicalization::Simple;
    const size_t cut = bodyStart + (coverage.contentTypeSigned ? verifier::DkimBodyCanonicalizer::signedPrefixLength(
                                                                     body, canonicalization, coverage.signedLength)
                                                               : 0);
    const auto parts = verifier::displayedParts(root);
    const MimePart *main = preferredPart(parts);
    if (!main && !root.isMultipart())
        main = &root;
    if (!main)
        out.noTextPart = true;
    Splitter split(m, out);
    std::vector<const MimePart *> order = parts;
    if (main && std::find(order.begin(), order.end(), main) == order.end())
        order.push_back(main);
    for (const MimePart *p : order) {
        const bool shown = p == main || isText(*p);
        if (p->bodyEnd <= cut) { // signed whole
            if (p == main)
                split.setMain(*p, verifier::decodeTransferEncoding(p->bodyBytes(m), p->transferEncoding));
        } else if (cut <= p->bodyBegin || !shown) { // its header or all of its body is past l=
            split.addUnsignedPart(*p);
        } else {
            const auto halves = splitDecoded(m, *p, cut);
            if (p == main)
                split.setMain(*p, halves.first);
            split.addUnsigned(*p, halves.second);
        }
    }
}

/// S/MIME or OpenPGP: the signed part is the main text; displayed parts outside it, and text
/// around an inline signed block, are not covered. False when there is no signed part.
bool splitBySignedPart(const verifier::Message &m, const MimePart &root, const BodyCoverage &coverage, ShownText &out)
{
    const auto parts = verifier::displayedParts(root);
    Splitter split(m, out);
    const MimePart *signedPart = coverage.smime ? verifier::findSmimeSignedPart(root) : verifier::findPgpMimeSignedPart(root);
    if (signedPart) {
        std::vector<const MimePart *> inside;
        for (const MimePart *p : parts)
            if (verifier::isWithin(*p, *signedPart))
                inside.push_back(p);
        const MimePart *main = preferredPart(inside);
        if (main)
            split.setMain(*main, verifier::decodeTransferEncoding(main->bodyBytes(m), main->transferEncoding));
        else
            out.noTextPart = true;
        for (const MimePart *p : parts)
            if (!verifier::isWithin(*p, *signedPart) && !verifier::isBlankPart(m, *p))
                split.addUnsignedPart(*p);
        return true;
    }
    if (coverage.smime)
        return false;
    const auto block = verifier::findCleartextBlock(m, root);
    if (!block)
        return false;
    const std::string_view decoded = block->decoded;
    split.setMain(*block->part, decoded.substr(block->begin, block->end - block->begin));
    for (const MimePart *p : parts) {
        if (p == block->part) {
            split.addUnsigned(*p, decoded.substr(0, block->begin));
            split.addUnsigned(*p, decoded.substr(block->end));
        } else if (!verifier::isBlankPart(m, *p)) {
            split.addUnsignedPart(*p);
        }
    }
    return true;
}

} // namespace

BodyCoverage bodyCoverage(const verifier::Report &report)
{
    BodyCoverage c;
    for (const auto *sig : {&report.smime, &report.pgp}) {
        if (*sig && !(*sig)->coversWholeBody) {
            c.kind = BodyCoverage::Kind::SignedPart;
            c.smime = sig == &report.smime;
            c.signer = (*sig)->signer;
            return c;
        }
    }
    // The verdict's own finding names the signature whose l= it weighed.
    std::string domain;
    for (const auto *list : {&report.reasons, &report.warnings})
        for (const verifier::Finding &f : *list)
            if (f.code == verifier::FindingCode::PartialDkimCoverage && f.args.size() >= 2 && f.args[1] != "0")
                domain = f.args[0];
    const verifier::DkimResult *best = nullptr;
    for (const verifier::DkimResult &k : report.dkim) {
        if (domain.empty() && k.result == verifier::AuthResult::Pass && !partialLength(k) &&
            report.verdict != verifier::Verdict::Authenticated)
            return c; // a passing signature covers the whole body
        if (partialLength(k) && (domain.empty() || verifier::equalsIgnoreCase(k.domain, domain)) &&
            (!best || *k.bodyLengthLimit > *best->bodyLengthLimit))
            best = &k;
    }
    // Without the finding, an authenticated verdict rests on something that covers everything.
    if (!best || (domain.empty() && report.verdict == verifier::Verdict::Authenticated))
        return c;
    c.kind = BodyCoverage::Kind::DkimLength;
    c.signer = best->domain;
    c.signedLength = *best->bodyLengthLimit;
    const auto pair = verifier::parseDkimCanonicalization(best->canonicalization);
    c.relaxedBody = pair && pair->body == verifier::DkimCanonicalization::Relaxed;
    c.contentTypeSigned = std::any_of(best->signedHeaders.begin(), best->signedHeaders.end(), [](const std::string &h) {
        return verifier::equalsIgnoreCase(verifier::trim(h), "content-type");
    });
    return c;
}

ShownText makeShownText(const QByteArray &raw, const BodyCoverage &coverage)
{
    ShownText out;
    auto m = verifier::Message::parse(std::string(raw.constData(), size_t(raw.size())));
    if (!m)
        return out;
    out.fields = shownFields(*m);
    const MimePart root = verifier::parseMime(*m);
    if (coverage.kind == BodyCoverage::Kind::DkimLength) {
        splitByLength(*m, root, coverage, out);
        return out;
    }
    if (coverage.kind == BodyCoverage::Kind::SignedPart && splitBySignedPart(*m, root, coverage, out))
        return out;
    const MimePart *part = preferredPart(verifier::displayedParts(root));
    if (!part && !root.isMultipart())
        part = &root;
    if (!part) {
        out.noTextPart = true;
        return out;
    }
    Splitter(*m, out).setMain(*part, verifier::decodeTransferEncoding(part->bodyBytes(*m), part->transferEncoding));
    return out;
}

} // namespace sealcheck
