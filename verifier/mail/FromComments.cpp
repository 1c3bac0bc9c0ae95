#include "FromComments.h"

#include "Rfc2047.h"
#include "Strings.h"

namespace verifier {

namespace {

std::string collapseWhiteSpace(std::string_view s)
{
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = !out.empty();
            continue;
        }
        if (space)
            out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

} // namespace

std::vector<std::string> commentsIn(std::string_view v)
{
    std::vector<std::string> out;
    size_t i = 0;
    while (i < v.size() && out.size() < FromCommentLimits::maxComments) {
        const char c = v[i];
        if (c == '"' || c == '[') {
            // A quoted string or domain literal: skip it (quoted-pairs included).
            const char close = c == '"' ? '"' : ']';
            ++i;
            while (i < v.size() && v[i] != close)
                i += (v[i] == '\\' && i + 1 < v.size()) ? 2 : 1;
            ++i;
            continue;
        }
        if (c != '(') {
            ++i;
            continue;
        }
        std::string text;
        int depth = 1;
        ++i;
        while (i < v.size() && depth > 0) {
            char d = v[i];
            if (d == '\\' && i + 1 < v.size()) {
                d = v[i + 1];
                i += 2;
            } else {
                ++i;
                if (d == '(')
                    ++depth;
                else if (d == ')' && --depth == 0)
                    break;
            }
            if (text.size() < FromCommentLimits::maxCommentBytes)
                text.push_back(d);
        }
        std::string shown = collapseWhiteSpace(decodeEncodedWords(text));
        if (!shown.empty())
            out.push_back(std::move(shown));
    }
    return out;
}

} // namespace verifier
