#include "TlsRptRecord.h"

#include "Strings.h"

namespace verifier {

bool TlsRptRecord::isTlsRptRecord(std::string_view txt)
{
    // %s"v=TLSRPTv1": case-sensitive, then a delimiter or the end.
    if (!txt.starts_with("v=TLSRPTv1"))
        return false;
    const std::string_view rest = txt.substr(10);
    const std::string_view t = trim(rest);
    return t.empty() || t.front() == ';';
}

Expected<TlsRptRecord> TlsRptRecord::parse(std::string_view txt)
{
    if (txt.size() > 4096)
        return makeError("the record is longer than 4096 bytes");
    if (!isTlsRptRecord(txt))
        return makeError("the record does not begin with v=TLSRPTv1");
    TlsRptRecord record;
    bool haveRua = false;
    const auto fields = split(txt, ';');
    for (size_t i = 1; i < fields.size(); ++i) {
        const std::string_view field = trim(fields[i]);
        if (field.empty()) {
            if (i + 1 == fields.size())
                break;
            return makeError("an empty field between two ';'");
        }
        const size_t eq = field.find('=');
        if (eq == std::string_view::npos)
            return makeError("field '" + std::string(field) + "' has no '='");
        const std::string_view name = field.substr(0, eq);
        const std::string_view value = field.substr(eq + 1);
        if (name != "rua")
            continue; // extensions are ignored (§3)
        if (haveRua)
            return makeError("rua= appears twice");
        haveRua = true;
        for (std::string_view uri : split(value, ',')) {
            uri = trim(uri);
            if (!startsWithIgnoreCase(uri, "mailto:") && !startsWithIgnoreCase(uri, "https:"))
                return makeError("rua URI '" + std::string(uri) + "' is neither mailto: nor https:");
            const size_t colon = uri.find(':');
            if (colon + 1 >= uri.size())
                return makeError("rua URI '" + std::string(uri) + "' is empty after the scheme");
            record.rua.emplace_back(uri);
        }
    }
    if (!haveRua)
        return makeError("the required rua= is missing");
    return record;
}

} // namespace verifier
