#pragma once
// Reading messages from files: a single RFC 5322 message (.eml, LF or CRLF), an mbox (each
// message), or "-" for standard input. Bounded by the message size limit.

#include "Expected.h"

#include <string>
#include <vector>

namespace sealcheck {

struct MessageInput
{
    std::string source;   ///< "file.eml", "box.mbox#3", "stdin"
    std::string bytes;
};

/// Reads @p path ("-" = stdin). An mbox yields one entry per message.
verifier::Expected<std::vector<MessageInput>> readMessages(const std::string &path,
                                                          size_t maxBytes = 512u * 1024 * 1024);

} // namespace sealcheck
