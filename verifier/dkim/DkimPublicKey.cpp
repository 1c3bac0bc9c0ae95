#include "DkimPublicKey.h"

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <mutex>
#include <optional>
#include <unordered_map>

namespace verifier {

std::string_view dkimKeyTypeName(DkimKeyType type)
{
    switch (type) {
    case DkimKeyType::Rsa: return "rsa";
    case DkimKeyType::Ed25519: return "ed25519";
    }
    return "rsa";
}

std::string_view dkimHashAlgorithmName(DkimHashAlgorithm hash)
{
    switch (hash) {
    case DkimHashAlgorithm::Sha1: return "sha1";
    case DkimHashAlgorithm::Sha256: return "sha256";
    }
    return "sha256";
}

namespace {

// Fetched once: an implicit fetch on every EVP_DigestInit costs a lock and a lookup.
const EVP_MD *messageDigest(DkimHashAlgorithm hash)
{
    static EVP_MD *sha1 = EVP_MD_fetch(nullptr, "SHA1", nullptr);
    static EVP_MD *sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return hash == DkimHashAlgorithm::Sha1 ? sha1 : sha256;
}

struct CachedKey
{
    std::shared_ptr<EVP_PKEY> key;
    DkimKeyType type;
    int bits;
};

class KeyCache
{
public:
    std::optional<CachedKey> find(const std::string &id)
    {
        std::lock_guard lock(m_mutex);
        auto it = m_keys.find(id);
        if (it == m_keys.end())
            return std::nullopt;
        return it->second;
    }
    void insert(const std::string &id, CachedKey key)
    {
        std::lock_guard lock(m_mutex);
        if (m_keys.size() >= kMaxEntries)
            m_keys.clear(); // crude but bounded; keys are cheap to decode again
        m_keys.emplace(id, std::move(key));
    }

private:
    static constexpr size_t kMaxEntries = 4096;
    std::mutex m_mutex;
    std::unordered_map<std::string, CachedKey> m_keys;
};

KeyCache &keyCache()
{
    static KeyCache cache;
    return cache;
}

std::shared_ptr<EVP_PKEY> wrap(EVP_PKEY *key)
{
    return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

} // namespace

Expected<DkimPublicKey> DkimPublicKey::load(std::string_view keyType, std::string_view keyBytes)
{
    if (keyBytes.size() > 16384)
        return makeError("public key is too long");
    std::string id;
    id.reserve(keyType.size() + 1 + keyBytes.size());
    id.append(keyType).push_back('\0');
    id.append(keyBytes);
    if (auto cached = keyCache().find(id)) {
        DkimPublicKey k;
        k.m_key = cached->key;
        k.m_type = cached->type;
        k.m_bits = cached->bits;
        return k;
    }

    DkimPublicKey k;
    const auto *data = reinterpret_cast<const unsigned char *>(keyBytes.data());
    const long len = long(keyBytes.size());
    if (keyType == "rsa") {
        const unsigned char *p = data;
        EVP_PKEY *pkey = d2i_PUBKEY(nullptr, &p, len);
        if (pkey && p != data + len) {
            EVP_PKEY_free(pkey);
            return makeError("bytes follow the public key");
        }
        if (!pkey) {
            p = data;
            pkey = d2i_PublicKey(EVP_PKEY_RSA, nullptr, &p, len);
            if (pkey && p != data + len) {
                EVP_PKEY_free(pkey);
                return makeError("bytes follow the public key");
            }
        }
        if (!pkey)
            return makeError("the RSA public key cannot be decoded");
        k.m_key = wrap(pkey);
        if (EVP_PKEY_get_base_id(pkey) != EVP_PKEY_RSA)
            return makeError("the public key is not an RSA key");
        k.m_type = DkimKeyType::Rsa;
        k.m_bits = EVP_PKEY_get_bits(pkey);
    } else if (keyType == "ed25519") {
        if (keyBytes.size() != 32)
            return makeError("an Ed25519 public key must be 32 bytes (RFC 8463 §4)");
        EVP_PKEY *pkey = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, data, 32);
        if (!pkey)
            return makeError("the Ed25519 public key cannot be decoded");
        k.m_key = wrap(pkey);
        k.m_type = DkimKeyType::Ed25519;
        k.m_bits = 256;
    } else {
        return makeError("unknown key type \"" + std::string(keyType) + "\"");
    }
    keyCache().insert(id, CachedKey{k.m_key, k.m_type, k.m_bits});
    return k;
}

bool DkimPublicKey::verify(DkimHashAlgorithm hash, std::string_view data, std::string_view signature) const
{
    if (!m_key)
        return false;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    if (!ctx)
        return false;
    bool ok = false;
    const auto *sig = reinterpret_cast<const unsigned char *>(signature.data());
    if (m_type == DkimKeyType::Rsa) {
        if (EVP_DigestVerifyInit(ctx, nullptr, messageDigest(hash), nullptr, m_key.get()) == 1)
            ok = EVP_DigestVerify(ctx, sig, signature.size(),
                                  reinterpret_cast<const unsigned char *>(data.data()), data.size()) == 1;
    } else if (hash == DkimHashAlgorithm::Sha256) {
        const std::string prehash = DkimHasher::digest(DkimHashAlgorithm::Sha256, data);
        if (EVP_DigestVerifyInit(ctx, nullptr, nullptr, nullptr, m_key.get()) == 1)
            ok = EVP_DigestVerify(ctx, sig, signature.size(),
                                  reinterpret_cast<const unsigned char *>(prehash.data()), prehash.size()) == 1;
    }
    EVP_MD_CTX_free(ctx);
    return ok;
}

DkimHasher::DkimHasher(DkimHashAlgorithm hash) : m_ctx(EVP_MD_CTX_new())
{
    if (m_ctx)
        EVP_DigestInit_ex(m_ctx, messageDigest(hash), nullptr);
}

DkimHasher::~DkimHasher()
{
    EVP_MD_CTX_free(m_ctx);
}

void DkimHasher::update(std::string_view bytes)
{
    if (m_ctx && !bytes.empty())
        EVP_DigestUpdate(m_ctx, bytes.data(), bytes.size());
}

std::string DkimHasher::final()
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!m_ctx || EVP_DigestFinal_ex(m_ctx, md, &len) != 1)
        return {};
    return std::string(reinterpret_cast<const char *>(md), len);
}

std::string DkimHasher::digest(DkimHashAlgorithm hash, std::string_view bytes)
{
    DkimHasher h(hash);
    h.update(bytes);
    return h.final();
}

} // namespace verifier
