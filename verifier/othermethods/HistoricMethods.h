#pragma once
/// Results of historic methods that other servers reported in Authentication-Results (RFC 8601
/// registry): "dkim-adsp" (ADSP, RFC 5617; replaced by DMARC), "sender-id" (Sender ID / PRA,
/// RFC 4406; replaced by SPF with DMARC) and "domainkeys" (RFC 4870; replaced by DKIM). Each is
/// reported with the method's historic status; none is weighed by the verdict.
///
/// DNS is bounded: ADSP and Sender ID records are looked up only for a method some
/// Authentication-Results field mentions, once per (method, domain), at most kMaxLookups queries
/// per message; nothing is looked up for a message whose fields mention neither. The domain is
/// the one the result names (header.from / header.sender / header.d, an address's domain part),
/// else the From domain; an invalid domain is not looked up.

#include "Report.h"
#include "Resolver.h"

#include <string_view>
#include <vector>

namespace verifier {

class HistoricMethods
{
public:
    static constexpr size_t kMaxLookups = 4;
    static constexpr size_t kMaxEntries = 16;

    /// True for "dkim-adsp", "sender-id", "domainkeys" (case-insensitive).
    static bool isHistoric(std::string_view method);
    /// What replaced the method: "DMARC", "SPF and DMARC", "DKIM"; "" for others.
    static std::string_view replacedBy(std::string_view method);

    /// One entry per historic method result in @p headers, top to bottom (at most kMaxEntries).
    /// @p resolver null: no lookups.
    static std::vector<HistoricMethod> recognise(const std::vector<AuthResultsHeader> &headers,
                                                 std::string_view fromDomain, const Resolver *resolver);

    /// The ADSP record of @p domain ("_adsp._domainkey.<domain>"), filled into @p out
    /// (record, recordMeaning). One query.
    static void lookUpAdsp(std::string_view domain, const Resolver &resolver, HistoricMethod &out);
    /// The Sender ID ("spf2.0/...") record of @p domain, filled into @p out. One query.
    static void lookUpSenderId(std::string_view domain, const Resolver &resolver, HistoricMethod &out);
};

} // namespace verifier
