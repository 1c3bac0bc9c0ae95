// libFuzzer target: RFC 1035 §5 master files (verifier/dns MasterFileParser,
// ZoneResolver::loadMasterFile) and queries against the loaded zone.
#include "MasterFileParser.h"
#include "ZoneResolver.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    std::string_view text(reinterpret_cast<const char *>(data), size);
    verifier::MasterFileParser::Limits limits;
    limits.maxRecords = 2000; // small limits so the fuzzer reaches them
    auto contents = verifier::MasterFileParser::parse(text, "example.com", limits);
    (void)verifier::MasterFileParser::decodeCharacterString(text.substr(0, 512));
    if (size > 64 * 1024)
        return 0;
    verifier::ZoneResolver zone;
    auto added = zone.loadMasterFile(text, "example.com.");
    if (added && contents) {
        int budget = 32;
        for (const auto &record : contents->records) {
            if (budget-- == 0)
                break;
            (void)zone.query(record.owner, record.type);
            (void)zone.query(record.owner, verifier::RrType::TXT);
        }
        (void)zone.query("nonexistent.example.com", verifier::RrType::A);
    }
    return 0;
}
