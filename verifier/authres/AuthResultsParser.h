#pragma once
/// Parser for the value of one Authentication-Results header field, RFC 8601 §2.2.
///
/// Grammar read (RFC 8601 §2.2, with RFC 5322 CFWS and quoted-string, RFC 2045 token and
/// RFC 6376 §3.5 domain-name; RFC 6532 extends qtext, ctext, atext and domain labels with UTF-8):
///
///   authres-payload = [CFWS] authserv-id [ CFWS authres-version ] ( no-result / 1*resinfo ) [CFWS]
///   authserv-id     = value                        ; token or quoted-string
///   authres-version = 1*DIGIT [CFWS]               ; only "1" is accepted (§2.2)
///   no-result       = [CFWS] ";" [CFWS] "none"
///   resinfo         = [CFWS] ";" methodspec [ CFWS reasonspec ] [ CFWS 1*propspec ]
///   methodspec      = [CFWS] method [CFWS] "=" [CFWS] result
///   method          = Keyword [ [CFWS] "/" [CFWS] method-version ]   ; "dkim/1"
///   reasonspec      = "reason" [CFWS] "=" [CFWS] value
///   propspec        = ptype [CFWS] "." [CFWS] property [CFWS] "=" pvalue
///   pvalue          = [CFWS] ( value / [ [ local-part ] "@" ] domain-name ) [CFWS]
///   Keyword         = ldh-str                      ; letters, digits, "-"; not ending in "-"
///
/// Comments nest and may appear wherever CFWS may. Folding is CRLF (or a bare LF, as in
/// LF-only files) followed by white space; the value may end with one CRLF. Keywords (method,
/// result, ptype, property) are case-insensitive and returned in lower case; values keep their
/// case, quoted strings are returned without quotes and quoted-pairs, folds removed. Unknown
/// methods, unknown ptypes (anything besides smtp/header/body/policy) and unregistered
/// properties are kept as written. A property that appears twice in one resinfo is an error (two
/// readers could otherwise keep different ones).
///
/// Strict mode (the default) is RFC 8601 exactly, plus: the result keyword is checked against
/// the IANA "Email Authentication Result Names" registry for the methods it defines (auth, dkim,
/// domainkeys, iprev, sender-id, spf, dkim-adsp, vbr, rrvs, smime, dmarc, arc, dnswl), so
/// `dkim=hardfail` or `dmarc=bestguesspass` is an error; an empty authserv-id is an error.
///
/// Relaxed mode additionally accepts what deployed servers write although RFC 8601 does not
/// allow it, and nothing else: a missing authserv-id (Exchange Online starts with "spf=pass";
/// the id is then ""), a trailing ";", a property without ptype ("action=none", "version=TLSv1.2":
/// read and dropped, it has no "ptype.property" name), unquoted property and reason values holding
/// characters a token may not ("header.b=gfT/i2HB", an URL), an empty property value, "reason="
/// after properties, "_" in keywords, line breaks not followed by white space, and any result
/// keyword.
///
/// Both modes fail closed: input that does not match is an Error naming the byte offset and
/// the reason, never a partial result. Bytes must be valid UTF-8 without control characters
/// other than HTAB, CR and LF. Bounded: at most kMaxAuthResultsValueBytes of input,
/// kMaxAuthResultsResults resinfo, kMaxAuthResultsProperties properties per resinfo and
/// comments nested kMaxAuthResultsCommentDepth deep.

#include "Expected.h"
#include "Report.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verifier {

struct ParsedAuthResults
{
    std::string authservId;
    /// authres-version when written (always 1: other versions are refused).
    std::optional<int> version;
    /// The field said "none": no method was evaluated.
    bool noResults = false;
    std::vector<AuthMethodResult> methods;
    /// methodVersions[i] is the method-version written for methods[i] ("dkim/1"), 0 when none.
    std::vector<int> methodVersions;
    bool operator==(const ParsedAuthResults &) const = default;
};

enum class AuthResultsMode { Strict, Relaxed };

inline constexpr size_t kMaxAuthResultsValueBytes = 64 * 1024;
inline constexpr size_t kMaxAuthResultsResults = 256;
inline constexpr size_t kMaxAuthResultsProperties = 64;
inline constexpr int kMaxAuthResultsCommentDepth = 32;

/// Parses the value of one Authentication-Results field (what follows the colon; a leading
/// "Authentication-Results:" is not accepted here). See the file comment for the grammar.
Expected<ParsedAuthResults> parseAuthenticationResults(std::string_view value,
                                                       AuthResultsMode mode = AuthResultsMode::Strict);

/// The result keywords the IANA registry allows for @p method (lower case), or an empty list
/// when the registry does not define the method. Exposed for tests and the writer.
const std::vector<std::string_view> &registeredResults(std::string_view method);

} // namespace verifier
