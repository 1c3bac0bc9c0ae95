// libFuzzer target: SPF records and macros (RFC 7208 §4.6, §7, §12) (verifier/spf): the record
// parser, the macro checker and expander, and check_host() over an in-memory zone where the
// input is the SPF record of the sender's domain (so the DNS limits of §4.6.4 are exercised).
#include "SpfChecker.h"
#include "SpfMacro.h"
#include "SpfRecord.h"
#include "ZoneResolver.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {
verifier::SpfMacroValues macroValues()
{
    verifier::SpfMacroValues v;
    v.sender = "strong-bad@email.example.com";
    v.localPart = "strong-bad";
    v.senderDomain = "email.example.com";
    v.domain = "email.example.com";
    v.ipDotted = "192.0.2.3";
    v.ipReadable = "192.0.2.3";
    v.ipVersion = "in-addr";
    v.helo = "mx.example.org";
    v.receiver = "receiver.example.net";
    v.timestamp = "1700000000";
    v.validatedDomain = [](std::string_view) { return std::string("mx.example.org"); };
    return v;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    std::string_view text(reinterpret_cast<const char *>(data), size);
    (void)verifier::isSpfRecord(text);
    auto record = verifier::parseSpfRecord(text);
    if (record) {
        (void)record->dnsLookupTerms();
        (void)record->allTerm();
    }
    static const verifier::SpfMacroValues values = macroValues();
    for (auto mode : {verifier::SpfMacroMode::DomainSpec, verifier::SpfMacroMode::Modifier,
                      verifier::SpfMacroMode::Explanation}) {
        (void)verifier::checkSpfMacroString(text, mode);
        auto expanded = verifier::expandSpfMacros(text, values, mode, 4096);
        if (expanded && mode == verifier::SpfMacroMode::DomainSpec)
            (void)verifier::spfTargetName(*expanded);
    }
    (void)verifier::checkSpfDomainSpec(text);
    (void)verifier::isValidSpfDomain(text);

    if (size > 4096)
        return 0;
    verifier::ZoneResolver zone;
    zone.addTxt("email.example.com", {std::string(text)});
    zone.addTxt("_spf.example.com", {"v=spf1 ip4:192.0.2.0/24 include:email.example.com -all"});
    zone.addTxt("loop.example.com", {"v=spf1 include:loop.example.com -all"});
    zone.addAddress("email.example.com", "192.0.2.3");
    zone.addAddress("mx.example.org", "192.0.2.3");
    zone.addMx("email.example.com", 10, "mx.example.org");
    zone.add("3.2.0.192.in-addr.arpa", verifier::RrType::PTR, verifier::DnsRecord{.text = "mx.example.org"});
    verifier::SpfRequest request;
    request.clientIp = "192.0.2.3";
    request.helo = "mx.example.org";
    request.mailFrom = "strong-bad@email.example.com";
    request.timestamp = 1700000000;
    (void)verifier::checkSpf(request, zone);
    return 0;
}
