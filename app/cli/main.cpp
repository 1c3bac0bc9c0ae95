// sealcheck-cli: the verifier for scripts and terminals. The contract is CLI.md.

#include "VerifyCommand.h"

#include <QCoreApplication>

#include <cstdio>

namespace {

void printUsage(FILE *out)
{
    std::fputs("Usage:\n"
               "  sealcheck-cli verify [OPTIONS] FILE...     verify messages (.eml, mbox, - for stdin)\n"
               "  sealcheck-cli scan imaps://USER@HOST[:PORT]/MAILBOX [OPTIONS]\n"
               "                                            verify a mailbox over IMAPS, read-only\n"
               "  sealcheck-cli domain DOMAIN [--json] [--dns-zone FILE]...\n"
               "                                            how well a domain protects its mail\n"
               "  sealcheck-cli providers [--json]           the provider profiles for --provider NAME\n"
               "  sealcheck-cli --version | --help\n"
               "Run 'sealcheck-cli COMMAND --help' for the options of a command.\n",
               out);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sealcheck-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Sealcheck"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SEALCHECK_VERSION));

    QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        printUsage(stderr);
        return 2;
    }
    const QString command = args.at(1);
    if (command == QLatin1String("--version") || command == QLatin1String("-V")) {
        std::printf("sealcheck-cli %s\n", SEALCHECK_VERSION);
        return 0;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        printUsage(stdout);
        return 0;
    }
    args.removeAt(1);
    if (command == QLatin1String("verify"))
        return sealcheck::cli::runVerify(args);
    if (command == QLatin1String("scan"))
        return sealcheck::cli::runScan(args);
    if (command == QLatin1String("domain"))
        return sealcheck::cli::runDomain(args);
    if (command == QLatin1String("providers"))
        return sealcheck::cli::runProviders(args);
    std::fprintf(stderr, "sealcheck-cli: unknown command '%s'\n", qPrintable(command));
    printUsage(stderr);
    return 2;
}
