// Issue 20, point 8: adding an account is a short wizard that fits a 768-px screen — 1 the
// address and how to sign in, 2 the server and provider found for it with the trust lists folded
// under "Advanced", 3 the sign-in, 4 the connection test — and after Finish the new account's
// Inbox is selected and shown. The last row runs against a real Dovecot on 127.0.0.1 (the fixture
// of tests/common/DovecotServer.h): the self-signed certificate is offered, trusted, the test
// passes, and the Inbox shows the server's mail. Skips without dovecot or the private keyring
// (scripts/testenv/with-keyring.sh; ctest runs it so).
#include "AccountDialog.h"
#include "AccountSync.h"
#include "AccountsPane.h"
#include "DemoMailbox.h"
#include "MainWindow.h"
#include "MessageStore.h"
#include "StoreMessageModel.h"
#include "ZoneResolver.h"

#include "DovecotServer.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>

#include <algorithm>
#include <functional>

using namespace sealcheck;
using namespace sealcheck::ui;
using namespace dovecottest;

namespace {

constexpr int kScreenHeight = 768;
constexpr int kScreenWidth = 1024;

std::shared_ptr<const verifier::Resolver> zone()
{
    auto z = std::make_shared<verifier::ZoneResolver>();
    if (!z->loadMasterFile("_imaps._tcp.example.com. 300 IN SRV 0 1 993 mail.example.com.\n").ok())
        qFatal("test zone does not load");
    return z;
}

/// The dialog's height with its frame, as laid out now.
int shownHeight(AccountDialog &d)
{
    QApplication::processEvents();
    return std::max(d.frameGeometry().height(), d.sizeHint().height());
}

QString title(const AccountDialog &d)
{
    for (QLabel *l : d.findChildren<QLabel *>()) {
        if (l->isVisible() && l->text().startsWith(QStringLiteral("Step ")))
            return l->text();
    }
    return {};
}

} // namespace

class tst_AccountWizard : public QObject
{
    Q_OBJECT
    Dovecot m_dovecot;

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanupTestCase() { m_dovecot.stop(); }

    void pagesInOrder()
    {
        AccountDialog d(zone());
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        // 1: the address and how to sign in; nothing else.
        QCOMPARE(d.currentPage(), int(AccountDialog::AddressPage));
        QCOMPARE(title(d), QStringLiteral("Step 1 of 4: your e-mail address"));
        QVERIFY(d.emailEdit()->isVisible());
        QVERIFY(d.authenticationBox()->isVisible());
        QVERIFY(!d.hostEdit()->isVisible());
        QVERIFY(!d.passwordEdit()->isVisible());
        QVERIFY(!d.authservEdit()->isVisible());
        QVERIFY(!d.backButton()->isEnabled());
        QVERIFY(d.nextButton()->isVisible());
        QVERIFY(!d.finishButton()->isVisible());
        QVERIFY2(shownHeight(d) <= kScreenHeight, qPrintable(QString::number(shownHeight(d))));
        QVERIFY2(std::max(d.width(), d.sizeHint().width()) <= kScreenWidth, qPrintable(QString::number(d.sizeHint().width())));

        // 2: what discovery found, the expert section folded.
        QSignalSpy found(&d, &AccountDialog::discoveryFinished);
        d.emailEdit()->setText(QStringLiteral("alice@example.com"));
        QTest::mouseClick(d.nextButton(), Qt::LeftButton);
        QCOMPARE(d.currentPage(), int(AccountDialog::ServerPage));
        QCOMPARE(title(d), QStringLiteral("Step 2 of 4: server and mail provider"));
        QVERIFY(found.wait(10000));
        QCOMPARE(d.hostEdit()->text(), QStringLiteral("mail.example.com"));
        QVERIFY(d.hostEdit()->isVisible());
        QVERIFY(d.providerBox()->isVisible());
        QVERIFY(d.statusLabel()->isVisible());
        QVERIFY2(d.statusLabel()->text().contains(QStringLiteral("mail.example.com")), qPrintable(d.statusLabel()->text()));
        QVERIFY(d.advancedButton()->isVisible());
        QVERIFY(!d.advancedButton()->isChecked());
        for (QPlainTextEdit *expert : {d.authservEdit(), d.relaysEdit(), d.arcSealersEdit()})
            QVERIFY(!expert->isVisible());
        QVERIFY(!d.phishingBox()->isVisible());
        QVERIFY2(shownHeight(d) <= kScreenHeight, qPrintable(QString::number(shownHeight(d))));
        // Unfolded, the trust lists show, and the dialog still fits the screen.
        QTest::mouseClick(d.advancedButton(), Qt::LeftButton);
        for (QPlainTextEdit *expert : {d.authservEdit(), d.relaysEdit(), d.arcSealersEdit()})
            QVERIFY(expert->isVisible());
        d.adjustSize();
        QVERIFY2(shownHeight(d) <= kScreenHeight, qPrintable(QString::number(shownHeight(d))));
        QVERIFY2(std::max(d.width(), d.sizeHint().width()) <= kScreenWidth, qPrintable(QString::number(d.sizeHint().width())));

        // 3: sign in (a password account: user name and password).
        QTest::mouseClick(d.nextButton(), Qt::LeftButton);
        QCOMPARE(title(d), QStringLiteral("Step 3 of 4: sign in"));
        QVERIFY(d.userEdit()->isVisible());
        QCOMPARE(d.userEdit()->text(), QStringLiteral("alice@example.com"));
        QVERIFY(d.passwordEdit()->isVisible());
        QVERIFY(!d.signInButton()->isVisible());
        QVERIFY(!d.hostEdit()->isVisible());
        QVERIFY(d.finishButton()->isVisible());

        // 4: the connection test, the last page.
        QTest::mouseClick(d.nextButton(), Qt::LeftButton);
        QCOMPARE(title(d), QStringLiteral("Step 4 of 4: test the connection"));
        QVERIFY(d.testButton()->isVisible());
        QVERIFY(!d.nextButton()->isVisible());
        QVERIFY(d.finishButton()->isVisible());
        QVERIFY2(shownHeight(d) <= kScreenHeight, qPrintable(QString::number(shownHeight(d))));
        QTest::mouseClick(d.backButton(), Qt::LeftButton);
        QCOMPARE(d.currentPage(), int(AccountDialog::SignInPage));
        // The ARC sealers typed under Advanced are saved with the account.
        d.arcSealersEdit()->setPlainText(QStringLiteral("Google.com\n\ngoogle.com"));
        QCOMPARE(d.account().trustedArcSealers, QStringList{QStringLiteral("Google.com")});
    }

    void editingOpensAtTheServerPage()
    {
        AccountRecord a;
        a.id = 7;
        a.name = QStringLiteral("Work");
        a.host = QStringLiteral("imap.example.com");
        a.username = QStringLiteral("alice@example.com");
        a.trustedArcSealers = {QStringLiteral("google.com")};
        AccountDialog d(nullptr);
        d.setAccount(a);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QCOMPARE(d.currentPage(), int(AccountDialog::ServerPage));
        QVERIFY(d.hostEdit()->isVisible());
        QVERIFY(d.finishButton()->isVisible()); // a stored account is saved from any page
        QCOMPARE(d.arcSealersEdit()->toPlainText(), QStringLiteral("google.com"));
    }

    void finishShowsTheNewInbox()
    {
        if (const QString why = m_dovecot.setUp(); !why.isEmpty())
            QSKIP(qPrintable(why));
        if (!qEnvironmentVariableIsSet("SEALCHECK_KEYRING_TEST"))
            QSKIP("needs a private keyring: run through scripts/testenv/with-keyring.sh (ctest does)");
        QVERIFY(m_dovecot.deliver(message(1, "First")));
        QVERIFY(m_dovecot.deliver(message(2, "Second")));
        auto demo = DemoMailbox::load();
        QVERIFY(demo.ok());
        QTemporaryDir dir;
        MainWindow w;
        w.setAccountVerificationSettings((*demo)->settings());
        w.setSyncIntervals(300, 1000);
        QVERIFY(w.openStore(dir.filePath(QStringLiteral("store.sqlite"))));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        QStringList seen; // what the wizard said, for a failure's diagnosis
        bool tested = false;
        auto *timer = new QTimer(&w);
        timer->setInterval(20);
        connect(timer, &QTimer::timeout, timer, [&, timer] {
            auto *d = qobject_cast<AccountDialog *>(QApplication::activeModalWidget());
            if (!d)
                return;
            timer->stop();
            d->emailEdit()->setText(QStringLiteral("alice@example.com"));
            d->hostEdit()->setText(QStringLiteral("127.0.0.1")); // typed: discovery leaves it alone
            QTest::mouseClick(d->nextButton(), Qt::LeftButton);
            d->portBox()->setValue(m_dovecot.port);
            QTest::mouseClick(d->nextButton(), Qt::LeftButton);
            d->userEdit()->setText(kUser);
            d->passwordEdit()->setText(kPassword);
            QTest::mouseClick(d->nextButton(), Qt::LeftButton);
            QSignalSpy result(d, &AccountDialog::connectionTested);
            // The server's certificate is self-signed: offered with its pin, trusted on a click.
            QTest::mouseClick(d->testButton(), Qt::LeftButton);
            if (result.wait(20000) && d->trustCertificateButton()->isVisible()) {
                seen << result.front().at(1).toString();
                QTest::mouseClick(d->trustCertificateButton(), Qt::LeftButton);
                QTest::mouseClick(d->testButton(), Qt::LeftButton);
                tested = result.wait(20000) && result.size() == 2 && result.at(1).at(0).toBool();
                if (result.size() > 1)
                    seen << result.at(1).at(1).toString();
            }
            QTest::mouseClick(d->finishButton(), Qt::LeftButton);
        });
        timer->start();
        w.addAccount();
        QVERIFY2(tested, qPrintable(seen.join(QLatin1String(" | "))));
        QCOMPARE(w.store()->accounts().size(), 1);
        const qint64 account = w.store()->accounts().front().id;
        // The new account's Inbox is selected and shown, with the server's mail.
        QTRY_VERIFY_WITH_TIMEOUT(w.storeModel() != nullptr, 30000);
        const auto box = w.store()->mailboxRecord(w.storeModel()->mailboxId());
        QVERIFY(box);
        QCOMPARE(box->accountId, account);
        QCOMPARE(box->name, QStringLiteral("INBOX"));
        QTreeWidgetItem *current = w.accountsPane()->tree()->currentItem();
        QVERIFY(current);
        QVERIFY2(current->text(0).startsWith(QStringLiteral("Inbox")), qPrintable(current->text(0)));
        QTRY_COMPARE_WITH_TIMEOUT(w.messageList()->model()->rowCount(), 2, 30000);
        QVERIFY(w.messageList()->isVisible());
        if (w.inboxSync(account))
            w.inboxSync(account)->stop();
    }
};

QTEST_MAIN(tst_AccountWizard)
#include "tst_accountwizard.moc"
