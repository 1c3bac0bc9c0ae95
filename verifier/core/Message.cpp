#include "Message.h"

#include "Strings.h"

#include <cstring>

namespace verifier {

std::string_view headerAnomalyName(HeaderAnomaly anomaly)
{
    switch (anomaly) {
    case HeaderAnomaly::LeadingContinuation: return "leading-continuation";
    case HeaderAnomaly::LineWithoutColon: return "line-without-colon";
    case HeaderAnomaly::SpaceBeforeColon: return "space-before-colon";
    case HeaderAnomaly::NulByte: return "nul-byte";
    case HeaderAnomaly::BareCarriageReturn: return "bare-cr";
    case HeaderAnomaly::EightBitInHeader: return "8bit-header";
    case HeaderAnomaly::InvalidUtf8InHeader: return "invalid-utf8-header";
    case HeaderAnomaly::NoBodySeparator: return "no-body-separator";
    case HeaderAnomaly::EmptyFieldName: return "empty-field-name";
    }
    return "?";
}

std::string HeaderField::value() const
{
    return std::string(trim(unfold(rawValue)));
}

bool HeaderField::is(std::string_view fieldName) const
{
    return equalsIgnoreCase(name, fieldName);
}

namespace {

// RFC 5322 ftext: printable US-ASCII except colon.
bool isFieldNameChar(char c)
{
    return c >= 33 && c <= 126 && c != ':';
}

bool isValidUtf8(std::string_view s)
{
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
        if (len == 0 || i + size_t(len) > s.size())
            return false;
        for (int k = 1; k < len; ++k) {
            if ((static_cast<unsigned char>(s[i + size_t(k)]) & 0xC0) != 0x80)
                return false;
        }
        i += size_t(len);
    }
    return true;
}

void addUnique(std::vector<HeaderAnomaly> &list, HeaderAnomaly a)
{
    for (HeaderAnomaly x : list) {
        if (x == a)
            return;
    }
    list.push_back(a);
}

} // namespace

namespace {

struct LineEnds
{
    size_t crlf = 0;
    size_t bareLf = 0;
    LineEnding kind() const
    {
        return (crlf == 0 && bareLf == 0) ? LineEnding::None
               : bareLf == 0              ? LineEnding::Crlf
               : crlf == 0                ? LineEnding::Lf
                                          : LineEnding::Mixed;
    }
};

LineEnds countLineEnds(std::string_view bytes)
{
    LineEnds n;
    for (const char *p = bytes.data(), *const end = p + bytes.size();
         (p = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)))) != nullptr; ++p) {
        if (p > bytes.data() && p[-1] == '\r')
            ++n.crlf;
        else
            ++n.bareLf;
    }
    return n;
}

// Bare LF becomes CRLF (what the message looked like on the wire, RFC 5322 §2.1).
std::string toCrlf(std::string_view bytes, size_t bareLf)
{
    std::string converted;
    converted.reserve(bytes.size() + bareLf);
    for (size_t i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r'))
            converted.push_back('\r');
        converted.push_back(bytes[i]);
    }
    return converted;
}

Error tooLarge(size_t size, const MessageLimits &limits, std::string *exceeded)
{
    if (exceeded)
        *exceeded = std::to_string(limits.maxMessageBytes) + " bytes per message";
    return Error{"the message is " + std::to_string(size) + " bytes, more than the limit of " +
                 std::to_string(limits.maxMessageBytes) + " bytes"};
}

} // namespace

Expected<Message> Message::parse(std::string bytes, const MessageLimits &limits, std::string *exceeded)
{
    if (bytes.size() > limits.maxMessageBytes)
        return tooLarge(bytes.size(), limits, exceeded);
    const size_t originalSize = bytes.size();
    const LineEnds ends = countLineEnds(bytes);
    if (ends.bareLf > 0)
        bytes = toCrlf(bytes, ends.bareLf);
    auto data = std::make_shared<const std::string>(std::move(bytes));
    const std::string_view view = *data;
    return parseNormalised(view, std::move(data), ends.kind(), originalSize, limits, exceeded);
}

Expected<Message> Message::parseShared(std::string_view bytes, std::shared_ptr<const void> owner,
                                       const MessageLimits &limits, std::string *exceeded)
{
    if (bytes.size() > limits.maxMessageBytes)
        return tooLarge(bytes.size(), limits, exceeded);
    const LineEnds ends = countLineEnds(bytes);
    if (ends.bareLf > 0) {
        auto data = std::make_shared<const std::string>(toCrlf(bytes, ends.bareLf));
        const std::string_view view = *data;
        return parseNormalised(view, std::move(data), ends.kind(), bytes.size(), limits, exceeded);
    }
    return parseNormalised(bytes, std::move(owner), ends.kind(), bytes.size(), limits, exceeded);
}

Expected<Message> Message::parseNormalised(std::string_view d, std::shared_ptr<const void> owner,
                                           LineEnding original, size_t originalSize, const MessageLimits &limits,
                                         std::string *exceeded)
{
    auto over = [exceeded](std::string limit, std::string message) {
        if (exceeded)
            *exceeded = std::move(limit);
        return makeError(std::move(message));
    };
    Message m;
    m.m_originalSize = originalSize;
    m.m_lineEnding = original;
    m.m_owner = std::move(owner);
    m.m_bytes = d;

    size_t pos = 0;
    bool inField = false;
    size_t fieldStart = 0;
    size_t nameEnd = 0;
    size_t valueStart = 0;
    std::vector<HeaderAnomaly> fieldAnomalies;
    auto finishField = [&](size_t end) {
        if (!inField)
            return;
        HeaderField f;
        f.name = d.substr(fieldStart, nameEnd - fieldStart);
        f.raw = d.substr(fieldStart, end - fieldStart);
        f.rawValue = d.substr(valueStart, end - valueStart);
        f.index = m.m_fields.size();
        f.anomalies = std::move(fieldAnomalies);
        fieldAnomalies.clear();
        m.m_fields.push_back(std::move(f));
        inField = false;
    };

    while (pos < d.size()) {
        size_t eol = d.find("\r\n", pos);
        size_t lineEnd = eol == std::string::npos ? d.size() : eol;
        size_t next = eol == std::string::npos ? d.size() : eol + 2;
        std::string_view line = d.substr(pos, lineEnd - pos);

        if (line.empty() && eol != std::string::npos) {
            finishField(pos - (pos >= 2 ? 2 : 0));
            m.m_headerEnd = pos;
            m.m_bodyOffset = next;
            break;
        }
        if (line.size() > limits.maxHeaderLineLength) {
            return over(std::to_string(limits.maxHeaderLineLength) + " bytes per header line",
                        "a header line is " + std::to_string(line.size()) + " bytes long, more than the limit of " +
                            std::to_string(limits.maxHeaderLineLength));
        }
        if (next > limits.maxHeaderBytes) {
            return over(std::to_string(limits.maxHeaderBytes) + " bytes of header",
                        "the header section is larger than the limit of " + std::to_string(limits.maxHeaderBytes) +
                            " bytes");
        }
        if (line.find('\0') != std::string_view::npos) {
            addUnique(fieldAnomalies, HeaderAnomaly::NulByte);
            addUnique(m.m_anomalies, HeaderAnomaly::NulByte);
        }
        if (line.find('\r') != std::string_view::npos) {
            addUnique(fieldAnomalies, HeaderAnomaly::BareCarriageReturn);
            addUnique(m.m_anomalies, HeaderAnomaly::BareCarriageReturn);
        }
        for (char c : line) {
            if (static_cast<unsigned char>(c) >= 0x80) {
                addUnique(m.m_anomalies, HeaderAnomaly::EightBitInHeader);
                if (!isValidUtf8(line)) {
                    addUnique(m.m_anomalies, HeaderAnomaly::InvalidUtf8InHeader);
                    addUnique(fieldAnomalies, HeaderAnomaly::InvalidUtf8InHeader);
                }
                break;
            }
        }

        if (isWsp(line.empty() ? 'x' : line.front())) {
            if (!inField) {
                // White space before the first field: some readers join it to nothing, others
                // read it as a field. Keep it as a nameless field so no byte is lost.
                addUnique(m.m_anomalies, HeaderAnomaly::LeadingContinuation);
                fieldAnomalies.push_back(HeaderAnomaly::LeadingContinuation);
                inField = true;
                fieldStart = pos;
                nameEnd = pos;
                valueStart = pos;
            }
            pos = next;
            continue;
        }

        finishField(pos >= 2 ? pos - 2 : 0);
        if (m.m_fields.size() >= limits.maxHeaderFields) {
            return over(std::to_string(limits.maxHeaderFields) + " header fields",
                        "the message has more than " + std::to_string(limits.maxHeaderFields) + " header fields");
        }
        inField = true;
        fieldStart = pos;
        size_t colon = line.find(':');
        size_t n = 0;
        while (n < line.size() && isFieldNameChar(line[n]))
            ++n;
        if (colon == std::string_view::npos) {
            addUnique(m.m_anomalies, HeaderAnomaly::LineWithoutColon);
            fieldAnomalies.push_back(HeaderAnomaly::LineWithoutColon);
            nameEnd = pos;
            valueStart = pos;
        } else {
            nameEnd = pos + n;
            valueStart = pos + colon + 1;
            if (n == 0) {
                addUnique(m.m_anomalies, HeaderAnomaly::EmptyFieldName);
                fieldAnomalies.push_back(HeaderAnomaly::EmptyFieldName);
            } else if (n < colon) {
                bool onlySpace = true;
                for (size_t k = n; k < colon; ++k)
                    onlySpace = onlySpace && isWsp(line[k]);
                HeaderAnomaly a = onlySpace ? HeaderAnomaly::SpaceBeforeColon : HeaderAnomaly::LineWithoutColon;
                addUnique(m.m_anomalies, a);
                fieldAnomalies.push_back(a);
                if (!onlySpace)
                    nameEnd = pos; // "Fro m: x" is no field name at all
            }
        }
        pos = next;
    }
    if (m.m_bodyOffset == std::string::npos) {
        // The message ended inside the header section.
        finishField(d.size() >= 2 && d.substr(d.size() - 2) == "\r\n" ? d.size() - 2 : d.size());
        m.m_headerEnd = d.size();
        if (!d.empty())
            addUnique(m.m_anomalies, HeaderAnomaly::NoBodySeparator);
    }
    return m;
}

std::string_view Message::headerSection() const
{
    return m_bytes.substr(0, m_headerEnd);
}

std::string_view Message::body() const
{
    if (m_bodyOffset == std::string::npos)
        return {};
    return m_bytes.substr(m_bodyOffset);
}

std::vector<const HeaderField *> Message::fields(std::string_view name) const
{
    std::vector<const HeaderField *> out;
    for (const auto &f : m_fields) {
        if (f.is(name))
            out.push_back(&f);
    }
    return out;
}

const HeaderField *Message::field(std::string_view name) const
{
    for (const auto &f : m_fields) {
        if (f.is(name))
            return &f;
    }
    return nullptr;
}

size_t Message::count(std::string_view name) const
{
    size_t n = 0;
    for (const auto &f : m_fields)
        n += f.is(name) ? 1 : 0;
    return n;
}

bool looksLikeMbox(std::string_view bytes)
{
    return bytes.substr(0, 5) == "From ";
}

std::vector<std::string> splitMbox(std::string_view bytes, size_t maxMessages)
{
    std::vector<std::string> out;
    if (!looksLikeMbox(bytes)) {
        out.emplace_back(bytes);
        return out;
    }
    std::string current;
    bool have = false;
    bool previousEmpty = true;
    size_t pos = 0;
    auto flush = [&]() {
        if (!have)
            return;
        // The empty line before a separator belongs to the mbox format, not the message.
        if (current.size() >= 2 && current.compare(current.size() - 2, 2, "\r\n") == 0 &&
            (current.size() == 2 || current[current.size() - 3] == '\n'))
            current.resize(current.size() - 2);
        else if (!current.empty() && current.back() == '\n' && (current.size() == 1 || current[current.size() - 2] == '\n'))
            current.pop_back();
        out.push_back(std::move(current));
        current.clear();
    };
    while (pos < bytes.size() && out.size() < maxMessages) {
        size_t eol = bytes.find('\n', pos);
        size_t next = eol == std::string_view::npos ? bytes.size() : eol + 1;
        std::string_view line = bytes.substr(pos, next - pos);
        if (line.substr(0, 5) == "From " && previousEmpty) {
            flush();
            have = true;
        } else if (have) {
            // mboxrd: ">From " lines (any number of '>') lose one '>'.
            size_t q = 0;
            while (q < line.size() && line[q] == '>')
                ++q;
            if (q > 0 && line.substr(q, 5) == "From ")
                current.append(line.substr(1));
            else
                current.append(line);
        }
        std::string_view content = line;
        while (!content.empty() && (content.back() == '\n' || content.back() == '\r'))
            content.remove_suffix(1);
        previousEmpty = content.empty();
        pos = next;
    }
    if (out.size() < maxMessages)
        flush();
    return out;
}

} // namespace verifier
