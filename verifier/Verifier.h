#pragma once
/// verifier::verify(): the whole pipeline for one message. Synchronous and thread-safe; every
/// input from the outside world (DNS, time, trust, key stores) is passed in.
///
/// Order (explicit, as mailauth does it): From → Received chain and envelope → DKIM → SPF →
/// DMARC → ARC → Authentication-Results (trust) → S/MIME, OpenPGP → sender analysis → verdict.

#include "Message.h"
#include "ProviderProfile.h"
#include "Report.h"
#include "Resolver.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace verifier {

/// The SMTP envelope for SPF. Fields left empty are read from the trusted Received hop and
/// Return-Path.
struct Envelope
{
    std::string clientIp;
    std::string helo;
    /// nullopt: read Return-Path. An empty string: the null reverse-path.
    std::optional<std::string> mailFrom;
};

struct TrustPolicy
{
    /// Authentication-Results authserv-ids the user trusts (starts empty).
    std::vector<std::string> authservIds;
    /// Host names of the receiving side (relays above the trust boundary).
    std::vector<std::string> relays;
    /// ARC sealer domains the user trusts.
    std::vector<std::string> arcSealers;
    /// Domains the user trusts or corresponds with (lookalike detection).
    std::vector<std::string> knownDomains;
    /// VBR vouching services the user trusts (RFC 5518); empty: no vouch is ever asked for.
    std::vector<std::string> vouchingServices;
    /// The user's provider (resources/providers): its ids, id families, hosts, networks and ARC
    /// sealers are trusted as if listed above (ARCHITECTURE.md, "Providers").
    std::optional<ProviderProfile> provider;
};

struct SignatureSettings
{
    /// Extra trusted roots (PEM files) for S/MIME.
    std::vector<std::string> caFiles;
    bool useSystemCa = true;
    /// GNUPGHOME for OpenPGP; empty = skip OpenPGP verification of unknown keys, use default.
    std::string gnupgHome;
    bool enableOpenPgp = true;
};

struct VerifierLimits
{
    int maxDkimSignatures = 8;     ///< signatures evaluated per message (more are NotEvaluated)
    /// Of those, signatures whose d= cannot align with From (another organisation): they cannot
    /// change DMARC, so only a few are looked up, after DMARC has been decided.
    int maxUnalignedDkimSignatures = 3;
    /// Mail is "fresh" for this long after the trust-boundary hop received it (ARCHITECTURE.md,
    /// "Evidence that time has made unverifiable"); older mail is "old".
    int64_t freshSeconds = 24 * 3600;
    /// Distinct DNS questions per message, all checks together (verifier/dns/QueryBudget.h);
    /// later ones are temporary errors and the report warns (FindingCode::DnsLimitReached).
    int maxDnsQueries = 100;
    /// Milliseconds per message spent waiting for DNS, all checks together; used only when
    /// VerifyContext::dnsClock is set (0 = no time budget).
    int64_t maxDnsMillis = 30000;
    int minRsaBits = 1024;         ///< RFC 8301
    int64_t clockSkewSeconds = 300;
};

struct VerifyContext
{
    const Resolver *resolver = nullptr;
    /// The time to verify at (Unix seconds). Never read inside the verifier.
    int64_t now = 0;
    Envelope envelope;
    TrustPolicy trust;
    SignatureSettings signatures;
    VerifierLimits limits;
    /// A monotonic millisecond clock for VerifierLimits::maxDnsMillis (the verifier never reads
    /// the time itself); empty = no time budget.
    std::function<int64_t()> dnsClock;
    /// A name for the report's `source`.
    std::string source;
};

Report verify(const Message &message, const VerifyContext &context);

} // namespace verifier
