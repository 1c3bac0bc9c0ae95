#pragma once
/// The tag=value list of DKIM signatures and key records, RFC 6376 §3.2 (also used by ARC,
/// RFC 8617 §4.1). Strict: a tag without "=", a malformed tag name, a byte outside VALCHAR/FWS
/// in a value, or a tag given twice is an error (§3.2: "Tags with duplicate names MUST NOT
/// occur within a single tag-list; if a tag name does occur more than once, the entire
/// tag-list is invalid"). Tag names are case-sensitive (§3.2).
///
/// Accepted leniencies, all within the grammar's spirit: bytes >= 0x80 in values (RFC 8616
/// allows UTF-8 in some tags), CR/LF anywhere white space may appear (folding), and white
/// space after the final ";".

#include "Expected.h"

#include <string>
#include <string_view>
#include <vector>

namespace verifier {

struct DkimTag
{
    std::string name;
    /// The value with leading and trailing FWS removed; inner FWS is kept as written.
    std::string value;
    bool operator==(const DkimTag &) const = default;
};

class DkimTagList
{
public:
    /// At most kMaxTags tags and kMaxBytes input bytes (larger input is an Error).
    static constexpr size_t kMaxTags = 64;
    static constexpr size_t kMaxBytes = 64 * 1024;

    /// Parses @p text (RFC 6376 §3.2 tag-list). Total: never throws.
    static Expected<DkimTagList> parse(std::string_view text);

    /// The value of tag @p name, or nullptr when absent.
    const std::string *find(std::string_view name) const;
    bool has(std::string_view name) const { return find(name) != nullptr; }
    const std::vector<DkimTag> &tags() const { return m_tags; }

private:
    std::vector<DkimTag> m_tags;
};

/// Removes every FWS byte (SP, HTAB, CR, LF) from a tag value (for b=, bh=, p=: §3.5, §3.6.1).
std::string dkimStripWhitespace(std::string_view value);

/// Splits a colon-separated list (h=, k= lists, s= lists; §3.5) into trimmed items. Returns
/// false when an item is empty ("from::to", a trailing ':').
bool dkimSplitList(std::string_view value, char separator, std::vector<std::string> &out);

} // namespace verifier
