#pragma once
/// A DKIM public key and the signature check over OpenSSL EVP: RSA PKCS#1 v1.5 with SHA-256 or
/// SHA-1 (RFC 6376 §3.3.1, §3.3.2; SHA-1 is refused by the verifier, RFC 8301 §3.1, but checked
/// here so that the caller can say so), and Ed25519 (RFC 8463 §3: PureEdDSA over the SHA-256
/// hash of the canonicalised data). Also used by ARC (RFC 8617 §4.1.1, §4.1.3).

#include "Expected.h"

#include <memory>
#include <string>
#include <string_view>

struct evp_pkey_st;
struct evp_md_ctx_st;

namespace verifier {

enum class DkimKeyType { Rsa, Ed25519 };
enum class DkimHashAlgorithm { Sha1, Sha256 };

std::string_view dkimKeyTypeName(DkimKeyType type);       ///< "rsa", "ed25519"
std::string_view dkimHashAlgorithmName(DkimHashAlgorithm hash); ///< "sha1", "sha256"

class DkimPublicKey
{
public:
    /// Decodes the p= bytes of a key record (already base64-decoded) for key type @p keyType
    /// ("rsa" or "ed25519", the k= value):
    ///  - rsa: DER SubjectPublicKeyInfo (RFC 6376 §3.6.1) or a bare PKCS#1 RSAPublicKey (seen
    ///    in the wild, and what RFC 6376 §3.6.1 literally describes); no bytes may follow the DER.
    ///  - ed25519: the 32-byte raw public key (RFC 8463 §4).
    /// Parsed keys are cached by (type, bytes) process-wide (thread-safe, bounded), so that a
    /// warm verifier does not decode the same key again.
    static Expected<DkimPublicKey> load(std::string_view keyType, std::string_view keyBytes);

    DkimKeyType type() const { return m_type; }
    /// RSA modulus size in bits; 256 for Ed25519.
    int bits() const { return m_bits; }

    /// Verifies @p signature over @p data (the canonicalised header data of RFC 6376 §3.7).
    /// For RSA, @p hash is the digest of the PKCS#1 v1.5 signature; for Ed25519 it must be
    /// Sha256 and the signed message is SHA-256(@p data) (RFC 8463 §3). False on any mismatch
    /// or error.
    bool verify(DkimHashAlgorithm hash, std::string_view data, std::string_view signature) const;

private:
    std::shared_ptr<evp_pkey_st> m_key;
    DkimKeyType m_type = DkimKeyType::Rsa;
    int m_bits = 0;
};

/// Incremental SHA-1/SHA-256 (the body hash of RFC 6376 §3.7 and the Ed25519 prehash).
class DkimHasher
{
public:
    explicit DkimHasher(DkimHashAlgorithm hash);
    ~DkimHasher();
    DkimHasher(const DkimHasher &) = delete;
    DkimHasher &operator=(const DkimHasher &) = delete;

    void update(std::string_view bytes);
    /// The digest (raw bytes). Call once.
    std::string final();

    static std::string digest(DkimHashAlgorithm hash, std::string_view bytes);

private:
    ::evp_md_ctx_st *m_ctx = nullptr;
};

} // namespace verifier
