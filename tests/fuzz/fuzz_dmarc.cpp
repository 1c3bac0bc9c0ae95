// libFuzzer target: DMARC policy records (RFC 9989 §4.7-§4.8) (verifier/dmarc parseDmarcRecord).
#include "DmarcRecord.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    std::string_view text(reinterpret_cast<const char *>(data), size);
    auto record = verifier::parseDmarcRecord(text);
    if (record)
        (void)record->problems.size();
    (void)verifier::parseDmarcPolicy(text);
    return 0;
}
