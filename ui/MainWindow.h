#pragma once
// The main window: sources (opened files, the demo mailbox) on the left, the message list with
// its security column, verdict filter and search in the middle, the message with its verdict
// banner and security panel on the right. Dropping .eml or mbox files anywhere opens them.
// Verification runs on the VerificationScheduler's thread pool; the window never waits.

#include "VerificationScheduler.h"

#include <QHash>
#include <QMainWindow>
#include <QSet>

#include <memory>
#include <optional>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTableView;

namespace sealcheck {
struct AccountRecord;
class AccountSync;
class DemoMailbox;
class MessageStore;
}

namespace sealcheck::ui {

class AccountsPane;
class InspectorModel;
class MessageFilterModel;
class MessageView;
class StoreMessageModel;
class TrustOfferBar;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens files (.eml, mbox) in the inspector and verifies them.
    void openFiles(const QStringList &paths);
    /// Loads the built-in demo mailbox; false with @p error when it cannot be loaded.
    bool loadDemo(QString *error = nullptr);
    /// Verification settings for files opened from now on.
    void setVerificationSettings(const VerificationSettings &settings);
    /// Base settings for accounts synced or re-verified from now on (each account's trust lists
    /// are added); by default those of the Settings dialog.
    void setAccountVerificationSettings(const VerificationSettings &settings);
    /// How long the inbox syncs wait in one IDLE/poll step, and how often they run a round
    /// without new mail (flag changes, new folders). Defaults: AccountSyncOptions.
    void setSyncIntervals(int waitChunkMs, int pollIntervalMs);

    /// True when nothing is left to verify.
    bool isSettled() const;
    /// Selects the first message with this verdict (by name); false if none.
    bool selectFirst(const QString &verdictName);

    InspectorModel *inspectorModel() const { return m_model; }
    MessageFilterModel *filterModel() const { return m_filter; }
    QTableView *messageList() const { return m_list; }
    MessageView *messageView() const { return m_view; }
    QComboBox *verdictFilterBox() const { return m_filterBox; }
    QLineEdit *searchBox() const { return m_search; }

    // Accounts (issue 7): the left-hand tree, the store, and one AccountSync per account's inbox.
    /// Opens the message store at @p path (the default location when empty) and lists its
    /// accounts; without a store only "Opened files" is shown.
    bool openStore(const QString &path = {}, QString *error = nullptr);
    /// Starts syncing the inbox of every account (or of @p accountId only). Each round also
    /// lists the account's mailboxes into the tree and applies flag changes (CONDSTORE).
    void startSync(qint64 accountId = 0);
    /// The sync of an account's inbox (null before startSync).
    AccountSync *inboxSync(qint64 accountId) const { return m_syncs.value(accountId); }
    /// The one-round sync of the other mailbox shown for an account (null when none).
    AccountSync *folderSync(qint64 accountId) const { return m_folderSyncs.value(accountId); }

    /// "Edit account…": AccountDialog with the stored account; saved and resynced on OK.
    void editAccount(qint64 accountId);
    /// "Remove account…": asks first (the local cache is deleted, nothing on the server is
    /// touched), then stops its syncs and removes its store rows and keychain password.
    /// True when removed.
    bool removeAccount(qint64 accountId);
    /// The question asked before removing (for tests and the confirmation box).
    static QString removeAccountQuestion(const AccountRecord &account);

    /// After a sync: offers, in the trust bar, the topmost authserv-id of @p mailboxId when the
    /// account trusts none yet and the offer was not declined in this session. True when offered.
    bool offerTrust(qint64 accountId, qint64 mailboxId);
    /// Records @p authservId as trusted for the account and re-verifies its stored messages
    /// (reverifyStored()).
    void trustAuthservId(qint64 accountId, const QString &authservId);
    /// After a change of what is trusted (authserv-id, key memory): the stored messages of the
    /// accounts whose raw copy is cached are verified again at once, off the UI thread (one
    /// account after the other, reverified() after each); those whose raw copy was evicted are
    /// marked stale (MessageStore::markStale), shown so in the list and the security panel, and
    /// verified again at the next sync of their mailbox. Returns how many were marked stale.
    int reverifyStored(const QList<qint64> &accountIds);
    TrustOfferBar *trustBar() const { return m_trustBar; }
    /// Messages queued or running for re-verification after a trust change.
    int reverifyPending() const;
    /// Shows a stored mailbox in the message list (a StoreMessageModel), or the opened files.
    bool showMailbox(qint64 mailboxId);
    void showOpenedFiles();
    AccountsPane *accountsPane() const { return m_accounts; }
    /// The model of the mailbox shown, null while the opened files are shown.
    StoreMessageModel *storeModel() const { return m_storeModel; }
    MessageStore *store() const { return m_store.get(); }

signals:
    void settled();
    /// Re-verification after a trust change finished; the store and the list hold the new reports.
    void reverified(qint64 accountId);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private slots:
    void showCurrent();
    void onReport(qint64 key, const verifier::Report &report);
    void onFailed(qint64 key, const QString &error);
    void onProgress(int done, int total);
    void openDialog();
    void about();
    void addAccount();
    void editSettings();
    void editCurrentAccount();
    void removeCurrentAccount();

private:
    void buildMenus();
    void enqueue(qint64 key);
    /// Moves queued opened-file messages to the scheduler, a bounded batch at a time (issue 24).
    void feedScheduler();
    void setListModel(QAbstractItemModel *model);
    void applyListFilter();
    VerificationSettings appVerificationSettings() const;
    AccountSync *makeSync(qint64 accountId, bool inbox);
    void syncFolder(qint64 accountId, qint64 mailboxId);
    void restartSync(qint64 accountId);
    /// Starts re-verifying the next account of m_reverifyQueue (reverifyStored()).
    void startNextReverify();
    /// Hook for the lead (OAuth): revoke the account's OAuth tokens at the provider and delete
    /// them from the keychain. Called by removeAccount() after the local data is gone; does
    /// nothing for password accounts.
    void revokeOAuthTokens(const AccountRecord &account);
    QString storePath() const;

    InspectorModel *m_model;
    MessageFilterModel *m_filter;
    QTableView *m_list;
    MessageView *m_view;
    QComboBox *m_filterBox;
    QLineEdit *m_search;
    QProgressBar *m_progress;
    QLabel *m_status;
    VerificationScheduler *m_scheduler;
    std::unique_ptr<DemoMailbox> m_demo;
    bool m_settingsReady = false;
    AccountsPane *m_accounts;
    StoreMessageModel *m_storeModel = nullptr;
    std::unique_ptr<MessageStore> m_store;
    QHash<qint64, AccountSync *> m_syncs;
    QHash<qint64, AccountSync *> m_folderSyncs;
    QString m_storePath;
    TrustOfferBar *m_trustBar;
    QSet<qint64> m_trustOffered; ///< accounts offered (or declined) in this session
    VerificationScheduler *m_reverify;
    qint64 m_reverifyAccount = 0;
    QList<qint64> m_reverifyQueue; ///< accounts waiting for m_reverify
    std::optional<VerificationSettings> m_baseSettings; ///< set by setAccountVerificationSettings
    int m_waitChunkMs = -1;
    int m_pollIntervalMs = -1;
};

} // namespace sealcheck::ui
