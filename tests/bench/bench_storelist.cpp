// Benchmark (issue 7): the message list of a stored mailbox with 100,000 messages. Prints the
// time to the first screen, to scroll to the end and back, and to apply a search and a verdict
// filter, with how many store pages were read. Figures only: never run as a timed test.
//
//   bench_storelist [ROWS]        (offscreen platform; default 100000 rows)
#include "MessageColumns.h"
#include "MessageStore.h"
#include "StoreMessageModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>

#include <cstdio>

using namespace sealcheck;
using namespace sealcheck::ui;

namespace {

void settle()
{
    for (int i = 0; i < 5; ++i)
        QApplication::processEvents();
}

void figure(const char *what, qint64 ms, const StoreMessageModel &model)
{
    std::printf("%-34s %7lld ms   pages read %4d, held %2d\n", what, ms, model.pageLoads(), model.cachedPages());
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int rows = argc > 1 ? std::max(1, std::atoi(argv[1])) : 100000;

    QTemporaryDir dir;
    MessageStore store;
    if (!dir.isValid() || !store.open(dir.filePath(QStringLiteral("bench.sqlite"))).ok()) {
        std::fprintf(stderr, "cannot create the store\n");
        return 2;
    }
    AccountRecord a;
    a.name = QStringLiteral("Bench");
    a.host = QStringLiteral("imap.example.com");
    a.username = QStringLiteral("bench");
    const qint64 mailboxId = *store.mailbox(*store.saveAccount(a), QStringLiteral("INBOX"));
    QElapsedTimer t;
    t.start();
    const QDateTime base(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    QVector<MessageRow> batch;
    for (int i = 1; i <= rows; ++i) {
        MessageRow r;
        r.mailboxId = mailboxId;
        r.uid = quint32(i);
        r.fromHeader = QStringLiteral("Sender %1 <s%1@example.com>").arg(i);
        r.fromAddress = QStringLiteral("s%1@example.com").arg(i);
        r.subject = QStringLiteral("Subject %1").arg(i);
        r.date = base.addSecs(qint64(i) * 60);
        r.flags = i % 3 ? QStringLiteral("\\Seen") : QString();
        batch.push_back(r);
        if (batch.size() == 5000 || i == rows) {
            if (!store.saveMessages(batch).ok()) {
                std::fprintf(stderr, "cannot fill the store\n");
                return 2;
            }
            batch.clear();
        }
    }
    std::printf("store filled with %d rows in %lld ms\n\n", rows, t.elapsed());

    QTableView view;
    view.resize(1000, 700);
    view.verticalHeader()->hide();
    view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() + 8);

    t.restart();
    StoreMessageModel model(&store, mailboxId);
    view.setModel(&model);
    view.horizontalHeader()->setSectionResizeMode(SubjectColumn, QHeaderView::Stretch);
    view.show();
    settle();
    figure("time to first screen", t.elapsed(), model);

    t.restart();
    view.scrollToBottom();
    settle();
    figure("scroll to the end", t.elapsed(), model);

    t.restart();
    QScrollBar *bar = view.verticalScrollBar();
    for (int step = 0; step < 50; ++step) { // dragging the scroll bar from bottom to top
        bar->setValue(bar->maximum() - (bar->maximum() * step) / 49);
        settle();
    }
    figure("drag to the top in 50 steps", t.elapsed(), model);

    t.restart();
    model.setFilter(VerdictFilter::All, QStringLiteral("Subject 4242"));
    settle();
    figure("search \"Subject 4242\"", t.elapsed(), model);
    std::printf("%-34s %7d rows\n", "  found", model.rowCount());

    t.restart();
    model.setFilter(VerdictFilter::Pending, QString());
    settle();
    figure("filter: not yet checked", t.elapsed(), model);

    t.restart();
    model.setFilter(VerdictFilter::All, QString());
    view.scrollToBottom();
    settle();
    figure("clear filter, scroll to the end", t.elapsed(), model);

    t.restart();
    QList<qint64> ids;
    for (int r = model.rowCount() - 1; r >= 0 && ids.size() < 100; --r) {
        if (auto m = model.messageAt(r))
            ids << m->id;
    }
    const int changed = model.updateMessages(ids);
    settle();
    figure("update 100 visible rows (flags)", t.elapsed(), model);
    std::printf("%-34s %7d rows\n", "  changed", changed);
    return 0;
}
