#include "ArcAuthenticationResults.h"

#include "ArcSignature.h"
#include "Strings.h"

namespace verifier {

namespace {

// CFWS before the instance tag: white space, folds and (nested, bounded) comments.
size_t skipCfws(std::string_view s, size_t pos)
{
    while (pos < s.size()) {
        const char c = s[pos];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            ++pos;
        } else if (c == '(') {
            int depth = 0;
            size_t p = pos;
            for (; p < s.size(); ++p) {
                if (s[p] == '\\') {
                    ++p;
                } else if (s[p] == '(') {
                    if (++depth > kMaxAuthResultsCommentDepth)
                        return pos;
                } else if (s[p] == ')') {
                    if (--depth == 0)
                        break;
                }
            }
            if (p >= s.size())
                return pos; // unterminated comment: leave it for the caller to refuse
            pos = p + 1;
        } else {
            break;
        }
    }
    return pos;
}

} // namespace

Expected<ArcAuthenticationResults> parseArcAuthenticationResults(std::string_view value)
{
    if (value.size() > kMaxAuthResultsValueBytes)
        return makeError("the field is longer than " + std::to_string(kMaxAuthResultsValueBytes) + " bytes");
    size_t pos = skipCfws(value, 0);
    if (pos >= value.size() || value[pos] != 'i')
        return makeError("the field does not start with the instance tag i=");
    pos = skipCfws(value, pos + 1);
    if (pos >= value.size() || value[pos] != '=')
        return makeError("the field does not start with the instance tag i=");
    pos = skipCfws(value, pos + 1);
    const size_t digits = pos;
    while (pos < value.size() && isDigit(value[pos]))
        ++pos;
    const auto instance = parseArcInstanceValue(value.substr(digits, pos - digits));
    if (!instance)
        return makeError("the instance i=" + std::string(value.substr(digits, pos - digits)) +
                         " is not a number from 1 to 50");
    pos = skipCfws(value, pos);
    if (pos >= value.size() || value[pos] != ';')
        return makeError("the instance tag is not followed by ';'");
    ++pos;

    ArcAuthenticationResults aar;
    aar.instance = *instance;
    const std::string_view rest = value.substr(pos);
    aar.payload = std::string(trim(unfold(rest)));
    auto strict = parseAuthenticationResults(rest, AuthResultsMode::Strict);
    if (strict) {
        aar.parsed = std::move(strict).value();
    } else {
        auto relaxed = parseAuthenticationResults(rest, AuthResultsMode::Relaxed);
        if (relaxed)
            aar.parsed = std::move(relaxed).value();
        else
            aar.parseError = strict.error().message;
    }
    return aar;
}

} // namespace verifier
