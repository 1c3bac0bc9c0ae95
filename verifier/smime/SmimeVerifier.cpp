#include "SmimeVerifier.h"

#include "MailboxMatch.h"
#include "SignatureCoverage.h"
#include "Strings.h"

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <memory>

namespace verifier {

namespace {

template<auto fn>
struct Free
{
    template<typename T>
    void operator()(T *p) const { fn(p); }
};
using CmsPtr = std::unique_ptr<CMS_ContentInfo, Free<CMS_ContentInfo_free>>;
using BioPtr = std::unique_ptr<BIO, Free<BIO_free>>;
using StorePtr = std::unique_ptr<X509_STORE, Free<X509_STORE_free>>;
using StoreCtxPtr = std::unique_ptr<X509_STORE_CTX, Free<X509_STORE_CTX_free>>;
struct X509StackFree
{
    void operator()(STACK_OF(X509) *s) const { sk_X509_pop_free(s, X509_free); }
};
using X509StackPtr = std::unique_ptr<STACK_OF(X509), X509StackFree>;
struct X509StackShallowFree
{
    void operator()(STACK_OF(X509) *s) const { sk_X509_free(s); }
};
using X509StackShallowPtr = std::unique_ptr<STACK_OF(X509), X509StackShallowFree>;
struct GeneralNamesFree
{
    void operator()(GENERAL_NAMES *g) const { GENERAL_NAMES_free(g); }
};

constexpr int64_t kClockSkew = 300;

bool isSignatureType(const std::string &type)
{
    return type == "application/pkcs7-signature" || type == "application/x-pkcs7-signature";
}
bool isPkcs7Mime(const std::string &type)
{
    return type == "application/pkcs7-mime" || type == "application/x-pkcs7-mime";
}

std::string lastOpensslError()
{
    const unsigned long e = ERR_peek_last_error();
    const char *reason = e ? ERR_reason_error_string(e) : nullptr;
    return reason ? reason : "unknown OpenSSL error";
}

std::string asn1String(const ASN1_STRING *s)
{
    if (!s)
        return {};
    return std::string(reinterpret_cast<const char *>(ASN1_STRING_get0_data(s)), size_t(ASN1_STRING_length(s)));
}

std::vector<std::string> certificateAddresses(X509 *cert)
{
    std::vector<std::string> out;
    auto add = [&](std::string a) {
        if (a.empty())
            return;
        for (const auto &x : out)
            if (x == a)
                return;
        out.push_back(std::move(a));
    };
    std::unique_ptr<GENERAL_NAMES, GeneralNamesFree> names(
        static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr)));
    if (names) {
        for (int i = 0; i < sk_GENERAL_NAME_num(names.get()) && i < 100; ++i) {
            const GENERAL_NAME *g = sk_GENERAL_NAME_value(names.get(), i);
            if (g->type == GEN_EMAIL)
                add(asn1String(g->d.rfc822Name));
        }
    }
    X509_NAME *subject = X509_get_subject_name(cert);
    for (int i = X509_NAME_get_index_by_NID(subject, NID_pkcs9_emailAddress, -1); i >= 0;
         i = X509_NAME_get_index_by_NID(subject, NID_pkcs9_emailAddress, i))
        add(asn1String(X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, i))));
    return out;
}

std::string commonName(X509 *cert)
{
    X509_NAME *subject = X509_get_subject_name(cert);
    const int i = X509_NAME_get_index_by_NID(subject, NID_commonName, -1);
    if (i < 0)
        return {};
    unsigned char *utf8 = nullptr;
    const int len = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, i)));
    if (len < 0)
        return {};
    std::string out(reinterpret_cast<char *>(utf8), size_t(len));
    OPENSSL_free(utf8);
    return out;
}

std::string nameToString(const X509_NAME *name)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return len > 0 ? std::string(data, size_t(len)) : std::string();
}

std::string sha256Fingerprint(X509 *cert)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!X509_digest(cert, EVP_sha256(), md, &len))
        return {};
    static const char *digits = "0123456789ABCDEF";
    std::string out;
    for (unsigned i = 0; i < len; ++i) {
        if (i)
            out.push_back(':');
        out.push_back(digits[md[i] >> 4]);
        out.push_back(digits[md[i] & 15]);
    }
    return out;
}

std::optional<int64_t> signingTime(CMS_SignerInfo *si)
{
    const int idx = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1);
    if (idx < 0)
        return std::nullopt;
    X509_ATTRIBUTE *attr = CMS_signed_get_attr(si, idx);
    ASN1_TYPE *value = attr ? X509_ATTRIBUTE_get0_type(attr, 0) : nullptr;
    if (!value || (value->type != V_ASN1_UTCTIME && value->type != V_ASN1_GENERALIZEDTIME))
        return std::nullopt;
    struct tm tm = {};
    if (!ASN1_TIME_to_tm(value->value.utctime, &tm))
        return std::nullopt;
    return int64_t(timegm(&tm));
}

std::string formatTime(int64_t t)
{
    const time_t tt = time_t(t);
    struct tm tm = {};
    gmtime_r(&tt, &tm);
    char buf[32];
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm);
    return buf;
}

// Verifies @p cert's chain at @p when; "" on success, else the reason.
std::string verifyChain(X509_STORE *store, X509 *cert, STACK_OF(X509) *untrusted, int64_t when)
{
    StoreCtxPtr ctx(X509_STORE_CTX_new());
    if (!ctx || !X509_STORE_CTX_init(ctx.get(), store, cert, untrusted))
        return "could not set up certificate verification";
    X509_STORE_CTX_set_purpose(ctx.get(), X509_PURPOSE_SMIME_SIGN);
    X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(ctx.get()), time_t(when));
    if (X509_verify_cert(ctx.get()) == 1)
        return {};
    const int err = X509_STORE_CTX_get_error(ctx.get());
    return X509_verify_cert_error_string(err);
}

SignatureResult permError(SignatureResult r, std::string reason)
{
    r.result = AuthResult::PermError;
    r.reason = std::move(reason);
    return r;
}

// Issue 24: CMS_verify cannot be interrupted, so what it is given is bounded instead; past a
// bound the check is a temporary error that says so (the verdict: not checked).
constexpr size_t kMaxSignatureBytes = 1024 * 1024; // real S/MIME signatures: a few KB with the chain
constexpr int kMaxSigners = 16;
constexpr int kMaxCertificates = 64;

SignatureResult stoppedAtLimit(SignatureResult r, const std::string &limit)
{
    r.result = AuthResult::TempError;
    r.reason = "S/MIME verification stopped at the limit of " + limit;
    return r;
}

} // namespace

const MimePart *findSmimeSignedPart(const MimePart &part)
{
    if (part.encrypted)
        return nullptr;
    if (part.contentType == "multipart/signed") {
        const std::string protocol = toLower(part.parameter("protocol"));
        if (isSignatureType(protocol))
            return &part;
        if (protocol.empty() && part.children.size() >= 2 && isSignatureType(part.children[1].contentType))
            return &part;
    }
    if (isPkcs7Mime(part.contentType)) {
        const std::string smimeType = toLower(part.parameter("smime-type"));
        if (smimeType == "signed-data" || smimeType.empty())
            return &part;
    }
    for (const auto &child : part.children)
        if (const MimePart *found = findSmimeSignedPart(child))
            return found;
    return nullptr;
}

std::optional<SignatureResult> verifySmime(const Message &message, const MimePart &root, const std::string &fromAddress,
                                           const SignatureSettings &settings, int64_t now)
{
    const MimePart *part = findSmimeSignedPart(root);
    if (!part)
        return std::nullopt;
    const bool detachedForm = part->contentType == "multipart/signed";

    SignatureResult r;
    const SignatureCoverage coverage = signatureCoverage(message, root, *part);
    r.coversWholeBody = coverage.coversWholeBody;
    r.unsignedParts = coverage.unsignedParts;

    std::string der;
    std::string_view content;
    if (detachedForm) {
        if (part->children.size() != 2)
            return permError(r, "multipart/signed must have exactly two parts (RFC 1847 §2.1), this one has "
                                    + std::to_string(part->children.size()));
        const MimePart &sigPart = part->children[1];
        if (!isSignatureType(sigPart.contentType))
            return permError(r, "the second part of the multipart/signed is " + sigPart.contentType
                                    + ", not application/pkcs7-signature");
        der = decodeTransferEncoding(sigPart.bodyBytes(message), sigPart.transferEncoding);
        content = part->children[0].bytes(message);
    } else {
        der = decodeTransferEncoding(part->bodyBytes(message), part->transferEncoding);
    }

    if (detachedForm && der.size() > kMaxSignatureBytes) // opaque: the content is in it too
        return stoppedAtLimit(r, std::to_string(kMaxSignatureBytes) + " bytes of signature");
    ERR_clear_error();
    const unsigned char *p = reinterpret_cast<const unsigned char *>(der.data());
    CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &p, long(der.size())));
    if (!cms) {
        if (!detachedForm && toLower(part->parameter("smime-type")).empty())
            return std::nullopt; // an application/pkcs7-mime without smime-type that is not CMS
        return permError(r, "the signature is not a readable CMS object");
    }
    if (OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed) {
        if (!detachedForm && toLower(part->parameter("smime-type")).empty())
            return std::nullopt; // e.g. enveloped-data without smime-type: not a signature
        return permError(r, "the CMS object is not signed-data");
    }
    const bool cmsDetached = CMS_is_detached(cms.get()) == 1;
    if (detachedForm && !cmsDetached)
        return permError(r, "the detached signature also embeds content (detached/embedded confusion); "
                            "what is shown may not be what was signed");
    if (!detachedForm && cmsDetached)
        return permError(r, "the opaque signed-data carries no content (detached/embedded confusion)");

    STACK_OF(CMS_SignerInfo) *signerInfos = CMS_get0_SignerInfos(cms.get());
    const int signerCount = signerInfos ? sk_CMS_SignerInfo_num(signerInfos) : 0;
    if (signerCount == 0)
        return permError(r, "the signed-data has no signers");
    if (signerCount > kMaxSigners)
        return stoppedAtLimit(r, std::to_string(kMaxSigners) + " signers");
    {
        STACK_OF(X509) *certs = CMS_get1_certs(cms.get());
        const int certCount = certs ? sk_X509_num(certs) : 0;
        sk_X509_pop_free(certs, X509_free);
        if (certCount > kMaxCertificates)
            return stoppedAtLimit(r, std::to_string(kMaxCertificates) + " certificates");
    }

    BioPtr contentBio;
    if (detachedForm)
        contentBio.reset(BIO_new_mem_buf(content.data(), int(content.size())));
    BioPtr out(BIO_new(BIO_s_mem()));
    // Signatures first, without certificate checks: every SignerInfo must verify over the content.
    if (CMS_verify(cms.get(), nullptr, nullptr, contentBio.get(), out.get(),
                   CMS_NO_SIGNER_CERT_VERIFY | CMS_BINARY) != 1) {
        const unsigned long e = ERR_peek_last_error();
        const int reason = ERR_GET_REASON(e);
        if (ERR_GET_LIB(e) == ERR_LIB_CMS && reason == CMS_R_SIGNER_CERTIFICATE_NOT_FOUND)
            return permError(r, "the signer's certificate is not in the message");
        if (ERR_GET_LIB(e) == ERR_LIB_CMS
            && (reason == CMS_R_VERIFICATION_FAILURE || reason == CMS_R_CONTENT_VERIFY_ERROR
                || reason == CMS_R_MESSAGEDIGEST_WRONG_LENGTH)) {
            r.result = AuthResult::Fail;
            r.reason = "the signature does not match the signed content (the message was changed after signing)";
        } else {
            r.result = AuthResult::Fail;
            r.reason = "the signature does not verify: " + lastOpensslError();
        }
        ERR_clear_error();
        // Still name the signer when its certificate is there, so the user sees who claims it.
        X509StackShallowPtr signers(CMS_get0_signers(cms.get()));
        if (signers && sk_X509_num(signers.get()) > 0) {
            X509 *cert = sk_X509_value(signers.get(), 0);
            r.signerAddresses = certificateAddresses(cert);
            if (!r.signerAddresses.empty())
                r.signer = escapeForDisplay(r.signerAddresses.front());
            r.signerName = escapeForDisplay(commonName(cert));
            r.fingerprint = sha256Fingerprint(cert);
        }
        for (auto &a : r.signerAddresses)
            a = escapeForDisplay(a);
        return r;
    }

    // CMS_verify set each SignerInfo's certificate: pick the one naming From.
    X509 *chosen = nullptr;
    CMS_SignerInfo *chosenInfo = nullptr;
    std::vector<std::string> chosenAddresses;
    for (int i = 0; i < signerCount; ++i) {
        CMS_SignerInfo *si = sk_CMS_SignerInfo_value(signerInfos, i);
        X509 *cert = nullptr;
        CMS_SignerInfo_get0_algs(si, nullptr, &cert, nullptr, nullptr);
        if (!cert)
            continue;
        auto addresses = certificateAddresses(cert);
        bool matches = false;
        for (const auto &a : addresses)
            matches = matches || sameMailbox(a, fromAddress);
        if (!chosen || (matches && !r.matchesFrom)) {
            chosen = cert;
            chosenInfo = si;
            chosenAddresses = std::move(addresses);
            r.matchesFrom = matches;
        }
    }
    if (!chosen)
        return permError(r, "no signer certificate");

    r.result = AuthResult::Pass;
    r.signerAddresses.clear();
    for (const auto &a : chosenAddresses) {
        r.signerAddresses.push_back(escapeForDisplay(a));
        if (r.signer.empty() && sameMailbox(a, fromAddress))
            r.signer = escapeForDisplay(a);
    }
    if (r.signer.empty() && !chosenAddresses.empty())
        r.signer = escapeForDisplay(chosenAddresses.front());
    r.signerName = escapeForDisplay(commonName(chosen));
    r.issuer = escapeForDisplay(nameToString(X509_get_issuer_name(chosen)));
    r.fingerprint = sha256Fingerprint(chosen);
    r.signingTime = signingTime(chosenInfo);

    // The trust store: system roots and the configured files; nothing else.
    StorePtr store(X509_STORE_new());
    std::vector<std::string> notes;
    if (settings.useSystemCa && X509_STORE_load_path(store.get(), "/etc/ssl/certs") != 1)
        notes.push_back("the system certificate folder /etc/ssl/certs could not be read");
    for (const auto &file : settings.caFiles)
        if (X509_STORE_load_file(store.get(), file.c_str()) != 1)
            notes.push_back("the CA file " + file + " could not be read");
    ERR_clear_error();
    X509StackPtr untrusted(CMS_get1_certs(cms.get()));

    std::string trustProblem;
    const std::string atNow = verifyChain(store.get(), chosen, untrusted.get(), now);
    if (!atNow.empty()) {
        trustProblem = "the certificate is not trusted at " + formatTime(now) + ": " + atNow;
    } else if (r.signingTime) {
        if (*r.signingTime > now + kClockSkew) {
            trustProblem = "the signing time " + formatTime(*r.signingTime) + " is in the future";
        } else {
            const std::string atSigning = verifyChain(store.get(), chosen, untrusted.get(), *r.signingTime);
            if (!atSigning.empty())
                trustProblem = "the certificate was not valid at the signing time " + formatTime(*r.signingTime)
                    + ": " + atSigning;
        }
    }
    ERR_clear_error();
    r.trusted = trustProblem.empty();

    std::string reason = "valid signature by " + (r.signer.empty() ? std::string("a certificate without address") : r.signer);
    if (signerCount > 1)
        reason += " (" + std::to_string(signerCount) + " signers, all signatures valid)";
    reason += r.trusted ? "; the certificate chains to a trusted root" : "; " + trustProblem;
    if (!r.matchesFrom)
        reason += "; the certificate does not name the From address " + escapeForDisplay(fromAddress);
    if (!r.coversWholeBody)
        reason += "; the signature covers only part of the message";
    for (const auto &n : notes)
        reason += "; " + n;
    r.reason = reason;
    return r;
}

} // namespace verifier
