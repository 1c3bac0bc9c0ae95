#pragma once
// Reads the "name TXT-value" DNS files of the DKIM test data and of the Mail::DKIM, dkimpy and
// DKIM Verifier suites (Mail::DKIM's FAKE_DNS.dat format) into a ZoneResolver:
//   <fqdn> <TXT value>     one TXT record (repeat the name for several records)
//   <fqdn> NXDOMAIN        the name does not exist (the default for absent names)
//   <fqdn> ~~SERVFAIL~~    SERVFAIL;  <fqdn> ~~Query timed out~~  timeout
//   <fqdn> ""              an empty TXT record
// '#' and ';' start comment lines.

#include "ZoneResolver.h"

#include <string>
#include <string_view>

namespace dkimtest {

inline void loadDnsFile(verifier::ZoneResolver &zone, std::string_view text)
{
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
            line.remove_suffix(1);
        if (line.empty() || line.front() == '#' || line.front() == ';')
            continue;
        const size_t sp = line.find_first_of(" \t");
        if (sp == std::string_view::npos)
            continue;
        const std::string_view name = line.substr(0, sp);
        std::string_view value = line.substr(sp);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
            value.remove_prefix(1);
        if (value == "NXDOMAIN")
            continue;
        if (value == "~~SERVFAIL~~") {
            zone.setFailure(name, verifier::DnsStatus::ServFail);
            continue;
        }
        if (value == "~~Query timed out~~") {
            zone.setFailure(name, verifier::DnsStatus::Timeout);
            continue;
        }
        if (value == "\"\"")
            value = {};
        zone.addTxt(name, {std::string(value)});
    }
}

} // namespace dkimtest
