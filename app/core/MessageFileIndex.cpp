#include "MessageFileIndex.h"

#include "Message.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace sealcheck {

namespace {

struct FileCloser
{
    void operator()(FILE *f) const { std::fclose(f); }
};
using File = std::unique_ptr<FILE, FileCloser>;

std::string errnoText() { return std::strerror(errno); }

} // namespace

verifier::Expected<MessageFileIndex> indexMessageFile(const std::string &path, const MessageFileLimits &limits)
{
    File f(std::fopen(path.c_str(), "rb"));
    if (!f)
        return verifier::makeError("cannot open " + path + ": " + errnoText());
    MessageFileIndex index;
    index.path = path;
    char head[5] = {};
    const size_t got = std::fread(head, 1, sizeof head, f.get());
    index.mbox = got == 5 && std::memcmp(head, "From ", 5) == 0;
    if (!index.mbox) {
        if (std::fseek(f.get(), 0, SEEK_END) != 0)
            return verifier::makeError("cannot read " + path + ": " + errnoText());
        const long size = std::ftell(f.get());
        if (size < 0)
            return verifier::makeError("cannot read " + path + ": " + errnoText());
        if (uint64_t(size) > limits.maxMessageBytes)
            return verifier::makeError(path + " is " + std::to_string(size) + " bytes, more than the limit of "
                                       + std::to_string(limits.maxMessageBytes) + " bytes for one message");
        index.spans.push_back(MessageSpan{0, uint64_t(size)});
        return index;
    }
    std::rewind(f.get());
    // Line by line over 1 MiB chunks: a message starts at a "From " line at the start of the
    // file or after an empty line (splitMbox's rule). Only the start of a line is looked at, and
    // a line's start may sit in the previous chunk: `lineStart` and `lineHead` carry it over.
    std::vector<char> buf(1 << 20);
    uint64_t pos = 0;            // file offset of buf[0]
    uint64_t lineStart = 0;      // file offset of the current line
    std::string lineHead;        // its first bytes (up to 5)
    bool lineHasContent = false; // the current line has a byte other than CR
    bool previousEmpty = true;
    auto endLine = [&]() {
        const bool isFrom = lineHead.size() == 5 && lineHead == "From ";
        if (isFrom && previousEmpty) {
            if (!index.spans.empty())
                index.spans.back().length = lineStart - index.spans.back().offset;
            if (index.spans.size() >= limits.maxMessages) {
                index.truncated = true;
                return false;
            }
            index.spans.push_back(MessageSpan{lineStart, 0});
        }
        previousEmpty = !lineHasContent;
        return true;
    };
    size_t n;
    bool stop = false;
    while (!stop && (n = std::fread(buf.data(), 1, buf.size(), f.get())) > 0) {
        for (size_t i = 0; i < n; ++i) {
            const char c = buf[i];
            if (c == '\n') {
                if (!endLine()) {
                    stop = true;
                    break;
                }
                lineStart = pos + i + 1;
                lineHead.clear();
                lineHasContent = false;
                continue;
            }
            if (lineHead.size() < 5)
                lineHead += c;
            if (c != '\r')
                lineHasContent = true;
        }
        if (!stop)
            pos += n;
    }
    if (std::ferror(f.get()))
        return verifier::makeError("cannot read " + path + ": " + errnoText());
    if (!stop) {
        if (lineStart < pos && !endLine()) // a last line without '\n'
            stop = true;
    }
    if (!index.spans.empty() && index.spans.back().length == 0)
        index.spans.back().length = (stop ? lineStart : pos) - index.spans.back().offset;
    return index;
}

verifier::Expected<std::string> readIndexedMessage(const MessageFileIndex &index, const MessageSpan &span,
                                                   const MessageFileLimits &limits)
{
    File f(std::fopen(index.path.c_str(), "rb"));
    if (!f)
        return verifier::makeError("cannot open " + index.path + ": " + errnoText());
    if (std::fseek(f.get(), long(span.offset), SEEK_SET) != 0)
        return verifier::makeError("cannot read " + index.path + ": " + errnoText());
    // Room for the From_ line and the mboxrd quoting beside a message at the limit.
    const uint64_t want = std::min<uint64_t>(span.length, limits.maxMessageBytes + 64 * 1024);
    std::string bytes(size_t(want), '\0');
    const size_t got = std::fread(bytes.data(), 1, bytes.size(), f.get());
    if (std::ferror(f.get()))
        return verifier::makeError("cannot read " + index.path + ": " + errnoText());
    bytes.resize(got);
    if (!index.mbox)
        return bytes;
    std::vector<std::string> one = verifier::splitMbox(bytes, 1);
    if (one.empty())
        return std::string();
    return std::move(one.front());
}

} // namespace sealcheck
