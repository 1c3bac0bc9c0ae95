#include "MessageStream.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace sealcheck {

using verifier::Expected;
using verifier::makeError;

namespace {

bool startsWithFrom(std::string_view line)
{
    return line.size() >= 5 && std::memcmp(line.data(), "From ", 5) == 0;
}

/// A line without its line end is empty (also "\r", as verifier::splitMbox reads it).
bool isEmptyLine(std::string_view line)
{
    for (char c : line) {
        if (c != '\r' && c != '\n')
            return false;
    }
    return true;
}

/// mboxrd: a line of one or more '>' followed by "From " loses one '>'.
bool isQuotedFrom(std::string_view line)
{
    size_t q = 0;
    while (q < line.size() && line[q] == '>')
        ++q;
    return q > 0 && line.substr(q, 5) == "From ";
}

/// The empty line before a separator belongs to the mbox format, not the message.
std::string_view withoutSeparatorLine(std::string_view m)
{
    const size_t n = m.size();
    if (n >= 2 && m.substr(n - 2) == "\r\n" && (n == 2 || m[n - 3] == '\n'))
        m.remove_suffix(2);
    else if (n >= 1 && m.back() == '\n' && (n == 1 || m[n - 2] == '\n'))
        m.remove_suffix(1);
    return m;
}

std::string tooLargeText(uint64_t size, size_t limit, bool atLeast)
{
    return "the message is " + std::to_string(size) + (atLeast ? " bytes or more" : " bytes") + ", more than the limit of " +
           std::to_string(limit) + " bytes";
}

struct Mapping
{
    void *address = nullptr;
    size_t size = 0;
    ~Mapping()
    {
        if (address)
            munmap(address, size);
    }
};

size_t pageSize()
{
    static const size_t size = size_t(sysconf(_SC_PAGESIZE));
    return size;
}

} // namespace

std::string notAMessage(std::string_view bytes)
{
    if (bytes.empty())
        return "is empty";
    if (isEmptyLine(bytes) || bytes.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return "holds only blank lines";
    if (bytes.size() >= 2 && ((bytes[0] == '\xff' && bytes[1] == '\xfe') || (bytes[0] == '\xfe' && bytes[1] == '\xff')))
        return "is UTF-16 text (it starts with a UTF-16 byte-order mark), not an e-mail message: save it as UTF-8";
    const std::string_view head = bytes.substr(0, 1024);
    // A first line that reads as a header field: a message (the verifier judges the rest; it
    // reports NUL bytes in the header as a spoofing trick).
    const std::string_view first = head.substr(0, head.find('\n'));
    size_t name = 0;
    while (name < first.size() && first[name] > ' ' && first[name] < 127 && first[name] != ':')
        ++name;
    if (name > 0 && name < first.size() && (first[name] == ':' || first[name] == ' '))
        return {};
    // UTF-16 without a byte-order mark: ASCII text with a zero byte beside every character.
    size_t zeroEven = 0, zeroOdd = 0;
    for (size_t i = 0; i < head.size(); ++i)
        (i % 2 ? zeroOdd : zeroEven) += head[i] == '\0' ? 1 : 0;
    const size_t half = head.size() / 2;
    if (half >= 4 && (zeroOdd * 10 >= half * 9 || zeroEven * 10 >= half * 9))
        return "is UTF-16 text, not an e-mail message: save it as UTF-8";
    // Binary data: no header field first, and NUL bytes or many control characters.
    size_t controls = 0;
    bool nul = false;
    for (char c : head) {
        const auto u = static_cast<unsigned char>(c);
        nul = nul || u == 0;
        controls += (u < 32 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\x1b') || u == 127 ? 1 : 0;
    }
    if (nul || controls * 10 > head.size())
        return "is binary data, not an e-mail message";
    return {};
}

Expected<std::unique_ptr<MessageStream>> MessageStream::open(const std::string &path, const MessageStreamLimits &limits)
{
    std::unique_ptr<MessageStream> s(new MessageStream);
    s->m_limits = limits;
    const bool isStdin = path == "-";
    s->m_name = isStdin ? std::string("stdin") : path;
    s->m_fd = isStdin ? 0 : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    s->m_ownFd = !isStdin;
    if (s->m_fd < 0)
        return makeError("cannot open " + path + ": " + std::strerror(errno));
    struct stat st{};
    if (fstat(s->m_fd, &st) != 0)
        return makeError("cannot read " + s->m_name + ": " + std::strerror(errno));
    if (S_ISDIR(st.st_mode))
        return makeError("cannot read " + s->m_name + ": it is a directory");
    if (S_ISREG(st.st_mode)) {
        const off_t start = isStdin ? lseek(0, 0, SEEK_CUR) : 0;
        if (start >= 0 && st.st_size > start) {
            auto mapping = std::make_shared<Mapping>();
            mapping->size = size_t(st.st_size);
            void *a = mmap(nullptr, mapping->size, PROT_READ, MAP_PRIVATE, s->m_fd, 0);
            if (a == MAP_FAILED)
                return makeError("cannot map " + s->m_name + ": " + std::strerror(errno));
            mapping->address = a;
            madvise(a, mapping->size, MADV_SEQUENTIAL);
            s->m_data = std::string_view(static_cast<const char *>(a) + start, mapping->size - size_t(start));
            s->m_mapping = std::move(mapping);
        } else {
            s->m_data = {};
        }
        s->m_eof = true;
        s->m_mappedFile = true;
        s->m_mbox = startsWithFrom(s->m_data);
        return s;
    }
    // A pipe, a terminal or a device: read in chunks. Look at the first bytes for "From ".
    while (!s->m_eof && s->m_chunk.size() < 5)
        s->fill();
    s->m_mbox = startsWithFrom(s->m_chunk);
    return s;
}

MessageStream::~MessageStream()
{
    if (m_ownFd && m_fd >= 0)
        ::close(m_fd);
}

bool MessageStream::next(StreamedMessage &out)
{
    out = StreamedMessage{};
    const bool got = m_mappedFile ? nextMapped(out) : nextChunked(out);
    if (got)
        ++m_count;
    return got;
}

void MessageStream::finish(StreamedMessage &out, std::string_view bytes, std::shared_ptr<const void> owner,
                           bool tooLarge, size_t size)
{
    out.source = m_mbox ? m_name + "#" + std::to_string(m_count + 1) : m_name;
    if (tooLarge || bytes.size() > m_limits.maxMessageBytes) {
        out.error = tooLargeText(tooLarge ? size : bytes.size(), m_limits.maxMessageBytes, tooLarge && !m_mappedFile);
        return;
    }
    out.error = notAMessage(bytes);
    if (!out.error.empty()) {
        out.error = (m_mbox ? "this message " : "it ") + out.error;
        return;
    }
    out.bytes = bytes;
    out.owner = std::move(owner);
}

// ---- A mapped file: messages are views into the mapping.

bool MessageStream::nextMapped(StreamedMessage &out)
{
    const std::string_view d = m_data;
    if (!m_mbox) {
        if (m_started)
            return false;
        m_started = true;
        finish(out, d, m_mapping, false, d.size()); // an empty file too: it says it is empty
        m_pos = d.size();
        out.end = d.size();
        return true;
    }
    if (!m_started) { // the "From " line that opens the file
        m_started = true;
        const size_t eol = d.find('\n');
        m_pos = eol == std::string_view::npos ? d.size() : eol + 1;
        m_pendingFromLine = true;
    }
    if (!m_pendingFromLine) // the last message was followed by no "From " line
        return false;
    const size_t start = m_pos;
    // One pass over the lines: the message ends where a "From " line follows an empty line (or
    // the file ends); a ">From " line inside means it must be copied to be unquoted.
    size_t separator = d.size();
    bool quoted = false;
    bool previousEmpty = false; // the line before the first one is the "From " line
    for (size_t line = start; line < d.size();) {
        const auto *lf = static_cast<const char *>(std::memchr(d.data() + line, '\n', d.size() - line));
        const size_t next = lf ? size_t(lf - d.data()) + 1 : d.size();
        const char first = d[line];
        if (first == 'F' && previousEmpty && startsWithFrom(d.substr(line, 5))) {
            separator = line;
            break;
        }
        if (first == '>' && !quoted)
            quoted = isQuotedFrom(d.substr(line, next - line));
        previousEmpty = (first == '\r' || first == '\n') && isEmptyLine(d.substr(line, next - line));
        line = next;
    }
    const size_t eol = separator < d.size() ? d.find('\n', separator) : std::string_view::npos;
    m_pendingFromLine = separator < d.size();
    m_pos = !m_pendingFromLine ? d.size() : eol == std::string_view::npos ? d.size() : eol + 1;
    out.end = m_pos;

    std::string_view message = d.substr(start, separator - start);
    if (message.size() > m_limits.maxMessageBytes + 2) { // +2: the separator line is not the message's
        finish(out, {}, nullptr, true, message.size());
        return true;
    }
    if (!quoted) {
        finish(out, withoutSeparatorLine(message), m_mapping, false, 0);
        return true;
    }
    auto copy = std::make_shared<std::string>();
    copy->reserve(message.size());
    for (size_t pos = 0; pos < message.size();) {
        const size_t lf = message.find('\n', pos);
        const size_t next = lf == std::string_view::npos ? message.size() : lf + 1;
        const std::string_view line = message.substr(pos, next - pos);
        copy->append(isQuotedFrom(line) ? line.substr(1) : line);
        pos = next;
    }
    const std::string_view view = withoutSeparatorLine(*copy);
    finish(out, view, std::move(copy), false, 0);
    return true;
}

void MessageStream::release(uint64_t offset)
{
    if (!m_mapping || offset <= m_released)
        return;
    const auto *base = static_cast<const char *>(static_cast<const Mapping *>(m_mapping.get())->address);
    const size_t dataStart = size_t(m_data.data() - base);
    const size_t page = pageSize();
    const size_t from = (dataStart + m_released) / page * page;
    const size_t to = (dataStart + size_t(offset)) / page * page;
    if (to > from)
        madvise(const_cast<char *>(base) + from, to - from, MADV_DONTNEED);
    m_released = offset;
}

// ---- A pipe: read in chunks, each message copied out of them.

bool MessageStream::fill()
{
    if (m_eof)
        return false;
    const size_t keep = m_chunk.size() - m_chunkPos;
    m_chunk.erase(0, m_chunkPos);
    m_chunkPos = 0;
    m_chunk.resize(keep + m_limits.chunkBytes);
    ssize_t n;
    do {
        n = ::read(m_fd, m_chunk.data() + keep, m_limits.chunkBytes);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        m_readError = "cannot read " + m_name + ": " + std::strerror(errno);
        n = 0;
    }
    m_chunk.resize(keep + size_t(n));
    if (n == 0)
        m_eof = true;
    return n > 0;
}

/// The next line with its LF (the last one may have none). A line longer than the message
/// limit keeps only its first bytes (m_spillTooLong): its message is too large anyway.
bool MessageStream::nextLine(std::string_view &line)
{
    m_spill.clear();
    m_spillTooLong = false;
    size_t spilled = 0;
    while (true) {
        const std::string_view rest = std::string_view(m_chunk).substr(m_chunkPos);
        const size_t lf = rest.find('\n');
        if (lf != std::string_view::npos) {
            const std::string_view part = rest.substr(0, lf + 1);
            m_chunkPos += lf + 1;
            m_offset += lf + 1;
            if (spilled == 0) {
                line = part;
                return true;
            }
            if (!m_spillTooLong)
                m_spill.append(part);
            line = m_spill;
            return true;
        }
        if (!rest.empty()) {
            spilled += rest.size();
            m_offset += rest.size();
            if (m_spill.size() + rest.size() > m_limits.maxMessageBytes + 2)
                m_spillTooLong = true;
            else
                m_spill.append(rest);
            m_chunkPos = m_chunk.size();
        }
        if (!fill()) {
            line = m_spill;
            return spilled > 0;
        }
    }
}

bool MessageStream::nextChunked(StreamedMessage &out)
{
    if (!m_mbox) {
        if (m_started)
            return false;
        m_started = true;
        auto bytes = std::make_shared<std::string>(m_chunk.substr(m_chunkPos));
        m_chunk.clear();
        m_chunkPos = 0;
        bool tooLarge = false;
        while (!tooLarge && fill()) {
            if (bytes->size() + m_chunk.size() > m_limits.maxMessageBytes) {
                tooLarge = true; // stop reading: /dev/zero must not be read to the end
                bytes->append(m_chunk, 0, m_limits.maxMessageBytes + 1 - bytes->size());
            } else {
                bytes->append(m_chunk);
            }
            m_chunk.clear();
        }
        if (!m_readError.empty())
            return false;
        const std::string_view view = *bytes;
        finish(out, view, bytes, tooLarge, bytes->size());
        out.end = bytes->size();
        return true;
    }
    std::string_view line;
    if (!m_started) { // the "From " line that opens the input
        m_started = true;
        m_previousEmpty = false;
        if (!nextLine(line))
            return false;
        m_pendingFromLine = true;
    }
    if (!m_pendingFromLine)
        return false;
    auto current = std::make_shared<std::string>();
    bool tooLarge = false;
    uint64_t size = 0;
    m_pendingFromLine = false;
    while (nextLine(line)) {
        if (startsWithFrom(line) && m_previousEmpty) {
            m_previousEmpty = false;
            m_pendingFromLine = true;
            break;
        }
        size += line.size();
        if (m_spillTooLong || size > m_limits.maxMessageBytes + 2) {
            if (!tooLarge) {
                tooLarge = true;
                std::string().swap(*current);
            }
        } else {
            current->append(isQuotedFrom(line) ? line.substr(1) : line);
        }
        m_previousEmpty = isEmptyLine(line);
    }
    if (!m_readError.empty() && !m_pendingFromLine)
        return false; // an incomplete last message is not verified
    finish(out, withoutSeparatorLine(*current), current, tooLarge, size);
    out.end = m_offset;
    return true;
}

} // namespace sealcheck
