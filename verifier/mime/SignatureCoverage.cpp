#include "SignatureCoverage.h"

#include "Strings.h"

namespace verifier {

namespace {
bool findPath(const MimePart &node, const MimePart &target, std::vector<const MimePart *> &chain)
{
    chain.push_back(&node);
    if (&node == &target)
        return true;
    for (const auto &child : node.children)
        if (findPath(child, target, chain))
            return true;
    chain.pop_back();
    return false;
}
} // namespace

std::vector<const MimePart *> pathTo(const MimePart &root, const MimePart &target)
{
    std::vector<const MimePart *> chain;
    if (!findPath(root, target, chain))
        chain.clear();
    return chain;
}

bool isWithin(const MimePart &inner, const MimePart &outer)
{
    if (&inner == &outer || outer.path.empty())
        return true;
    return inner.path == outer.path || inner.path.rfind(outer.path + ".", 0) == 0;
}

std::string describePart(const MimePart &part)
{
    std::string text = part.path.empty() ? "the message body " + part.contentType
                                          : "part " + part.path + " " + part.contentType;
    if (!part.filename.empty())
        text += " \"" + escapeForDisplay(part.filename) + "\"";
    return text;
}

bool isBlankPart(const Message &message, const MimePart &part)
{
    if (part.encrypted || part.contentType.rfind("text/", 0) != 0 || part.disposition == "attachment")
        return false;
    const std::string decoded = decodeTransferEncoding(part.bodyBytes(message), part.transferEncoding);
    return trim(decoded).empty();
}

SignatureCoverage signatureCoverage(const Message &message, const MimePart &root, const MimePart &signedPart)
{
    SignatureCoverage coverage;
    const auto chain = pathTo(root, signedPart);
    if (chain.empty()) {
        coverage.unsignedParts.push_back("the signed part is not part of this message");
        return coverage;
    }
    for (const MimePart *p : chain) {
        if (p != &root && (p->contentType == "message/rfc822" || p->contentType == "message/global")) {
            coverage.unsignedParts.push_back("the signature belongs to an enclosed message (" + describePart(*p) + ")");
            break;
        }
    }
    // An opaque S/MIME message is conventionally marked as an attachment (smime.p7m): only a
    // signed part below the top level counts as "shown as an attachment".
    if (&signedPart != &root && signedPart.disposition == "attachment")
        coverage.unsignedParts.push_back("the signed part is an attachment (" + describePart(signedPart) + ")");
    for (const MimePart *p : displayedParts(root)) {
        if (isWithin(*p, signedPart) || isBlankPart(message, *p))
            continue;
        coverage.unsignedParts.push_back(describePart(*p));
    }
    coverage.coversWholeBody = coverage.unsignedParts.empty();
    return coverage;
}

} // namespace verifier
