// `sealcheck-cli providers`: the built-in provider profiles (resources/providers/providers.json),
// for choosing `--provider NAME`.

#include "ProviderProfiles.h"
#include "VerifyCommand.h"

#include <nlohmann/json.hpp>

#include <QCommandLineParser>

#include <cstdio>

namespace sealcheck::cli {

namespace {

std::string joined(const std::vector<std::string> &list)
{
    std::string out;
    for (const auto &s : list)
        out += (out.empty() ? "" : ", ") + s;
    return out.empty() ? std::string("-") : out;
}

} // namespace

int runProviders(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Lists the provider profiles for --provider NAME."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("json"), QStringLiteral("One JSON object per profile, one per line.")});
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "sealcheck-cli providers: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(commandHelp(parser, QStringLiteral("providers"))), stdout);
        return 0;
    }
    const auto &profiles = providerProfiles();
    if (profiles.empty()) {
        std::fputs("sealcheck-cli providers: the built-in provider profiles could not be read\n", stderr);
        return 2;
    }
    for (const auto &p : profiles) {
        if (parser.isSet(QStringLiteral("json"))) {
            nlohmann::json j = {{"id", p.id},
                                {"name", p.name},
                                {"authserv_ids", p.authservIds},
                                {"authserv_id_patterns", p.authservIdPatterns},
                                {"idless_authentication_results", p.idlessAuthenticationResults},
                                {"receiving_hosts", p.receivingHosts},
                                {"internal_networks", p.internalNetworks},
                                {"arc_sealers", p.arcSealers},
                                {"mailbox_domains", p.mailboxDomains},
                                {"imap", {{"host", p.imapHost}, {"port", p.imapPort}, {"security", p.imapSecurity}}},
                                {"quirks", p.quirks}};
            std::printf("%s\n", j.dump().c_str());
            continue;
        }
        std::printf("%-16s %s\n", p.id.c_str(), p.name.c_str());
        std::string ids = joined(p.authservIds);
        if (!p.authservIdPatterns.empty())
            ids += (ids == "-" ? std::string() : std::string(", ")) + joined(p.authservIdPatterns);
        if (ids == "-" && p.idlessAuthenticationResults)
            ids = "(fields without an authserv-id)";
        std::printf("  authserv-ids:  %s\n", (ids.empty() ? std::string("-") : ids).c_str());
        std::printf("  hosts:         %s\n", joined(p.receivingHosts).c_str());
        if (!p.internalNetworks.empty())
            std::printf("  networks:      %s\n", joined(p.internalNetworks).c_str());
        std::printf("  ARC sealers:   %s\n", joined(p.arcSealers).c_str());
        std::printf("  mail domains:  %s\n", joined(p.mailboxDomains).c_str());
        for (const auto &q : p.quirks)
            std::printf("  note: %s\n", q.c_str());
    }
    return 0;
}

} // namespace sealcheck::cli
