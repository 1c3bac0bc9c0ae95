#pragma once
/// The MIME tree of a message (RFC 2045/2046) over its raw bytes: each part knows the exact
/// byte ranges of its header and body in Message::data(), so signatures can be checked over
/// the very bytes that were signed (RFC 1847 multipart/signed). Bounded depth and part count.

#include "Message.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace verifier {

struct MimeLimits
{
    int maxDepth = 20;
    int maxParts = 1000;
};

struct MimePart
{
    /// Lower-case type/subtype, e.g. "multipart/signed"; "text/plain" by default (RFC 2045 §5.2),
    /// "message/rfc822" by default inside multipart/digest.
    std::string contentType;
    /// Lower-case parameter names → values (quotes removed, RFC 2231 continuations joined).
    std::map<std::string, std::string> parameters;
    std::string transferEncoding;   ///< lower case; "7bit" by default
    std::string disposition;        ///< "inline", "attachment" or ""
    std::string filename;

    /// Offsets into Message::data(): the whole part (its header and body), its header lines,
    /// and its body. For the top-level part, the whole message.
    size_t begin = 0, end = 0;
    size_t headerBegin = 0, headerEnd = 0;
    size_t bodyBegin = 0, bodyEnd = 0;

    /// A path like "1.2" (IMAP section numbering); "" for the top level.
    std::string path;
    int depth = 0;
    std::vector<MimePart> children;

    /// Problems met: missing closing boundary, depth/part limit reached, bad header ...
    std::vector<std::string> problems;

    /// multipart/encrypted (RFC 1847 §2.2) or application/pkcs7-mime with smime-type
    /// enveloped-data / authEnveloped-data (RFC 8551 §3.3): reported, never inspected (no children).
    bool encrypted = false;

    bool isMultipart() const { return contentType.rfind("multipart/", 0) == 0; }
    /// The value of parameter @p name (lower case), or "".
    std::string parameter(const std::string &name) const
    {
        auto it = parameters.find(name);
        return it == parameters.end() ? std::string() : it->second;
    }
    std::string_view bytes(const Message &m) const { return m.data().substr(begin, end - begin); }
    std::string_view bodyBytes(const Message &m) const { return m.data().substr(bodyBegin, bodyEnd - bodyBegin); }
    std::string_view headerBytes(const Message &m) const
    {
        return m.data().substr(headerBegin, headerEnd - headerBegin);
    }
};

/// Parses the MIME structure of @p message. Total: never fails; problems are recorded on the
/// parts. The top-level part uses the message's own header fields.
MimePart parseMime(const Message &message, const MimeLimits &limits = {});

/// Decodes a body according to a Content-Transfer-Encoding (base64, quoted-printable,
/// 7bit/8bit/binary as is). Bad input is decoded as far as possible.
std::string decodeTransferEncoding(std::string_view body, std::string_view encoding);

/// Parses a Content-Type / Content-Disposition value (RFC 2045 §5.1, RFC 2183): the lower-case
/// "type/subtype" (or disposition type) and its parameters (RFC 822 comments skipped, quoted
/// strings unquoted, RFC 2231 continuations joined and %-decoded; charset left as bytes).
/// Problems (duplicate parameters, syntax errors) are appended to @p problems.
struct HeaderValueWithParameters
{
    std::string value;
    std::map<std::string, std::string> parameters;
};
HeaderValueWithParameters parseParameterizedValue(std::string_view fieldValue, std::vector<std::string> *problems = nullptr);

/// RFC 2046 §5.1.1: 1 to 70 characters from bchars, not ending in a space.
bool isValidBoundary(std::string_view boundary);

/// Flattens the tree into the parts a mail reader would display (text/*, images, attachments),
/// in order, leaf parts only. multipart/alternative counts each alternative. For multipart/signed
/// only the first (signed) part is displayed, not the signature; an encrypted part counts as one
/// displayed part; message/rfc822 shows the leaf parts of the enclosed message.
std::vector<const MimePart *> displayedParts(const MimePart &root);

} // namespace verifier
