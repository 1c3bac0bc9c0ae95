#pragma once
/// What the From field's appearance says beyond the checks: display names that show another
/// address or domain (Mailsploit 2017, "Composition Kills" 2020), deceptive characters, and
/// lookalikes of domains the user trusts or corresponds with (ICU's confusable skeletons,
/// Unicode TS #39 §4). Findings only; the verdict weighs them (Verdict.h).

#include "Report.h"

#include <string>
#include <string_view>
#include <vector>

namespace verifier {

struct SenderAnalysis
{
    std::vector<Finding> suspicious;
    std::vector<Finding> warnings;
};

struct SenderContext
{
    /// Domains the user trusts or corresponds with (A-labels or U-labels).
    std::vector<std::string> knownDomains;
    /// Organisational domains of Reply-To and Sender mailboxes, paired with the address shown.
    std::vector<std::pair<std::string, std::string>> replyTo;   ///< (address, org domain)
    std::vector<std::pair<std::string, std::string>> sender;    ///< (address, org domain)
    /// The organisational domain of From (empty: compare whole domains).
    std::string fromOrgDomain;
};

SenderAnalysis analyseSender(const FromInfo &from, const SenderContext &context);

/// Domains (from "x@domain" or a bare "label.tld") named in display text, lower case.
std::vector<std::string> domainsInText(std::string_view utf8);

/// The UTS #39 skeleton of a domain (U-label form), for lookalike comparison. Empty on error.
std::string confusableSkeleton(std::string_view domain);

/// U-label form of an A-label domain (for display and skeletons); the input when not IDNA.
std::string toUnicodeDomain(std::string_view domain);

} // namespace verifier
