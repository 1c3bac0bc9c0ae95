#include "DkimBodyCanonicalizer.h"

#include <algorithm>
#include <cstring>

namespace verifier {

DkimBodyCanonicalizer::DkimBodyCanonicalizer(DkimCanonicalization canonicalization, Sink sink,
                                             std::optional<uint64_t> limit)
    : m_canonicalization(canonicalization), m_sink(std::move(sink)), m_limit(limit)
{
}

inline void DkimBodyCanonicalizer::put(char c)
{
    ++m_total;
    if (m_limit && m_emitted + m_used >= *m_limit)
        return;
    m_buffer[m_used++] = c;
    if (m_used == kBufferSize)
        flush();
}

void DkimBodyCanonicalizer::putRun(const char *data, size_t size)
{
    // A long run with nothing buffered goes to the sink as it is (no copy), when the limit
    // leaves room for all of it.
    if (m_used == 0 && size >= kBufferSize / 2 && m_sink &&
        (!m_limit || (*m_limit > m_emitted && *m_limit - m_emitted >= size))) {
        m_total += size;
        m_emitted += size;
        m_sink(std::string_view(data, size));
        return;
    }
    m_total += size;
    while (size > 0) {
        size_t room = kBufferSize - m_used;
        if (m_limit) {
            const uint64_t left = *m_limit > m_emitted + m_used ? *m_limit - (m_emitted + m_used) : 0;
            if (left == 0)
                return;
            room = size_t(std::min<uint64_t>(room, left));
        }
        const size_t n = std::min(room, size);
        std::memcpy(m_buffer + m_used, data, n);
        m_used += n;
        data += n;
        size -= n;
        if (m_used == kBufferSize)
            flush();
    }
}

void DkimBodyCanonicalizer::putCrlfs(uint64_t count)
{
    for (uint64_t i = 0; i < count; ++i) {
        put('\r');
        put('\n');
    }
}

void DkimBodyCanonicalizer::flush()
{
    if (m_used == 0)
        return;
    m_emitted += m_used;
    if (m_sink)
        m_sink(std::string_view(m_buffer, m_used));
    m_used = 0;
}

void DkimBodyCanonicalizer::update(std::string_view chunk)
{
    if (m_finished)
        return;
    const bool relaxed = m_canonicalization == DkimCanonicalization::Relaxed;
    const char *p = chunk.data();
    const char *const end = p + chunk.size();
    while (p < end) {
        // Fast path: with nothing held back, pass on at once a run that is already canonical.
        // Each step of the run ends on a byte that is content (so no state is held after it):
        //  - an ordinary byte;
        //  - relaxed: a single SP followed by an ordinary byte (not at a line end, not a run);
        //  - a CRLF followed, within this chunk, by the first byte of a line that has content
        //    (relaxed: an ordinary byte; simple: anything but CR), so the line end is kept.
        // Everything else (WSP runs, TAB, line ends before empty or WSP-led lines, a chunk end
        // inside any of these) goes through the byte-wise state machine below.
        if (!m_pendingCr && !m_pendingWsp && m_pendingCrlfs == 0) {
            const char *q = p;
            if (relaxed) {
                auto ordinary = [](char x) { return x != '\r' && x != ' ' && x != '\t'; };
                while (q < end) {
                    if (ordinary(*q))
                        ++q;
                    else if (*q == ' ' && end - q >= 2 && ordinary(q[1]))
                        q += 2;
                    else if (*q == '\r' && end - q >= 3 && q[1] == '\n' && ordinary(q[2]))
                        q += 3;
                    else
                        break;
                }
            } else {
                while (q < end) {
                    if (*q != '\r')
                        ++q;
                    else if (end - q >= 3 && q[1] == '\n' && q[2] != '\r')
                        q += 3;
                    else
                        break;
                }
            }
            if (q > p) {
                putRun(p, size_t(q - p));
                m_lineHasContent = m_anyContent = true;
                p = q;
                continue;
            }
        }
        const char c = *p++;
        if (m_pendingCr) {
            m_pendingCr = false;
            if (c == '\n') {
                // End of line. Trailing WSP of the line is dropped (relaxed); the CRLF is held
                // back until something other than an empty line follows.
                m_pendingWsp = false;
                ++m_pendingCrlfs;
                m_lineHasContent = false;
                continue;
            }
            // The held CR was an ordinary byte.
            putCrlfs(m_pendingCrlfs);
            m_pendingCrlfs = 0;
            if (m_pendingWsp) {
                put(' ');
                m_pendingWsp = false;
            }
            put('\r');
            m_lineHasContent = m_anyContent = true;
        }
        if (c == '\r') {
            m_pendingCr = true;
            continue;
        }
        if (relaxed && (c == ' ' || c == '\t')) {
            m_pendingWsp = true;
            continue;
        }
        if (m_pendingCrlfs) {
            putCrlfs(m_pendingCrlfs);
            m_pendingCrlfs = 0;
        }
        if (m_pendingWsp) {
            put(' ');
            m_pendingWsp = false;
        }
        put(c);
        m_lineHasContent = m_anyContent = true;
    }
}

void DkimBodyCanonicalizer::finish()
{
    if (m_finished)
        return;
    if (m_pendingCr) {
        // A CR at the very end is an ordinary byte.
        m_pendingCr = false;
        putCrlfs(m_pendingCrlfs);
        m_pendingCrlfs = 0;
        if (m_pendingWsp)
            put(' ');
        m_pendingWsp = false;
        put('\r');
        m_lineHasContent = m_anyContent = true;
    }
    m_pendingWsp = false; // WSP at the end of the last line is dropped (relaxed)
    if (m_canonicalization == DkimCanonicalization::Simple) {
        // Exactly one CRLF ends the body: the last non-empty line's, the one added to a body
        // without one, or the whole of an empty body.
        put('\r');
        put('\n');
    } else if (m_lineHasContent || (m_anyContent && m_pendingCrlfs > 0)) {
        put('\r');
        put('\n');
    }
    m_pendingCrlfs = 0;
    flush();
    m_finished = true;
}

std::string DkimBodyCanonicalizer::canonicalize(std::string_view body, DkimCanonicalization canonicalization)
{
    std::string out;
    DkimBodyCanonicalizer c(canonicalization, [&out](std::string_view piece) { out.append(piece); });
    c.update(body);
    c.finish();
    return out;
}

} // namespace verifier

