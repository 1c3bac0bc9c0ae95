// libFuzzer target: Authentication-Results (RFC 8601 §2.2) (verifier/authres), both modes.
#include "AuthResultsParser.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    std::string_view value(reinterpret_cast<const char *>(data), size);
    for (auto mode : {verifier::AuthResultsMode::Strict, verifier::AuthResultsMode::Relaxed}) {
        auto parsed = verifier::parseAuthenticationResults(value, mode);
        if (parsed) {
            for (const auto &method : parsed->methods)
                (void)verifier::registeredResults(method.method);
        }
    }
    return 0;
}
