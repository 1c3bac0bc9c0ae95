// Issue 20, point 8 (offscreen): a new user's empty window shows a welcome pane, not an empty
// list — three buttons that do what the menu items do (Add account…, Open a file…, Try the demo),
// and the pane gives way to the list once there is something to show.

#include "AccountDialog.h"
#include "DesktopTestSupport.h"
#include "InspectorModel.h"
#include "MainWindow.h"
#include "MessageStore.h"
#include "MessageView.h"
#include "WelcomePane.h"

#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace sealcheck;
using namespace sealcheck::ui;
using desktoptest::onNextModal;
using desktoptest::demoDir;

namespace {

bool welcomeShown(const MainWindow &w)
{
    return w.welcomePane()->isVisible() && !w.messageList()->isVisible() && !w.messageView()->isVisible();
}

} // namespace

class tst_WelcomePane : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // never the user's own store
        // A first start: no store from an earlier test run.
        QFile::remove(MessageStore::defaultPath());
    }

    void shownAtFirstStart()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(welcomeShown(w));
        QCOMPARE(w.welcomePane()->addAccountButton()->text(), QStringLiteral("Add account…"));
        QCOMPARE(w.welcomePane()->openFileButton()->text(), QStringLiteral("Open a file…"));
        QCOMPARE(w.welcomePane()->demoButton()->text(), QStringLiteral("Try the demo"));
        for (QPushButton *b : {w.welcomePane()->addAccountButton(), w.welcomePane()->openFileButton(),
                               w.welcomePane()->demoButton()})
            QVERIFY2(b->isVisible() && b->isEnabled(), qPrintable(b->text()));
    }

    void tryTheDemo()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::mouseClick(w.welcomePane()->demoButton(), Qt::LeftButton);
        QVERIFY(!welcomeShown(w));
        QVERIFY(w.messageList()->isVisible());
        QVERIFY(w.windowTitle().contains(QStringLiteral("demo")));
        QVERIFY(w.messageList()->model()->rowCount() >= 10);
        QTRY_VERIFY_WITH_TIMEOUT(w.isSettled(), 30000);
    }

    void openAFile()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QString file = demoDir() + QStringLiteral("/messages/01-authenticated-bank.eml");
        bool fileDialog = false;
        onNextModal([&](QWidget *modal) {
            auto *d = qobject_cast<QFileDialog *>(modal);
            fileDialog = d != nullptr;
            if (!d)
                return (void)modal->close();
            // The dialog lists its folder in the background, and until it has, selectFile()
            // selects nothing: type the name in the file name field, as a person would.
            d->setDirectory(QFileInfo(file).absolutePath());
            if (auto *name = d->findChild<QLineEdit *>(QStringLiteral("fileNameEdit")))
                name->setText(QFileInfo(file).fileName());
            else
                d->selectFile(file);
            QMetaObject::invokeMethod(d, "accept"); // what the Open button does
            QTimer::singleShot(5000, d, &QWidget::close); // never hang the run if it refused
        });
        QTest::mouseClick(w.welcomePane()->openFileButton(), Qt::LeftButton);
        QVERIFY(fileDialog);
        QCOMPARE(w.inspectorModel()->rowCount(), 1);
        QVERIFY(!welcomeShown(w));
        QVERIFY(w.messageList()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(w.isSettled(), 30000);
    }

    void addAccountOpensTheWizard()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        int page = -1;
        onNextModal([&](QWidget *modal) {
            if (auto *d = qobject_cast<AccountDialog *>(modal))
                page = d->currentPage();
            modal->close(); // cancelled: nothing is added
        });
        QTest::mouseClick(w.welcomePane()->addAccountButton(), Qt::LeftButton);
        QCOMPARE(page, int(AccountDialog::AddressPage));
        QVERIFY(welcomeShown(w)); // still nothing to show
    }

    void notShownWithAnAccount()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store.sqlite"));
        {
            MessageStore store;
            QVERIFY(store.open(path).ok());
            AccountRecord a;
            a.name = QStringLiteral("Work");
            a.host = QStringLiteral("imap.example.com");
            a.username = QStringLiteral("alice");
            QVERIFY(store.saveAccount(a).ok());
        }
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(welcomeShown(w));
        QVERIFY(w.openStore(path));
        QVERIFY(!welcomeShown(w));
    }
};

QTEST_MAIN(tst_WelcomePane)
#include "tst_welcomepane.moc"
