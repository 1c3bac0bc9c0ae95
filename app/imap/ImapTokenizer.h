#pragma once
/// A pure cursor over one complete IMAP response (RFC 9051 §9 formal syntax): atoms, numbers,
/// quoted strings, literals {n} and literal8 ~{n}, NIL, parenthesised lists. Every read either
/// succeeds and advances, or fails, leaves the offset unchanged and records an error; nothing
/// asserts on input. Bounded: list nesting is limited to maxDepth.

#include <QByteArray>

#include <optional>

namespace imap {

class ImapTokenizer
{
public:
    static constexpr int maxDepth = 64;

    explicit ImapTokenizer(const QByteArray &input, qsizetype offset = 0);

    qsizetype offset() const { return m_pos; }
    bool atEnd() const { return m_pos >= m_in.size(); }
    /// True at CRLF (or a bare end of input).
    bool atLineEnd() const;
    char peek() const { return atEnd() ? '\0' : m_in.at(m_pos); }
    bool consume(char c);
    /// Moves forward to @p pos (never backwards, never past the end).
    void skipTo(qsizetype pos) { if (pos > m_pos && pos <= m_in.size()) m_pos = pos; }
    bool consumeIgnoreCase(const char *keyword); ///< whole keyword, followed by a non-atom char
    bool expectSpace();
    bool expect(char c);
    /// Consumes the final CRLF; fails if anything but CRLF remains.
    bool expectEnd();

    /// atom (RFC 9051 `atom`); stops before ']' and every atom-special. Empty -> failure.
    std::optional<QByteArray> readAtom();
    /// ASTRING-CHAR run (allows ']'), used for tags and astring atoms.
    std::optional<QByteArray> readAStringAtom();
    /// flag / mbx-list-flag: "\" atom, "\*", or a keyword atom.
    std::optional<QByteArray> readFlag();
    std::optional<quint64> readNumber(quint64 max = 0xFFFFFFFFull);
    std::optional<QByteArray> readQuoted();
    /// literal or literal8: "{n}" / "~{n}" CRLF n bytes.
    std::optional<QByteArray> readLiteral();
    std::optional<QByteArray> readString();  ///< quoted / literal
    std::optional<QByteArray> readAString(); ///< atom / string
    /// NIL -> empty array with *isNil set; otherwise string.
    std::optional<QByteArray> readNString(bool *isNil = nullptr);
    /// "(" flag *(SP flag) ")", possibly empty.
    std::optional<QList<QByteArray>> readFlagList();
    /// The rest of the line up to CRLF (text, resp-text), possibly empty.
    QByteArray readRestOfLine();
    /// Skips one value of any shape (atom, number, string, literal, NIL, nested list).
    bool skipValue(int depth = 0);

    bool failed() const { return !m_error.isEmpty(); }
    const QByteArray &error() const { return m_error; }
    void fail(const char *what);

private:
    const QByteArray &m_in;
    qsizetype m_pos = 0;
    QByteArray m_error;
};

bool isAtomChar(char c);

} // namespace imap
