#include "BimiRecord.h"

#include "Strings.h"

namespace verifier {

bool BimiRecord::isBimiRecord(std::string_view txt)
{
    const auto fields = split(txt, ';');
    if (fields.empty())
        return false;
    const std::string_view first = trim(fields.front());
    const size_t eq = first.find('=');
    return eq != std::string_view::npos && equalsIgnoreCase(trim(first.substr(0, eq)), "v") &&
           trim(first.substr(eq + 1)) == "BIMI1";
}

Expected<BimiRecord> BimiRecord::parse(std::string_view txt)
{
    if (txt.size() > 4096)
        return makeError("the record is longer than 4096 bytes");
    if (!isBimiRecord(txt))
        return makeError("the record does not begin with v=BIMI1");
    BimiRecord record;
    bool haveLogo = false;
    const auto fields = split(txt, ';');
    for (size_t i = 1; i < fields.size(); ++i) {
        const std::string_view field = trim(fields[i]);
        if (field.empty())
            continue;
        const size_t eq = field.find('=');
        if (eq == std::string_view::npos)
            return makeError("field '" + std::string(field) + "' has no '='");
        const std::string name = toLower(trim(field.substr(0, eq)));
        const std::string_view value = trim(field.substr(eq + 1));
        if (name == "l") {
            if (!value.empty() && !startsWithIgnoreCase(value, "https://"))
                return makeError("l= must be an https: URI");
            record.logo = std::string(value);
            haveLogo = true;
        } else if (name == "a") {
            if (!value.empty() && !startsWithIgnoreCase(value, "https://"))
                return makeError("a= must be an https: URI");
            record.authority = std::string(value);
        }
    }
    record.declined = (!haveLogo || record.logo.empty()) && record.authority.empty();
    return record;
}

} // namespace verifier
