// The IANA registry of result names each authentication method may report, which the parser
// checks results against.
#include "AuthResultsParser.h"

#include "Strings.h"

#include <map>

namespace verifier {

namespace {

const std::map<std::string, std::vector<std::string_view>, std::less<>> &registry()
{
    // IANA "Email Authentication Result Names" (RFC 8601 §2.7, RFC 5617, RFC 6212, RFC 7281,
    // RFC 7293, RFC 7489, RFC 8617, RFC 8904). Deprecated "hardfail" is not accepted.
    static const std::map<std::string, std::vector<std::string_view>, std::less<>> table = {
        {"auth", {"none", "pass", "fail", "temperror", "permerror"}},
        {"dkim", {"none", "pass", "fail", "policy", "neutral", "temperror", "permerror"}},
        {"domainkeys", {"none", "pass", "fail", "policy", "neutral", "temperror", "permerror"}},
        {"iprev", {"pass", "fail", "temperror", "permerror"}},
        {"sender-id", {"none", "pass", "fail", "softfail", "policy", "neutral", "temperror", "permerror"}},
        {"spf", {"none", "pass", "fail", "softfail", "policy", "neutral", "temperror", "permerror"}},
        {"dkim-adsp", {"none", "pass", "unknown", "fail", "discard", "nxdomain", "temperror", "permerror"}},
        {"vbr", {"none", "pass", "fail", "temperror", "permerror"}},
        {"rrvs", {"none", "pass", "fail", "unknown", "temperror", "permerror"}},
        {"smime", {"none", "pass", "fail", "policy", "neutral", "temperror", "permerror"}},
        {"dmarc", {"none", "pass", "fail", "temperror", "permerror"}},
        {"arc", {"none", "pass", "fail"}},
        {"dnswl", {"pass", "none", "fail", "temperror", "permerror"}},
    };
    return table;
}

} // namespace

const std::vector<std::string_view> &registeredResults(std::string_view method)
{
    static const std::vector<std::string_view> none;
    const auto &table = registry();
    const auto it = table.find(toLower(method));
    return it == table.end() ? none : it->second;
}

} // namespace verifier
