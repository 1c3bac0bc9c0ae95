#include "DkimCanonicalization.h"

#include "Strings.h"

#include <unordered_map>

namespace verifier {

std::string_view dkimCanonicalizationName(DkimCanonicalization c)
{
    switch (c) {
    case DkimCanonicalization::Simple: return "simple";
    case DkimCanonicalization::Relaxed: return "relaxed";
    }
    return "simple";
}

namespace {

std::optional<DkimCanonicalization> parseOne(std::string_view s)
{
    if (equalsIgnoreCase(s, "simple"))
        return DkimCanonicalization::Simple;
    if (equalsIgnoreCase(s, "relaxed"))
        return DkimCanonicalization::Relaxed;
    return std::nullopt;
}

constexpr bool isFws(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

} // namespace

std::optional<DkimCanonicalizationPair> parseDkimCanonicalization(std::string_view value)
{
    const size_t slash = value.find('/');
    DkimCanonicalizationPair pair;
    auto h = parseOne(trim(value.substr(0, slash)));
    if (!h)
        return std::nullopt;
    pair.header = *h;
    if (slash != std::string_view::npos) {
        auto b = parseOne(trim(value.substr(slash + 1)));
        if (!b)
            return std::nullopt;
        pair.body = *b;
    }
    return pair;
}

void appendCanonicalHeaderField(std::string &out, std::string_view raw, DkimCanonicalization c)
{
    if (c == DkimCanonicalization::Simple) {
        out.append(raw);
        out.append("\r\n");
        return;
    }
    const size_t colon = raw.find(':');
    std::string_view name = raw.substr(0, colon);
    while (!name.empty() && isFws(name.back()))
        name.remove_suffix(1);
    for (char ch : name)
        out.push_back(toLowerAscii(ch));
    out.push_back(':');
    if (colon != std::string_view::npos) {
        bool pendingSpace = false;
        bool started = false;
        for (size_t i = colon + 1; i < raw.size(); ++i) {
            const char ch = raw[i];
            if (ch == '\r' || ch == '\n')
                continue; // unfold (§3.4.2: delete all CRLF sequences)
            if (ch == ' ' || ch == '\t') {
                pendingSpace = started;
                continue;
            }
            if (pendingSpace)
                out.push_back(' ');
            pendingSpace = false;
            started = true;
            out.push_back(ch);
        }
    }
    out.append("\r\n");
}

std::string canonicalHeaderField(std::string_view raw, DkimCanonicalization c)
{
    std::string out;
    out.reserve(raw.size() + 2);
    appendCanonicalHeaderField(out, raw, c);
    return out;
}

HeaderFieldIndex::HeaderFieldIndex(const Message &message)
{
    for (const HeaderField &f : message.fields())
        m_byName[toLower(f.name)].push_back(&f);
}

const std::vector<const HeaderField *> &HeaderFieldIndex::fields(const std::string &lowerName) const
{
    static const std::vector<const HeaderField *> kNone;
    const auto it = m_byName.find(lowerName);
    return it == m_byName.end() ? kNone : it->second;
}

std::vector<const HeaderField *> selectSignedHeaderFields(const HeaderFieldIndex &index,
                                                          const std::vector<std::string> &signedNames)
{
    std::vector<const HeaderField *> out;
    out.reserve(signedNames.size());
    std::unordered_map<std::string, size_t> used; // lower-case name -> instances consumed
    for (const std::string &name : signedNames) {
        std::string lower = toLower(name);
        const std::vector<const HeaderField *> &named = index.fields(lower);
        size_t &taken = used[std::move(lower)];
        // From the bottom upwards: the instance `taken` places above the last one.
        const HeaderField *found = nullptr;
        if (taken < named.size()) {
            found = named[named.size() - 1 - taken];
            ++taken;
        }
        out.push_back(found);
    }
    return out;
}

std::vector<const HeaderField *> selectSignedHeaderFields(const Message &message,
                                                          const std::vector<std::string> &signedNames)
{
    return selectSignedHeaderFields(HeaderFieldIndex(message), signedNames);
}

std::string canonicalSignatureFieldWithoutSignature(std::string_view raw, DkimCanonicalization c)
{
    // Locate the value part after the field name's colon, then the tag named "b".
    std::string stripped;
    stripped.reserve(raw.size());
    const size_t colon = raw.find(':');
    if (colon == std::string_view::npos) {
        stripped.assign(raw);
    } else {
        stripped.assign(raw.substr(0, colon + 1));
        size_t pos = colon + 1;
        bool removed = false;
        while (pos <= raw.size()) {
            size_t end = raw.find(';', pos);
            if (end == std::string_view::npos)
                end = raw.size();
            std::string_view spec = raw.substr(pos, end - pos);
            size_t i = 0;
            while (i < spec.size() && isFws(spec[i]))
                ++i;
            size_t j = i;
            while (j < spec.size() && !isFws(spec[j]) && spec[j] != '=')
                ++j;
            std::string_view name = spec.substr(i, j - i);
            size_t k = j;
            while (k < spec.size() && isFws(spec[k]))
                ++k;
            if (!removed && name == "b" && k < spec.size() && spec[k] == '=') {
                stripped.append(spec.substr(0, k + 1)); // keep everything up to and including '='
                removed = true;
            } else {
                stripped.append(spec);
            }
            if (end < raw.size())
                stripped.push_back(';');
            pos = end + 1;
        }
    }
    std::string out;
    out.reserve(stripped.size() + 2);
    appendCanonicalHeaderField(out, stripped, c);
    out.resize(out.size() - 2); // without the trailing CRLF (RFC 6376 §3.7)
    return out;
}

} // namespace verifier
