// libFuzzer target: IMAP server responses (app/imap ImapFramer, ImapParser; RFC 9051 §7).
// The input is a byte stream as a server would send it: it is framed in two chunkings (whole,
// and split at a position taken from the first byte) and every frame is parsed.
#include "ImapFramer.h"
#include "ImapParser.h"

#include <cstddef>
#include <cstdint>

namespace {
void run(const QByteArray &stream, qsizetype split)
{
    imap::ImapFramer framer(1 << 20, 1 << 20);
    framer.feed(stream.left(split));
    framer.feed(stream.mid(split));
    const auto frames = framer.takeFrames();
    for (const auto &frame : frames)
        (void)imap::ImapParser::parse(frame.bytes);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray stream = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    // The input as one complete response, as ImapParser's contract allows.
    (void)imap::ImapParser::parse(stream);
    run(stream, stream.size());
    if (size > 0)
        run(stream, qsizetype(data[0]) % (qsizetype(size) + 1));
    return 0;
}
