#pragma once
/// A DKIM key record, the TXT record at <selector>._domainkey.<domain>, RFC 6376 §3.6.1
/// (ed25519 key type: RFC 8463 §4). Also used by ARC (RFC 8617 §4.1.3).

#include "Expected.h"

#include <string>
#include <string_view>
#include <vector>

namespace verifier {

struct DkimKeyRecord
{
    /// k= (lower case); "rsa" when absent (§3.6.1). Unknown types are kept as written; the
    /// verifier rejects them.
    std::string keyType = "rsa";
    /// h= (lower case); empty = every hash algorithm allowed.
    std::vector<std::string> hashAlgorithms;
    /// s= (lower case); default "*".
    std::vector<std::string> serviceTypes{"*"};
    /// t=y: the domain is testing DKIM (§3.6.1).
    bool testing = false;
    /// t=s: i= must not be a subdomain of d= (§3.6.1).
    bool strictSubdomain = false;
    /// p= decoded from base64. Empty when the key is revoked.
    std::string publicKey;
    /// p= is present but empty: the key is revoked (§3.6.1).
    bool revoked = false;
    /// n= as written (notes for humans).
    std::string notes;

    /// True when h= is absent or lists @p hash ("sha256", "sha1").
    bool allowsHash(std::string_view hash) const;
    /// True when s= lists "*" or "email".
    bool allowsEmail() const;

    /// Parses the TXT record text (the concatenated character-strings). Errors: the tag-list
    /// does not parse, v= present and not "DKIM1" or not first, p= missing or not base64.
    /// Unknown tags and unknown flags/service types are ignored (§3.6.1).
    static Expected<DkimKeyRecord> parse(std::string_view text);
};

} // namespace verifier
