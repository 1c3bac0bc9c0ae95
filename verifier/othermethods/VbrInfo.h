#pragma once
/// The VBR-Info header field, RFC 5518 §3:
///   VBR-Info: md=<domain>; mc=<category>; mv=<voucher>[:<voucher>...]
/// md= the domain vouched for, mc= the category of the message (e.g. "all", "list",
/// "transaction"), mv= the vouching services that the sender says vouch for it. Tag names are
/// case-insensitive; all three are required; unknown tags are ignored. Domains are lower-cased
/// and checked for syntax; an invalid one makes the field invalid.

#include "Expected.h"

#include <string>
#include <string_view>
#include <vector>

namespace verifier {

struct VbrInfo
{
    std::string domain;                 ///< md=, lower case
    std::string category;               ///< mc=, lower case
    std::vector<std::string> vouchers;  ///< mv=, lower case, at most kMaxVouchers

    static constexpr size_t kMaxVouchers = 16;
    static constexpr size_t kMaxBytes = 4096;

    /// Parses a field value (unfolded or not). Total: never throws.
    static Expected<VbrInfo> parse(std::string_view value);
    bool operator==(const VbrInfo &) const = default;
};

} // namespace verifier
