// MainWindow, second part: what the window shows of the accounts (issue 7) — the tree, the
// mailbox in the list, the dialogs that add, edit and remove an account, the trust offer and the
// Settings dialog. What happens to the accounts (syncs, removal, trust, re-verification) is
// AccountManager's (issue 20, "Also"); this file asks the user and draws the manager's signals.
#include "MainWindow.h"

#include "AccountDialog.h"
#include "AccountManager.h"
#include "AccountSync.h"
#include "AccountsPane.h"
#include "FileTrust.h"
#include "InspectorModel.h"
#include "MessageColumns.h"
#include "MessageFilterModel.h"
#include "MessageView.h"
#include "NoticeBar.h"
#include "ResolverSetup.h"
#include "SecurityPanel.h"
#include "SettingsDialog.h"
#include "StoreMessageModel.h"
#include "TrustOfferBar.h"
#include "WelcomePane.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSqlDatabase>
#include <QStackedWidget>
#include <QTableView>

namespace sealcheck::ui {

namespace {
/// The file of an open store (key memory, issue 13): the one the app already uses.
QString storeFile(const MessageStore *store)
{
    return store && store->isOpen() ? QSqlDatabase::database(store->connectionName(), false).databaseName() : QString();
}
} // namespace

VerificationSettings MainWindow::appVerificationSettings() const
{
    QSettings qs;
    auto s = AppSettings::load(qs).toVerificationSettings();
    // Key memory in the store the app uses (demo mode sets its own settings, without memory).
    const QString memory = store() ? storeFile(store()) : MessageStore::defaultPath();
    if (s) {
        s->memoryStorePath = memory;
        return *s;
    }
    VerificationSettings fallback;
    fallback.memoryStorePath = memory;
    ResolverOptions deferred;
    deferred.deferred = true; // never wait for the network on the UI thread
    if (auto resolver = makeResolver(deferred))
        fallback.resolver = *resolver;
    return fallback;
}

VerificationSettings MainWindow::fileVerificationSettings() const
{
    QSettings qs;
    return FileTrust::load(qs).applyTo(m_fileBase ? *m_fileBase : appVerificationSettings());
}

void MainWindow::connectAccounts()
{
    AccountManager *m = m_manager;
    connect(m_accounts, &AccountsPane::mailboxSelected, this, [this](qint64 accountId, qint64 mailboxId) {
        if (m_storeModel && m_storeModel->mailboxId() == mailboxId)
            return;
        if (showMailbox(mailboxId))
            m_manager->syncFolder(accountId, mailboxId);
    });
    connect(m_accounts, &AccountsPane::editAccountRequested, this, &MainWindow::editAccount);
    connect(m_accounts, &AccountsPane::removeAccountRequested, this, &MainWindow::removeAccount);
    connect(m_trustBar, &TrustOfferBar::trustAccepted, this, &MainWindow::trustAuthservId);
    connect(m_trustBar, &TrustOfferBar::declined, m, &AccountManager::declineTrustOffer);

    connect(m, &AccountManager::storeOpened, this, [this] { m_accounts->reload(store()); });
    connect(m, &AccountManager::accountsChanged, this, [this] {
        m_accounts->reload(store());
        openInboxOf(m_openInbox);
        updateWelcome();
    });
    connect(m, &AccountManager::mailboxesListed, m_accounts, &AccountsPane::setMailboxOrder);
    connect(m, &AccountManager::inboxProgress, this, [this](qint64, int done, int total) {
        m_progress->setVisible(done < total);
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        m_status->setText(tr("Synchronising: %1 of %n message(s)…", nullptr, total).arg(done));
    });
    connect(m, &AccountManager::retrying, this, [this](qint64 id, const QString &reason, int delayMs) {
        m_accounts->setAccountStatus(id, tr("offline"));
        m_status->setText(tr("%1 Trying again in %n second(s).", nullptr, (delayMs + 999) / 1000).arg(reason));
    });
    connect(m, &AccountManager::syncFailed, this, [this](qint64 id, bool inbox, const QString &message) {
        if (inbox) {
            m_progress->setVisible(false);
            m_accounts->setAccountStatus(id, tr("stopped"));
        }
        m_status->setText(message);
    });
    const auto redraw = [this](const QList<qint64> &ids) {
        if (!m_storeModel)
            return;
        m_storeModel->updateMessages(ids);
        const QModelIndex cur = m_list->currentIndex();
        if (cur.isValid() && ids.contains(cur.data(KeyRole).toLongLong()))
            showCurrent();
    };
    connect(m, &AccountManager::messagesChanged, this, [this, redraw](qint64 mailboxId, const QList<qint64> &ids) {
        if (m_storeModel && m_storeModel->mailboxId() == mailboxId)
            redraw(ids);
    });
    connect(m, &AccountManager::messagesUpdated, this, redraw);
    connect(m, &AccountManager::expunged, this, [this](qint64 mailboxId) {
        // Deleted on the server by the user's mail client: gone from the list too.
        if (m_storeModel && m_storeModel->mailboxId() == mailboxId)
            m_storeModel->refresh();
    });
    connect(m, &AccountManager::synced, this, [this](qint64 id, qint64 mailboxId, int added, bool inbox) {
        if (inbox) {
            m_progress->setVisible(false);
            m_accounts->setAccountStatus(id, QString());
            m_status->setText(tr("%n new message(s) checked.", nullptr, added));
        }
        if (m_storeModel && m_storeModel->mailboxId() == mailboxId && added > 0)
            m_storeModel->refresh();
        offerTrust(id, mailboxId);
    });
    connect(m, &AccountManager::accountRemoved, this, [this](qint64 id) {
        if (m_trustBar->accountId() == id)
            m_trustBar->hide();
    });
    connect(m, &AccountManager::statusMessage, m_status, &QLabel::setText);
    connect(m, &AccountManager::reverifyProgress, this, [this](int done, int total) {
        m_status->setText(done < total ? tr("Checking again with the new trust setting: %1 of %n message(s)…", nullptr, total).arg(done)
                                       : tr("%n message(s) checked again.", nullptr, total));
    });
    connect(m, &AccountManager::reverified, this, &MainWindow::reverified);
}

MessageStore *MainWindow::store() const { return m_manager ? m_manager->store() : nullptr; }
AccountSync *MainWindow::inboxSync(qint64 accountId) const { return m_manager->inboxSync(accountId); }
AccountSync *MainWindow::folderSync(qint64 accountId) const { return m_manager->folderSync(accountId); }
void MainWindow::startSync(qint64 accountId) { m_manager->startSync(accountId); }
int MainWindow::reverifyStored(const QList<qint64> &accountIds) { return m_manager->reverifyStored(accountIds); }
int MainWindow::reverifyPending() const { return m_manager->reverifyPending(); }

bool MainWindow::openStore(const QString &path, QString *error)
{
    if (m_storeModel)
        showOpenedFiles(); // the model reads the store being replaced
    const bool ok = m_manager->openStore(path, error);
    updateWelcome();
    return ok;
}

void MainWindow::setListModel(QAbstractItemModel *model)
{
    if (m_list->model() == model)
        return;
    QItemSelectionModel *old = m_list->selectionModel();
    m_list->setModel(model);
    delete old;
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::showCurrent);
    m_view->clear();
}

void MainWindow::applyListFilter()
{
    if (m_storeModel)
        m_storeModel->setFilter(VerdictFilter(m_filterBox->currentData().toInt()), m_search->text());
}

bool MainWindow::showMailbox(qint64 mailboxId)
{
    if (!store() || !store()->mailboxRecord(mailboxId))
        return false;
    auto *model = new StoreMessageModel(store(), mailboxId, this);
    model->setFilter(VerdictFilter(m_filterBox->currentData().toInt()), m_search->text());
    // Sorted and filtered in SQL: a proxy would read every row of a large mailbox.
    m_list->setSortingEnabled(false);
    setListModel(model);
    m_list->setColumnHidden(FileColumn, true); // IMAP messages have no file
    delete m_storeModel;
    m_storeModel = model;
    m_accounts->selectMailbox(mailboxId);
    updateWelcome();
    return true;
}

void MainWindow::showOpenedFiles()
{
    setListModel(m_filter);
    m_list->setColumnHidden(FileColumn, false);
    m_list->setSortingEnabled(true);
    delete m_storeModel;
    m_storeModel = nullptr;
    m_accounts->selectOpenedFiles();
    updateWelcome();
}

void MainWindow::updateWelcome()
{
    const bool nothing = !m_storeModel && m_model->rowCount() == 0 && !m_demo
        && (!store() || store()->accounts().isEmpty());
    m_listStack->setCurrentWidget(nothing ? static_cast<QWidget *>(m_welcome) : m_list);
    m_view->setVisible(!nothing); // the pane takes the whole height: there is no message to show
}

void MainWindow::openInboxOf(qint64 accountId)
{
    if (!accountId || !store())
        return;
    for (const MailboxRecord &box : store()->mailboxes(accountId)) {
        if (box.name.compare(QStringLiteral("INBOX"), Qt::CaseInsensitive) == 0) {
            m_openInbox = 0;
            showMailbox(box.id);
            return;
        }
    }
}

void MainWindow::addAccount()
{
    QSettings qs;
    const AppSettings app = AppSettings::load(qs);
    auto verification = app.toVerificationSettings();
    auto *d = new AccountDialog(verification ? verification->resolver : nullptr, this);
    d->setAttribute(Qt::WA_DeleteOnClose, false);
    d->phishingBox()->setChecked(app.phishingKeywordDefault);
    if (d->exec() != QDialog::Accepted) {
        d->deleteLater();
        return;
    }
    QString error;
    MessageStore *store = m_manager->ensureStore(&error);
    if (!store) {
        QMessageBox::warning(this, tr("Add account"), tr("The local message store cannot be opened: %1").arg(error));
        d->deleteLater();
        return;
    }
    auto id = d->save(*store);
    if (!id) {
        QMessageBox::warning(this, tr("Add account"), QString::fromStdString(id.error().message));
        d->deleteLater();
        return;
    }
    const qint64 accountId = *id;
    // Its Inbox is shown as soon as the first sync made its row (at once when it exists).
    m_openInbox = accountId;
    m_accounts->reload(store);
    openInboxOf(accountId);
    updateWelcome();
    if (d->password().isEmpty()) {
        m_manager->accountSaved(accountId);
        d->deleteLater();
        return;
    }
    // Sync once the keychain holds the password.
    connect(d, &AccountDialog::passwordStored, this, [this, d, accountId](bool ok, const QString &message) {
        if (!ok)
            m_status->setText(message);
        m_manager->accountSaved(accountId);
        d->deleteLater();
    });
}

void MainWindow::editSettings()
{
    QSettings qs;
    SettingsDialog d(this);
    d.setSettings(AppSettings::load(qs));
    const QString memory = m_view->securityPanel()->memoryStorePath();
    d.setMemoryStorePath(memory.isEmpty() ? storeFile(store()) : memory);
    connect(&d, &SettingsDialog::memoryChanged, m_view->securityPanel(), &SecurityPanel::memoryChanged);
    if (d.exec() != QDialog::Accepted)
        return;
    d.settings().store(qs);
    m_status->setText(tr("Settings saved. A new language is used from the next start."));
    // DNS, S/MIME roots, the GnuPG home or the trust for files may have changed: opened files
    // are verified from now on with the new ones (on top of the demo's or a test's base, if set).
    if (m_settingsReady)
        applyFileSettings();
    // What is shown was verified under the old ones.
    if (m_model->rowCount() > 0 || (store() && !store()->accounts().isEmpty())) {
        checkAgain(true);
        m_notice->showNotice(tr("Settings changed: the messages are being checked again with the new settings."));
    }
}

qint64 MainWindow::chosenAccountId()
{
    // The account selected on the left, or the only one there is.
    qint64 id = m_accounts->currentAccountId();
    if (!id && store() && store()->accounts().size() == 1)
        id = store()->accounts().front().id;
    if (!id)
        m_status->setText(tr("Select an account in the list on the left first."));
    return id;
}

void MainWindow::editCurrentAccount()
{
    if (const qint64 id = chosenAccountId())
        editAccount(id);
}

void MainWindow::removeCurrentAccount()
{
    if (const qint64 id = chosenAccountId())
        removeAccount(id);
}

void MainWindow::editAccount(qint64 accountId)
{
    if (!store())
        return;
    const auto account = store()->account(accountId);
    if (!account)
        return;
    QSettings qs;
    auto verification = AppSettings::load(qs).toVerificationSettings();
    auto *d = new AccountDialog(verification ? verification->resolver : nullptr, this);
    d->setWindowTitle(tr("Edit account"));
    d->setAccount(*account); // opens at the server settings page
    if (d->exec() != QDialog::Accepted) {
        d->deleteLater();
        return;
    }
    auto id = d->save(*store());
    if (!id) {
        QMessageBox::warning(this, tr("Edit account"), QString::fromStdString(id.error().message));
        d->deleteLater();
        return;
    }
    m_accounts->reload(store());
    if (d->password().isEmpty()) {
        m_manager->accountSaved(accountId);
        d->deleteLater();
        return;
    }
    connect(d, &AccountDialog::passwordStored, this, [this, d, accountId](bool ok, const QString &message) {
        if (!ok)
            m_status->setText(message);
        m_manager->accountSaved(accountId);
        d->deleteLater();
    });
}

QString MainWindow::removeAccountQuestion(const AccountRecord &account)
{
    return tr("Remove the account \"%1\" (%2 on %3) from Sealcheck?\n\n"
              "The messages and verification results Sealcheck keeps for it on this computer are deleted, and "
              "its password is removed from the keychain. Nothing on the server is touched: your mail stays "
              "in your mailbox, and you can add the account again later.")
        .arg(account.name.isEmpty() ? account.username : account.name, account.username, account.host);
}

bool MainWindow::removeAccount(qint64 accountId)
{
    if (!store())
        return false;
    const auto account = store()->account(accountId);
    if (!account)
        return false;
    QMessageBox ask(QMessageBox::Question, tr("Remove account"), removeAccountQuestion(*account),
                    QMessageBox::NoButton, this);
    QPushButton *remove = ask.addButton(tr("&Remove account"), QMessageBox::DestructiveRole);
    QPushButton *keep = ask.addButton(tr("&Keep"), QMessageBox::RejectRole);
    ask.setDefaultButton(keep);
    ask.setEscapeButton(keep);
    ask.exec();
    if (ask.clickedButton() != remove)
        return false;
    // The list must not read rows of the account while they are deleted.
    if (m_storeModel && store()->mailboxRecord(m_storeModel->mailboxId())
        && store()->mailboxRecord(m_storeModel->mailboxId())->accountId == accountId)
        showOpenedFiles();
    QString error;
    if (!m_manager->removeAccount(accountId, &error)) {
        QMessageBox::warning(this, tr("Remove account"),
                             tr("The account could not be removed from the local store: %1").arg(error));
        return false;
    }
    return true;
}

bool MainWindow::offerTrust(qint64 accountId, qint64 mailboxId)
{
    if (!store() || m_trustBar->isVisible())
        return false;
    const QString id = m_manager->takeTrustOffer(accountId, mailboxId);
    const auto account = store()->account(accountId);
    if (id.isEmpty() || !account)
        return false;
    m_trustBar->offer(accountId, account->name.isEmpty() ? account->username : account->name, id);
    return true;
}

void MainWindow::trustAuthservId(qint64 accountId, const QString &authservId) { m_manager->trustAuthservId(accountId, authservId); }

} // namespace sealcheck::ui
