#pragma once
/// The SMTP TLS Reporting record at _smtp._tls.<domain>, RFC 8460 §3.
///
///   tlsrpt-record = tlsrpt-version 1*(field-delim tlsrpt-field) [field-delim]
///   tlsrpt-version = %s"v=TLSRPTv1";  tlsrpt-rua = %s"rua=" tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri)
///   field-delim = *WSP ";" *WSP
/// rua= is required; each URI is mailto: or https:. Records that do not begin with
/// "v=TLSRPTv1" are discarded; when not exactly one is left the domain does not use TLS-RPT.

#include "Expected.h"

#include <string>
#include <string_view>
#include <vector>

namespace verifier {

struct TlsRptRecord
{
    std::vector<std::string> rua;

    static bool isTlsRptRecord(std::string_view txt);
    /// Errors: no rua=, a URI that is neither mailto: nor https:, a malformed field.
    static Expected<TlsRptRecord> parse(std::string_view txt);
};

} // namespace verifier
