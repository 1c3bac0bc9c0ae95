// libFuzzer target: HTML reduced to text (app/core/HtmlText.h), the desktop program's view of an
// HTML message (issue 24). Inputs up to 256 KiB (scripts/fuzz.sh max_len): the cost must stay
// linear in the size, and the output within its bound, whatever the nesting or errors.
#include "HtmlText.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view html(reinterpret_cast<const char *>(data), size);
    sealcheck::HtmlTextLimits limits;
    limits.maxOutputBytes = 4096; // small, so the fuzzer reaches the output bound
    const sealcheck::HtmlText small = sealcheck::htmlToText(html, limits);
    if (small.text.size() > limits.maxOutputBytes)
        std::abort();
    const sealcheck::HtmlText whole = sealcheck::htmlToText(html);
    // Only bytes of the input, decoded references and the few line breaks and bullets the
    // converter adds: never more than a small multiple of the input.
    if (whole.text.size() > 4 * size + 16)
        std::abort();
    return 0;
}
