#pragma once
/// The BIMI assertion record at default._bimi.<domain> (draft-brand-indicators-for-message-
/// identification §4.2): "v=BIMI1" first, then l= (HTTPS URI of an SVG logo, may be empty to
/// decline) and a= (HTTPS URI of a Verified Mark Certificate, optional). Unknown tags are
/// ignored. Receivers show the logo only when the domain's DMARC policy is enforcing.

#include "Expected.h"

#include <string>
#include <string_view>

namespace verifier {

struct BimiRecord
{
    std::string logo;      ///< l=
    std::string authority; ///< a=
    bool declined = false; ///< l= empty (and no a=): the domain declines to show a logo

    static bool isBimiRecord(std::string_view txt);
    /// Errors: not v=BIMI1, a malformed tag-list, an l= or a= URI that is not https:.
    static Expected<BimiRecord> parse(std::string_view txt);
};

} // namespace verifier
