#pragma once
/// A parsed SPF record, RFC 7208 §4.6 and the ABNF of §12.
///
/// parseSpfRecord() is total: any input yields a record or an Error naming the first problem;
/// every syntax error anywhere in the record is detected before evaluation (§4.6: a record
/// with a syntax error is a permerror as a whole). Domain-specs and macro-strings are checked
/// for macro syntax (§7.1) here; they are expanded only during evaluation.

#include "Expected.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verifier {

/// The qualifier of a directive (§4.6.2); '+' when omitted.
enum class SpfQualifier { Pass, Fail, SoftFail, Neutral };

enum class SpfMechanismKind { All, Include, A, Mx, Ptr, Ip4, Ip6, Exists };

std::string_view spfMechanismName(SpfMechanismKind kind);

/// One directive: [qualifier] mechanism [":" value] [cidr lengths].
struct SpfTerm
{
    SpfQualifier qualifier = SpfQualifier::Pass;
    SpfMechanismKind kind = SpfMechanismKind::All;
    /// The domain-spec (include, a, mx, ptr, exists; may be empty for a, mx, ptr = <domain>)
    /// or the network address (ip4, ip6) as written, without the CIDR lengths.
    std::string value;
    /// ip4 / a / mx: the IPv4 prefix length when given (0..32).
    std::optional<int> cidr4;
    /// ip6 / a / mx: the IPv6 prefix length when given (0..128).
    std::optional<int> cidr6;
    /// The term as written in the record, qualifier included (e.g. "-all", "ip4:192.0.2.0/24").
    std::string text;
    bool operator==(const SpfTerm &) const = default;
};

/// A modifier (name "=" value), §6. redirect and exp are kept apart in SpfRecord.
struct SpfModifier
{
    std::string name;  ///< lower case
    std::string value; ///< the macro-string as written
    bool operator==(const SpfModifier &) const = default;
};

struct SpfRecord
{
    /// The directives in record order.
    std::vector<SpfTerm> mechanisms;
    /// redirect= domain-spec (§6.1), at most one.
    std::optional<std::string> redirect;
    /// exp= domain-spec (§6.2), at most one.
    std::optional<std::string> explanation;
    /// Modifiers other than redirect and exp, kept in order (§6: ignored by evaluation).
    std::vector<SpfModifier> unknownModifiers;

    /// How many terms of this record cause DNS queries when evaluated: include, a, mx, ptr,
    /// exists and redirect (§4.6.4). Includes are not followed.
    int dnsLookupTerms() const;
    /// The `all` directive, if the record has one (the first).
    const SpfTerm *allTerm() const;
    bool operator==(const SpfRecord &) const = default;
};

/// True when @p txt is an SPF version 1 record: "v=spf1" (any case) followed by a space or
/// the end (§4.5).
bool isSpfRecord(std::string_view txt);

/// Parses one SPF record (the concatenated character-strings of one TXT RR), §4.6 and §12.
/// Errors: missing version, non-ASCII or control characters, unknown mechanisms, bad CIDR
/// lengths, malformed IP networks, invalid domain-specs or macros, a duplicate redirect or
/// exp, records longer than @p maxBytes.
Expected<SpfRecord> parseSpfRecord(std::string_view txt, size_t maxBytes = 4096);

} // namespace verifier
