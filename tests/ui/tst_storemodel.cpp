// StoreMessageModel: the paged list of a stored mailbox. 100,000 rows must open and scroll by
// loading pages, never the whole table; the model passes QAbstractItemModelTester.
#include "AccountsPane.h"
#include "MainWindow.h"
#include "MessageFilterModel.h"
#include "MessageStore.h"
#include "MessageView.h"
#include "SecurityPanel.h"
#include "StoreMessageModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QFont>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QComboBox>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace sealcheck;
using namespace sealcheck::ui;

namespace {


/// Messages uid 1..n, uid i dated base + i minutes; every fifth one forged etc.
bool fill(MessageStore &store, qint64 mailboxId, int n)
{
    const QDateTime base(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    QVector<MessageRow> rows;
    rows.reserve(n);
    for (int i = 1; i <= n; ++i) {
        MessageRow r;
        r.mailboxId = mailboxId;
        r.uid = quint32(i);
        r.fromHeader = QStringLiteral("Sender %1 <s%1@example.com>").arg(i);
        r.fromAddress = QStringLiteral("s%1@example.com").arg(i);
        r.subject = QStringLiteral("Subject %1").arg(i);
        r.date = base.addSecs(qint64(i) * 60);
        r.size = 1000 + i;
        rows.push_back(r);
    }
    if (!store.saveMessages(rows).ok())
        return false;
    // Verdicts through reports would need the verifier; the verdict column is what the list reads.
    return true;
}

} // namespace

class tst_StoreModel : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    MessageStore m_store;
    qint64 m_big = 0;
    qint64 m_small = 0;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_store.open(m_dir.filePath(QStringLiteral("store.sqlite"))).ok());
        AccountRecord a;
        a.name = QStringLiteral("Test");
        a.host = QStringLiteral("imap.example.com");
        a.username = QStringLiteral("alice");
        auto id = m_store.saveAccount(a);
        QVERIFY(id.ok());
        m_big = *m_store.mailbox(*id, QStringLiteral("INBOX"));
        m_small = *m_store.mailbox(*id, QStringLiteral("Archive"));
        QElapsedTimer t;
        t.start();
        QVERIFY(fill(m_store, m_big, 100000));
        qInfo("100,000 rows saved in %lld ms", t.elapsed());
        QVERIFY(fill(m_store, m_small, 1000));
    }

    void hundredThousandRowsLoadPagesOnly()
    {
        QElapsedTimer t;
        t.start();
        StoreMessageModel model(&m_store, m_big);
        QCOMPARE(model.rowCount(), 100000);
        QCOMPARE(model.columnCount(), int(ColumnCount));
        QCOMPARE(model.pageLoads(), 0); // counting reads no page
        const qint64 openMs = t.elapsed();

        // The newest message first, like the inspector list.
        QCOMPARE(model.index(0, SubjectColumn).data().toString(), QStringLiteral("Subject 100000"));
        QCOMPARE(model.index(99999, SubjectColumn).data().toString(), QStringLiteral("Subject 1"));
        QCOMPARE(model.index(0, FromColumn).data().toString(), QStringLiteral("Sender 100000 <s100000@example.com>"));
        QCOMPARE(VerdictState(model.index(0, VerdictColumn).data(VerdictStateRole).toInt()), VerdictState::Pending);
        QCOMPARE(model.index(0, VerdictColumn).data().toString(), verdictWord(VerdictState::Pending));
        QCOMPARE(model.pageLoads(), 2);

        // Random rows: each costs at most one page.
        QRandomGenerator rng(7);
        for (int i = 0; i < 50; ++i) {
            const int row = int(rng.bounded(100000));
            QCOMPARE(model.index(row, SubjectColumn).data().toString(), QStringLiteral("Subject %1").arg(100000 - row));
        }
        QVERIFY2(model.pageLoads() <= 52, qPrintable(QString::number(model.pageLoads())));

        // Scrolling: 1,000 consecutive rows, every column, as a view paints them.
        const int before = model.pageLoads();
        t.restart();
        for (int row = 40000; row < 41000; ++row) {
            for (int c = 0; c < ColumnCount; ++c)
                QVERIFY(model.index(row, c).data(Qt::DisplayRole).isValid());
            QCOMPARE(model.index(row, 0).data(KeyRole).toLongLong() > 0, true);
        }
        const qint64 scrollMs = t.elapsed();
        const int scrollLoads = model.pageLoads() - before;
        QVERIFY2(scrollLoads >= 5 && scrollLoads <= 6, qPrintable(QString::number(scrollLoads)));
        QVERIFY(model.cachedPages() <= StoreMessageModel::MaxCachedPages);
        qInfo("open %lld ms, 1,000 rows scrolled in %lld ms with %d page loads", openMs, scrollMs, scrollLoads);
        QVERIFY2(scrollMs < 5000, "scrolling 1,000 rows must stay smooth");
    }

    void filterRunsInTheStore()
    {
        MessageStore &s = m_store;
        // Give some messages a verdict the way a report would.
        auto id = s.messageId(m_small, 500);
        QVERIFY(id);
        verifier::Report forged;
        forged.verdict = verifier::Verdict::Forged;
        QVERIFY(s.saveReport(*id, forged));
        StoreMessageModel model(&s, m_small);
        QCOMPARE(model.rowCount(), 1000);
        model.setFilter(VerdictFilter::Forged);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, SubjectColumn).data().toString(), QStringLiteral("Subject 500"));
        QCOMPARE(VerdictState(model.index(0, 0).data(VerdictStateRole).toInt()), VerdictState::Forged);
        QCOMPARE(model.index(0, 0).data().toString(), verdictWord(VerdictState::Forged));
        model.setFilter(VerdictFilter::All, QStringLiteral("Subject 99"));
        QCOMPARE(model.rowCount(), 11); // 99 and 990..999
        model.setFilter(VerdictFilter::All);
        QCOMPARE(model.rowCount(), 1000);
    }

    void modelTester()
    {
        StoreMessageModel model(&m_store, m_small);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int row = 0; row < model.rowCount(); row += 97)
            model.index(row, 0).data();
        model.setFilter(VerdictFilter::Suspicious);
        model.setFilter(VerdictFilter::All, QStringLiteral("Subject 1"));
        model.refresh();
        QVERIFY(model.rowCount() > 0);
    }

    void refreshSeesNewMessages()
    {
        StoreMessageModel model(&m_store, m_small);
        const int before = model.rowCount();
        MessageRow r;
        r.mailboxId = m_small;
        r.uid = 5000;
        r.subject = QStringLiteral("Just arrived");
        r.date = QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC);
        QVERIFY(m_store.saveMessage(r).ok());
        model.refresh();
        QCOMPARE(model.rowCount(), before + 1);
        QCOMPARE(model.index(0, SubjectColumn).data().toString(), QStringLiteral("Just arrived"));
    }

    /// A verdict made under earlier settings (MessageRow::stale) reads "VERDICT (not yet
    /// re-checked)" with the reason in the tooltip and the accessible text; the update reaches the
    /// list without a reset, under QAbstractItemModelTester, and a new report clears it.
    void staleVerdictIsShown_data()
    {
        QTest::addColumn<int>("verdict");
        QTest::addRow("authenticated") << int(verifier::Verdict::Authenticated);
        QTest::addRow("suspicious") << int(verifier::Verdict::Suspicious);
        QTest::addRow("forged") << int(verifier::Verdict::Forged);
        QTest::addRow("unauthenticated") << int(verifier::Verdict::Unauthenticated);
    }
    void staleVerdictIsShown()
    {
        QFETCH(int, verdict);
        MessageStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("stale-%1.sqlite").arg(verdict))).ok());
        AccountRecord a;
        a.name = QStringLiteral("Stale");
        a.host = QStringLiteral("imap.example.com");
        a.username = QStringLiteral("alice");
        const qint64 account = *store.saveAccount(a);
        const qint64 box = *store.mailbox(account, QStringLiteral("INBOX"));
        QVERIFY(fill(store, box, 5));
        verifier::Report r;
        r.verdict = verifier::Verdict(verdict);
        for (int uid = 1; uid <= 5; ++uid)
            QVERIFY(store.saveReport(*store.messageId(box, quint32(uid)), r));
        const qint64 evicted = *store.messageId(box, 5); // the newest: row 0
        QVERIFY(store.saveRaw(*store.messageId(box, 4), "cached"));
        StoreMessageModel model(&store, box);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const VerdictState state = stateFromName(QString::fromUtf8(verifier::verdictName(r.verdict).data()));
        QCOMPARE(model.index(0, VerdictColumn).data().toString(), verdictWord(state));
        QCOMPARE(model.index(0, VerdictColumn).data(StaleRole).toBool(), false);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        auto marked = store.markStale(account);
        QVERIFY(marked.ok());
        QCOMPARE(marked->size(), 5); // uid 4 too, until its cached copy is verified again
        QCOMPARE(model.updateMessages(QList<qint64>(marked->cbegin(), marked->cend())), 5);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 5);
        const QModelIndex v = model.index(0, VerdictColumn);
        QCOMPARE(v.data().toString(), verdictWord(state) + QStringLiteral(" (not yet re-checked)"));
        QCOMPARE(v.data(StaleRole).toBool(), true);
        QVERIFY(v.data(Qt::FontRole).value<QFont>().italic());
        const QString why = QStringLiteral("Verified under earlier settings; it will be checked again at the next sync.");
        QVERIFY2(v.data(Qt::ToolTipRole).toString().contains(why), qPrintable(v.data(Qt::ToolTipRole).toString()));
        QVERIFY(v.data(Qt::ToolTipRole).toString().contains(verdictHeadline(state)));
        QVERIFY2(v.data(Qt::AccessibleTextRole).toString().contains(why), qPrintable(v.data(Qt::AccessibleTextRole).toString()));
        QVERIFY(v.data(Qt::AccessibleTextRole).toString().startsWith(verdictWord(state) + QStringLiteral(" (not yet re-checked)")));
        // The row with its raw copy (uid 4) is marked as well until its new report is saved.
        QCOMPARE(model.index(1, VerdictColumn).data().toString(), verdictWord(state) + QStringLiteral(" (not yet re-checked)"));
        // Sorting and filtering read the verdict itself.
        QCOMPARE(VerdictState(v.data(VerdictStateRole).toInt()), state);

        // Verified again: the mark goes.
        QVERIFY(store.saveReport(evicted, r));
        QCOMPARE(model.updateMessages({evicted}), 1);
        QCOMPARE(model.index(0, VerdictColumn).data().toString(), verdictWord(state));
        QCOMPARE(model.index(0, VerdictColumn).data(StaleRole).toBool(), false);
        model.refresh();
        QCOMPARE(model.index(2, VerdictColumn).data(StaleRole).toBool(), true);
    }

    /// The security panel says the same above a stale report, and nothing otherwise.
    void panelSaysStale_data()
    {
        QTest::addColumn<bool>("stale");
        QTest::addColumn<bool>("withReport");
        QTest::addColumn<bool>("expectNotice");
        QTest::addRow("stale report") << true << true << true;
        QTest::addRow("current report") << false << true << false;
        QTest::addRow("stale, no report") << true << false << false;
    }
    void panelSaysStale()
    {
        QFETCH(bool, stale);
        QFETCH(bool, withReport);
        QFETCH(bool, expectNotice);
        MessageView view;
        std::optional<verifier::Report> report;
        if (withReport) {
            report = verifier::Report{};
            report->verdict = verifier::Verdict::Unauthenticated;
        }
        view.showMessage("From: a@example.com\r\n\r\nbody\r\n", report, {}, stale);
        QLabel *notice = view.securityPanel()->staleNotice();
        QCOMPARE(!notice->isHidden(), expectNotice);
        QCOMPARE(notice->text(), QStringLiteral("Verified under earlier settings; it will be checked again at the next sync."));
        view.showMessage("From: a@example.com\r\n\r\nbody\r\n", report, {}, false);
        QVERIFY(notice->isHidden());
    }

    void mainWindowSwitchesToTheMailbox()
    {
        MainWindow w;
        QString error;
        QVERIFY2(w.openStore(m_dir.filePath(QStringLiteral("store.sqlite")), &error), qPrintable(error));
        // "Opened files", then the account with its two mailboxes.
        QTreeWidget *tree = w.accountsPane()->tree();
        QCOMPARE(tree->topLevelItemCount(), 2);
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("Opened files"));
        QCOMPARE(tree->topLevelItem(1)->text(0), QStringLiteral("Test"));
        QCOMPARE(tree->topLevelItem(1)->childCount(), 2);
        QVERIFY(w.storeModel() == nullptr);
        // Selecting the mailbox in the tree shows it.
        QTreeWidgetItem *archive = nullptr;
        for (int i = 0; i < 2; ++i)
            if (tree->topLevelItem(1)->child(i)->text(0) == QStringLiteral("Archive"))
                archive = tree->topLevelItem(1)->child(i);
        QVERIFY(archive);
        tree->setCurrentItem(archive);
        QVERIFY(w.storeModel());
        QCOMPARE(w.storeModel()->mailboxId(), m_small);
        QCOMPARE(w.messageList()->model(), w.storeModel());
        QVERIFY(w.storeModel()->rowCount() >= 1000);
        w.messageList()->setCurrentIndex(w.storeModel()->index(0, 0)); // not downloaded: no crash, a note
        // The verdict filter applies in the store.
        w.verdictFilterBox()->setCurrentIndex(w.verdictFilterBox()->findData(int(VerdictFilter::Forged)));
        QCOMPARE(w.storeModel()->rowCount(), 1);
        w.verdictFilterBox()->setCurrentIndex(0);
        // Back to the opened files.
        tree->setCurrentItem(tree->topLevelItem(0));
        QVERIFY(w.storeModel() == nullptr);
        QCOMPARE(w.messageList()->model(), w.filterModel());
    }
};

QTEST_MAIN(tst_StoreModel)
#include "tst_storemodel.moc"
