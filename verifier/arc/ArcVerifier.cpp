#include "ArcVerifier.h"

#include "ArcAuthenticationResults.h"
#include "ArcSignature.h"
#include "DkimBodyCanonicalizer.h"
#include "DkimCanonicalization.h"
#include "DkimKeyRecord.h"
#include "DkimPublicKey.h"
#include "Strings.h"

#include <map>
#include <optional>
#include <string>
#include <utility>

namespace verifier {

namespace {

constexpr int64_t kClockSkewSeconds = 300;
constexpr int kMinRsaBits = 1024; // RFC 8301 §3.2
constexpr size_t kMaxArcFields = 3 * size_t(kMaxArcInstance);

struct ArcSet
{
    const HeaderField *seal = nullptr;
    const HeaderField *messageSignature = nullptr;
    const HeaderField *authResults = nullptr;
    ArcSignatureParse sealParse;
    ArcSignatureParse messageSignatureParse;
    ArcAuthenticationResults aar;
};

/// The outcome of one signature check: pass, or why not.
struct Check
{
    AuthResult result = AuthResult::Pass;
    std::string reason;
};

Check bad(AuthResult result, std::string reason) { return Check{result, std::move(reason)}; }

/// Key lookups of one verifyArc() call, one DNS query per key name.
class KeyLookup
{
public:
    explicit KeyLookup(const Resolver &resolver) : m_resolver(resolver) {}

    /// Finds and checks the key for @p sig (RFC 6376 §3.6.2, §6.1.2 as DKIM does).
    Check key(const ArcSignature &sig, std::optional<DkimPublicKey> &out)
    {
        const std::string name = sig.keyName();
        auto it = m_answers.find(name);
        if (it == m_answers.end())
            it = m_answers.emplace(name, m_resolver.query(name, RrType::TXT)).first;
        const DnsAnswer &answer = it->second;
        if (answer.temporary())
            return bad(AuthResult::TempError, "the key " + name + " could not be looked up (DNS " +
                                                  std::string(dnsStatusName(answer.status)) + ")");
        if (answer.status != DnsStatus::Ok || answer.records.empty())
            return bad(AuthResult::PermError, "there is no key record at " + name);
        std::optional<DkimKeyRecord> record;
        std::string firstError;
        for (const DnsRecord &txt : answer.records) {
            auto parsed = DkimKeyRecord::parse(txt.text);
            if (parsed) {
                record = std::move(parsed).value();
                break;
            }
            if (firstError.empty())
                firstError = parsed.error().message;
        }
        if (!record)
            return bad(AuthResult::PermError, "the key record at " + name + " is malformed: " + firstError);
        if (record->revoked)
            return bad(AuthResult::PermError, "the key at " + name + " has been revoked (empty p=)");
        if (record->keyType != dkimKeyTypeName(sig.keyType))
            return bad(AuthResult::PermError, "the key at " + name + " is of type " + record->keyType +
                                                  " but the signature uses " + sig.algorithm);
        if (!record->allowsHash(dkimHashAlgorithmName(sig.hash)))
            return bad(AuthResult::PermError, "the key at " + name + " does not allow " +
                                                  std::string(dkimHashAlgorithmName(sig.hash)));
        if (!record->allowsEmail())
            return bad(AuthResult::PermError, "the key at " + name + " is not meant for e-mail (s=)");
        auto key = DkimPublicKey::load(record->keyType, record->publicKey);
        if (!key)
            return bad(AuthResult::PermError, "the key at " + name + " cannot be used: " + key.error().message);
        if (key->type() == DkimKeyType::Rsa && key->bits() < kMinRsaBits)
            return bad(AuthResult::Fail, "the RSA key at " + name + " has only " + std::to_string(key->bits()) +
                                             " bits; at least 1024 are required (RFC 8301)");
        out = std::move(key).value();
        return {};
    }

private:
    const Resolver &m_resolver;
    std::map<std::string, DnsAnswer> m_answers;
};

Check timeChecks(const ArcSignature &sig, int64_t now)
{
    if (sig.timestamp && *sig.timestamp > now + kClockSkewSeconds)
        return bad(AuthResult::PermError, "its timestamp t= lies in the future");
    if (sig.expiration && *sig.expiration + kClockSkewSeconds < now)
        return bad(AuthResult::PermError, "it has expired (x=)");
    return {};
}

struct BodyHash
{
    DkimCanonicalization canonicalization;
    DkimHashAlgorithm hash;
    std::optional<uint64_t> limit;
    std::string digest;
    uint64_t totalLength = 0;
};

const BodyHash &bodyHash(std::vector<BodyHash> &cache, std::string_view body, const ArcSignature &sig)
{
    for (const BodyHash &b : cache)
        if (b.canonicalization == sig.canonicalization.body && b.hash == sig.hash && b.limit == sig.bodyLength)
            return b;
    DkimHasher hasher(sig.hash);
    DkimBodyCanonicalizer canon(
        sig.canonicalization.body, [&hasher](std::string_view piece) { hasher.update(piece); }, sig.bodyLength);
    canon.update(body);
    canon.finish();
    cache.push_back(BodyHash{sig.canonicalization.body, sig.hash, sig.bodyLength, hasher.final(), canon.totalLength()});
    return cache.back();
}

/// RFC 8617 §5.2 step 4/5: one AMS, validated as a DKIM signature (RFC 6376 §3.7).
Check checkMessageSignature(const Message &message, const ArcSet &set, int64_t now, KeyLookup &keys,
                            std::vector<BodyHash> &bodyCache)
{
    const ArcSignature &sig = set.messageSignatureParse.signature;
    if (Check c = timeChecks(sig, now); c.result != AuthResult::Pass)
        return c;
    std::optional<DkimPublicKey> key;
    if (Check c = keys.key(sig, key); c.result != AuthResult::Pass)
        return c;
    const BodyHash &bh = bodyHash(bodyCache, message.body(), sig);
    if (sig.bodyLength && *sig.bodyLength > bh.totalLength)
        return bad(AuthResult::PermError, "its body length l= is larger than the body");
    if (bh.digest != sig.bodyHash)
        return bad(AuthResult::Fail, "the body was changed after signing (body hash mismatch)");
    std::string data;
    data.reserve(2048);
    for (const HeaderField *f : selectSignedHeaderFields(message, sig.signedHeaders))
        if (f)
            appendCanonicalHeaderField(data, f->raw, sig.canonicalization.header);
    data += canonicalSignatureFieldWithoutSignature(set.messageSignature->raw, sig.canonicalization.header);
    if (!key->verify(sig.hash, data, sig.signature))
        return bad(AuthResult::Fail, "its signature does not verify (signed header fields changed)");
    return {};
}

/// RFC 8617 §5.2 step 6 with the hash input of §5.1.1: the ARC sets 1..i, each as AAR, AMS,
/// AS, relaxed; the AS being verified without its b= value and without a trailing CRLF.
Check checkSeal(const std::vector<ArcSet> &sets, size_t index, int64_t now, KeyLookup &keys)
{
    const ArcSignature &sig = sets[index].sealParse.signature;
    if (Check c = timeChecks(sig, now); c.result != AuthResult::Pass)
        return c;
    std::optional<DkimPublicKey> key;
    if (Check c = keys.key(sig, key); c.result != AuthResult::Pass)
        return c;
    std::string data;
    data.reserve(4096);
    constexpr auto relaxed = DkimCanonicalization::Relaxed;
    for (size_t j = 0; j <= index; ++j) {
        appendCanonicalHeaderField(data, sets[j].authResults->raw, relaxed);
        appendCanonicalHeaderField(data, sets[j].messageSignature->raw, relaxed);
        if (j < index)
            appendCanonicalHeaderField(data, sets[j].seal->raw, relaxed);
        else
            data += canonicalSignatureFieldWithoutSignature(sets[j].seal->raw, relaxed);
    }
    if (!key->verify(sig.hash, data, sig.signature))
        return bad(AuthResult::Fail, "its signature does not verify (the ARC sets were changed)");
    return {};
}

std::string normalisedDomain(std::string_view d)
{
    std::string out = toLower(trim(d));
    while (!out.empty() && out.back() == '.')
        out.pop_back();
    return out;
}

bool isTrustedSealer(const std::string &domain, const std::vector<std::string> &trusted)
{
    for (const std::string &t : trusted) {
        const std::string n = normalisedDomain(t);
        if (n.empty())
            continue;
        if (domain == n || (domain.size() > n.size() && domain.ends_with("." + n)))
            return true;
    }
    return false;
}

bool recordsDmarcPass(const ArcAuthenticationResults &aar, const std::string &fromDomain)
{
    const std::string from = normalisedDomain(fromDomain);
    if (!aar.parsed || from.empty())
        return false;
    for (const AuthMethodResult &m : aar.parsed->methods) {
        if (m.method != "dmarc" || m.result != "pass")
            continue;
        auto it = m.properties.find("header.from");
        if (it != m.properties.end() && normalisedDomain(it->second) == from)
            return true;
    }
    return false;
}

// Reasons quote tag values from the message: bounded and escaped before anyone shows them.
ArcResult failWith(ArcResult r, std::string reason)
{
    constexpr size_t kMaxReasonBytes = 400;
    if (reason.size() > kMaxReasonBytes)
        reason = reason.substr(0, kMaxReasonBytes) + "...";
    r.result = AuthResult::Fail;
    r.reason = escapeForDisplay(reason);
    r.oldestPass = 0;
    return r;
}

std::string setName(size_t index) { return "ARC set i=" + std::to_string(index + 1); }

} // namespace

ArcResult verifyArc(const Message &message, const Resolver &resolver, int64_t now,
                    const std::vector<std::string> &trustedSealers, const std::string &fromDomain)
{
    ArcResult r;

    // 1. Collect.
    std::vector<const HeaderField *> seals, signatures, results;
    for (const HeaderField &f : message.fields()) {
        if (f.is("ARC-Seal"))
            seals.push_back(&f);
        else if (f.is("ARC-Message-Signature"))
            signatures.push_back(&f);
        else if (f.is("ARC-Authentication-Results"))
            results.push_back(&f);
    }
    const size_t total = seals.size() + signatures.size() + results.size();
    if (total == 0) {
        r.result = AuthResult::None;
        r.reason = "The message has no ARC header fields.";
        return r;
    }
    if (total > kMaxArcFields)
        return failWith(r, "The message has " + std::to_string(total) + " ARC header fields; at most " +
                               std::to_string(kMaxArcFields) + " (50 ARC sets) are allowed (RFC 8617 §4.2.1).");

    // 2. Instances, and 3. structure: exactly one of each field per instance, 1..N.
    std::map<int, ArcSet> byInstance;
    for (const HeaderField *f : seals) {
        ArcSignatureParse p = parseArcSignature(f->rawValue, ArcSignatureKind::Seal);
        if (p.signature.instance == 0)
            return failWith(r, "An ARC-Seal has no valid instance tag i= (" +
                                   (p.ok() ? std::string("not a number from 1 to 50") : p.error) + ").");
        ArcSet &set = byInstance[p.signature.instance];
        if (set.seal)
            return failWith(r, "There are two ARC-Seal fields with i=" + std::to_string(p.signature.instance) + ".");
        set.seal = f;
        set.sealParse = std::move(p);
    }
    for (const HeaderField *f : signatures) {
        ArcSignatureParse p = parseArcSignature(f->rawValue, ArcSignatureKind::MessageSignature);
        if (p.signature.instance == 0)
            return failWith(r, "An ARC-Message-Signature has no valid instance tag i= (" +
                                   (p.ok() ? std::string("not a number from 1 to 50") : p.error) + ").");
        ArcSet &set = byInstance[p.signature.instance];
        if (set.messageSignature)
            return failWith(r, "There are two ARC-Message-Signature fields with i=" +
                                   std::to_string(p.signature.instance) + ".");
        set.messageSignature = f;
        set.messageSignatureParse = std::move(p);
    }
    for (const HeaderField *f : results) {
        auto p = parseArcAuthenticationResults(f->rawValue);
        if (!p)
            return failWith(r, "An ARC-Authentication-Results field is malformed: " + p.error().message + ".");
        ArcSet &set = byInstance[p->instance];
        if (set.authResults)
            return failWith(r, "There are two ARC-Authentication-Results fields with i=" +
                                   std::to_string(p->instance) + ".");
        set.authResults = f;
        set.aar = std::move(p).value();
    }

    const int newest = byInstance.rbegin()->first;
    r.instances = newest;
    std::vector<ArcSet> sets;
    sets.reserve(size_t(newest));
    for (int i = 1; i <= newest; ++i) {
        auto it = byInstance.find(i);
        if (it == byInstance.end())
            return failWith(r, "The ARC chain has no set with i=" + std::to_string(i) + " (instances must run from 1 to " +
                                   std::to_string(newest) + ").");
        sets.push_back(std::move(it->second));
    }

    // The report's view of each instance, filled before anything can stop the validation.
    for (size_t k = 0; k < sets.size(); ++k) {
        const ArcSet &set = sets[k];
        ArcInstance inst;
        inst.instance = int(k + 1);
        if (set.seal) {
            inst.domain = set.sealParse.signature.domain;
            inst.selector = set.sealParse.signature.selector;
            inst.cv = set.sealParse.signature.chainValidation;
        }
        if (set.authResults) {
            inst.authResults = escapeForDisplay(set.aar.payload);
            if (set.aar.parsed)
                inst.authservId = escapeForDisplay(set.aar.parsed->authservId);
        }
        r.chain.push_back(std::move(inst));
    }

    for (size_t k = 0; k < sets.size(); ++k) {
        const ArcSet &set = sets[k];
        const char *missing = !set.seal ? "ARC-Seal" : !set.messageSignature ? "ARC-Message-Signature"
                                                     : !set.authResults      ? "ARC-Authentication-Results"
                                                                             : nullptr;
        if (missing)
            return failWith(r, setName(k) + " is incomplete: it has no " + missing + ".");
    }

    // cv= (§5.2 steps 2 and 3), after the seal's own syntax.
    const ArcSet &last = sets.back();
    if (last.sealParse.ok() && last.sealParse.signature.chainValidation == "fail") {
        r.chain.back().sealResult = AuthResult::Fail;
        return failWith(r, "The newest ARC-Seal (i=" + std::to_string(newest) +
                               ") reports cv=fail: a sealer found the chain broken.");
    }
    for (size_t k = 0; k < sets.size(); ++k) {
        const ArcSet &set = sets[k];
        if (!set.sealParse.ok()) {
            r.chain[k].sealResult = AuthResult::PermError;
            return failWith(r, "The ARC-Seal of " + setName(k) + " is invalid: " + set.sealParse.error + ".");
        }
        if (!set.messageSignatureParse.ok()) {
            r.chain[k].messageSignatureResult = AuthResult::PermError;
            return failWith(r, "The ARC-Message-Signature of " + setName(k) + " is invalid: " +
                                   set.messageSignatureParse.error + ".");
        }
        const std::string &cv = set.sealParse.signature.chainValidation;
        const std::string want = k == 0 ? "none" : "pass";
        if (cv != want) {
            r.chain[k].sealResult = AuthResult::Fail;
            return failWith(r, "The ARC-Seal of " + setName(k) + " has cv=" + cv + "; it must be " + want +
                                   " (RFC 8617 §5.2).");
        }
    }

    KeyLookup keys(resolver);
    std::vector<BodyHash> bodyCache;

    // 4. The newest AMS.
    {
        const Check c = checkMessageSignature(message, last, now, keys, bodyCache);
        r.chain.back().messageSignatureResult = c.result;
        if (c.result != AuthResult::Pass)
            return failWith(r, "The ARC-Message-Signature of " + setName(sets.size() - 1) + " fails: " + c.reason +
                                   (c.result == AuthResult::TempError ? " (a temporary failure)." : "."));
    }

    // 5. oldest-pass.
    r.oldestPass = newest;
    for (size_t k = sets.size() - 1; k-- > 0;) {
        const Check c = checkMessageSignature(message, sets[k], now, keys, bodyCache);
        r.chain[k].messageSignatureResult = c.result;
        if (c.result != AuthResult::Pass)
            break;
        r.oldestPass = int(k + 1);
    }

    // 6. Every seal, newest first.
    for (size_t k = sets.size(); k-- > 0;) {
        const Check c = checkSeal(sets, k, now, keys);
        r.chain[k].sealResult = c.result;
        if (c.result != AuthResult::Pass)
            return failWith(r, "The ARC-Seal of " + setName(k) + " fails: " + c.reason +
                                   (c.result == AuthResult::TempError ? " (a temporary failure)." : "."));
    }

    // 7. pass.
    r.result = AuthResult::Pass;
    r.reason = "The ARC chain of " + std::to_string(newest) + (newest == 1 ? " set" : " sets") + " validates; newest sealer " +
               r.chain.back().domain + ".";
    // Every trusted sealer's record is read, not only the newest one's (mail forwarded by a list
    // and then by the user's provider carries both), but only where the message is still what that
    // sealer signed: its ARC-Message-Signature and every newer one validate (k >= oldest-pass), so
    // a later forwarder cannot have changed what the trusted sealer vouched for.
    for (size_t k = sets.size(); k-- > 0;) {
        if (int(k + 1) < r.oldestPass || !isTrustedSealer(r.chain[k].domain, trustedSealers))
            continue;
        r.trustedSealer = true;
        if (recordsDmarcPass(sets[k].aar, fromDomain)) {
            r.trustedDmarcPass = true;
            r.overrideSealer = r.chain[k].domain;
            break;
        }
    }
    return r;
}

} // namespace verifier
