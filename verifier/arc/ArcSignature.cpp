#include "ArcSignature.h"

#include "DkimSignature.h"
#include "DkimTagList.h"
#include "Strings.h"

namespace verifier {

namespace {

bool parseDecimal(std::string_view s, size_t maxDigits, uint64_t &out)
{
    if (s.empty() || s.size() > maxDigits)
        return false;
    uint64_t v = 0;
    for (char c : s) {
        if (!isDigit(c))
            return false;
        v = v * 10 + uint64_t(c - '0');
    }
    out = v;
    return true;
}

bool validFieldName(std::string_view name)
{
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 33 || u > 126 || c == ':')
            return false;
    }
    return true;
}

ArcSignatureParse &fail(ArcSignatureParse &p, std::string error)
{
    p.error = std::move(error);
    return p;
}

} // namespace

std::optional<int> parseArcInstanceValue(std::string_view value)
{
    uint64_t n = 0;
    if (!parseDecimal(value, 2, n) || n < 1 || n > uint64_t(kMaxArcInstance))
        return std::nullopt;
    return int(n);
}

ArcSignatureParse parseArcSignature(std::string_view value, ArcSignatureKind kind)
{
    ArcSignatureParse p;
    ArcSignature &sig = p.signature;
    sig.kind = kind;
    auto parsed = DkimTagList::parse(value);
    if (!parsed)
        return fail(p, "the tag list is malformed: " + parsed.error().message);
    const DkimTagList &t = *parsed;

    // What the report shows first, so that even an invalid field names its signer.
    if (const std::string *i = t.find("i"))
        sig.instance = parseArcInstanceValue(*i).value_or(0);
    if (const std::string *d = t.find("d"))
        sig.domain = toLower(*d);
    if (const std::string *s = t.find("s"))
        sig.selector = toLower(*s);
    if (const std::string *a = t.find("a"))
        sig.algorithm = toLower(*a);
    if (const std::string *cv = t.find("cv"))
        sig.chainValidation = toLower(*cv);

    const bool seal = kind == ArcSignatureKind::Seal;
    static constexpr const char *kAmsRequired[] = {"i", "a", "b", "bh", "d", "h", "s"};
    static constexpr const char *kSealRequired[] = {"i", "a", "b", "cv", "d", "s"};
    if (seal) {
        for (const char *tag : kSealRequired)
            if (!t.has(tag))
                return fail(p, std::string("the ") + tag + "= tag is missing");
        if (t.has("h"))
            return fail(p, "an ARC-Seal must not have an h= tag (RFC 8617 §4.1.3)");
    } else {
        for (const char *tag : kAmsRequired)
            if (!t.has(tag))
                return fail(p, std::string("the ") + tag + "= tag is missing");
    }

    if (sig.instance == 0)
        return fail(p, "the instance i=" + *t.find("i") + " is not a number from 1 to 50");

    if (sig.algorithm == "rsa-sha256") {
        sig.keyType = DkimKeyType::Rsa;
        sig.hash = DkimHashAlgorithm::Sha256;
    } else if (sig.algorithm == "ed25519-sha256") {
        sig.keyType = DkimKeyType::Ed25519;
        sig.hash = DkimHashAlgorithm::Sha256;
    } else if (sig.algorithm == "rsa-sha1") {
        return fail(p, "the algorithm rsa-sha1 is no longer accepted (RFC 8301)");
    } else {
        return fail(p, "the algorithm a=" + sig.algorithm + " is not supported");
    }

    if (!isValidDkimDomain(sig.domain))
        return fail(p, "d= is not a valid domain name");
    if (!isValidDkimSelector(sig.selector))
        return fail(p, "s= is not a valid selector");

    if (seal) {
        sig.canonicalization = {DkimCanonicalization::Relaxed, DkimCanonicalization::Relaxed};
        if (sig.chainValidation != "none" && sig.chainValidation != "pass" && sig.chainValidation != "fail")
            return fail(p, "cv=" + *t.find("cv") + " is not none, pass or fail");
    } else {
        if (const std::string *c = t.find("c")) {
            auto pair = parseDkimCanonicalization(*c);
            if (!pair)
                return fail(p, "the canonicalization c=" + *c + " is not supported");
            sig.canonicalization = *pair;
        }
        // h=: an empty list signs only the AMS itself; an empty name selects no field.
        const std::string &h = *t.find("h");
        if (!trim(h).empty()) {
            for (std::string_view item : split(h, ':')) {
                item = trim(item);
                if (item.empty())
                    continue; // selects no field (what signers that wrote it meant)
                if (!validFieldName(item))
                    return fail(p, "h= holds a malformed field name");
                if (equalsIgnoreCase(item, "arc-seal"))
                    return fail(p, "h= signs ARC-Seal, which an ARC-Message-Signature must not (RFC 8617 §4.1.2)");
                sig.signedHeaders.emplace_back(item);
            }
        }
        uint64_t n = 0;
        if (const std::string *l = t.find("l")) {
            if (!parseDecimal(*l, 19, n))
                return fail(p, "the body length l= is not a number");
            sig.bodyLength = n;
        }
        if (const std::string *q = t.find("q")) {
            bool dnsTxt = false;
            for (std::string_view m : split(*q, ':'))
                if (equalsIgnoreCase(trim(m), "dns/txt"))
                    dnsTxt = true;
            if (!dnsTxt)
                return fail(p, "the query method q=" + *q + " is not supported");
        }
        bool ok = false;
        sig.bodyHash = base64Decode(dkimStripWhitespace(*t.find("bh")), &ok);
        if (!ok || sig.bodyHash.empty())
            return fail(p, "the body hash bh= is not valid base64");
    }

    uint64_t n = 0;
    if (const std::string *ts = t.find("t")) {
        if (!parseDecimal(*ts, 12, n))
            return fail(p, "the timestamp t= is not a number");
        sig.timestamp = int64_t(n);
    }
    if (const std::string *x = t.find("x")) {
        if (!parseDecimal(*x, 12, n))
            return fail(p, "the expiration x= is not a number");
        sig.expiration = int64_t(n);
    }
    if (sig.timestamp && sig.expiration && *sig.expiration <= *sig.timestamp)
        return fail(p, "x= is not after t=");

    bool ok = false;
    sig.signature = base64Decode(dkimStripWhitespace(*t.find("b")), &ok);
    if (!ok || sig.signature.empty())
        return fail(p, "the signature b= is not valid base64");
    return p;
}

} // namespace verifier
