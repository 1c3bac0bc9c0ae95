#include "MtaStsRecord.h"

#include "Strings.h"

namespace verifier {

namespace {

bool isAlnum(char c) { return isAlpha(c) || isDigit(c); }

// Splits "name = value" around the first '=' allowing WSP around it (§3.1 ABNF).
bool splitField(std::string_view field, std::string_view &name, std::string_view &value)
{
    const size_t eq = field.find('=');
    if (eq == std::string_view::npos)
        return false;
    name = field.substr(0, eq);
    value = field.substr(eq + 1);
    while (!name.empty() && isWsp(name.back()))
        name.remove_suffix(1);
    while (!value.empty() && isWsp(value.front()))
        value.remove_prefix(1);
    return true;
}

} // namespace

bool MtaStsRecord::isMtaStsRecord(std::string_view txt)
{
    std::string_view name, value;
    const size_t semi = txt.find(';');
    std::string_view first = txt.substr(0, semi);
    while (!first.empty() && isWsp(first.back()))
        first.remove_suffix(1);
    return splitField(first, name, value) && name == "v" && value == "STSv1";
}

Expected<MtaStsRecord> MtaStsRecord::parse(std::string_view txt)
{
    if (txt.size() > 4096)
        return makeError("the record is longer than 4096 bytes");
    if (!isMtaStsRecord(txt))
        return makeError("the record does not begin with v=STSv1");
    MtaStsRecord record;
    bool haveId = false;
    const auto fields = split(txt, ';');
    for (size_t i = 1; i < fields.size(); ++i) {
        std::string_view field = fields[i];
        while (!field.empty() && isWsp(field.front()))
            field.remove_prefix(1);
        while (!field.empty() && isWsp(field.back()))
            field.remove_suffix(1);
        if (field.empty()) {
            if (i + 1 == fields.size())
                break; // a trailing delimiter is allowed
            return makeError("an empty field between two ';'");
        }
        std::string_view name, value;
        if (!splitField(field, name, value))
            return makeError("field '" + std::string(field) + "' has no '='");
        if (name == "id") {
            if (value.empty() || value.size() > 32)
                return makeError("id= must be 1 to 32 letters and digits");
            for (char c : value) {
                if (!isAlnum(c))
                    return makeError("id= must be 1 to 32 letters and digits");
            }
            if (haveId)
                return makeError("id= appears twice");
            record.id = std::string(value);
            haveId = true;
            continue;
        }
        if (name.empty() || name.size() > 32 || !isAlnum(name.front()))
            return makeError("malformed field name '" + std::string(name) + "'");
        for (char c : name) {
            if (!isAlnum(c) && c != '_' && c != '-' && c != '.')
                return makeError("malformed field name '" + std::string(name) + "'");
        }
        if (value.empty())
            return makeError("field " + std::string(name) + " has an empty value");
        for (char c : value) {
            const auto u = static_cast<unsigned char>(c);
            if (u < 0x21 || u > 0x7E || c == ';' || c == '=')
                return makeError("field " + std::string(name) + " has a malformed value");
        }
    }
    if (!haveId)
        return makeError("the required id= is missing");
    return record;
}

} // namespace verifier
