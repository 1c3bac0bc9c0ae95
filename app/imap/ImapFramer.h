#pragma once
/// Splits the server's byte stream into complete responses (RFC 9051 §2.2.2, §4.3): a line up to
/// CRLF, and when the line ends with a literal announcement {n} or ~{n}, the n bytes that follow
/// and the rest of the response after them. The output does not depend on how the input was
/// chunked. Bounded: a literal above maxLiteralSize, more than maxLineSize bytes of non-literal
/// text in one response, or more than maxResponseSize bytes in one response counting every
/// literal it announces (a server may announce any number of literals in one response), is a
/// clear error after which the framer accepts nothing more (the connection must be dropped).
/// The response bound is checked when a literal is announced, before its bytes arrive.

#include <QByteArray>
#include <QList>

namespace imap {

class ImapFramer
{
public:
    static constexpr qint64 defaultMaxLiteralSize = 64ll * 1024 * 1024;
    static constexpr qint64 defaultMaxLineSize = 16ll * 1024 * 1024;
    /// One FETCH of a message at the 64 MiB message limit, with room for its other items.
    static constexpr qint64 defaultMaxResponseSize = 80ll * 1024 * 1024;

    struct Frame
    {
        QByteArray bytes;    ///< the complete response, literals included (input to ImapParser)
        QByteArray redacted; ///< the same with every literal's content replaced by "<n bytes>" (for logs)
    };

    explicit ImapFramer(qint64 maxLiteralSize = defaultMaxLiteralSize, qint64 maxLineSize = defaultMaxLineSize,
                        qint64 maxResponseSize = defaultMaxResponseSize);

    /// Appends received bytes; complete responses become available through takeFrames().
    void feed(const QByteArray &bytes);
    QList<Frame> takeFrames();

    bool failed() const { return !m_error.isEmpty(); }
    /// English, e.g. "the server announced a literal of 70000000 bytes, above the limit of 67108864".
    const QByteArray &error() const { return m_error; }
    /// Bytes received but not yet part of a complete response.
    qsizetype pendingSize() const { return m_buffer.size() - m_start; }

private:
    void process();

    qint64 m_maxLiteral;
    qint64 m_maxLine;
    qint64 m_maxResponse;
    QByteArray m_buffer;       ///< current (incomplete) response and anything after it
    qsizetype m_start = 0;     ///< start of the current response in m_buffer
    qsizetype m_scan = 0;      ///< first byte of m_buffer not yet assigned to a line or literal
    qsizetype m_searchFrom = 0; ///< where the CRLF search resumes
    qint64 m_literalLeft = 0;  ///< literal bytes still expected
    qint64 m_textBytes = 0;    ///< non-literal bytes in the current response
    qint64 m_literalBytes = 0; ///< bytes announced by the literals of the current response
    QByteArray m_redacted;
    QList<Frame> m_frames;
    QByteArray m_error;
};

} // namespace imap
