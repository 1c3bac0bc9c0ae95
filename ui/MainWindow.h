#pragma once
// The main window: sources (opened files, the demo mailbox) on the left, the message list with
// its security column, verdict filter and search in the middle, the message with its verdict
// banner and security panel on the right. Dropping .eml or mbox files anywhere opens them.
// Verification runs on the VerificationScheduler's thread pool; the window never waits.

#include "VerificationScheduler.h"

#include <QHash>
#include <QMainWindow>

#include <memory>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTableView;

namespace sealcheck {
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
    /// Starts syncing the inbox of every account (or of @p accountId only).
    void startSync(qint64 accountId = 0);
    /// Shows a stored mailbox in the message list (a StoreMessageModel), or the opened files.
    bool showMailbox(qint64 mailboxId);
    void showOpenedFiles();
    AccountsPane *accountsPane() const { return m_accounts; }
    /// The model of the mailbox shown, null while the opened files are shown.
    StoreMessageModel *storeModel() const { return m_storeModel; }
    MessageStore *store() const { return m_store.get(); }

signals:
    void settled();

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

private:
    void buildMenus();
    void enqueue(qint64 key);
    void setListModel(QAbstractItemModel *model);
    void applyListFilter();
    VerificationSettings appVerificationSettings() const;

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
};

} // namespace sealcheck::ui
