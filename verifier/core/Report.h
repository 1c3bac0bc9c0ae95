#pragma once
/// verifier::Report: everything one verification found, as a plain, copyable, comparable value.
/// The UI, the store and the CLI all read the same Report; the verdict is computed only in
/// Verdict.cpp. Serialised to the JSON of CLI.md by ReportJson.h.
///
/// Texts: `reason` strings here are short English explanations for the CLI and logs. The UI
/// does not show them as they are: it maps the `code` of each Finding to a translated sentence.

#include "AuthResult.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace verifier {

// ---------------------------------------------------------------- From

enum class AddressListKind { None, One, Several, Ambiguous, Invalid };

struct FromInfo
{
    /// The From field(s) value as written, unfolded, escaped for display.
    std::string header;
    /// The one mailbox's address (local@domain, domain normalised) when kind == One.
    std::optional<std::string> address;
    std::string localPart;
    /// A-label, lower case. Empty unless kind == One.
    std::string domain;
    /// Decoded (RFC 2047 / UTF-8) display name, escaped for display.
    std::string displayName;
    AddressListKind kind = AddressListKind::None;
    /// How many From fields the header holds.
    int fieldCount = 0;
    /// Why the kind is not One (empty when it is).
    std::string problem;
    /// The display name (after RFC 2047 decoding) holds an e-mail address or a domain name
    /// (Mailsploit, "Composition Kills"): set by the From analysis, weighed by the verdict.
    bool displayNameHasAddress = false;
    /// The display name or address holds control, bidi or invisible characters.
    bool hasDeceptiveCharacters = false;
    bool operator==(const FromInfo &) const = default;
};

// ---------------------------------------------------------------- DKIM

enum class DkimFailure {
    None,
    SignatureSyntax,          ///< the tag-list does not parse, or a tag value is malformed
    MissingTag,               ///< v, a, b, bh, d, h or s missing
    UnsupportedVersion,       ///< v= is not 1
    UnsupportedAlgorithm,     ///< a= is unknown
    UnsupportedCanonicalization,
    UnsupportedQueryMethod,   ///< q= has no dns/txt
    FromNotSigned,            ///< h= does not include From (RFC 6376 §5.4)
    InvalidDomain,            ///< d= or s= is not a valid domain/selector
    IdentityMismatch,         ///< i= is not d= or a subdomain of it
    Expired,                  ///< x= is before now
    FutureTimestamp,          ///< t= is after now (beyond a small skew)
    TimestampOrder,           ///< x= before t=
    WeakAlgorithm,            ///< rsa-sha1 (RFC 8301)
    KeyUnavailable,           ///< DNS temporary failure (temperror)
    KeyNotFound,              ///< no key record (NXDOMAIN / NODATA)
    KeySyntax,                ///< the key record does not parse
    KeyRevoked,               ///< empty p=
    KeyTooSmall,              ///< RSA key under 1024 bits (RFC 8301)
    KeyAlgorithmMismatch,     ///< k= does not match a=
    KeyHashNotAllowed,        ///< the key's h= excludes the signature's hash
    KeyServiceType,           ///< s= of the key excludes email
    KeyStrictSubdomain,       ///< t=s and i= is a subdomain of d=
    BodyLengthExceeded,       ///< l= larger than the body
    BodyHashMismatch,         ///< bh= does not match the canonicalised body
    SignatureMismatch,        ///< b= does not verify
    NotEvaluated,             ///< beyond the number of signatures evaluated per message
};

std::string_view dkimFailureName(DkimFailure failure);

struct DkimResult
{
    AuthResult result = AuthResult::None;
    DkimFailure failure = DkimFailure::None;
    std::string reason;
    std::string domain;       ///< d=, lower case
    std::string selector;     ///< s=
    std::string identity;     ///< i= (AUID) as written, or "@d" when absent
    std::string algorithm;    ///< a=
    std::string canonicalization; ///< c=, e.g. "relaxed/relaxed"
    int keyBits = 0;
    std::string keyType;      ///< "rsa" or "ed25519"
    bool dnssec = false;      ///< the key record was DNSSEC-secure
    bool testing = false;     ///< the key record has t=y
    /// Set by the DMARC stage: d= aligned with the From domain.
    bool aligned = false;
    std::optional<uint64_t> bodyLengthLimit; ///< l=
    uint64_t bodyLength = 0;  ///< the canonicalised body length
    /// The field names listed in h=, in order, as written.
    std::vector<std::string> signedHeaders;
    /// Names of fields that appear in the header more often than h= covers them, so that an
    /// instance is not signed (e.g. a second From placed above the signed one).
    std::vector<std::string> unsignedInstances;
    std::optional<int64_t> timestamp;   ///< t=
    std::optional<int64_t> expiration;  ///< x=
    std::string keyRecord;    ///< the TXT record used
    /// The first 16 base64 characters of b=, to match an Authentication-Results header.b (RFC 6008).
    std::string signatureStart;
    std::vector<std::string> warnings;
    size_t fieldIndex = 0;    ///< index of the DKIM-Signature field in the header

    // Key memory (set by the app, app/core/RememberedVerification.h; the verifier leaves them unset).
    /// The key record was no longer published (NXDOMAIN/NODATA, or revoked with an empty p=) and
    /// the one Sealcheck remembered was used instead: when that record was first seen (Unix s).
    std::optional<int64_t> rememberedKeySince;
    /// With rememberedKeySince: when the remembered record was last seen published.
    std::optional<int64_t> rememberedKeyLastSeen;
    /// Another key record was remembered for the same selector before this one appeared.
    bool keyChanged = false;
    /// The user pinned a key for this domain (and selector, or every selector) and it matches.
    bool keyPinned = false;
    /// The user pinned a key for this domain (and selector) and the record used differs.
    bool pinnedKeyChanged = false;
    /// The user accepted this signing domain for the message's From domain ("mail from Y is
    /// signed by its sending service X"); weighed by the verdict only for a valid signature
    /// covering the whole message.
    bool acceptedSigner = false;

    /// True when the signature authenticates the whole message: pass, no body bytes after l=,
    /// no unsigned extra instance of a signed field.
    bool coversWholeMessage() const
    {
        return result == AuthResult::Pass && unsignedInstances.empty() &&
               (!bodyLengthLimit || *bodyLengthLimit >= bodyLength);
    }
    bool operator==(const DkimResult &) const = default;
};

/// A remembered DKIM key vouches for a message only when Sealcheck saw it published around the
/// message's arrival at the trust boundary (the trusted Received hop, never the sender's Date):
///  - first seen no later than kRememberedKeyGraceSeconds after the arrival (the first check of
///    a new message runs soon after it arrives; a week allows for a computer left off). A key
///    first seen long after cannot vouch for older mail: it may be a key published later
///    (a taken-over domain) to make back-dated mail pass.
///  - last seen no earlier than the arrival: a key withdrawn before the message arrived cannot
///    vouch for it (an old key disclosed after rotation, a replay).
/// Used by the app when it offers a remembered key, and again by the verdict.
inline constexpr int64_t kRememberedKeyGraceSeconds = 7 * 24 * 3600;
inline bool rememberedKeyCoversArrival(int64_t firstSeen, int64_t lastSeen, int64_t arrival)
{
    return firstSeen <= arrival + kRememberedKeyGraceSeconds && lastSeen >= arrival;
}

// ---------------------------------------------------------------- SPF

struct SpfResult
{
    AuthResult result = AuthResult::None;
    /// The domain checked (from MAIL FROM, or the HELO name for the null reverse-path).
    std::string domain;
    /// "mailfrom" or "helo".
    std::string identity;
    std::string clientIp;
    std::string helo;
    std::string mailFrom;
    std::string record;       ///< the SPF record of `domain`
    std::string mechanism;    ///< the mechanism that matched, e.g. "ip4:192.0.2.0/24"
    std::string explanation;  ///< exp= text on fail
    std::string reason;
    int dnsLookups = 0;
    int voidLookups = 0;
    /// Where the envelope came from: "command line", "Received hop 1 (mx.example.net)", ...
    std::string envelopeSource;
    bool evaluated = false;   ///< false when there was no envelope to evaluate
    /// The HELO identity's own result (RFC 7208 §2.3), when checked.
    std::optional<AuthResult> heloResult;
    bool operator==(const SpfResult &) const = default;
};

// ---------------------------------------------------------------- DMARC

enum class DmarcPolicy { Unspecified, None, Quarantine, Reject };
std::string_view dmarcPolicyName(DmarcPolicy policy);

struct DmarcResult
{
    AuthResult result = AuthResult::None;
    std::string domain;       ///< the RFC5322.From domain
    std::string orgDomain;    ///< organisational domain (RFC 9989 tree walk)
    std::string recordDomain; ///< where the record was found
    std::string record;
    DmarcPolicy policy = DmarcPolicy::Unspecified;  ///< the policy that applies to this message
    DmarcPolicy domainPolicy = DmarcPolicy::Unspecified; ///< p=
    bool spfAligned = false;
    bool dkimAligned = false;
    bool strictSpf = false;
    bool strictDkim = false;
    bool testing = false;     ///< t=y (RFC 9989) or pct<100 (RFC 7489)
    std::string reason;
    /// RFC 7489 (public suffix list) reading, when it decides differently.
    std::optional<std::string> orgDomainPsl;
    std::optional<AuthResult> resultRfc7489;
    bool operator==(const DmarcResult &) const = default;
};

// ---------------------------------------------------------------- ARC

struct ArcInstance
{
    int instance = 0;
    std::string domain;       ///< d= of the ARC-Seal
    std::string selector;
    std::string cv;           ///< cv= of the seal: none, pass, fail
    AuthResult sealResult = AuthResult::None;
    AuthResult messageSignatureResult = AuthResult::None;
    std::string authservId;   ///< from ARC-Authentication-Results
    std::string authResults;  ///< the AAR payload after "i=N;"
    bool operator==(const ArcInstance &) const = default;
};

struct ArcResult
{
    AuthResult result = AuthResult::None; ///< none, pass, fail
    int instances = 0;
    std::string reason;
    std::vector<ArcInstance> chain;
    /// The oldest instance whose AMS still validates (RFC 8617 §5.2), 0 if none.
    int oldestPass = 0;
    /// An instance whose message signature still validates was sealed by a sealer the user trusts.
    bool trustedSealer = false;
    /// Set when such a trusted sealer's AAR recorded dmarc=pass for the From domain.
    bool trustedDmarcPass = false;
    /// The trusted sealer whose record gave trustedDmarcPass.
    std::string overrideSealer;
    bool operator==(const ArcResult &) const = default;
};

// ---------------------------------------------------------------- Authentication-Results

struct AuthMethodResult
{
    std::string method;       ///< lower case, e.g. "dkim"
    std::string result;       ///< the keyword as written, lower case
    std::string reason;
    std::map<std::string, std::string> properties; ///< "header.d" -> "example.com"
    bool operator==(const AuthMethodResult &) const = default;
};

struct AuthResultsHeader
{
    std::string authservId;
    bool trusted = false;
    /// Why it is trusted or not, e.g. "authserv-id not trusted", "below the trust boundary".
    std::string trustReason;
    bool parsed = false;
    std::string parseError;
    std::vector<AuthMethodResult> methods;
    size_t fieldIndex = 0;
    std::string raw;          ///< the field value as written, escaped for display
    bool operator==(const AuthResultsHeader &) const = default;
};

// ---------------------------------------------------------------- Received chain

struct ReceivedHop
{
    std::string from;         ///< the sending host's name (HELO) as the receiver recorded it
    std::string fromRdns;     ///< the reverse-DNS name in the comment, when given
    std::string by;
    std::string via;          ///< the via clause (link type), e.g. "Frontend Transport"
    std::string ip;           ///< the sending host's IP
    std::string with;         ///< protocol, e.g. ESMTPS
    std::string id;
    std::string forAddress;
    bool tls = false;
    std::string tlsDetail;    ///< cipher or version text, when given
    std::string date;         ///< RFC 3339 UTC, empty when unreadable
    std::optional<int64_t> time; ///< Unix seconds
    std::optional<int64_t> delaySeconds; ///< since the hop below
    bool trusted = false;     ///< written by a trusted relay (above the trust boundary)
    size_t fieldIndex = 0;
    bool parsed = true;
    bool operator==(const ReceivedHop &) const = default;
};

// ---------------------------------------------------------------- S/MIME, OpenPGP

struct SignatureResult
{
    AuthResult result = AuthResult::None;
    /// The e-mail address the signature names (the one matching From when any does).
    std::string signer;
    std::vector<std::string> signerAddresses;
    std::string signerName;
    bool trusted = false;     ///< chains to a trusted root / key is fully or ultimately valid
    bool matchesFrom = false;
    bool coversWholeBody = false;
    std::vector<std::string> unsignedParts; ///< descriptions of parts shown but not signed
    std::string fingerprint;
    std::string issuer;       ///< S/MIME issuer, or OpenPGP key validity
    std::optional<int64_t> signingTime;
    std::string reason;
    bool operator==(const SignatureResult &) const = default;
};

// ---------------------------------------------------------------- Other methods (verifier/othermethods)

/// iprev, RFC 8601 §3: the PTR names of the trusted hop's client IP, each confirmed by a forward
/// (A/AAAA) lookup. Shown beside SPF; never weighed by the verdict.
struct IprevResult
{
    AuthResult result = AuthResult::None; ///< pass, fail, temperror, permerror
    std::string clientIp;
    std::vector<std::string> ptrNames;    ///< the PTR names checked (at most 10)
    std::string confirmedName;            ///< the PTR name whose A/AAAA lists the IP (pass)
    std::string reason;
    bool operator==(const IprevResult &) const = default;
};

/// Vouch By Reference, RFC 5518: a vouching service the user trusts vouches for md=. A vouch is
/// reputation, never authentication: it does not change the verdict.
struct VbrResult
{
    AuthResult result = AuthResult::None; ///< pass (vouched), fail (not vouched), none, temperror, permerror
    std::string domain;                   ///< md=
    std::string category;                 ///< mc=
    std::vector<std::string> vouchers;    ///< mv= as listed in the field
    std::string authenticatedBy;          ///< "dkim", "spf" or "" when md= is not authenticated
    std::string voucher;                  ///< the trusted service that answered
    std::vector<std::string> vouchedCategories; ///< the categories its TXT record lists
    std::string reason;
    bool operator==(const VbrResult &) const = default;
};

/// A DomainKey-Signature (RFC 4870, historic; replaced by DKIM). Reported, never weighed.
struct DomainKeysResult
{
    AuthResult result = AuthResult::None; ///< pass, fail, neutral, permerror, temperror
    std::string domain;                   ///< d=, lower case
    std::string selector;                 ///< s=
    std::string canonicalization;         ///< "simple" or "nofws"
    std::string sender;                   ///< the sending address (Sender, else From)
    std::vector<std::string> signedHeaders; ///< h= as written (empty: all fields below it)
    int keyBits = 0;
    bool testing = false;                 ///< the key record has t=y
    std::string reason;
    size_t fieldIndex = 0;
    bool operator==(const DomainKeysResult &) const = default;
};

/// A historic method (ADSP RFC 5617, Sender ID RFC 4406, DomainKeys RFC 4870) that another
/// server reported in Authentication-Results, with its DNS record when it was looked up.
struct HistoricMethod
{
    std::string method;       ///< "dkim-adsp", "sender-id", "domainkeys"
    std::string result;       ///< the keyword as reported, lower case
    std::string reportedBy;   ///< the authserv-id
    bool trusted = false;     ///< the Authentication-Results field was trusted
    std::string domain;       ///< the domain the record was looked up for (empty: none)
    std::string record;       ///< the ADSP / Sender ID record found, as published
    std::string recordMeaning; ///< e.g. "dkim=discardable", "spf2.0/mfrom,pra"
    std::string replacedBy;  ///< "DMARC", "SPF and DMARC", "DKIM"
    std::string reason;
    bool operator==(const HistoricMethod &) const = default;
};

// ---------------------------------------------------------------- Findings and the verdict

/// NotChecked is not a verdict about the sender: a check that could have decided failed for a
/// temporary reason (DNS did not answer, a time or size bound was reached). The reasons say why;
/// checking again later may give a verdict (ARCHITECTURE.md, "Verdict").
enum class Verdict { Authenticated, Forged, Suspicious, Unauthenticated, NotChecked };
std::string_view verdictName(Verdict verdict);

/// What a reason or warning says, as a code the UI can translate, plus its arguments.
enum class FindingCode {
    // authenticated
    DmarcPassDkim, DmarcPassSpf, DmarcPassReported, SmimeValid, PgpValid,
    // forged
    DmarcFailEnforced, SignatureInvalid, SignatureOtherIdentity, MultipleFromFields,
    MultipleFromMailboxes, FromAmbiguous, FromMissing, FromInvalid, ReportedDmarcFail,
    // suspicious
    DmarcFailNoPolicy, DisplayNameAddress, LookalikeDomain, DeceptiveCharacters,
    PartialSignature, SourcesDisagree, ReplyToOtherOrganisation, SenderOtherOrganisation,
    PartialDkimCoverage, ArcOverride,
    // unauthenticated
    NothingAuthenticates, NoDmarcRecord, DmarcTemporaryError,
    // warnings
    WeakKey, KeyTesting, DnsNotSecure, HeaderAnomalies, UntrustedAuthResults, ReportedOnly,
    TimeExplainsDisagreement, SignatureTemporaryError, DnsLimitReached,
    // key memory and sender expectations (app/core/RememberedVerification.h)
    VerifiedWithRememberedKey, KeyChanged, PinnedKeyChanged, ExpectedSignatureMissing, AcceptedSigner,
    RememberedKeyNotAccepted,
    // time and providers (ARCHITECTURE.md, "Evidence that time has made unverifiable", "Providers")
    DkimPassReported,        ///< authenticated: a trusted report of an aligned dkim=pass at delivery (old mail)
    NoLongerVerifiable,      ///< unauthenticated/warning: old mail whose key or algorithm time has retired
    ArcDmarcPassReported,    ///< authenticated: a trusted dmarc=fail whose own arc=pass names a trusted sealer
    AlignedWithoutPolicy,    ///< authenticated: aligned DKIM or SPF pass, the From domain publishes no DMARC policy (args: dkim|spf, domain)
    // not checked (temporary failures)
    NotCheckedDns,           ///< a DNS answer that could decide the verdict did not come (args: check, name, cause)
    NotCheckedLimit,         ///< a bound (time, size, count) stopped a check that could decide it (args: check, bound)
    // spoofing tricks (issue-19 rules)
    FieldReadAsFrom,         ///< forged: a field whose name lenient programs read as From (args: the name as written)
    CommentAddress,          ///< suspicious: a comment in From shows another address or domain (args: shown, real)
    KnownDomainEmbedded,     ///< suspicious: a known domain used as a label or inside the local part (args: address, known)
    MixedScriptDomain,       ///< suspicious: a domain mixing scripts or confusable as a whole (args: domain, skeleton)
    Other,
};
std::string_view findingCodeName(FindingCode code);

struct Finding
{
    FindingCode code = FindingCode::Other;
    std::vector<std::string> args;
    /// The English sentence (CLI, logs); the UI translates from code and args instead.
    std::string text;
    bool operator==(const Finding &) const = default;
};

struct Report
{
    std::string source;       ///< file name, "stdin", or "imap:INBOX/1234"
    std::string messageId;
    std::string subject;      ///< decoded, escaped for display
    std::string date;         ///< the Date field as written
    FromInfo from;
    Verdict verdict = Verdict::Unauthenticated;
    std::vector<Finding> reasons;
    std::vector<Finding> warnings;

    std::optional<SpfResult> spf;
    std::vector<DkimResult> dkim;
    std::optional<DmarcResult> dmarc;
    std::optional<ArcResult> arc;
    std::optional<SignatureResult> smime;
    std::optional<SignatureResult> pgp;
    std::vector<AuthResultsHeader> authenticationResults;
    std::vector<ReceivedHop> received;
    /// Index into `received` of the hop that gave the SMTP envelope, -1 if none.
    int boundaryHop = -1;
    /// Other methods (verifier/othermethods): reported, never weighed by the verdict.
    std::optional<IprevResult> iprev;
    std::optional<VbrResult> vbr;
    std::vector<DomainKeysResult> domainKeys;
    std::vector<HistoricMethod> historic;

    /// With Authenticated: the domain whose owner vouches for the message (the From domain, or
    /// the From address's domain for S/MIME and OpenPGP). Empty otherwise.
    std::string authenticatedDomain;
    /// With Authenticated: the organisation that did the work when it is not the From domain's
    /// own (a trusted ARC sealer such as a mailing list, or the envelope/signing service such as
    /// sendgrid.net), as Gmail shows "via". Empty when there is none.
    std::string via;
    /// Authenticated only by the user's own exception (an accepted signer): shown as such, never
    /// as plain "authenticated".
    bool userException = false;
    /// The provider profile applied (resources/providers), empty when none.
    std::string provider;

    /// The time the verification was computed for (Unix seconds).
    int64_t verifiedAt = 0;
    /// Report format version (docs: report_version). 2: verdict "not-checked",
    /// authenticated_domain, via, user_exception, provider.
    int version = 2;
    bool operator==(const Report &) const = default;
};

} // namespace verifier
