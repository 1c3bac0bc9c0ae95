// Issue 13 in the desktop program, as a user meets it (offscreen platform): the security panel's
// one-click actions on a DKIM signature ("Always expect a signature from DOMAIN", "Pin this key",
// "Unpin") write the store the window uses, the messages are verified again, and the settings
// page "Senders and keys" lists the entries and removes them.
//
// Messages: the demo's 07 (news.example, signed with Ed25519) and tests/keymem/data/unsigned-news
// (the same sender a day later without a signature, authorised by SPF). DNS: the demo zone.

#include "InspectorModel.h"
#include "MainWindow.h"
#include "MessageFilterModel.h"
#include "MessageStore.h"
#include "MessageView.h"
#include "SecurityPanel.h"
#include "SenderExpectations.h"
#include "SettingsDialog.h"
#include "VerdictBanner.h"
#include "VerdictStyle.h"
#include "ZoneResolver.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QFileInfo>
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

namespace {

QString demoDir() { return QStringLiteral(SEALCHECK_SOURCE_DIR "/resources/demo"); }
const QString kSigned = demoDir() + QStringLiteral("/messages/07-authenticated-ed25519.eml");
const QString kUnsigned = QStringLiteral(SEALCHECK_SOURCE_DIR "/tests/keymem/data/unsigned-news.eml");

VerificationSettings demoSettings(const QString &memory)
{
    VerificationSettings s;
    auto zone = std::make_shared<verifier::ZoneResolver>();
    std::ifstream in((demoDir() + QStringLiteral("/demo.zone")).toStdString());
    std::stringstream text;
    text << in.rdbuf();
    if (!zone->loadMasterFile(text.str()).ok())
        qFatal("demo zone does not load");
    s.resolver = zone;
    s.fixedNow = QDateTime::fromString(QStringLiteral("2026-11-24T12:00:00Z"), Qt::ISODate).toSecsSinceEpoch();
    s.trust.relays = {"mx.sealcheck-demo.example"};
    s.trust.authservIds = {"mx.sealcheck-demo.example"};
    s.signatures.useSystemCa = false;
    s.signatures.enableOpenPgp = false;
    s.memoryStorePath = memory;
    return s;
}

int rowOf(MainWindow &w, const QString &file)
{
    for (int r = 0; r < w.inspectorModel()->rowCount(); ++r) {
        if (w.inspectorModel()->entryAt(r)->source.contains(QFileInfo(file).fileName()))
            return r;
    }
    return -1;
}

VerdictState stateOf(MainWindow &w, const QString &file)
{
    return VerdictState(w.inspectorModel()->index(rowOf(w, file), 0).data(VerdictStateRole).toInt());
}

void select(MainWindow &w, const QString &file)
{
    w.messageList()->setCurrentIndex(w.filterModel()->mapFromSource(w.inspectorModel()->index(rowOf(w, file), 0)));
}

QPushButton *button(MainWindow &w, const QString &text)
{
    for (QPushButton *b : w.messageView()->securityPanel()->actionButtons()) {
        if (b->text() == text)
            return b;
    }
    return nullptr;
}

QString texts(MainWindow &w)
{
    QStringList out;
    for (QPushButton *b : w.messageView()->securityPanel()->actionButtons())
        out << b->text();
    return out.join(QStringLiteral(" | "));
}

/// Runs @p interact on the settings dialog the window opens from its menu, then closes it.
bool withSettingsDialog(MainWindow &w, const std::function<void(SettingsDialog &)> &interact)
{
    QAction *settings = nullptr;
    for (QAction *a : w.findChildren<QAction *>()) {
        if (a->text().remove(QLatin1Char('&')).startsWith(QStringLiteral("Settings")))
            settings = a;
    }
    if (!settings)
        return false;
    bool ran = false;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        auto *d = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        if (!d || ran)
            return;
        ran = true;
        poll.stop();
        interact(*d);
        d->reject();
    });
    poll.start();
    settings->trigger(); // modal: returns when interact() closed it
    return ran;
}

} // namespace

class tst_KeyMemoryUi : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // The window opens the user's store when one exists: never in a test.
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void alwaysExpectASignature()
    {
        const QString path = m_dir.filePath(QStringLiteral("always.sqlite"));
        MainWindow w;
        QString error;
        QVERIFY2(w.openStore(path, &error), qPrintable(error));
        w.setVerificationSettings(demoSettings(path));
        w.show();
        w.openFiles({kSigned, kUnsigned});
        QTRY_VERIFY_WITH_TIMEOUT(w.isSettled() && w.inspectorModel()->rowCount() == 2, 30000);
        // Before: SPF authorises the unsigned message, so it is authenticated.
        QCOMPARE(stateOf(w, kUnsigned), VerdictState::Authenticated);
        QCOMPARE(stateOf(w, kSigned), VerdictState::Authenticated);

        select(w, kSigned);
        SecurityPanel *panel = w.messageView()->securityPanel();
        QTRY_VERIFY(button(w, QStringLiteral("Always expect a signature from news.example")));
        // The signer is the sender's own domain: no "Accept ... as a signer" offer.
        QVERIFY2(!texts(w).contains(QStringLiteral("Accept")), qPrintable(texts(w)));
        QTest::mouseClick(button(w, QStringLiteral("Always expect a signature from news.example")), Qt::LeftButton);
        QVERIFY2(panel->actionStatus().contains(QStringLiteral("news.example is expected to be signed")),
                 qPrintable(panel->actionStatus()));

        // Both messages are verified again: the unsigned one is now suspicious, with the reason.
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(w, kUnsigned), VerdictState::Suspicious, 30000);
        QTRY_VERIFY(w.isSettled());
        QCOMPARE(stateOf(w, kSigned), VerdictState::Authenticated);
        select(w, kUnsigned);
        QTRY_VERIFY(w.messageView()->banner()->headline().startsWith(QStringLiteral("Suspicious")));
        QVERIFY2(w.messageView()->banner()->reasons().join(QLatin1Char('\n')).contains(
                     QStringLiteral("news.example always signs its mail, but this message has no valid signature by it")),
                 qPrintable(w.messageView()->banner()->reasons().join(QLatin1Char('\n'))));
        QCOMPARE(w.filterModel()->index(w.messageList()->currentIndex().row(), VerdictColumn).data().toString(),
                 QStringLiteral("Suspicious"));

        // The signed message now offers to undo it.
        select(w, kSigned);
        QTRY_VERIFY2(button(w, QStringLiteral("Stop expecting a signature from news.example")), qPrintable(texts(w)));

        // Settings › Senders and keys lists the expectation; removing it restores the verdict.
        bool listed = false;
        QVERIFY(withSettingsDialog(w, [&](SettingsDialog &d) {
            d.pages()->setCurrentIndex(1);
            listed = d.pages()->tabText(1) == QStringLiteral("Senders and keys") &&
                     d.alwaysSignsList()->topLevelItemCount() == 1 &&
                     d.alwaysSignsList()->topLevelItem(0)->text(0) == QStringLiteral("news.example") &&
                     d.pinnedKeysList()->topLevelItemCount() == 0 && d.acceptedSignersList()->topLevelItemCount() == 0;
            QVERIFY(!d.removeAlwaysSignsButton()->isEnabled());
            d.alwaysSignsList()->setCurrentItem(d.alwaysSignsList()->topLevelItem(0));
            QVERIFY(d.removeAlwaysSignsButton()->isEnabled());
            QTest::mouseClick(d.removeAlwaysSignsButton(), Qt::LeftButton);
            QCOMPARE(d.alwaysSignsList()->topLevelItemCount(), 0);
        }));
        QVERIFY(listed);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(w, kUnsigned), VerdictState::Authenticated, 30000);
        // And the store agrees after a restart of the window.
        MessageStore store;
        QVERIFY(store.open(path).ok());
        QVERIFY(SenderExpectations(store).alwaysSigningDomains().isEmpty());
    }

    void pinAndUnpin()
    {
        const QString path = m_dir.filePath(QStringLiteral("pin.sqlite"));
        MainWindow w;
        QVERIFY(w.openStore(path));
        w.setVerificationSettings(demoSettings(path));
        w.openFiles({kSigned});
        QTRY_VERIFY_WITH_TIMEOUT(w.isSettled() && w.inspectorModel()->rowCount() == 1, 30000);
        select(w, kSigned);
        SecurityPanel *panel = w.messageView()->securityPanel();
        QTRY_VERIFY2(button(w, QStringLiteral("Pin this key")), qPrintable(texts(w)));
        QVERIFY(!panel->checksText().contains(QStringLiteral("Pinned key")));
        QTest::mouseClick(button(w, QStringLiteral("Pin this key")), Qt::LeftButton);
        QVERIFY2(panel->actionStatus().contains(QStringLiteral("news.example (selector ed) is pinned")),
                 qPrintable(panel->actionStatus()));
        // Verified again: the panel says the key matches the pin and offers to unpin.
        QTRY_VERIFY_WITH_TIMEOUT(panel->checksText().contains(QStringLiteral("Pinned key: matches the key you pinned")), 30000);
        QVERIFY(button(w, QStringLiteral("Unpin")));

        bool listed = false;
        QVERIFY(withSettingsDialog(w, [&](SettingsDialog &d) {
            listed = d.pinnedKeysList()->topLevelItemCount() == 1 &&
                     d.pinnedKeysList()->topLevelItem(0)->text(0) == QStringLiteral("news.example") &&
                     d.pinnedKeysList()->topLevelItem(0)->text(1) == QStringLiteral("ed") &&
                     !d.pinnedKeysList()->topLevelItem(0)->text(2).isEmpty();
        }));
        QVERIFY(listed);

        QTest::mouseClick(button(w, QStringLiteral("Unpin")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(button(w, QStringLiteral("Pin this key")), 30000);
        QTRY_VERIFY(!panel->checksText().contains(QStringLiteral("Pinned key")));
    }

    void acceptSigner()
    {
        // A newsletter of company.example (DMARC p=none) signed by its sending service news.example.
        const QString newsletter = QStringLiteral(SEALCHECK_SOURCE_DIR "/tests/keymem/data/newsletter-service-signed.eml");
        const QString path = m_dir.filePath(QStringLiteral("signer.sqlite"));
        MainWindow w;
        QVERIFY(w.openStore(path));
        w.setVerificationSettings(demoSettings(path));
        w.openFiles({newsletter});
        QTRY_VERIFY_WITH_TIMEOUT(w.isSettled() && w.inspectorModel()->rowCount() == 1, 30000);
        QCOMPARE(stateOf(w, newsletter), VerdictState::Suspicious);
        select(w, newsletter);
        const QString accept = QStringLiteral("Accept news.example as a signer for company.example");
        QTRY_VERIFY2(button(w, accept), qPrintable(texts(w)));
        // Not the sender's own signature: nothing to "always expect" from company.example.
        QVERIFY2(!texts(w).contains(QStringLiteral("Always expect")), qPrintable(texts(w)));
        QTest::mouseClick(button(w, accept), Qt::LeftButton);
        // DMARC fails under p=none: suspicious, which the user's exception never turns green
        // (ARCHITECTURE.md, "Verdict"); it applies only to otherwise unauthenticated mail.
        QTest::qWait(500);
        QTRY_VERIFY(w.isSettled());
        QCOMPARE(stateOf(w, newsletter), VerdictState::Suspicious);
    }

    void noMemoryNoActions()
    {
        // Demo-like settings without a store: the panel explains the checks and offers nothing.
        MainWindow w;
        w.setVerificationSettings(demoSettings(QString()));
        w.openFiles({kSigned});
        QTRY_VERIFY_WITH_TIMEOUT(w.isSettled() && w.inspectorModel()->rowCount() == 1, 30000);
        select(w, kSigned);
        QTRY_VERIFY(w.messageView()->securityPanel()->checksText().contains(QStringLiteral("Signature by news.example")));
        QVERIFY(w.messageView()->securityPanel()->actionButtons().isEmpty());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(tst_KeyMemoryUi)
#include "tst_keymemoryui.moc"
