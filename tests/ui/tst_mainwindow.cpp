// The desktop window on the offscreen platform, as a user meets it: drop a message and read the
// verdict, filter the list, work with the keyboard only.
#include "DemoMailbox.h"
#include "InspectorModel.h"
#include "MainWindow.h"
#include "MessageFilterModel.h"
#include "MessageView.h"
#include "SecurityPanel.h"
#include "VerdictBanner.h"
#include "ZoneResolver.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>
#include <QUrl>

#include <fstream>
#include <sstream>

using namespace sealcheck;
using namespace sealcheck::ui;

namespace {

QString demoDir() { return QStringLiteral(SEALCHECK_SOURCE_DIR "/resources/demo"); }

VerificationSettings demoSettings()
{
    VerificationSettings s;
    auto zone = std::make_shared<verifier::ZoneResolver>();
    std::ifstream in((demoDir() + QStringLiteral("/demo.zone")).toStdString());
    std::stringstream text;
    text << in.rdbuf();
    if (!zone->loadMasterFile(text.str()).ok())
        qFatal("demo zone does not load");
    s.resolver = zone;
    QFile now(demoDir() + QStringLiteral("/NOW"));
    now.open(QIODevice::ReadOnly);
    s.fixedNow = QDateTime::fromString(QString::fromLatin1(now.readAll().trimmed()), Qt::ISODate).toSecsSinceEpoch();
    s.trust.relays = {"mx.sealcheck-demo.example"};
    s.trust.authservIds = {"mx.sealcheck-demo.example"};
    s.trust.knownDomains = {"mybank.example"};
    return s;
}

bool waitSettled(MainWindow &w)
{
    return QTest::qWaitFor([&] { return w.isSettled() && w.inspectorModel()->rowCount() > 0; }, 30000);
}

VerdictState stateOfRow(MainWindow &w, int sourceRow)
{
    return VerdictState(w.inspectorModel()->index(sourceRow, 0).data(VerdictStateRole).toInt());
}

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT
private slots:
    void droppedMessageShowsVerdictAndReasons()
    {
        MainWindow w;
        w.setVerificationSettings(demoSettings());
        w.show();
        auto *mime = new QMimeData;
        mime->setUrls({QUrl::fromLocalFile(demoDir() + QStringLiteral("/messages/02-forged-bank-spoof.eml"))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &drop);
        QVERIFY(waitSettled(w));
        QCOMPARE(w.inspectorModel()->rowCount(), 1);
        QCOMPARE(stateOfRow(w, 0), VerdictState::Forged);
        // What the user reads: the banner above the message.
        QTRY_VERIFY(w.messageView()->banner()->headline().startsWith(QStringLiteral("Forged")));
        const QStringList reasons = w.messageView()->banner()->reasons();
        QCOMPARE(reasons.size(), 1);
        QVERIFY2(reasons.front().contains(QStringLiteral("mybank.example")), qPrintable(reasons.front()));
        // The list cell: icon and word, never colour alone; an accessible text.
        const QModelIndex cell = w.filterModel()->index(0, VerdictColumn);
        QCOMPARE(cell.data(Qt::DisplayRole).toString(), QStringLiteral("Forged"));
        QVERIFY(!cell.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(cell.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("forged")));
        // The security panel explains the checks.
        const QString checks = w.messageView()->securityPanel()->checksText();
        QVERIFY(checks.contains(QStringLiteral("DMARC: fail")));
        QVERIFY(checks.contains(QStringLiteral("SPF: fail")));
        QVERIFY(checks.contains(QStringLiteral("Client IP: 203.0.113.66")));
        // iprev is shown beside SPF (the demo zone publishes no PTR for the address).
        QVERIFY(checks.contains(QStringLiteral("Reverse DNS (iprev): permerror")));
        QVERIFY(w.messageView()->reportText().contains(QStringLiteral("FORGED")));
    }

    void demoMailboxVerdicts()
    {
        MainWindow w;
        QString error;
        QVERIFY2(w.loadDemo(&error), qPrintable(error));
        QVERIFY(waitSettled(w));
        QHash<QString, VerdictState> expected = {
            {QStringLiteral("01-authenticated-bank"), VerdictState::Authenticated},
            {QStringLiteral("02-forged-bank-spoof"), VerdictState::Forged},
            {QStringLiteral("03-forged-two-from"), VerdictState::Forged},
            {QStringLiteral("04-suspicious-display-name"), VerdictState::Suspicious},
            {QStringLiteral("05-suspicious-lookalike"), VerdictState::Suspicious},
            {QStringLiteral("06-suspicious-dmarc-none"), VerdictState::Suspicious},
            {QStringLiteral("07-authenticated-ed25519"), VerdictState::Authenticated},
            {QStringLiteral("08-unauthenticated-club"), VerdictState::Unauthenticated},
            {QStringLiteral("09-forged-tampered"), VerdictState::Forged},
            {QStringLiteral("10-smime-signed"), VerdictState::Authenticated},
            {QStringLiteral("11-openpgp-signed"), VerdictState::Authenticated},
        };
        QCOMPARE(w.inspectorModel()->rowCount(), expected.size());
        for (int r = 0; r < w.inspectorModel()->rowCount(); ++r) {
            const auto *e = w.inspectorModel()->entryAt(r);
            const QString name = e->source.section(QLatin1Char(' '), -1);
            QVERIFY2(expected.contains(name), qPrintable(name));
            QVERIFY2(stateOfRow(w, r) == expected.value(name),
                     qPrintable(name + QStringLiteral(": ") + verdictWord(stateOfRow(w, r))));
        }
    }

    void filterAndSearch()
    {
        MainWindow w;
        QVERIFY(w.loadDemo());
        QVERIFY(waitSettled(w));
        QAbstractItemModelTester sourceTester(w.inspectorModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(w.filterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(w.filterModel()->rowCount(), 11);
        w.verdictFilterBox()->setCurrentIndex(w.verdictFilterBox()->findData(int(VerdictFilter::ForgedOrSuspicious)));
        QCOMPARE(w.filterModel()->rowCount(), 6);
        for (int r = 0; r < w.filterModel()->rowCount(); ++r) {
            const auto s = VerdictState(w.filterModel()->index(r, 0).data(VerdictStateRole).toInt());
            QVERIFY(s == VerdictState::Forged || s == VerdictState::Suspicious);
        }
        w.searchBox()->setText(QStringLiteral("rnybank"));
        // The lookalike, and the two-From message whose list entry shows both From fields.
        QCOMPARE(w.filterModel()->rowCount(), 2);
        for (int r = 0; r < w.filterModel()->rowCount(); ++r)
            QVERIFY(w.filterModel()->index(r, FromColumn).data().toString().contains(QStringLiteral("rnybank")));
        w.verdictFilterBox()->setCurrentIndex(0);
        w.searchBox()->setText(QStringLiteral("NOVEMBER STATEMENT")); // case-insensitive, in the subject
        QCOMPARE(w.filterModel()->rowCount(), 1);
        w.searchBox()->clear();
        // Sorting by the security column puts forged first.
        w.messageList()->sortByColumn(VerdictColumn, Qt::AscendingOrder);
        QCOMPARE(VerdictState(w.filterModel()->index(0, 0).data(VerdictStateRole).toInt()), VerdictState::Forged);
    }

    void keyboardOnly()
    {
        MainWindow w;
        QVERIFY(w.loadDemo());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(waitSettled(w));
        w.messageList()->setFocus();
        w.messageList()->setCurrentIndex(w.filterModel()->index(0, 0));
        const QString first = w.messageView()->banner()->headline();
        QTest::keyClick(w.messageList(), Qt::Key_Down);
        QCOMPARE(w.messageList()->currentIndex().row(), 1);
        QTRY_VERIFY(w.messageView()->banner()->headline() != first);
        // Ctrl+F reaches the search box; Tab leaves it.
        QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(w.searchBox()->hasFocus());
        QTest::keyClicks(w.searchBox(), QStringLiteral("meeting"));
        QCOMPARE(w.filterModel()->rowCount(), 1);
    }

    void bodyIsPlainTextOnly()
    {
        // HTML is reduced to text; nothing is fetched, tags are not rendered.
        const QByteArray html = "From: a@example.com\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                                "<p>Hello <img src=\"http://tracker.example/pixel.gif\"> <b>world</b></p>\r\n";
        const QString text = MessageView::displayText(html);
        QVERIFY2(text.contains(QStringLiteral("Hello")) && text.contains(QStringLiteral("world")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("<b>")));
        const QByteArray latin = "From: a@example.com\r\nContent-Type: text/plain; charset=iso-8859-1\r\n"
                                 "Content-Transfer-Encoding: quoted-printable\r\n\r\nGr=FC=DFe\r\n";
        QCOMPARE(MessageView::displayText(latin).trimmed(), QStringLiteral("Grüße"));
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
