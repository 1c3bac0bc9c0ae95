#include "DkimBodyCanonicalizer.h"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace verifier {

namespace {

#if defined(__SSE2__)
/// Bit i is set when p[i] == c, for i in [0, 64).
struct Masks64
{
    uint64_t sp, tab, cr, lf;
};

inline uint64_t movemask16(__m128i v) { return uint64_t(uint32_t(_mm_movemask_epi8(v))); }

inline Masks64 masks64(const char *p)
{
    const __m128i sp = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t'), cr = _mm_set1_epi8('\r'),
                  lf = _mm_set1_epi8('\n');
    Masks64 m{0, 0, 0, 0};
    for (int k = 0; k < 4; ++k) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 16 * k));
        m.sp |= movemask16(_mm_cmpeq_epi8(v, sp)) << (16 * k);
        m.tab |= movemask16(_mm_cmpeq_epi8(v, tab)) << (16 * k);
        m.cr |= movemask16(_mm_cmpeq_epi8(v, cr)) << (16 * k);
        m.lf |= movemask16(_mm_cmpeq_epi8(v, lf)) << (16 * k);
    }
    return m;
}
#endif

/// The end of the longest prefix of [p, end) that is already canonical, scanned 64 bytes at a
/// time; stops at least 2 bytes before `end` (the look-ahead), so the caller finishes the scan
/// byte by byte. A byte at position i is a *problem* when
///   relaxed: it is TAB; or SP followed by SP, TAB or CR; or CR not followed by LF and an
///            ordinary byte (neither SP, TAB nor CR);
///   simple:  it is CR not followed by LF and a byte other than CR.
/// The prefix before the first problem byte is a sequence of the scalar fast path's steps (an
/// ordinary byte, SP + ordinary, CRLF + ordinary), so its output is the input unchanged.
inline const char *canonicalPrefixEnd(const char *p, const char *end, bool relaxed)
{
#if defined(__SSE2__)
    while (end - p >= 66) {
        const Masks64 m = masks64(p);
        auto bit = [](bool b, int i) { return uint64_t(b) << i; };
        const char a = p[64], b = p[65];
        if (relaxed) {
            auto special = [](char x) { return x == ' ' || x == '\t' || x == '\r'; };
            const uint64_t x = m.sp | m.tab | m.cr;
            const uint64_t x1 = (x >> 1) | bit(special(a), 63);
            const uint64_t x2 = (x >> 2) | bit(special(a), 62) | bit(special(b), 63);
            const uint64_t lf1 = (m.lf >> 1) | bit(a == '\n', 63);
            const uint64_t problem = m.tab | (m.sp & x1) | (m.cr & ~(lf1 & ~x2));
            if (problem)
                return p + __builtin_ctzll(problem);
        } else {
            const uint64_t cr2 = (m.cr >> 2) | bit(a == '\r', 62) | bit(b == '\r', 63);
            const uint64_t lf1 = (m.lf >> 1) | bit(a == '\n', 63);
            const uint64_t problem = m.cr & ~(lf1 & ~cr2);
            if (problem)
                return p + __builtin_ctzll(problem);
        }
        p += 64;
    }
#else
    (void)end;
    (void)relaxed;
#endif
    return p;
}

} // namespace

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
            const char *q = canonicalPrefixEnd(p, end, relaxed);
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

size_t DkimBodyCanonicalizer::signedPrefixLength(std::string_view body, DkimCanonicalization canonicalization,
                                                 uint64_t limit)
{
    // Line by line: inside a body that goes on, every line keeps its CRLF (even an empty one:
    // only empty lines at the very end are dropped, and those are past any content), so the
    // canonical length of a prefix of whole lines is the sum of its lines' canonical lengths.
    const bool relaxed = canonicalization == DkimCanonicalization::Relaxed;
    uint64_t total = 0;
    size_t pos = 0;
    while (pos < body.size()) {
        const size_t crlf = body.find("\r\n", pos);
        const size_t lineEnd = crlf == std::string_view::npos ? body.size() : crlf;
        const size_t next = crlf == std::string_view::npos ? body.size() : crlf + 2;
        const std::string_view line = body.substr(pos, lineEnd - pos);
        uint64_t length = line.size();
        if (relaxed) {
            // §3.4.4: WSP at the line end removed, other WSP runs become one SP.
            size_t contentEnd = line.size();
            while (contentEnd > 0 && (line[contentEnd - 1] == ' ' || line[contentEnd - 1] == '\t'))
                --contentEnd;
            length = 0;
            for (size_t i = 0; i < contentEnd; ++i) {
                const bool wsp = line[i] == ' ' || line[i] == '\t';
                if (!wsp || i == 0 || !(line[i - 1] == ' ' || line[i - 1] == '\t'))
                    ++length;
            }
        }
        length += 2; // CRLF (added to a last line without one)
        if (total + length > limit)
            return pos;
        total += length;
        pos = next;
    }
    return body.size();
}

} // namespace verifier
