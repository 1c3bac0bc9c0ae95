#pragma once
/// DomainKeys, RFC 4870 (historic: DKIM, RFC 6376, replaced it). Every DomainKey-Signature
/// field is checked and reported; the verdict never weighs the result (a warning says the
/// message uses a historic method).
///
/// Per signature (RFC 4870 §3.3–§3.6):
///  - tags b=, d=, s= are required; a= is "rsa-sha1" and q= "dns" (the defaults); c= is
///    "simple" (default) or "nofws"; h= optional. A missing or unsupported tag is permerror.
///  - the sending address is the signed Sender field when there is one, else the signed From
///    (§3.2; "signed": below the signature and named in h= when h= is present; an unsigned
///    Sender is ignored). The message must hold exactly one field of that name, with one
///    mailbox, whose domain is d= or a subdomain of it; otherwise permerror.
///  - the key is the TXT record at <s>._domainkey.<d> (read with DkimKeyRecord; k= must be rsa,
///    an empty p= means revoked → permerror; g= non-empty must match the sender's local part, '*'
///    matching any run); no key → permerror; a temporary DNS failure → temperror. RSA keys below
///    DomainKeysOptions::minRsaBits are refused (permerror).
///  - the signed data (§3.4): the header fields BELOW the signature (all, in message order; or,
///    with h=, for each distinct name in h= order every instance below, in message order), then the empty line and the body; trailing empty lines
///    of the body are dropped and, when nothing is left, the empty line too. "simple" passes
///    every line as it is; "nofws" removes SP, HTAB, CR and LF inside each (unfolded) line.
///  - RSA PKCS#1 v1.5 with SHA-1 over that data (DkimPublicKey): pass or fail.

#include "Message.h"
#include "Report.h"
#include "Resolver.h"

#include <string>
#include <vector>

namespace verifier {

struct DomainKeysOptions
{
    int minRsaBits = 1024;     ///< RFC 8301 applies to DKIM; the same floor by default
    size_t maxSignatures = 4;  ///< further DomainKey-Signature fields are not evaluated (neutral)
};

enum class DomainKeysCanonicalization { Simple, NoFws };

class DomainKeysVerifier
{
public:
    /// One result per DomainKey-Signature field, top to bottom ([] when there is none).
    static std::vector<DomainKeysResult> verify(const Message &message, const Resolver &resolver,
                                                const DomainKeysOptions &options = {});

    /// The bytes a signature in field @p signatureIndex covers (§3.4). @p headerList is h= split
    /// into names; @p haveHeaderList false means every field below the signature.
    static std::string signedData(const Message &message, size_t signatureIndex,
                                  const std::vector<std::string> &headerList, bool haveHeaderList,
                                  DomainKeysCanonicalization canonicalization);
};

} // namespace verifier
