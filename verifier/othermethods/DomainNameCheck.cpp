#include "DomainNameCheck.h"

#include "Strings.h"

namespace verifier {

bool isPlausibleDomainName(std::string_view name, bool allowSingleLabel)
{
    if (!name.empty() && name.back() == '.')
        name.remove_suffix(1);
    if (name.empty() || name.size() > 253)
        return false;
    size_t labelLength = 0, labels = 1;
    for (char c : name) {
        if (c == '.') {
            if (labelLength == 0)
                return false;
            labelLength = 0;
            ++labels;
            continue;
        }
        if (!(isAlpha(c) || isDigit(c) || c == '-' || c == '_'))
            return false;
        if (++labelLength > 63)
            return false;
    }
    return labelLength > 0 && (allowSingleLabel || labels >= 2);
}

} // namespace verifier
