#include "MtaStsPolicy.h"

#include "OrgDomain.h"
#include "Strings.h"

namespace verifier {

std::string_view mtaStsModeName(MtaStsMode mode)
{
    switch (mode) {
    case MtaStsMode::Enforce:
        return "enforce";
    case MtaStsMode::Testing:
        return "testing";
    case MtaStsMode::None:
        return "none";
    }
    return "none";
}

namespace {

std::string canonicalHost(std::string_view host)
{
    std::string h = toLower(trim(host));
    if (!h.empty() && h.back() == '.')
        h.pop_back();
    return h;
}

} // namespace

Expected<MtaStsPolicy> MtaStsPolicy::parse(std::string_view text)
{
    if (text.size() > kMaxBytes)
        return makeError("the policy is larger than 64 KiB");
    MtaStsPolicy policy;
    bool haveVersion = false, haveMode = false, haveMaxAge = false;
    int line = 0;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view l = text.substr(pos, end - pos);
        pos = end + 1;
        if (!l.empty() && l.back() == '\r')
            l.remove_suffix(1);
        ++line;
        if (trim(l).empty())
            continue;
        const size_t colon = l.find(':');
        if (colon == std::string_view::npos)
            return makeError("line " + std::to_string(line) + " is not \"key: value\"");
        const std::string_view key = l.substr(0, colon);
        const std::string_view value = trim(l.substr(colon + 1));
        for (char c : l) {
            const auto u = static_cast<unsigned char>(c);
            if (u < 0x20 && c != '\t')
                return makeError("line " + std::to_string(line) + " holds a control character");
        }
        if (key == "version") {
            if (haveVersion) {
                policy.notes.push_back("version appears more than once; the first is used");
                continue;
            }
            if (value != "STSv1")
                return makeError("version is '" + std::string(value) + "', not STSv1");
            if (line != 1)
                policy.notes.push_back("version is not the first line");
            haveVersion = true;
        } else if (key == "mode") {
            if (haveMode) {
                policy.notes.push_back("mode appears more than once; the first is used");
                continue;
            }
            if (value == "enforce")
                policy.mode = MtaStsMode::Enforce;
            else if (value == "testing")
                policy.mode = MtaStsMode::Testing;
            else if (value == "none")
                policy.mode = MtaStsMode::None;
            else
                return makeError("mode is '" + std::string(value) + "', not enforce, testing or none");
            haveMode = true;
        } else if (key == "max_age") {
            if (haveMaxAge) {
                policy.notes.push_back("max_age appears more than once; the first is used");
                continue;
            }
            if (value.empty() || value.size() > 10)
                return makeError("max_age must be 1 to 10 digits");
            int64_t v = 0;
            for (char c : value) {
                if (!isDigit(c))
                    return makeError("max_age must be 1 to 10 digits");
                v = v * 10 + (c - '0');
            }
            if (v > kMaxAge)
                return makeError("max_age " + std::to_string(v) + " is over the maximum of 31557600 seconds (one year)");
            policy.maxAge = v;
            haveMaxAge = true;
        } else if (key == "mx") {
            if (policy.mx.size() >= 1000)
                return makeError("more than 1000 mx patterns");
            std::string pattern = canonicalHost(value);
            const std::string_view name = pattern.starts_with("*.") ? std::string_view(pattern).substr(2)
                                                                    : std::string_view(pattern);
            if (!OrgDomain::isValidDomain(name))
                return makeError("mx pattern '" + std::string(value) + "' is not a host name or *.domain");
            policy.mx.push_back(std::move(pattern));
        }
        // Other keys: extensions, ignored (§3.2).
    }
    if (!haveVersion)
        return makeError("the version field is missing");
    if (!haveMode)
        return makeError("the mode field is missing");
    if (!haveMaxAge)
        return makeError("the max_age field is missing");
    if (policy.mx.empty() && policy.mode != MtaStsMode::None)
        return makeError("no mx pattern");
    return policy;
}

bool MtaStsPolicy::matches(std::string_view pattern, std::string_view host)
{
    const std::string p = canonicalHost(pattern);
    const std::string h = canonicalHost(host);
    if (p.empty() || h.empty())
        return false;
    if (p.starts_with("*.")) {
        const size_t dot = h.find('.');
        if (dot == std::string::npos || dot == 0)
            return false;
        return h.substr(dot + 1) == p.substr(2);
    }
    return p == h;
}

bool MtaStsPolicy::allows(std::string_view host) const
{
    for (const std::string &p : mx) {
        if (matches(p, host))
            return true;
    }
    return false;
}

} // namespace verifier
