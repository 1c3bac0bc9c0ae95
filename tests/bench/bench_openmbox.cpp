// The desktop program opening a large mbox (issue 22): the real MainWindow on the offscreen
// platform, the file opened as File ▸ Open and a drop do it (MainWindow::openFiles), verified with
// DNS from a zone file. Not a test: figures go in docs/performance.md (scripts/bench-desktop.sh).
//   build/tests/bench_openmbox MBOX ZONE NOW [RELAY]
// Prints, one "RESULT key=value" line each:
//   first_rows_ms   from the call until the list shows its first rows (openFiles returned and the
//                   window painted once)
//   verified_ms     until every message has its verdict (MainWindow::settled)
//   key_busy_ms     median and max time the window is busy per key typed in the search box while
//                   messages are still being verified (what the person typing feels)
//   filter_ms       one filtering pass over every row for a typed word (MainWindow::applySearch,
//                   run once per pause in typing)
//   authenticated   rows whose Security column says "✓ domain" once verified
//   peak_rss_mb     VmHWM of the whole process

#include "MainWindow.h"
#include "ZoneResolver.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

using namespace sealcheck;

namespace {

double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

double msSince(const QElapsedTimer &t) { return double(t.nsecsElapsed()) / 1e6; }

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc < 4) {
        std::fprintf(stderr, "usage: bench_openmbox MBOX ZONE NOW [RELAY]\n");
        return 2;
    }
    const QString mbox = QString::fromLocal8Bit(argv[1]);
    std::ifstream in(argv[2]);
    std::stringstream zoneText;
    zoneText << in.rdbuf();
    auto zone = std::make_shared<verifier::ZoneResolver>();
    if (!zone->loadMasterFile(zoneText.str()).ok()) {
        std::fprintf(stderr, "bench_openmbox: the zone file does not load\n");
        return 2;
    }
    VerificationSettings settings;
    settings.resolver = zone;
    settings.fixedNow = QByteArray(argv[3]).toLongLong();
    if (argc > 4)
        settings.trust.relays = {argv[4]};
    settings.signatures.useSystemCa = false;
    settings.signatures.enableOpenPgp = false;

    ui::MainWindow window;
    window.setVerificationSettings(settings);
    window.resize(1280, 800);
    window.show();
    QApplication::processEvents();

    bool settled = false;
    QObject::connect(&window, &ui::MainWindow::settled, [&] { settled = true; });
    QElapsedTimer clock;
    clock.start();
    window.openFiles({mbox});
    window.messageList()->viewport()->repaint();
    const double firstRows = msSince(clock);
    const int rows = window.messageList()->model()->rowCount();

    // Typing while the rest is verified: each key's handling, and the filtering pass the pause
    // after typing starts.
    QLineEdit *search = window.searchBox();
    std::vector<double> keys;
    for (const QChar c : QStringLiteral("invoice")) {
        QElapsedTimer k;
        k.start();
        QTest::keyClick(search, c.toLatin1());
        QApplication::processEvents();
        keys.push_back(msSince(k));
    }
    QElapsedTimer f;
    f.start();
    window.applySearch();
    QApplication::processEvents();
    const double filterDuring = msSince(f);
    search->clear();
    window.applySearch();

    while (!settled)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    const double verified = msSince(clock);

    // What the list says: a bench that verified nothing would be fast too.
    int authenticated = 0;
    QAbstractItemModel *list = window.messageList()->model();
    for (int r = 0; r < list->rowCount(); ++r)
        authenticated += list->index(r, 0).data().toString().startsWith(QStringLiteral("✓")) ? 1 : 0;

    std::vector<double> filterAfter;
    for (const QString &word : {QStringLiteral("i"), QStringLiteral("in"), QStringLiteral("example")}) {
        search->setText(word);
        QElapsedTimer a;
        a.start();
        window.applySearch();
        QApplication::processEvents();
        filterAfter.push_back(msSince(a));
    }
    std::sort(keys.begin(), keys.end());
    std::sort(filterAfter.begin(), filterAfter.end());
    std::printf("RESULT messages=%d authenticated=%d\n", rows, authenticated);
    std::printf("RESULT first_rows_ms=%.0f\n", firstRows);
    std::printf("RESULT verified_ms=%.0f\n", verified);
    std::printf("RESULT key_busy_ms_median=%.1f key_busy_ms_max=%.1f\n", keys[keys.size() / 2], keys.back());
    std::printf("RESULT filter_ms_during=%.0f filter_ms_after_median=%.0f filter_ms_after_max=%.0f\n", filterDuring,
                filterAfter[filterAfter.size() / 2], filterAfter.back());
    std::printf("RESULT peak_rss_mb=%.0f\n", peakRssMb());
    return 0;
}
