#pragma once
// `sealcheck-cli verify` and the options it shares with `scan` (CLI.md).

#include "ResolverSetup.h"
#include "Verifier.h"

#include <QCommandLineParser>
#include <QStringList>

#include <cstdio>
#include <string>

namespace sealcheck::cli {

enum class OutputFormat { Text, Json, AuthenticationResults };

struct CommonOptions
{
    OutputFormat format = OutputFormat::Text;
    std::string authservId;
    ResolverOptions resolver;
    verifier::Envelope envelope;
    verifier::TrustPolicy trust;
    verifier::SignatureSettings signatures;
    int64_t now = 0;
    /// --memory FILE: the store that holds the DKIM key memory and sender expectations
    /// (RememberedVerification); empty = no memory, nothing is read or written.
    QString memoryPath;
};

/// Adds the options shared by verify and scan.
void addCommonOptions(QCommandLineParser &parser);
/// Reads them; on a usage error returns false with @p error set.
bool readCommonOptions(const QCommandLineParser &parser, CommonOptions &options, QString &error);
/// Writes one report in the chosen format to @p out.
void printReport(const verifier::Report &report, const CommonOptions &options, FILE *out);
/// A command's --help text, its first line naming the command ("Usage: sealcheck-cli scan
/// [options] URL") rather than the path the program was started by.
QString commandHelp(const QCommandLineParser &parser, const QString &command);

int runVerify(const QStringList &arguments);
int runScan(const QStringList &arguments);
int runDomain(const QStringList &arguments);
int runProviders(const QStringList &arguments);

} // namespace sealcheck::cli
