#include "SenderIdRecord.h"

#include "Strings.h"

#include <algorithm>

namespace verifier {

bool SenderIdRecord::coversPra() const { return std::find(scopes.begin(), scopes.end(), "pra") != scopes.end(); }
bool SenderIdRecord::coversMfrom() const { return std::find(scopes.begin(), scopes.end(), "mfrom") != scopes.end(); }

std::string SenderIdRecord::versionAndScopes() const
{
    std::string out = "spf2.0/";
    for (size_t i = 0; i < scopes.size(); ++i)
        out += (i ? "," : "") + scopes[i];
    return out;
}

std::optional<SenderIdRecord> SenderIdRecord::parse(std::string_view text)
{
    text = trim(text);
    constexpr std::string_view kVersion = "spf2.0/";
    if (!startsWithIgnoreCase(text, kVersion))
        return std::nullopt;
    std::string_view rest = text.substr(kVersion.size());
    const size_t space = rest.find(' ');
    const std::string_view scopeList = rest.substr(0, space);
    if (scopeList.empty() || scopeList.size() > 256)
        return std::nullopt;
    SenderIdRecord r;
    for (std::string_view scope : split(scopeList, ',')) {
        if (scope.empty())
            return std::nullopt;
        for (char c : scope) {
            if (!isAlpha(c) && !isDigit(c) && c != '-' && c != '.')
                return std::nullopt;
        }
        if (r.scopes.size() < 8)
            r.scopes.push_back(toLower(scope));
    }
    return r;
}

} // namespace verifier
