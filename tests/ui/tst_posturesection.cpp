// The security panel's "Sender domain" section (ui/PostureSection) on the offscreen platform, as
// a user meets it: the From domain of a demo message, the button, the progress while the check
// runs off the UI thread, then the grade, the reasons in plain words and the records to publish.
// demoDomains: DNS comes from the demo mailbox's zone (resources/demo/demo.zone); a zone resolver
// means offline, so no MTA-STS policy is fetched.
// mtaStsFetch and the rows after it: DNS from a zone written by the test, and the MTA-STS policy
// fetched for real over HTTPS from a local server (tests/common/LocalHttpsServer.h, 127.0.0.1, a
// free port) with a throw-away CA made by the openssl command, given to the section as
// PostureSection::setFetchOptions (extra root + mta-sts.<domain> -> 127.0.0.1:port, the same
// options as tst_mtasts). The certificate is still verified against mta-sts.<domain>. Those rows
// skip, saying why, when Qt has no TLS backend or openssl is absent.
#include "LocalHttpsServer.h"
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
#include <QSslSocket>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
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

// A sender domain as the HTTPS rows see it: two MX hosts (one in the domain, one elsewhere),
// SPF and DMARC reject working (grade A: transport security does not decide it), TLS-RPT, and the _mta-sts
// record when asked for.
std::shared_ptr<const verifier::Resolver> senderZone(const QString &domain, bool mtaStsRecord)
{
    auto zone = std::make_shared<verifier::ZoneResolver>();
    QString text = QStringLiteral("$ORIGIN %1.\n"
                                  "@ IN MX 10 mail\n@ IN MX 20 mx2.example.net.\n"
                                  "@ IN TXT \"v=spf1 mx -all\"\n"
                                  "_dmarc IN TXT \"v=DMARC1; p=reject; rua=mailto:d@%1\"\n"
                                  "_smtp._tls IN TXT \"v=TLSRPTv1; rua=mailto:tls@%1\"\n")
                       .arg(domain);
    if (mtaStsRecord)
        text += QStringLiteral("_mta-sts IN TXT \"v=STSv1; id=2026112301\"\n");
    if (!zone->loadMasterFile(text.toStdString()).ok())
        qFatal("test zone does not load");
    return zone;
}

QByteArray httpText(const QByteArray &body)
{
    return "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + QByteArray::number(body.size())
           + "\r\nConnection: close\r\n\r\n" + body;
}

// mx lines that match both MX hosts of senderZone(domain), or neither.
QByteArray matchingPolicy(const QString &domain)
{
    return "version: STSv1\r\nmode: enforce\r\nmx: mail." + domain.toLatin1() + "\r\nmx: *.example.net\r\nmax_age: 604800\r\n";
}
const QByteArray kForeignPolicy = "version: STSv1\nmode: enforce\nmx: mx.example.org\nmax_age: 604800\n";

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

    QTemporaryDir m_dir;
    QString m_httpsSkip; // why the HTTPS rows cannot run here ("" = they can)
    httpstest::TestCertificates m_certs;
    httpstest::LocalHttpsServer m_server;
    QByteArray m_policy; // what the server answers with

    // What the section is given: the test CA as an extra root (or not), and the addresses of
    // mta-sts.example.com and mta-sts.example.org. The server's certificate names
    // mta-sts.example.com and mta-sts.example.net only.
    sealcheck::MtaStsFetchOptions fetchOptions(bool trustCa) const
    {
        sealcheck::MtaStsFetchOptions o;
        if (trustCa)
            o.extraCaCertificates << m_certs.ca;
        for (const char *host : {"mta-sts.example.com", "mta-sts.example.org"})
            o.hostOverrides.insert(QLatin1String(host), {QHostAddress(QHostAddress::LocalHost), m_server.port()});
        return o;
    }

private slots:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            m_httpsSkip = QStringLiteral("Qt has no TLS backend here; the MTA-STS fetch rows are skipped");
        else if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            m_httpsSkip = QStringLiteral("the 'openssl' command is not installed; the MTA-STS fetch rows are skipped");
        if (!m_httpsSkip.isEmpty())
            return;
        QVERIFY(m_dir.isValid());
        QVERIFY(m_certs.make(m_dir.path(), {QStringLiteral("mta-sts.example.com"), QStringLiteral("mta-sts.example.net")},
                             QStringLiteral("mta-sts.example.com")));
        m_server.respond = [this](const QByteArray &) { return httpText(m_policy); };
        QVERIFY(m_server.start(m_certs.server, m_certs.serverKey));
    }

    void demoDomains_data()
    {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("grade");  // the grade line begins with this
        QTest::addColumn<QString>("reason"); // a line a user reads under the grade
        QTest::addColumn<QString>("shown");  // more text somewhere in the result (a record to publish, ...)

        QTest::newRow("mybank-enforced-no-transport")
            << "mybank.example" << "Grade A — Well protected"
            << "DMARC reject applies to all mail that fails" << "_mta-sts.mybank.example. TXT \"v=STSv1; id=";
        QTest::newRow("shop-quarantine-no-reports")
            << "shop.example" << "Grade B — Protected against spoofing" << "DMARC quarantine applies to all mail that fails"
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

    // The MTA-STS policy fetched over HTTPS from the local server, and what the tab then says.
    void mtaStsFetch_data()
    {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<bool>("mtaStsRecord");  // _mta-sts TXT published
        QTest::addColumn<QByteArray>("policy");  // what the server serves
        QTest::addColumn<bool>("trustCa");       // the test CA is given as an extra root
        QTest::addColumn<bool>("rogue");         // the server presents a self-signed certificate
        QTest::addColumn<int>("requests");       // HTTP requests the server reads
        QTest::addColumn<QString>("grade");      // the grade line begins with this
        QTest::addColumn<QString>("mtaSts");     // the MTA-STS row's result begins with this
        QTest::addColumn<QStringList>("shown");  // lines (or parts) the tab shows
        QTest::addColumn<QStringList>("hidden"); // never shown

        // Nothing of a policy shown as valid, and no transport-security credit in the grade.
        const QStringList notCredited{QStringLiteral("mode enforce"), QStringLiteral("All match the policy"),
                                      QStringLiteral("is protected in transit")};
        QTest::newRow("enforce-mx-match")
            << "example.com" << true << matchingPolicy(QStringLiteral("example.com")) << true << false << 1
            << "Grade A — Well protected" << "good: Senders that support MTA-STS deliver only over verified TLS"
            << QStringList{QStringLiteral("  Policy\tmode enforce, mx mail.example.com, *.example.net"),
                           QStringLiteral("  MX hosts\tAll match the policy: mail.example.com, mx2.example.net"),
                           QStringLiteral("• Mail to the domain is protected in transit (MTA-STS enforce).")}
            << QStringList{QStringLiteral("Not A:"), QStringLiteral("Not matched")};
        // The same domain without MTA-STS: one grade lower, and the reason says why.
        QTest::newRow("no-mta-sts-record")
            << "example.com" << false << matchingPolicy(QStringLiteral("example.com")) << true << false << 0
            << "Grade A — Well protected" << "missing: No MTA-STS"
            << QStringList{QStringLiteral("• Mail to the domain is not protected in transit (no MTA-STS in enforce mode")}
            << notCredited;
        // The server's certificate names mta-sts.example.com/.net, not mta-sts.example.org.
        QTest::newRow("certificate-for-another-name")
            << "example.org" << true << matchingPolicy(QStringLiteral("example.org")) << true << false << 0 << "Grade B"
            << "broken: The MTA-STS record is published but the policy"
            << QStringList{QStringLiteral("  Policy\tNot used: the certificate of mta-sts.example.org was not accepted, so "
                                          "the policy could not be fetched securely. Senders act as if the domain had "
                                          "no MTA-STS policy."),
                           QStringLiteral("  Details\tTLS certificate of mta-sts.example.org not accepted: The host name "
                                          "did not match"),
                           QStringLiteral("• One grade lower: the MTA-STS setup is broken"),
                           QStringLiteral("• Mail to the domain is not protected in transit")}
            << notCredited;
        QTest::newRow("certificate-untrusted-ca")
            << "example.com" << true << matchingPolicy(QStringLiteral("example.com")) << false << false << 0 << "Grade B"
            << "broken: The MTA-STS record is published but the policy"
            << QStringList{QStringLiteral("  Policy\tNot used: the certificate of mta-sts.example.com was not accepted, so "
                                          "the policy could not be fetched securely."),
                           QStringLiteral("  Details\tTLS certificate of mta-sts.example.com not accepted: "),
                           QStringLiteral("• One grade lower: the MTA-STS setup is broken")}
            << notCredited;
        QTest::newRow("certificate-self-signed")
            << "example.com" << true << matchingPolicy(QStringLiteral("example.com")) << true << true << 0 << "Grade B"
            << "broken: The MTA-STS record is published but the policy"
            << QStringList{QStringLiteral("  Policy\tNot used: the certificate of mta-sts.example.com was not accepted, so "
                                          "the policy could not be fetched securely."),
                           QStringLiteral("  Details\tTLS certificate of mta-sts.example.com not accepted: "),
                           QStringLiteral("• One grade lower: the MTA-STS setup is broken")}
            << notCredited;
        // DNS from a zone and no address given for mta-sts.example.net: offline, nothing fetched.
        QTest::newRow("zone-without-address")
            << "example.net" << true << matchingPolicy(QStringLiteral("example.net")) << true << false << 0
            << "Grade A — Well protected" << "not checked: MTA-STS record found (id=2026112301); the policy was not fetched."
            << QStringList{QStringLiteral("  Policy\tNot fetched: the DNS answers come from a zone file, so the domain's web server is not asked.")}
            << notCredited;
        QTest::newRow("mx-not-in-policy")
            << "example.com" << true << kForeignPolicy << true << false << 1 << "Grade B"
            << "broken: MX host(s) mail.example.com, mx2.example.net match no mx line of the policy"
            << QStringList{QStringLiteral("  Policy\tmode enforce, mx mx.example.org"),
                           QStringLiteral("  MX hosts\tNot matched by any mx line of the policy: mail.example.com, mx2.example.net"),
                           QStringLiteral("\"mx: mail.example.com\", \"mx: mx2.example.net\"")}
            << QStringList{QStringLiteral("All match the policy"), QStringLiteral("is protected in transit")};
    }

    void mtaStsFetch()
    {
        if (!m_httpsSkip.isEmpty())
            QSKIP(qPrintable(m_httpsSkip));
        QFETCH(QString, domain);
        QFETCH(bool, mtaStsRecord);
        QFETCH(QByteArray, policy);
        QFETCH(bool, trustCa);
        QFETCH(bool, rogue);
        QFETCH(int, requests);
        QFETCH(QString, grade);
        QFETCH(QString, mtaSts);
        QFETCH(QStringList, shown);
        QFETCH(QStringList, hidden);
        if (rogue)
            m_server.setCertificate(m_certs.rogue, m_certs.rogueKey);
        else
            m_server.setCertificate(m_certs.server, m_certs.serverKey);
        m_policy = policy;
        m_server.requests.clear();

        PostureSection s;
        s.setResolver(senderZone(domain, mtaStsRecord));
        s.setFetchOptions(fetchOptions(trustCa));
        s.resize(800, 600);
        s.show();
        s.setDomain(domain);
        QVERIFY(runCheck(s));
        QCOMPARE(m_server.requests.size(), requests); // a rejected certificate: no request is sent at all
        if (requests)
            QVERIFY2(m_server.requests.front().contains("\r\nHost: mta-sts." + domain.toLatin1() + "\r\n"),
                     m_server.requests.front().constData());

        QVERIFY2(s.gradeLabel()->text().startsWith(grade), qPrintable(s.gradeLabel()->text()));
        const QList<QTreeWidgetItem *> rows = s.resultTree()->findItems(QStringLiteral("MTA-STS"), Qt::MatchExactly);
        QCOMPARE(rows.size(), 1);
        QVERIFY2(rows.front()->text(1).startsWith(mtaSts), qPrintable(rows.front()->text(1)));
        if (mtaStsRecord) { // the policy's state right under the record and its DNS answer
            QVERIFY(rows.front()->childCount() > 2);
            QCOMPARE(rows.front()->child(0)->text(0), QStringLiteral("Record"));
            QCOMPARE(rows.front()->child(2)->text(0), QStringLiteral("Policy"));
        }
        // Unfolded: what is wrong, and a fetched policy (which MX hosts it matches).
        QVERIFY(rows.front()->isExpanded());
        QVERIFY(s.resultTree()->visualItemRect(rows.front()->child(rows.front()->childCount() - 1)).isValid());
        const QString text = s.resultText();
        for (const QString &line : shown)
            QVERIFY2(text.contains(line), qPrintable(line + QStringLiteral("\n--- not in ---\n") + text));
        for (const QString &line : hidden)
            QVERIFY2(!text.contains(line), qPrintable(line + QStringLiteral("\n--- shown in ---\n") + text));
        if (const QString dir = qEnvironmentVariable("SEALCHECK_GRAB_DIR"); !dir.isEmpty())
            s.grab().save(dir + QStringLiteral("/mtasts-") + QLatin1String(QTest::currentDataTag()) + QStringLiteral(".png"));
    }

    // Opening a message (the panel shows its report) and opening the tab fetch nothing; the
    // button does.
    void fetchOnlyAfterClick()
    {
        if (!m_httpsSkip.isEmpty())
            QSKIP(qPrintable(m_httpsSkip));
        m_server.setCertificate(m_certs.server, m_certs.serverKey);
        m_policy = matchingPolicy(QStringLiteral("example.com"));
        m_server.requests.clear();
        SecurityPanel panel;
        PostureSection *s = panel.postureSection();
        s->setResolver(senderZone(QStringLiteral("example.com"), true));
        s->setFetchOptions(fetchOptions(true));
        panel.resize(800, 600);
        panel.show();
        verifier::Report r;
        r.from.domain = "example.com";
        panel.showReport(r, QByteArray("From: a@example.com"));
        auto *tabs = panel.findChild<QTabWidget *>();
        QVERIFY(tabs);
        tabs->setCurrentWidget(s);
        QTest::qWait(500); // time for a fetch that should not happen
        QVERIFY(m_server.requests.isEmpty());
        QVERIFY(!s->isRunning());
        QVERIFY(s->statusLabel()->text().contains(QStringLiteral("Not checked yet")));
        QVERIFY(s->gradeLabel()->text().isEmpty());
        // The same message shown again (verified anew) does not start one either.
        panel.showReport(r, QByteArray("From: a@example.com"));
        QTest::qWait(200);
        QVERIFY(m_server.requests.isEmpty());

        QVERIFY(runCheck(*s));
        QCOMPARE(m_server.requests.size(), 1);
        QVERIFY2(s->gradeLabel()->text().startsWith(QStringLiteral("Grade A")), qPrintable(s->gradeLabel()->text()));
    }

    // Keyboard only: Tab from the tab bar reaches the check button, Space runs the check, and
    // the focus is on the button ("Check again") when the result is shown.
    void keyboard()
    {
        SecurityPanel panel;
        PostureSection *s = panel.postureSection();
        s->setResolver(demoZone());
        panel.resize(800, 600);
        panel.show();
        panel.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&panel));
        verifier::Report r;
        r.from.domain = "mybank.example";
        panel.showReport(r, QByteArray("From: a@mybank.example"));
        auto *tabs = panel.findChild<QTabWidget *>();
        QVERIFY(tabs);
        tabs->tabBar()->setFocus(Qt::TabFocusReason);
        QCOMPARE(QApplication::focusWidget(), tabs->tabBar());
        // Right arrow on the tab bar moves through the tabs up to "Sender domain".
        for (int i = 0; i < tabs->count() && tabs->currentWidget() != s; ++i)
            QTest::keyClick(tabs->tabBar(), Qt::Key_Right);
        QCOMPARE(tabs->currentWidget(), s);
        for (int i = 0; i < 10 && QApplication::focusWidget() != s->checkButton(); ++i)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), s->checkButton());

        QSignalSpy done(s, &PostureSection::checkFinished);
        QTest::keyClick(s->checkButton(), Qt::Key_Space);
        QVERIFY(s->isRunning());
        QVERIFY(done.wait(20000));
        QVERIFY2(s->gradeLabel()->text().startsWith(QStringLiteral("Grade A")), qPrintable(s->gradeLabel()->text()));
        QCOMPARE(s->checkButton()->text(), QStringLiteral("Check again"));
        QCOMPARE(QApplication::focusWidget(), s->checkButton());
    }
};

QTEST_MAIN(tst_PostureSection)
#include "tst_posturesection.moc"
