// Issue 19 in the desktop program (offscreen): the domains the user knows are kept in the store the
// window uses and reach every verification of the desktop. The demo's lookalike message
// (rnybank.example, validly signed by its own domain) is authenticated while nothing is known;
// adding mybank.example in Settings › Senders and keys makes it suspicious at once, with the reason
// in words; removing the domain makes it authenticated again, and the removal is kept.

#include "DesktopTestSupport.h"
#include "InspectorModel.h"
#include "KnownDomains.h"
#include "MainWindow.h"
#include "MessageStore.h"
#include "MessageView.h"
#include "SettingsDialog.h"
#include "VerdictBanner.h"
#include "VerdictStyle.h"
#include "ZoneResolver.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <fstream>
#include <functional>
#include <sstream>

using namespace sealcheck;
using namespace sealcheck::ui;
using desktoptest::demoDir;
using desktoptest::demoSettings;
using desktoptest::withSettingsDialog;

namespace {

const QString kLookalike = demoDir() + QStringLiteral("/messages/05-suspicious-lookalike.eml");

VerdictState stateOf(MainWindow &w)
{
    return VerdictState(w.inspectorModel()->index(0, 0).data(VerdictStateRole).toInt());
}

} // namespace

class tst_KnownDomainsUi : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void addAndRemoveInSettings()
    {
        const QString path = m_dir.filePath(QStringLiteral("known.sqlite"));
        MainWindow w;
        QString error;
        QVERIFY2(w.openStore(path, &error), qPrintable(error));
        w.setVerificationSettings(demoSettings(path));
        w.show();
        w.openFiles({kLookalike});
        QTRY_VERIFY_WITH_TIMEOUT(w.isSettled() && w.inspectorModel()->rowCount() == 1, 30000);
        // Nothing known yet: the lookalike's own signature authenticates it.
        QCOMPARE(stateOf(w), VerdictState::Authenticated);

        bool listed = false;
        QVERIFY(withSettingsDialog(w, [&](SettingsDialog &d) {
            d.pages()->setCurrentIndex(1);
            QCOMPARE(d.knownDomainsList()->topLevelItemCount(), 0);
            QVERIFY(!d.addKnownDomainButton()->isEnabled());
            // Not a domain: refused with a message, nothing stored.
            d.knownDomainEdit()->setText(QStringLiteral("my bank"));
            QTimer::singleShot(50, [] {
                if (QWidget *box = QApplication::activeModalWidget())
                    box->close();
            });
            QTest::mouseClick(d.addKnownDomainButton(), Qt::LeftButton);
            QCOMPARE(d.knownDomainsList()->topLevelItemCount(), 0);
            d.knownDomainEdit()->setText(QStringLiteral("MyBank.example"));
            QVERIFY(d.addKnownDomainButton()->isEnabled());
            QTest::mouseClick(d.addKnownDomainButton(), Qt::LeftButton);
            listed = d.knownDomainsList()->topLevelItemCount() == 1 &&
                     d.knownDomainsList()->topLevelItem(0)->text(0) == QStringLiteral("mybank.example") &&
                     d.knownDomainsList()->topLevelItem(0)->text(1) == QStringLiteral("you added it");
        }));
        QVERIFY(listed);
        // Verified again at once: suspicious, and the banner says why.
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(w), VerdictState::Suspicious, 30000);
        w.messageList()->setCurrentIndex(w.messageList()->model()->index(0, 0));
        QTRY_VERIFY(w.messageView()->banner()->headline().startsWith(QStringLiteral("Suspicious")));
        const QString reasons = w.messageView()->banner()->reasons().join(QLatin1Char('\n'));
        QVERIFY2(reasons.contains(QStringLiteral("mybank.example")), qPrintable(reasons));

        QVERIFY(withSettingsDialog(w, [&](SettingsDialog &d) {
            d.pages()->setCurrentIndex(1);
            QCOMPARE(d.knownDomainsList()->topLevelItemCount(), 1);
            d.knownDomainsList()->setCurrentItem(d.knownDomainsList()->topLevelItem(0));
            QTest::mouseClick(d.removeKnownDomainButton(), Qt::LeftButton);
            QCOMPARE(d.knownDomainsList()->topLevelItemCount(), 0);
        }));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(w), VerdictState::Authenticated, 30000);
        // The removal is kept: an account or learning cannot bring it back.
        MessageStore store;
        QVERIFY(store.open(path).ok());
        KnownDomains known(store);
        QVERIFY(known.list().isEmpty());
        QVERIFY(known.addAccountDomain(QStringLiteral("me@mybank.example"), 1).ok());
        QVERIFY(known.list().isEmpty());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(tst_KnownDomainsUi)
#include "tst_knowndomainsui.moc"
