#include "VerifyCommand.h"

#include "AuthResultsWriter.h"
#include "Message.h"
#include "MessageFiles.h"
#include "ProviderProfiles.h"
#include "ReportJson.h"
#include "RememberedVerification.h"
#include "ReportText.h"
#include "ResolverSetup.h"

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
         QStringLiteral("Remember DKIM keys and use your sender expectations, kept in this store file "
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

void printReport(const verifier::Report &report, const CommonOptions &o, FILE *out)
{
    switch (o.format) {
    case OutputFormat::Text:
        std::fputs(reportToText(report).c_str(), out);
        break;
    case OutputFormat::Json:
        std::fputs(verifier::reportToJson(report).c_str(), out);
        std::fputc('\n', out);
        break;
    case OutputFormat::AuthenticationResults:
        std::fprintf(out, "Authentication-Results: %s\n",
                     verifier::formatAuthenticationResults(report, o.authservId).c_str());
        break;
    }
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

    RememberedVerification memory;
    if (!options.memoryPath.isEmpty()) {
        if (auto opened = memory.open(options.memoryPath); !opened) {
            std::fprintf(stderr, "sealcheck-cli verify: --memory: %s\n", opened.error().message.c_str());
            return 2;
        }
    }

    int status = 0;
    for (const QString &file : files) {
        auto inputs = readMessages(toStd(file));
        if (!inputs) {
            std::fprintf(stderr, "sealcheck-cli verify: %s\n", inputs.error().message.c_str());
            status = 2;
            continue;
        }
        for (MessageInput &input : *inputs) {
            auto message = verifier::Message::parse(std::move(input.bytes));
            if (!message) {
                std::fprintf(stderr, "sealcheck-cli verify: %s: %s\n", input.source.c_str(),
                             message.error().message.c_str());
                status = 2;
                continue;
            }
            context.source = input.source;
            std::string memoryError;
            const verifier::Report report = memory.verify(*message, context, &memoryError);
            if (!memoryError.empty()) // the report stands; only the memory was not updated
                std::fprintf(stderr, "sealcheck-cli verify: --memory: %s\n", memoryError.c_str());
            printReport(report, options, stdout);
        }
    }
    return status;
}

} // namespace sealcheck::cli
