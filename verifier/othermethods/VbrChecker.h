#pragma once
/// Vouch By Reference, RFC 5518 §4–§5. For a message carrying VBR-Info:
///  1. md= must be authenticated as the field says: a passing DKIM signature with d= equal to
///     md= that signs the VBR-Info field (otherwise anyone could have added the field), or an
///     SPF pass for md=. Else the result is none.
///  2. Only vouching services that the field lists AND the user trusts are asked (mv= ∩
///     trusted, in mv= order, at most kMaxQueries): TXT at "<md>._vouch.<service>".
///  3. The record is a space-separated list of categories; it vouches when it lists mc= or
///     "all" → pass. No record, or one without the category → fail; a temporary DNS failure with
///     no vouch → temperror; an unreadable VBR-Info field → permerror.
/// A vouch is reputation, never authentication: the verdict never reads VbrResult.
/// At most kMaxFields VBR-Info fields are read; the first whose md= is authenticated is used.

#include "Message.h"
#include "Report.h"
#include "Resolver.h"

#include <optional>
#include <string>
#include <vector>

namespace verifier {

class VbrChecker
{
public:
    static constexpr size_t kMaxQueries = 3;
    static constexpr size_t kMaxFields = 5;

    /// nullopt when the message has no VBR-Info field.
    static std::optional<VbrResult> check(const Message &message, const std::vector<DkimResult> &dkim,
                                          const std::optional<SpfResult> &spf,
                                          const std::vector<std::string> &trustedServices,
                                          const Resolver &resolver);
};

} // namespace verifier
