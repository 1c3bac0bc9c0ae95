#include "MainWindow.h"

#include "AccountDialog.h"
#include "AccountSync.h"
#include "AccountsPane.h"
#include "DemoMailbox.h"
#include "InspectorModel.h"
#include "MessageFileIndex.h"
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

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_model(new InspectorModel(this)), m_filter(new MessageFilterModel(this)),
      m_list(new QTableView(this)), m_view(new MessageView(this)), m_filterBox(new QComboBox(this)),
      m_search(new QLineEdit(this)), m_progress(new QProgressBar(this)), m_status(new QLabel(this)),
      m_scheduler(new VerificationScheduler(this)), m_accounts(new AccountsPane(this)),
      m_trustBar(new TrustOfferBar(this)), m_reverify(new VerificationScheduler(this))
{
    setWindowTitle(tr("Sealcheck"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/sealcheck.svg")));
    setAcceptDrops(true);

    m_filter->setSourceModel(m_model);
    m_list->setModel(m_filter);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(-1, Qt::AscendingOrder);
    m_list->verticalHeader()->hide();
    m_list->setWordWrap(false);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_list->horizontalHeader()->setStretchLastSection(false);
    m_list->horizontalHeader()->setSectionResizeMode(SubjectColumn, QHeaderView::Stretch);
    m_list->setColumnWidth(VerdictColumn, 150);
    m_list->setColumnWidth(FromColumn, 300);
    m_list->setColumnWidth(DateColumn, 140);
    m_list->setAccessibleName(tr("Messages"));
    m_list->setTabKeyNavigation(false);

    m_filterBox->addItem(tr("All messages"), int(VerdictFilter::All));
    m_filterBox->addItem(tr("Only forged and suspicious"), int(VerdictFilter::ForgedOrSuspicious));
    m_filterBox->addItem(tr("Forged"), int(VerdictFilter::Forged));
    m_filterBox->addItem(tr("Suspicious"), int(VerdictFilter::Suspicious));
    m_filterBox->addItem(tr("Authenticated"), int(VerdictFilter::Authenticated));
    m_filterBox->addItem(tr("Unauthenticated"), int(VerdictFilter::Unauthenticated));
    m_filterBox->setAccessibleName(tr("Show"));
    m_search->setPlaceholderText(tr("Search sender and subject"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search"));

    auto *listPane = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    // Mnemonics: one letter per key at each level (tst_mainwindow::mnemonicsDoNotClash).
    auto *showLabel = new QLabel(tr("Sho&w:"), listPane);
    showLabel->setBuddy(m_filterBox);
    bar->addWidget(showLabel);
    bar->addWidget(m_filterBox);
    bar->addWidget(m_search, 1);
    listLayout->addWidget(m_trustBar);
    listLayout->addLayout(bar);
    listLayout->addWidget(m_list, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(listPane);
    splitter->addWidget(m_view);
    splitter->setSizes({330, 430});
    auto *outer = new QSplitter(Qt::Horizontal, this);
    outer->addWidget(m_accounts);
    outer->addWidget(splitter);
    outer->setStretchFactor(1, 1);
    outer->setSizes({200, 900});
    setCentralWidget(outer);

    m_progress->setMaximumWidth(200);
    m_progress->setVisible(false);
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_progress);
    m_status->setText(tr("Drop .eml or mbox files here, or open the demo (File › Open demo mailbox)."));

    connect(m_filterBox, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setVerdictFilter(VerdictFilter(m_filterBox->currentData().toInt()));
        applyListFilter();
    });
    connect(m_search, &QLineEdit::textChanged, m_filter, &MessageFilterModel::setSearchText);
    connect(m_search, &QLineEdit::textChanged, this, &MainWindow::applyListFilter);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::showCurrent);
    connect(m_accounts, &AccountsPane::openedFilesSelected, this, &MainWindow::showOpenedFiles);
    connect(m_accounts, &AccountsPane::mailboxSelected, this, [this](qint64 accountId, qint64 mailboxId) {
        if (m_storeModel && m_storeModel->mailboxId() == mailboxId)
            return;
        if (showMailbox(mailboxId))
            syncFolder(accountId, mailboxId);
    });
    connect(m_accounts, &AccountsPane::editAccountRequested, this, &MainWindow::editAccount);
    connect(m_accounts, &AccountsPane::removeAccountRequested, this, &MainWindow::removeAccount);
    connect(m_trustBar, &TrustOfferBar::trustAccepted, this, &MainWindow::trustAuthservId);
    connect(m_trustBar, &TrustOfferBar::declined, this, [this](qint64 accountId) { m_trustOffered.insert(accountId); });
    connect(m_reverify, &VerificationScheduler::reportReady, this, [this](qint64 messageId, const verifier::Report &report) {
        if (!m_store)
            return;
        m_store->saveReport(messageId, report);
        if (m_storeModel)
            m_storeModel->updateMessages({messageId});
        const QModelIndex cur = m_list->currentIndex();
        if (m_storeModel && cur.isValid() && cur.data(KeyRole).toLongLong() == messageId)
            showCurrent();
    });
    connect(m_reverify, &VerificationScheduler::progress, this, [this](int done, int total) {
        m_status->setText(done < total ? tr("Checking again with the new trust setting: %1 of %n message(s)…", nullptr, total).arg(done)
                                       : tr("%n message(s) checked again.", nullptr, total));
        if (done == total && m_reverifyAccount != 0) {
            const qint64 finished = m_reverifyAccount;
            m_reverifyAccount = 0;
            emit reverified(finished);
            startNextReverify();
        }
    });
    connect(m_scheduler, &VerificationScheduler::reportReady, this, &MainWindow::onReport);
    connect(m_scheduler, &VerificationScheduler::failed, this, &MainWindow::onFailed);
    connect(m_scheduler, &VerificationScheduler::progress, this, &MainWindow::onProgress);
    // Key memory (issue 13): after a pin, unpin or expectation change, verify the opened files again.
    connect(m_view->securityPanel(), &SecurityPanel::memoryChanged, this, [this] {
        for (int r = 0; r < m_model->rowCount(); ++r)
            enqueue(m_model->entryAt(r)->key);
        // The stored mail of every account too: the key memory is shared by all of them.
        if (m_store) {
            QList<qint64> ids;
            for (const AccountRecord &a : m_store->accounts())
                ids << a.id;
            reverifyStored(ids);
        }
    });
    connect(m_scheduler, &VerificationScheduler::memoryProblem, this,
            [this](const QString &error) { m_status->setText(tr("The key memory could not be used: %1").arg(error)); });

    buildMenus();
    resize(1100, 760);
    // An existing store (accounts added before) is opened and synced; none is created until
    // the user adds an account.
    if (QFile::exists(MessageStore::defaultPath()) && openStore())
        QTimer::singleShot(0, this, [this] { startSync(); });
}

MainWindow::~MainWindow()
{
    for (AccountSync *sync : std::as_const(m_syncs))
        sync->stop();
    for (AccountSync *sync : std::as_const(m_folderSyncs))
        sync->stop();
    qDeleteAll(m_syncs); // each joins its worker
    m_syncs.clear();
    qDeleteAll(m_folderSyncs);
    m_folderSyncs.clear();
    m_reverify->cancel();
    m_reverify->waitForDone();
    m_scheduler->cancel();
    m_scheduler->waitForDone();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open messages…"), this, &MainWindow::openDialog);
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("Open &demo mailbox"), this, [this] {
        QString error;
        if (!loadDemo(&error))
            QMessageBox::warning(this, tr("Demo"), error);
    });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *accounts = menuBar()->addMenu(tr("&Accounts"));
    accounts->addAction(tr("&Add account…"), this, &MainWindow::addAccount);
    accounts->addAction(tr("&Edit account…"), this, &MainWindow::editCurrentAccount);
    accounts->addAction(tr("&Remove account…"), this, &MainWindow::removeCurrentAccount);
    QAction *settings = accounts->addAction(tr("&Settings…"), this, &MainWindow::editSettings);
    settings->setShortcut(QKeySequence::Preferences);

    QMenu *message = menuBar()->addMenu(tr("&Message"));
    QAction *copy = message->addAction(tr("&Copy report"), m_view, &MessageView::copyReport);
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QAction *find = message->addAction(tr("&Search"), this, [this] { m_search->setFocus(); });
    find->setShortcut(QKeySequence::Find);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Sealcheck"), this, &MainWindow::about);
}

void MainWindow::setVerificationSettings(const VerificationSettings &settings)
{
    m_scheduler->setSettings(settings);
    m_settingsReady = true;
    m_view->securityPanel()->setMemoryStorePath(settings.memoryStorePath);
    m_view->securityPanel()->postureSection()->setResolver(settings.resolver); // the domain check (issue 10)
}

void MainWindow::setAccountVerificationSettings(const VerificationSettings &settings) { m_baseSettings = settings; }

void MainWindow::setSyncIntervals(int waitChunkMs, int pollIntervalMs)
{
    m_waitChunkMs = waitChunkMs;
    m_pollIntervalMs = pollIntervalMs;
}

void MainWindow::enqueue(qint64 key)
{
    if (!m_settingsReady)
        setVerificationSettings(appVerificationSettings());
    m_model->queueVerification(key);
    feedScheduler();
}

void MainWindow::feedScheduler()
{
    // At most this many messages are in the scheduler's hands (queued, running, or their report
    // not yet delivered); the rest wait in the model as keys and are read from their files when
    // their turn comes.
    constexpr int kBatch = 256;
    while (m_scheduler->total() - m_scheduler->done() < kBatch) {
        const auto key = m_model->takeQueued();
        if (!key)
            return;
        QString error;
        const auto raw = m_model->raw(*key, &error);
        if (!raw) {
            m_model->setError(*key, error);
            continue;
        }
        m_model->updateSummary(*key, *raw);
        m_scheduler->enqueue(*key, *raw, m_model->sourceOf(*key));
    }
}

void MainWindow::openFiles(const QStringList &paths)
{
    QStringList problems;
    for (const QString &path : paths) {
        // Indexed, not read: a message's bytes are read when it is verified or shown (issue 24).
        const QByteArray local = path.toLocal8Bit();
        auto index = indexMessageFile(std::string(local.constData(), size_t(local.size())));
        if (!index) {
            problems << QString::fromStdString(index.error().message);
            continue;
        }
        const qsizetype count = qsizetype(index->spans.size());
        if (index->truncated)
            problems << tr("%1: only the first %n message(s) were opened", nullptr, int(count)).arg(path);
        const qint64 first = m_model->addFile(std::move(*index));
        for (qint64 key = first; key < first + count; ++key)
            enqueue(key);
    }
    if (!problems.isEmpty())
        m_status->setText(problems.join(QStringLiteral("; ")));
    if (!m_list->currentIndex().isValid() && m_filter->rowCount() > 0)
        m_list->setCurrentIndex(m_filter->index(0, 0));
}

bool MainWindow::loadDemo(QString *error)
{
    auto demo = DemoMailbox::load();
    if (!demo) {
        if (error)
            *error = QString::fromStdString(demo.error().message);
        return false;
    }
    m_demo = std::move(*demo);
    setVerificationSettings(m_demo->settings());
    for (const auto &m : m_demo->messages())
        enqueue(m_model->addMessage(tr("Demo: %1").arg(m.name), m.raw));
    setWindowTitle(tr("Sealcheck — demo mailbox"));
    if (!m_list->currentIndex().isValid() && m_filter->rowCount() > 0)
        m_list->setCurrentIndex(m_filter->index(0, 0));
    return true;
}

bool MainWindow::isSettled() const
{
    return m_model->queuedCount() == 0 && m_scheduler->pending() == 0 && m_scheduler->done() == m_scheduler->total();
}

bool MainWindow::selectFirst(const QString &verdictName)
{
    const VerdictState wanted = stateFromName(verdictName);
    for (int r = 0; r < m_filter->rowCount(); ++r) {
        const QModelIndex idx = m_filter->index(r, 0);
        if (VerdictState(idx.data(VerdictStateRole).toInt()) == wanted) {
            m_list->setCurrentIndex(idx);
            return true;
        }
    }
    return false;
}

void MainWindow::showCurrent()
{
    const QModelIndex idx = m_list->currentIndex();
    if (!idx.isValid()) {
        m_view->clear();
        return;
    }
    const qint64 key = idx.data(KeyRole).toLongLong();
    if (m_storeModel && m_store) {
        const auto raw = m_store->raw(key);
        const auto report = m_store->report(key);
        const auto row = m_store->message(key);
        m_view->showMessage(raw.value_or(QByteArray()), report,
                            raw || report ? QString() : tr("This message has not been downloaded yet."),
                            row && row->stale);
        return;
    }
    if (!m_model->entry(key)) {
        m_view->clear();
        return;
    }
    QString error = m_model->error(key);
    const auto raw = m_model->raw(key, &error);
    const auto report = m_model->report(key);
    if (raw && !report && error.isEmpty()) {
        // The selected message goes first: from the model's queue straight to the scheduler, and
        // one whose report is no longer kept (InspectorModel::kMaxReports) is verified again.
        if (m_model->isVerified(key) || m_model->unqueue(key))
            m_scheduler->enqueue(key, *raw, m_model->sourceOf(key));
        m_scheduler->prioritize(key);
    }
    m_view->showMessage(raw.value_or(QByteArray()), report, error);
}

void MainWindow::onReport(qint64 key, const verifier::Report &report)
{
    m_model->setReport(key, report);
    feedScheduler();
    if (m_storeModel)
        return;
    if (m_list->currentIndex().isValid() && m_list->currentIndex().data(KeyRole).toLongLong() == key)
        showCurrent();
}

void MainWindow::onFailed(qint64 key, const QString &error)
{
    m_model->setError(key, error);
    feedScheduler();
    if (m_storeModel)
        return;
    if (m_list->currentIndex().isValid() && m_list->currentIndex().data(KeyRole).toLongLong() == key)
        showCurrent();
}

void MainWindow::onProgress(int done, int total)
{
    m_progress->setVisible(done < total);
    m_progress->setRange(0, total);
    m_progress->setValue(done);
    m_status->setText(done < total ? tr("Checking %1 of %n message(s)…", nullptr, total).arg(done + 1)
                                   : tr("%n message(s) checked.", nullptr, total));
    if (done == total)
        emit settled();
}

void MainWindow::openDialog()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open messages"), QString(),
                                                            tr("Messages (*.eml *.mbox *.txt);;All files (*)"));
    if (!files.isEmpty())
        openFiles(files);
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Sealcheck"),
                       tr("Sealcheck %1\n\nChecks who really sent your e-mail: it recomputes SPF, DKIM, DMARC, "
                          "ARC, S/MIME and OpenPGP on your own computer. It never changes your mailbox unless "
                          "you ask it to, never loads remote content, and keeps passwords only in your keychain.")
                           .arg(QStringLiteral(SEALCHECK_VERSION)));
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    if (!paths.isEmpty()) {
        openFiles(paths);
        event->acceptProposedAction();
    }
}

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
    delete m_storeModel;
    m_storeModel = model;
    m_accounts->selectMailbox(mailboxId);
    return true;
}

void MainWindow::showOpenedFiles()
{
    setListModel(m_filter);
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
