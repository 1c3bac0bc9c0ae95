#pragma once
/// Ways a sender address imitates a domain the reader knows without being a lookalike of it as a
/// whole (Unicode TS #39 §4-§5; "Splitting the Email Atom", Gareth Heyes, PortSwigger 2024):
///  - the known domain as leading labels of another domain ("bank.example.evil.example") or inside
///    the local part ("ceo.bank.example@evil.example");
///  - the same after "Unicode overflow": readers that keep only the low byte of each code point
///    turn "ceoŀbank.exampleĀ@evil.example" (U+0140, U+0100) into "ceo@bank.example\0@evil.example";
///    an xn-- label is decoded raw (RFC 3492) for this, even where IDNA 2008 refuses the result;
///  - compatibility forms (fullwidth "ｂａｎｋ．ｅｘａｍｐｌｅ") folded with NFKC;
///  - a domain whose labels mix scripts (UTS #39 §5.2 "highly restrictive" fails) or that is
///    confusable as a whole with a pure-ASCII name (its skeleton, §4, is ASCII while it is not:
///    Cyrillic "аррӏе", Latin "pɑypal").

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verifier {

/// @p a equals @p b (ASCII case-insensitively), or one is a subdomain of the other.
bool sameOrSubdomain(std::string_view a, std::string_view b);

/// NFKC case folding (ICU) with the ideographic full stops U+3002, U+FF0E, U+FF61 mapped to '.',
/// for finding addresses and domains in text that is shown. Invalid UTF-8 is replaced.
std::string foldForDetection(std::string_view utf8);

/// Each code point of @p utf8 replaced by its low byte, as readers that store code points in 8-bit
/// characters do; invalid UTF-8 bytes are kept as they are.
std::string lowByteView(std::string_view utf8);

/// @p domain with every "xn--" label decoded by RFC 3492 alone (no IDNA validity checks), UTF-8;
/// labels that do not decode stay as written.
std::string rawUnicodeDomain(std::string_view domain);

/// The first of @p knownDomains (A- or U-labels) that @p localPart or @p domain (A-label) shows
/// embedded, in any of the forms above, while @p domain is neither that domain nor under it.
std::optional<std::string> embeddedKnownDomain(std::string_view localPart, std::string_view domain,
                                               const std::vector<std::string> &knownDomains);

/// When @p domain (A-label) mixes scripts within a label, or is confusable as a whole with an ASCII
/// name: what it imitates (each non-ASCII character replaced by its skeleton, U-label form).
/// nullopt for plain ASCII and honest IDNs.
std::optional<std::string> mixedScriptDomain(std::string_view domain);

} // namespace verifier
