#pragma once
/// Header-field canonicalisation and header selection for DKIM (RFC 6376 §3.4, §5.4.2) and
/// ARC (RFC 8617 §4.1.2, which reuses them). Body canonicalisation is DkimBodyCanonicalizer.

#include "Message.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace verifier {

/// RFC 6376 §3.4: the two canonicalisation algorithms.
enum class DkimCanonicalization { Simple, Relaxed };

std::string_view dkimCanonicalizationName(DkimCanonicalization c);

struct DkimCanonicalizationPair
{
    DkimCanonicalization header = DkimCanonicalization::Simple;
    DkimCanonicalization body = DkimCanonicalization::Simple;
    bool operator==(const DkimCanonicalizationPair &) const = default;
};

/// Parses a c= value, RFC 6376 §3.5: "header/body" or "header" alone (body is then simple);
/// case-insensitive. nullopt for an unknown algorithm.
std::optional<DkimCanonicalizationPair> parseDkimCanonicalization(std::string_view value);

/// Appends the canonical form of one header field to @p out, including the terminating CRLF.
/// @p raw is the field as in HeaderField::raw: from the first byte of the name up to, not
/// including, the CRLF that ends its last line.
///  - Simple (§3.4.1): the field unchanged, then CRLF.
///  - Relaxed (§3.4.2): name lower-cased; unfolded; WSP runs to one SP; WSP at the end of the
///    value and around the colon removed; then CRLF.
void appendCanonicalHeaderField(std::string &out, std::string_view raw, DkimCanonicalization c);
/// As appendCanonicalHeaderField, returning the result.
std::string canonicalHeaderField(std::string_view raw, DkimCanonicalization c);

/// The header field instances an h= list signs, RFC 6376 §5.4.2: for each name in order, the
/// next not-yet-used instance of that name counting from the bottom of the header upwards.
/// A name listed more often than the field occurs selects nothing (nullptr at that position;
/// it signs the field's absence). Names compare case-insensitively. The result has one entry
/// per name of @p signedNames.
std::vector<const HeaderField *> selectSignedHeaderFields(const Message &message,
                                                          const std::vector<std::string> &signedNames);

/// The header fields of one message by lower-case name, top to bottom: built once per message
/// and shared by all its signatures, so that selecting an h= list costs O(names), not
/// O(names × fields) (issue 24: 8 signatures of 12,000 names took 5-7 s).
class HeaderFieldIndex
{
public:
    explicit HeaderFieldIndex(const Message &message);
    /// The fields named @p lowerName (lower case), topmost first; empty when none.
    const std::vector<const HeaderField *> &fields(const std::string &lowerName) const;
    size_t count(const std::string &lowerName) const { return fields(lowerName).size(); }

private:
    std::unordered_map<std::string, std::vector<const HeaderField *>> m_byName;
};

/// As above, through an index of the message.
std::vector<const HeaderField *> selectSignedHeaderFields(const HeaderFieldIndex &index,
                                                          const std::vector<std::string> &signedNames);

/// The signature field itself as it enters the header hash (RFC 6376 §3.7 step 2.b; RFC 8617
/// §4.1.1 and §4.1.3 for ARC): the value of the tag named exactly "b" (not "bh") is deleted,
/// with all white space around it, up to the next ';' or the end; then the field is
/// canonicalised with @p c and returned WITHOUT the trailing CRLF. @p raw as in HeaderField::raw.
std::string canonicalSignatureFieldWithoutSignature(std::string_view raw, DkimCanonicalization c);

} // namespace verifier
