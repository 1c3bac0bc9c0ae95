#pragma once
/// The two signed ARC header fields, ARC-Message-Signature (AMS, RFC 8617 §4.1.2) and ARC-Seal
/// (AS, RFC 8617 §4.1.3), read from their tag-lists (RFC 6376 §3.2 via DkimTagList) and checked
/// for everything that can be checked without DNS, the body or the clock.
///
/// AMS: the tags of a DKIM-Signature (RFC 6376 §3.5) except v= (absent) and i= (the instance,
/// not an identity). Required: i, a, b, bh, d, h, s. Optional: c (default simple/simple, as in
/// DKIM), l, q, t, x. h= may be empty (the AMS then signs only itself) and may hold empty
/// names, which are dropped (they select no field; the suite and dkimpy accept both); it must
/// not name ARC-Seal (§4.1.2: an AMS that signs AS fields is invalid, since each later seal
/// changes them).
/// AS: required i, a, b, cv, d, s; optional t, x. An h= tag makes the AS invalid (§4.1.3:
/// the seal covers a fixed set of fields, §5.1.1). cv= is none, pass or fail (ABNF literal,
/// compared case-insensitively).
/// Both: i= is 1..50 (§4.2.1), a= is rsa-sha256 or ed25519-sha256 (rsa-sha1 is refused,
/// RFC 8301 §3.1; §4.1.3 cites RFC 6376's a= for the seal), d= and s= as isValidDkimDomain /
/// isValidDkimSelector, t= and x= decimal, b= and bh= non-empty base64. Unknown tags are
/// ignored. Tag names are case-sensitive and a repeated tag is invalid (RFC 6376 §3.2).

#include "DkimCanonicalization.h"
#include "DkimPublicKey.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verifier {

enum class ArcSignatureKind { MessageSignature, Seal };

struct ArcSignature
{
    ArcSignatureKind kind = ArcSignatureKind::MessageSignature;
    int instance = 0;                 ///< i=, 1..50; 0 when unreadable
    std::string algorithm;            ///< a=, lower case
    DkimKeyType keyType = DkimKeyType::Rsa;
    DkimHashAlgorithm hash = DkimHashAlgorithm::Sha256;
    std::string signature;            ///< b=, base64-decoded
    std::string bodyHash;             ///< bh= (AMS), base64-decoded
    /// c= (AMS; default simple/simple). The AS always uses relaxed header canonicalisation (§5.1.1).
    DkimCanonicalizationPair canonicalization;
    std::string domain;               ///< d=, lower case
    std::string selector;             ///< s=, lower case
    std::vector<std::string> signedHeaders; ///< h= (AMS), in order, trimmed
    std::optional<uint64_t> bodyLength;     ///< l= (AMS)
    std::optional<int64_t> timestamp;       ///< t=
    std::optional<int64_t> expiration;      ///< x=
    std::string chainValidation;      ///< cv= (AS), lower case: "none", "pass", "fail"

    /// The key record name, "<s>._domainkey.<d>" (RFC 6376 §3.6.2.1, used by §4.1.3 and §4.1.2).
    std::string keyName() const { return selector + "._domainkey." + domain; }
};

struct ArcSignatureParse
{
    /// Filled as far as it could be read, also on failure (for the report).
    ArcSignature signature;
    /// Empty when the field is valid; otherwise a short English sentence.
    std::string error;
    bool ok() const { return error.empty(); }
};

/// The largest instance number, RFC 8617 §4.2.1.
inline constexpr int kMaxArcInstance = 50;

/// Parses an instance value ("1" .. "50", decimal digits only). nullopt otherwise.
std::optional<int> parseArcInstanceValue(std::string_view value);

/// Parses and checks the value (HeaderField::rawValue) of an AMS or AS field. Total.
ArcSignatureParse parseArcSignature(std::string_view value, ArcSignatureKind kind);

} // namespace verifier
