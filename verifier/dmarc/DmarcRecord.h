#pragma once
/// A DMARC policy record (RFC 9989 §4.7, with the RFC 7489 §6.3 tags that RFC 9989 removed).
///
/// Syntax (RFC 9989 §4.8): a tag-list that must begin with "v=DMARC1" (tag name case-insensitive,
/// value exact); white space around '=' and ';' is allowed; unknown tags are ignored; tag names
/// are case-insensitive, keyword values (p, sp, np, psd, t, adkim, aspf, fo, rf) too. A record
/// whose first tag is not v=DMARC1 is not a DMARC record at all (an Error). A record with an
/// invalid or absent p= still parses: `policyValid` is false and the evaluator applies RFC 9989
/// §4.10.1 / RFC 7489 §6.6.3 (p=none when rua= holds a valid URI, else no DMARC processing).
/// Invalid values of other known tags are noted in `problems` and fall back to their defaults.

#include "Expected.h"
#include "Report.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verifier {

enum class DmarcAlignmentMode { Relaxed, Strict };
enum class DmarcPsd { Unspecified, Yes, No, Unknown }; ///< psd=y / psd=n / psd=u (RFC 9989 §4.7)

struct DmarcRecord
{
    /// p=: Unspecified when absent or invalid (see policyValid).
    DmarcPolicy policy = DmarcPolicy::Unspecified;
    bool policyPresent = false;
    bool policyValid = false;
    /// sp= and np=; Unspecified when absent. An invalid value sets subdomainPolicyValid /
    /// nonExistentPolicyValid false.
    DmarcPolicy subdomainPolicy = DmarcPolicy::Unspecified;
    bool subdomainPolicyValid = true;
    DmarcPolicy nonExistentPolicy = DmarcPolicy::Unspecified;
    bool nonExistentPolicyValid = true;
    DmarcPsd psd = DmarcPsd::Unspecified;
    bool testing = false;                 ///< t=y
    DmarcAlignmentMode dkimAlignment = DmarcAlignmentMode::Relaxed; ///< adkim=
    DmarcAlignmentMode spfAlignment = DmarcAlignmentMode::Relaxed;  ///< aspf=
    std::string adkim, aspf;              ///< as written (lower case), empty when absent
    std::vector<std::string> rua, ruf;    ///< URIs as written
    bool ruaHasValidUri = false;          ///< at least one syntactically valid URI in rua=
    std::string fo;                       ///< as written, empty when absent
    std::optional<int> pct;               ///< RFC 7489 only (historic in RFC 9989)
    std::optional<long long> ri;          ///< RFC 7489 only
    std::string rf;                       ///< RFC 7489 only
    /// Human notes about values that were invalid and ignored ("pct=500 out of range").
    std::vector<std::string> problems;
    /// The record text as retrieved (character-strings joined).
    std::string text;
};

/// Parses one TXT record's text. Errors: empty text, a first tag other than v=DMARC1,
/// or a record over 4096 bytes.
Expected<DmarcRecord> parseDmarcRecord(std::string_view txt);

/// "none", "quarantine", "reject" (case-insensitive) or nullopt.
std::optional<DmarcPolicy> parseDmarcPolicy(std::string_view value);

} // namespace verifier
