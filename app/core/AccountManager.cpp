#include "AccountManager.h"

#include "AccountSync.h"
#include "Keychain.h"

namespace sealcheck {

AccountManager::AccountManager(SettingsSource source, QObject *parent)
    : QObject(parent), m_source(std::move(source)), m_reverify(new VerificationScheduler(this))
{
    connect(m_reverify, &VerificationScheduler::reportReady, this, [this](qint64 messageId, const verifier::Report &report) {
        if (!m_store)
            return;
        m_store->saveReport(messageId, report);
        emit messagesUpdated({messageId});
    });
    connect(m_reverify, &VerificationScheduler::progress, this, [this](int done, int total) {
        emit reverifyProgress(done, total);
        if (done == total && m_reverifyAccount != 0) {
            const qint64 finished = m_reverifyAccount;
            m_reverifyAccount = 0;
            emit reverified(finished);
            startNextReverify();
        }
    });
}

AccountManager::~AccountManager()
{
    stopAll();
    m_reverify->cancel();
    m_reverify->waitForDone();
}

void AccountManager::stopAll()
{
    for (AccountSync *sync : std::as_const(m_syncs))
        sync->stop();
    for (AccountSync *sync : std::as_const(m_folderSyncs))
        sync->stop();
    qDeleteAll(m_syncs); // each joins its worker
    m_syncs.clear();
    qDeleteAll(m_folderSyncs);
    m_folderSyncs.clear();
}

bool AccountManager::openStore(const QString &path, QString *error)
{
    auto store = std::make_unique<MessageStore>();
    const QString p = path.isEmpty() ? MessageStore::defaultPath() : path;
    if (auto r = store->open(p); !r) {
        if (error)
            *error = QString::fromStdString(r.error().message);
        return false;
    }
    // The syncs and the re-verification belong to the accounts of the store they were made for.
    stopAll();
    m_reverify->cancel();
    m_reverifyQueue.clear();
    m_reverifyAccount = 0;
    m_store = std::move(store);
    m_storePath = p;
    emit storeOpened();
    return true;
}

MessageStore *AccountManager::ensureStore(QString *error)
{
    if (!m_store && !openStore({}, error))
        return nullptr;
    return m_store.get();
}

QString AccountManager::storePath() const { return m_storePath.isEmpty() ? MessageStore::defaultPath() : m_storePath; }

VerificationSettings AccountManager::baseSettings() const
{
    if (m_baseSettings)
        return *m_baseSettings;
    return m_source ? m_source() : VerificationSettings();
}

void AccountManager::setSyncIntervals(int waitChunkMs, int pollIntervalMs)
{
    m_waitChunkMs = waitChunkMs;
    m_pollIntervalMs = pollIntervalMs;
}

AccountSync *AccountManager::makeSync(qint64 id, bool inbox)
{
    auto *sync = new AccountSync;
    if (inbox) {
        connect(sync, &AccountSync::progress, this, [this, id](int done, int total) { emit inboxProgress(id, done, total); });
        connect(sync, &AccountSync::retrying, this,
                [this, id](const QString &reason, int delayMs) { emit retrying(id, reason, delayMs); });
    }
    connect(sync, &AccountSync::failed, this, [this, id, inbox](const QString &message) { emit syncFailed(id, inbox, message); });
    connect(sync, &AccountSync::mailboxReady, this, &AccountManager::accountsChanged);
    connect(sync, &AccountSync::mailboxesListed, this, [this, id](const QStringList &names) {
        emit mailboxesListed(id, names);
        emit accountsChanged();
    });
    connect(sync, &AccountSync::flagsChanged, this, &AccountManager::messagesChanged);
    connect(sync, &AccountSync::staleRechecked, this, &AccountManager::messagesChanged);
    connect(sync, &AccountSync::expunged, this, [this](qint64 mailboxId, const QList<qint64> &) { emit expunged(mailboxId); });
    connect(sync, &AccountSync::synced, this,
            [this, id, inbox](qint64 mailboxId, int added) { emit synced(id, mailboxId, added, inbox); });
    return sync;
}

void AccountManager::startSync(qint64 accountId)
{
    if (!m_store)
        return;
    for (const AccountRecord &a : m_store->accounts()) {
        if ((accountId && a.id != accountId) || (m_syncs.contains(a.id) && m_syncs.value(a.id)->isRunning()))
            continue;
        AccountSync *sync = m_syncs.value(a.id);
        if (!sync) {
            sync = makeSync(a.id, true);
            m_syncs.insert(a.id, sync);
        }
        AccountSyncOptions o;
        o.accountId = a.id;
        o.storePath = storePath();
        o.verification = baseSettings();
        if (m_waitChunkMs > 0)
            o.waitChunkMs = m_waitChunkMs;
        if (m_pollIntervalMs > 0)
            o.pollIntervalMs = m_pollIntervalMs;
        sync->start(o);
    }
}

void AccountManager::syncFolder(qint64 accountId, qint64 mailboxId)
{
    if (!m_store)
        return;
    const auto box = m_store->mailboxRecord(mailboxId);
    if (!box || box->name.compare(QStringLiteral("INBOX"), Qt::CaseInsensitive) == 0)
        return; // the inbox sync watches it already
    // One other mailbox per account at a time: the one shown, one round (no IDLE on it).
    if (AccountSync *old = m_folderSyncs.take(accountId)) {
        old->stop();
        connect(old, &AccountSync::finished, old, &QObject::deleteLater);
        if (!old->isRunning())
            old->deleteLater();
    }
    AccountSync *sync = makeSync(accountId, false);
    m_folderSyncs.insert(accountId, sync);
    AccountSyncOptions o;
    o.accountId = accountId;
    o.mailbox = box->name;
    o.storePath = storePath();
    o.verification = baseSettings();
    o.watch = false;
    o.maxRetries = 2;
    sync->start(o);
}

void AccountManager::restartSync(qint64 accountId)
{
    AccountSync *sync = m_syncs.value(accountId);
    if (!sync || !sync->isRunning()) {
        startSync(accountId);
        return;
    }
    sync->stop();
    if (!sync->isRunning()) { // stopped while reading the password: no finished() follows
        startSync(accountId);
        return;
    }
    auto *once = new QObject(this);
    connect(sync, &AccountSync::finished, once, [this, accountId, once] {
        once->deleteLater();
        startSync(accountId);
    });
}

void AccountManager::accountSaved(qint64 accountId)
{
    emit accountsChanged();
    restartSync(accountId);
}

bool AccountManager::removeAccount(qint64 accountId, QString *error)
{
    if (!m_store)
        return false;
    const auto account = m_store->account(accountId);
    if (!account)
        return false;
    // Stop and join its syncs first: no worker may write rows of a deleted account.
    for (QHash<qint64, AccountSync *> *syncs : {&m_syncs, &m_folderSyncs}) {
        if (AccountSync *sync = syncs->take(accountId)) {
            sync->stop();
            delete sync; // joins the worker (within its wait chunk)
        }
    }
    m_reverifyQueue.removeAll(accountId);
    if (!m_store->removeAccount(accountId)) { // mailboxes, messages, raw copies and reports cascade
        if (error)
            *error = m_store->lastError();
        return false;
    }
    m_trustOffered.remove(accountId);
    emit accountRemoved(accountId);
    emit accountsChanged();
    const QString name = account->name.isEmpty() ? account->username : account->name;
    Keychain::deletePassword(Keychain::imapKey(account->username, account->host, account->port), this,
                             [this, name](verifier::Expected<bool> r) {
                                 emit statusMessage(r ? tr("Account %1 removed.").arg(name)
                                                      : tr("Account %1 removed; its password could not be deleted "
                                                           "from the keychain: %2")
                                                            .arg(name, QString::fromStdString(r.error().message)));
                             });
    // An OAuth account's refresh token is revoked at the provider (RFC 7009, where it offers
    // revocation) and its tokens leave the keychain; nothing to do for a password account.
    if (account->authentication == AuthenticationKind::OAuth) {
        AccountSync::forgetSignIn(*account, this, [this](const QString &problem) {
            if (!problem.isEmpty())
                emit statusMessage(problem);
        });
    }
    return true;
}

QString AccountManager::takeTrustOffer(qint64 accountId, qint64 mailboxId)
{
    if (!m_store || m_trustOffered.contains(accountId))
        return {};
    const auto account = m_store->account(accountId);
    if (!account || !account->trustedAuthservIds.isEmpty())
        return {};
    const QString id = AccountSync::topmostAuthservId(*m_store, mailboxId);
    if (!id.isEmpty())
        m_trustOffered.insert(accountId);
    return id;
}

bool AccountManager::trustAuthservId(qint64 accountId, const QString &authservId)
{
    if (!m_store || authservId.isEmpty())
        return false;
    auto account = m_store->account(accountId);
    if (!account)
        return false;
    if (!account->trustedAuthservIds.contains(authservId, Qt::CaseInsensitive))
        account->trustedAuthservIds << authservId;
    if (auto r = m_store->saveAccount(*account); !r) {
        emit statusMessage(tr("The account could not be saved: %1").arg(QString::fromStdString(r.error().message)));
        return false;
    }
    // The worker is stopped first (it saves nothing more with the old trust), then restarted: it
    // verifies new mail with the new trust and fetches the stale messages again. The stored mail
    // with a cached raw copy is checked again here, off the UI thread.
    restartSync(accountId);
    reverifyStored({accountId});
    emit statusMessage(tr("%1 is now trusted for this account.").arg(authservId));
    return true;
}

int AccountManager::reverifyAll()
{
    if (!m_store)
        return 0;
    QList<qint64> ids;
    for (const AccountRecord &a : m_store->accounts())
        ids << a.id;
    return reverifyStored(ids);
}

int AccountManager::reverifyStored(const QList<qint64> &accountIds)
{
    if (!m_store)
        return 0;
    // Marked before the re-verification starts: a report saved from now on is made with the new
    // settings and clears the mark.
    int marked = 0;
    for (qint64 id : accountIds) {
        auto ids = m_store->markStale(id);
        if (!ids) {
            emit statusMessage(tr("The local message store could not be written: %1").arg(m_store->lastError()));
            continue;
        }
        marked += int(ids->size());
        if (!ids->isEmpty())
            emit messagesUpdated(QList<qint64>(ids->cbegin(), ids->cend()));
    }
    // An account interrupted half-way is done again from its start, after the new ones.
    if (m_reverifyAccount != 0 && !m_reverifyQueue.contains(m_reverifyAccount))
        m_reverifyQueue.prepend(m_reverifyAccount);
    m_reverify->cancel();
    m_reverifyAccount = 0;
    for (qint64 id : accountIds) {
        if (!m_reverifyQueue.contains(id))
            m_reverifyQueue.append(id);
    }
    startNextReverify();
    return marked;
}

void AccountManager::startNextReverify()
{
    while (m_store && !m_reverifyQueue.isEmpty()) {
        const qint64 accountId = m_reverifyQueue.takeFirst();
        const auto account = m_store->account(accountId);
        if (!account)
            continue;
        m_reverify->setSettings(AccountSync::settingsFor(*account, baseSettings()));
        m_reverifyAccount = accountId;
        int queued = 0;
        for (const MailboxRecord &box : m_store->mailboxes(accountId)) {
            const int n = m_store->messageCount(box.id);
            for (int offset = 0; offset < n; offset += 500) {
                for (const MessageRow &row : m_store->messages(box.id, VerdictFilter::All, {}, offset, 500)) {
                    if (auto raw = m_store->raw(row.id)) {
                        m_reverify->enqueue(row.id, *raw, QStringLiteral("imap:%1/%2").arg(box.name).arg(row.uid));
                        ++queued;
                    }
                }
            }
        }
        if (queued > 0)
            return; // progress() reaches done == total: reverified(), then the next account
        m_reverifyAccount = 0;
        emit reverified(accountId);
    }
}

void AccountManager::retryStored(qint64 messageId)
{
    if (!m_store)
        return;
    const auto raw = m_store->raw(messageId);
    if (!raw)
        return;
    if (const auto row = m_store->message(messageId); row && m_store->mailboxRecord(row->mailboxId)) {
        if (const auto account = m_store->account(m_store->mailboxRecord(row->mailboxId)->accountId))
            m_reverify->setSettings(AccountSync::settingsFor(*account, baseSettings()));
    }
    m_reverify->enqueue(messageId, *raw, QStringLiteral("imap:%1").arg(messageId));
}

int AccountManager::reverifyPending() const { return m_reverify->pending(); }

} // namespace sealcheck
