// Accounts in the desktop window (issue 7), on the offscreen platform and without a server:
// the folder tree in the server's order, editing and removing an account, the offer to trust the
// provider's authserv-id, and flag changes reaching the list without a reload.
// (Against a real Dovecot: tst_folders.)
#include "AccountDialog.h"
#include "DesktopTestSupport.h"
#include "AccountSync.h"
#include "AccountsPane.h"
#include "DemoMailbox.h"
#include "ListTask.h"
#include "MainWindow.h"
#include "MessageStore.h"
#include "StoreMessageModel.h"
#include "StoreTestSupport.h"
#include "TrustOfferBar.h"
#include "Verifier.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <functional>

using namespace sealcheck;
using namespace sealcheck::ui;
using desktoptest::onNextModal;

namespace {

imap::ListEntry entry(const QByteArray &name, QList<QByteArray> attributes = {})
{
    imap::ListEntry e;
    e.name = name;
    e.delimiter = "/";
    e.attributes = std::move(attributes);
    return e;
}

MessageRow row(qint64 mailboxId, quint32 uid, const QString &subject, const QString &flags = {})
{
    MessageRow r;
    r.mailboxId = mailboxId;
    r.uid = uid;
    r.fromHeader = QStringLiteral("Sender <s%1@example.com>").arg(uid);
    r.fromAddress = QStringLiteral("s%1@example.com").arg(uid);
    r.subject = subject;
    r.date = QDateTime(QDate(2026, 11, 1), QTime(10, 0), Qt::UTC).addSecs(qint64(uid) * 60);
    r.flags = flags;
    return r;
}

QTreeWidgetItem *accountItem(QTreeWidget *tree, qint64 accountId)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = tree->topLevelItem(i);
        if (item->data(0, AccountsPane::KindRole).toInt() == AccountsPane::AccountItem
            && item->data(0, AccountsPane::IdRole).toLongLong() == accountId)
            return item;
    }
    return nullptr;
}

} // namespace

class tst_DesktopAccounts : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_stores = 0;

    /// A fresh store with one account (no trusted authserv-id) and its INBOX.
    QString newStore(qint64 *accountId, qint64 *inboxId)
    {
        const QString path = m_dir.filePath(QStringLiteral("store%1.sqlite").arg(++m_stores));
        return storetest::storeWithAccount(path, QStringLiteral("imap.example.com"), 993, accountId, inboxId) ? path : QString();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // never the user's own store
        QVERIFY(m_dir.isValid());
    }

    void folderDisplayOrder_data()
    {
        QTest::addColumn<QList<imap::ListEntry>>("listed");
        QTest::addColumn<QStringList>("shown");
        QTest::addRow("special-use first")
            << QList<imap::ListEntry>{entry("Archive", {"\\Archive"}), entry("Zebra"), entry("Spam", {"\\Junk"}),
                                      entry("INBOX"), entry("Sent Items", {"\\Sent"}), entry("Entwürfe", {"\\Drafts"}),
                                      entry("Bin", {"\\Trash", "\\HasNoChildren"}), entry("apple")}
            << QStringList{QStringLiteral("INBOX"), QStringLiteral("Sent Items"), QStringLiteral("Spam"),
                           QStringLiteral("Entwürfe"), QStringLiteral("Archive"), QStringLiteral("Bin"),
                           QStringLiteral("apple"), QStringLiteral("Zebra")};
        QTest::addRow("noselect and nonexistent skipped")
            << QList<imap::ListEntry>{entry("[Gmail]", {"\\Noselect", "\\HasChildren"}), entry("[Gmail]/Sent", {"\\Sent"}),
                                      entry("Gone", {"\\NonExistent"}), entry("inbox")}
            << QStringList{QStringLiteral("INBOX"), QStringLiteral("[Gmail]/Sent")};
        QTest::addRow("modified utf-7 decoded, duplicates once")
            << QList<imap::ListEntry>{entry("&AMQ-lter"), entry("INBOX"), entry("INBOX")}
            << QStringList{QStringLiteral("INBOX"), QStringLiteral("Älter")};
        QTest::addRow("empty") << QList<imap::ListEntry>{} << QStringList{};
    }

    void folderDisplayOrder()
    {
        QFETCH(QList<imap::ListEntry>, listed);
        QFETCH(QStringList, shown);
        QCOMPARE(imap::ListTask::displayNames(listed), shown);
    }

    void treeShowsTheServersFolders()
    {
        qint64 account = 0, inbox = 0;
        const QString path = newStore(&account, &inbox);
        MessageStore store;
        QVERIFY(store.open(path).ok());
        for (const char *name : {"Archive", "Old", "Sent Items"})
            QVERIFY(store.mailbox(account, QString::fromUtf8(name)).ok());
        AccountsPane pane;
        pane.reload(&store);
        // Before any LIST: Inbox first, the others by name.
        QCOMPARE(pane.shownMailboxes(account),
                 (QStringList{QStringLiteral("Inbox"), QStringLiteral("Archive"), QStringLiteral("Old"), QStringLiteral("Sent Items")}));
        // After LIST: the server's order; "Old" is gone from the server and from the tree.
        pane.setMailboxOrder(account, {QStringLiteral("INBOX"), QStringLiteral("Sent Items"), QStringLiteral("Archive")});
        pane.reload(&store);
        QCOMPARE(pane.shownMailboxes(account),
                 (QStringList{QStringLiteral("Inbox"), QStringLiteral("Sent Items"), QStringLiteral("Archive")}));
    }

    void selectingAFolderShowsItsMessages()
    {
        qint64 account = 0, inbox = 0;
        const QString path = newStore(&account, &inbox);
        {
            MessageStore store;
            QVERIFY(store.open(path).ok());
            const qint64 archive = *store.mailbox(account, QStringLiteral("Archive"));
            QVERIFY(store.saveMessages({row(inbox, 1, QStringLiteral("In the inbox"))}).ok());
            QVERIFY(store.saveMessages({row(archive, 1, QStringLiteral("Old invoice")), row(archive, 2, QStringLiteral("Old letter"))}).ok());
        }
        MainWindow w;
        QVERIFY(w.openStore(path));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // Keyboard only: from "Opened files" down to the account, its Inbox, then Archive.
        QTreeWidget *tree = w.accountsPane()->tree();
        tree->setFocus();
        tree->setCurrentItem(tree->topLevelItem(0));
        QTest::keyClick(tree, Qt::Key_Down); // the account
        QTest::keyClick(tree, Qt::Key_Down); // Inbox
        QVERIFY(w.storeModel());
        QCOMPARE(w.messageList()->model()->rowCount(), 1);
        QCOMPARE(w.messageList()->model()->index(0, SubjectColumn).data().toString(), QStringLiteral("In the inbox"));
        QTest::keyClick(tree, Qt::Key_Down); // Archive
        QCOMPARE(tree->currentItem()->text(0), QStringLiteral("Archive"));
        QCOMPARE(w.messageList()->model()->rowCount(), 2);
        QCOMPARE(w.messageList()->model()->index(0, SubjectColumn).data().toString(), QStringLiteral("Old letter"));
        // Showing Archive starts a sync of it (one round); the inbox is never synced twice.
        QVERIFY(w.folderSync(account));
        w.folderSync(account)->stop();
    }

    void flagChangesUpdateRowsWithoutReset()
    {
        qint64 account = 0, inbox = 0;
        const QString path = newStore(&account, &inbox);
        MessageStore store;
        QVERIFY(store.open(path).ok());
        QVector<MessageRow> rows;
        for (quint32 uid = 1; uid <= 500; ++uid)
            rows.push_back(row(inbox, uid, QStringLiteral("Message %1").arg(uid), QStringLiteral("\\Seen")));
        rows[499].flags.clear(); // uid 500, the newest: unread
        QVERIFY(store.saveMessages(rows).ok());
        StoreMessageModel model(&store, inbox);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto bold = [&](int r) { return model.index(r, SubjectColumn).data(Qt::FontRole).value<QFont>().bold(); };
        QVERIFY(bold(0));  // unread
        QVERIFY(!bold(1)); // read
        QVERIFY(model.index(1, SubjectColumn).data(Qt::DecorationRole).isNull());
        const int loads = model.pageLoads();

        // The server reports new flags (CONDSTORE): uid 500 read, uid 499 flagged, unread and $Phishing.
        const qint64 newest = *store.messageId(inbox, 500);
        const qint64 second = *store.messageId(inbox, 499);
        auto m = store.message(newest);
        m->flags = QStringLiteral("\\Seen");
        QVERIFY(store.saveMessage(*m).ok());
        m = store.message(second);
        m->flags = QStringLiteral("\\Flagged $Phishing");
        QVERIFY(store.saveMessage(*m).ok());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QCOMPARE(model.updateMessages({newest, second}), 2);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(model.pageLoads(), loads); // no page read again
        QVERIFY(!bold(0));
        QVERIFY(bold(1));
        QVERIFY(model.index(1, SubjectColumn).data(FlaggedRole).toBool());
        QVERIFY(!model.index(1, SubjectColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
        const QString spoken = model.index(1, SubjectColumn).data(Qt::AccessibleTextRole).toString();
        QVERIFY2(spoken.contains(QStringLiteral("flagged")) && spoken.contains(QStringLiteral("phishing")), qPrintable(spoken));
        // A row not cached is not counted; it is read fresh when shown.
        QCOMPARE(model.updateMessages({*store.messageId(inbox, 1)}), 0);
    }

    void editAccount()
    {
        qint64 account = 0, inbox = 0;
        const QString path = newStore(&account, &inbox);
        MainWindow w;
        QVERIFY(w.openStore(path));
        QString seenName;
        onNextModal([&](QWidget *modal) {
            auto *d = qobject_cast<AccountDialog *>(modal);
            if (!d)
                return modal->close();
            seenName = d->nameEdit()->text();
            d->nameEdit()->setText(QStringLiteral("Work (renamed)"));
            d->accept();
            return true;
        });
        w.editAccount(account);
        QCOMPARE(seenName, QStringLiteral("Work")); // the dialog opened on the stored account
        QCOMPARE(w.store()->account(account)->name, QStringLiteral("Work (renamed)"));
        QCOMPARE(w.store()->account(account)->host, QStringLiteral("imap.example.com"));
        QTreeWidgetItem *item = accountItem(w.accountsPane()->tree(), account);
        QVERIFY(item);
        QVERIFY2(item->text(0).startsWith(QStringLiteral("Work (renamed)")), qPrintable(item->text(0)));
        w.inboxSync(account) ? w.inboxSync(account)->stop() : void();
    }

    void removeAccount_data()
    {
        QTest::addColumn<bool>("confirm");
        QTest::addRow("escape keeps it") << false;
        QTest::addRow("remove deletes the local cache") << true;
    }

    void removeAccount()
    {
        QFETCH(bool, confirm);
        qint64 account = 0, inbox = 0;
        const QString path = newStore(&account, &inbox);
        {
            MessageStore store;
            QVERIFY(store.open(path).ok());
            QVERIFY(store.saveMessages({row(inbox, 1, QStringLiteral("Kept on the server"))}).ok());
        }
        MainWindow w;
        QVERIFY(w.openStore(path));
        QVERIFY(w.showMailbox(inbox));
        QString question;
        onNextModal([&](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            if (!box)
                return modal->close();
            question = box->text();
            if (confirm) {
                for (QAbstractButton *b : box->buttons()) {
                    if (b->text() == QStringLiteral("&Remove account"))
                        b->click();
                }
            } else {
                QTest::keyClick(box, Qt::Key_Escape);
            }
            return true;
        });
        QCOMPARE(w.removeAccount(account), confirm);
        // What the user was told before anything happened.
        QVERIFY2(question.contains(QStringLiteral("Nothing on the server is touched")), qPrintable(question));
        QVERIFY(question.contains(QStringLiteral("on this computer are deleted")));
        QVERIFY(question.contains(QStringLiteral("keychain")));
        if (confirm) {
            QVERIFY(!w.store()->account(account));
            QVERIFY(!w.store()->mailboxRecord(inbox));
            QVERIFY(!accountItem(w.accountsPane()->tree(), account));
            QVERIFY(!w.storeModel()); // the list went back to the opened files
        } else {
            QVERIFY(w.store()->account(account));
            QCOMPARE(w.store()->messageCount(inbox), 1);
            QVERIFY(accountItem(w.accountsPane()->tree(), account));
        }
    }

    void trustOfferAfterFirstSync_data()
    {
        QTest::addColumn<bool>("trust");
        QTest::addRow("trust") << true;
        QTest::addRow("not now") << false;
    }

    void trustOfferAfterFirstSync()
    {
        QFETCH(bool, trust);
        auto demo = DemoMailbox::load();
        QVERIFY(demo.ok());
        VerificationSettings settings = (*demo)->settings();
        const std::string provider = "mx.sealcheck-demo.example";
        settings.trust.authservIds.clear(); // a new account trusts nobody
        qint64 account = 0, inbox = 0;
        const QString path = newStore(&account, &inbox);
        {
            // What a first sync leaves: rows, raw copies, reports made without trust.
            MessageStore store;
            QVERIFY(store.open(path).ok());
            quint32 uid = 0;
            for (const auto &m : (*demo)->messages()) {
                const qint64 id = *store.saveMessage(row(inbox, ++uid, m.name));
                // The provider's own field at the top, as delivered to the user's mailbox.
                const QByteArray raw = "Authentication-Results: " + QByteArray::fromStdString(provider) + "; spf=none\r\n" + m.raw;
                QVERIFY(store.saveRaw(id, raw));
                auto message = verifier::Message::parse(std::string(raw.constData(), size_t(raw.size())));
                QVERIFY(message.ok());
                verifier::VerifyContext context;
                context.resolver = settings.resolver.get();
                context.now = settings.fixedNow;
                context.trust = settings.trust;
                context.signatures = settings.signatures;
                context.limits = settings.limits;
                QVERIFY(store.saveReport(id, verifier::verify(*message, context)));
            }
        }
        MainWindow w;
        w.setAccountVerificationSettings(settings);
        QVERIFY(w.openStore(path));
        QVERIFY(w.showMailbox(inbox));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto trustedFields = [&] {
            int n = 0;
            for (const MessageRow &r : w.store()->messages(inbox, VerdictFilter::All, {}, 0, 100)) {
                if (const auto report = w.store()->report(r.id)) {
                    for (const auto &h : report->authenticationResults)
                        n += h.trusted && h.authservId == provider;
                }
            }
            return n;
        };
        QCOMPARE(trustedFields(), 0);
        QVERIFY(!w.trustBar()->isVisible());
        QVERIFY(w.offerTrust(account, inbox));
        QVERIFY(w.trustBar()->isVisible());
        // Plain words, the name offered, and the window is not blocked (no modal dialog).
        QVERIFY(!QApplication::activeModalWidget());
        const QString text = w.trustBar()->text();
        QVERIFY2(text.contains(QString::fromStdString(provider)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Trust only a name you recognise")), qPrintable(text));
        QSignalSpy reverified(&w, &MainWindow::reverified);
        QPushButton *button = trust ? w.trustBar()->trustButton() : w.trustBar()->notNowButton();
        button->setFocus();
        QTest::keyClick(button, Qt::Key_Space); // keyboard only
        QVERIFY(!w.trustBar()->isVisible());
        if (!trust) {
            QVERIFY(w.store()->account(account)->trustedAuthservIds.isEmpty());
            QVERIFY(!w.offerTrust(account, inbox)); // not again in this session
            return;
        }
        QCOMPARE(w.store()->account(account)->trustedAuthservIds, QStringList{QString::fromStdString(provider)});
        QVERIFY(reverified.wait(60000) || !reverified.isEmpty());
        // The stored reports were made again with the provider's fields trusted.
        QTRY_VERIFY(trustedFields() > 0);
        QVERIFY(!w.offerTrust(account, inbox)); // trusted now: no offer
    }
};

QTEST_MAIN(tst_DesktopAccounts)
#include "tst_desktopaccounts.moc"
