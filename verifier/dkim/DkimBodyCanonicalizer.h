#pragma once
/// Streaming body canonicalisation, RFC 6376 §3.4.3 (simple) and §3.4.4 (relaxed), with the
/// optional body length limit of §3.5 (l=). Output is identical for every chunking of the
/// input: a CR at a chunk end, white space before a CRLF split between chunks, and runs of
/// empty lines at the end are carried over as state, never decided per chunk.
///
/// Output goes to a sink in pieces of up to kBufferSize bytes (no allocation per byte; the
/// verifier hashes while canonicalising). Only the first `limit` canonical bytes reach the
/// sink; totalLength() counts them all, so a caller can tell whether l= covered the body.
///
/// Simple (§3.4.3): empty lines at the end are removed; an empty body or one not ending in
/// CRLF gets a CRLF (so the empty body is "\r\n").
/// Relaxed (§3.4.4): WSP at line ends removed, WSP runs become one SP, empty lines at the end
/// removed, a CRLF added to a non-empty body without one; the empty body stays empty.
/// A CR not followed by LF is an ordinary byte in both.

#include "DkimCanonicalization.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace verifier {

class DkimBodyCanonicalizer
{
public:
    using Sink = std::function<void(std::string_view)>;
    static constexpr size_t kBufferSize = 8192;

    DkimBodyCanonicalizer(DkimCanonicalization canonicalization, Sink sink,
                          std::optional<uint64_t> limit = std::nullopt);

    /// Feeds the next bytes of the body (any size, including 0).
    void update(std::string_view chunk);
    /// Ends the body; flushes the rest to the sink. Further calls are ignored.
    void finish();

    /// Canonical bytes produced so far (all of them, past the limit too).
    uint64_t totalLength() const { return m_total; }
    /// Canonical bytes passed to the sink (min(totalLength, limit)).
    uint64_t emittedLength() const { return m_emitted; }

    /// Convenience: the canonical form of a whole body (unlimited).
    static std::string canonicalize(std::string_view body, DkimCanonicalization canonicalization);

    /// How many bytes at the start of @p body (CRLF form) are signed under a body length limit
    /// @p limit (l=, RFC 6376 §3.5, §8.2): the longest run of whole lines whose canonical form,
    /// followed by the rest of the body, lies within the first @p limit canonical bytes. A line
    /// only partly within the limit is left out, so the result errs towards "not signed"; it
    /// always ends at a line start (or at the end of @p body).
    static size_t signedPrefixLength(std::string_view body, DkimCanonicalization canonicalization, uint64_t limit);

private:
    void put(char c);
    void putRun(const char *data, size_t size);
    void putCrlfs(uint64_t count);
    void flush();

    DkimCanonicalization m_canonicalization;
    Sink m_sink;
    std::optional<uint64_t> m_limit;
    char m_buffer[kBufferSize];
    size_t m_used = 0;
    uint64_t m_total = 0;
    uint64_t m_emitted = 0;
    uint64_t m_pendingCrlfs = 0;  // line ends held back (they may be trailing empty lines)
    bool m_pendingCr = false;     // a CR whose LF may arrive in the next chunk
    bool m_pendingWsp = false;    // relaxed: WSP seen inside the current line
    bool m_lineHasContent = false;
    bool m_anyContent = false;
    bool m_finished = false;
};

} // namespace verifier
