// Integration (issue 7): the desktop window against a real Dovecot on 127.0.0.1 (the fixture of
// tests/common/DovecotServer.h, with its special-use folders). The account's folders come from LIST
// into the tree, in order and without \Noselect parents: INBOX, the server's special-use folders
// (RFC 6154) in the order ListTask.h documents, then the others as a person reads them in the UI
// locale (case-insensitive, accents, numbers by value, children right after their parent).
// Choosing a folder shows and syncs it; a flag set on the server (CONDSTORE) reaches the list
// without a reload. The password comes from a private keyring: run through
// scripts/testenv/with-keyring.sh (ctest does). Skips when dovecot is absent or not root.
#include "AccountSync.h"
#include "AccountsPane.h"
#include "DemoMailbox.h"
#include "ImapSyncClient.h"
#include "Keychain.h"
#include "MainWindow.h"
#include "MessageStore.h"
#include "StoreMessageModel.h"

#include "DovecotServer.h"

#include <QApplication>
#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <algorithm>

using namespace sealcheck;
using namespace sealcheck::ui;
using namespace dovecottest;

class tst_Folders : public QObject
{
    Q_OBJECT
    Dovecot m_dovecot;
    QTemporaryDir m_dir;
    QString m_storePath;
    qint64 m_accountId = 0;
    QString m_child;       ///< "Parent" + delimiter + "Child"
    QStringList m_listed;  ///< what LIST gives the program, in display order
    QStringList m_folders; ///< what the tree must show, in order
    std::unique_ptr<DemoMailbox> m_demo;

    AccountSyncOptions options() const
    {
        AccountSyncOptions o;
        o.accountId = m_accountId;
        o.storePath = m_storePath;
        o.verification = m_demo->settings();
        o.watch = false;
        o.extraCaCertificates = {m_dovecot.caCert};
        o.maxRetries = 1;
        return o;
    }

    /// A window on the store, syncing every account quickly (waits of 300 ms, a round a second).
    void prepare(MainWindow &w)
    {
        VerificationSettings s = m_demo->settings();
        w.setAccountVerificationSettings(s);
        w.setSyncIntervals(300, 1000);
        QVERIFY(w.openStore(m_storePath));
    }

    /// Says in the test log what a sync does (for a failure's diagnosis).
    static void trace(AccountSync *sync, const char *what)
    {
        QObject::connect(sync, &AccountSync::synced, sync, [what](qint64 box, int added) { qInfo("%s: synced mailbox %lld, %d new", what, box, added); });
        QObject::connect(sync, &AccountSync::failed, sync, [what](const QString &m) { qInfo("%s: failed: %s", what, qPrintable(m)); });
        QObject::connect(sync, &AccountSync::retrying, sync, [what](const QString &m, int) { qInfo("%s: retrying: %s", what, qPrintable(m)); });
        QObject::connect(sync, &AccountSync::flagsChanged, sync, [what](qint64 box, const QList<qint64> &ids) { qInfo("%s: flags of %d in %lld", what, int(ids.size()), box); });
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // The UI locale (the program sets it from Settings › Language): folder names collate in German.
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        m_dovecot.specialUseFolders = true;
        if (const QString why = m_dovecot.setUp(); !why.isEmpty())
            QSKIP(qPrintable(why));
        if (!qEnvironmentVariableIsSet("SEALCHECK_KEYRING_TEST"))
            QSKIP("needs a private keyring: run through scripts/testenv/with-keyring.sh (ctest does)");
        auto demo = DemoMailbox::load();
        QVERIFY(demo.ok());
        m_demo = std::move(*demo);
        QVERIFY(m_dovecot.deliver(message(1, "Unread")));
        QVERIFY(m_dovecot.deliver(message(2, "Second")));
        // The hierarchy delimiter of this server, then folders made as a user would.
        imap::ImapSyncClient probe(m_dovecot.settings());
        QVERIFY(probe.connectAndLogin(kUser, kPassword).ok());
        auto list = probe.listMailboxes();
        QVERIFY(list.ok() && !list->isEmpty());
        const QString delimiter = QString::fromLatin1(list->front().delimiter);
        // The server marks its special-use folders (created at login), whose names are not in
        // special-use order: sorting by name could not pass this test.
        QStringList special;
        for (const auto &[name, use] : kSpecialUseFolders) {
            special << name;
            const QByteArray wanted = name.toUtf8(); // clang 14 cannot capture a structured binding
            const auto it = std::find_if(list->cbegin(), list->cend(), [&wanted](const imap::ListEntry &e) { return e.name == wanted; });
            QVERIFY2(it != list->cend(), qPrintable(name));
            QVERIFY2(it->attributes.contains(use.toLatin1()), qPrintable(name + QLatin1Char(' ') + use));
        }
        QStringList byName = special;
        byName.sort(Qt::CaseInsensitive);
        QVERIFY(byName != special);
        probe.logout();
        QVERIFY(!delimiter.isEmpty());
        m_child = QStringLiteral("Parent") + delimiter + QStringLiteral("Child");
        // Ordinary folders whose code-point order is not what a person expects.
        for (const QString &name : {QStringLiteral("Zeta"), QStringLiteral("Archive"), m_child, QStringLiteral("Älter"),
                                    QStringLiteral("alpha"), QStringLiteral("Folder 10"), QStringLiteral("Folder 2"),
                                    QStringLiteral("Parent 2")})
            QVERIFY(m_dovecot.doveadm({QStringLiteral("mailbox"), QStringLiteral("create"), QStringLiteral("-u"), kUser, name}));
        QVERIFY(m_dovecot.deliver(message(3, "Filed"), QStringLiteral("Archive")));
        // INBOX; the special-use folders as \Sent, \Junk, \Drafts, \Archive, \Trash; then the
        // others: case-insensitive, "Ä" as "A", 2 before 10, "Parent" + delimiter + "Child" right
        // after where "Parent" goes (before "Parent 2"). Dovecot lists "Parent" as a \Noselect (or
        // \NonExistent) parent of Child: never shown.
        m_listed = QStringList{QStringLiteral("INBOX")} + special
            + QStringList{QStringLiteral("alpha"), QStringLiteral("Älter"), QStringLiteral("Archive"), QStringLiteral("Folder 2"),
                          QStringLiteral("Folder 10"), m_child, QStringLiteral("Parent 2"), QStringLiteral("Zeta")};
        m_folders = m_listed;
        m_folders.front() = QStringLiteral("Inbox");

        m_storePath = m_dir.filePath(QStringLiteral("store.sqlite"));
        MessageStore store;
        QVERIFY(store.open(m_storePath).ok());
        AccountRecord a;
        a.name = QStringLiteral("Dovecot");
        a.host = QStringLiteral("127.0.0.1");
        a.port = m_dovecot.port;
        a.username = kUser;
        a.pinnedKeySha256 = m_dovecot.pin; // the user trusted the server's self-signed certificate
        auto id = store.saveAccount(a);
        QVERIFY(id.ok());
        m_accountId = *id;
        // A folder deleted on the server since the last sync: the next LIST hides it.
        QVERIFY(store.mailbox(m_accountId, QStringLiteral("Deleted elsewhere")).ok());
        QVERIFY(Keychain::writePasswordBlocking(Keychain::imapKey(a.username, a.host, a.port), kPassword).ok());
    }

    void cleanupTestCase() { m_dovecot.stop(); }

    void listMakesStoreRows()
    {
        AccountSync sync;
        QSignalSpy listed(&sync, &AccountSync::mailboxesListed);
        QSignalSpy finished(&sync, &AccountSync::finished);
        QSignalSpy failed(&sync, &AccountSync::failed);
        QVERIFY(sync.start(options()));
        QVERIFY(finished.wait(60000) || !finished.isEmpty());
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.front().front().toString()));
        QCOMPARE(listed.size(), 1);
        const QStringList names = listed.front().front().toStringList();
        QCOMPARE(names, m_listed);
        MessageStore store;
        QVERIFY(store.open(m_storePath).ok());
        QStringList stored;
        for (const MailboxRecord &m : store.mailboxes(m_accountId))
            stored << m.name;
        for (const QString &n : names)
            QVERIFY2(stored.contains(n), qPrintable(n));
        QVERIFY(!stored.contains(QStringLiteral("Parent")));
        QVERIFY(!names.contains(QStringLiteral("Deleted elsewhere")));
    }

    void treeShowsFoldersAndAFolderSyncs()
    {
        MainWindow w;
        prepare(w);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // Before the window's first LIST, the tree shows what the store knows.
        QVERIFY(w.accountsPane()->shownMailboxes(m_accountId).contains(QStringLiteral("Deleted elsewhere")));
        w.startSync(m_accountId);
        trace(w.inboxSync(m_accountId), "INBOX");
        QTRY_COMPARE_WITH_TIMEOUT(w.accountsPane()->shownMailboxes(m_accountId), m_folders, 30000);
        // Keyboard only: down the tree to Archive.
        QTreeWidget *tree = w.accountsPane()->tree();
        tree->setFocus();
        tree->setCurrentItem(tree->topLevelItem(0));
        const int archiveRow = int(m_folders.indexOf(QStringLiteral("Archive")));
        QVERIFY(archiveRow > 0);
        for (int i = 0; i < archiveRow + 2; ++i) // the account, Inbox, ..., Archive
            QTest::keyClick(tree, Qt::Key_Down);
        QCOMPARE(tree->currentItem()->text(0), QStringLiteral("Archive"));
        QVERIFY(w.folderSync(m_accountId));
        trace(w.folderSync(m_accountId), "Archive");
        QTRY_COMPARE_WITH_TIMEOUT(w.messageList()->model()->rowCount(), 1, 30000);
        QCOMPARE(w.messageList()->model()->index(0, SubjectColumn).data().toString(), QStringLiteral("Filed 3"));
        // The inbox sync keeps watching meanwhile.
        QVERIFY(w.inboxSync(m_accountId) && w.inboxSync(m_accountId)->isRunning());
    }

    void flagChangeReachesTheList()
    {
        MainWindow w;
        prepare(w);
        MessageStore store;
        QVERIFY(store.open(m_storePath).ok());
        const qint64 inbox = *store.mailbox(m_accountId, QStringLiteral("INBOX"));
        QVERIFY(w.showMailbox(inbox));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.startSync(m_accountId);
        trace(w.inboxSync(m_accountId), "INBOX");
        StoreMessageModel *model = w.storeModel();
        QVERIFY(model);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 30000);
        auto rowOf = [&](quint32 uid) {
            for (int r = 0; r < model->rowCount(); ++r) {
                if (model->messageAt(r)->uid == uid)
                    return r;
            }
            return -1;
        };
        const int r1 = rowOf(1);
        QVERIFY(r1 >= 0);
        auto bold = [&] { return model->index(r1, SubjectColumn).data(Qt::FontRole).value<QFont>().bold(); };
        QVERIFY(bold()); // delivered, never read (BODY.PEEK did not set \Seen)
        QVERIFY(!model->index(r1, SubjectColumn).data(FlaggedRole).toBool());
        // Wait for the first round to finish so the store holds HIGHESTMODSEQ.
        QTRY_VERIFY_WITH_TIMEOUT(store.mailboxRecord(inbox)->highestModSeq > 0, 30000);
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        // Another mail program reads and flags the message.
        QVERIFY(m_dovecot.doveadm({QStringLiteral("flags"), QStringLiteral("add"), QStringLiteral("-u"), kUser,
                                   QStringLiteral("\\Seen \\Flagged"), QStringLiteral("mailbox"), QStringLiteral("INBOX"),
                                   QStringLiteral("uid"), QStringLiteral("1")}));
        QTRY_VERIFY_WITH_TIMEOUT(model->index(r1, SubjectColumn).data(FlaggedRole).toBool(), 30000);
        QVERIFY(!bold());
        QVERIFY(!model->index(r1, SubjectColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(reset.size(), 0); // updated in place, no reload
        QCOMPARE(w.storeModel(), model);
        const auto stored = store.message(*store.messageId(inbox, 1));
        QVERIFY2(stored->flags.contains(QStringLiteral("\\Flagged")), qPrintable(stored->flags));
    }
};

QTEST_MAIN(tst_Folders)
#include "tst_folders.moc"
