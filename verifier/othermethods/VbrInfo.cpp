#include "VbrInfo.h"

#include "DomainNameCheck.h"
#include "Strings.h"

namespace verifier {

Expected<VbrInfo> VbrInfo::parse(std::string_view value)
{
    if (value.size() > kMaxBytes)
        return makeError("the VBR-Info field is too long");
    const std::string text = unfold(value);
    VbrInfo info;
    bool haveMd = false, haveMc = false, haveMv = false;
    for (std::string_view part : split(text, ';')) {
        part = trim(part);
        if (part.empty())
            continue;
        const size_t eq = part.find('=');
        if (eq == std::string_view::npos)
            return makeError("VBR-Info: \"" + std::string(part.substr(0, 40)) + "\" is not tag=value");
        const std::string name = toLower(trim(part.substr(0, eq)));
        const std::string_view v = trim(part.substr(eq + 1));
        if (name == "md") {
            if (haveMd)
                return makeError("VBR-Info: md= given twice");
            haveMd = true;
            info.domain = toLower(v);
            if (!isPlausibleDomainName(info.domain))
                return makeError("VBR-Info: md= is not a domain name");
        } else if (name == "mc") {
            if (haveMc)
                return makeError("VBR-Info: mc= given twice");
            haveMc = true;
            info.category = toLower(v);
            bool printable = true;
            for (char ch : info.category)
                printable = printable && ch > ' ' && ch < 0x7f;
            if (info.category.empty() || !printable)
                return makeError("VBR-Info: mc= is not one category");
        } else if (name == "mv") {
            if (haveMv)
                return makeError("VBR-Info: mv= given twice");
            haveMv = true;
            for (std::string_view voucher : split(v, ':')) {
                const std::string d = toLower(trim(voucher));
                if (!isPlausibleDomainName(d))
                    return makeError("VBR-Info: mv= holds something that is not a domain name");
                if (info.vouchers.size() < kMaxVouchers)
                    info.vouchers.push_back(d);
            }
        }
    }
    if (!haveMd || !haveMc || !haveMv)
        return makeError("VBR-Info: md=, mc= and mv= are all required");
    return info;
}

} // namespace verifier
