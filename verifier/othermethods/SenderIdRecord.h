#pragma once
/// A Sender ID record, RFC 4406 §3.1 (historic since 2013; SPF, RFC 7208, with DMARC replaced
/// it): a TXT record at the domain starting with "spf2.0/" and a comma-separated scope list,
/// e.g. "spf2.0/pra ...", "spf2.0/mfrom,pra ...". Scopes are case-insensitive; the version
/// must be followed by a space or the end of the record. A record without any scope, or with an
/// empty one, is not a Sender ID record.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verifier {

struct SenderIdRecord
{
    std::vector<std::string> scopes; ///< lower case, e.g. {"mfrom", "pra"}
    bool coversPra() const;
    bool coversMfrom() const;
    /// "spf2.0/mfrom,pra"
    std::string versionAndScopes() const;

    static std::optional<SenderIdRecord> parse(std::string_view text);
    bool operator==(const SenderIdRecord &) const = default;
};

} // namespace verifier
