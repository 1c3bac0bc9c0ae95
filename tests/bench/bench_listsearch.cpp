// Search over a large opened mailbox (issue 20: 0.7 s per key over 17,000 messages). Builds an
// InspectorModel of N messages and a MessageFilterModel over it (as MainWindow does, sorted by
// the Security column), then times setSearchText for a few typed prefixes.
//   build/bin/bench_listsearch [N=17000]
// Prints the median milliseconds per key of one filtering pass. The window filters once per pause
// in typing (MainWindow::kSearchDelayMs), not once per key. Not a test: figures go in reports.

#include "InspectorModel.h"
#include "MessageColumns.h"
#include "MessageFilterModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTableView>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace sealcheck::ui;

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int n = argc > 1 ? std::atoi(argv[1]) : 17000;
    InspectorModel model;
    for (int i = 0; i < n; ++i) {
        const QByteArray raw = QStringLiteral("From: \"Sender %1\" <user%1@domain%2.example>\r\nSubject: Invoice %1 for "
                                              "order %3\r\nDate: Fri, 20 Nov 2026 14:00:00 +0000\r\n\r\nBody\r\n")
                                   .arg(i)
                                   .arg(i % 97)
                                   .arg(i * 7)
                                   .toUtf8();
        model.addMessage(QStringLiteral("bench.mbox#%1").arg(i + 1), raw);
    }
    MessageFilterModel filter;
    filter.setSourceModel(&model);
    QTableView view; // a view attached, as in the window
    view.setModel(&filter);
    view.setSortingEnabled(true);
    view.sortByColumn(DateColumn, Qt::DescendingOrder);
    view.resize(1200, 700);
    view.show();
    QApplication::processEvents();
    const QString typed = QStringLiteral("invoice 12");
    std::vector<double> ms;
    for (int k = 1; k <= typed.size(); ++k) {
        QElapsedTimer t;
        t.start();
        filter.setSearchText(typed.left(k));
        QApplication::processEvents();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    const int matching = filter.rowCount();
    filter.setSearchText(QString());
    std::sort(ms.begin(), ms.end());
    std::printf("bench_listsearch: %d messages, %zu keys, median %.1f ms per key, max %.1f ms, %d rows match\n", n,
                ms.size(), ms[ms.size() / 2], ms.back(), matching);
    return 0;
}
