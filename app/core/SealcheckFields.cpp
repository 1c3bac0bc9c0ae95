#include "SealcheckFields.h"

#include <algorithm>
#include <cctype>

namespace sealcheck {

namespace {

bool isWsp(char c) { return c == ' ' || c == '\t'; }

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

bool startsWithIgnoreCase(std::string_view s, std::string_view prefix)
{
    return s.size() >= prefix.size() && equalsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

/// Skips white space, line breaks and (nested) comments from @p i.
size_t skipCfws(std::string_view v, size_t i)
{
    int depth = 0;
    while (i < v.size()) {
        const char c = v[i];
        if (depth > 0) {
            if (c == '\\')
                ++i;
            else if (c == '(')
                ++depth;
            else if (c == ')')
                --depth;
            ++i;
        } else if (isWsp(c) || c == '\r' || c == '\n') {
            ++i;
        } else if (c == '(') {
            ++depth;
            ++i;
        } else {
            break;
        }
    }
    return i;
}

/// One header line, with its line end.
struct Line
{
    std::string_view text; ///< with the line end
    bool blank() const { return text == "\n" || text == "\r\n"; }
};

size_t lineEnd(std::string_view s, size_t start)
{
    const size_t nl = s.find('\n', start);
    return nl == std::string_view::npos ? s.size() : nl + 1;
}

/// True for a field we write ourselves: X-Sealcheck-*, or Authentication-Results with our id.
bool isOwnField(std::string_view field, std::string_view authservId)
{
    const size_t colon = field.find(':');
    if (colon == std::string_view::npos)
        return false;
    std::string_view name = field.substr(0, colon);
    while (!name.empty() && isWsp(name.back())) // obsolete syntax: "Name :" (RFC 5322 §4.5.8)
        name.remove_suffix(1);
    if (startsWithIgnoreCase(name, "X-Sealcheck-"))
        return true;
    return equalsIgnoreCase(name, "Authentication-Results") && !authservId.empty()
        && equalsIgnoreCase(authservIdOf(field.substr(colon + 1)), authservId);
}

} // namespace

std::string authservIdOf(std::string_view value)
{
    size_t i = skipCfws(value, 0);
    std::string id;
    if (i < value.size() && value[i] == '"') {
        for (++i; i < value.size() && value[i] != '"'; ++i) {
            if (value[i] == '\\' && i + 1 < value.size())
                ++i;
            if (value[i] != '\r' && value[i] != '\n')
                id.push_back(value[i]);
        }
        return id;
    }
    for (; i < value.size(); ++i) {
        const char c = value[i];
        if (isWsp(c) || c == '\r' || c == '\n' || c == ';' || c == '(')
            break;
        id.push_back(c);
    }
    return id;
}

std::string verdictFieldValue(const verifier::Report &report)
{
    std::string v(verifier::verdictName(report.verdict));
    const std::string &domain = report.verdict == verifier::Verdict::Authenticated && !report.authenticatedDomain.empty()
                                    ? report.authenticatedDomain
                                    : report.from.domain;
    // Domains here are A-labels (letters, digits, '-', '.'); anything else is left out.
    auto safe = [](const std::string &d) {
        return !d.empty() && std::all_of(d.begin(), d.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_';
        });
    };
    if (safe(domain))
        v += "; domain=" + domain;
    if (report.verdict == verifier::Verdict::Authenticated && safe(report.via))
        v += "; via=" + report.via;
    return v;
}

MarkedMessage markMessage(std::string_view message, std::string_view authservId,
                          std::string_view authenticationResults, std::string_view verdictValue)
{
    MarkedMessage out;
    const size_t firstEnd = lineEnd(message, 0);
    const bool crlf = firstEnd >= 2 && message.substr(0, firstEnd).substr(firstEnd - 2) == "\r\n";
    const std::string_view eol = crlf ? "\r\n" : "\n";

    size_t pos = 0;
    // An mbox separator ("From sender date", no colon-terminated name) stays the first line.
    if (message.substr(0, 5) == "From ") {
        out.bytes.append(message.substr(0, firstEnd));
        if (out.bytes.back() != '\n')
            out.bytes += eol; // input that is one unterminated line: ours must start a line
        pos = firstEnd;
    }
    // Lines that continue nothing (malformed) stay before our fields: after them they would
    // unfold into our X-Sealcheck-Verdict and let the sender append to it.
    while (pos < message.size() && isWsp(message[pos])) {
        const size_t end = lineEnd(message, pos);
        out.bytes.append(message.substr(pos, end - pos));
        if (out.bytes.back() != '\n')
            out.bytes += eol; // input that is one unterminated line: ours must start a line
        pos = end;
    }
    out.bytes += "Authentication-Results: ";
    for (size_t i = 0; i < authenticationResults.size(); ++i) {
        if (authenticationResults.compare(i, 2, "\r\n") == 0) {
            out.bytes += eol;
            ++i;
        } else {
            out.bytes.push_back(authenticationResults[i]);
        }
    }
    out.bytes += eol;
    out.bytes += "X-Sealcheck-Verdict: ";
    out.bytes += verdictValue;
    out.bytes += eol;

    // The header: each field is its first line plus the continuation lines (starting with WSP).
    while (pos < message.size()) {
        const size_t end = lineEnd(message, pos);
        const Line first{message.substr(pos, end - pos)};
        if (first.blank())
            break; // the body
        if (isWsp(first.text.front())) { // a stray continuation line: kept, and the header goes on
            out.bytes.append(first.text);
            pos = end;
            continue;
        }
        size_t fieldEnd = end;
        while (fieldEnd < message.size() && isWsp(message[fieldEnd]))
            fieldEnd = lineEnd(message, fieldEnd);
        const std::string_view field = message.substr(pos, fieldEnd - pos);
        if (isOwnField(field, authservId))
            ++out.removedFields;
        else
            out.bytes.append(field);
        pos = fieldEnd;
    }
    out.bytes.append(message.substr(pos));
    return out;
}

} // namespace sealcheck
