#include "MainWindow.h"

#include "AccountDialog.h"
#include "AccountSync.h"
#include "AccountsPane.h"
#include "DemoMailbox.h"
#include "InspectorModel.h"
#include "MessageFiles.h"
#include "MessageFilterModel.h"
#include "MessageView.h"
#include "ResolverSetup.h"
#include "SettingsDialog.h"
#include "StoreMessageModel.h"

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
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace sealcheck::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_model(new InspectorModel(this)), m_filter(new MessageFilterModel(this)),
      m_list(new QTableView(this)), m_view(new MessageView(this)), m_filterBox(new QComboBox(this)),
      m_search(new QLineEdit(this)), m_progress(new QProgressBar(this)), m_status(new QLabel(this)),
      m_scheduler(new VerificationScheduler(this)), m_accounts(new AccountsPane(this))
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
    auto *showLabel = new QLabel(tr("&Show:"), listPane);
    showLabel->setBuddy(m_filterBox);
    bar->addWidget(showLabel);
    bar->addWidget(m_filterBox);
    bar->addWidget(m_search, 1);
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
    connect(m_accounts, &AccountsPane::mailboxSelected, this, [this](qint64, qint64 mailboxId) { showMailbox(mailboxId); });
    connect(m_scheduler, &VerificationScheduler::reportReady, this, &MainWindow::onReport);
    connect(m_scheduler, &VerificationScheduler::failed, this, &MainWindow::onFailed);
    connect(m_scheduler, &VerificationScheduler::progress, this, &MainWindow::onProgress);

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
    qDeleteAll(m_syncs); // each joins its worker
    m_syncs.clear();
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
}

void MainWindow::enqueue(qint64 key)
{
    if (!m_settingsReady) {
        m_scheduler->setSettings(appVerificationSettings());
        m_settingsReady = true;
    }
    if (const auto *e = m_model->entry(key))
        m_scheduler->enqueue(key, e->raw, e->source);
}

void MainWindow::openFiles(const QStringList &paths)
{
    QStringList problems;
    for (const QString &path : paths) {
        const QByteArray local = path.toLocal8Bit();
        auto inputs = readMessages(std::string(local.constData(), size_t(local.size())));
        if (!inputs) {
            problems << QString::fromStdString(inputs.error().message);
            continue;
        }
        for (MessageInput &in : *inputs) {
            const qint64 key = m_model->addMessage(QString::fromStdString(in.source),
                                                   QByteArray(in.bytes.data(), qsizetype(in.bytes.size())));
            enqueue(key);
        }
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

bool MainWindow::isSettled() const { return m_scheduler->pending() == 0 && m_scheduler->done() == m_scheduler->total(); }

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
        m_view->showMessage(raw.value_or(QByteArray()), report,
                            raw || report ? QString() : tr("This message has not been downloaded yet."));
        return;
    }
    const auto *e = m_model->entry(key);
    if (!e) {
        m_view->clear();
        return;
    }
    if (!e->report && e->error.isEmpty())
        m_scheduler->prioritize(key); // the selected message goes first
    m_view->showMessage(e->raw, e->report, e->error);
}

void MainWindow::onReport(qint64 key, const verifier::Report &report)
{
    m_model->setReport(key, report);
    if (m_storeModel)
        return;
    if (m_list->currentIndex().isValid() && m_list->currentIndex().data(KeyRole).toLongLong() == key)
        showCurrent();
}

void MainWindow::onFailed(qint64 key, const QString &error)
{
    m_model->setError(key, error);
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
    m_status->setText(done < total ? tr("Checking %1 of %2 messages…").arg(done + 1).arg(total)
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
    QSettings qs;
    auto s = AppSettings::load(qs).toVerificationSettings();
    if (s)
        return *s;
    VerificationSettings fallback;
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

void MainWindow::startSync(qint64 accountId)
{
    if (!m_store)
        return;
    for (const AccountRecord &a : m_store->accounts()) {
        if ((accountId && a.id != accountId) || (m_syncs.contains(a.id) && m_syncs.value(a.id)->isRunning()))
            continue;
        AccountSync *sync = m_syncs.value(a.id);
        if (!sync) {
            sync = new AccountSync;
            m_syncs.insert(a.id, sync);
            const qint64 id = a.id;
            connect(sync, &AccountSync::progress, this, [this](int done, int total) {
                m_progress->setVisible(done < total);
                m_progress->setRange(0, total);
                m_progress->setValue(done);
                m_status->setText(tr("Synchronising: %1 of %2 messages…").arg(done).arg(total));
            });
            connect(sync, &AccountSync::mailboxReady, this, [this] { m_accounts->reload(m_store.get()); });
            connect(sync, &AccountSync::synced, this, [this, id](qint64 mailboxId, int added) {
                m_progress->setVisible(false);
                m_accounts->setAccountStatus(id, QString());
                m_status->setText(tr("%n new message(s) checked.", nullptr, added));
                if (m_storeModel && m_storeModel->mailboxId() == mailboxId && added > 0)
                    m_storeModel->refresh();
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
        }
        AccountSyncOptions o;
        o.accountId = a.id;
        o.storePath = MessageStore::defaultPath();
        o.verification = appVerificationSettings();
        sync->start(o);
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
    if (d.exec() == QDialog::Accepted) {
        d.settings().store(qs);
        m_status->setText(tr("Settings saved. A new language is used from the next start."));
    }
}

} // namespace sealcheck::ui
