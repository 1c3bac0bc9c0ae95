// libFuzzer target: Received trace fields (RFC 5321 §4.4) (verifier/dmarc parseReceived,
// analyseTrace).
#include "Message.h"
#include "Received.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    std::string_view value(reinterpret_cast<const char *>(data), size);
    auto hop = verifier::parseReceived(value);
    (void)verifier::isLocalOnlyHop(hop);
    (void)verifier::matchesRelay(hop.by, "mx.example.net");
    // Two hops with this value, under a trusted relay, through the whole trace analysis.
    std::string header = "Received: from a (a [192.0.2.1]) by mx.example.net with ESMTPS id 1; "
                         "Mon, 1 Jan 2024 00:00:00 +0000\r\nReceived:" + std::string(value)
                         + "\r\nReceived:" + std::string(value) + "\r\nReturn-Path: <a@b.example>\r\n\r\n";
    auto message = verifier::Message::parse(header);
    if (message)
        (void)verifier::analyseTrace(*message, {"example.net"});
    return 0;
}
