#include "DkimTagList.h"

#include "Strings.h"

namespace verifier {

namespace {

constexpr bool isFws(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
constexpr bool isAlnumPunc(char c) { return isAlpha(c) || isDigit(c) || c == '_'; }
// VALCHAR = %x21-3A / %x3C-7E; bytes >= 0x80 are tolerated (RFC 8616).
constexpr bool isValChar(unsigned char c) { return (c >= 0x21 && c <= 0x7e && c != ';') || c >= 0x80; }

} // namespace

Expected<DkimTagList> DkimTagList::parse(std::string_view text)
{
    if (text.size() > kMaxBytes)
        return makeError("tag list longer than " + std::to_string(kMaxBytes) + " bytes");
    DkimTagList list;
    size_t pos = 0;
    const size_t n = text.size();
    while (pos < n) {
        // One tag-spec up to the next ';' or the end.
        size_t end = text.find(';', pos);
        if (end == std::string_view::npos)
            end = n;
        std::string_view spec = text.substr(pos, end - pos);
        size_t i = 0;
        while (i < spec.size() && isFws(spec[i]))
            ++i;
        if (i == spec.size()) {
            // Empty tag-spec: allowed only as trailing white space after the last ';'.
            if (end == n && pos > 0)
                break;
            return makeError("empty tag in tag list");
        }
        const size_t nameStart = i;
        if (!isAlpha(spec[i]))
            return makeError("tag name does not start with a letter");
        while (i < spec.size() && isAlnumPunc(spec[i]))
            ++i;
        std::string_view name = spec.substr(nameStart, i - nameStart);
        while (i < spec.size() && isFws(spec[i]))
            ++i;
        if (i == spec.size() || spec[i] != '=')
            return makeError("tag '" + std::string(name) + "' has no '='");
        ++i;
        std::string_view value = spec.substr(i);
        // Trim FWS at both ends; check the bytes in between.
        size_t a = 0, b = value.size();
        while (a < b && isFws(value[a]))
            ++a;
        while (b > a && isFws(value[b - 1]))
            --b;
        value = value.substr(a, b - a);
        for (char c : value) {
            if (!isFws(c) && !isValChar(static_cast<unsigned char>(c)))
                return makeError("tag '" + std::string(name) + "' holds a byte not allowed in a tag value");
        }
        if (list.find(name))
            return makeError("tag '" + std::string(name) + "' appears twice");
        if (list.m_tags.size() >= kMaxTags)
            return makeError("too many tags");
        list.m_tags.push_back(DkimTag{std::string(name), std::string(value)});
        pos = end + 1;
    }
    return list;
}

const std::string *DkimTagList::find(std::string_view name) const
{
    for (const DkimTag &t : m_tags)
        if (t.name == name)
            return &t.value;
    return nullptr;
}

std::string dkimStripWhitespace(std::string_view value)
{
    std::string out;
    out.reserve(value.size());
    for (char c : value)
        if (!isFws(c))
            out.push_back(c);
    return out;
}

bool dkimSplitList(std::string_view value, char separator, std::vector<std::string> &out)
{
    out.clear();
    for (std::string_view item : split(value, separator)) {
        std::string_view t = trim(item);
        if (t.empty())
            return false;
        out.emplace_back(t);
    }
    return true;
}

} // namespace verifier
