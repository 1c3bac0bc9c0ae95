#include "AccountSync.h"

#include "ShownFields.h"

#include "ProviderProfiles.h"
#include "MailDate.h"
#include "VerdictKeywords.h"

#include "RememberedVerification.h"
#include "OverLimit.h"
#include "ResolverSetup.h"

#include "ImapCertificatePin.h"
#include "ImapSyncClient.h"
#include "Keychain.h"
#include "ListTask.h"
#include "Message.h"
#include "OAuthImapLogin.h"
#include "OAuthTokenEndpoint.h"
#include "OAuthTokenStore.h"
#include "Rfc2047.h"
#include "Strings.h"
#include "Verifier.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QNetworkAccessManager>
#include <QSet>
#include <QPointer>
#include <QRandomGenerator>
#include <QThread>

#include <algorithm>
#include <map>

namespace sealcheck {

namespace {

QString fromStd(const std::string &s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

/// The list row from a fetched header: what the list shows until the report arrives.
MessageRow rowFromHeader(qint64 mailboxId, const imap::FetchData &data)
{
    MessageRow row;
    row.mailboxId = mailboxId;
    row.uid = data.uid.value_or(0);
    row.size = qint64(data.rfc822Size.value_or(0));
    if (data.flags) {
        QList<QByteArray> flags = *data.flags;
        row.flags = QString::fromLatin1(flags.join(' '));
    }
    QByteArray header = data.header().value_or(data.message().value_or(QByteArray()));
    auto m = verifier::Message::parse(std::string(header.constData(), size_t(header.size())));
    if (m) {
        if (const auto *f = m->field("From")) {
            row.fromHeader = fromStd(verifier::escapeForDisplay(verifier::decodeEncodedWords(f->value())));
            const QString v = fromStd(f->value()).simplified();
            const qsizetype lt = v.lastIndexOf(QLatin1Char('<'));
            const qsizetype gt = v.lastIndexOf(QLatin1Char('>'));
            row.fromAddress = (lt >= 0 && gt > lt ? v.mid(lt + 1, gt - lt - 1) : v).trimmed().toLower();
        }
        row.subject = shownFieldValue(*m, "Subject"); // every copy: a second one may be injected
        if (const auto *f = m->field("Date"))
            row.date = parseMailDate(fromStd(f->value())); // obsolete zones too (GMT, UT)
        if (const auto *f = m->field("Message-ID"))
            row.messageId = fromStd(f->value()).trimmed();
    }
    if (!row.date.isValid() && !data.internalDate.isEmpty()) // "17-Jul-1996 02:44:25 -0700"
        row.date = QDateTime::fromString(QString::fromLatin1(data.internalDate).simplified(),
                                         QStringLiteral("d-MMM-yyyy HH:mm:ss t"));
    return row;
}

void appendUnique(std::vector<std::string> &to, const QStringList &from)
{
    for (const QString &s : from) {
        const std::string v = s.trimmed().toLower().toStdString();
        if (!v.empty() && std::find(to.begin(), to.end(), v) == to.end())
            to.push_back(v);
    }
}

/// Reports of the newest @p sample messages of a mailbox.
QVector<verifier::Report> sampleReports(const MessageStore &store, qint64 mailboxId, int sample)
{
    QVector<verifier::Report> out;
    for (const MessageRow &row : store.messages(mailboxId, VerdictFilter::All, {}, 0, sample)) {
        if (auto r = store.report(row.id))
            out.push_back(std::move(*r));
    }
    return out;
}

QStringList byFrequency(const QHash<QString, int> &counts)
{
    QStringList keys = counts.keys();
    std::sort(keys.begin(), keys.end(), [&](const QString &a, const QString &b) {
        return counts.value(a) != counts.value(b) ? counts.value(a) > counts.value(b) : a < b;
    });
    return keys;
}

} // namespace

AccountSync::AccountSync(QObject *parent) : QObject(parent) {}

AccountSync::~AccountSync()
{
    stop();
    wait();
    delete m_thread;
}

bool AccountSync::isRunning() const { return m_starting || (m_thread && m_thread->isRunning()); }

void AccountSync::stop()
{
    m_stop = true;
    m_starting = false;
}

bool AccountSync::wait(int msecs)
{
    if (!m_thread)
        return true;
    return msecs < 0 ? m_thread->wait() : m_thread->wait(QDeadlineTimer(msecs));
}

bool AccountSync::start(const AccountSyncOptions &options)
{
    if (isRunning()) {
        emit failed(tr("This mailbox is already being synchronised."));
        return false;
    }
    MessageStore store;
    if (!store.open(options.storePath)) {
        emit failed(tr("The local message store cannot be opened."));
        return false;
    }
    const auto account = store.account(options.accountId);
    if (!account) {
        emit failed(tr("The account no longer exists."));
        return false;
    }
    m_stop = false;
    m_starting = true;
    QPointer<AccountSync> self(this);
    if (account->authentication == AuthenticationKind::OAuth) {
        // OAuth (issue 12): the tokens come from the keychain as JSON and travel to the worker in
        // place of the password; the worker refreshes them (OAuthImapLogin).
        if (auto provider = oauth::OAuthProvider::find(account->oauthProvider, account->oauthOverrides.toUtf8()); !provider) {
            m_starting = false;
            emit failed(provider.error().message);
            return false;
        }
        const QString oauthKey = oauth::OAuthTokenStore::key(account->username, account->host, account->port);
        oauth::OAuthTokenStore::load(oauthKey, this, [self, options, account = *account](oauth::OAuthExpected<oauth::OAuthTokens> t) {
            if (!self || !self->m_starting)
                return;
            self->m_starting = false;
            if (!t) {
                const QString message = tr("Sign in again: no saved sign-in for %1 could be read (%2).")
                                            .arg(account.name.isEmpty() ? account.username : account.name, t.error().message);
                emit self->signInRequired(account.id, message);
                emit self->failed(message);
                emit self->finished();
                return;
            }
            self->launch(options, account, QString::fromUtf8(t->toJson()));
        });
        return true;
    }
    const QString key = Keychain::imapKey(account->username, account->host, account->port);
    Keychain::readPassword(key, this, [self, options, account = *account](verifier::Expected<QString> pw) {
        if (!self || !self->m_starting)
            return;
        self->m_starting = false;
        if (!pw) {
            emit self->failed(tr("The password of %1 could not be read from the keychain: %2")
                                  .arg(account.name, QString::fromStdString(pw.error().message)));
            emit self->finished();
            return;
        }
        self->launch(options, account, *pw);
    });
    return true;
}

void AccountSync::launch(const AccountSyncOptions &options, const AccountRecord &account, const QString &password)
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
    m_thread = QThread::create([this, options, account, password] { run(options, account, password); });
    m_thread->setObjectName(QStringLiteral("AccountSync"));
    connect(m_thread, &QThread::finished, this, &AccountSync::finished);
    m_thread->start();
}

imap::ImapConnectionSettings AccountSync::connectionSettings(const AccountRecord &account,
                                                             const QList<QSslCertificate> &extraCa)
{
    imap::ImapConnectionSettings s;
    s.host = account.host;
    s.port = quint16(account.port);
    s.tlsMode = account.security == ConnectionSecurity::StartTls ? imap::TlsMode::StartTls : imap::TlsMode::Implicit;
    s.extraCaCertificates = extraCa;
    if (!account.pinnedKeySha256.isEmpty()) {
        if (auto pin = imap::ImapCertificatePin::parse(account.pinnedKeySha256))
            s.pinnedPublicKeySha256 = *pin;
    }
    return s;
}

VerificationSettings AccountSync::settingsFor(const AccountRecord &account, VerificationSettings base)
{
    appendUnique(base.trust.authservIds, account.trustedAuthservIds);
    appendUnique(base.trust.relays, account.trustedRelays);
    appendUnique(base.trust.arcSealers, account.trustedArcSealers);
    if (!account.providerProfile.isEmpty())
        base.trust.provider = findProviderProfile(account.providerProfile);
    return base;
}

QString AccountSync::explain(const imap::ImapError &error)
{
    using K = imap::ImapErrorKind;
    switch (error.kind) {
    case K::AuthenticationFailed: return tr("The server refused the user name or password. Check both and try again.");
    case K::Network: return tr("The server could not be found or refused the connection. Check the host name and port.");
    case K::Timeout: return tr("The server did not answer in time. Check the host name and port, or try again later.");
    case K::UntrustedCertificate:
        return tr("The server's certificate is not trusted: it is not signed by a known authority or does not name "
                  "this server. Someone may be intercepting the connection.");
    case K::TlsHandshake: return tr("A secure connection could not be set up with the server.");
    case K::StartTlsNotOffered:
        return tr("The server does not offer STARTTLS, so the connection would not be encrypted. Try implicit TLS "
                  "(port 993).");
    case K::LoginDisabled: return tr("The server does not allow logging in with a password on this connection.");
    case K::ConnectionLost:
    case K::ServerBye: return tr("The server closed the connection.");
    case K::NoSuchMailbox: return tr("The mailbox does not exist on the server.");
    case K::ProtocolError:
    case K::ResponseTooLarge:
    case K::CommandFailed:
    case K::NotConnected:
    case K::Aborted: break;
    }
    return tr("The server answered in an unexpected way: %1").arg(error.message);
}

QString AccountSync::topmostAuthservId(const MessageStore &store, qint64 mailboxId, int sample)
{
    QHash<QString, int> counts;
    for (const verifier::Report &r : sampleReports(store, mailboxId, sample)) {
        const verifier::AuthResultsHeader *top = nullptr;
        for (const auto &h : r.authenticationResults) {
            if (h.parsed && !h.authservId.empty() && (!top || h.fieldIndex < top->fieldIndex))
                top = &h;
        }
        if (top)
            ++counts[fromStd(top->authservId).toLower()];
    }
    const QStringList ranked = byFrequency(counts);
    return ranked.isEmpty() ? QString() : ranked.front();
}

QStringList AccountSync::topmostRelays(const MessageStore &store, qint64 mailboxId, int sample)
{
    QHash<QString, int> counts;
    for (const verifier::Report &r : sampleReports(store, mailboxId, sample)) {
        const verifier::ReceivedHop *top = nullptr;
        for (const auto &h : r.received) {
            if (!h.by.empty() && (!top || h.fieldIndex < top->fieldIndex))
                top = &h;
        }
        if (top)
            ++counts[fromStd(top->by).toLower()];
    }
    return byFrequency(counts);
}

void AccountSync::testConnection(const imap::ImapConnectionSettings &settings, const QString &user,
                                 const QString &password, QObject *context, TestCallback done)
{
    QPointer<QObject> ctx(context);
    QThread *t = QThread::create([settings, user, password, ctx, done] {
        std::optional<imap::ImapError> error;
        {
            imap::ImapSyncClient client(settings);
            auto r = client.connectAndLogin(user, password);
            if (!r)
                error = r.error();
            else if (auto l = client.listMailboxes(); !l)
                error = l.error();
            client.logout();
        }
        // Posted to the application object: @p context may be gone by now (checked there).
        QMetaObject::invokeMethod(
            QCoreApplication::instance(), [ctx, done, error] {
                if (ctx)
                    done(error);
            },
            Qt::QueuedConnection);
    });
    QObject::connect(t, &QThread::finished, t, &QObject::deleteLater);
    t->start();
}

void AccountSync::testOAuthConnection(const imap::ImapConnectionSettings &settings, const QString &user,
                                      const oauth::OAuthProvider &provider, const oauth::OAuthTokens &tokens,
                                      QObject *context, OAuthTestCallback done)
{
    QPointer<QObject> ctx(context);
    QThread *t = QThread::create([settings, user, provider, tokens, ctx, done] {
        QString problem;
        oauth::OAuthTokens after = tokens;
        {
            imap::ImapSyncClient client(settings);
            const oauth::OAuthLoginResult r = oauth::OAuthImapLogin::login(client, provider, user, settings.host,
                                                                            settings.port, tokens,
                                                                            QDateTime::currentSecsSinceEpoch());
            after = r.tokens;
            if (r.imapError)
                problem = explain(*r.imapError);
            else if (r.oauthError)
                problem = r.message(user);
            else if (auto l = client.listMailboxes(); !l)
                problem = explain(l.error());
            client.logout();
        }
        QMetaObject::invokeMethod(
            QCoreApplication::instance(), [ctx, done, problem, after] {
                if (ctx)
                    done(problem, after);
            },
            Qt::QueuedConnection);
    });
    QObject::connect(t, &QThread::finished, t, &QObject::deleteLater);
    t->start();
}

void AccountSync::forgetSignIn(const AccountRecord &account, QObject *context, std::function<void(const QString &)> done)
{
    if (account.authentication != AuthenticationKind::OAuth) {
        done(QString());
        return;
    }
    const QString key = oauth::OAuthTokenStore::key(account.username, account.host, account.port);
    const auto provider = oauth::OAuthProvider::find(account.oauthProvider, account.oauthOverrides.toUtf8());
    QPointer<QObject> ctx(context);
    oauth::OAuthTokenStore::load(key, context, [key, provider, ctx, done](oauth::OAuthExpected<oauth::OAuthTokens> t) {
        if (!ctx)
            return;
        auto remove = [key, ctx, done](const QString &revokeProblem) {
            oauth::OAuthTokenStore::remove(key, ctx, [revokeProblem, done](oauth::OAuthExpected<bool> r) {
                QStringList problems;
                if (!revokeProblem.isEmpty())
                    problems << revokeProblem;
                if (!r)
                    problems << r.error().message;
                done(problems.join(QStringLiteral("; ")));
            });
        };
        if (!t || !provider) {
            remove(QString());
            return;
        }
        auto *nam = new QNetworkAccessManager(ctx);
        oauth::OAuthTokenEndpoint::revoke(*nam, *provider, *t, ctx, [nam, remove](oauth::OAuthExpected<bool> r) {
            nam->deleteLater();
            remove(r ? QString() : QStringLiteral("the sign-in could not be revoked at the provider: %1").arg(r.error().message));
        });
    });
}

// ------------------------------------------------------------------------- the worker thread

namespace {

/// One sync session on one connection; everything here runs in the worker thread.
class Session
{
public:
    Session(AccountSync *q, const AccountSyncOptions &o, const AccountRecord &a, QString &pw,
            MessageStore &store, const std::atomic_bool &stop)
        : q(q), options(o), account(a), password(pw), store(store), stopFlag(stop),
          settings(AccountSync::settingsFor(a, o.verification))
    {}

    /// Runs until stopped (ok) or an error ends the connection. @p loggedIn says whether the
    /// login succeeded (then the retry counter starts again).
    std::optional<imap::ImapError> run(bool &loggedIn, QString &storeError);

private:
    std::optional<imap::ImapError> round(imap::ImapSyncClient &client, QString &storeError);
    /// LIST: store rows for the selectable mailboxes, then mailboxesListed(). A NO to LIST is
    /// not fatal (the round goes on); a lost connection is.
    std::optional<imap::ImapError> listMailboxes(imap::ImapSyncClient &client, QString &storeError);
    /// CONDSTORE: flags changed since @p modSeq written to the store rows, then flagsChanged().
    std::optional<imap::ImapError> updateChangedFlags(imap::ImapSyncClient &client, quint64 modSeq);

    /// Verifies @p raw (the message @p id, UID @p uid) with this session's settings and saves the
    /// report (which clears a stale mark). Nothing when the bytes are not a message.
    std::optional<verifier::Verdict> verifyAndSave(qint64 id, quint32 uid, const QByteArray &raw);
    /// Step 2b of a round: one bounded batch of stale messages fetched again and verified.
    std::optional<imap::ImapError> recheckStale(imap::ImapSyncClient &client);

    AccountSync *q;
    const AccountSyncOptions &options;
    const AccountRecord &account;
    QString &password; ///< OAuth accounts: the tokens' JSON, updated when refreshed
    std::optional<imap::ImapError> oauthLogin(imap::ImapSyncClient &client);
    MessageStore &store;
    const std::atomic_bool &stopFlag;
    VerificationSettings settings;
    qint64 mailboxId = 0;
    /// Key memory and sender expectations (issue 13) on this worker's own connection, opened on
    /// first use; unset when there is none or it cannot be opened (verified without, as the
    /// scheduler does).
    std::unique_ptr<RememberedVerification> memory;
    bool memoryTried = false;
    /// Opens the memory once per round; false when there is none.
    bool openMemory();
    /// Stale messages asked for on this connection that the server did not deliver (expunged)
    /// or that could not be verified: not asked for again until the next connection.
    QSet<qint64> staleSkipped;
};

std::optional<imap::ImapError> Session::run(bool &loggedIn, QString &storeError)
{
    emit q->phaseChanged(AccountSync::Phase::Connecting);
    imap::ImapSyncClient client(AccountSync::connectionSettings(account, options.extraCaCertificates));
    if (account.authentication == AuthenticationKind::OAuth) {
        if (auto e = oauthLogin(client))
            return e;
    } else if (auto r = client.connectAndLogin(account.username, password); !r) {
        return r.error();
    }
    loggedIn = true;
    auto id = store.mailbox(account.id, options.mailbox);
    if (!id) {
        storeError = QString::fromStdString(id.error().message);
        return std::nullopt;
    }
    mailboxId = *id;
    emit q->mailboxReady(mailboxId);
    for (;;) {
        if (auto e = round(client, storeError))
            return e;
        if (!storeError.isEmpty() || stopFlag || !options.watch)
            break;
        emit q->phaseChanged(AccountSync::Phase::Watching);
        bool more = false;
        QElapsedTimer sinceRound; // a round every pollIntervalMs also picks up flag changes and new folders
        sinceRound.start();
        while (!stopFlag && !more) {
            auto w = client.waitForNewMail(options.waitChunkMs, options.pollIntervalMs);
            if (!w)
                return w.error();
            more = w->newMail || sinceRound.elapsed() >= options.pollIntervalMs;
        }
        if (stopFlag)
            break;
    }
    client.logout();
    return std::nullopt;
}

std::optional<imap::ImapError> Session::listMailboxes(imap::ImapSyncClient &client, QString &storeError)
{
    auto list = client.listMailboxes();
    if (!list) {
        if (list.error().kind == imap::ImapErrorKind::CommandFailed)
            return std::nullopt;
        return list.error();
    }
    const QStringList names = imap::ListTask::displayNames(*list);
    for (const QString &name : names) {
        if (auto id = store.mailbox(account.id, name); !id) {
            storeError = QString::fromStdString(id.error().message);
            return std::nullopt;
        }
    }
    emit q->mailboxesListed(names);
    return std::nullopt;
}

std::optional<imap::ImapError> Session::updateChangedFlags(imap::ImapSyncClient &client, quint64 modSeq)
{
    auto changes = client.flagChangesSince(modSeq);
    if (!changes)
        return changes.error();
    QList<qint64> changed;
    for (const imap::FetchData &d : *changes) {
        if (!d.uid || !d.flags)
            continue;
        const auto id = store.messageId(mailboxId, *d.uid);
        if (!id)
            continue; // not stored yet: the header fetch brings its flags
        auto row = store.message(*id);
        const QString flags = QString::fromLatin1(d.flags->join(' '));
        if (!row || row->flags == flags)
            continue;
        row->flags = flags;
        if (store.saveMessage(*row))
            changed.push_back(*id);
        // An answer to authenticated mail teaches a known domain (KnownDomains::learn).
        if (openMemory() && flags.contains(QLatin1String("\\Answered"), Qt::CaseInsensitive)) {
            if (const auto report = store.report(*id))
                memory->knownDomains()->learn(*report, flags, QDateTime::currentSecsSinceEpoch());
        }
    }
    if (!changed.isEmpty())
        emit q->flagsChanged(mailboxId, changed);
    return std::nullopt;
}

/// OAuth login (OAuthImapLogin): refresh when due or refused, save refreshed tokens to the
/// keychain (from the owner's thread), and map "sign in again" to an AuthenticationFailed error
/// whose message run() shows as is.
std::optional<imap::ImapError> Session::oauthLogin(imap::ImapSyncClient &client)
{
    const QString label = account.name.isEmpty() ? account.username : account.name;
    auto provider = oauth::OAuthProvider::find(account.oauthProvider, account.oauthOverrides.toUtf8());
    auto tokens = oauth::OAuthTokens::fromJson(password.toUtf8());
    if (!provider || !tokens) {
        const QString why = provider ? QStringLiteral("the saved sign-in is unreadable") : provider.error().message;
        emit q->signInRequired(account.id, QStringLiteral("Sign in again: %1.").arg(why));
        return imap::ImapError{imap::ImapErrorKind::AuthenticationFailed, QStringLiteral("Sign in again: %1.").arg(why), {}, {}};
    }
    const oauth::OAuthLoginResult r = oauth::OAuthImapLogin::login(client, *provider, account.username, account.host,
                                                                    quint16(account.port), *tokens,
                                                                    QDateTime::currentSecsSinceEpoch());
    if (r.refreshed) {
        password = QString::fromUtf8(r.tokens.toJson());
        const QString key = oauth::OAuthTokenStore::key(account.username, account.host, account.port);
        const oauth::OAuthTokens fresh = r.tokens;
        AccountSync *owner = q;
        QMetaObject::invokeMethod(
            q, [owner, key, fresh] {
                oauth::OAuthTokenStore::save(key, fresh, owner, [owner](oauth::OAuthExpected<bool> saved) {
                    if (saved)
                        emit owner->tokensRefreshed();
                    else
                        qWarning("the renewed sign-in could not be saved: %s", qPrintable(saved.error().message));
                });
            },
            Qt::QueuedConnection);
    }
    if (r.imapError)
        return r.imapError;
    if (r.oauthError) {
        const bool later = r.oauthError->kind == oauth::OAuthErrorKind::Network
            || r.oauthError->kind == oauth::OAuthErrorKind::ServerError;
        if (!later)
            emit q->signInRequired(account.id, r.message(label));
        return imap::ImapError{later ? imap::ImapErrorKind::Network : imap::ImapErrorKind::AuthenticationFailed,
                               r.message(label), {}, {}};
    }
    return std::nullopt;
}

std::optional<verifier::Verdict> Session::verifyAndSave(qint64 id, quint32 uid, const QByteArray &raw)
{
    std::string limit;
    auto message = verifier::Message::parse(std::string(raw.constData(), size_t(raw.size())), {}, &limit);
    if (!message && !limit.empty()) {
        // Over a limit: stored as not checked (issue 24 item 13), never left without a verdict.
        const verifier::Report report =
            verifier::overLimitReport(QStringLiteral("imap:%1/%2").arg(options.mailbox).arg(uid).toStdString(), limit);
        store.saveReport(id, report);
        return report.verdict;
    }
    if (!message)
        return std::nullopt;
    openMemory();
    const verifier::VerifyContext context = settings.contextFor(QStringLiteral("imap:%1/%2").arg(options.mailbox).arg(uid));
    const verifier::Report report = memory ? memory->verify(*message, context) : verifier::verify(*message, context);
    store.saveReport(id, report);
    if (memory) {
        if (const auto row = store.message(id))
            memory->knownDomains()->learn(report, row->flags, context.now);
    }
    return report.verdict;
}

bool Session::openMemory()
{
    if (!memoryTried) {
        memoryTried = true;
        if (!settings.memoryStorePath.isEmpty()) {
            memory = std::make_unique<RememberedVerification>();
            if (!memory->open(settings.memoryStorePath))
                memory.reset();
            else
                (void)memory->knownDomains()->addAccountDomain(account.username, QDateTime::currentSecsSinceEpoch());
        }
    }
    return memory != nullptr;
}

std::optional<imap::ImapError> Session::recheckStale(imap::ImapSyncClient &client)
{
    const int batch = std::max(1, options.staleBatchSize);
    QHash<quint32, qint64> idOfUid;
    QList<quint32> uids;
    QList<qint64> rechecked;
    for (qint64 id : store.staleMessages(mailboxId, batch + int(staleSkipped.size()))) {
        if (uids.size() >= batch || stopFlag)
            break;
        if (staleSkipped.contains(id))
            continue;
        auto m = store.message(id);
        if (!m)
            continue;
        // Still cached (the re-check after the settings change did not finish): verified from
        // the copy, nothing is fetched.
        if (const auto raw = store.raw(id)) {
            if (verifyAndSave(id, m->uid, *raw))
                rechecked.push_back(id);
            else
                staleSkipped.insert(id);
            continue;
        }
        {
            idOfUid.insert(m->uid, id);
            uids.push_back(m->uid);
        }
    }
    if (uids.isEmpty()) {
        if (!rechecked.isEmpty())
            emit q->staleRechecked(mailboxId, rechecked);
        return std::nullopt;
    }
    std::sort(uids.begin(), uids.end());
    emit q->phaseChanged(AccountSync::Phase::Bodies);
    emit q->progress(0, int(uids.size()));
    QSet<qint64> delivered;
    int done = 0;
    auto f = client.fetchMessages(
        uids, imap::FetchParts::FullMessage,
        [&](const imap::FetchData &d) {
            ++done;
            const qint64 id = idOfUid.value(d.uid.value_or(0));
            const auto raw = d.message();
            if (id == 0 || !raw || stopFlag)
                return;
            store.saveRaw(id, *raw); // subject to the cache's cap, like any fetched message
            if (verifyAndSave(id, *d.uid, *raw)) {
                delivered.insert(id);
                rechecked.push_back(id);
            }
            if (done % 10 == 0 || done == int(uids.size()))
                emit q->progress(done, int(uids.size()));
        },
        options.fetchBatchSize);
    if (f && !stopFlag) {
        for (qint64 id : std::as_const(idOfUid)) {
            if (!delivered.contains(id))
                staleSkipped.insert(id);
        }
    }
    if (!rechecked.isEmpty())
        emit q->staleRechecked(mailboxId, rechecked);
    if (!f)
        return f.error();
    return std::nullopt;
}

std::optional<imap::ImapError> Session::round(imap::ImapSyncClient &client, QString &storeError)
{
    // The key memory is read afresh each round: the user may have pinned a key since.
    memory.reset();
    memoryTried = false;
    if (auto e = listMailboxes(client, storeError))
        return e;
    if (!storeError.isEmpty())
        return std::nullopt;
    auto box = client.examine(options.mailbox);
    if (!box)
        return box.error();
    const auto record = store.mailboxRecord(mailboxId);
    imap::SyncState known;
    if (record) {
        known.uidValidity = record->uidValidity;
        known.highestModSeq = record->highestModSeq;
    }
    known.highestUid = store.highestUid(mailboxId);
    if (known.uidValidity == 0 && known.highestUid > 0)
        known.uidValidity = box->uidValidity; // headers stored by an interrupted first round
    auto delta = client.incrementalSync(known);
    if (!delta)
        return delta.error();
    if (delta->uidValidityChanged && !store.clearMailbox(mailboxId)) {
        storeError = store.lastError();
        return std::nullopt;
    }
    // 0. Flag changes of stored messages (RFC 7162 §3.1.4.1), before the stored HIGHESTMODSEQ moves on.
    if (!delta->uidValidityChanged && known.highestModSeq > 0 && delta->mailbox.highestModSeq > known.highestModSeq) {
        if (auto e = updateChangedFlags(client, known.highestModSeq))
            return e;
    }

    // 1. Headers of the new messages: the list fills before any body is downloaded.
    emit q->phaseChanged(AccountSync::Phase::Headers);
    const int newCount = int(delta->newUids.size());
    int headerDone = 0;
    QVector<MessageRow> batch;
    auto flushBatch = [&] {
        if (batch.isEmpty())
            return;
        if (auto s = store.saveMessages(batch); !s)
            storeError = QString::fromStdString(s.error().message);
        headerDone += int(batch.size());
        batch.clear();
        emit q->progress(headerDone, newCount);
    };
    if (newCount > 0) {
        auto f = client.fetchMessages(
            delta->newUids, imap::FetchParts::Headers,
            [&](const imap::FetchData &d) {
                batch.push_back(rowFromHeader(mailboxId, d));
                if (batch.size() >= options.fetchBatchSize)
                    flushBatch();
            },
            options.fetchBatchSize);
        flushBatch(); // what arrived stays valid even when the fetch failed
        if (!f)
            return f.error();
    }
    if (!storeError.isEmpty())
        return std::nullopt;

    // 1b. Messages deleted on the server (by the user's mail client). The store then holds more
    // or fewer messages than EXISTS says; only then is the complete UID list asked for (one UID
    // SEARCH), and the local rows the server no longer has are removed. Nothing is written to the
    // server.
    if (!delta->uidValidityChanged && store.messageCount(mailboxId) != int(delta->mailbox.exists)) {
        auto all = client.listUids(1);
        if (!all)
            return all.error();
        auto removed = store.removeExpunged(mailboxId, *all);
        if (!removed) {
            storeError = QString::fromStdString(removed.error().message);
            return std::nullopt;
        }
        if (!removed->isEmpty())
            emit q->expunged(mailboxId, QList<qint64>(removed->cbegin(), removed->cend()));
    }

    // 2. Bodies of every message without a report, newest first (also resumes an interrupted round).
    emit q->phaseChanged(AccountSync::Phase::Bodies);
    const QVector<qint64> pending = store.unverified(mailboxId, 1000000);
    QHash<quint32, qint64> idOfUid;
    QList<quint32> uids;
    for (qint64 id : pending) {
        if (auto m = store.message(id)) {
            idOfUid.insert(m->uid, id);
            uids.push_back(m->uid);
        }
    }
    QList<QPair<quint32, verifier::Verdict>> verdicts; // new messages, for the opt-in keywords
    int bodyDone = 0;
    const int bodyTotal = int(uids.size());
    if (bodyTotal > 0) {
        emit q->progress(0, bodyTotal);
        auto f = client.fetchMessages(
            uids, imap::FetchParts::FullMessage,
            [&](const imap::FetchData &d) {
                ++bodyDone;
                const qint64 id = idOfUid.value(d.uid.value_or(0));
                const auto raw = d.message();
                if (id == 0 || !raw || stopFlag)
                    return;
                store.saveRaw(id, *raw);
                if (const auto verdict = verifyAndSave(id, *d.uid, *raw))
                    verdicts.push_back({*d.uid, *verdict});
                if (bodyDone % 10 == 0 || bodyDone == bodyTotal)
                    emit q->progress(bodyDone, bodyTotal);
            },
            options.fetchBatchSize);
        if (!f)
            return f.error();
    }
    if (stopFlag)
        return std::nullopt;

    // 2b. Stale reports (made under trust settings or a key memory changed since, raw copy evicted):
    // fetched again read-only (BODY.PEEK[], no flag changes; their verdicts take no part in the
    // opt-in keyword write) and verified with today's settings, at most staleBatchSize per round so
    // a huge mailbox never stalls new mail. A UID the server no longer has delivers nothing: it
    // is not asked for again on this connection, and step 1b of the next round removes it.
    if (auto e = recheckStale(client))
        return e;
    if (stopFlag)
        return std::nullopt;

    // 3. The one opt-in write.
    // (keywords only, on the new messages verified in this round: $Phishing on forged ones, and
    // the verdict keywords of VerdictKeywords.h; nothing else is ever written).
    QList<QPair<quint32, QByteArray>> marks;
    for (const auto &v : verdicts) {
        if (account.setPhishingKeyword && v.second == verifier::Verdict::Forged)
            marks.push_back({v.first, QByteArrayLiteral("$Phishing")});
        if (account.setVerdictKeywords && !verdictKeyword(v.second).isEmpty())
            marks.push_back({v.first, verdictKeyword(v.second)});
    }
    if (!marks.isEmpty()) {
        client.setKeywordWritesEnabled(true);
        const auto m = client.addKeywords(marks);
        client.setKeywordWritesEnabled(false);
        if (!m)
            return m.error();
    }

    const imap::MailboxState &state = delta->mailbox;
    store.setMailboxState(mailboxId, state.uidValidity, state.uidNext, state.highestModSeq);
    emit q->synced(mailboxId, newCount);
    return std::nullopt;
}

} // namespace

void AccountSync::run(AccountSyncOptions options, AccountRecord account, QString password)
{
    MessageStore store;
    if (!store.open(options.storePath)) {
        emit failed(tr("The local message store cannot be opened."));
        emit phaseChanged(Phase::Stopped);
        return;
    }
    int attempt = 0;
    while (!m_stop) {
        bool loggedIn = false;
        QString storeError;
        Session session(this, options, account, password, store, m_stop);
        const std::optional<imap::ImapError> error = session.run(loggedIn, storeError);
        if (!storeError.isEmpty()) {
            emit failed(tr("The local message store could not be written: %1").arg(storeError));
            break;
        }
        if (!error || m_stop)
            break;
        if (loggedIn)
            attempt = 0;
        if (!imap::ImapReconnectPolicy::shouldRetry(*error)
            || (options.maxRetries >= 0 && attempt >= options.maxRetries)) {
            // An OAuth login failure already carries its sentence ("Sign in again: ...").
            const bool oauthMessage = account.authentication == AuthenticationKind::OAuth
                && error->kind == imap::ImapErrorKind::AuthenticationFailed;
            emit failed(oauthMessage ? error->message : explain(*error));
            break;
        }
        const int delay = options.reconnect.delayMs(attempt++, QRandomGenerator::global()->generateDouble());
        emit phaseChanged(Phase::Reconnecting);
        emit retrying(explain(*error), delay);
        for (int slept = 0; slept < delay && !m_stop; slept += 100)
            QThread::msleep(100);
    }
    emit phaseChanged(Phase::Stopped);
}

} // namespace sealcheck
