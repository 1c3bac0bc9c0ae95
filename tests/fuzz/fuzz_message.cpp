// libFuzzer target: RFC 5322 message parsing (verifier/core Message::parse, splitMbox).
#include "Message.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    std::string bytes(reinterpret_cast<const char *>(data), size);
    verifier::MessageLimits limits;
    limits.maxHeaderFields = 200; // small limits so the fuzzer reaches them
    limits.maxHeaderLineLength = 4096;
    auto message = verifier::Message::parse(bytes, limits);
    if (message) {
        for (const auto &field : message->fields()) {
            (void)field.value();
            (void)field.is("from");
        }
        (void)message->fields("Received");
        (void)message->body();
        (void)message->headerSection();
    }
    if (verifier::looksLikeMbox(bytes))
        (void)verifier::splitMbox(bytes, 50);
    return 0;
}
