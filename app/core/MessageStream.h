#pragma once
// Reading messages one at a time from a file or standard input, without holding the whole input:
// a regular file is mapped (each message a view into the mapping, copied only where mboxrd
// ">From " lines must be unquoted), a pipe or terminal is read in bounded chunks (each message
// copied once, out of the chunk). Memory stays bounded by the largest message, whatever the
// number of messages (issue 22); every message is returned, none is dropped (issue 24, item 9).
//
// The mbox format is mboxrd/mboxo as verifier::splitMbox reads it (RFC 4155): a "From " line
// after an empty line (or at the start) begins a message, the empty line before it belongs to
// the format, and ">From " lines lose one '>'.

#include "Expected.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace sealcheck {

struct MessageStreamLimits
{
    /// The largest message read (verifier::MessageLimits::maxMessageBytes): a larger one is
    /// reported as an error and skipped, without being held in memory.
    size_t maxMessageBytes = 64 * 1024 * 1024;
    /// Bytes read from a pipe at a time.
    size_t chunkBytes = 1024 * 1024;
};

/// One message of the input.
struct StreamedMessage
{
    std::string source;     ///< "file.eml", "box.mbox#3", "stdin", "stdin#2"
    std::string_view bytes; ///< valid while @c owner lives
    std::shared_ptr<const void> owner;
    /// Not empty when this message cannot be verified ("the message is empty", "... is UTF-16
    /// text ...", too large): say it, count it as an input error, and go on with the next.
    std::string error;
    /// Where the message ends in the input: everything before it may be released once this
    /// message is done (see MessageStream::release).
    uint64_t end = 0;
};

class MessageStream
{
public:
    /// Opens @p path ("-" = standard input). Fails when it cannot be opened or is a directory.
    static verifier::Expected<std::unique_ptr<MessageStream>> open(const std::string &path,
                                                                   const MessageStreamLimits &limits = {});
    ~MessageStream();
    MessageStream(const MessageStream &) = delete;
    MessageStream &operator=(const MessageStream &) = delete;

    /// The next message. Returns false at the end of the input, or when reading failed (then
    /// readError() says why; the messages before were complete).
    bool next(StreamedMessage &out);
    /// Not empty when the input could not be read to its end.
    const std::string &readError() const { return m_readError; }
    /// The caller no longer needs the input before @p offset: a mapped file gives those pages
    /// back (they stay in the page cache), so resident memory stays bounded.
    void release(uint64_t offset);
    /// True for a mapped regular file (next() never waits); false for a pipe or terminal.
    bool isMapped() const { return m_mappedFile; }
    /// How many messages next() has returned.
    uint64_t count() const { return m_count; }

private:
    MessageStream() = default;
    bool nextMapped(StreamedMessage &out);
    bool nextChunked(StreamedMessage &out);
    bool nextLine(std::string_view &line);
    bool fill();
    void finish(StreamedMessage &out, std::string_view bytes, std::shared_ptr<const void> owner, bool tooLarge,
                size_t size);

    MessageStreamLimits m_limits;
    std::string m_name;
    bool m_mbox = false;
    uint64_t m_count = 0;
    std::string m_readError;

    // A mapped regular file.
    bool m_mappedFile = false;
    std::shared_ptr<const void> m_mapping;
    std::string_view m_data;
    size_t m_pos = 0;
    uint64_t m_released = 0;

    // A pipe: the chunk being split, the line that crossed a chunk boundary.
    int m_fd = -1;
    bool m_ownFd = false;
    bool m_eof = false;
    std::string m_chunk;
    size_t m_chunkPos = 0;
    std::string m_spill;
    bool m_spillTooLong = false;
    bool m_started = false;
    bool m_previousEmpty = true;
    bool m_pendingFromLine = false;
    uint64_t m_offset = 0;
};

/// What @p bytes is when it is no e-mail message at all: "empty", "UTF-16 text ...", "binary
/// data ..."; empty when it may be one (then the verifier judges it).
std::string notAMessage(std::string_view bytes);

} // namespace sealcheck
