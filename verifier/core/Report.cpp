#include "Report.h"

namespace verifier {

std::string_view dkimFailureName(DkimFailure failure)
{
    switch (failure) {
    case DkimFailure::None: return "";
    case DkimFailure::SignatureSyntax: return "signature-syntax";
    case DkimFailure::MissingTag: return "missing-tag";
    case DkimFailure::UnsupportedVersion: return "unsupported-version";
    case DkimFailure::UnsupportedAlgorithm: return "unsupported-algorithm";
    case DkimFailure::UnsupportedCanonicalization: return "unsupported-canonicalization";
    case DkimFailure::UnsupportedQueryMethod: return "unsupported-query-method";
    case DkimFailure::FromNotSigned: return "from-not-signed";
    case DkimFailure::InvalidDomain: return "invalid-domain";
    case DkimFailure::IdentityMismatch: return "identity-mismatch";
    case DkimFailure::Expired: return "expired";
    case DkimFailure::FutureTimestamp: return "future-timestamp";
    case DkimFailure::TimestampOrder: return "timestamp-order";
    case DkimFailure::WeakAlgorithm: return "weak-algorithm";
    case DkimFailure::KeyUnavailable: return "key-unavailable";
    case DkimFailure::KeyNotFound: return "key-not-found";
    case DkimFailure::KeySyntax: return "key-syntax";
    case DkimFailure::KeyRevoked: return "key-revoked";
    case DkimFailure::KeyTooSmall: return "key-too-small";
    case DkimFailure::KeyAlgorithmMismatch: return "key-algorithm-mismatch";
    case DkimFailure::KeyHashNotAllowed: return "key-hash-not-allowed";
    case DkimFailure::KeyServiceType: return "key-service-type";
    case DkimFailure::KeyStrictSubdomain: return "key-strict-subdomain";
    case DkimFailure::BodyLengthExceeded: return "body-length-exceeded";
    case DkimFailure::BodyHashMismatch: return "body-hash-mismatch";
    case DkimFailure::SignatureMismatch: return "signature-mismatch";
    case DkimFailure::NotEvaluated: return "not-evaluated";
    }
    return "?";
}

std::string_view dmarcPolicyName(DmarcPolicy policy)
{
    switch (policy) {
    case DmarcPolicy::Unspecified: return "";
    case DmarcPolicy::None: return "none";
    case DmarcPolicy::Quarantine: return "quarantine";
    case DmarcPolicy::Reject: return "reject";
    }
    return "";
}

std::string_view verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Authenticated: return "authenticated";
    case Verdict::Forged: return "forged";
    case Verdict::Suspicious: return "suspicious";
    case Verdict::Unauthenticated: return "unauthenticated";
    case Verdict::NotChecked: return "not-checked";
    }
    return "unauthenticated";
}

std::string_view findingCodeName(FindingCode code)
{
    switch (code) {
    case FindingCode::DmarcPassDkim: return "dmarc-pass-dkim";
    case FindingCode::DmarcPassSpf: return "dmarc-pass-spf";
    case FindingCode::DmarcPassReported: return "dmarc-pass-reported";
    case FindingCode::SmimeValid: return "smime-valid";
    case FindingCode::PgpValid: return "pgp-valid";
    case FindingCode::DmarcFailEnforced: return "dmarc-fail-enforced";
    case FindingCode::SignatureInvalid: return "signature-invalid";
    case FindingCode::SignatureOtherIdentity: return "signature-other-identity";
    case FindingCode::MultipleFromFields: return "multiple-from-fields";
    case FindingCode::MultipleFromMailboxes: return "multiple-from-mailboxes";
    case FindingCode::FromAmbiguous: return "from-ambiguous";
    case FindingCode::FromMissing: return "from-missing";
    case FindingCode::FromInvalid: return "from-invalid";
    case FindingCode::ReportedDmarcFail: return "reported-dmarc-fail";
    case FindingCode::DmarcFailNoPolicy: return "dmarc-fail-no-policy";
    case FindingCode::DisplayNameAddress: return "display-name-address";
    case FindingCode::LookalikeDomain: return "lookalike-domain";
    case FindingCode::DeceptiveCharacters: return "deceptive-characters";
    case FindingCode::PartialSignature: return "partial-signature";
    case FindingCode::SourcesDisagree: return "sources-disagree";
    case FindingCode::ReplyToOtherOrganisation: return "reply-to-other-organisation";
    case FindingCode::SenderOtherOrganisation: return "sender-other-organisation";
    case FindingCode::PartialDkimCoverage: return "partial-dkim-coverage";
    case FindingCode::ArcOverride: return "arc-override";
    case FindingCode::NothingAuthenticates: return "nothing-authenticates";
    case FindingCode::NoDmarcRecord: return "no-dmarc-record";
    case FindingCode::DmarcTemporaryError: return "dmarc-temporary-error";
    case FindingCode::WeakKey: return "weak-key";
    case FindingCode::KeyTesting: return "key-testing";
    case FindingCode::DnsNotSecure: return "dns-not-secure";
    case FindingCode::HeaderAnomalies: return "header-anomalies";
    case FindingCode::UntrustedAuthResults: return "untrusted-authentication-results";
    case FindingCode::ReportedOnly: return "reported-only";
    case FindingCode::TimeExplainsDisagreement: return "time-explains-disagreement";
    case FindingCode::SignatureTemporaryError: return "signature-temporary-error";
    case FindingCode::DnsLimitReached: return "dns-limit-reached";
    case FindingCode::VerifiedWithRememberedKey: return "verified-with-remembered-key";
    case FindingCode::KeyChanged: return "key-changed";
    case FindingCode::PinnedKeyChanged: return "pinned-key-changed";
    case FindingCode::ExpectedSignatureMissing: return "expected-signature-missing";
    case FindingCode::AcceptedSigner: return "accepted-signer";
    case FindingCode::RememberedKeyNotAccepted: return "remembered-key-not-accepted";
    case FindingCode::DkimPassReported: return "dkim-pass-reported";
    case FindingCode::NoLongerVerifiable: return "no-longer-verifiable";
    case FindingCode::ArcDmarcPassReported: return "arc-dmarc-pass-reported";
    case FindingCode::AlignedWithoutPolicy: return "aligned-without-policy";
    case FindingCode::NotCheckedDns: return "not-checked-dns";
    case FindingCode::NotCheckedLimit: return "not-checked-limit";
    case FindingCode::FieldReadAsFrom: return "field-read-as-from";
    case FindingCode::CommentAddress: return "comment-address";
    case FindingCode::KnownDomainEmbedded: return "known-domain-embedded";
    case FindingCode::MixedScriptDomain: return "mixed-script-domain";
    case FindingCode::Other: return "other";
    }
    return "other";
}

} // namespace verifier
