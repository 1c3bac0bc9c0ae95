#pragma once
/// The MTA-STS policy body served at https://mta-sts.<domain>/.well-known/mta-sts.txt,
/// RFC 8461 §3.2, and MX host matching, §4.1.
///
/// Lines "key: value" separated by LF or CRLF (erratum 6253); white space around the value is
/// ignored. Required: version (STSv1), mode (enforce / testing / none), max_age (0..31557600
/// seconds, at most 10 digits), and at least one mx unless mode is none. mx may repeat; other
/// known fields are taken from their first occurrence; unknown fields are ignored. An mx
/// pattern is a domain name, optionally prefixed by "*." (a wildcard for exactly one leftmost
/// label). Total and bounded: at most 64 KiB of text and 1000 mx patterns.

#include "Expected.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace verifier {

enum class MtaStsMode { Enforce, Testing, None };
std::string_view mtaStsModeName(MtaStsMode mode); ///< "enforce", "testing", "none"

struct MtaStsPolicy
{
    MtaStsMode mode = MtaStsMode::None;
    int64_t maxAge = 0;
    std::vector<std::string> mx; ///< patterns, lower case, trailing dot removed
    /// Harmless oddities (version not the first line, a repeated field) in plain words.
    std::vector<std::string> notes;

    static constexpr size_t kMaxBytes = 64 * 1024;
    static constexpr int64_t kMaxAge = 31557600;

    static Expected<MtaStsPolicy> parse(std::string_view text);

    /// RFC 8461 §4.1: @p host (an MX host name) matches @p pattern when equal, ignoring case
    /// and a trailing dot; "*.example.com" matches "mx.example.com" but neither "example.com"
    /// nor "a.b.example.com".
    static bool matches(std::string_view pattern, std::string_view host);
    /// True when some pattern of the policy matches @p host.
    bool allows(std::string_view host) const;
};

} // namespace verifier
