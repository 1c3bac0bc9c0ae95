// The security panel's "Sender domain" section (ui/PostureSection) on the offscreen platform, as
// a user meets it: the From domain of a demo message, the button, the progress while the check
// runs off the UI thread, then the grade, the reasons in plain words and the records to publish.
// DNS comes from the demo mailbox's zone (resources/demo/demo.zone); a zone resolver means
// offline, so no MTA-STS policy is fetched (the HTTPS fetch has its own test, tst_mtasts).
#include "PostureSection.h"
#include "Report.h"
#include "SecurityPanel.h"
#include "ZoneResolver.h"

#include <QApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

#include <fstream>
#include <sstream>

using namespace sealcheck::ui;

namespace {

std::shared_ptr<const verifier::Resolver> demoZone()
{
    auto zone = std::make_shared<verifier::ZoneResolver>();
    std::ifstream in(SEALCHECK_SOURCE_DIR "/resources/demo/demo.zone");
    std::stringstream text;
    text << in.rdbuf();
    if (!zone->loadMasterFile(text.str()).ok())
        qFatal("demo zone does not load");
    return zone;
}

bool runCheck(PostureSection &s)
{
    QSignalSpy done(&s, &PostureSection::checkFinished);
    QTest::mouseClick(s.checkButton(), Qt::LeftButton);
    return done.wait(20000) || done.count() == 1;
}

} // namespace

class tst_PostureSection : public QObject
{
    Q_OBJECT

private slots:
    void demoDomains_data()
    {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("grade");  // the grade line begins with this
        QTest::addColumn<QString>("reason"); // a line a user reads under the grade
        QTest::addColumn<QString>("shown");  // more text somewhere in the result (a record to publish, ...)

        QTest::newRow("mybank-enforced-no-transport")
            << "mybank.example" << "Grade B — Protected against spoofing"
            << "DMARC reject applies to all mail that fails" << "_mta-sts.mybank.example. TXT \"v=STSv1; id=";
        QTest::newRow("shop-quarantine-no-reports")
            << "shop.example" << "Grade A" << "DMARC quarantine applies to all mail that fails"
            << "_dmarc.shop.example. TXT \"v=DMARC1; p=quarantine; rua=mailto:dmarc@shop.example\"";
        QTest::newRow("news-p-none") << "news.example" << "Grade D — Weak"
                                     << "DMARC p=none: spoofed mail is only reported, not stopped."
                                     << "_dmarc.news.example. TXT \"v=DMARC1; p=quarantine; rua=mailto:reports@news.example\"";
        QTest::newRow("smallclub-nothing-stops-spoofing")
            << "smallclub.example" << "Grade F — Unprotected"
            << "No working DMARC policy: nothing asks receivers to stop spoofed mail." << "example. TXT \"v=spf1 mx -all\"";
        QTest::newRow("company-p-none-no-mx") << "company.example" << "Grade D" << "SPF works and ends in -all."
                                              << "not DNSSEC-validated";
    }

    void demoDomains()
    {
        QFETCH(QString, domain);
        QFETCH(QString, grade);
        QFETCH(QString, reason);
        QFETCH(QString, shown);
        PostureSection s;
        s.setResolver(demoZone());
        s.resize(700, 500);
        s.show();
        s.setDomain(domain);
        QVERIFY(s.checkButton()->isVisible());
        QVERIFY(s.gradeLabel()->text().isEmpty());
        QVERIFY(s.resultTree()->topLevelItemCount() == 0); // nothing is looked up before the user asks

        QSignalSpy done(&s, &PostureSection::checkFinished);
        QTest::mouseClick(s.checkButton(), Qt::LeftButton);
        // The check runs on a worker thread: the click returns at once, showing progress.
        QVERIFY(s.isRunning());
        QVERIFY(!s.checkButton()->isEnabled());
        QVERIFY(s.findChild<QProgressBar *>()->isVisible());
        QVERIFY(s.statusLabel()->text().contains(domain));
        QVERIFY(done.wait(20000));
        QVERIFY(!s.isRunning());
        QVERIFY(s.checkButton()->isEnabled());
        QVERIFY(!s.findChild<QProgressBar *>()->isVisible());

        QVERIFY2(s.gradeLabel()->text().startsWith(grade), qPrintable(s.gradeLabel()->text()));
        const QString text = s.resultText();
        QVERIFY2(s.reasonsLabel()->text().contains(QStringLiteral("• ") + reason), qPrintable(s.reasonsLabel()->text()));
        QVERIFY(s.reasonsLabel()->isVisible());
        QVERIFY2(text.contains(shown), qPrintable(text));
        if (shown.contains(QStringLiteral(" TXT "))) // a record to publish: in the copyable list
            QVERIFY2(s.fixesView()->isVisible() && s.fixesView()->toPlainText().contains(shown),
                     qPrintable(s.fixesView()->toPlainText()));
        QVERIFY(s.resultTree()->isVisible());
        // For a person checking the layout: SEALCHECK_GRAB_DIR=/tmp/x saves one picture per row.
        if (const QString dir = qEnvironmentVariable("SEALCHECK_GRAB_DIR"); !dir.isEmpty())
            s.grab().save(dir + QLatin1Char('/') + QLatin1String(QTest::currentDataTag()) + QStringLiteral(".png"));
    }

    void noSingleFromAddress()
    {
        PostureSection s;
        s.setResolver(demoZone());
        s.show();
        s.setDomain(QString());
        QVERIFY(!s.checkButton()->isVisible());
        s.startCheck(); // nothing to check: no-op
        QVERIFY(!s.isRunning());
        QVERIFY(s.findChildren<QLabel *>().front()->text().contains(QStringLiteral("none")));
    }

    // Back to a domain already checked (another message from it, or the panel redrawn): the
    // result shows again without a new lookup; another domain starts unchecked.
    void resultKeptPerDomain()
    {
        PostureSection s;
        s.setResolver(demoZone());
        s.show();
        s.setDomain(QStringLiteral("news.example"));
        QVERIFY(runCheck(s));
        QVERIFY(s.gradeLabel()->text().startsWith(QStringLiteral("Grade D")));
        s.setDomain(QStringLiteral("mybank.example"));
        QVERIFY(s.gradeLabel()->text().isEmpty());
        QVERIFY(s.statusLabel()->text().contains(QStringLiteral("Not checked yet")));
        s.setDomain(QStringLiteral("news.example"));
        QVERIFY(s.gradeLabel()->text().startsWith(QStringLiteral("Grade D")));
    }

    // A result that arrives after the user moved to another sender is not shown for it.
    void staleResultNotShown()
    {
        PostureSection s;
        s.setResolver(demoZone());
        s.show();
        s.setDomain(QStringLiteral("news.example"));
        QTest::mouseClick(s.checkButton(), Qt::LeftButton);
        QVERIFY(s.isRunning());
        s.setDomain(QStringLiteral("mybank.example"));
        QVERIFY(QTest::qWaitFor([&] { return !s.isRunning(); }, 20000));
        QVERIFY(s.gradeLabel()->text().isEmpty());
        QVERIFY(s.checkButton()->isEnabled());
    }

    // Hosted by the security panel: a "Sender domain" tab for the report's From domain.
    void hostedBySecurityPanel()
    {
        SecurityPanel panel;
        panel.show();
        verifier::Report r;
        r.from.domain = "mybank.example";
        panel.showReport(r, QByteArray("From: a@mybank.example"));
        PostureSection *s = panel.postureSection();
        QVERIFY(s);
        QCOMPARE(s->domain(), QStringLiteral("mybank.example"));
        auto *tabs = panel.findChild<QTabWidget *>();
        QVERIFY(tabs);
        QCOMPARE(tabs->tabText(tabs->indexOf(s)), QStringLiteral("Sender domain"));
        panel.clear();
        QCOMPARE(s->domain(), QString());
    }
};

QTEST_MAIN(tst_PostureSection)
#include "tst_posturesection.moc"
