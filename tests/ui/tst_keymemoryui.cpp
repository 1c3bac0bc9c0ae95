// Issue 13 in the desktop program, as a user meets it (offscreen platform): the security panel's
// one-click actions on a DKIM signature ("Always expect a signature from DOMAIN", "Pin this key",
// "Unpin") write the store the window uses, the messages are verified again, and the settings
// page "Senders and keys" lists the entries and removes them.
//
// Messages: the demo's 07 (news.example, signed with Ed25519) and tests/keymem/data/unsigned-news
// (the same sender a day later without a signature, authorised by SPF). DNS: the demo zone.

#include "DesktopTestSupport.h"
#include "InspectorModel.h"
#include "MainWindow.h"
#include "MessageFilterModel.h"
#include "MessageStore.h"
#include "MessageView.h"
#include "SecurityPanel.h"
#include "SenderExpectations.h"
#include "SettingsDialog.h"
#include "MessageColumns.h"
#include "VerdictBanner.h"
#include "VerdictStyle.h"
#include "ZoneResolver.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QMessageBox>
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

const QString kSigned = demoDir() + QStringLiteral("/messages/07-authenticated-ed25519.eml");
const QString kUnsigned = QStringLiteral(SEALCHECK_SOURCE_DIR "/tests/keymem/data/unsigned-news.eml");

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


/// Answers the next modal message box (the confirmation a click opens) with @p answer.
void answerQuestion(const std::function<void(QMessageBox &)> &answer)
{
    auto *poll = new QTimer;
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, [poll, answer] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        poll->stop();
        poll->deleteLater();
        answer(*box);
    });
    poll->start();
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

    void acceptSignerNotOfferedOnSuspiciousOrForged()
    {
        // Issue 20, point 1: a p=none newsletter signed by its service is suspicious (DMARC fail),
        // a p=reject bank signed by the same service is forged: neither offers to accept the
        // signer, which would turn a phish green with one click.
        const QString newsletter = QStringLiteral(SEALCHECK_SOURCE_DIR "/tests/keymem/data/newsletter-service-signed.eml");
        const QString bank = QStringLiteral(SEALCHECK_SOURCE_DIR "/tests/keymem/data/service-signed-bank.eml");
        const QString path = m_dir.filePath(QStringLiteral("nooffer.sqlite"));
        MainWindow w;
        QVERIFY(w.openStore(path));
        w.setVerificationSettings(demoSettings(path));
        w.openFiles({newsletter, bank});
        QTRY_VERIFY_WITH_TIMEOUT(w.isSettled() && w.inspectorModel()->rowCount() == 2, 30000);
        QCOMPARE(stateOf(w, newsletter), VerdictState::Suspicious);
        QCOMPARE(stateOf(w, bank), VerdictState::Forged);
        for (const QString &file : {newsletter, bank}) {
            select(w, file);
            QTRY_VERIFY(w.messageView()->securityPanel()->checksText().contains(QStringLiteral("Signature by news.example")));
            QVERIFY2(!texts(w).contains(QStringLiteral("Accept")), qPrintable(texts(w)));
        }
    }

    void acceptSignerAsksAndShowsTheException()
    {
        // A club (no DMARC record: unauthenticated) whose mail its service news.example signs.
        const QString club = QStringLiteral(SEALCHECK_SOURCE_DIR "/tests/keymem/data/club-service-signed.eml");
        const QString path = m_dir.filePath(QStringLiteral("signer.sqlite"));
        MainWindow w;
        QVERIFY(w.openStore(path));
        VerificationSettings settings = demoSettings(path);
        settings.fixedNow = QDateTime::currentSecsSinceEpoch(); // signed 2026-12-06 (t=)
        w.setVerificationSettings(settings);
        w.openFiles({club});
        QTRY_VERIFY_WITH_TIMEOUT(w.isSettled() && w.inspectorModel()->rowCount() == 1, 30000);
        QCOMPARE(stateOf(w, club), VerdictState::Unauthenticated);
        select(w, club);
        const QString accept = QStringLiteral("Accept news.example as a signer for smallclub.example…");
        QTRY_VERIFY2(button(w, accept), qPrintable(texts(w)));

        // Cancelled: nothing is remembered, the verdict stays.
        QString question;
        answerQuestion([&](QMessageBox &box) {
            question = box.text();
            box.button(QMessageBox::Cancel)->click();
        });
        QTest::mouseClick(button(w, accept), Qt::LeftButton);
        QVERIFY(question.contains(QStringLiteral("anyone who can send mail through news.example can then write in the "
                                                 "name of smallclub.example")));
        QVERIFY(question.contains(QStringLiteral("Forged and suspicious mail stays forged and suspicious")));
        QTest::qWait(300);
        QCOMPARE(stateOf(w, club), VerdictState::Unauthenticated);
        QVERIFY(button(w, accept));

        // Accepted: shown as the user's exception, never as plain authenticated.
        answerQuestion([](QMessageBox &box) {
            for (QAbstractButton *b : box.buttons()) {
                if (box.buttonRole(b) == QMessageBox::AcceptRole)
                    b->click();
            }
        });
        QTest::mouseClick(button(w, accept), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(w, club), VerdictState::Authenticated, 30000);
        const QString label = QStringLiteral("✓ signed by news.example for smallclub.example — your exception");
        QTRY_COMPARE(w.filterModel()->index(0, VerdictColumn).data().toString(), label);
        QVERIFY(w.filterModel()->index(0, VerdictColumn).data(Qt::ForegroundRole).value<QColor>()
                != verdictColor(VerdictState::Authenticated, QApplication::palette()));
        QTRY_VERIFY(w.messageView()->banner()->headline().startsWith(label));
        QVERIFY2(!w.messageView()->banner()->headline().contains(QStringLiteral("really comes from")),
                 qPrintable(w.messageView()->banner()->headline()));
        QTRY_VERIFY(w.messageView()->securityPanel()->checksText().contains(
            QStringLiteral("Accepted signer: you accepted news.example as a signer for smallclub.example")));

        bool listed = false;
        QVERIFY(withSettingsDialog(w, [&](SettingsDialog &d) {
            listed = d.acceptedSignersList()->topLevelItemCount() == 1 &&
                     d.acceptedSignersList()->topLevelItem(0)->text(0) == QStringLiteral("news.example") &&
                     d.acceptedSignersList()->topLevelItem(0)->text(1) == QStringLiteral("smallclub.example");
            d.acceptedSignersList()->setCurrentItem(d.acceptedSignersList()->topLevelItem(0));
            QTest::mouseClick(d.removeSignerButton(), Qt::LeftButton);
        }));
        QVERIFY(listed);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(w, club), VerdictState::Unauthenticated, 30000);
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
