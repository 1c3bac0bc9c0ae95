// libFuzzer target: addresses (RFC 5322 §3.4, §4.4), encoded words (RFC 2047) and the From
// analysis (verifier/mail parseAddressList, decodeEncodedWords, analyseFrom).
#include "Address.h"
#include "FromAnalysis.h"
#include "Message.h"
#include "Rfc2047.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    std::string_view value(reinterpret_cast<const char *>(data), size);
    for (auto mode : {verifier::AddressParseMode::Strict, verifier::AddressParseMode::Lenient}) {
        auto list = verifier::parseAddressList(value, mode);
        for (const auto &mailbox : list.mailboxes)
            (void)mailbox.address();
    }
    bool had = false;
    (void)verifier::decodeEncodedWords(value, &had);
    // The same bytes as the value of a From field, through the one parse of the author.
    auto message = verifier::Message::parse("From:" + std::string(value) + "\r\nSubject: x\r\n\r\nbody\r\n");
    if (message)
        (void)verifier::analyseFrom(*message);
    return 0;
}
