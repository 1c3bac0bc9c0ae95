#pragma once
// The accounts' lifecycles, apart from the window that draws them (issue 20, "Also"): the message
// store, one AccountSync per account's inbox (IDLE) and one per other mailbox shown (one round),
// removing an account (its syncs joined first, its store rows, keychain password and OAuth
// sign-in gone; RFC 7009 revocation where the provider offers it), trusting an authserv-id, and
// verifying stored mail again after a trust change (off the UI thread, one account after the
// other). It asks nothing and draws nothing: the window asks the user, then calls it, and
// redraws on its signals. No widgets here (app/ never includes ui/).

#include "MessageStore.h"
#include "VerificationScheduler.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

namespace sealcheck {

class AccountSync;

class AccountManager : public QObject
{
    Q_OBJECT
public:
    /// Where the base verification settings come from when none were set (setBaseSettings): the
    /// window passes the Settings dialog's; the account's trust lists are added per account.
    using SettingsSource = std::function<VerificationSettings()>;

    explicit AccountManager(SettingsSource source, QObject *parent = nullptr);
    /// Stops and joins every sync and the re-verification.
    ~AccountManager() override;

    /// Opens the store at @p path (the default location when empty). Nothing running is kept
    /// for a previous store's accounts. storeOpened() follows.
    bool openStore(const QString &path = {}, QString *error = nullptr);
    /// The store, opened at the default location first when none is open (adding an account).
    MessageStore *ensureStore(QString *error = nullptr);
    MessageStore *store() const { return m_store.get(); }
    QString storePath() const;

    void setBaseSettings(const VerificationSettings &settings) { m_baseSettings = settings; }
    /// The base settings (set, or from the source); accounts add their trust lists.
    VerificationSettings baseSettings() const;
    void setSyncIntervals(int waitChunkMs, int pollIntervalMs);

    /// Starts syncing the inbox of every account (or of @p accountId only).
    void startSync(qint64 accountId = 0);
    /// Stops the inbox sync of the account and starts it again once it ended (new settings).
    void restartSync(qint64 accountId);
    /// Syncs one other mailbox of the account once (the one the user opened); the inbox sync
    /// watches the inbox already.
    void syncFolder(qint64 accountId, qint64 mailboxId);
    AccountSync *inboxSync(qint64 accountId) const { return m_syncs.value(accountId); }
    AccountSync *folderSync(qint64 accountId) const { return m_folderSyncs.value(accountId); }

    /// The account was saved (added or edited): its inbox sync starts or restarts.
    void accountSaved(qint64 accountId);
    /// Removes the account without asking (the window asks): joins its syncs, deletes its store
    /// rows, then its keychain password and OAuth sign-in. False with @p error when the store
    /// refused. accountRemoved() and, for the keychain's answer, statusMessage() follow.
    bool removeAccount(qint64 accountId, QString *error = nullptr);

    /// The authserv-id to offer after a sync of @p mailboxId: the topmost one of its stored
    /// reports, while the account trusts none and was not offered one in this session. Empty
    /// when there is nothing to offer. Marks the account offered when not empty.
    QString takeTrustOffer(qint64 accountId, qint64 mailboxId);
    /// The user declined an offer: none again in this session.
    void declineTrustOffer(qint64 accountId) { m_trustOffered.insert(accountId); }
    /// Records @p authservId as trusted for the account, restarts its sync and verifies its
    /// stored mail again.
    bool trustAuthservId(qint64 accountId, const QString &authservId);
    /// After a change of what is trusted: stored messages with a cached raw copy are verified
    /// again off the UI thread (reverified() after each account); the others are marked stale
    /// and verified again at the next sync. Returns how many were marked stale.
    int reverifyStored(const QList<qint64> &accountIds);
    /// reverifyStored() for every account.
    int reverifyAll();
    /// Verifies one stored message again ("Retry"); reportSaved() follows.
    void retryStored(qint64 messageId);
    int reverifyPending() const;

signals:
    void storeOpened();
    /// The accounts or their mailboxes changed (the tree is drawn again).
    void accountsChanged();
    void mailboxesListed(qint64 accountId, const QStringList &names);
    void inboxProgress(qint64 accountId, int done, int total);
    void retrying(qint64 accountId, const QString &reason, int delayMs);
    /// A sync stopped on an error that needs the user (@p inbox: the account's inbox sync).
    void syncFailed(qint64 accountId, bool inbox, const QString &message);
    void synced(qint64 accountId, qint64 mailboxId, int added, bool inbox);
    /// Store rows of @p mailboxId changed (flags, new verdicts after a stale re-check).
    void messagesChanged(qint64 mailboxId, const QList<qint64> &messageIds);
    void expunged(qint64 mailboxId);
    /// Rows of any mailbox changed (marked stale, verified again): the list redraws them.
    void messagesUpdated(const QList<qint64> &messageIds);
    void accountRemoved(qint64 accountId);
    /// A sentence for the status bar.
    void statusMessage(const QString &text);
    void reverifyProgress(int done, int total);
    /// Re-verification after a trust change finished for the account.
    void reverified(qint64 accountId);

private:
    AccountSync *makeSync(qint64 accountId, bool inbox);
    void startNextReverify();
    void stopAll();

    SettingsSource m_source;
    std::unique_ptr<MessageStore> m_store;
    QString m_storePath;
    QHash<qint64, AccountSync *> m_syncs;
    QHash<qint64, AccountSync *> m_folderSyncs;
    QSet<qint64> m_trustOffered; ///< accounts offered (or declined) in this session
    VerificationScheduler *m_reverify;
    qint64 m_reverifyAccount = 0;
    QList<qint64> m_reverifyQueue; ///< accounts waiting for m_reverify
    std::optional<VerificationSettings> m_baseSettings;
    int m_waitChunkMs = -1;
    int m_pollIntervalMs = -1;
};

} // namespace sealcheck
