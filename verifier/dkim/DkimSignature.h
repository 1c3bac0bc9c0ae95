#pragma once
/// The tags of one DKIM-Signature field, RFC 6376 §3.5, checked for everything that can be
/// checked without DNS, the body or the clock.

#include "DkimCanonicalization.h"
#include "DkimPublicKey.h"
#include "DkimTagList.h"
#include "Report.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verifier {

struct DkimSignature
{
    /// The most names one h= may list (issue 24): no real signer comes near it (a field signed
    /// twice to prevent additions doubles a list of about 20), and a long list costs hashing
    /// time on every message. More is permerror/SignatureSyntax.
    static constexpr size_t kMaxSignedHeaders = 1000;

    std::string algorithm;            ///< a=, lower case ("rsa-sha256", "ed25519-sha256", "rsa-sha1")
    DkimKeyType keyType = DkimKeyType::Rsa;
    DkimHashAlgorithm hash = DkimHashAlgorithm::Sha256;
    std::string signature;            ///< b=, base64-decoded
    std::string bodyHash;             ///< bh=, base64-decoded
    DkimCanonicalizationPair canonicalization; ///< c= (default simple/simple)
    std::string canonicalizationText; ///< "relaxed/simple"
    std::string domain;               ///< d=, lower case (SDID)
    std::string selector;             ///< s=, lower case
    std::string identity;             ///< i= as written, or "@" + d= when absent (AUID)
    std::string identityDomain;       ///< the domain part of i=, lower case
    std::vector<std::string> signedHeaders; ///< h=, in order, as written (at most kMaxSignedHeaders)
    /// True when h= named more than kMaxSignedHeaders fields (signedHeaders holds the first ones).
    bool signedHeadersTruncated = false;
    std::optional<uint64_t> bodyLength;     ///< l=
    std::optional<int64_t> timestamp;       ///< t=
    std::optional<int64_t> expiration;      ///< x=
    DkimTagList tags;

    /// The key record name, "<s>._domainkey.<d>" (§3.6.2.1).
    std::string keyName() const { return selector + "._domainkey." + domain; }
};

struct DkimSignatureParse
{
    /// Filled as far as it could be read, also on failure (for the report).
    DkimSignature signature;
    DkimFailure failure = DkimFailure::None;
    /// A short English sentence when failure != None.
    std::string reason;
    bool ok() const { return failure == DkimFailure::None; }
};

/// Parses and checks a DKIM-Signature field value (HeaderField::rawValue). Failures, in the
/// order checked: SignatureSyntax (tag-list, §3.2; malformed l=, t=, x=, h=, b=, bh=; h= of
/// more than kMaxSignedHeaders names),
/// MissingTag (v, a, b, bh, d, h, s: §3.5), UnsupportedVersion (v= not "1"),
/// UnsupportedAlgorithm, UnsupportedCanonicalization, UnsupportedQueryMethod (q= without
/// dns/txt), InvalidDomain (d= not a domain name of at least two LDH labels, s= not a
/// selector: §3.5, RFC 5321 §4.1.2), FromNotSigned (§5.4), IdentityMismatch (i= not d= or a
/// subdomain: §3.5), TimestampOrder (x= not after t=, §3.5). rsa-sha1 is accepted here; the
/// verifier refuses it (RFC 8301).
DkimSignatureParse parseDkimSignature(std::string_view value);

/// A domain name as d= needs it: ASCII LDH labels of 1..63 bytes, no label starting or ending
/// with '-', at least two labels, at most 253 bytes, no trailing dot (RFC 6376 §3.5 "d=",
/// RFC 5321 §4.1.2 sub-domain). "legitimate.com(.attacker.com" is not one.
bool isValidDkimDomain(std::string_view domain);
/// A selector, RFC 6376 §3.1: dot-separated labels as for domains (one label suffices);
/// '_' is tolerated inside labels as widely deployed.
bool isValidDkimSelector(std::string_view selector);

} // namespace verifier
