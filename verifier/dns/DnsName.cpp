#include "DnsName.h"

#include "Strings.h"

namespace verifier {

Expected<DnsName::Labels> DnsName::fromText(std::string_view text, bool *absolute)
{
    Labels labels;
    if (absolute)
        *absolute = false;
    if (text.empty())
        return makeError("empty domain name");
    if (text == ".") {
        if (absolute)
            *absolute = true;
        return labels;
    }
    std::string label;
    bool endedWithDot = false;
    for (size_t i = 0; i < text.size();) {
        const char c = text[i];
        endedWithDot = false;
        if (c == '.') {
            if (label.empty())
                return makeError("empty label in domain name '" + std::string(text) + "'");
            labels.push_back(std::move(label));
            label.clear();
            endedWithDot = true;
            ++i;
            continue;
        }
        if (c == '\\') {
            if (i + 1 >= text.size())
                return makeError("backslash at the end of domain name '" + std::string(text) + "'");
            if (isDigit(text[i + 1])) {
                if (i + 3 >= text.size() || !isDigit(text[i + 2]) || !isDigit(text[i + 3]))
                    return makeError("bad \\DDD escape in domain name '" + std::string(text) + "'");
                const int v = (text[i + 1] - '0') * 100 + (text[i + 2] - '0') * 10 + (text[i + 3] - '0');
                if (v > 255)
                    return makeError("\\DDD escape above 255 in domain name '" + std::string(text) + "'");
                label.push_back(char(v));
                i += 4;
            } else {
                label.push_back(text[i + 1]);
                i += 2;
            }
        } else {
            label.push_back(c);
            ++i;
        }
        if (label.size() > kMaxLabel)
            return makeError("label longer than 63 octets in domain name '" + std::string(text) + "'");
    }
    if (!label.empty())
        labels.push_back(std::move(label));
    if (absolute)
        *absolute = endedWithDot;
    if (wireLength(labels) > kMaxWire)
        return makeError("domain name longer than 255 octets");
    return labels;
}

Expected<DnsName::Labels> DnsName::concat(const Labels &name, const Labels &origin)
{
    Labels out = name;
    out.insert(out.end(), origin.begin(), origin.end());
    if (wireLength(out) > kMaxWire)
        return makeError("domain name longer than 255 octets");
    return out;
}

bool DnsName::fromWire(const unsigned char *data, size_t length, size_t &pos, Labels &out)
{
    out.clear();
    size_t total = 1;
    while (true) {
        if (pos >= length)
            return false;
        const unsigned len = data[pos++];
        if (len == 0)
            return true;
        if (len > kMaxLabel) // 0xC0 pointers and the reserved 0x40/0x80 forms
            return false;
        total += len + 1;
        if (total > kMaxWire || pos + len > length)
            return false;
        out.emplace_back(reinterpret_cast<const char *>(data + pos), len);
        pos += len;
    }
}

std::string DnsName::toText(const Labels &labels)
{
    std::string out;
    for (size_t i = 0; i < labels.size(); ++i) {
        if (i)
            out.push_back('.');
        for (unsigned char c : labels[i]) {
            if (c == '.' || c == '\\' || c == '"' || c == '(' || c == ')' || c == ';' || c == '@' || c == '$') {
                out.push_back('\\');
                out.push_back(char(c));
            } else if (c < 0x21 || c > 0x7E) {
                out.push_back('\\');
                out.push_back(char('0' + c / 100));
                out.push_back(char('0' + (c / 10) % 10));
                out.push_back(char('0' + c % 10));
            } else {
                out.push_back(toLowerAscii(char(c)));
            }
        }
    }
    return out;
}

std::string DnsName::toQueryText(const Labels &labels)
{
    std::string out;
    for (size_t i = 0; i < labels.size(); ++i) {
        if (i)
            out.push_back('.');
        for (char c : labels[i])
            out.push_back(toLowerAscii(c));
    }
    return out;
}

size_t DnsName::wireLength(const Labels &labels)
{
    size_t n = 1;
    for (const auto &l : labels)
        n += l.size() + 1;
    return n;
}

} // namespace verifier
