// libFuzzer target: MIME structure (verifier/mime parseMime, displayedParts,
// decodeTransferEncoding, parseParameterizedValue).
#include "Message.h"
#include "Mime.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {
void walk(const verifier::MimePart &part, const verifier::Message &message, int &budget)
{
    if (budget-- <= 0)
        return;
    (void)part.bytes(message);
    (void)part.headerBytes(message);
    if (part.children.empty())
        (void)verifier::decodeTransferEncoding(part.bodyBytes(message), part.transferEncoding);
    for (const auto &child : part.children)
        walk(child, message, budget);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    std::string bytes(reinterpret_cast<const char *>(data), size);
    auto message = verifier::Message::parse(bytes);
    if (!message)
        return 0;
    verifier::MimeLimits limits;
    limits.maxDepth = 8;   // small limits so the fuzzer reaches them
    limits.maxParts = 100;
    auto root = verifier::parseMime(*message, limits);
    int budget = 200;
    walk(root, *message, budget);
    (void)verifier::displayedParts(root);
    if (const auto *ct = message->field("Content-Type")) {
        std::vector<std::string> problems;
        (void)verifier::parseParameterizedValue(ct->rawValue, &problems);
    }
    return 0;
}
