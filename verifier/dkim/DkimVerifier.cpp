#include "DkimVerifier.h"

#include "DkimBodyCanonicalizer.h"
#include "DkimCanonicalization.h"
#include "DkimKeyRecord.h"
#include "DkimPublicKey.h"
#include "DkimSignature.h"
#include "Strings.h"

#include <optional>
#include <string>

namespace verifier {

namespace {

// One canonicalised body hash, shared by signatures that ask for the same one.
struct BodyHash
{
    DkimCanonicalization canonicalization;
    DkimHashAlgorithm hash;
    std::optional<uint64_t> limit;
    std::string digest;
    uint64_t totalLength = 0;
};

const BodyHash &bodyHash(std::vector<BodyHash> &cache, std::string_view body, DkimCanonicalization c,
                         DkimHashAlgorithm hash, std::optional<uint64_t> limit)
{
    for (const BodyHash &b : cache)
        if (b.canonicalization == c && b.hash == hash && b.limit == limit)
            return b;
    DkimHasher hasher(hash);
    DkimBodyCanonicalizer canon(c, [&hasher](std::string_view piece) { hasher.update(piece); }, limit);
    canon.update(body);
    canon.finish();
    cache.push_back(BodyHash{c, hash, limit, hasher.final(), canon.totalLength()});
    return cache.back();
}

void setResult(DkimResult &r, AuthResult result, DkimFailure failure, std::string reason)
{
    r.result = result;
    r.failure = failure;
    r.reason = std::move(reason);
}

// The fields whose unsigned presence a reader would be misled by.
constexpr std::string_view kKeyFields[] = {"from", "subject", "date", "to", "cc", "reply-to",
                                           "content-type", "message-id"};

std::vector<std::string> findUnsignedInstances(const Message &message, const std::vector<std::string> &signedNames)
{
    std::vector<std::string> out;
    auto add = [&out](std::string name) {
        for (const std::string &o : out)
            if (o == name)
                return;
        out.push_back(std::move(name));
    };
    for (const std::string &name : signedNames) {
        const std::string lower = toLower(name);
        size_t listed = 0;
        for (const std::string &other : signedNames)
            if (equalsIgnoreCase(other, lower))
                ++listed;
        if (message.count(lower) > listed)
            add(lower);
    }
    for (std::string_view key : kKeyFields) {
        bool listed = false;
        for (const std::string &name : signedNames)
            if (equalsIgnoreCase(name, key))
                listed = true;
        if (!listed && message.count(key) > 0)
            add(std::string(key));
    }
    return out;
}

void verifyOne(const Message &message, const HeaderField &field, const Resolver &resolver, int64_t now,
               const VerifierLimits &limits, std::vector<BodyHash> &bodyCache, DkimResult &r)
{
    DkimSignatureParse parsed = parseDkimSignature(field.rawValue);
    const DkimSignature &sig = parsed.signature;
    r.domain = sig.domain;
    r.selector = sig.selector;
    r.identity = sig.identity;
    r.algorithm = sig.algorithm;
    r.canonicalization = sig.canonicalizationText;
    r.signedHeaders = sig.signedHeaders;
    // The start of b= as Authentication-Results' header.b names it (RFC 6008: 8+ characters):
    // 12 bytes are exactly the first 16 base64 characters.
    r.signatureStart = base64Encode(std::string_view(sig.signature).substr(0, 12));
    r.bodyLengthLimit = sig.bodyLength;
    r.timestamp = sig.timestamp;
    r.expiration = sig.expiration;
    if (!sig.signedHeaders.empty())
        r.unsignedInstances = findUnsignedInstances(message, sig.signedHeaders);
    if (!parsed.ok()) {
        setResult(r, AuthResult::PermError, parsed.failure, parsed.reason);
        return;
    }
    r.keyType = std::string(dkimKeyTypeName(sig.keyType));

    // Time checks (§3.5 t=, x=), with the configured clock skew.
    if (sig.timestamp && *sig.timestamp > now + limits.clockSkewSeconds) {
        setResult(r, AuthResult::PermError, DkimFailure::FutureTimestamp,
                  "The signature claims to have been made in the future (t=).");
        return;
    }
    if (sig.expiration && *sig.expiration + limits.clockSkewSeconds < now) {
        setResult(r, AuthResult::PermError, DkimFailure::Expired, "The signature has expired (x=).");
        return;
    }

    // The key (§3.6.2, §6.1.2).
    const DnsAnswer answer = resolver.query(sig.keyName(), RrType::TXT);
    r.dnssec = answer.secure;
    if (answer.temporary()) {
        setResult(r, AuthResult::TempError, DkimFailure::KeyUnavailable,
                  "The key " + sig.keyName() + " could not be looked up (DNS " +
                      std::string(dnsStatusName(answer.status)) + ").");
        return;
    }
    if (answer.status != DnsStatus::Ok || answer.records.empty()) {
        setResult(r, AuthResult::PermError, DkimFailure::KeyNotFound,
                  "There is no key record at " + sig.keyName() + ".");
        return;
    }
    std::optional<DkimKeyRecord> record;
    std::string firstError;
    for (const DnsRecord &txt : answer.records) {
        auto k = DkimKeyRecord::parse(txt.text);
        if (k) {
            record = std::move(k).value();
            r.keyRecord = txt.text;
            break;
        }
        if (firstError.empty()) {
            firstError = k.error().message;
            r.keyRecord = txt.text;
        }
    }
    if (!record) {
        setResult(r, AuthResult::PermError, DkimFailure::KeySyntax,
                  "The key record at " + sig.keyName() + " is malformed: " + firstError + ".");
        return;
    }
    r.testing = record->testing;
    if (record->testing)
        r.warnings.push_back("The signing domain marks its key as testing DKIM (t=y).");
    if (record->revoked) {
        setResult(r, AuthResult::PermError, DkimFailure::KeyRevoked, "The signing key has been revoked (empty p=).");
        return;
    }
    if (record->keyType != r.keyType) {
        setResult(r, AuthResult::PermError, DkimFailure::KeyAlgorithmMismatch,
                  "The key is of type \"" + record->keyType + "\" but the signature uses " + sig.algorithm + ".");
        return;
    }
    if (!record->allowsHash(dkimHashAlgorithmName(sig.hash))) {
        setResult(r, AuthResult::PermError, DkimFailure::KeyHashNotAllowed,
                  "The key record does not allow the hash algorithm " + std::string(dkimHashAlgorithmName(sig.hash)) + ".");
        return;
    }
    if (!record->allowsEmail()) {
        setResult(r, AuthResult::PermError, DkimFailure::KeyServiceType, "The key is not meant for e-mail (s=).");
        return;
    }
    if (record->strictSubdomain && sig.identityDomain != sig.domain) {
        setResult(r, AuthResult::PermError, DkimFailure::KeyStrictSubdomain,
                  "The key forbids identities in subdomains of " + sig.domain + " (t=s).");
        return;
    }
    auto key = DkimPublicKey::load(record->keyType, record->publicKey);
    if (!key) {
        setResult(r, AuthResult::PermError, DkimFailure::KeySyntax,
                  "The public key cannot be used: " + key.error().message + ".");
        return;
    }
    r.keyBits = key->bits();
    if (key->type() == DkimKeyType::Rsa) {
        if (key->bits() < limits.minRsaBits) {
            setResult(r, AuthResult::Fail, DkimFailure::KeyTooSmall,
                      "The RSA key has only " + std::to_string(key->bits()) + " bits; at least " +
                          std::to_string(limits.minRsaBits) + " are required (RFC 8301).");
            return;
        }
        if (key->bits() < 2048)
            r.warnings.push_back("The RSA key has only " + std::to_string(key->bits()) +
                                 " bits; 2048 or more are recommended.");
    }

    // Body hash (§3.7).
    const BodyHash &bh = bodyHash(bodyCache, message.body(), sig.canonicalization.body, sig.hash, sig.bodyLength);
    r.bodyLength = bh.totalLength;
    if (sig.bodyLength && *sig.bodyLength > bh.totalLength) {
        setResult(r, AuthResult::PermError, DkimFailure::BodyLengthExceeded,
                  "The body length l= is larger than the body.");
        return;
    }
    if (sig.bodyLength && *sig.bodyLength < bh.totalLength)
        r.warnings.push_back("The signature covers only the first " + std::to_string(*sig.bodyLength) + " of " +
                             std::to_string(bh.totalLength) + " body bytes (l=).");
    if (bh.digest != sig.bodyHash) {
        setResult(r, AuthResult::Fail, DkimFailure::BodyHashMismatch,
                  "The body was changed after signing (body hash mismatch).");
        return;
    }

    // Header hash and signature (§3.7, §5.4.2).
    std::string data;
    data.reserve(2048);
    for (const HeaderField *f : selectSignedHeaderFields(message, sig.signedHeaders))
        if (f)
            appendCanonicalHeaderField(data, f->raw, sig.canonicalization.header);
    data += canonicalSignatureFieldWithoutSignature(field.raw, sig.canonicalization.header);
    if (!key->verify(sig.hash, data, sig.signature)) {
        setResult(r, AuthResult::Fail, DkimFailure::SignatureMismatch,
                  "The signature does not verify; the signed header fields were changed or the key does not match.");
        return;
    }
    if (sig.hash == DkimHashAlgorithm::Sha1) {
        setResult(r, AuthResult::Fail, DkimFailure::WeakAlgorithm,
                  "The signature verifies but uses rsa-sha1, which is no longer accepted (RFC 8301).");
        return;
    }
    setResult(r, AuthResult::Pass, DkimFailure::None, "");
}

} // namespace

std::vector<DkimResult> verifyDkim(const Message &message, const Resolver &resolver, int64_t now,
                                   const VerifierLimits &limits)
{
    return verifyDkim(message, resolver, now, limits, nullptr, limits.maxDkimSignatures);
}

std::vector<DkimResult> verifyDkim(const Message &message, const Resolver &resolver, int64_t now,
                                   const VerifierLimits &limits,
                                   const std::function<bool(std::string_view signingDomain)> &select, int maxEvaluated)
{
    std::vector<DkimResult> results;
    std::vector<BodyHash> bodyCache;
    int evaluated = 0;
    for (const HeaderField &field : message.fields()) {
        if (!field.is("DKIM-Signature"))
            continue;
        DkimResult r;
        r.fieldIndex = field.index;
        std::optional<DkimSignatureParse> parsed;
        if (select) {
            parsed = parseDkimSignature(field.rawValue);
            if (!select(toLower(parsed->signature.domain)))
                continue;
        }
        if (evaluated >= maxEvaluated) {
            // Name the signer for the report without evaluating anything.
            if (!parsed)
                parsed = parseDkimSignature(field.rawValue);
            r.domain = parsed->signature.domain;
            r.selector = parsed->signature.selector;
            r.identity = parsed->signature.identity;
            r.algorithm = parsed->signature.algorithm;
            r.canonicalization = parsed->signature.canonicalizationText;
            r.signedHeaders = parsed->signature.signedHeaders;
            setResult(r, AuthResult::Neutral, DkimFailure::NotEvaluated,
                      select ? "Not evaluated: only " + std::to_string(maxEvaluated) +
                                   " signatures of this kind are checked per message."
                             : "Not evaluated: the message has more than " + std::to_string(maxEvaluated) +
                                   " signatures.");
        } else {
            ++evaluated;
            verifyOne(message, field, resolver, now, limits, bodyCache, r);
        }
        results.push_back(std::move(r));
    }
    return results;
}

} // namespace verifier
