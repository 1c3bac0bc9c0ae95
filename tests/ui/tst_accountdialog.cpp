// AccountDialog (offscreen): server discovery from SRV records (an in-memory zone), the trust
// offers (authserv-id, certificate) that change nothing until the user confirms, the plain-words
// connection failure, and no password in the store after saving.
#include "AccountDialog.h"
#include "Keychain.h"
#include "MessageStore.h"
#include "SettingsDialog.h"
#include "ZoneResolver.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QListWidget>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace sealcheck;
using namespace sealcheck::ui;

namespace {

const char *const kZone = R"(
_imaps._tcp.example.com. 300 IN SRV 0 1 993 mail.example.com.
_imap._tcp.example.net.  300 IN SRV 10 1 143 imap.example.net.
_imaps._tcp.example.info. 300 IN SRV 0 0 0 .
_imap._tcp.example.info. 300 IN SRV 0 1 1143 box.example.info.
_imaps._tcp.example.biz. 300 IN SRV 20 5 993 slow.example.biz.
_imaps._tcp.example.biz. 300 IN SRV 10 1 10993 fast.example.biz.
firm.example.com. 300 IN MX 5 aspmx.l.google.com.
firm.example.com. 300 IN MX 10 alt1.aspmx.l.google.com.
)";

std::shared_ptr<const verifier::Resolver> zone()
{
    auto z = std::make_shared<verifier::ZoneResolver>();
    if (!z->loadMasterFile(kZone).ok())
        qFatal("test zone does not load");
    return z;
}

} // namespace

class tst_AccountDialog : public QObject
{
    Q_OBJECT

private slots:
    void discovery_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<int>("security");
        QTest::newRow("srv-imaps") << "alice@example.com" << "mail.example.com" << 993 << int(ConnectionSecurity::ImplicitTls);
        QTest::newRow("srv-imap-starttls") << "bob@Example.NET" << "imap.example.net" << 143 << int(ConnectionSecurity::StartTls);
        QTest::newRow("imaps-not-offered-dot") << "carol@example.info" << "box.example.info" << 1143
                                               << int(ConnectionSecurity::StartTls);
        QTest::newRow("lowest-priority-first") << "dave@example.biz" << "fast.example.biz" << 10993
                                               << int(ConnectionSecurity::ImplicitTls);
        QTest::newRow("no-srv-guess") << "erin@example.org" << "imap.example.org" << 993 << int(ConnectionSecurity::ImplicitTls);
    }

    void discovery()
    {
        QFETCH(QString, address);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(int, security);
        AccountDialog d(zone());
        d.show();
        d.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&d));
        QSignalSpy done(&d, &AccountDialog::discoveryFinished);
        d.emailEdit()->setFocus();
        QTest::keyClicks(d.emailEdit(), address);
        QTest::keyClick(d.emailEdit(), Qt::Key_Tab); // leaving the address field starts discovery
        QVERIFY(!d.emailEdit()->hasFocus());
        QVERIFY(done.wait(10000));
        QCOMPARE(done.front().front().toBool(), true);
        QCOMPARE(d.hostEdit()->text(), host);
        QCOMPARE(d.portBox()->value(), port);
        QCOMPARE(d.securityBox()->currentData().toInt(), security);
        QCOMPARE(d.userEdit()->text(), address);
        QCOMPARE(d.account().host, host);
    }

    /// A domain whose mail goes to Google (MX) and publishes nothing else: the dialog proposes
    /// Gmail's IMAP server and switches to "Sign in with Google", and says where that came from.
    void discoveryFromMxChoosesProviderSignIn()
    {
        AccountDialog d(zone());
        QSignalSpy done(&d, &AccountDialog::discoveryFinished);
        d.emailEdit()->setText(QStringLiteral("frank@firm.example.com"));
        d.discoverServer();
        QVERIFY(done.wait(10000));
        QCOMPARE(done.front().front().toBool(), true);
        QCOMPARE(d.hostEdit()->text(), QStringLiteral("imap.gmail.com"));
        QCOMPARE(d.portBox()->value(), 993);
        QCOMPARE(d.authenticationBox()->currentData().toString(), QStringLiteral("google"));
        // The provider profile is proposed from the MX host, and kept with the account.
        QCOMPARE(d.providerBox()->currentData().toString(), QStringLiteral("gmail"));
        QCOMPARE(d.providerBox()->currentText(), QStringLiteral("Gmail / Google Workspace"));
        QCOMPARE(d.account().providerProfile, QStringLiteral("gmail"));
        AccountDialog again(zone());
        AccountRecord chosen = d.account();
        chosen.providerProfile = QStringLiteral("fastmail");
        again.setAccount(chosen);
        QCOMPARE(again.providerBox()->currentData().toString(), QStringLiteral("fastmail"));
        QCOMPARE(again.account().providerProfile, QStringLiteral("fastmail"));
        QVERIFY2(d.statusLabel()->text().contains(QStringLiteral("MX records")), qPrintable(d.statusLabel()->text()));
        // The third-party database is opt-in and off by default.
        QVERIFY(!d.ispdbBox()->isChecked());
    }

    /// What discovery could not use is shown under the result, DNS failures first with a
    /// warning; normal "no record" answers show nothing (offline: a zone, so DNS only).
    void discoveryNotes_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("failName"); // answers SERVFAIL ("" = none)
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("notes"); // a substring of the notes label; "" = label hidden
        QTest::newRow("srv-servfail-shown") << "gus@broken.example.com" << "_imaps._tcp.broken.example.com"
                                            << "imap.broken.example.com"
                                            << "the DNS server failed to answer for _imaps._tcp.broken.example.com (SERVFAIL)";
        QTest::newRow("mx-servfail-shown") << "gus@broken.example.com" << "broken.example.com" << "imap.broken.example.com"
                                           << "the MX records of broken.example.com (SERVFAIL)";
        QTest::newRow("no-record-nothing-shown") << "erin@example.org" << "" << "imap.example.org" << "";
    }

    void discoveryNotes()
    {
        QFETCH(QString, address);
        QFETCH(QString, failName);
        QFETCH(QString, host);
        QFETCH(QString, notes);
        auto z = std::make_shared<verifier::ZoneResolver>();
        QVERIFY(z->loadMasterFile(kZone).ok());
        if (!failName.isEmpty())
            z->setFailure(failName.toStdString(), verifier::DnsStatus::ServFail);
        AccountDialog d(z);
        QSignalSpy done(&d, &AccountDialog::discoveryFinished);
        d.emailEdit()->setText(address);
        d.discoverServer();
        QVERIFY(done.wait(10000));
        QCOMPARE(done.front().front().toBool(), true);
        QCOMPARE(d.hostEdit()->text(), host); // still proposed, but no longer silently
        const QLabel *label = d.discoveryNotesLabel();
        QVERIFY(label);
        if (notes.isEmpty()) {
            QVERIFY2(label->isHidden(), qPrintable(label->text()));
            QVERIFY(d.statusLabel()->toolTip().isEmpty());
            return;
        }
        QVERIFY(!label->isHidden());
        QCOMPARE(label->textFormat(), Qt::PlainText);
        QVERIFY2(label->text().startsWith(QStringLiteral("DNS did not answer every question")), qPrintable(label->text()));
        QVERIFY2(label->text().contains(notes), qPrintable(label->text()));
        QVERIFY2(d.statusLabel()->toolTip().contains(notes), qPrintable(d.statusLabel()->toolTip()));
        // A new lookup (another address, DNS fine) clears the old notes.
        done.clear();
        d.emailEdit()->setText(QStringLiteral("erin@example.org"));
        d.discoverServer();
        QVERIFY(done.wait(10000));
        QCOMPARE(d.hostEdit()->text(), QStringLiteral("imap.example.org"));
        QVERIFY2(label->isHidden(), qPrintable(label->text()));
    }

    void discoveryNeverOverwritesTypedHost()
    {
        AccountDialog d(zone());
        d.hostEdit()->setText(QStringLiteral("my.server.example"));
        d.emailEdit()->setText(QStringLiteral("alice@example.com"));
        QSignalSpy done(&d, &AccountDialog::discoveryFinished);
        d.discoverServer();
        QCOMPARE(done.size(), 1);
        QCOMPARE(done.front().front().toBool(), false);
        QCOMPARE(d.hostEdit()->text(), QStringLiteral("my.server.example"));
    }

    void noPlainConnectionOption()
    {
        AccountDialog d(zone());
        QCOMPARE(d.securityBox()->count(), 2);
        QCOMPARE(d.securityBox()->itemData(0).toInt(), int(ConnectionSecurity::ImplicitTls));
        QCOMPARE(d.securityBox()->itemData(1).toInt(), int(ConnectionSecurity::StartTls));
        QVERIFY(!d.phishingBox()->isChecked()); // the one write is off by default
    }

    void authservOffer()
    {
        AccountDialog d(zone());
        QCOMPARE(d.trustOfferText(), QString());
        d.offerAuthservId(QStringLiteral("mx.provider.example"));
        QCOMPARE(d.trustOfferText(),
                 QStringLiteral("Authentication-Results fields written by mx.provider.example will be believed. "
                                "Confirm only if mx.provider.example is your own mail provider."));
        QVERIFY(d.account().trustedAuthservIds.isEmpty()); // never silently
        d.acceptAuthservOffer();
        QCOMPARE(d.account().trustedAuthservIds, QStringList{QStringLiteral("mx.provider.example")});
    }

    void offerFromSyncedMail()
    {
        QTemporaryDir dir;
        MessageStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("s.sqlite"))).ok());
        AccountRecord a;
        a.name = QStringLiteral("A");
        const qint64 acc = *store.saveAccount(a);
        const qint64 box = *store.mailbox(acc, QStringLiteral("INBOX"));
        for (int i = 1; i <= 3; ++i) {
            MessageRow r;
            r.mailboxId = box;
            r.uid = quint32(i);
            const qint64 id = *store.saveMessage(r);
            verifier::Report rep;
            verifier::AuthResultsHeader top, lower;
            top.authservId = "mx.provider.example";
            top.parsed = true;
            top.fieldIndex = 1;
            lower.authservId = "attacker.example";
            lower.parsed = true;
            lower.fieldIndex = 7;
            rep.authenticationResults = {lower, top};
            verifier::ReceivedHop hop, below;
            hop.by = "mx1.provider.example";
            hop.fieldIndex = 0;
            below.by = "smtp.sender.example";
            below.fieldIndex = 4;
            rep.received = {hop, below};
            QVERIFY(store.saveReport(id, rep));
        }
        AccountDialog d(zone());
        d.offerTrustFromStore(store, box);
        QVERIFY(d.trustOfferText().contains(QStringLiteral("written by mx.provider.example will be believed")));
        QVERIFY(d.account().trustedAuthservIds.isEmpty());
        QCOMPARE(d.account().trustedRelays, QStringList{QStringLiteral("mx1.provider.example")});
    }

    void certificateOffer()
    {
        AccountDialog d(zone());
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        const QString pin = QStringLiteral("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        d.offerCertificate(QStringLiteral("CN=mail.example.com"), pin);
        QVERIFY(d.certificateOfferText().contains(QStringLiteral("CN=mail.example.com")));
        QVERIFY(d.certificateOfferText().contains(pin));
        QVERIFY(d.trustCertificateButton()->isEnabled());
        QCOMPARE(d.account().pinnedKeySha256, QString()); // only after the click
        QTest::mouseClick(d.trustCertificateButton(), Qt::LeftButton);
        QCOMPARE(d.account().pinnedKeySha256, pin);
    }

    void connectionFailureInPlainWords()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        AccountDialog d(zone());
        d.hostEdit()->setText(QStringLiteral("127.0.0.1"));
        d.portBox()->setValue(port);
        d.userEdit()->setText(QStringLiteral("alice"));
        d.passwordEdit()->setText(QStringLiteral("pw"));
        QSignalSpy tested(&d, &AccountDialog::connectionTested);
        d.testConnection();
        QVERIFY(tested.wait(30000));
        QCOMPARE(tested.front().at(0).toBool(), false);
        QCOMPARE(tested.front().at(1).toString(),
                 QStringLiteral("The server could not be found or refused the connection. Check the host name and port."));
        QCOMPARE(d.statusLabel()->text(), tested.front().at(1).toString());
    }

    void noPasswordInTheStore()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store.sqlite"));
        const QString secret = QStringLiteral("Zebra-Secret-4711");
        qint64 id = 0;
        {
            MessageStore store;
            QVERIFY(store.open(path).ok());
            AccountDialog d(zone());
            d.nameEdit()->setText(QStringLiteral("Work"));
            d.emailEdit()->setText(QStringLiteral("alice@example.com"));
            d.hostEdit()->setText(QStringLiteral("mail.example.com"));
            d.userEdit()->setText(QStringLiteral("alice@example.com"));
            d.passwordEdit()->setText(secret);
            QSignalSpy stored(&d, &AccountDialog::passwordStored);
            auto saved = d.save(store);
            QVERIFY(saved.ok());
            id = *saved;
            const auto back = store.account(id);
            QVERIFY(back);
            QCOMPARE(back->host, QStringLiteral("mail.example.com"));
            QCOMPARE(back->username, QStringLiteral("alice@example.com"));
            QVERIFY(stored.wait(20000));
            if (qEnvironmentVariableIsSet("SEALCHECK_KEYRING_TEST")) {
                QVERIFY2(stored.front().at(0).toBool(), qPrintable(stored.front().at(1).toString()));
                auto pw = Keychain::readPasswordBlocking(
                    Keychain::imapKey(QStringLiteral("alice@example.com"), QStringLiteral("mail.example.com"), 993));
                QVERIFY(pw.ok());
                QCOMPARE(*pw, secret);
            }
        }
        // Every file of the database (main, WAL, shared memory): the secret is nowhere.
        for (const QString &f : QDir(dir.path()).entryList(QDir::Files)) {
            QFile file(dir.filePath(f));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(f));
            QVERIFY2(!bytes.contains(secret.toUtf8().toBase64()), qPrintable(f));
        }
    }

    void settingsRoundTrip()
    {
        QTemporaryDir dir;
        AppSettings a;
        a.dnsServer = QStringLiteral("127.0.0.1@5353");
        a.smimeRootFiles = {QStringLiteral("/etc/company-root.pem")};
        a.gnupgHome = QStringLiteral("/tmp/gnupg-test");
        a.language = QStringLiteral("de");
        a.phishingKeywordDefault = true;
        {
            QSettings qs(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
            a.store(qs);
        }
        QSettings qs(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        QCOMPARE(AppSettings::load(qs), a);
        SettingsDialog d;
        d.setSettings(a);
        QVERIFY(d.customDnsButton()->isChecked());
        QCOMPARE(d.languageBox()->currentText(), QStringLiteral("Deutsch"));
        QCOMPARE(d.settings(), a);
        d.systemDnsButton()->setChecked(true);
        QCOMPARE(d.settings().dnsServer, QString()); // the system's resolvers
        auto v = a.toVerificationSettings();
        QVERIFY2(v.ok(), v.ok() ? "" : v.error().message.c_str());
        QVERIFY(v->resolver != nullptr);
        QCOMPARE(v->signatures.caFiles, std::vector<std::string>{"/etc/company-root.pem"});
        QCOMPARE(v->signatures.gnupgHome, std::string("/tmp/gnupg-test"));
        AppSettings bad = a;
        bad.dnsServer = QStringLiteral("dns.example.com");
        QVERIFY(!bad.toVerificationSettings().ok());
    }

    void dnsServerSyntax_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ipv4") << "192.0.2.53" << true;
        QTest::newRow("ipv4-port") << "127.0.0.1@5353" << true;
        QTest::newRow("ipv6") << "2001:db8::53" << true;
        QTest::newRow("ipv6-port") << "::1@53" << true;
        QTest::newRow("name") << "dns.example.com" << false;
        QTest::newRow("port-zero") << "127.0.0.1@0" << false;
        QTest::newRow("port-too-big") << "127.0.0.1@70000" << false;
        QTest::newRow("empty-port") << "127.0.0.1@" << false;
    }

    void dnsServerSyntax()
    {
        QFETCH(QString, server);
        QFETCH(bool, valid);
        QCOMPARE(AppSettings::isValidDnsServer(server), valid);
    }
};

QTEST_MAIN(tst_AccountDialog)
#include "tst_accountdialog.moc"
