#include "OpenPgpVerifier.h"

#include "GpgLimits.h"
#include "MailboxMatch.h"
#include "SignatureCoverage.h"
#include "Strings.h"

#include <gpgme++/context.h>
#include <gpgme++/data.h>
#include <gpgme++/error.h>
#include <gpgme++/global.h>
#include <gpgme++/key.h>
#include <gpgme++/verificationresult.h>

#include <gpg-error.h>

#include <chrono>
#include <map>
#include <memory>
#include <mutex>

namespace verifier {

namespace {

constexpr int64_t kClockSkew = 300;
constexpr std::string_view kBeginSigned = "-----BEGIN PGP SIGNED MESSAGE-----";
constexpr std::string_view kEndSignature = "-----END PGP SIGNATURE-----";

bool isPgpSignatureType(const std::string &type) { return type == "application/pgp-signature"; }

std::string validityName(GpgME::UserID::Validity v)
{
    switch (v) {
    case GpgME::UserID::Unknown: return "unknown";
    case GpgME::UserID::Undefined: return "undefined";
    case GpgME::UserID::Never: return "never";
    case GpgME::UserID::Marginal: return "marginal";
    case GpgME::UserID::Full: return "full";
    case GpgME::UserID::Ultimate: return "ultimate";
    }
    return "unknown";
}

std::string validityName(GpgME::Signature::Validity v)
{
    switch (v) {
    case GpgME::Signature::Unknown: return "unknown";
    case GpgME::Signature::Undefined: return "undefined";
    case GpgME::Signature::Never: return "never";
    case GpgME::Signature::Marginal: return "marginal";
    case GpgME::Signature::Full: return "full";
    case GpgME::Signature::Ultimate: return "ultimate";
    }
    return "unknown";
}

std::string str(const char *s) { return s ? std::string(s) : std::string(); }

// Finds a line starting with @p marker at or after @p from; npos if none.
size_t findAtLineStart(std::string_view text, std::string_view marker, size_t from)
{
    size_t pos = from;
    while ((pos = text.find(marker, pos)) != std::string_view::npos) {
        if (pos == 0 || text[pos - 1] == '\n')
            return pos;
        ++pos;
    }
    return std::string_view::npos;
}

void initialiseGpgme()
{
    static std::once_flag once;
    std::call_once(once, [] { GpgME::initializeLibrary(); });
}

// One context per thread and GNUPGHOME, reused: setting a home directory makes GPGME ask the
// engine for its version (one more gpg process), which would double the cost of every verify.
GpgME::Context *contextFor(const std::string &home, int cpuSeconds, std::string *error)
{
    initialiseGpgme();
    thread_local std::map<std::string, std::unique_ptr<GpgME::Context>> contexts;
    const std::string key = std::to_string(cpuSeconds) + '/' + home;
    auto it = contexts.find(key);
    if (it != contexts.end())
        return it->second.get();
    std::unique_ptr<GpgME::Context> ctx(GpgME::Context::createForProtocol(GpgME::OpenPGP));
    if (!ctx) {
        *error = "GnuPG is not available";
        return nullptr;
    }
    if (cpuSeconds > 0) {
        // Never run gpg unbounded (GpgLimits.h): without the wrapper, no OpenPGP check.
        const std::string engine = boundedGpgEngine(cpuSeconds, error);
        if (engine.empty())
            return nullptr;
        if (const GpgME::Error e = ctx->setEngineFileName(engine.c_str()); e.code()) {
            *error = "gpg cannot be run with its limits: " + str(e.asString());
            return nullptr;
        }
    }
    if (!home.empty()) {
        const GpgME::Error e = ctx->setEngineHomeDirectory(home.c_str());
        if (e.code()) {
            *error = "the GnuPG home folder cannot be used: " + str(e.asString());
            return nullptr;
        }
    }
    ctx->setOffline(true); // never reach the network (no key fetching, no CRLs)
    if (contexts.size() >= 8)
        contexts.clear();
    return contexts.emplace(key, std::move(ctx)).first->second.get();
}

SignatureResult withReason(SignatureResult r, AuthResult result, std::string reason)
{
    r.result = result;
    r.reason = std::move(reason);
    return r;
}

} // namespace

std::optional<CleartextBlock> findCleartextBlock(const Message &message, const MimePart &root)
{
    for (const MimePart *part : displayedParts(root)) {
        if (part->encrypted || part->contentType != "text/plain")
            continue;
        CleartextBlock block;
        block.decoded = decodeTransferEncoding(part->bodyBytes(message), part->transferEncoding);
        const size_t begin = findAtLineStart(block.decoded, kBeginSigned, 0);
        if (begin == std::string::npos)
            continue;
        block.part = part;
        block.begin = begin;
        const size_t endMarker = findAtLineStart(block.decoded, kEndSignature, begin);
        if (endMarker == std::string::npos) {
            block.end = block.decoded.size();
        } else {
            const size_t eol = block.decoded.find('\n', endMarker);
            block.end = eol == std::string::npos ? block.decoded.size() : eol + 1;
            block.complete = true;
        }
        return block;
    }
    return std::nullopt;
}

const MimePart *findPgpMimeSignedPart(const MimePart &part)
{
    if (part.encrypted)
        return nullptr;
    if (part.contentType == "multipart/signed") {
        const std::string protocol = toLower(part.parameter("protocol"));
        if (isPgpSignatureType(protocol))
            return &part;
        if (protocol.empty() && part.children.size() >= 2 && isPgpSignatureType(part.children[1].contentType))
            return &part;
    }
    for (const auto &child : part.children)
        if (const MimePart *found = findPgpMimeSignedPart(child))
            return found;
    return nullptr;
}

std::optional<SignatureResult> verifyOpenPgp(const Message &message, const MimePart &root, const std::string &fromAddress,
                                             const SignatureSettings &settings, int64_t now)
{
    SignatureResult r;
    std::string signatureBytes, signedBytes;
    bool cleartext = false;

    if (const MimePart *part = findPgpMimeSignedPart(root)) {
        const SignatureCoverage coverage = signatureCoverage(message, root, *part);
        r.coversWholeBody = coverage.coversWholeBody;
        r.unsignedParts = coverage.unsignedParts;
        if (part->children.size() != 2)
            return withReason(r, AuthResult::PermError,
                              "multipart/signed must have exactly two parts (RFC 1847 §2.1), this one has "
                                  + std::to_string(part->children.size()));
        const MimePart &sigPart = part->children[1];
        if (!isPgpSignatureType(sigPart.contentType))
            return withReason(r, AuthResult::PermError,
                              "the second part of the multipart/signed is " + sigPart.contentType
                                  + ", not application/pgp-signature");
        signatureBytes = decodeTransferEncoding(sigPart.bodyBytes(message), sigPart.transferEncoding);
        // RFC 3156 §5: the signer canonicalised the first part to CRLF; Message holds it in that form.
        signedBytes = std::string(part->children[0].bytes(message));
    } else if (auto block = findCleartextBlock(message, root)) {
        cleartext = true;
        const SignatureCoverage coverage = signatureCoverage(message, root, *block->part);
        r.unsignedParts = coverage.unsignedParts;
        if (!trim(std::string_view(block->decoded).substr(0, block->begin)).empty())
            r.unsignedParts.insert(r.unsignedParts.begin(), "text before the signed block in " + describePart(*block->part));
        if (!trim(std::string_view(block->decoded).substr(block->end)).empty())
            r.unsignedParts.push_back("text after the signed block in " + describePart(*block->part));
        r.coversWholeBody = r.unsignedParts.empty();
        if (!block->complete)
            return withReason(r, AuthResult::PermError, "the inline signed block has no \"-----END PGP SIGNATURE-----\" line");
        signedBytes = block->decoded.substr(block->begin, block->end - block->begin);
    } else {
        return std::nullopt;
    }

    if (!settings.enableOpenPgp)
        return withReason(r, AuthResult::None, "OpenPGP verification is turned off");

    if (signatureBytes.size() > GpgLimits::kMaxSignatureBytes)
        return withReason(r, AuthResult::TempError,
                          "OpenPGP verification stopped at the limit of " +
                              std::to_string(GpgLimits::kMaxSignatureBytes) + " bytes of signature");

    std::string contextError;
    GpgME::Context *ctx = contextFor(settings.gnupgHome, settings.gpgCpuSeconds, &contextError);
    if (!ctx)
        return withReason(r, AuthResult::TempError, contextError);

    const auto started = std::chrono::steady_clock::now();
    GpgME::VerificationResult result;
    if (cleartext) {
        GpgME::Data in(signedBytes.data(), signedBytes.size(), true);
        GpgME::Data plain;
        result = ctx->verifyOpaqueSignature(in, plain);
    } else {
        GpgME::Data sig(signatureBytes.data(), signatureBytes.size(), true);
        GpgME::Data text(signedBytes.data(), signedBytes.size(), true);
        result = ctx->verifyDetachedSignature(sig, text);
    }
    const auto signatures = result.signatures();
    // gpg stopped by the CPU limit (the kernel ends it) or by --max-output: a bound, not a verdict
    // on the signature. gpg's wall time is at least its CPU time, but the kernel's CPU count and
    // this clock differ by a little (999 ms measured for a 1 s limit, 1 run in 25): 50 ms of slack.
    // A normal gpg run that finds no signature takes a few milliseconds, far below that.
    const bool stoppedAtCpu = settings.gpgCpuSeconds > 0 &&
        std::chrono::steady_clock::now() - started >=
            std::chrono::seconds(settings.gpgCpuSeconds) - std::chrono::milliseconds(50);
    if ((signatures.empty() || result.error().code()) &&
        (stoppedAtCpu || result.error().code() == GPG_ERR_TOO_LARGE)) {
        return withReason(r, AuthResult::TempError,
                          stoppedAtCpu ? "OpenPGP verification stopped at the limit of " +
                                             std::to_string(settings.gpgCpuSeconds) + " s of gpg CPU time"
                                       : "OpenPGP verification stopped at the limit of " +
                                             std::to_string(GpgLimits::kMaxOutputBytes) + " bytes of gpg output");
    }
    if (signatures.empty()) {
        const std::string why = result.error().code() ? ": " + str(result.error().asString()) : std::string();
        return withReason(r, AuthResult::PermError, "no readable OpenPGP signature" + why);
    }

    // Every signature must be good; the one whose key names From is reported.
    int chosen = -1;
    GpgME::Key chosenKey;
    for (size_t i = 0; i < signatures.size(); ++i) {
        const GpgME::Signature &s = signatures[i];
        const unsigned code = s.status().code();
        const std::string fpr = str(s.fingerprint());
        if (code == GPG_ERR_NO_PUBKEY || (s.summary() & GpgME::Signature::KeyMissing)) {
            r.fingerprint = fpr;
            return withReason(r, AuthResult::Neutral,
                              "signed by unknown key " + fpr
                                  + " (not in your keyring; Sealcheck never fetches keys by itself)");
        }
        if (code == GPG_ERR_BAD_SIGNATURE || (s.summary() & GpgME::Signature::Red && code != GPG_ERR_KEY_EXPIRED
                                              && code != GPG_ERR_CERT_REVOKED && code != GPG_ERR_SIG_EXPIRED)) {
            // gpg reports only the key ID for a bad signature: name the key when it is known.
            r.fingerprint = fpr;
            GpgME::Error keyError;
            const GpgME::Key key = ctx->key(fpr.c_str(), keyError, false);
            if (!key.isNull()) {
                r.fingerprint = str(key.primaryFingerprint());
                for (const auto &uid : key.userIDs())
                    if (!uid.isRevoked() && !uid.isInvalid() && uid.email() && *uid.email())
                        r.signerAddresses.push_back(escapeForDisplay(str(uid.email())));
                if (!r.signerAddresses.empty())
                    r.signer = r.signerAddresses.front();
            }
            return withReason(r, AuthResult::Fail,
                              "the signature does not match the signed content (the message was changed after signing)");
        }
        if (code != GPG_ERR_NO_ERROR && code != GPG_ERR_KEY_EXPIRED && code != GPG_ERR_CERT_REVOKED
            && code != GPG_ERR_SIG_EXPIRED) {
            r.fingerprint = fpr;
            return withReason(r, AuthResult::PermError, "the signature cannot be checked: " + str(s.status().asString()));
        }
        GpgME::Error keyError;
        GpgME::Key key = ctx->key(fpr.c_str(), keyError, false);
        bool matches = false;
        for (const auto &uid : key.userIDs())
            matches = matches || (!uid.isRevoked() && !uid.isInvalid() && sameMailbox(str(uid.email()), fromAddress));
        if (chosen < 0 || (matches && !r.matchesFrom)) {
            chosen = int(i);
            chosenKey = key;
            r.matchesFrom = matches;
        }
    }
    const GpgME::Signature &sig = signatures[size_t(chosen)];
    r.result = AuthResult::Pass;
    r.signingTime = int64_t(sig.creationTime());
    r.fingerprint = chosenKey.isNull() ? str(sig.fingerprint()) : str(chosenKey.primaryFingerprint());

    bool validUid = false;
    GpgME::UserID::Validity uidValidity = GpgME::UserID::Unknown;
    for (const auto &uid : chosenKey.userIDs()) {
        if (uid.isRevoked() || uid.isInvalid())
            continue;
        const std::string email = str(uid.email());
        if (!email.empty())
            r.signerAddresses.push_back(escapeForDisplay(email));
        if (sameMailbox(email, fromAddress) && (!validUid || uid.validity() > uidValidity)) {
            validUid = true;
            uidValidity = uid.validity();
            r.signer = escapeForDisplay(email);
            r.signerName = escapeForDisplay(str(uid.name()));
        }
    }
    if (!validUid) {
        const auto uids = chosenKey.userIDs();
        if (!uids.empty()) {
            r.signer = escapeForDisplay(str(uids.front().email()));
            r.signerName = escapeForDisplay(str(uids.front().name()));
        }
    }
    const bool validityOk = validUid ? uidValidity >= GpgME::UserID::Full
                                     : sig.validity() >= GpgME::Signature::Full;
    r.issuer = "key validity: " + (validUid ? validityName(uidValidity) : validityName(sig.validity()));

    std::string trustProblem;
    const unsigned code = sig.status().code();
    if (code == GPG_ERR_CERT_REVOKED || (sig.summary() & GpgME::Signature::KeyRevoked) || chosenKey.isRevoked())
        trustProblem = "the key is revoked";
    else if (chosenKey.isDisabled())
        trustProblem = "the key is disabled";
    else if (code == GPG_ERR_SIG_EXPIRED || (sig.summary() & GpgME::Signature::SigExpired)
             || (!sig.neverExpires() && sig.expirationTime() != 0 && int64_t(sig.expirationTime()) < now))
        trustProblem = "the signature has expired";
    else if (r.signingTime && *r.signingTime > now + kClockSkew)
        trustProblem = "the signature was made in the future";
    else if (!validityOk)
        trustProblem = "the key's validity is " + (validUid ? validityName(uidValidity) : validityName(sig.validity()))
            + " (not certified by a key you trust)";
    if (trustProblem.empty()) {
        for (const auto &sub : chosenKey.subkeys()) {
            if (str(sub.fingerprint()) == str(sig.fingerprint())) {
                if (code == GPG_ERR_KEY_EXPIRED || (!sub.neverExpires() && int64_t(sub.expirationTime()) < now))
                    trustProblem = "the key has expired";
                break;
            }
        }
        if (trustProblem.empty() && code == GPG_ERR_KEY_EXPIRED)
            trustProblem = "the key has expired";
    }
    r.trusted = trustProblem.empty();

    std::string reason = "valid signature by " + (r.signer.empty() ? std::string("key ") + r.fingerprint : r.signer);
    if (signatures.size() > 1)
        reason += " (" + std::to_string(signatures.size()) + " signatures, all valid)";
    reason += r.trusted ? "; the key is valid (" + r.issuer.substr(14) + ")" : "; " + trustProblem;
    if (!r.matchesFrom)
        reason += "; no user ID of the key names the From address " + escapeForDisplay(fromAddress);
    if (!r.coversWholeBody)
        reason += "; the signature covers only part of the message";
    r.reason = reason;
    return r;
}

} // namespace verifier
