// libFuzzer target: DKIM tag lists (RFC 6376 §3.2), key records (§3.6.1) and DKIM-Signature
// fields (§3.5) (verifier/dkim).
#include "DkimKeyRecord.h"
#include "DkimSignature.h"
#include "DkimTagList.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    std::string_view text(reinterpret_cast<const char *>(data), size);
    auto tags = verifier::DkimTagList::parse(text);
    if (tags) {
        for (const auto &tag : tags->tags()) {
            (void)verifier::dkimStripWhitespace(tag.value);
            std::vector<std::string> items;
            (void)verifier::dkimSplitList(tag.value, ':', items);
        }
    }
    auto key = verifier::DkimKeyRecord::parse(text);
    if (key) {
        (void)key->allowsHash("sha256");
        (void)key->allowsEmail();
    }
    auto signature = verifier::parseDkimSignature(text);
    (void)signature.signature.keyName();
    (void)verifier::isValidDkimDomain(text);
    (void)verifier::isValidDkimSelector(text);
    return 0;
}
