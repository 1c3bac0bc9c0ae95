#pragma once
/// S/MIME signature verification (RFC 8551 §3.5, RFC 5652 CMS, RFC 8550 certificates) with
/// OpenSSL 3 over the exact bytes that were signed.
///
/// - multipart/signed (RFC 1847 §2.1) with protocol application/pkcs7-signature (or x-pkcs7-
///   signature): the signed content is the first part's header and body exactly as transmitted
///   (CRLF); the CMS object must be detached. application/pkcs7-mime smime-type=signed-data
///   (opaque): the content is the CMS eContent and must be present. A detached signature that also
///   embeds content, or opaque signed-data without content, is PermError (detached/embedded
///   confusion, "Johnny, You Are Fired!" §4); so is signed-data without any SignerInfo.
/// - Every SignerInfo must verify (CMS_verify); a mismatch with the content is Fail.
/// - The reported signer is the one whose certificate names From (else the first). Its chain is
///   built to the system roots (/etc/ssl/certs when useSystemCa) and caFiles, for the
///   emailProtection purpose (RFC 8550 §4.4.4), at `now` and, when present, at the signingTime
///   attribute (RFC 5652 §11.3). trusted = the chain verifies at both. Never the real clock.
/// - Signer addresses: subjectAltName rfc822Name, then subject emailAddress (RFC 8550 §3).
///   matchesFrom: sameMailbox() (exact local part, case-insensitive domain).
/// - A valid signature whose chain fails is Pass with trusted=false and the reason.

#include "Message.h"
#include "Mime.h"
#include "Report.h"
#include "Verifier.h"

#include <cstdint>
#include <optional>
#include <string>

namespace verifier {

/// Finds and verifies the S/MIME signature of the message (multipart/signed with application/pkcs7-signature
/// or x-pkcs7-signature; application/pkcs7-mime smime-type=signed-data opaque). nullopt when the message has none.
std::optional<SignatureResult> verifySmime(const Message &message, const MimePart &root, const std::string &fromAddress,
                                           const SignatureSettings &settings, int64_t now);

/// The part verifySmime() would verify (a multipart/signed or an application/pkcs7-mime part),
/// or nullptr. The first one in document order; encrypted parts are not searched.
const MimePart *findSmimeSignedPart(const MimePart &root);

} // namespace verifier
