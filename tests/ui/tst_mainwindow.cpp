// The desktop window on the offscreen platform, as a user meets it: drop a message and read the
// verdict, filter the list, work with the keyboard only.
#include "DemoMailbox.h"
#include "FindingText.h"
#include "InspectorModel.h"
#include "MainWindow.h"
#include "MessageFilterModel.h"
#include "MessageView.h"
#include "SecurityPanel.h"
#include "VerdictBanner.h"
#include "Verdict.h"
#include "ZoneResolver.h"

#include <QAbstractItemModelTester>
#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTranslator>
#include <QDateTime>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <memory>
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

/// The mnemonic letter of a text ("&Show" -> 's'; "&&" is a literal ampersand), null if none.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

using Mnemonics = QList<QPair<QChar, QString>>; // letter, where it is

void addMnemonic(Mnemonics &out, const QString &text, const QString &where)
{
    if (const QChar m = mnemonic(text); !m.isNull())
        out.append({m, where + QStringLiteral(" \"") + text + QLatin1Char('"')});
}

bool insideMenu(const QWidget *w)
{
    for (; w; w = w->parentWidget()) {
        if (qobject_cast<const QMenu *>(w))
            return true;
    }
    return false;
}

/// What Alt+letter reaches in a window: the menu bar's titles, labelled buddies, buttons, group
/// boxes and tabs (shown or not: a hidden bar or tab page can appear at any time).
Mnemonics windowMnemonics(QWidget *window)
{
    Mnemonics out;
    if (auto *mw = qobject_cast<QMainWindow *>(window)) {
        for (QAction *a : mw->menuBar()->actions())
            addMnemonic(out, a->text(), QStringLiteral("menu"));
    }
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (insideMenu(w) || qobject_cast<QMenuBar *>(w))
            continue;
        if (auto *l = qobject_cast<QLabel *>(w); l && l->buddy())
            addMnemonic(out, l->text(), QStringLiteral("label"));
        else if (auto *b = qobject_cast<QAbstractButton *>(w))
            addMnemonic(out, b->text(), QStringLiteral("button"));
        else if (auto *g = qobject_cast<QGroupBox *>(w))
            addMnemonic(out, g->title(), QStringLiteral("group"));
        else if (auto *t = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < t->count(); ++i)
                addMnemonic(out, t->tabText(i), QStringLiteral("tab"));
        }
    }
    return out;
}

/// Letters used more than once, with where: empty when none clash.
QStringList clashes(const Mnemonics &items)
{
    QMultiHash<QChar, QString> byKey;
    for (const auto &[key, where] : items)
        byKey.insert(key, where);
    QStringList out;
    for (const QChar key : byKey.uniqueKeys()) {
        const QStringList places = byKey.values(key);
        if (places.size() > 1)
            out << QStringLiteral("Alt+%1: %2").arg(key.toUpper(), places.join(QStringLiteral(", ")));
    }
    return out;
}

/// Every menu of the menu bar, submenus included, with its path ("&Accounts").
void collectMenus(QMenu *menu, const QString &path, QList<QPair<QString, QMenu *>> &out)
{
    out.append({path, menu});
    for (QAction *a : menu->actions()) {
        if (a->menu())
            collectMenus(a->menu(), path + QStringLiteral(" › ") + a->text(), out);
    }
}

verifier::Report synthetic()
{
    verifier::Report r;
    r.from.kind = verifier::AddressListKind::One;
    r.from.fieldCount = 1;
    r.from.address = "alice@example.com";
    r.from.domain = "example.com";
    r.from.header = "Alice <alice@example.com>";
    return r;
}

verifier::DkimResult dkim(verifier::AuthResult result, verifier::DkimFailure failure = verifier::DkimFailure::None)
{
    verifier::DkimResult d;
    d.result = result;
    d.failure = failure;
    d.domain = "example.com";
    d.selector = "sel";
    d.keyBits = 2048;
    d.keyType = "rsa";
    d.aligned = true;
    d.bodyLength = 100;
    d.reason = "the body hash does not match";
    return d;
}

verifier::DmarcResult dmarcResult(verifier::AuthResult result, verifier::DmarcPolicy policy)
{
    verifier::DmarcResult d;
    d.result = result;
    d.domain = "example.com";
    d.policy = policy;
    d.domainPolicy = policy;
    d.dkimAligned = result == verifier::AuthResult::Pass;
    return d;
}

verifier::AuthResultsHeader header(bool trusted, const char *method, const char *result,
                                   std::map<std::string, std::string> props)
{
    verifier::AuthResultsHeader h;
    h.authservId = "mx.provider.example";
    h.trusted = trusted;
    h.parsed = true;
    if (!trusted)
        h.trustReason = "Authserv-id not trusted: confirm it in the account settings.";
    h.methods.push_back(verifier::AuthMethodResult{method, result, "", std::move(props)});
    return h;
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
        // The drop events do not own their data (LeakSanitizer keeps us honest).
        auto mimeData = std::make_unique<QMimeData>();
        QMimeData *mime = mimeData.get();
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

    void mnemonicsDoNotClash()
    {
        MainWindow w;
        w.show();
        const Mnemonics top = windowMnemonics(&w);
        // The window has mnemonics to check: menus, the Show label, the tabs, the bar's buttons.
        QVERIFY2(top.size() >= 8, qPrintable(QString::number(top.size())));
        QStringList problems = clashes(top);
        QList<QPair<QString, QMenu *>> menus;
        for (QAction *a : w.menuBar()->actions()) {
            if (a->menu())
                collectMenus(a->menu(), a->text(), menus);
        }
        QVERIFY(menus.size() >= 4);
        for (const auto &[path, menu] : menus) {
            Mnemonics items;
            for (QAction *a : menu->actions()) {
                if (!a->isSeparator())
                    addMnemonic(items, a->text(), QStringLiteral("item"));
            }
            for (const QString &c : clashes(items))
                problems << path + QStringLiteral(": ") + c;
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void mnemonicCheckFindsAClash()
    {
        // The check above can fail: two controls on one letter are reported, "&&" is no mnemonic.
        QWidget window;
        auto *edit = new QLineEdit(&window);
        auto *label = new QLabel(QStringLiteral("&Show:"), &window);
        label->setBuddy(edit);
        new QPushButton(QStringLiteral("&Save"), &window);
        new QPushButton(QStringLiteral("Fish && &Chips"), &window);
        new QLabel(QStringLiteral("&Unused, no buddy"), &window);
        const QStringList found = clashes(windowMnemonics(&window));
        QCOMPARE(found.size(), 1);
        QVERIFY2(found.front().startsWith(QStringLiteral("Alt+S: ")), qPrintable(found.front()));
        QCOMPARE(mnemonic(QStringLiteral("Fish && &Chips")), QLatin1Char('c'));
    }

    void englishPluralForms_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("finding");
        QTest::addColumn<QString>("status");
        QTest::addRow("one") << 1 << QStringLiteral("1 Authentication-Results field was not trusted (written by mx.example).")
                             << QStringLiteral("1 message checked.");
        QTest::addRow("two") << 2
                             << QStringLiteral("2 Authentication-Results fields were not trusted (the first one written by mx.example).")
                             << QStringLiteral("2 messages checked.");
        QTest::addRow("zero") << 0
                              << QStringLiteral("0 Authentication-Results fields were not trusted (the first one written by mx.example).")
                              << QStringLiteral("0 messages checked.");
    }

    void englishPluralForms()
    {
        // translations/sealcheck_en.ts, compiled as the build does, gives English its plural forms.
        QFETCH(int, count);
        QFETCH(QString, finding);
        QFETCH(QString, status);
        const QString lrelease = QStringLiteral("/usr/lib/qt6/bin/lrelease");
        if (!QFile::exists(lrelease))
            QSKIP("the Qt 6 lrelease is not installed (apt install qt6-l10n-tools)");
        QTemporaryDir dir;
        const QString qm = dir.filePath(QStringLiteral("sealcheck_en.qm"));
        QCOMPARE(QProcess::execute(lrelease, {QStringLiteral(SEALCHECK_SOURCE_DIR "/translations/sealcheck_en.ts"),
                                              QStringLiteral("-qm"), qm, QStringLiteral("-silent")}),
                 0);
        QTranslator en;
        QVERIFY(en.load(qm));
        QCoreApplication::installTranslator(&en);
        const QString text = findingText(
            verifier::makeFinding(verifier::FindingCode::UntrustedAuthResults, {std::to_string(count), "mx.example"}));
        const QString checked = QCoreApplication::translate("sealcheck::ui::MainWindow", "%n message(s) checked.", nullptr, count);
        QCoreApplication::removeTranslator(&en);
        QCOMPARE(text, finding);
        QCOMPARE(checked, status);
    }

    void findingArgumentsAreData_data()
    {
        using namespace verifier;
        QTest::addColumn<int>("code");
        QTest::addColumn<Report>("report");
        Report untrusted = synthetic();
        untrusted.dkim.push_back(dkim(AuthResult::Pass));
        untrusted.dmarc = dmarcResult(AuthResult::Pass, DmarcPolicy::Reject);
        untrusted.authenticationResults.push_back(header(false, "dmarc", "pass", {}));
        untrusted.authenticationResults.push_back(header(false, "dmarc", "pass", {}));
        QTest::addRow("untrusted-authentication-results") << int(FindingCode::UntrustedAuthResults) << untrusted;

        Report time = synthetic();
        time.dkim.push_back(dkim(AuthResult::PermError, DkimFailure::KeyNotFound));
        time.dmarc = dmarcResult(AuthResult::Fail, DmarcPolicy::Reject);
        time.authenticationResults.push_back(header(true, "dkim", "pass", {{"header.d", "example.com"}, {"header.s", "sel"}}));
        ReceivedHop hop;
        hop.time = 1'700'000'000;
        time.received.push_back(hop);
        time.boundaryHop = 0;
        time.verifiedAt = 1'700'000'000 + 40 * 86400;
        QTest::addRow("dkim-pass-reported") << int(FindingCode::DkimPassReported) << time;

        Report reportedPass = synthetic();
        reportedPass.dkim.push_back(dkim(AuthResult::Fail, DkimFailure::BodyHashMismatch));
        reportedPass.dmarc = dmarcResult(AuthResult::Fail, DmarcPolicy::None);
        reportedPass.authenticationResults.push_back(header(true, "dkim", "pass", {{"header.d", "example.com"}}));
        QTest::addRow("sources-disagree-dkim-pass") << int(FindingCode::SourcesDisagree) << reportedPass;

        Report reportedFail = synthetic();
        reportedFail.dkim.push_back(dkim(AuthResult::Pass));
        reportedFail.dmarc = dmarcResult(AuthResult::Pass, DmarcPolicy::Reject);
        reportedFail.authenticationResults.push_back(header(true, "dkim", "fail", {{"header.d", "example.com"}}));
        QTest::addRow("sources-disagree-dkim-fail") << int(FindingCode::SourcesDisagree) << reportedFail;

        Report partial = synthetic();
        DkimResult l = dkim(AuthResult::Pass);
        l.bodyLengthLimit = 40;
        l.unsignedInstances = {"subject"};
        partial.dkim.push_back(l);
        partial.dmarc = dmarcResult(AuthResult::Pass, DmarcPolicy::Reject);
        QTest::addRow("partial-dkim-coverage") << int(FindingCode::PartialDkimCoverage) << partial;

        Report smime = synthetic();
        SignatureResult sig;
        sig.result = AuthResult::Pass;
        sig.signer = "alice@example.com";
        sig.trusted = true;
        sig.matchesFrom = true;
        sig.coversWholeBody = false;
        sig.unsignedParts = {"text after the signed block in part 1"};
        smime.smime = sig;
        QTest::addRow("partial-signature") << int(FindingCode::PartialSignature) << smime;

        Report broken = synthetic();
        sig.result = AuthResult::Fail;
        sig.reason = "the message digest does not match";
        broken.smime = sig;
        QTest::addRow("signature-invalid") << int(FindingCode::SignatureInvalid) << broken;

        Report ambiguous = synthetic();
        ambiguous.from.kind = AddressListKind::Ambiguous;
        ambiguous.from.address.reset();
        ambiguous.from.problem = "a quoted comma splits the display name";
        QTest::addRow("from-ambiguous") << int(FindingCode::FromAmbiguous) << ambiguous;
    }

    void findingArgumentsAreData()
    {
        // A translated sentence embeds the finding's arguments; they must be data (domains,
        // counts, codes), never English prose made by the verifier.
        QFETCH(int, code);
        QFETCH(verifier::Report, report);
        verifier::decideVerdict(report);
        std::vector<verifier::Finding> all = report.reasons;
        all.insert(all.end(), report.warnings.begin(), report.warnings.end());
        const QRegularExpression english(QStringLiteral("(^|\\s)(the|is|was|are|not|does|reported|signature|verify|match)(\\s|$)"),
                                         QRegularExpression::CaseInsensitiveOption);
        bool seen = false;
        for (const verifier::Finding &f : all) {
            if (int(f.code) != code)
                continue;
            seen = true;
            for (const std::string &arg : f.args) {
                const QString a = QString::fromStdString(arg);
                QVERIFY2(!english.match(a).hasMatch(), qPrintable(QStringLiteral("argument \"%1\"").arg(a)));
            }
            const QString shown = findingText(f);
            QVERIFY2(shown != QString::fromStdString(f.text), qPrintable(shown)); // a sentence of the UI, not the CLI's
            QVERIFY2(shown.endsWith(QLatin1Char('.')), qPrintable(shown));
        }
        QVERIFY2(seen, "the report does not produce the finding");
    }

    /// Issue 24 item 11: an mbox is opened as an index. The window lists every message at once,
    /// reads and verifies them a batch at a time, and keeps the full report of the latest
    /// only; an older one is verified again when its message is selected.
    void largeMboxIsStreamed()
    {
        constexpr int kMessages = 3000;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.mbox"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            for (int i = 1; i <= kMessages; ++i)
                f.write("From x@y Mon Jan 1 00:00:00 2024\nFrom: sender" + QByteArray::number(i)
                        + "@example.org\nSubject: number " + QByteArray::number(i) + "\n\nHi.\n\n");
        }
        MainWindow w;
        w.setVerificationSettings(demoSettings());
        w.inspectorModel()->setMaxReports(100);
        w.openFiles({path});
        QCOMPARE(w.inspectorModel()->rowCount(), kMessages);
        // Read and handed to the verifier in batches, not all at once.
        QVERIFY2(w.inspectorModel()->queuedCount() >= kMessages - 300, qPrintable(QString::number(w.inspectorModel()->queuedCount())));
        QVERIFY(QTest::qWaitFor([&] { return w.isSettled(); }, 120000));
        QCOMPARE(w.inspectorModel()->queuedCount(), 0);
        for (int r = 0; r < kMessages; ++r)
            QVERIFY2(stateOfRow(w, r) == VerdictState::Unauthenticated, qPrintable(QString::number(r)));
        const auto *last = w.inspectorModel()->entryAt(kMessages - 1);
        QCOMPARE(w.inspectorModel()->sourceOf(last->key), path + QStringLiteral("#3000"));
        QCOMPARE(w.inspectorModel()->index(kMessages - 1, SubjectColumn).data().toString(), QStringLiteral("number 3000"));
        QVERIFY(w.inspectorModel()->report(last->key).has_value());
        const auto *first = w.inspectorModel()->entryAt(0);
        QVERIFY(!w.inspectorModel()->report(first->key).has_value()); // not kept
        QCOMPARE(w.inspectorModel()->raw(first->key).value_or(QByteArray()),
                 QByteArray("From: sender1@example.org\nSubject: number 1\n\nHi.\n"));
        // Selected (the window selected the first message when the file opened; the user goes
        // to another and back): verified again, and shown with its report.
        w.messageList()->setCurrentIndex(w.filterModel()->mapFromSource(w.inspectorModel()->index(1, 0)));
        w.messageList()->setCurrentIndex(w.filterModel()->mapFromSource(w.inspectorModel()->index(0, 0)));
        QTRY_VERIFY(w.inspectorModel()->report(first->key).has_value());
        QTRY_VERIFY(w.messageView()->banner()->headline().startsWith(QStringLiteral("Unauthenticated")));
        QTRY_COMPARE(w.messageView()->bodyView()->toPlainText().trimmed(), QStringLiteral("Hi."));
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
