// `sealcheck-cli scan imaps://USER@HOST[:PORT]/MAILBOX [OPTIONS]` (CLI.md): verifies every message
// of a mailbox over IMAP, read-only (EXAMINE and BODY.PEEK only, through imap::ImapSyncClient);
// with --set-keywords, and only then, it adds the verdict keywords (VerdictKeywords.h) at the end.
//
// Messages are verified as they arrive: the fetch callback hands each one to ScanVerifierPool.

#include "CliContext.h"
#include "RememberedVerification.h"
#include "OverLimit.h"
#include "ResolverSetup.h"
#include "VerdictKeywords.h"
#include "VerifyCommand.h"
#include "ScanVerifierPool.h"

#include "Message.h"

#ifdef SEALCHECK_HAVE_IMAP
#include "ImapCertificatePin.h"
#include "ImapMailboxName.h"
#include "ImapSyncClient.h"
#endif
#ifdef SEALCHECK_HAVE_KEYCHAIN
#include "Keychain.h"
#endif
#ifdef SEALCHECK_HAVE_OAUTH
#include "MessageStore.h"
#include "OAuthImapLogin.h"
#include "OAuthTokenStore.h"
#endif

#include <QDateTime>
#include <QFile>
#include <QSslCertificate>
#include <QUrl>

#include <algorithm>
#include <csignal>
#include <optional>
#include <vector>

#include <termios.h>
#include <unistd.h>

namespace sealcheck::cli {

#ifndef SEALCHECK_HAVE_IMAP

int runScan(const QStringList &)
{
    std::fprintf(stderr, "sealcheck-cli scan: this build has no IMAP client\n");
    return 2;
}

#else

namespace {

void fail(const QString &what)
{
    std::fprintf(stderr, "sealcheck-cli scan: %s\n", qPrintable(what));
}

/// What the URL names. RFC 5092 (IMAP URL) syntax, restricted to what scan needs.
struct ScanTarget
{
    QString user;
    QString host;
    quint16 port = 0; ///< 0 = the default for the TLS mode
    bool starttlsScheme = false; ///< imap:// (then STARTTLS: never clear text)
    QString mailbox;
};

QString percentDecode(const QString &s)
{
    return QString::fromUtf8(QByteArray::fromPercentEncoding(s.toUtf8()));
}

/// Parses imaps://USER@HOST[:PORT]/MAILBOX. The user and the mailbox are percent-decoded
/// (an address as user name is written alice%40example.com or alice@example.com: the last '@'
/// ends the user). A password in the URL is refused: it would show in the process list.
bool parseTarget(const QString &url, ScanTarget &t, QString &error)
{
    QString rest;
    if (url.startsWith(QLatin1String("imaps://"), Qt::CaseInsensitive)) {
        rest = url.mid(8);
    } else if (url.startsWith(QLatin1String("imap://"), Qt::CaseInsensitive)) {
        rest = url.mid(7);
        t.starttlsScheme = true;
    } else {
        error = QStringLiteral("'%1' is not an IMAP URL; write imaps://USER@HOST[:PORT]/MAILBOX").arg(url);
        return false;
    }
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    const QString authority = slash < 0 ? rest : rest.left(slash);
    QString path = slash < 0 ? QString() : rest.mid(slash + 1);
    const qsizetype at = authority.lastIndexOf(QLatin1Char('@'));
    if (at <= 0) {
        error = QStringLiteral("the URL names no user; write imaps://USER@HOST[:PORT]/MAILBOX");
        return false;
    }
    QString userInfo = authority.left(at);
    if (userInfo.contains(QLatin1Char(':'))) {
        error = QStringLiteral("do not put the password in the URL (other users can read command lines); "
                               "use the keychain, --password-file or the prompt");
        return false;
    }
    // RFC 5092 §3.2 ";AUTH=<mech>": the client chooses the mechanism itself.
    userInfo = userInfo.section(QLatin1Char(';'), 0, 0);
    t.user = percentDecode(userInfo);
    QString hostPort = authority.mid(at + 1);
    QString portText;
    if (hostPort.startsWith(QLatin1Char('['))) {
        const qsizetype close = hostPort.indexOf(QLatin1Char(']'));
        if (close < 0) {
            error = QStringLiteral("unbalanced '[' in the host of '%1'").arg(url);
            return false;
        }
        t.host = hostPort.mid(1, close - 1);
        const QString after = hostPort.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(QLatin1Char(':'))) {
                error = QStringLiteral("unexpected text after the host in '%1'").arg(url);
                return false;
            }
            portText = after.mid(1);
        }
    } else {
        const qsizetype colon = hostPort.indexOf(QLatin1Char(':'));
        t.host = colon < 0 ? hostPort : hostPort.left(colon);
        if (colon >= 0)
            portText = hostPort.mid(colon + 1);
    }
    if (t.user.isEmpty() || t.host.isEmpty()) {
        error = QStringLiteral("the URL needs a user and a host: imaps://USER@HOST[:PORT]/MAILBOX");
        return false;
    }
    if (!portText.isEmpty()) {
        bool ok = false;
        const uint port = portText.toUInt(&ok);
        if (!ok || port == 0 || port > 65535) {
            error = QStringLiteral("'%1' is not a port number").arg(portText);
            return false;
        }
        t.port = quint16(port);
    }
    // RFC 5092 parameters (";UIDVALIDITY=", "/;UID=") and a trailing '/' are not part of the name.
    path = path.section(QLatin1Char(';'), 0, 0);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    t.mailbox = path.isEmpty() ? QStringLiteral("INBOX") : percentDecode(path);
    if (t.mailbox.contains(QLatin1Char('\r')) || t.mailbox.contains(QLatin1Char('\n'))
        || t.mailbox.contains(QChar(0))) {
        error = QStringLiteral("the mailbox name holds a line break or NUL");
        return false;
    }
    return true;
}

// ---- the password: keychain, --password-file, or a prompt with echo off -------------------

termios g_savedTerminal;
volatile sig_atomic_t g_echoOff = 0;

void restoreEchoAndExit(int signal)
{
    if (g_echoOff)
        ::tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

/// Asks on the terminal with echo off. Only called when standard input is a terminal.
bool promptPassword(const QString &label, QString &password, QString &error)
{
    if (::tcgetattr(STDIN_FILENO, &g_savedTerminal) != 0) {
        error = QStringLiteral("cannot switch off the echo of the terminal");
        return false;
    }
    std::fprintf(stderr, "Password for %s: ", qPrintable(label));
    std::fflush(stderr);
    termios quiet = g_savedTerminal;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    quiet.c_lflag |= ICANON;
    auto oldInt = std::signal(SIGINT, restoreEchoAndExit);
    auto oldTerm = std::signal(SIGTERM, restoreEchoAndExit);
    g_echoOff = 1;
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    std::string line;
    char c = 0;
    bool gotLine = false;
    while (::read(STDIN_FILENO, &c, 1) == 1) {
        if (c == '\n') {
            gotLine = true;
            break;
        }
        if (line.size() < 4096)
            line.push_back(c);
    }
    ::tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
    g_echoOff = 0;
    std::signal(SIGINT, oldInt);
    std::signal(SIGTERM, oldTerm);
    std::fputc('\n', stderr);
    if (!gotLine && line.empty()) {
        error = QStringLiteral("no password was entered");
        return false;
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    password = QString::fromUtf8(line.data(), qsizetype(line.size()));
    std::fill(line.begin(), line.end(), '\0');
    return true;
}

/// The first line of @p file, its line end stripped.
bool readPasswordFile(const QString &file, QString &password, QString &error)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("cannot read the password file %1: %2").arg(file, f.errorString());
        return false;
    }
    QByteArray line = f.read(64 * 1024);
    const qsizetype nl = line.indexOf('\n');
    if (nl >= 0)
        line.truncate(nl);
    if (line.endsWith('\r'))
        line.chop(1);
    password = QString::fromUtf8(line);
    line.fill('\0');
    return true;
}

bool obtainPassword(const QCommandLineParser &parser, const ScanTarget &target, quint16 port, QString &password,
                    QString &error)
{
    if (parser.isSet(QStringLiteral("password-file")))
        return readPasswordFile(parser.value(QStringLiteral("password-file")), password, error);
    QString keychainProblem;
#ifdef SEALCHECK_HAVE_KEYCHAIN
    auto stored = Keychain::readPasswordBlocking(Keychain::imapKey(target.user, target.host, port));
    if (stored) {
        password = *stored;
        return true;
    }
    keychainProblem = QString::fromStdString(stored.error().message);
#else
    Q_UNUSED(port);
    keychainProblem = QStringLiteral("this build has no keychain support");
#endif
    if (!::isatty(STDIN_FILENO)) {
        error = QStringLiteral("no password for %1@%2: the keychain has none (%3), no --password-file was "
                               "given, and standard input is not a terminal to ask on")
                    .arg(target.user, target.host, keychainProblem);
        return false;
    }
    return promptPassword(QStringLiteral("%1@%2").arg(target.user, target.host), password, error);
}

// ---- OAuth accounts (issue 12): the stored sign-in, never a password prompt ----------------

#ifdef SEALCHECK_HAVE_OAUTH
/// An OAuth account for USER@HOST:PORT: the desktop program's account (the store at
/// MessageStore::defaultPath(), with its provider and overrides), else a sign-in found in the
/// keychain alone (its tokens name the provider).
struct OAuthAccount
{
    oauth::OAuthProvider provider;
    oauth::OAuthTokens tokens;
    QString key;
};

/// nullopt: not an OAuth account (go on with the password). An error text: an OAuth account that
/// cannot sign in.
std::optional<OAuthAccount> findOAuthAccount(const ScanTarget &target, quint16 port, QString &error)
{
    QString providerId;
    QByteArray overrides;
    bool inStore = false;
    if (QFile::exists(MessageStore::defaultPath())) {
        MessageStore store;
        if (store.open(MessageStore::defaultPath())) {
            for (const AccountRecord &a : store.accounts()) {
                if (a.authentication == AuthenticationKind::OAuth && a.username.compare(target.user, Qt::CaseInsensitive) == 0
                    && a.host.compare(target.host, Qt::CaseInsensitive) == 0 && a.port == port) {
                    providerId = a.oauthProvider;
                    overrides = a.oauthOverrides.toUtf8();
                    inStore = true;
                    break;
                }
            }
        }
    }
    OAuthAccount account;
    account.key = oauth::OAuthTokenStore::key(target.user, target.host, port);
    auto tokens = oauth::OAuthTokenStore::loadBlocking(account.key);
    if (!tokens) {
        if (!inStore)
            return std::nullopt;
        error = QStringLiteral("Sign in again: %1@%2 signs in with %3, and %4. Open Sealcheck and use "
                               "\"Sign in...\" in the account's settings.")
                    .arg(target.user, target.host, providerId, tokens.error().message);
        return OAuthAccount{};
    }
    account.tokens = *tokens;
    auto provider = oauth::OAuthProvider::find(inStore ? providerId : tokens->providerId, overrides);
    if (!provider) {
        error = provider.error().message;
        return OAuthAccount{};
    }
    account.provider = *provider;
    return account;
}
#endif

/// "3, 4, 9" — at most 20 UIDs, then "and N more".
QString uidList(const QList<quint32> &uids)
{
    QStringList parts;
    for (qsizetype i = 0; i < uids.size() && i < 20; ++i)
        parts << QString::number(uids[i]);
    QString out = parts.join(QStringLiteral(", "));
    if (uids.size() > 20)
        out += QStringLiteral(" and %1 more").arg(uids.size() - 20);
    return out;
}

QString hostForUrl(const QString &host)
{
    return host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
}

} // namespace

int runScan(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Verify every message of a mailbox over IMAPS, read-only (EXAMINE, BODY.PEEK).\n"
                       "The password comes from the keychain, from --password-file, or from a prompt on a "
                       "terminal; never from the command line. An account that signs in with Google or Microsoft "
                       "(OAuth) uses the sign-in saved by Sealcheck in the keychain, renewed as needed, and is "
                       "never asked for a password. --ca-file is trusted both for the server's "
                       "certificate and for S/MIME."));
    addCommonOptions(parser);
    parser.addOptions({
        {QStringLiteral("password-file"), QStringLiteral("Read the password from the first line of FILE."),
         QStringLiteral("FILE")},
        {QStringLiteral("pin-sha256"),
         QStringLiteral("Accept the server certificate whose public key has this SHA-256 (base64 or hex)."),
         QStringLiteral("HASH")},
        {QStringLiteral("limit"), QStringLiteral("Verify only the newest N messages (by UID)."), QStringLiteral("N")},
        {QStringLiteral("set-keywords"),
         QStringLiteral("Add the keyword $Sealcheck-Forged, $Sealcheck-Suspicious or $Sealcheck-Authenticated to "
                        "each message by its verdict (the only write; opens the mailbox with SELECT for it).")},
        {QStringLiteral("starttls"), QStringLiteral("Plain connection upgraded by STARTTLS (default port 143) "
                                                    "instead of implicit TLS (default port 993).")},
        {QStringLiteral("min-transfer-rate"),
         QStringLiteral("A command's answer may take 60 seconds plus one second per N bytes received; a "
                        "server sending more slowly ends the scan with an error (default 1024; 0 = no minimum)."),
         QStringLiteral("N")},
    });
    parser.addPositionalArgument(QStringLiteral("URL"), QStringLiteral("imaps://USER@HOST[:PORT]/MAILBOX"));
    if (!parser.parse(arguments)) {
        fail(parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(commandHelp(parser, QStringLiteral("scan"))), stdout);
        return 0;
    }
    CommonOptions options;
    QString error;
    if (!readCommonOptions(parser, options, error)) {
        fail(error);
        return 2;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        fail(positional.isEmpty() ? QStringLiteral("no mailbox given: sealcheck-cli scan imaps://USER@HOST[:PORT]/MAILBOX")
                                  : QStringLiteral("one mailbox URL at a time"));
        return 2;
    }
    ScanTarget target;
    if (!parseTarget(positional.first(), target, error)) {
        fail(error);
        return 2;
    }
    int limit = 0;
    if (parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = parser.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1) {
            fail(QStringLiteral("--limit needs a positive number"));
            return 2;
        }
    }

    imap::ImapConnectionSettings settings;
    if (parser.isSet(QStringLiteral("min-transfer-rate"))) {
        bool ok = false;
        const int rate = parser.value(QStringLiteral("min-transfer-rate")).toInt(&ok);
        if (!ok || rate < 0) {
            fail(QStringLiteral("--min-transfer-rate needs a number of bytes per second (0 = no minimum)"));
            return 2;
        }
        settings.minBytesPerSecond = rate;
    }
    settings.host = target.host;
    settings.tlsMode = (parser.isSet(QStringLiteral("starttls")) || target.starttlsScheme) ? imap::TlsMode::StartTls
                                                                                           : imap::TlsMode::Implicit;
    settings.port = target.port ? target.port : (settings.tlsMode == imap::TlsMode::StartTls ? 143 : 993);
    for (const QString &file : parser.values(QStringLiteral("ca-file"))) {
        if (!QFile::exists(file)) {
            fail(QStringLiteral("--ca-file %1 does not exist").arg(file));
            return 2;
        }
        const QList<QSslCertificate> certs = QSslCertificate::fromPath(file, QSsl::Pem);
        if (certs.isEmpty()) {
            fail(QStringLiteral("--ca-file %1 holds no PEM certificate").arg(file));
            return 2;
        }
        settings.extraCaCertificates += certs;
    }
    if (parser.isSet(QStringLiteral("pin-sha256"))) {
        const auto pin = imap::ImapCertificatePin::parse(parser.value(QStringLiteral("pin-sha256")));
        if (!pin) {
            fail(QStringLiteral("--pin-sha256 wants the SHA-256 of a public key: 44 base64 characters "
                                "(sha256// prefix allowed) or 64 hex digits"));
            return 2;
        }
        settings.pinnedPublicKeySha256 = *pin;
    }

    // The resolver before the password and the connection: a bad --dns-zone fails at once.
    auto resolver = makeResolver(options.resolver);
    if (!resolver) {
        fail(QString::fromStdString(resolver.error().message));
        return 2;
    }
    imap::ImapSyncClient client(settings);
    bool loggedIn = false;
#ifdef SEALCHECK_HAVE_OAUTH
    // An OAuth account logs in with its stored sign-in, refreshed as needed; never a prompt.
    if (!parser.isSet(QStringLiteral("password-file"))) {
        QString oauthProblem;
        const auto account = findOAuthAccount(target, settings.port, oauthProblem);
        if (!oauthProblem.isEmpty()) {
            fail(oauthProblem);
            return 2;
        }
        if (account) {
            const oauth::OAuthLoginResult r = oauth::OAuthImapLogin::login(
                client, account->provider, target.user, settings.host, settings.port, account->tokens,
                QDateTime::currentSecsSinceEpoch());
            if (r.refreshed) {
                if (auto saved = oauth::OAuthTokenStore::saveBlocking(account->key, r.tokens); !saved)
                    fail(QStringLiteral("the renewed sign-in could not be saved: %1").arg(saved.error().message));
            }
            if (!r.ok()) {
                QString message = r.message(QStringLiteral("%1@%2").arg(target.user, target.host));
                if (r.oauthError && r.oauthError->kind != oauth::OAuthErrorKind::Network
                    && r.oauthError->kind != oauth::OAuthErrorKind::ServerError)
                    message += QStringLiteral(" Open Sealcheck and use \"Sign in...\" in the account's settings.");
                fail(message);
                return 2;
            }
            loggedIn = true;
        }
    }
#endif
    if (!loggedIn) {
        QString password;
        if (!obtainPassword(parser, target, settings.port, password, error)) {
            fail(error);
            return 2;
        }
        auto login = client.connectAndLogin(target.user, password);
        password.fill(QChar(0));
        if (!login) {
            fail(login.error().message);
            return 2;
        }
    }
    const auto mailbox = client.examine(target.mailbox);
    if (!mailbox) {
        fail(QStringLiteral("cannot open %1: %2").arg(target.mailbox, mailbox.error().message));
        client.logout();
        return 2;
    }
    auto uids = client.listUids();
    if (!uids) {
        fail(uids.error().message);
        client.logout();
        return 2;
    }
    QList<quint32> wanted = *uids;
    std::sort(wanted.begin(), wanted.end());
    if (limit > 0 && wanted.size() > limit)
        wanted = wanted.mid(wanted.size() - limit);

    const verifier::VerifyContext context = makeVerifyContext(options, resolver->get());

    // RFC 5092 URL of each message, for the report's "source".
    const std::string base = QStringLiteral("%1://%2@%3:%4/%5;UIDVALIDITY=%6/;UID=")
                                 .arg(settings.tlsMode == imap::TlsMode::Implicit ? QStringLiteral("imaps")
                                                                                  : QStringLiteral("imap"),
                                      QString::fromLatin1(QUrl::toPercentEncoding(target.user)),
                                      hostForUrl(target.host))
                                 .arg(settings.port)
                                 .arg(QString::fromLatin1(QUrl::toPercentEncoding(target.mailbox, "/")))
                                 .arg(mailbox->uidValidity)
                                 .toStdString();
    const int threads = int(std::max(1u, std::min(std::thread::hardware_concurrency(), 16u)));
    ScanVerifierPool pool(context, options, threads, target.user);
    int missing = 0;
    qsizetype received = 0;
    const auto fetched = client.fetchMessages(wanted, imap::FetchParts::FullMessage, [&](const imap::FetchData &m) {
        ++received;
        const std::optional<QByteArray> bytes = m.message();
        if (!bytes || !m.uid) {
            ++missing;
            return;
        }
        pool.submit(std::string(bytes->constData(), size_t(bytes->size())), base + std::to_string(*m.uid), *m.uid,
                    m.flags ? QString::fromLatin1(m.flags->join(' ')) : QString());
    });
    pool.finish();
    if (!fetched) {
        fail(fetched.error().message);
        if (received < wanted.size())
            fail(QStringLiteral("%1 of %2 message(s) were not verified").arg(wanted.size() - received).arg(wanted.size()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("set-keywords"))) {
        // The one write scan can make, asked for explicitly: keywords by verdict, nothing else.
        QList<QPair<quint32, QByteArray>> marks;
        for (const auto &v : pool.verdicts())
            if (const QByteArray keyword = verdictKeyword(v.second); !keyword.isEmpty())
                marks.push_back({v.first, keyword});
        client.setKeywordWritesEnabled(true);
        const auto written = client.addKeywords(marks);
        client.setKeywordWritesEnabled(false);
        if (!written) {
            fail(QStringLiteral("the keywords could not be set: %1").arg(written.error().message));
            client.logout();
            return 2;
        }
    }
    client.logout();
    // Every message asked for is reported, or named here with a non-zero exit (issue 24).
    if (fetched->unexpected > 0)
        fail(QStringLiteral("the server sent %1 message(s) that were not asked for (UID %2%3); they were ignored")
                 .arg(fetched->unexpected)
                 .arg(uidList(fetched->unexpectedUids),
                      fetched->unexpected > fetched->unexpectedUids.size() ? QStringLiteral(", ...") : QString()));
    if (!fetched->skippedUids.isEmpty())
        fail(QStringLiteral("%1 of %2 message(s) were not verified: the server did not send UID %3 (deleted "
                            "meanwhile, or the server answered for other messages)")
                 .arg(fetched->skippedUids.size())
                 .arg(wanted.size())
                 .arg(uidList(fetched->skippedUids)));
    if (missing > 0) {
        fail(QStringLiteral("%1 message(s) came without a body").arg(missing));
        return 2;
    }
    return pool.anyFailed() || !fetched->skippedUids.isEmpty() ? 2 : 0;
}

#endif // SEALCHECK_HAVE_IMAP

} // namespace sealcheck::cli
