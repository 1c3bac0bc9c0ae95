// `sealcheck-cli native-host`: the native-messaging host of the Thunderbird add-on
// (installer/thunderbird/extension). Protocol as Mozilla documents native messaging: each message
// in either direction is a 32-bit length in native byte order, then that many bytes of UTF-8 JSON.
// Thunderbird starts the host with two arguments (the manifest's path and the add-on's id),
// which are accepted and ignored.
//
// Requests, one at a time, answered in order:
//   {"id": X, "raw": "..."}                   verify; raw = the message as messages.getRaw()
//                                             gives it: a "binary string", one character per byte
//                                             (a string with characters above U+00FF is read as UTF-8)
//   {"id": X, "raw": "...", "account": "alice@example.org"}   also trust what that account trusts
//   {"id": X, "command": "ping"}              {"id": X, "pong": true, "version": "..."}
//   {"id": X, "command": "open", "raw": "..."}  the message in the desktop program (a private file)
// Answers: {"id", "verdict", "domain", "via", "user_exception", "reasons": [...],
// "warnings": [...], "report": {the JSON of CLI.md}} or {"id", "error"}.
//
// Bounds: a request above kMaxRequestBytes is answered with an error and its bytes are skipped
// (read and dropped, never kept); an answer must stay under Mozilla's 1 MB host-to-app limit, so
// the full report is left out ("report_omitted": true) when it would not fit. Input that ends in
// the middle of a length or a body ends the host cleanly (status 2, a line on standard error).
//
// Settings: those of the desktop program (QSettings "Sealcheck"/"sealcheck": DNS server, S/MIME
// roots, OpenPGP keyring; its store: key memory, sender expectations, the accounts' trusted
// authserv-ids, relays and ARC sealers). Command-line options (as for verify) come on top; tests
// point --settings and --store at their own files.

#include "AccountSync.h"
#include "CliContext.h"
#include "Message.h"
#include "MessageStore.h"
#include "RememberedVerification.h"
#include "ReportJson.h"
#include "VerifyCommand.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryFile>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>

#include <unistd.h>

namespace sealcheck::cli {

namespace {

constexpr uint32_t kMaxRequestBytes = 64u * 1024 * 1024;
constexpr size_t kMaxReplyBytes = 1024 * 1024; // Mozilla: host-to-app messages up to 1 MB

void complain(const QString &what) { std::fprintf(stderr, "sealcheck-cli native-host: %s\n", qPrintable(what)); }

enum class ReadStatus { Ok, End, Truncated };

/// Reads exactly @p size bytes into @p out (nullptr: read and drop).
ReadStatus readExactly(char *out, size_t size)
{
    char sink[65536];
    size_t done = 0;
    while (done < size) {
        char *target = out ? out + done : sink;
        const size_t want = out ? size - done : std::min(size - done, sizeof sink);
        const ssize_t n = ::read(STDIN_FILENO, target, want);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return done == 0 ? ReadStatus::End : ReadStatus::Truncated;
        done += size_t(n);
    }
    return ReadStatus::Ok;
}

bool writeFrame(const QByteArray &json)
{
    const uint32_t length = uint32_t(json.size());
    QByteArray frame(reinterpret_cast<const char *>(&length), sizeof length); // native byte order
    frame += json;
    const char *p = frame.constData();
    qsizetype left = frame.size();
    while (left > 0) {
        const ssize_t n = ::write(STDOUT_FILENO, p, size_t(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        left -= n;
    }
    return true;
}

QJsonObject errorReply(const QJsonValue &id, const QString &error)
{
    return QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("error"), error}};
}

/// messages.getRaw() gives a "binary string": one character per byte. Characters above U+00FF
/// cannot come from that, so such a string is read as text and encoded as UTF-8.
QByteArray rawBytes(const QString &raw)
{
    for (QChar c : raw)
        if (c.unicode() > 0xFF)
            return raw.toUtf8();
    return raw.toLatin1();
}

QJsonArray findingTexts(const std::vector<verifier::Finding> &findings)
{
    QJsonArray out;
    for (const verifier::Finding &f : findings)
        out.append(QString::fromStdString(f.text));
    return out;
}

class NativeHost
{
public:
    NativeHost(CommonOptions options, QString storePath, QString desktopProgram)
        : m_options(std::move(options)), m_storePath(std::move(storePath)), m_desktopProgram(std::move(desktopProgram))
    {
        if (m_options.memoryPath.isEmpty() && QFile::exists(m_storePath))
            m_options.memoryPath = m_storePath;
        if (!m_options.memoryPath.isEmpty()) {
            if (auto opened = m_memory.open(m_options.memoryPath); !opened)
                complain(QStringLiteral("key memory not used: %1").arg(QString::fromStdString(opened.error().message)));
        }
    }

    QJsonObject handle(const QJsonObject &request)
    {
        const QJsonValue id = request.value(QStringLiteral("id"));
        const QString command = request.value(QStringLiteral("command")).toString(QStringLiteral("verify"));
        if (command == QLatin1String("ping"))
            return {{QStringLiteral("id"), id}, {QStringLiteral("pong"), true},
                    {QStringLiteral("version"), QStringLiteral(SEALCHECK_VERSION)}};
        const QJsonValue raw = request.value(QStringLiteral("raw"));
        if (command != QLatin1String("verify") && command != QLatin1String("open"))
            return errorReply(id, QStringLiteral("unknown command '%1' (verify, open or ping)").arg(command));
        if (!raw.isString())
            return errorReply(id, QStringLiteral("the request has no \"raw\" message (a string)"));
        const QByteArray bytes = rawBytes(raw.toString());
        if (command == QLatin1String("open"))
            return open(id, bytes);
        return verify(id, bytes, request.value(QStringLiteral("account")).toString());
    }

private:
    QJsonObject verify(const QJsonValue &id, const QByteArray &bytes, const QString &account)
    {
        auto message = verifier::Message::parse(std::string(bytes.constData(), size_t(bytes.size())));
        if (!message)
            return errorReply(id, QStringLiteral("not a message: %1").arg(QString::fromStdString(message.error().message)));
        if (!m_resolver) {
            auto resolver = makeResolver(m_options.resolver);
            if (!resolver)
                return errorReply(id, QString::fromStdString(resolver.error().message));
            m_resolver = *resolver;
        }
        verifier::VerifyContext context = makeVerifyContext(m_options, m_resolver.get());
        context.source = "thunderbird";
        addAccountTrust(account, context.trust);
        std::string memoryError;
        const verifier::Report report = m_memory.verify(*message, context, &memoryError);
        if (!memoryError.empty())
            complain(QStringLiteral("key memory: %1").arg(QString::fromStdString(memoryError)));
        const bool authenticated = report.verdict == verifier::Verdict::Authenticated;
        QJsonObject reply{
            {QStringLiteral("id"), id},
            {QStringLiteral("verdict"), QString::fromStdString(std::string(verifier::verdictName(report.verdict)))},
            {QStringLiteral("domain"), QString::fromStdString(authenticated && !report.authenticatedDomain.empty()
                                                                  ? report.authenticatedDomain
                                                                  : report.from.domain)},
            {QStringLiteral("via"), QString::fromStdString(report.via)},
            {QStringLiteral("user_exception"), report.userException},
            {QStringLiteral("reasons"), findingTexts(report.reasons)},
            {QStringLiteral("warnings"), findingTexts(report.warnings)},
        };
        const std::string json = verifier::reportToJson(report);
        reply.insert(QStringLiteral("report"),
                     QJsonDocument::fromJson(QByteArray(json.data(), qsizetype(json.size()))).object());
        return reply;
    }

    /// The trusted authserv-ids, relays, ARC sealers and provider profile of the desktop
    /// program's account whose user name is @p address (case-insensitive). Nothing when no account matches: trust is never
    /// borrowed from another account.
    void addAccountTrust(const QString &address, verifier::TrustPolicy &trust)
    {
        if (address.isEmpty() || !QFile::exists(m_storePath))
            return;
        MessageStore store;
        if (!store.open(m_storePath))
            return;
        for (const AccountRecord &a : store.accounts()) {
            if (a.username.compare(address, Qt::CaseInsensitive) != 0)
                continue;
            VerificationSettings base; // the desktop program's own rule: ids, relays, sealers, provider
            base.trust = trust;
            trust = AccountSync::settingsFor(a, base).trust;
            return;
        }
    }

    /// Writes the message to a file only the user can read, in the user's runtime folder, and
    /// starts the desktop program on it.
    QJsonObject open(const QJsonValue &id, const QByteArray &bytes)
    {
        QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
        if (dir.isEmpty())
            dir = QDir::tempPath();
        QTemporaryFile file(dir + QStringLiteral("/sealcheck-message-XXXXXX.eml")); // mode 0600
        file.setAutoRemove(false);
        if (!file.open() || file.write(bytes) != bytes.size() || !file.flush()) {
            file.remove();
            return errorReply(id, QStringLiteral("cannot write a temporary file in %1").arg(dir));
        }
        file.close();
        if (!QProcess::startDetached(m_desktopProgram, {file.fileName()})) {
            file.remove();
            return errorReply(id, QStringLiteral("cannot start %1").arg(m_desktopProgram));
        }
        return {{QStringLiteral("id"), id}, {QStringLiteral("opened"), true}};
    }

    CommonOptions m_options;
    QString m_storePath;
    QString m_desktopProgram;
    std::shared_ptr<const verifier::Resolver> m_resolver;
    RememberedVerification m_memory;
};

/// The desktop program's settings under the command line's: DNS server, S/MIME roots, keyring.
void applyDesktopSettings(QSettings &settings, const QCommandLineParser &parser, CommonOptions &o)
{
    if (!parser.isSet(QStringLiteral("dns-zone")) && !parser.isSet(QStringLiteral("resolver")))
        o.resolver.server = settings.value(QStringLiteral("dns/server")).toString().trimmed().toStdString();
    if (!parser.isSet(QStringLiteral("no-system-ca")))
        for (const QString &f : settings.value(QStringLiteral("smime/extraRoots")).toStringList())
            o.signatures.caFiles.push_back(f.toStdString());
    if (!parser.isSet(QStringLiteral("gnupg-home")))
        o.signatures.gnupgHome = settings.value(QStringLiteral("openpgp/gnupgHome")).toString().toStdString();
    for (const QString &d : settings.value(QStringLiteral("trust/knownDomains")).toStringList())
        o.trust.knownDomains.push_back(d.toStdString());
}

QString defaultDesktopProgram()
{
    const QString beside = QCoreApplication::applicationDirPath() + QStringLiteral("/sealcheck");
    if (QFileInfo(beside).isExecutable())
        return beside;
    const QString found = QStandardPaths::findExecutable(QStringLiteral("sealcheck"));
    return found.isEmpty() ? QStringLiteral("sealcheck") : found;
}

} // namespace

int runNativeHost(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The native-messaging host of Sealcheck's Thunderbird add-on: length-prefixed JSON requests on "
        "standard input, answers on standard output (docs/mail-clients.md). Uses the desktop program's "
        "settings and store; the options below come on top."));
    addCommonOptions(parser);
    parser.addOptions({
        {QStringLiteral("settings"), QStringLiteral("Read the settings from this file instead of the desktop program's."),
         QStringLiteral("FILE")},
        {QStringLiteral("store"), QStringLiteral("The desktop program's store (accounts, key memory)."), QStringLiteral("FILE")},
        {QStringLiteral("desktop-program"), QStringLiteral("The program that opens a message (default: sealcheck)."),
         QStringLiteral("PATH")},
    });
    parser.addPositionalArgument(QStringLiteral("MANIFEST"), QStringLiteral("Given by Thunderbird; ignored."));
    parser.addPositionalArgument(QStringLiteral("EXTENSION"), QStringLiteral("Given by Thunderbird; ignored."));
    if (!parser.parse(arguments)) {
        complain(parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(commandHelp(parser, QStringLiteral("native-host"))), stdout);
        return 0;
    }
    CommonOptions options;
    QString error;
    if (!readCommonOptions(parser, options, error)) {
        complain(error);
        return 2;
    }
    std::unique_ptr<QSettings> settings =
        parser.isSet(QStringLiteral("settings"))
            ? std::make_unique<QSettings>(parser.value(QStringLiteral("settings")), QSettings::IniFormat)
            : std::make_unique<QSettings>(QSettings::UserScope, QStringLiteral("Sealcheck"), QStringLiteral("sealcheck"));
    applyDesktopSettings(*settings, parser, options);
    const QString store =
        parser.isSet(QStringLiteral("store")) ? parser.value(QStringLiteral("store")) : MessageStore::defaultPath();
    const QString desktop = parser.isSet(QStringLiteral("desktop-program")) ? parser.value(QStringLiteral("desktop-program"))
                                                                          : defaultDesktopProgram();
    NativeHost host(std::move(options), store, desktop);

    for (;;) {
        uint32_t length = 0;
        const ReadStatus head = readExactly(reinterpret_cast<char *>(&length), sizeof length);
        if (head == ReadStatus::End)
            return 0;
        if (head == ReadStatus::Truncated) {
            complain(QStringLiteral("the input ended inside a length prefix"));
            return 2;
        }
        QJsonObject reply;
        if (length > kMaxRequestBytes) {
            // Answer first (Thunderbird may wait for it), then drop exactly that many bytes.
            if (!writeFrame(QJsonDocument(errorReply(QJsonValue::Null,
                                                      QStringLiteral("the request is %1 bytes, more than the limit of %2")
                                                          .arg(length)
                                                          .arg(kMaxRequestBytes)))
                                .toJson(QJsonDocument::Compact)))
                return 2;
            if (readExactly(nullptr, length) != ReadStatus::Ok) {
                complain(QStringLiteral("the input ended inside an oversized request"));
                return 2;
            }
            continue;
        }
        QByteArray body(qsizetype(length), Qt::Uninitialized);
        if (length > 0 && readExactly(body.data(), length) != ReadStatus::Ok) {
            complain(QStringLiteral("the input ended inside a request (%1 bytes announced)").arg(length));
            return 2;
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
        body.clear();
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            reply = errorReply(QJsonValue::Null, parseError.error != QJsonParseError::NoError
                                                     ? QStringLiteral("the request is not JSON: %1").arg(parseError.errorString())
                                                     : QStringLiteral("the request is not a JSON object"));
        else
            reply = host.handle(doc.object());
        QByteArray json = QJsonDocument(reply).toJson(QJsonDocument::Compact);
        if (size_t(json.size()) > kMaxReplyBytes) {
            reply.remove(QStringLiteral("report"));
            reply.insert(QStringLiteral("report_omitted"), true);
            json = QJsonDocument(reply).toJson(QJsonDocument::Compact);
            if (size_t(json.size()) > kMaxReplyBytes)
                json = QJsonDocument(errorReply(reply.value(QStringLiteral("id")),
                                                QStringLiteral("the answer would exceed the 1 MB limit")))
                           .toJson(QJsonDocument::Compact);
        }
        if (!writeFrame(json))
            return 2;
    }
}

} // namespace sealcheck::cli
