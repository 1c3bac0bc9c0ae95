#include "PostureChecks.h"

namespace verifier::posture {

std::string quoted(std::string_view s)
{
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\')
            out.push_back('\\');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

std::string txtFix(std::string_view owner, std::string_view text)
{
    return std::string(owner) + ". TXT " + quoted(text);
}

std::string joined(const std::vector<std::string> &items, std::string_view sep)
{
    std::string out;
    for (const std::string &s : items) {
        if (!out.empty())
            out += sep;
        out += s;
    }
    return out;
}

std::string dnsFailure(const DnsAnswer &a)
{
    return "DNS " + std::string(dnsStatusName(a.status)) + (a.why.empty() ? "" : " (" + a.why + ")");
}

} // namespace verifier::posture
