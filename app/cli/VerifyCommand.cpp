#include "VerifyCommand.h"

#include "AuthResultsWriter.h"
#include "ExitCodes.h"
#include "Message.h"
#include "OverLimit.h"
#include "MessageFiles.h"
#include "ProviderProfiles.h"
#include "ReportJsonWriter.h"
#include "RememberedVerification.h"
#include "ReportText.h"
#include "ResolverSetup.h"
#include "VerifyPipeline.h"

#include <QDateTime>
#include <QHostInfo>
#include <QSysInfo>

namespace sealcheck::cli {

namespace {

std::string toStd(const QString &s)
{
    const QByteArray utf8 = s.toUtf8();
    return std::string(utf8.constData(), size_t(utf8.size()));
}

std::vector<std::string> toStdList(const QStringList &list)
{
    std::vector<std::string> out;
    for (const QString &s : list)
        out.push_back(toStd(s));
    return out;
}

} // namespace

QCommandLineOption dnsTimeoutOption()
{
    return {QStringLiteral("dns-timeout"),
            QStringLiteral("Wait at most MS milliseconds for one DNS answer (default 5000; %1 to %2).")
                .arg(kMinDnsTimeoutMs)
                .arg(kMaxDnsTimeoutMs),
            QStringLiteral("MS")};
}

bool readDnsTimeout(const QCommandLineParser &parser, ResolverOptions &resolver, QString &error)
{
    if (!parser.isSet(QStringLiteral("dns-timeout")))
        return true;
    bool ok = false;
    const int ms = parser.value(QStringLiteral("dns-timeout")).toInt(&ok);
    if (!ok || ms < kMinDnsTimeoutMs || ms > kMaxDnsTimeoutMs) {
        error = QStringLiteral("--dns-timeout '%1' is not a number of milliseconds from %2 to %3")
                    .arg(parser.value(QStringLiteral("dns-timeout")))
                    .arg(kMinDnsTimeoutMs)
                    .arg(kMaxDnsTimeoutMs);
        return false;
    }
    resolver.timeoutMs = ms;
    return true;
}

void addCommonOptions(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("json"), QStringLiteral("One JSON object per message (JSON Lines).")},
        {QStringLiteral("format"), QStringLiteral("text (default), json or ar."), QStringLiteral("FORMAT")},
        {QStringLiteral("authserv-id"), QStringLiteral("The authserv-id written in ar output."), QStringLiteral("ID")},
        {QStringLiteral("dns-zone"), QStringLiteral("Answer DNS from this zone file only (repeatable)."),
         QStringLiteral("FILE")},
        {QStringLiteral("resolver"), QStringLiteral("Ask this DNS server instead of the system's."),
         QStringLiteral("ADDR[@PORT]")},
        dnsTimeoutOption(),
        {QStringLiteral("client-ip"), QStringLiteral("SMTP client IP for SPF."), QStringLiteral("IP")},
        {QStringLiteral("helo"), QStringLiteral("SMTP HELO name for SPF."), QStringLiteral("NAME")},
        {QStringLiteral("mail-from"), QStringLiteral("SMTP MAIL FROM for SPF ('' = null reverse-path)."),
         QStringLiteral("ADDR")},
        {QStringLiteral("trust-authserv-id"),
         QStringLiteral("Trust Authentication-Results with this authserv-id (repeatable)."), QStringLiteral("ID")},
        {QStringLiteral("trusted-relay"), QStringLiteral("A host of the receiving side (repeatable)."),
         QStringLiteral("HOST")},
        {QStringLiteral("provider"),
         QStringLiteral("Your mail provider's profile: trusts its authserv-ids, hosts and ARC sealers "
                        "('sealcheck-cli providers' lists them)."),
         QStringLiteral("NAME")},
        {QStringLiteral("trust-arc-sealer"), QStringLiteral("Trust ARC seals by this domain (repeatable)."),
         QStringLiteral("DOMAIN")},
        {QStringLiteral("vouching-service"),
         QStringLiteral("A VBR vouching service you trust (RFC 5518; repeatable)."), QStringLiteral("DOMAIN")},
        {QStringLiteral("known-domain"),
         QStringLiteral("A domain you correspond with: lookalikes of it are flagged (repeatable)."),
         QStringLiteral("DOMAIN")},
        {QStringLiteral("now"), QStringLiteral("Verify at this time (RFC 3339 or Unix seconds)."), QStringLiteral("TIME")},
        {QStringLiteral("ca-file"), QStringLiteral("Extra trusted roots (PEM)."), QStringLiteral("FILE")},
        {QStringLiteral("no-system-ca"), QStringLiteral("Do not trust the system's roots for S/MIME.")},
        {QStringLiteral("gnupg-home"), QStringLiteral("The OpenPGP keyring to use."), QStringLiteral("DIR")},
        {QStringLiteral("memory"),
         QStringLiteral("Remember DKIM keys and use your sender expectations and known domains, kept in this store file "
                        "(created if missing). Without it nothing is remembered."),
         QStringLiteral("FILE")},
    });
}

bool readCommonOptions(const QCommandLineParser &parser, CommonOptions &o, QString &error)
{
    QString format = parser.isSet(QStringLiteral("json")) ? QStringLiteral("json") : QStringLiteral("text");
    if (parser.isSet(QStringLiteral("format")))
        format = parser.value(QStringLiteral("format"));
    if (format == QLatin1String("text"))
        o.format = OutputFormat::Text;
    else if (format == QLatin1String("json"))
        o.format = OutputFormat::Json;
    else if (format == QLatin1String("ar"))
        o.format = OutputFormat::AuthenticationResults;
    else {
        error = QStringLiteral("unknown --format '%1' (use text, json or ar)").arg(format);
        return false;
    }
    o.authservId = parser.isSet(QStringLiteral("authserv-id")) ? toStd(parser.value(QStringLiteral("authserv-id")))
                                                               : toStd(QSysInfo::machineHostName());
    o.resolver.zoneFiles = toStdList(parser.values(QStringLiteral("dns-zone")));
    o.resolver.server = toStd(parser.value(QStringLiteral("resolver")));
    if (!o.resolver.zoneFiles.empty() && !o.resolver.server.empty()) {
        error = QStringLiteral("--dns-zone and --resolver exclude each other");
        return false;
    }
    if (!readDnsTimeout(parser, o.resolver, error))
        return false;
    o.envelope.clientIp = toStd(parser.value(QStringLiteral("client-ip")));
    o.envelope.helo = toStd(parser.value(QStringLiteral("helo")));
    if (parser.isSet(QStringLiteral("mail-from")))
        o.envelope.mailFrom = toStd(parser.value(QStringLiteral("mail-from")));
    if (!o.envelope.clientIp.empty()) {
        QHostAddress address;
        if (!address.setAddress(parser.value(QStringLiteral("client-ip")))) {
            error = QStringLiteral("--client-ip '%1' is not an IPv4 or IPv6 address")
                        .arg(parser.value(QStringLiteral("client-ip")));
            return false;
        }
    }
    o.trust.authservIds = toStdList(parser.values(QStringLiteral("trust-authserv-id")));
    o.trust.relays = toStdList(parser.values(QStringLiteral("trusted-relay")));
    o.trust.arcSealers = toStdList(parser.values(QStringLiteral("trust-arc-sealer")));
    o.trust.knownDomains = toStdList(parser.values(QStringLiteral("known-domain")));
    if (parser.isSet(QStringLiteral("provider"))) {
        o.trust.provider = findProviderProfile(parser.value(QStringLiteral("provider")));
        if (!o.trust.provider) {
            error = QStringLiteral("unknown --provider '%1' (one of: %2)")
                        .arg(parser.value(QStringLiteral("provider")), providerIds());
            return false;
        }
    }
    o.trust.vouchingServices = toStdList(parser.values(QStringLiteral("vouching-service")));
    o.signatures.caFiles = toStdList(parser.values(QStringLiteral("ca-file")));
    o.signatures.useSystemCa = !parser.isSet(QStringLiteral("no-system-ca"));
    o.signatures.gnupgHome = toStd(parser.value(QStringLiteral("gnupg-home")));
    if (parser.isSet(QStringLiteral("memory"))) {
        o.memoryPath = parser.value(QStringLiteral("memory"));
        // Opened (created, migrated) once here, so a bad path is a usage error before any
        // message is read; each verifying thread opens its own connection later.
        RememberedVerification probe;
        if (auto opened = probe.open(o.memoryPath); !opened) {
            error = QStringLiteral("--memory: %1").arg(QString::fromStdString(opened.error().message));
            return false;
        }
    }
    o.now = QDateTime::currentSecsSinceEpoch();
    if (parser.isSet(QStringLiteral("now"))) {
        const QString t = parser.value(QStringLiteral("now"));
        bool isNumber = false;
        const qint64 seconds = t.toLongLong(&isNumber);
        if (isNumber) {
            o.now = seconds;
        } else {
            QDateTime dt = QDateTime::fromString(t, Qt::ISODate);
            if (!dt.isValid()) {
                error = QStringLiteral("--now '%1' is neither RFC 3339 nor Unix seconds").arg(t);
                return false;
            }
            o.now = dt.toSecsSinceEpoch();
        }
    }
    return true;
}

void appendReport(const verifier::Report &report, const CommonOptions &o, std::string &out)
{
    switch (o.format) {
    case OutputFormat::Text:
        out += reportToText(report);
        break;
    case OutputFormat::Json:
        verifier::appendReportJson(report, out); // the bytes of reportToJson, without its document
        out += '\n';
        break;
    case OutputFormat::AuthenticationResults:
        out += "Authentication-Results: ";
        out += verifier::formatAuthenticationResults(report, o.authservId);
        out += '\n';
        break;
    }
}

void printReport(const verifier::Report &report, const CommonOptions &o, FILE *out)
{
    std::string text;
    appendReport(report, o, text);
    std::fwrite(text.data(), 1, text.size(), out);
    std::fflush(out);
}

QString commandHelp(const QCommandLineParser &parser, const QString &command)
{
    QString text = parser.helpText();
    const qsizetype end = text.indexOf(QLatin1Char('\n'));
    const QString first = text.left(end);
    // "Usage: /path/to/sealcheck-cli [options] ARGS" -> "Usage: sealcheck-cli COMMAND [options] ARGS"
    const qsizetype options = first.indexOf(QLatin1String(" [options]"));
    if (first.startsWith(QLatin1String("Usage: ")) && options > 0)
        text.replace(0, options, QLatin1String("Usage: sealcheck-cli ") + command);
    return text;
}

int runVerify(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Verify the sender of e-mail messages."));
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Messages: .eml, mbox, or - for stdin."),
                                 QStringLiteral("FILE..."));
    parser.addOption({QStringLiteral("exit-code"),
                      QStringLiteral("Exit with the verdict: 0 authenticated, 10 unauthenticated, 11 suspicious, "
                                     "12 forged, 75 not checked (try again), 2 usage or input error; with "
                                     "several messages, the worst (docs/mail-clients.md).")});
    parser.addOption({QStringLiteral("jobs"),
                      QStringLiteral("Verify on N threads (default: every core; 1 with --memory). Output stays in "
                                     "input order."),
                      QStringLiteral("N")});
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "sealcheck-cli verify: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(commandHelp(parser, QStringLiteral("verify"))), stdout);
        return 0;
    }
    CommonOptions options;
    QString error;
    if (!readCommonOptions(parser, options, error)) {
        std::fprintf(stderr, "sealcheck-cli verify: %s\n", qPrintable(error));
        return 2;
    }
    PipelineSettings pipeline;
    pipeline.jobs = options.memoryPath.isEmpty() ? availableCores() : 1; // the memory learns in input order
    if (parser.isSet(QStringLiteral("jobs"))) {
        bool ok = false;
        pipeline.jobs = parser.value(QStringLiteral("jobs")).toInt(&ok);
        if (!ok || pipeline.jobs < 1 || pipeline.jobs > 1024) {
            std::fprintf(stderr, "sealcheck-cli verify: --jobs '%s' is not a number from 1 to 1024\n",
                         qPrintable(parser.value(QStringLiteral("jobs"))));
            return 2;
        }
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        std::fprintf(stderr, "sealcheck-cli verify: no message given (a file, or - for standard input)\n");
        return 2;
    }
    auto resolver = makeResolver(options.resolver);
    if (!resolver) {
        std::fprintf(stderr, "sealcheck-cli verify: %s\n", resolver.error().message.c_str());
        return 2;
    }
    verifier::VerifyContext context;
    context.resolver = resolver->get();
    context.dnsClock = steadyMillisClock(); // bounds each message's DNS waiting (docs/LIMITS.md)
    context.now = options.now;
    context.envelope = options.envelope;
    context.trust = options.trust;
    context.signatures = options.signatures;

    // Each thread opens its own connection to the --memory store (checked by readCommonOptions).
    static char buffer[1 << 20]; // reports are written in large blocks, flushed when waiting
    std::setvbuf(stdout, buffer, _IOFBF, sizeof buffer);
    const VerifyTally tally = runVerifyPipeline(files, options, context, pipeline, stdout, stderr);
    std::fflush(stdout);
    int status = 0;
    if (parser.isSet(QStringLiteral("exit-code"))) {
        for (size_t v = 0; v < tally.verdicts.size(); ++v)
            if (tally.verdicts[v] > 0)
                status = worseExitCode(status, exitCodeFor(verifier::Verdict(v)));
    }
    if (tally.inputErrors > 0)
        status = worseExitCode(status, 2);
    return status;
}

} // namespace sealcheck::cli
