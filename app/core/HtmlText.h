#pragma once
// HTML reduced to plain text for display, without any document that could resolve a resource:
// nothing named in the HTML (stylesheets, images, frames, file:// or http:// addresses) is ever
// opened or fetched, because nothing here knows how to. Replaces QTextDocument::setHtml, which
// opened <link rel=stylesheet href="file:///dev/zero"> (issue 24).
//
// One pass over the bytes, linear in the input whatever its nesting or errors (no element stack:
// an unclosed tag or comment swallows the rest, as in a browser). Tags are dropped; the content
// of script, style, head, title, template and noscript is skipped; block elements (p, div, br,
// li, tr, h1-h6, ...) become line breaks; whitespace collapses as in HTML (kept inside pre);
// character references (HTML Living Standard §13.5, the common named ones and every numeric
// one) are decoded, with U+FFFD for invalid code points. Bounded: at most maxInputBytes are read
// and at most maxOutputBytes written; `truncated` says when either bound cut the text.
//
// Input and output are UTF-8 (bytes that are not valid UTF-8 pass through unchanged; the caller
// decodes them).

#include <cstddef>
#include <string>
#include <string_view>

namespace sealcheck {

struct HtmlTextLimits
{
    size_t maxInputBytes = 16u * 1024 * 1024;
    size_t maxOutputBytes = 8u * 1024 * 1024;
};

struct HtmlText
{
    std::string text;
    bool truncated = false;
};

HtmlText htmlToText(std::string_view html, const HtmlTextLimits &limits = {});

} // namespace sealcheck
