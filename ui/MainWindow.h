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
class QStackedWidget;
class QTableView;
class QTimer;

namespace sealcheck {
enum class NotMailReason;
struct AccountRecord;
class AccountManager;
class AccountSync;
class DemoMailbox;
class MessageStore;
}

namespace sealcheck::ui {

class AccountsPane;
class InspectorModel;
class MessageFilterModel;
class MessageView;
class NoticeBar;
class StoreMessageModel;
class TrustOfferBar;
class WelcomePane;

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
    /// The bar above the list: refused files, messages not checked, settings changed.
    NoticeBar *noticeBar() const { return m_notice; }
    /// The search filters this long after the last key (or at once on Enter).
    static constexpr int kSearchDelayMs = 250;
    /// Filters by the search box now (what the delay would do).
    void applySearch();
    /// Verifies the opened files again with the current settings, and with @p storedToo the
    /// accounts' stored mail ("Check again", after Settings or a key-memory change).
    void checkAgain(bool storedToo);
    /// Why a file was refused, in words ("photo.png is a picture, not an e-mail message.").
    static QString notMailText(const QString &fileName, NotMailReason why);

    // Accounts (issue 7): the left-hand tree and the store. Their lifecycles (syncs, removal,
    // trust, re-verification) live in AccountManager; the window asks and draws.
    /// Opens the message store at @p path (the default location when empty) and lists its
    /// accounts; without a store only "Opened files" is shown.
    bool openStore(const QString &path = {}, QString *error = nullptr);
    /// Starts syncing the inbox of every account (or of @p accountId only).
    void startSync(qint64 accountId = 0);
    /// The sync of an account's inbox (null before startSync).
    AccountSync *inboxSync(qint64 accountId) const;
    /// The one-round sync of the other mailbox shown for an account (null when none).
    AccountSync *folderSync(qint64 accountId) const;
    AccountManager *accountManager() const { return m_manager; }

    /// "Add account…": the account wizard; on OK the account is saved, its sync starts and its
    /// Inbox is selected and shown (once the first sync made its row).
    void addAccount();
    /// "Edit account…": AccountDialog with the stored account; saved and resynced on OK.
    void editAccount(qint64 accountId);
    /// "Remove account…": asks first (the local cache is deleted, nothing on the server is
    /// touched), then AccountManager::removeAccount(). True when removed.
    bool removeAccount(qint64 accountId);
    /// The question asked before removing (for tests and the confirmation box).
    static QString removeAccountQuestion(const AccountRecord &account);

    /// After a sync: offers, in the trust bar, the topmost authserv-id of @p mailboxId when the
    /// account trusts none yet and the offer was not declined in this session. True when offered.
    bool offerTrust(qint64 accountId, qint64 mailboxId);
    /// Records @p authservId as trusted for the account and re-verifies its stored messages.
    void trustAuthservId(qint64 accountId, const QString &authservId);
    /// AccountManager::reverifyStored(): returns how many messages were marked stale.
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
    MessageStore *store() const;
    /// Shown instead of the empty list while there is no account and no opened file.
    WelcomePane *welcomePane() const { return m_welcome; }

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
    void editSettings();
    void editCurrentAccount();
    void removeCurrentAccount();
    /// The account selected on the left, or the only one; 0 (and a hint in the status bar) if none.
    qint64 chosenAccountId();

private:
    void buildMenus();
    void enqueue(qint64 key);
    /// Moves queued opened-file messages to the scheduler, a bounded batch at a time (issue 24).
    void feedScheduler();
    void retryCurrent();
    void alertNotChecked();
    void setListModel(QAbstractItemModel *model);
    void applyListFilter();
    VerificationSettings appVerificationSettings() const;
    /// The settings opened files are verified with: the base (given or from Settings) with the
    /// trust for files (FileTrust) added.
    VerificationSettings fileVerificationSettings() const;
    void applyFileSettings();
    void connectAccounts();
    /// Shows the welcome pane or the list: the pane only while nothing is there to show.
    void updateWelcome();
    /// Selects the Inbox of a new account as soon as its row exists.
    void openInboxOf(qint64 accountId);
    void loadDemoOrWarn();

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
    AccountManager *m_manager;
    TrustOfferBar *m_trustBar;
    std::optional<VerificationSettings> m_fileBase; ///< given by setVerificationSettings
    qint64 m_openInbox = 0; ///< a new account whose Inbox is selected once it exists
    WelcomePane *m_welcome;
    QStackedWidget *m_listStack;
    NoticeBar *m_notice;
    QTimer *m_searchDelay;
};

} // namespace sealcheck::ui
