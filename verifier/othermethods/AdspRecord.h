#pragma once
/// An ADSP record, RFC 5617 §4.2.1 (historic since 2013; DMARC replaced it): the TXT record at
/// "_adsp._domainkey.<author domain>", a tag-list whose dkim= tag says
///   unknown      the domain may sign some or all mail
///   all          all mail from the domain is signed by it
///   discardable  all mail is signed, and unsigned mail may be discarded
/// Unknown dkim= values are read as "unknown" (§4.2.1); a record without dkim= is not an ADSP
/// record.

#include <optional>
#include <string>
#include <string_view>

namespace verifier {

struct AdspRecord
{
    enum class Practice { Unknown, All, Discardable };
    Practice practice = Practice::Unknown;

    static std::string_view practiceName(Practice practice); ///< "unknown", "all", "discardable"
    /// nullopt when @p text is not an ADSP record.
    static std::optional<AdspRecord> parse(std::string_view text);
    bool operator==(const AdspRecord &) const = default;
};

} // namespace verifier
