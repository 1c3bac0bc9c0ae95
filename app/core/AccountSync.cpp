#include "AccountSync.h"

#include "AccountSyncSession.h"

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
            ++counts[QString::fromStdString(top->authservId).toLower()];
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
            ++counts[QString::fromStdString(top->by).toLower()];
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
        AccountSyncSession session(this, options, account, password, store, m_stop);
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
