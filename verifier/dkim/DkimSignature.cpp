#include "DkimSignature.h"

#include "Strings.h"

namespace verifier {

namespace {

bool validLabels(std::string_view name, bool allowUnderscore, size_t minLabels)
{
    if (name.empty() || name.size() > 253)
        return false;
    size_t labels = 0;
    for (std::string_view label : split(name, '.')) {
        if (label.empty() || label.size() > 63)
            return false;
        if (label.front() == '-' || label.back() == '-')
            return false;
        for (char c : label) {
            if (!(isAlpha(c) || isDigit(c) || c == '-' || (allowUnderscore && c == '_')))
                return false;
        }
        ++labels;
    }
    return labels >= minLabels;
}

bool parseUnsigned(std::string_view s, size_t maxDigits, uint64_t &out)
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

int hexValue(char c)
{
    if (isDigit(c))
        return c - '0';
    c = toLowerAscii(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// dkim-quoted-printable (§2.11), for i=.
std::string decodeQuotedPrintable(std::string_view s)
{
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '=' && i + 2 < s.size() + 0 && hexValue(s[i + 1]) >= 0 && hexValue(s[i + 2]) >= 0) {
            out.push_back(char(hexValue(s[i + 1]) * 16 + hexValue(s[i + 2])));
            i += 2;
        } else if (!isWsp(s[i]) && s[i] != '\r' && s[i] != '\n') {
            out.push_back(s[i]);
        }
    }
    return out;
}

bool validFieldName(std::string_view name)
{
    if (name.empty())
        return false;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 33 || u > 126 || c == ':')
            return false;
    }
    return true;
}

DkimSignatureParse fail(DkimSignatureParse &p, DkimFailure failure, std::string reason)
{
    p.failure = failure;
    p.reason = std::move(reason);
    return std::move(p);
}

} // namespace

bool isValidDkimDomain(std::string_view domain)
{
    return validLabels(domain, false, 2);
}

bool isValidDkimSelector(std::string_view selector)
{
    return validLabels(selector, true, 1);
}

DkimSignatureParse parseDkimSignature(std::string_view value)
{
    DkimSignatureParse p;
    DkimSignature &sig = p.signature;
    auto tags = DkimTagList::parse(value);
    if (!tags)
        return fail(p, DkimFailure::SignatureSyntax, "The signature field is malformed: " + tags.error().message + ".");
    sig.tags = std::move(tags).value();
    const DkimTagList &t = sig.tags;

    // Fill what the report shows first, so that even a failed parse names the signer.
    if (const std::string *d = t.find("d"))
        sig.domain = toLower(*d);
    if (const std::string *s = t.find("s"))
        sig.selector = toLower(*s);
    if (const std::string *a = t.find("a"))
        sig.algorithm = toLower(*a);
    if (const std::string *h = t.find("h")) {
        for (std::string_view item : split(*h, ':')) {
            if (sig.signedHeaders.size() == DkimSignature::kMaxSignedHeaders) {
                sig.signedHeadersTruncated = true;
                break;
            }
            sig.signedHeaders.emplace_back(trim(item));
        }
    }
    if (const std::string *i = t.find("i"))
        sig.identity = *i;
    else if (!sig.domain.empty())
        sig.identity = "@" + sig.domain;
    if (const std::string *c = t.find("c"))
        sig.canonicalizationText = toLower(*c);

    const std::string *v = t.find("v");
    if (!v)
        return fail(p, DkimFailure::MissingTag, "The signature has no v= tag.");
    if (*v != "1")
        return fail(p, DkimFailure::UnsupportedVersion, "The signature version v=" + *v + " is not supported.");
    for (const char *required : {"a", "b", "bh", "d", "h", "s"}) {
        if (!t.has(required))
            return fail(p, DkimFailure::MissingTag, std::string("The signature has no ") + required + "= tag.");
    }

    if (sig.algorithm == "rsa-sha256") {
        sig.keyType = DkimKeyType::Rsa;
        sig.hash = DkimHashAlgorithm::Sha256;
    } else if (sig.algorithm == "rsa-sha1") {
        sig.keyType = DkimKeyType::Rsa;
        sig.hash = DkimHashAlgorithm::Sha1;
    } else if (sig.algorithm == "ed25519-sha256") {
        sig.keyType = DkimKeyType::Ed25519;
        sig.hash = DkimHashAlgorithm::Sha256;
    } else {
        return fail(p, DkimFailure::UnsupportedAlgorithm, "The signing algorithm \"" + sig.algorithm + "\" is not supported.");
    }

    if (const std::string *c = t.find("c")) {
        auto pair = parseDkimCanonicalization(*c);
        if (!pair)
            return fail(p, DkimFailure::UnsupportedCanonicalization, "The canonicalization \"" + *c + "\" is not supported.");
        sig.canonicalization = *pair;
    }
    sig.canonicalizationText = std::string(dkimCanonicalizationName(sig.canonicalization.header)) + "/" +
                               std::string(dkimCanonicalizationName(sig.canonicalization.body));

    if (const std::string *q = t.find("q")) {
        bool dnsTxt = false;
        for (std::string_view m : split(*q, ':')) {
            m = trim(m);
            // §3.5: "dns/txt"; the options part after '/' is "txt" for the only defined method.
            if (equalsIgnoreCase(m, "dns/txt"))
                dnsTxt = true;
        }
        if (!dnsTxt)
            return fail(p, DkimFailure::UnsupportedQueryMethod, "The query method q=" + *q + " is not supported.");
    }

    if (!isValidDkimDomain(sig.domain))
        return fail(p, DkimFailure::InvalidDomain, "The signing domain d= is not a valid domain name.");
    if (!isValidDkimSelector(sig.selector))
        return fail(p, DkimFailure::InvalidDomain, "The selector s= is not a valid selector.");

    if (sig.signedHeadersTruncated)
        return fail(p, DkimFailure::SignatureSyntax,
                    "The h= list names more than " + std::to_string(DkimSignature::kMaxSignedHeaders) +
                        " header fields; the signature is not evaluated.");
    for (const std::string &h : sig.signedHeaders) {
        if (!validFieldName(h))
            return fail(p, DkimFailure::SignatureSyntax, "The h= list holds an empty or malformed field name.");
    }
    bool fromSigned = false;
    for (const std::string &h : sig.signedHeaders)
        if (equalsIgnoreCase(h, "from"))
            fromSigned = true;
    if (!fromSigned)
        return fail(p, DkimFailure::FromNotSigned, "The signature does not cover the From field.");

    if (const std::string *i = t.find("i")) {
        const std::string decoded = decodeQuotedPrintable(*i);
        const size_t at = decoded.rfind('@');
        if (at == std::string::npos)
            return fail(p, DkimFailure::SignatureSyntax, "The identity i= has no '@'.");
        sig.identityDomain = toLower(decoded.substr(at + 1));
        const bool same = sig.identityDomain == sig.domain;
        const bool sub = sig.identityDomain.size() > sig.domain.size() &&
                         endsWithIgnoreCase(sig.identityDomain, "." + sig.domain);
        if (!same && !sub)
            return fail(p, DkimFailure::IdentityMismatch,
                        "The identity i= is not in the signing domain " + sig.domain + ".");
    } else {
        sig.identityDomain = sig.domain;
    }

    uint64_t n = 0;
    if (const std::string *l = t.find("l")) {
        if (!parseUnsigned(*l, 76, n) || l->size() > 19)
            return fail(p, DkimFailure::SignatureSyntax, "The body length l= is not a number.");
        sig.bodyLength = n;
    }
    if (const std::string *ts = t.find("t")) {
        if (!parseUnsigned(*ts, 12, n))
            return fail(p, DkimFailure::SignatureSyntax, "The timestamp t= is not a number.");
        sig.timestamp = int64_t(n);
    }
    if (const std::string *x = t.find("x")) {
        if (!parseUnsigned(*x, 12, n))
            return fail(p, DkimFailure::SignatureSyntax, "The expiration x= is not a number.");
        sig.expiration = int64_t(n);
    }
    if (sig.timestamp && sig.expiration && *sig.expiration <= *sig.timestamp)
        return fail(p, DkimFailure::TimestampOrder, "The signature expires (x=) before it was made (t=).");

    bool ok = false;
    sig.bodyHash = base64Decode(dkimStripWhitespace(*t.find("bh")), &ok);
    if (!ok || sig.bodyHash.empty())
        return fail(p, DkimFailure::SignatureSyntax, "The body hash bh= is not valid base64.");
    sig.signature = base64Decode(dkimStripWhitespace(*t.find("b")), &ok);
    if (!ok || sig.signature.empty())
        return fail(p, DkimFailure::SignatureSyntax, "The signature b= is not valid base64.");
    return p;
}

} // namespace verifier
