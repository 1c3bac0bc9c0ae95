#include "ImapTokenizer.h"

#include <QList>

namespace imap {

bool isAtomChar(char c)
{
    const unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f)
        return false;
    switch (c) {
    case '(': case ')': case '{': case '%': case '*': case '"': case '\\': case ']':
        return false;
    default:
        return true;
    }
}

static bool isAStringChar(char c) { return isAtomChar(c) || c == ']'; }

ImapTokenizer::ImapTokenizer(const QByteArray &input, qsizetype offset) : m_in(input), m_pos(offset) {}

void ImapTokenizer::fail(const char *what)
{
    if (m_error.isEmpty())
        m_error = QByteArray(what) + " at offset " + QByteArray::number(m_pos);
}

bool ImapTokenizer::atLineEnd() const
{
    return atEnd() || (m_in.at(m_pos) == '\r' && m_pos + 1 < m_in.size() && m_in.at(m_pos + 1) == '\n');
}

bool ImapTokenizer::consume(char c)
{
    if (peek() != c || atEnd())
        return false;
    ++m_pos;
    return true;
}

bool ImapTokenizer::consumeIgnoreCase(const char *keyword)
{
    const QByteArray k(keyword);
    if (m_pos + k.size() > m_in.size())
        return false;
    if (m_in.mid(m_pos, k.size()).toUpper() != k.toUpper())
        return false;
    const qsizetype after = m_pos + k.size();
    if (after < m_in.size() && isAtomChar(m_in.at(after)) && isAtomChar(k.back()))
        return false;
    m_pos = after;
    return true;
}

bool ImapTokenizer::expect(char c)
{
    if (consume(c))
        return true;
    const char msg[] = {'e', 'x', 'p', 'e', 'c', 't', 'e', 'd', ' ', '\'', c, '\'', '\0'};
    fail(msg);
    return false;
}

bool ImapTokenizer::expectSpace() { return expect(' '); }

bool ImapTokenizer::expectEnd()
{
    if (m_pos + 2 == m_in.size() && m_in.at(m_pos) == '\r' && m_in.at(m_pos + 1) == '\n') {
        m_pos += 2;
        return true;
    }
    fail("unexpected data before the end of the response");
    return false;
}

std::optional<QByteArray> ImapTokenizer::readAtom()
{
    const qsizetype start = m_pos;
    while (!atEnd() && isAtomChar(m_in.at(m_pos)))
        ++m_pos;
    if (m_pos == start) {
        fail("expected an atom");
        return std::nullopt;
    }
    return m_in.mid(start, m_pos - start);
}

std::optional<QByteArray> ImapTokenizer::readAStringAtom()
{
    const qsizetype start = m_pos;
    while (!atEnd() && isAStringChar(m_in.at(m_pos)))
        ++m_pos;
    if (m_pos == start) {
        fail("expected an atom");
        return std::nullopt;
    }
    return m_in.mid(start, m_pos - start);
}

std::optional<QByteArray> ImapTokenizer::readFlag()
{
    if (peek() == '\\') {
        const qsizetype start = m_pos++;
        if (consume('*'))
            return QByteArray("\\*");
        if (!readAtom()) {
            m_pos = start;
            return std::nullopt;
        }
        return m_in.mid(start, m_pos - start);
    }
    return readAtom();
}

std::optional<quint64> ImapTokenizer::readNumber(quint64 max)
{
    const qsizetype start = m_pos;
    quint64 v = 0;
    while (!atEnd() && m_in.at(m_pos) >= '0' && m_in.at(m_pos) <= '9') {
        const quint64 d = quint64(m_in.at(m_pos) - '0');
        if (v > (max - d) / 10) {
            m_pos = start;
            fail("number out of range");
            return std::nullopt;
        }
        v = v * 10 + d;
        ++m_pos;
    }
    if (m_pos == start) {
        fail("expected a number");
        return std::nullopt;
    }
    return v;
}

std::optional<QByteArray> ImapTokenizer::readQuoted()
{
    const qsizetype start = m_pos;
    if (!consume('"')) {
        fail("expected a quoted string");
        return std::nullopt;
    }
    QByteArray out;
    while (!atEnd()) {
        const char c = m_in.at(m_pos++);
        if (c == '"')
            return out;
        if (c == '\r' || c == '\n')
            break;
        if (c == '\\') {
            if (atEnd())
                break;
            const char e = m_in.at(m_pos++);
            if (e != '"' && e != '\\')
                break;
            out.append(e);
            continue;
        }
        out.append(c);
    }
    m_pos = start;
    fail("malformed quoted string");
    return std::nullopt;
}

std::optional<QByteArray> ImapTokenizer::readLiteral()
{
    const qsizetype start = m_pos;
    consume('~');
    if (!consume('{')) {
        m_pos = start;
        fail("expected a literal");
        return std::nullopt;
    }
    const auto n = readNumber(0x7fffffffffffull);
    consume('+');
    if (!n || !consume('}') || !consume('\r') || !consume('\n')
        || quint64(m_in.size() - m_pos) < *n) {
        m_pos = start;
        m_error.clear();
        fail("malformed or truncated literal");
        return std::nullopt;
    }
    QByteArray out = m_in.mid(m_pos, qsizetype(*n));
    m_pos += qsizetype(*n);
    return out;
}

std::optional<QByteArray> ImapTokenizer::readString()
{
    if (peek() == '"')
        return readQuoted();
    if (peek() == '{' || peek() == '~')
        return readLiteral();
    fail("expected a string");
    return std::nullopt;
}

std::optional<QByteArray> ImapTokenizer::readAString()
{
    if (peek() == '"' || peek() == '{' || peek() == '~')
        return readString();
    return readAStringAtom();
}

std::optional<QByteArray> ImapTokenizer::readNString(bool *isNil)
{
    if (isNil)
        *isNil = false;
    if (consumeIgnoreCase("NIL")) {
        if (isNil)
            *isNil = true;
        return QByteArray();
    }
    return readString();
}

std::optional<QList<QByteArray>> ImapTokenizer::readFlagList()
{
    const qsizetype start = m_pos;
    if (!expect('('))
        return std::nullopt;
    QList<QByteArray> out;
    if (consume(')'))
        return out;
    for (;;) {
        auto f = readFlag();
        if (!f) {
            m_pos = start;
            return std::nullopt;
        }
        out.append(*f);
        if (consume(')'))
            return out;
        if (!expectSpace()) {
            m_pos = start;
            return std::nullopt;
        }
    }
}

QByteArray ImapTokenizer::readRestOfLine()
{
    const qsizetype start = m_pos;
    while (!atLineEnd())
        ++m_pos;
    return m_in.mid(start, m_pos - start);
}

bool ImapTokenizer::skipValue(int depth)
{
    if (depth > maxDepth) {
        fail("nesting too deep");
        return false;
    }
    const char c = peek();
    if (atEnd()) {
        fail("expected a value");
        return false;
    }
    if (c == '(') {
        ++m_pos;
        if (consume(')'))
            return true;
        for (;;) {
            if (!skipValue(depth + 1))
                return false;
            if (consume(')'))
                return true;
            if (!expectSpace())
                return false;
        }
    }
    if (c == '"' || c == '{' || c == '~')
        return readString().has_value();
    if (c == '\\')
        return readFlag().has_value();
    // atom, number, NIL, or a section-like atom such as BODY[...]: take ASTRING chars and a
    // balanced [...] part.
    if (!readAStringAtom())
        return false;
    return true;
}

} // namespace imap
