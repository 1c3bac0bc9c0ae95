#include "MainWindow.h"

#include "AccountManager.h"
#include "AccountSync.h"
#include "AccountsPane.h"
#include "DemoMailbox.h"
#include "InspectorModel.h"
#include "MailSniffer.h"
#include "MessageFileIndex.h"
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
#include "WelcomePane.h"

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
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace sealcheck::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_model(new InspectorModel(this)), m_filter(new MessageFilterModel(this)),
      m_list(new QTableView(this)), m_view(new MessageView(this)), m_filterBox(new QComboBox(this)),
      m_search(new QLineEdit(this)), m_progress(new QProgressBar(this)), m_status(new QLabel(this)),
      m_scheduler(new VerificationScheduler(this)), m_accounts(new AccountsPane(this)),
      m_manager(new AccountManager([this] { return appVerificationSettings(); }, this)),
      m_trustBar(new TrustOfferBar(this)), m_welcome(new WelcomePane(this)), m_listStack(new QStackedWidget(this)),
      m_notice(new NoticeBar(this)), m_searchDelay(new QTimer(this))
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
    m_list->setColumnWidth(VerdictColumn, 210);
    m_list->setColumnWidth(FromColumn, 260);
    // Wide enough for the longest date of the locale's short format (issue 20: dates were cut).
    const QString longestDate = QLocale().toString(QDateTime(QDate(2026, 12, 28), QTime(23, 58)), QLocale::ShortFormat);
    m_list->setColumnWidth(DateColumn, m_list->fontMetrics().horizontalAdvance(longestDate) + 24);
    m_list->setColumnWidth(FileColumn, 160);
    m_list->setAccessibleName(tr("Messages"));
    m_list->setTabKeyNavigation(false);

    m_filterBox->addItem(tr("All messages"), int(VerdictFilter::All));
    m_filterBox->addItem(tr("Only forged and suspicious"), int(VerdictFilter::ForgedOrSuspicious));
    m_filterBox->addItem(tr("Forged"), int(VerdictFilter::Forged));
    m_filterBox->addItem(tr("Suspicious"), int(VerdictFilter::Suspicious));
    m_filterBox->addItem(tr("Authenticated"), int(VerdictFilter::Authenticated));
    m_filterBox->addItem(tr("Unauthenticated"), int(VerdictFilter::Unauthenticated));
    m_filterBox->addItem(tr("Not checked"), int(VerdictFilter::NotChecked));
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
    listLayout->addWidget(m_notice);
    listLayout->addLayout(bar);
    m_listStack->addWidget(m_list);
    m_listStack->addWidget(m_welcome);
    listLayout->addWidget(m_listStack, 1);

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

    connect(m_filterBox, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setVerdictFilter(VerdictFilter(m_filterBox->currentData().toInt()));
        applyListFilter();
    });
    // Typing filters once the user pauses (issue 20: every key filtered 17,000 rows at once).
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &MainWindow::applySearch);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_searchDelay->isActive())
            applySearch();
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::showCurrent);
    connect(m_accounts, &AccountsPane::openedFilesSelected, this, &MainWindow::showOpenedFiles);
    connect(m_welcome, &WelcomePane::addAccountRequested, this, &MainWindow::addAccount);
    connect(m_welcome, &WelcomePane::openFileRequested, this, &MainWindow::openDialog);
    connect(m_welcome, &WelcomePane::demoRequested, this, &MainWindow::loadDemoOrWarn);
    connectAccounts();
    connect(m_scheduler, &VerificationScheduler::reportReady, this, &MainWindow::onReport);
    connect(m_scheduler, &VerificationScheduler::failed, this, &MainWindow::onFailed);
    connect(m_scheduler, &VerificationScheduler::progress, this, &MainWindow::onProgress);
    // Key memory (issue 13): after a pin, unpin or expectation change, verify the opened files
    // again, and the stored mail of every account too (the key memory is shared by all of them).
    connect(m_view->securityPanel(), &SecurityPanel::memoryChanged, this, [this] { checkAgain(true); });
    connect(m_view->banner(), &VerdictBanner::retryRequested, this, &MainWindow::retryCurrent);
    connect(m_notice, &NoticeBar::actionTriggered, this, [this] { checkAgain(true); });
    connect(m_scheduler, &VerificationScheduler::memoryProblem, this,
            [this](const QString &error) { m_status->setText(tr("The key memory could not be used: %1").arg(error)); });

    buildMenus();
    resize(1100, 760);
    // An existing store (accounts added before) is opened and synced; none is created until
    // the user adds an account.
    if (QFile::exists(MessageStore::defaultPath()) && openStore())
        QTimer::singleShot(0, this, [this] { startSync(); });
    updateWelcome();
}

MainWindow::~MainWindow()
{
    delete m_storeModel; // reads the manager's store
    m_storeModel = nullptr;
    delete m_manager; // joins the syncs and the re-verification
    m_manager = nullptr;
    m_scheduler->cancel();
    m_scheduler->waitForDone();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open messages…"), this, &MainWindow::openDialog);
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("Open &demo mailbox"), this, &MainWindow::loadDemoOrWarn);
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
    QAction *copy = message->addAction(tr("&Copy report"), this, [this] {
        if (!m_list->currentIndex().isValid()) {
            statusBar()->showMessage(tr("Select a message first."), 4000);
            return;
        }
        m_view->copyReport();
        statusBar()->showMessage(tr("The report of this message was copied to the clipboard."), 4000);
    });
    QAction *again = message->addAction(tr("Check &again"), this, [this] { checkAgain(true); });
    again->setShortcut(QKeySequence::Refresh);
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QAction *find = message->addAction(tr("&Search"), this, [this] { m_search->setFocus(); });
    find->setShortcut(QKeySequence::Find);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Sealcheck"), this, &MainWindow::about);
}

void MainWindow::setVerificationSettings(const VerificationSettings &settings)
{
    m_fileBase = settings;
    applyFileSettings();
}

void MainWindow::applyFileSettings()
{
    const VerificationSettings settings = fileVerificationSettings();
    m_scheduler->setSettings(settings);
    m_settingsReady = true;
    m_view->securityPanel()->setMemoryStorePath(settings.memoryStorePath);
    m_view->securityPanel()->postureSection()->setResolver(settings.resolver); // the domain check (issue 10)
}

void MainWindow::setAccountVerificationSettings(const VerificationSettings &settings) { m_manager->setBaseSettings(settings); }

void MainWindow::setSyncIntervals(int waitChunkMs, int pollIntervalMs) { m_manager->setSyncIntervals(waitChunkMs, pollIntervalMs); }

void MainWindow::enqueue(qint64 key)
{
    if (!m_settingsReady)
        applyFileSettings(); // the Settings dialog's, with the trust for files
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
    QStringList problems, refused;
    for (const QString &path : paths) {
        // Sniffed from its first bytes, then indexed, not read: a message's bytes are read when it
        // is verified or shown (issue 24).
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) {
            const NotMailReason why = sniffMail(path, file.read(4096));
            file.close();
            if (why != NotMailReason::None) {
                refused << notMailText(QFileInfo(path).fileName(), why);
                continue;
            }
        }
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
    if (!refused.isEmpty())
        m_notice->showNotice(refused.join(QLatin1Char('\n')));
    if (!problems.isEmpty() || !refused.isEmpty())
        m_status->setText((problems + refused).join(QStringLiteral("; ")));
    updateWelcome();
    if (!m_list->currentIndex().isValid() && m_filter->rowCount() > 0)
        m_list->setCurrentIndex(m_filter->index(0, 0));
}

QString MainWindow::notMailText(const QString &fileName, NotMailReason why)
{
    switch (why) {
    case NotMailReason::Empty: return tr("%1 is empty: there is no message in it.").arg(fileName);
    case NotMailReason::Image: return tr("%1 is a picture, not an e-mail message.").arg(fileName);
    case NotMailReason::Document: return tr("%1 is a document (such as a PDF), not an e-mail message.").arg(fileName);
    case NotMailReason::Archive: return tr("%1 is a compressed archive; unpack it and open the messages in it.").arg(fileName);
    case NotMailReason::Binary: return tr("%1 is not text, so it is not an e-mail message.").arg(fileName);
    case NotMailReason::NoHeader:
        return tr("%1 does not start like an e-mail message (a header such as \"From: ...\") or an mbox file.").arg(fileName);
    case NotMailReason::None: break;
    }
    return {};
}

void MainWindow::applySearch()
{
    m_searchDelay->stop();
    m_filter->setSearchText(m_search->text());
    applyListFilter();
}

void MainWindow::retryCurrent()
{
    const QModelIndex idx = m_list->currentIndex();
    if (!idx.isValid())
        return;
    const qint64 key = idx.data(KeyRole).toLongLong();
    if (m_storeModel) {
        m_manager->retryStored(key);
        return;
    }
    m_model->setPending(key);
    m_view->banner()->showPending();
    enqueue(key);
    m_scheduler->prioritize(key);
}

void MainWindow::checkAgain(bool storedToo)
{
    for (int r = 0; r < m_model->rowCount(); ++r) {
        m_model->setPending(m_model->entryAt(r)->key);
        enqueue(m_model->entryAt(r)->key);
    }
    if (storedToo)
        m_manager->reverifyAll();
    if (m_list->currentIndex().isValid())
        showCurrent();
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
    updateWelcome();
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
    if (MessageStore *store = m_manager->store(); m_storeModel && store) {
        const auto raw = store->raw(key);
        const auto report = store->report(key);
        const auto row = store->message(key);
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
    if (done == total) {
        alertNotChecked();
        emit settled();
    }
}

void MainWindow::alertNotChecked()
{
    // A DNS failure hits every message at once: one alert, not a list of silent rows.
    int notChecked = 0;
    QString cause;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const auto *e = m_model->entryAt(r);
        const std::optional<verifier::Report> report = m_model->report(e->key);
        if (!report)
            continue;
        // NotChecked, or (from an engine before issue 20) a DNS error that left it unauthenticated.
        bool failed = report->verdict == verifier::Verdict::NotChecked;
        for (const verifier::Finding &f : report->reasons) {
            if (f.code == verifier::FindingCode::NotCheckedDns || f.code == verifier::FindingCode::DmarcTemporaryError)
                failed = true;
            if (f.code == verifier::FindingCode::NotCheckedDns && f.args.size() > 2 && cause.isEmpty())
                cause = QString::fromStdString(f.args[2]);
        }
        if (failed && report->verdict != verifier::Verdict::Forged && report->verdict != verifier::Verdict::Suspicious)
            ++notChecked;
    }
    if (notChecked == 0)
        return;
    const QString text = cause.isEmpty()
        ? tr("%n message(s) could not be checked now. This is not a verdict about the sender.", nullptr, notChecked)
        : tr("%n message(s) could not be checked: DNS did not answer (%1). Check your network connection or the DNS "
             "server in Settings.", nullptr, notChecked).arg(cause);
    m_notice->showNotice(text, tr("&Check again"));
}

void MainWindow::loadDemoOrWarn()
{
    QString error;
    if (!loadDemo(&error))
        QMessageBox::warning(this, tr("Demo"), error);
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

} // namespace sealcheck::ui
