#include "DkimKeyRecord.h"

#include "DkimTagList.h"
#include "Strings.h"

namespace verifier {

bool DkimKeyRecord::allowsHash(std::string_view hash) const
{
    if (hashAlgorithms.empty())
        return true;
    for (const std::string &h : hashAlgorithms)
        if (h == hash)
            return true;
    return false;
}

bool DkimKeyRecord::allowsEmail() const
{
    for (const std::string &s : serviceTypes)
        if (s == "*" || s == "email")
            return true;
    return false;
}

Expected<DkimKeyRecord> DkimKeyRecord::parse(std::string_view text)
{
    auto tags = DkimTagList::parse(text);
    if (!tags)
        return makeError("key record syntax: " + tags.error().message);
    DkimKeyRecord record;
    if (const std::string *v = tags->find("v")) {
        // §3.6.1: "If specified, this tag MUST be set to "DKIM1" ... MUST be the first tag".
        if (*v != "DKIM1")
            return makeError("key record version is \"" + *v + "\", not DKIM1");
        if (tags->tags().front().name != "v")
            return makeError("v= is not the first tag of the key record");
    }
    if (const std::string *k = tags->find("k"))
        record.keyType = toLower(*k);
    if (const std::string *h = tags->find("h")) {
        if (!dkimSplitList(toLower(*h), ':', record.hashAlgorithms))
            return makeError("key record h= is malformed");
    }
    if (const std::string *s = tags->find("s")) {
        if (!dkimSplitList(toLower(*s), ':', record.serviceTypes))
            return makeError("key record s= is malformed");
    }
    if (const std::string *t = tags->find("t")) {
        std::vector<std::string> flags;
        if (!dkimSplitList(toLower(*t), ':', flags))
            return makeError("key record t= is malformed");
        for (const std::string &f : flags) {
            if (f == "y")
                record.testing = true;
            else if (f == "s")
                record.strictSubdomain = true;
        }
    }
    if (const std::string *n = tags->find("n"))
        record.notes = *n;
    const std::string *p = tags->find("p");
    if (!p)
        return makeError("key record has no p= tag");
    const std::string key = dkimStripWhitespace(*p);
    if (key.empty()) {
        record.revoked = true;
        return record;
    }
    bool ok = false;
    record.publicKey = base64Decode(key, &ok);
    if (!ok || record.publicKey.empty())
        return makeError("key record p= is not valid base64");
    return record;
}

} // namespace verifier
