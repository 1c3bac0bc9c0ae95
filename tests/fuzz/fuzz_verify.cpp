// libFuzzer target: the whole verify() pipeline (verifier/Verifier.h) over an in-memory zone
// holding the keys and policies of tests/data (DKIM, ARC). S/MIME system roots and OpenPGP are
// off so that runs stay hermetic and fast. Inputs of odd length are verified with a provider
// profile that has every quirk the readers act on (fields without an id, Yahoo's older form,
// internal networks, outbound hosts), so those paths are fuzzed too.
#include "Message.h"
#include "Verifier.h"
#include "ZoneResolver.h"

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#ifndef SEALCHECK_SOURCE_DIR
#define SEALCHECK_SOURCE_DIR "."
#endif

namespace {
std::string readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

verifier::ZoneResolver *makeZone()
{
    auto *zone = new verifier::ZoneResolver;
    const std::string data = std::string(SEALCHECK_SOURCE_DIR) + "/tests/data/";
    (void)zone->loadMasterFile(readFile(data + "arc/dns.zone"), "");
    // tests/data/dkim/dns.txt: "name TXT-value" lines (Mail::DKIM FAKE_DNS.dat format).
    std::istringstream lines(readFile(data + "dkim/dns.txt"));
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line[0] == '#')
            continue;
        auto space = line.find(' ');
        if (space == std::string::npos)
            continue;
        std::string value = line.substr(space + 1);
        if (value == "NXDOMAIN" || value.find("~~") == 0)
            continue;
        std::vector<std::string> strings;
        for (size_t i = 0; i < value.size(); i += 255)
            strings.push_back(value.substr(i, 255));
        zone->addTxt(line.substr(0, space), strings);
    }
    zone->addTxt("example.com", {"v=spf1 ip4:192.0.2.0/24 include:_spf.example.com ~all"});
    zone->addTxt("_spf.example.com", {"v=spf1 a mx exists:%{i}.%{l}.example.com -all"});
    zone->addTxt("_dmarc.example.com", {"v=DMARC1; p=reject; rua=mailto:d@example.com"});
    zone->addTxt("_dmarc.example.org", {"v=DMARC1; p=none"});
    zone->addAddress("example.com", "192.0.2.10");
    zone->addMx("example.com", 10, "mx.example.com");
    zone->addAddress("mx.example.com", "192.0.2.10");
    return zone;
}
verifier::ProviderProfile makeProfile()
{
    verifier::ProviderProfile p;
    p.id = "fuzz";
    p.name = "Fuzz";
    p.authservIds = {"mx.example.net"};
    p.authservIdPatterns = {"mta*.mail.*.example.net"};
    p.idlessAuthenticationResults = true;
    p.receivingHosts = {"*.example.net"};
    p.internalNetworks = {"10.0.0.0/8", "2001:db8::/32"};
    p.outboundHosts = {"mailout.example.net"};
    p.arcSealers = {"example.net"};
    p.quirks = {"legacy-from-property", "dkim-result-without-header-d"};
    return p;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const verifier::ZoneResolver *zone = makeZone();
    auto message = verifier::Message::parse(std::string(reinterpret_cast<const char *>(data), size));
    if (!message)
        return 0;
    verifier::VerifyContext context;
    context.resolver = zone;
    context.now = 1700000000;
    context.envelope.clientIp = "192.0.2.10";
    context.envelope.helo = "mx.example.com";
    context.trust.authservIds = {"mx.example.net"};
    context.trust.relays = {"mx.example.net"};
    context.trust.knownDomains = {"example.com", "paypal.com"};
    context.signatures.useSystemCa = false;
    context.signatures.enableOpenPgp = false;
    context.source = "fuzz";
    static const verifier::ProviderProfile profile = makeProfile();
    if (size % 2 == 1)
        context.trust.provider = profile;
    (void)verifier::verify(*message, context);
    return 0;
}
