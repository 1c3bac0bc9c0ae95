// MainWindow, second part: the accounts (issue 7) — the store, one AccountSync per inbox and one
// per other mailbox shown, adding, editing and removing accounts, trusting an authserv-id and
// verifying stored mail again. Split from MainWindow.cpp to keep both files short; moving this
// into an app/ controller (issue 20, "Also") is the next step.
#include "MainWindow.h"

#include "AccountDialog.h"
#include "AccountSync.h"
#include "AccountsPane.h"
#include "DemoMailbox.h"
#include "InspectorModel.h"
#include "MailSniffer.h"
#include "MessageFiles.h"
#include "NoticeBar.h"
#include "VerdictBanner.h"
#include "MessageFilterModel.h"
#include "MessageView.h"
#include "ResolverSetup.h"
#include "PostureSection.h"
#include "SecurityPanel.h"
#include "SettingsDialog.h"
#include "Keychain.h"
#include "StoreMessageModel.h"
#include "TrustOfferBar.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSqlDatabase>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace sealcheck::ui {

namespace {
/// The file of an open store (key memory, issue 13): the one the app already uses.
QString storeFile(const MessageStore *store)
{
    return store && store->isOpen() ? QSqlDatabase::database(store->connectionName(), false).databaseName() : QString();
}
} // namespace

// ------------------------------------------------------------------------------- accounts

VerificationSettings MainWindow::appVerificationSettings() const
{
    if (m_baseSettings)
        return *m_baseSettings;
    QSettings qs;
    auto s = AppSettings::load(qs).toVerificationSettings();
    // Key memory in the store the app uses (demo mode sets its own settings, without memory).
    const QString memory = m_store ? storeFile(m_store.get()) : MessageStore::defaultPath();
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

bool MainWindow::openStore(const QString &path, QString *error)
{
    auto store = std::make_unique<MessageStore>();
    const QString p = path.isEmpty() ? MessageStore::defaultPath() : path;
    if (auto r = store->open(p); !r) {
        if (error)
            *error = QString::fromStdString(r.error().message);
        return false;
    }
    if (m_storeModel)
        showOpenedFiles();
    m_store = std::move(store);
    m_storePath = p;
    m_accounts->reload(m_store.get());
    return true;
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
    if (!m_store || !m_store->mailboxRecord(mailboxId))
        return false;
    auto *model = new StoreMessageModel(m_store.get(), mailboxId, this);
    model->setFilter(VerdictFilter(m_filterBox->currentData().toInt()), m_search->text());
    // Sorted and filtered in SQL: a proxy would read every row of a large mailbox.
    m_list->setSortingEnabled(false);
    setListModel(model);
    m_list->setColumnHidden(FileColumn, true); // IMAP messages have no file
    delete m_storeModel;
    m_storeModel = model;
    m_accounts->selectMailbox(mailboxId);
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
}

QString MainWindow::storePath() const { return m_storePath.isEmpty() ? MessageStore::defaultPath() : m_storePath; }

AccountSync *MainWindow::makeSync(qint64 id, bool inbox)
{
    auto *sync = new AccountSync;
    if (inbox) {
        connect(sync, &AccountSync::progress, this, [this](int done, int total) {
            m_progress->setVisible(done < total);
            m_progress->setRange(0, total);
            m_progress->setValue(done);
            m_status->setText(tr("Synchronising: %1 of %n message(s)…", nullptr, total).arg(done));
        });
        connect(sync, &AccountSync::retrying, this, [this, id](const QString &reason, int delayMs) {
            m_accounts->setAccountStatus(id, tr("offline"));
            m_status->setText(tr("%1 Trying again in %n second(s).", nullptr, (delayMs + 999) / 1000).arg(reason));
        });
        connect(sync, &AccountSync::failed, this, [this, id](const QString &message) {
            m_progress->setVisible(false);
            m_accounts->setAccountStatus(id, tr("stopped"));
            m_status->setText(message);
        });
    } else {
        connect(sync, &AccountSync::failed, this, [this](const QString &message) { m_status->setText(message); });
    }
    connect(sync, &AccountSync::mailboxReady, this, [this] {
        if (m_store)
            m_accounts->reload(m_store.get());
    });
    connect(sync, &AccountSync::mailboxesListed, this, [this, id](const QStringList &names) {
        m_accounts->setMailboxOrder(id, names);
        if (m_store)
            m_accounts->reload(m_store.get());
    });
    connect(sync, &AccountSync::flagsChanged, this, [this](qint64 mailboxId, const QList<qint64> &ids) {
        if (m_storeModel && m_storeModel->mailboxId() == mailboxId)
            m_storeModel->updateMessages(ids);
    });
    connect(sync, &AccountSync::staleRechecked, this, [this](qint64 mailboxId, const QList<qint64> &ids) {
        if (!m_storeModel || m_storeModel->mailboxId() != mailboxId)
            return;
        m_storeModel->updateMessages(ids);
        const QModelIndex cur = m_list->currentIndex();
        if (cur.isValid() && ids.contains(cur.data(KeyRole).toLongLong()))
            showCurrent();
    });
    connect(sync, &AccountSync::expunged, this, [this](qint64 mailboxId, const QList<qint64> &) {
        // Deleted on the server by the user's mail client: gone from the list too.
        if (m_storeModel && m_storeModel->mailboxId() == mailboxId)
            m_storeModel->refresh();
    });
    connect(sync, &AccountSync::synced, this, [this, id, inbox](qint64 mailboxId, int added) {
        if (inbox) {
            m_progress->setVisible(false);
            m_accounts->setAccountStatus(id, QString());
            m_status->setText(tr("%n new message(s) checked.", nullptr, added));
        }
        if (m_storeModel && m_storeModel->mailboxId() == mailboxId && added > 0)
            m_storeModel->refresh();
        offerTrust(id, mailboxId);
    });
    return sync;
}

void MainWindow::startSync(qint64 accountId)
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
        o.verification = appVerificationSettings();
        if (m_waitChunkMs > 0)
            o.waitChunkMs = m_waitChunkMs;
        if (m_pollIntervalMs > 0)
            o.pollIntervalMs = m_pollIntervalMs;
        sync->start(o);
    }
}

void MainWindow::syncFolder(qint64 accountId, qint64 mailboxId)
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
    o.verification = appVerificationSettings();
    o.watch = false;
    o.maxRetries = 2;
    sync->start(o);
}

void MainWindow::restartSync(qint64 accountId)
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
    if (!m_store && !openStore({}, &error)) {
        QMessageBox::warning(this, tr("Add account"), tr("The local message store cannot be opened: %1").arg(error));
        d->deleteLater();
        return;
    }
    auto id = d->save(*m_store);
    if (!id) {
        QMessageBox::warning(this, tr("Add account"), QString::fromStdString(id.error().message));
        d->deleteLater();
        return;
    }
    m_accounts->reload(m_store.get());
    const qint64 accountId = *id;
    if (d->password().isEmpty()) {
        startSync(accountId);
        d->deleteLater();
        return;
    }
    // Sync once the keychain holds the password.
    connect(d, &AccountDialog::passwordStored, this, [this, d, accountId](bool ok, const QString &message) {
        if (!ok)
            m_status->setText(message);
        startSync(accountId);
        d->deleteLater();
    });
}

void MainWindow::editSettings()
{
    QSettings qs;
    SettingsDialog d(this);
    d.setSettings(AppSettings::load(qs));
    const QString memory = m_view->securityPanel()->memoryStorePath();
    d.setMemoryStorePath(memory.isEmpty() ? storeFile(m_store.get()) : memory);
    connect(&d, &SettingsDialog::memoryChanged, m_view->securityPanel(), &SecurityPanel::memoryChanged);
    if (d.exec() == QDialog::Accepted) {
        d.settings().store(qs);
        m_status->setText(tr("Settings saved. A new language is used from the next start."));
        // DNS, S/MIME roots, the GnuPG home or trust may have changed: what is shown was
        // verified under the old ones.
        if (m_model->rowCount() > 0 || (m_store && !m_store->accounts().isEmpty())) {
            if (m_ownSettings) { // made from the Settings (not the demo's zone, not a test's)
                setVerificationSettings(appVerificationSettings());
                m_ownSettings = true;
            }
            checkAgain(true);
            m_notice->showNotice(tr("Settings changed: the messages are being checked again with the new settings."));
        }
    }
}

// ------------------------------------------------------------------- edit, remove, trust

void MainWindow::editCurrentAccount()
{
    qint64 id = m_accounts->currentAccountId();
    if (!id && m_store && m_store->accounts().size() == 1)
        id = m_store->accounts().front().id;
    if (id)
        editAccount(id);
    else
        m_status->setText(tr("Select an account in the list on the left first."));
}

void MainWindow::removeCurrentAccount()
{
    qint64 id = m_accounts->currentAccountId();
    if (!id && m_store && m_store->accounts().size() == 1)
        id = m_store->accounts().front().id;
    if (id)
        removeAccount(id);
    else
        m_status->setText(tr("Select an account in the list on the left first."));
}

void MainWindow::editAccount(qint64 accountId)
{
    if (!m_store)
        return;
    const auto account = m_store->account(accountId);
    if (!account)
        return;
    QSettings qs;
    auto verification = AppSettings::load(qs).toVerificationSettings();
    auto *d = new AccountDialog(verification ? verification->resolver : nullptr, this);
    d->setWindowTitle(tr("Edit account"));
    d->setAccount(*account);
    if (d->exec() != QDialog::Accepted) {
        d->deleteLater();
        return;
    }
    auto id = d->save(*m_store);
    if (!id) {
        QMessageBox::warning(this, tr("Edit account"), QString::fromStdString(id.error().message));
        d->deleteLater();
        return;
    }
    m_accounts->reload(m_store.get());
    if (d->password().isEmpty()) {
        restartSync(accountId);
        d->deleteLater();
        return;
    }
    connect(d, &AccountDialog::passwordStored, this, [this, d, accountId](bool ok, const QString &message) {
        if (!ok)
            m_status->setText(message);
        restartSync(accountId);
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
    if (!m_store)
        return false;
    const auto account = m_store->account(accountId);
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

    // Stop and join its syncs first: no worker may write rows of a deleted account.
    for (QHash<qint64, AccountSync *> *syncs : {&m_syncs, &m_folderSyncs}) {
        if (AccountSync *sync = syncs->take(accountId)) {
            sync->stop();
            delete sync; // joins the worker (within its wait chunk)
        }
    }
    if (m_storeModel && m_store->mailboxRecord(m_storeModel->mailboxId())
        && m_store->mailboxRecord(m_storeModel->mailboxId())->accountId == accountId)
        showOpenedFiles();
    if (!m_store->removeAccount(accountId)) { // mailboxes, messages, raw copies and reports cascade
        QMessageBox::warning(this, tr("Remove account"),
                             tr("The account could not be removed from the local store: %1").arg(m_store->lastError()));
        return false;
    }
    m_trustOffered.remove(accountId);
    if (m_trustBar->accountId() == accountId)
        m_trustBar->hide();
    m_accounts->reload(m_store.get());
    const QString name = account->name.isEmpty() ? account->username : account->name;
    Keychain::deletePassword(Keychain::imapKey(account->username, account->host, account->port), this,
                             [this, name](verifier::Expected<bool> r) {
                                 m_status->setText(r ? tr("Account %1 removed.").arg(name)
                                                     : tr("Account %1 removed; its password could not be deleted "
                                                          "from the keychain: %2")
                                                           .arg(name, QString::fromStdString(r.error().message)));
                             });
    revokeOAuthTokens(*account);
    return true;
}

void MainWindow::revokeOAuthTokens(const AccountRecord &account)
{
    // An OAuth account's refresh token is revoked at the provider (RFC 7009, where it offers
    // revocation) and its tokens leave the keychain. Password accounts: nothing to do
    // (removeAccount() already deleted the password).
    if (account.authentication != AuthenticationKind::OAuth)
        return;
    AccountSync::forgetSignIn(account, this, [this](const QString &problem) {
        if (!problem.isEmpty())
            m_status->setText(problem);
    });
}

bool MainWindow::offerTrust(qint64 accountId, qint64 mailboxId)
{
    if (!m_store || m_trustOffered.contains(accountId) || m_trustBar->isVisible())
        return false;
    const auto account = m_store->account(accountId);
    if (!account || !account->trustedAuthservIds.isEmpty())
        return false;
    const QString id = AccountSync::topmostAuthservId(*m_store, mailboxId);
    if (id.isEmpty())
        return false;
    m_trustOffered.insert(accountId);
    m_trustBar->offer(accountId, account->name.isEmpty() ? account->username : account->name, id);
    return true;
}

void MainWindow::trustAuthservId(qint64 accountId, const QString &authservId)
{
    if (!m_store || authservId.isEmpty())
        return;
    auto account = m_store->account(accountId);
    if (!account)
        return;
    if (!account->trustedAuthservIds.contains(authservId, Qt::CaseInsensitive))
        account->trustedAuthservIds << authservId;
    if (auto r = m_store->saveAccount(*account); !r) {
        m_status->setText(tr("The account could not be saved: %1").arg(QString::fromStdString(r.error().message)));
        return;
    }
    // The worker is stopped first (it saves nothing more with the old trust), then restarted: it
    // verifies new mail with the new trust and fetches the stale messages again. The stored mail
    // with a cached raw copy is checked again here, off the UI thread.
    restartSync(accountId);
    reverifyStored({accountId});
    m_status->setText(tr("%1 is now trusted for this account.").arg(authservId));
}

int MainWindow::reverifyStored(const QList<qint64> &accountIds)
{
    if (!m_store)
        return 0;
    // Marked before the re-verification starts: a report saved from now on is made with the new
    // settings and clears the mark.
    int marked = 0;
    for (qint64 id : accountIds) {
        auto ids = m_store->markStale(id);
        if (!ids) {
            m_status->setText(tr("The local message store could not be written: %1").arg(m_store->lastError()));
            continue;
        }
        marked += int(ids->size());
        if (m_storeModel && !ids->isEmpty())
            m_storeModel->updateMessages(QList<qint64>(ids->cbegin(), ids->cend()));
    }
    if (marked > 0) {
        const QModelIndex cur = m_list->currentIndex();
        if (m_storeModel && cur.isValid())
            showCurrent();
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

void MainWindow::startNextReverify()
{
    while (m_store && !m_reverifyQueue.isEmpty()) {
        const qint64 accountId = m_reverifyQueue.takeFirst();
        const auto account = m_store->account(accountId);
        if (!account)
            continue;
        m_reverify->setSettings(AccountSync::settingsFor(*account, appVerificationSettings()));
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

int MainWindow::reverifyPending() const { return m_reverify->pending(); }

} // namespace sealcheck::ui
