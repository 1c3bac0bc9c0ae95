#pragma once
/// What a signature authenticates of what a reader displays. A signature covers the whole body
/// only when every displayed part (displayedParts()) lies inside the signed part: a
/// multipart/signed (RFC 1847 §2.1) or an opaque application/pkcs7-mime part (RFC 8551 §3.5.2)
/// at the top level, or wrapped only by parts that display nothing else. This defeats the MIME
/// wrapping attacks of "Johnny, You Are Fired!" (Müller et al., USENIX Security 2019, §5).

#include "Mime.h"

#include <string>
#include <vector>

namespace verifier {

struct SignatureCoverage
{
    bool coversWholeBody = false;
    /// Descriptions of what is displayed but not signed, e.g. "part 2 text/plain".
    std::vector<std::string> unsignedParts;
};

/// @p signedPart must be a node of @p root's tree. Displayed parts outside it that show nothing
/// (empty or white-space-only text) are ignored. A signed part inside an enclosed message
/// (message/rfc822) or marked as an attachment (below the top level) never covers the whole body.
SignatureCoverage signatureCoverage(const Message &message, const MimePart &root, const MimePart &signedPart);

/// "part 2 text/plain", "part 3 application/pdf \"x.pdf\"", "the message body text/html".
std::string describePart(const MimePart &part);

/// True when @p part is a text part whose decoded body is empty or white space only.
bool isBlankPart(const Message &message, const MimePart &part);

/// True when @p inner is @p outer or one of its descendants (by path).
bool isWithin(const MimePart &inner, const MimePart &outer);

/// The chain of parts from @p root down to @p target (both included); empty when @p target is
/// not in the tree.
std::vector<const MimePart *> pathTo(const MimePart &root, const MimePart &target);

} // namespace verifier
