#include "ImapFramer.h"

namespace imap {

ImapFramer::ImapFramer(qint64 maxLiteralSize, qint64 maxLineSize, qint64 maxResponseSize)
    : m_maxLiteral(maxLiteralSize), m_maxLine(maxLineSize), m_maxResponse(maxResponseSize)
{
}

void ImapFramer::feed(const QByteArray &bytes)
{
    if (failed())
        return;
    m_buffer.append(bytes);
    process();
    if (m_start > 0) {
        m_buffer.remove(0, m_start);
        m_scan -= m_start;
        m_searchFrom = qMax<qsizetype>(0, m_searchFrom - m_start);
        m_start = 0;
    }
}

QList<ImapFramer::Frame> ImapFramer::takeFrames()
{
    QList<Frame> out;
    out.swap(m_frames);
    return out;
}

/// Does the line (without CRLF) end with "{n}", "{n+}" or "~{n}"? Returns n, or -1 when not,
/// or -2 when the number is absurdly long.
static qint64 announcedLiteral(const char *line, qsizetype len)
{
    if (len < 3 || line[len - 1] != '}')
        return -1;
    qsizetype i = len - 2;
    if (line[i] == '+')
        --i;
    const qsizetype end = i;
    while (i >= 0 && line[i] >= '0' && line[i] <= '9')
        --i;
    if (i < 0 || line[i] != '{' || i == end)
        return -1;
    if (end - i > 18)
        return -2;
    qint64 n = 0;
    for (qsizetype k = i + 1; k <= end; ++k)
        n = n * 10 + (line[k] - '0');
    return n;
}

void ImapFramer::process()
{
    while (!failed()) {
        if (m_literalLeft > 0) {
            const qint64 take = qMin<qint64>(m_literalLeft, m_buffer.size() - m_scan);
            if (take <= 0)
                return;
            m_scan += take;
            m_literalLeft -= take;
            continue;
        }
        // Resume the CRLF search where the last chunk ended (minus one byte for a split CRLF), so
        // a long line arriving in small chunks costs linear time.
        const qsizetype crlf = m_buffer.indexOf("\r\n", qMax(m_scan, m_searchFrom));
        if (crlf < 0) {
            m_searchFrom = qMax(m_scan, m_buffer.size() - 1);
            // keep a trailing CR in view for the next chunk
            if (m_textBytes + (m_buffer.size() - m_scan) > m_maxLine) {
                m_error = "the server sent a response line longer than "
                    + QByteArray::number(m_maxLine) + " bytes";
            }
            return;
        }
        const qsizetype lineLen = crlf - m_scan;
        m_textBytes += lineLen + 2;
        m_searchFrom = 0;
        if (m_textBytes > m_maxLine) {
            m_error = "the server sent a response line longer than " + QByteArray::number(m_maxLine) + " bytes";
            return;
        }
        m_redacted.append(m_buffer.constData() + m_scan, lineLen + 2);
        const qint64 n = announcedLiteral(m_buffer.constData() + m_scan, lineLen);
        m_scan = crlf + 2;
        if (n == -2 || n > m_maxLiteral) {
            m_error = "the server announced a literal of "
                + (n == -2 ? QByteArray("absurd size") : QByteArray::number(n) + " bytes")
                + ", above the limit of " + QByteArray::number(m_maxLiteral) + " bytes";
            return;
        }
        if (m_textBytes + m_literalBytes + qMax<qint64>(n, 0) > m_maxResponse) {
            m_error = "one response from the server would be larger than the limit of "
                + QByteArray::number(m_maxResponse) + " bytes for one response (its literals counted together)";
            return;
        }
        if (n >= 0) {
            m_literalBytes += n;
            m_literalLeft = n;
            m_redacted.append("<" + QByteArray::number(n) + " bytes>");
            continue;
        }
        m_frames.append(Frame{m_buffer.mid(m_start, m_scan - m_start), m_redacted});
        m_redacted.clear();
        m_textBytes = 0;
        m_literalBytes = 0;
        m_start = m_scan;
    }
}

} // namespace imap
