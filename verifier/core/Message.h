#pragma once
/// An RFC 5322 message held as bytes. Every header field keeps its exact bytes (for DKIM
/// canonicalisation) next to its unfolded value. Input with bare LF line ends is converted
/// once to CRLF (what the message looked like on the wire, RFC 5322 §2.1); the original form
/// is recorded. Parsing is total: malformed input gives anomalies, never a crash, and inputs
/// beyond the limits give an Error.

#include "Expected.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace verifier {

struct MessageLimits
{
    size_t maxMessageBytes = 64 * 1024 * 1024;
    size_t maxHeaderBytes = 1024 * 1024;
    size_t maxHeaderFields = 1000;
    /// Longest physical line in the header section (RFC 5322 allows 998; real mail sometimes
    /// exceeds it, so the cap is generous).
    size_t maxHeaderLineLength = 64 * 1024;
};

enum class LineEnding { Crlf, Lf, Mixed, None };

/// Things in the header section that RFC 5322 does not allow and that attackers use to make
/// two parsers see two different messages.
enum class HeaderAnomaly {
    LeadingContinuation,   ///< the first header line starts with white space
    LineWithoutColon,      ///< a header line that is neither a field nor a continuation
    SpaceBeforeColon,      ///< "From : x" (obsolete syntax, RFC 5322 §4.5)
    NulByte,               ///< a NUL byte in the header section
    BareCarriageReturn,    ///< a CR not followed by LF
    EightBitInHeader,      ///< non-ASCII bytes in the header section (RFC 6532 allows UTF-8)
    InvalidUtf8InHeader,   ///< non-ASCII bytes that are not UTF-8
    NoBodySeparator,       ///< the message ends inside the header section
    EmptyFieldName,        ///< ": value"
};

std::string_view headerAnomalyName(HeaderAnomaly anomaly);

/// One header field as a view into the owning Message's bytes (valid while any copy of the
/// Message lives).
struct HeaderField
{
    /// The field name as written (without any white space before the colon).
    std::string_view name;
    /// The whole field from its first byte up to, not including, the CRLF that ends its last line.
    std::string_view raw;
    /// Everything after the colon, folded, without the final CRLF.
    std::string_view rawValue;
    /// Index among all fields, 0 = topmost.
    size_t index = 0;
    /// Anomalies seen in this field (SpaceBeforeColon, NulByte, ...).
    std::vector<HeaderAnomaly> anomalies;

    /// rawValue with CRLF removed (RFC 5322 §2.2.3) and outer white space trimmed.
    std::string value() const;
    bool is(std::string_view fieldName) const;
};

class Message
{
public:
    /// Parses @p bytes. Fails only when a limit is exceeded.
    /// When a limit is exceeded, @p exceeded (when given) receives the limit in words ("1000
    /// header fields"), for the not-checked report (overLimitReport, verifier/verdict/OverLimit.h).
    static Expected<Message> parse(std::string bytes, const MessageLimits &limits = {}, std::string *exceeded = nullptr);
    /// Parses @p bytes without copying them when they already end their lines with CRLF: the
    /// Message then refers to them and keeps @p owner (what holds them, e.g. a mapped file)
    /// alive. Input with bare LF is converted into a copy the Message owns.
    static Expected<Message> parseShared(std::string_view bytes, std::shared_ptr<const void> owner,
                                         const MessageLimits &limits = {}, std::string *exceeded = nullptr);

    /// The CRLF-normalised bytes of the whole message.
    std::string_view data() const { return m_bytes; }
    /// The header section: every field line including its CRLF, without the empty line.
    std::string_view headerSection() const;
    /// The body: everything after the CRLF CRLF that ends the header section ("" if none).
    std::string_view body() const;
    bool hasBody() const { return m_bodyOffset != std::string::npos; }

    LineEnding originalLineEnding() const { return m_lineEnding; }
    size_t originalSize() const { return m_originalSize; }

    const std::vector<HeaderField> &fields() const { return m_fields; }
    /// All fields named @p name (case-insensitive), top to bottom.
    std::vector<const HeaderField *> fields(std::string_view name) const;
    /// The first field named @p name, or nullptr.
    const HeaderField *field(std::string_view name) const;
    size_t count(std::string_view name) const;

    /// Anomalies of the header section as a whole (fields carry their own too).
    const std::vector<HeaderAnomaly> &anomalies() const { return m_anomalies; }

private:
    static Expected<Message> parseNormalised(std::string_view crlf, std::shared_ptr<const void> owner,
                                             LineEnding original, size_t originalSize, const MessageLimits &limits,
                                             std::string *exceeded);

    std::shared_ptr<const void> m_owner; // holds the bytes m_bytes and every field view into
    std::string_view m_bytes;
    std::vector<HeaderField> m_fields;
    std::vector<HeaderAnomaly> m_anomalies;
    size_t m_headerEnd = 0; // offset just past the last header line's CRLF
    size_t m_bodyOffset = std::string::npos;
    size_t m_originalSize = 0;
    LineEnding m_lineEnding = LineEnding::None;
};

/// Splits an mbox file (mboxrd/mboxo: "From " separator lines, ">From " unquoted) into
/// messages. A file that does not start with "From " is one message. At most @p maxMessages.
std::vector<std::string> splitMbox(std::string_view bytes, size_t maxMessages = 1000000);
/// True when @p bytes looks like an mbox file (starts with a "From " line).
bool looksLikeMbox(std::string_view bytes);

} // namespace verifier
