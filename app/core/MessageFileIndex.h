#pragma once
// Opening a large mbox without holding it (issue 24: a 53 MB mbox of a million messages took
// the desktop program past 5 GB). indexMessageFile() reads the file once in 1 MiB chunks and
// keeps only where each message lies (16 bytes a message); readIndexedMessage() reads one
// message back by its offset when it is verified or shown. The bytes returned are exactly what
// verifier::splitMbox() gives for that message (From_ line dropped, mboxrd ">From " unquoted,
// the separator's empty line removed); a file that is not an mbox is one message.

#include "Expected.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sealcheck {

struct MessageSpan
{
    uint64_t offset = 0; ///< first byte (the "From " line of an mbox message)
    uint64_t length = 0; ///< up to the next message's "From " line
};

struct MessageFileIndex
{
    std::string path;
    bool mbox = false;
    std::vector<MessageSpan> spans;
    /// More messages than maxMessages: the rest of the file is not indexed.
    bool truncated = false;
};

struct MessageFileLimits
{
    size_t maxMessages = 2000000;
    /// A file that is not an mbox is one message: larger than this, it is refused unread.
    uint64_t maxMessageBytes = 64ull * 1024 * 1024;
};

verifier::Expected<MessageFileIndex> indexMessageFile(const std::string &path, const MessageFileLimits &limits = {});

/// The message at @p span of @p index, read from the file again (the file may have changed
/// since: then whatever the bytes are now). At most limits.maxMessageBytes + 1 are read, so an
/// oversized message still fails the verifier's size check without growing memory further.
verifier::Expected<std::string> readIndexedMessage(const MessageFileIndex &index, const MessageSpan &span,
                                                   const MessageFileLimits &limits = {});

} // namespace sealcheck
