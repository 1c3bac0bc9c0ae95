#include "DomainKeysVerifier.h"

#include "Address.h"
#include "DkimKeyRecord.h"
#include "DkimPublicKey.h"
#include "DkimTagList.h"
#include "DomainNameCheck.h"
#include "Strings.h"

#include <algorithm>

namespace verifier {

namespace {

void appendNoFws(std::string &out, std::string_view line)
{
    for (char c : line) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            out += c;
    }
}

bool listed(const std::vector<std::string> &names, std::string_view name)
{
    return std::any_of(names.begin(), names.end(), [&](const std::string &n) { return equalsIgnoreCase(n, name); });
}

/// g= of RFC 4870 §3.2.3: '*' matches any run of characters (as Mail::DKIM and RFC 4871 did).
bool granularityMatches(std::string_view pattern, std::string_view local)
{
    const size_t star = pattern.find('*');
    if (star == std::string_view::npos)
        return pattern == local;
    const std::string_view head = pattern.substr(0, star), tail = pattern.substr(star + 1);
    if (tail.find('*') != std::string_view::npos)
        return false; // one wildcard at most
    return local.size() >= head.size() + tail.size() && local.substr(0, head.size()) == head &&
           local.substr(local.size() - tail.size()) == tail;
}

DomainKeysResult fail(DomainKeysResult r, AuthResult result, std::string reason)
{
    r.result = result;
    r.reason = std::move(reason);
    return r;
}

DomainKeysResult verifyOne(const Message &message, const HeaderField &field, const Resolver &resolver,
                           const DomainKeysOptions &options)
{
    DomainKeysResult r;
    r.fieldIndex = field.index;
    Expected<DkimTagList> tags = DkimTagList::parse(field.rawValue);
    if (!tags)
        return fail(r, AuthResult::PermError, "the DomainKey-Signature does not parse: " + tags.error().message);
    auto tag = [&](const char *name) { return tags->find(name); };
    if (const std::string *d = tag("d"))
        r.domain = toLower(*d);
    if (const std::string *s = tag("s"))
        r.selector = *s;
    const std::string *c = tag("c");
    r.canonicalization = c ? toLower(*c) : std::string("simple");
    if (!isPlausibleDomainName(r.domain))
        r.domain = escapeForDisplay(r.domain);
    if (!isPlausibleDomainName(r.selector, true))
        r.selector = escapeForDisplay(r.selector);
    for (const char *required : {"b", "d", "s"}) {
        if (!tag(required))
            return fail(r, AuthResult::PermError, std::string("the required tag ") + required + "= is missing");
    }
    if (tag("a") && !equalsIgnoreCase(*tag("a"), "rsa-sha1"))
        return fail(r, AuthResult::PermError, "unsupported algorithm a=" + escapeForDisplay(*tag("a")));
    if (tag("q") && !equalsIgnoreCase(*tag("q"), "dns"))
        return fail(r, AuthResult::PermError, "unsupported query method q=" + escapeForDisplay(*tag("q")));
    DomainKeysCanonicalization canon;
    if (r.canonicalization == "simple")
        canon = DomainKeysCanonicalization::Simple;
    else if (r.canonicalization == "nofws")
        canon = DomainKeysCanonicalization::NoFws;
    else
        return fail(r, AuthResult::PermError, "unsupported canonicalization c=" + escapeForDisplay(r.canonicalization));
    if (!isPlausibleDomainName(r.domain) || !isPlausibleDomainName(r.selector, true))
        return fail(r, AuthResult::PermError, "d= or s= is not a valid domain name");
    bool b64ok = false;
    const std::string signature = base64Decode(dkimStripWhitespace(*tag("b")), &b64ok);
    if (!b64ok || signature.empty())
        return fail(r, AuthResult::PermError, "b= is not base64");
    const bool haveHeaderList = tag("h") != nullptr;
    std::vector<std::string> headerList;
    if (haveHeaderList) {
        if (!dkimSplitList(*tag("h"), ':', headerList))
            return fail(r, AuthResult::PermError, "h= holds an empty field name");
        r.signedHeaders = headerList;
    }

    // The sending address: the signed Sender field when there is one, else the signed From
    // (RFC 4870 §3.2; a Sender the signature does not cover is someone else's addition and is
    // ignored, as Mail::DKIM does). Exactly one such field must be signed.
    auto signedFields = [&](std::string_view name) {
        std::vector<const HeaderField *> out;
        if (haveHeaderList && !listed(headerList, name))
            return out;
        for (const HeaderField *f : message.fields(name)) {
            if (f->index > field.index)
                out.push_back(f);
        }
        return out;
    };
    const std::vector<const HeaderField *> senders = signedFields("Sender");
    const std::vector<const HeaderField *> froms = signedFields("From");
    const std::vector<const HeaderField *> &use = senders.empty() ? froms : senders;
    const char *useName = senders.empty() ? "From" : "Sender";
    if (use.empty())
        return fail(r, AuthResult::PermError, "neither Sender nor From is covered by the signature");
    if (use.size() != 1 || message.count(useName) != 1)
        return fail(r, AuthResult::PermError, std::string("the message has ") + std::to_string(message.count(useName)) +
                                                  " " + useName + " fields; DomainKeys needs exactly one");
    const HeaderField &senderField = *use.front();
    const AddressList addresses = parseAddressList(senderField.rawValue, AddressParseMode::Strict);
    if (addresses.kind != AddressListKind::One || addresses.mailboxes.size() != 1 ||
        addresses.mailboxes.front().domain.empty())
        return fail(r, AuthResult::PermError, std::string("the ") + useName + " field does not hold exactly one address");
    const Mailbox &sender = addresses.mailboxes.front();
    r.sender = sender.address();
    const std::string senderDomain = toLower(sender.domain);
    if (senderDomain != r.domain && !endsWithIgnoreCase(senderDomain, "." + r.domain))
        return fail(r, AuthResult::PermError,
                    "the signing domain " + r.domain + " is not the sender's domain " + senderDomain);

    // The key.
    const DnsAnswer answer = resolver.query(r.selector + "._domainkey." + r.domain, RrType::TXT);
    if (answer.temporary())
        return fail(r, AuthResult::TempError, "the key could not be fetched (temporary DNS failure)");
    if (!answer.ok() || answer.records.empty())
        return fail(r, AuthResult::PermError, "no key is published at " + r.selector + "._domainkey." + r.domain);
    std::optional<DkimKeyRecord> key;
    std::string granularity, keyError;
    for (const DnsRecord &rec : answer.records) {
        Expected<DkimKeyRecord> parsed = DkimKeyRecord::parse(rec.text);
        if (!parsed) {
            keyError = parsed.error().message;
            continue;
        }
        key = *parsed;
        if (Expected<DkimTagList> keyTags = DkimTagList::parse(rec.text); keyTags && keyTags->find("g"))
            granularity = *keyTags->find("g");
        break;
    }
    if (!key)
        return fail(r, AuthResult::PermError, "the key record does not parse: " + keyError);
    r.testing = key->testing;
    if (key->revoked)
        return fail(r, AuthResult::PermError, "the key has been revoked (empty p=)");
    if (!equalsIgnoreCase(key->keyType, "rsa"))
        return fail(r, AuthResult::PermError, "the key is not an RSA key (k=" + escapeForDisplay(key->keyType) + ")");
    if (!key->allowsHash("sha1"))
        return fail(r, AuthResult::PermError, "the key does not allow SHA-1 (h=)");
    if (!granularity.empty() && !granularityMatches(granularity, sender.localPart))
        return fail(r, AuthResult::PermError, "the key's g=" + escapeForDisplay(granularity) + " does not match the sender " + r.sender);
    Expected<DkimPublicKey> publicKey = DkimPublicKey::load("rsa", key->publicKey);
    if (!publicKey)
        return fail(r, AuthResult::PermError, "the key cannot be read: " + publicKey.error().message);
    r.keyBits = publicKey->bits();
    if (r.keyBits < options.minRsaBits)
        return fail(r, AuthResult::PermError,
                    "the key has " + std::to_string(r.keyBits) + " bits, fewer than " + std::to_string(options.minRsaBits));

    const std::string data = DomainKeysVerifier::signedData(message, field.index, headerList, haveHeaderList, canon);
    if (publicKey->verify(DkimHashAlgorithm::Sha1, data, signature)) {
        r.result = AuthResult::Pass;
        r.reason = "DomainKeys signature by " + r.domain + " is valid";
    } else {
        r.result = AuthResult::Fail;
        r.reason = "the DomainKeys signature by " + r.domain + " does not verify (the message was changed)";
    }
    return r;
}

} // namespace

std::string DomainKeysVerifier::signedData(const Message &message, size_t signatureIndex,
                                           const std::vector<std::string> &headerList, bool haveHeaderList,
                                           DomainKeysCanonicalization canonicalization)
{
    std::string out;
    auto append = [&](const HeaderField &f) {
        if (canonicalization == DomainKeysCanonicalization::Simple)
            out += f.raw;
        else
            appendNoFws(out, f.raw);
        out += "\r\n";
    };
    if (!haveHeaderList) {
        for (const HeaderField &f : message.fields()) {
            if (f.index > signatureIndex)
                append(f);
        }
    } else {
        // In h= order; each name brings every instance below the signature, in message order
        // (what DomainKeys signers produced: Mail::DKIM's dk_headers_1 signs "received" twice).
        // A name listed again adds nothing (bounds the output).
        std::vector<std::string> seen;
        for (const std::string &name : headerList) {
            if (listed(seen, name))
                continue;
            seen.push_back(name);
            for (const HeaderField &f : message.fields()) {
                if (f.index > signatureIndex && equalsIgnoreCase(f.name, name))
                    append(f);
            }
        }
    }
    if (!message.hasBody())
        return out;
    // Lines of the body; a final line without CRLF is still a line.
    std::string_view body = message.body();
    std::string canonical;
    size_t keep = 0; // canonical length up to the last non-empty line
    size_t pos = 0;
    while (pos < body.size()) {
        size_t end = body.find("\r\n", pos);
        const size_t next = end == std::string_view::npos ? body.size() : end + 2;
        if (end == std::string_view::npos)
            end = body.size();
        const std::string_view line = body.substr(pos, end - pos);
        const size_t before = canonical.size();
        if (canonicalization == DomainKeysCanonicalization::Simple)
            canonical += line;
        else
            appendNoFws(canonical, line);
        const bool empty = canonical.size() == before;
        canonical += "\r\n";
        if (!empty)
            keep = canonical.size();
        pos = next;
    }
    canonical.resize(keep);
    if (!canonical.empty()) {
        out += "\r\n";
        out += canonical;
    }
    return out;
}

std::vector<DomainKeysResult> DomainKeysVerifier::verify(const Message &message, const Resolver &resolver,
                                                         const DomainKeysOptions &options)
{
    std::vector<DomainKeysResult> results;
    for (const HeaderField *f : message.fields("DomainKey-Signature")) {
        if (results.size() >= options.maxSignatures) {
            DomainKeysResult r;
            r.fieldIndex = f->index;
            r.result = AuthResult::Neutral;
            r.reason = "not evaluated: more than " + std::to_string(options.maxSignatures) + " DomainKeys signatures";
            results.push_back(std::move(r));
            continue;
        }
        results.push_back(verifyOne(message, *f, resolver, options));
    }
    return results;
}

} // namespace verifier
