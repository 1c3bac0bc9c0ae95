#pragma once
/// OpenPGP signature verification with GPGME++ (RFC 4880/9580), reading only GPGME's structured
/// results (Signature::summary/status/validity/fingerprint, UserID::email/validity): never any
/// text the message could influence (no status lines, no user ID strings parsed by us), which
/// defeats the status-line injection of "Johnny, You Are Fired!" §3.
///
/// - PGP/MIME (RFC 3156 §5): multipart/signed with protocol application/pgp-signature; the signed
///   data is the first part's header and body exactly as transmitted (CRLF form, trailing white
///   space kept), verified as a detached signature over those bytes.
/// - Inline cleartext signatures (RFC 4880 §7): "-----BEGIN PGP SIGNED MESSAGE-----" at a line
///   start in a displayed text part (after its transfer decoding). Text outside the armor, or
///   other displayed parts, make the coverage partial.
/// - A GPGME context per thread and GNUPGHOME (engine home directory, offline, reused); keys are
///   never fetched. Unknown key → Neutral ("signed by unknown key FPR ..."); bad signature →
///   Fail; good signature → Pass, trusted when the user ID naming From (else the key) has full or
///   ultimate validity and the key is neither expired, revoked nor disabled; the signature's
///   creation time must not lie after `now` (+5 min).

#include "Message.h"
#include "Mime.h"
#include "Report.h"
#include "Verifier.h"

#include <cstdint>
#include <optional>
#include <string>

namespace verifier {

/// PGP/MIME (RFC 3156 multipart/signed, application/pgp-signature) and inline cleartext signatures
/// ("-----BEGIN PGP SIGNED MESSAGE-----" in a text part). nullopt when none.
std::optional<SignatureResult> verifyOpenPgp(const Message &message, const MimePart &root, const std::string &fromAddress,
                                             const SignatureSettings &settings, int64_t now);

/// The PGP/MIME multipart/signed part verifyOpenPgp() would verify, or nullptr.
const MimePart *findPgpMimeSignedPart(const MimePart &root);

/// An inline cleartext-signed block (RFC 4880 §7) in a displayed text/plain part.
struct CleartextBlock
{
    const MimePart *part = nullptr;
    std::string decoded;         ///< the part's body after its transfer decoding
    size_t begin = 0, end = 0;   ///< the armored block within decoded (end: past its last line)
    bool complete = false;       ///< the "-----END PGP SIGNATURE-----" line is there
};
/// The block verifyOpenPgp() verifies when the message has no PGP/MIME part: the first one.
std::optional<CleartextBlock> findCleartextBlock(const Message &message, const MimePart &root);

} // namespace verifier
