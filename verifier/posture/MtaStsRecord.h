#pragma once
/// The MTA-STS TXT record at _mta-sts.<domain>, RFC 8461 §3.1.
///
///   sts-text-record = sts-version 1*(sts-field-delim sts-field) [sts-field-delim]
///   sts-version = "v" *WSP "=" *WSP "STSv1";  sts-id = "id" *WSP "=" *WSP 1*32(ALPHA / DIGIT)
///   sts-field-delim = *WSP ";" *WSP;  extension fields: name 1*32 of ALPHA/DIGIT/"_"/"-"/"."
///   (first ALPHA/DIGIT), value 1*(%x21-3A / %x3C / %x3E-7E).
/// id= is required. Records that do not begin with "v=STSv1" are not MTA-STS records; when
/// not exactly one record is left, the domain has no usable policy (§3.1).

#include "Expected.h"

#include <string>
#include <string_view>

namespace verifier {

struct MtaStsRecord
{
    std::string id;

    /// True when @p txt begins with "v=STSv1" (the §3.1 discard rule; white space before '='
    /// allowed by the ABNF).
    static bool isMtaStsRecord(std::string_view txt);
    /// Parses one record. Errors name the first problem (missing id, bad id, bad field).
    static Expected<MtaStsRecord> parse(std::string_view txt);
};

} // namespace verifier
