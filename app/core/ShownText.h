#pragma once
// The text a reader is shown for a message, split by what the evidence of its verdict covers
// (issue 20, point 4): text past a DKIM body length limit (l=, RFC 6376 §3.5 and §8.2) was
// added after signing, and parts outside an S/MIME or OpenPGP signed part (RFC 1847 §2.1,
// RFC 8551 §3.5, RFC 4880 §7) are not covered by that signature. Words and drawing are the
// UI's (ui/MessageView); this decides which text is which. Never loads anything a message
// names (HTML is reduced by htmlToText()). Any thread.

#include "Report.h"
#include "ShownFields.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <string>

namespace sealcheck {

/// What of the body the verdict's evidence covers, read from a report alone (cheap, no parsing).
struct BodyCoverage
{
    enum class Kind {
        Whole,      ///< nothing to mark: no signature claims only a part, or the verdict covers all
        DkimLength, ///< a DKIM signature with l= shorter than the body (the verdict's finding)
        SignedPart, ///< an S/MIME or OpenPGP signature that does not cover every displayed part
    };
    Kind kind = Kind::Whole;
    /// DkimLength: the signing domain (d=). SignedPart: the signer's address (may be empty).
    std::string signer;
    /// DkimLength: l= (canonical body bytes signed) and the body canonicalisation.
    uint64_t signedLength = 0;
    bool relaxedBody = false;
    /// DkimLength: h= signs Content-Type, so how the signed bytes are read (MIME structure,
    /// charset) is signed too. When it does not, nothing of the body counts as signed.
    bool contentTypeSigned = true;
    /// SignedPart: S/MIME (else OpenPGP).
    bool smime = false;
    bool operator==(const BodyCoverage &) const = default;
};

/// DkimLength when the verdict names a DKIM signature that signs only the start of the body
/// (FindingCode::PartialDkimCoverage), or, when nothing authenticates the whole message, when
/// the best passing DKIM signature has such an l=. SignedPart when the S/MIME (else OpenPGP)
/// result says displayed parts lie outside the signed part. Whole otherwise.
BodyCoverage bodyCoverage(const verifier::Report &report);

struct ShownText
{
    /// The main text: the whole text when coverage is Whole, else what the signature covers.
    QString text;
    bool noTextPart = false;    ///< no text part at all (the UI says so)
    bool htmlTruncated = false; ///< an HTML part was too large to reduce whole
    /// Text the coverage does not reach, in message order (parts separated by an empty line);
    /// empty when there is none.
    QString unsignedText;
    /// Other displayed parts (attachments, images) the coverage does not reach: their file
    /// names, else their content types.
    QStringList unsignedAttachments;
    /// The header fields a reader looks at, every copy (ShownFields.h).
    QList<ShownField> fields;
    bool hasUnsigned() const { return !unsignedText.trimmed().isEmpty() || !unsignedAttachments.isEmpty(); }
};

/// Splits the displayed text of @p raw by @p coverage. Where the byte mapping cannot be exact
/// (a line only partly within l=, base64, a charset of two-byte units), more is marked as not
/// signed, never less.
ShownText makeShownText(const QByteArray &raw, const BodyCoverage &coverage);

} // namespace sealcheck
