// The IMAP client against scripted servers on loopback (TLS with the test certificate in
// data/): each case replays a C:/S: conversation and asserts what the user would see.
#include "ImapCertificatePin.h"
#include "ImapProtocolLog.h"
#include "ImapReconnectPolicy.h"
#include "ImapSyncClient.h"
#include "ScriptedImapServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>

using namespace imap;

using imaptest::dataFile;
using imaptest::loadCert;
using imaptest::ScriptedServer;

namespace {

ImapConnectionSettings settingsFor(const ScriptedServer &server, TlsMode mode, bool trustCa = true)
{
    ImapConnectionSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = server.serverPort();
    s.tlsMode = mode;
    if (trustCa)
        s.extraCaCertificates = {loadCert("ca.pem")};
    s.responseTimeoutMs = 3000;
    s.connectTimeoutMs = 3000;
    return s;
}

const QByteArray kGreeting = "S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR IDLE] ready";

} // namespace

class tst_ImapScripted : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend");
        QVERIFY(!loadCert("server.pem").isNull());
    }

    /// Connection and login outcomes: one row per conversation, the error the user sees.
    void login_data()
    {
        QTest::addColumn<QList<QByteArray>>("script");
        QTest::addColumn<int>("mode"); // TlsMode
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("errorKind"); // -1 = success
        QTest::addColumn<QString>("errorText");

        const int ok = -1;
        QTest::newRow("starttls not offered")
            << QList<QByteArray>{"S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] plain only"} << int(TlsMode::StartTls)
            << QStringLiteral("secret") << int(ImapErrorKind::StartTlsNotOffered)
            << QStringLiteral("the server does not offer STARTTLS; refusing to send the password in clear");
        QTest::newRow("starttls not offered, capability asked")
            << QList<QByteArray>{"S: * OK hi", "C: s1 CAPABILITY", "S: * CAPABILITY IMAP4rev1 LOGIN", "S: s1 OK done"}
            << int(TlsMode::StartTls) << QStringLiteral("secret") << int(ImapErrorKind::StartTlsNotOffered)
            << QStringLiteral("the server does not offer STARTTLS; refusing to send the password in clear");
        QTest::newRow("starttls refused by server")
            << QList<QByteArray>{"S: * OK [CAPABILITY IMAP4rev1 STARTTLS] hi", "C: s1 STARTTLS", "S: s1 NO not today"}
            << int(TlsMode::StartTls) << QStringLiteral("secret") << int(ImapErrorKind::StartTlsNotOffered)
            << QStringLiteral("the server refused STARTTLS (not today); refusing to send the password in clear");
        QTest::newRow("preauth in clear")
            << QList<QByteArray>{"S: * PREAUTH [CAPABILITY IMAP4rev1 STARTTLS] welcome"} << int(TlsMode::StartTls)
            << QStringLiteral("secret") << int(ImapErrorKind::StartTlsNotOffered)
            << QStringLiteral("127.0.0.1:%1 sent PREAUTH on an unencrypted connection, so STARTTLS is impossible; refusing to continue in clear");
        QTest::newRow("starttls injection")
            << QList<QByteArray>{"S: * OK [CAPABILITY IMAP4rev1 STARTTLS] hi", "C: s1 STARTTLS",
                                 "RAW: s1 OK begin\r\n* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] injected\r\n"}
            << int(TlsMode::StartTls) << QStringLiteral("secret") << int(ImapErrorKind::ProtocolError)
            << QStringLiteral("127.0.0.1:%1 sent data after accepting STARTTLS, before TLS started; refusing the connection (possible command injection)");
        QTest::newRow("starttls then login")
            << QList<QByteArray>{"S: * OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] hi", "C: s1 STARTTLS",
                                 "S: s1 OK begin", "TLS", "C: s2 CAPABILITY", "S: * CAPABILITY IMAP4rev1 IDLE",
                                 "S: s2 OK done", "C: s3 LOGIN alice secret", "S: s3 OK [CAPABILITY IMAP4rev1 IDLE] in"}
            << int(TlsMode::StartTls) << QStringLiteral("secret") << ok << QString();
        QTest::newRow("logindisabled")
            << QList<QByteArray>{"S: * OK [CAPABILITY IMAP4rev1 LOGINDISABLED] hi"} << int(TlsMode::Implicit)
            << QStringLiteral("secret") << int(ImapErrorKind::LoginDisabled)
            << QStringLiteral("the server does not allow password login (LOGINDISABLED) and offers no supported authentication method");
        QTest::newRow("login NO")
            << QList<QByteArray>{"S: * OK [CAPABILITY IMAP4rev1] hi", "C: s1 LOGIN alice secret",
                                 "S: s1 NO [AUTHENTICATIONFAILED] Authentication failed."}
            << int(TlsMode::Implicit) << QStringLiteral("secret") << int(ImapErrorKind::AuthenticationFailed)
            << QStringLiteral("login failed: wrong user name or password (the server said: Authentication failed.)");
        QTest::newRow("login NO unavailable")
            << QList<QByteArray>{"S: * OK [CAPABILITY IMAP4rev1] hi", "C: s1 LOGIN alice secret",
                                 "S: s1 NO [UNAVAILABLE] try later"}
            << int(TlsMode::Implicit) << QStringLiteral("secret") << int(ImapErrorKind::AuthenticationFailed)
            << QStringLiteral("login failed: the server cannot log you in right now, try again later (the server said: try later)");
        QTest::newRow("authenticate plain sasl-ir")
            << QList<QByteArray>{kGreeting, "C: s1 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==",
                                 "S: s1 NO [AUTHENTICATIONFAILED] Authentication failed."}
            << int(TlsMode::Implicit) << QStringLiteral("secret") << int(ImapErrorKind::AuthenticationFailed)
            << QStringLiteral("login failed: wrong user name or password (the server said: Authentication failed.)");
        QTest::newRow("authenticate plain without sasl-ir")
            << QList<QByteArray>{"S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hi", "C: s1 AUTHENTICATE PLAIN", "S: + ",
                                 "C: AGFsaWNlAHNlY3JldA==", "S: s1 OK [CAPABILITY IMAP4rev1] yes"}
            << int(TlsMode::Implicit) << QStringLiteral("secret") << ok << QString();
        QTest::newRow("login 8-bit password as literal")
            << QList<QByteArray>{"S: * OK [CAPABILITY IMAP4rev1] hi", "C: s1 LOGIN alice {7}", "S: + go",
                                 "C: s\xc3\xa9" "cret", "S: s1 OK done", "C: s2 CAPABILITY",
                                 "S: * CAPABILITY IMAP4rev1", "S: s2 OK"}
            << int(TlsMode::Implicit) << QString::fromUtf8("s\xc3\xa9" "cret") << ok << QString();
        QTest::newRow("bye greeting")
            << QList<QByteArray>{"S: * BYE too many connections"} << int(TlsMode::Implicit)
            << QStringLiteral("secret") << int(ImapErrorKind::ServerBye)
            << QStringLiteral("127.0.0.1:%1 refused the connection: too many connections");
        QTest::newRow("garbage greeting")
            << QList<QByteArray>{"S: HTTP/1.1 400 Bad Request"} << int(TlsMode::Implicit) << QStringLiteral("secret")
            << int(ImapErrorKind::ProtocolError)
            << QStringLiteral("the server sent a response that cannot be parsed (tagged response without OK, NO or BAD)");
        QTest::newRow("closed during login")
            << QList<QByteArray>{"S: * OK [CAPABILITY IMAP4rev1] hi", "C: s1 LOGIN alice secret", "CLOSE"}
            << int(TlsMode::Implicit) << QStringLiteral("secret") << int(ImapErrorKind::ConnectionLost)
            << QStringLiteral("the connection to 127.0.0.1:%1 was lost");
        QTest::newRow("silent server")
            << QList<QByteArray>{"S: * OK [CAPABILITY IMAP4rev1] hi", "C: s1 LOGIN alice secret", "SILENT"}
            << int(TlsMode::Implicit) << QStringLiteral("secret") << int(ImapErrorKind::Timeout)
            << QStringLiteral("the server 127.0.0.1:%1 stopped answering (no reply within 3 seconds)");
        QTest::newRow("unknown tag")
            << QList<QByteArray>{"S: * OK [CAPABILITY IMAP4rev1] hi", "C: s1 LOGIN alice secret", "S: zz9 OK what"}
            << int(TlsMode::Implicit) << QStringLiteral("secret") << int(ImapErrorKind::ProtocolError)
            << QStringLiteral("the server answered a command that was never sent (tag zz9)");
        QTest::newRow("huge literal")
            << QList<QByteArray>{"S: * OK [CAPABILITY IMAP4rev1] hi", "C: s1 LOGIN alice secret",
                                 "S: * 1 FETCH (BODY[] {99999999999}"}
            << int(TlsMode::Implicit) << QStringLiteral("secret") << int(ImapErrorKind::ResponseTooLarge)
            << QStringLiteral("the server announced a literal of 99999999999 bytes, above the limit of 67108864 bytes");
    }
    void login()
    {
        QFETCH(QList<QByteArray>, script);
        QFETCH(int, mode);
        QFETCH(QString, password);
        QFETCH(int, errorKind);
        QFETCH(QString, errorText);
        ScriptedServer server(script,
                              TlsMode(mode) == TlsMode::Implicit ? ScriptedServer::Mode::ImplicitTls : ScriptedServer::Mode::Plain);
        QVERIFY(server.isListening());
        ImapSyncClient client(settingsFor(server, TlsMode(mode)));
        const auto r = client.connectAndLogin(QStringLiteral("alice"), password);
        if (errorKind < 0) {
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
            QVERIFY(client.isConnected());
        } else {
            QVERIFY(!r.ok());
            QCOMPARE(r.error().message, errorText.contains(QLatin1String("%1")) ? errorText.arg(server.serverPort()) : errorText);
            QCOMPARE(int(r.error().kind), errorKind);
        }
        QVERIFY2(server.mismatch.isEmpty(), qPrintable(server.mismatch));
        QVERIFY2(server.finished(), "the conversation stopped early");
        // Never a password in clear, never a login after a refusal.
        bool scriptHasLogin = false;
        for (const QByteArray &step : script)
            scriptHasLogin = scriptHasLogin || (step.startsWith("C:") && (step.contains("LOGIN") || step.contains("AUTHENTICATE")));
        if (!scriptHasLogin)
            for (const QByteArray &line : server.received)
                QVERIFY2(!line.contains("LOGIN") && !line.contains("AUTHENTICATE"), line.constData());
        const QByteArray log = client.protocolLog();
        QVERIFY(!log.contains(password.toUtf8()));
        QVERIFY(!log.contains("AGFsaWNlAHNlY3JldA=="));
    }

    void untrustedCertificateCarriesPin()
    {
        const QList<QByteArray> script{kGreeting, "C: s1 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==", "S: s1 OK [CAPABILITY IMAP4rev1] in"};
        const QByteArray expectedPin = "bwMiXK3sXE3qHGNjn38/WhNTKGCnVUgWfZSfxjnrQtE="; // data/README.md
        QCOMPARE(ImapCertificatePin::display(loadCert("server.pem")), expectedPin);
        {
            ScriptedServer server(script, ScriptedServer::Mode::ImplicitTls);
            ImapSyncClient client(settingsFor(server, TlsMode::Implicit, false));
            const auto r = client.connectAndLogin(QStringLiteral("alice"), QStringLiteral("secret"));
            QVERIFY(!r.ok());
            QCOMPARE(int(r.error().kind), int(ImapErrorKind::UntrustedCertificate));
            QCOMPARE(r.error().certificatePin, expectedPin);
            QCOMPARE(r.error().certificateSubject, QStringLiteral("localhost"));
            QVERIFY2(r.error().message.contains(QString::fromLatin1("sha256//" + expectedPin)), qPrintable(r.error().message));
            QVERIFY(server.received.isEmpty());
        }
        {
            ScriptedServer server(script, ScriptedServer::Mode::ImplicitTls);
            auto s = settingsFor(server, TlsMode::Implicit, false);
            s.pinnedPublicKeySha256 = *ImapCertificatePin::parse(QString::fromLatin1(expectedPin));
            ImapSyncClient client(s);
            const auto r = client.connectAndLogin(QStringLiteral("alice"), QStringLiteral("secret"));
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message + QLatin1Char('\n') + QString::fromUtf8(client.protocolLog())));
        }
        {
            ScriptedServer server(script, ScriptedServer::Mode::ImplicitTls);
            auto s = settingsFor(server, TlsMode::Implicit, false);
            s.pinnedPublicKeySha256 = QByteArray(32, 'x'); // another key's pin
            ImapSyncClient client(s);
            const auto r = client.connectAndLogin(QStringLiteral("alice"), QStringLiteral("secret"));
            QVERIFY(!r.ok());
            QCOMPARE(int(r.error().kind), int(ImapErrorKind::UntrustedCertificate));
        }
        {
            // Trusted CA but wrong name (127.0.0.2 is loopback too, not in the certificate): refused.
            ScriptedServer server(script, ScriptedServer::Mode::ImplicitTls, QHostAddress(QStringLiteral("127.0.0.2")));
            auto s = settingsFor(server, TlsMode::Implicit, true);
            s.host = QStringLiteral("127.0.0.2");
            ImapSyncClient client(s);
            const auto r = client.connectAndLogin(QStringLiteral("alice"), QStringLiteral("secret"));
            QVERIFY(!r.ok());
            QCOMPARE(int(r.error().kind), int(ImapErrorKind::UntrustedCertificate));
            QVERIFY2(r.error().message.contains(QLatin1String("host name")), qPrintable(r.error().message));
        }
    }

    void pinParsing()
    {
        const QByteArray raw = QByteArray::fromBase64("bwMiXK3sXE3qHGNjn38/WhNTKGCnVUgWfZSfxjnrQtE=");
        QCOMPARE(ImapCertificatePin::parse(QStringLiteral("bwMiXK3sXE3qHGNjn38/WhNTKGCnVUgWfZSfxjnrQtE=")), raw);
        QCOMPARE(ImapCertificatePin::parse(QStringLiteral("sha256//bwMiXK3sXE3qHGNjn38/WhNTKGCnVUgWfZSfxjnrQtE=")), raw);
        QCOMPARE(ImapCertificatePin::parse(QString::fromLatin1(raw.toHex())), raw);
        QCOMPARE(ImapCertificatePin::parse(QString::fromLatin1(raw.toHex(':'))), raw);
        QVERIFY(!ImapCertificatePin::parse(QStringLiteral("abc")));
        QVERIFY(!ImapCertificatePin::parse(QStringLiteral("")));
    }

    /// Examine, search, fetch: read-only commands only, in-order delivery, expunged messages skipped.
    void examineAndFetch()
    {
        const QList<QByteArray> script{
            "S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] hi",
            "C: s1 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==",
            "S: s1 OK [CAPABILITY IMAP4rev1 IDLE] in",
            "C: s2 EXAMINE INBOX",
            "S: * 4 EXISTS",
            "S: * FLAGS (\\Seen \\Deleted)",
            "S: * OK [UIDVALIDITY 77] ok",
            "S: * OK [UIDNEXT 12] ok",
            "S: s2 OK [READ-ONLY] done",
            "C: s3 UID SEARCH UID 5:*",
            "S: * SEARCH 3 5 7 9 11",
            "S: s3 OK",
            "C: s4 UID FETCH 5,7 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])",
            "C: s5 UID FETCH 9,11 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])",
            "S: * 2 FETCH (UID 7 FLAGS () BODY[] {7}\r\nseven\r\n)",
            "S: * 1 FETCH (FLAGS (\\Seen))", // unsolicited flag update, no UID
            "S: * 1 FETCH (UID 5 FLAGS () BODY[] {6}\r\nfive\r\n)",
            "S: s4 OK",
            "S: * 4 FETCH (UID 11 FLAGS () BODY[] {8}\r\neleven\r\n)", // 9 was expunged meanwhile
            "S: s5 OK",
            "C: s6 LOGOUT",
            "S: * BYE bye",
            "S: s6 OK",
            "CLOSE",
        };
        ScriptedServer server(script, ScriptedServer::Mode::ImplicitTls);
        ImapSyncClient client(settingsFor(server, TlsMode::Implicit));
        QVERIFY(client.connectAndLogin(QStringLiteral("alice"), QStringLiteral("secret")).ok());
        const auto box = client.examine(QStringLiteral("INBOX"));
        QVERIFY2(box.ok(), qPrintable(box.ok() ? QString() : box.error().message));
        QCOMPARE(box->uidValidity, 77u);
        QCOMPARE(box->uidNext, 12u);
        QCOMPARE(box->exists, 4u);
        QVERIFY(box->readOnly);
        const auto delta = client.incrementalSync(SyncState{77, 4, 0});
        QVERIFY(delta.ok());
        QVERIFY(!delta->uidValidityChanged);
        QCOMPARE(delta->newUids, (QList<quint32>{5, 7, 9, 11}));
        QList<quint32> order;
        QList<QByteArray> bodies;
        const auto sum = client.fetchMessages(delta->newUids, FetchParts::FullMessage, [&](const FetchData &m) {
            order.append(*m.uid);
            bodies.append(*m.message());
        }, 2);
        QVERIFY2(sum.ok(), qPrintable(sum.ok() ? QString() : sum.error().message));
        QCOMPARE(order, (QList<quint32>{5, 7, 11}));
        QCOMPARE(bodies, (QList<QByteArray>{"five\r\n", "seven\r\n", "eleven\r\n"}));
        QCOMPARE(sum->delivered, 3);
        QCOMPARE(sum->lastDeliveredUid, 11u);
        QCOMPARE(sum->skippedUids, (QList<quint32>{9})); // said, never silently dropped (issue 24)
        QCOMPARE(sum->unexpected, 0); // the flag update without a body is ordinary
        QVERIFY(!client.protocolLog().contains("seven"));
        client.logout();
        QVERIFY2(server.mismatch.isEmpty(), qPrintable(server.mismatch));
        QVERIFY(server.finished());
        for (const QByteArray &line : server.received)
            QVERIFY2(!line.contains("SELECT") && !line.contains("STORE") && !line.contains("EXPUNGE"), line.constData());
    }

    // Issue 24 item 9: a server that answers for UIDs it was not asked for, and leaves out the
    // ones asked for. Nothing asked for disappears silently.
    void unrequestedAndMissingUidsAreReported()
    {
        const QList<QByteArray> script{
            kGreeting, "C: s1 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==", "S: s1 OK [CAPABILITY IMAP4rev1] in",
            "C: s2 EXAMINE INBOX", "S: * 3 EXISTS", "S: s2 OK [READ-ONLY] done",
            "C: s3 UID FETCH 1:3 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])",
            "S: * 1 FETCH (UID 1 BODY[] {3}\r\none)",
            "S: * 2 FETCH (UID 40 BODY[] {5}\r\nforty)",
            "S: * 3 FETCH (UID 41 BODY[] {5}\r\nforty)",
            "S: * 2 FETCH (UID 2 FLAGS (\\Seen))", // a flag update: not a message, not counted
            "S: s3 OK",
        };
        ScriptedServer server(script, ScriptedServer::Mode::ImplicitTls);
        ImapSyncClient client(settingsFor(server, TlsMode::Implicit));
        QVERIFY(client.connectAndLogin(QStringLiteral("alice"), QStringLiteral("secret")).ok());
        QVERIFY(client.examine(QStringLiteral("INBOX")).ok());
        QList<quint32> got;
        const auto sum = client.fetchMessages({1, 2, 3}, FetchParts::FullMessage, [&](const FetchData &m) { got << *m.uid; });
        QVERIFY2(sum.ok(), qPrintable(sum.ok() ? QString() : sum.error().message));
        QCOMPARE(got, (QList<quint32>{1}));
        QCOMPARE(sum->skippedUids, (QList<quint32>{2, 3}));
        QCOMPARE(sum->unexpected, 2);
        QCOMPARE(sum->unexpectedUids, (QList<quint32>{40, 41}));
        QVERIFY2(server.mismatch.isEmpty(), qPrintable(server.mismatch));
    }

    // Issue 24 item 7: one response may announce any number of literals, each under the literal
    // limit. The bytes of the whole response are bounded, checked at each announcement (before
    // the bytes arrive). Limits lowered through the settings to keep the test small.
    void responseBytesAreBounded_data()
    {
        QTest::addColumn<int>("literals");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("3 x 90000 bytes, limit 300000: read") << 3 << true;
        QTest::newRow("8 x 90000 bytes, limit 300000: refused") << 8 << false;
    }
    void responseBytesAreBounded()
    {
        QFETCH(int, literals);
        QFETCH(bool, accepted);
        const char *sections[] = {"BODY[]", "BODY[HEADER]", "BODY[TEXT]", "BODY[1]", "BODY[2]", "BODY[3]", "BODY[4]", "BODY[5]"};
        QByteArray response = "* 1 FETCH (UID 1";
        for (int i = 0; i < literals; ++i)
            response += QByteArray(" ") + sections[i] + " {90000}\r\n" + QByteArray(90000, 'x');
        response += ")\r\n";
        const QList<QByteArray> script{
            kGreeting, "C: s1 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==", "S: s1 OK [CAPABILITY IMAP4rev1] in",
            "C: s2 EXAMINE INBOX", "S: * 1 EXISTS", "S: s2 OK [READ-ONLY] done",
            "C: s3 UID FETCH 1 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])", "RAW: " + response, "S: s3 OK",
        };
        ScriptedServer server(script, ScriptedServer::Mode::ImplicitTls);
        ImapConnectionSettings settings = settingsFor(server, TlsMode::Implicit);
        settings.maxLiteralSize = 100000;
        settings.maxResponseSize = 300000;
        ImapSyncClient client(settings);
        QVERIFY(client.connectAndLogin(QStringLiteral("alice"), QStringLiteral("secret")).ok());
        QVERIFY(client.examine(QStringLiteral("INBOX")).ok());
        int got = 0;
        const auto sum = client.fetchMessages({1}, FetchParts::FullMessage, [&](const FetchData &) { ++got; });
        if (accepted) {
            QVERIFY2(sum.ok(), qPrintable(sum.ok() ? QString() : sum.error().message));
            QCOMPARE(got, 1);
            return;
        }
        QVERIFY(!sum.ok());
        QCOMPARE(int(sum.error().kind), int(ImapErrorKind::ResponseTooLarge));
        QCOMPARE(sum.error().message, QStringLiteral("one response from the server would be larger than the limit of "
                                                     "300000 bytes for one response (its literals counted together)"));
        QCOMPARE(got, 0);
        QVERIFY(!client.isConnected());
    }

    // Issue 24 item 8: a server sending one byte at a time keeps resetting the silence timeout;
    // the minimum transfer rate ends the wait. Here 20 bytes/s against a minimum of 100 after a
    // 1 s allowance: the error comes after about 1.25 s instead of the 10 s the trickle lasts.
    void tricklingServerHitsTheDeadline()
    {
        const QList<QByteArray> script{
            kGreeting, "C: s1 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==", "S: s1 OK [CAPABILITY IMAP4rev1] in",
            "C: s2 EXAMINE INBOX", "TRICKLE: * OK [UIDVALIDITY 7] " + QByteArray(170, 'z'), "S: s2 OK [READ-ONLY] done",
        };
        ScriptedServer server(script, ScriptedServer::Mode::ImplicitTls);
        ImapConnectionSettings settings = settingsFor(server, TlsMode::Implicit);
        settings.responseTimeoutMs = 1000;
        settings.minBytesPerSecond = 100;
        ImapSyncClient client(settings);
        QVERIFY(client.connectAndLogin(QStringLiteral("alice"), QStringLiteral("secret")).ok());
        QElapsedTimer timer;
        timer.start();
        const auto box = client.examine(QStringLiteral("INBOX"));
        QVERIFY(!box.ok());
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(int(box.error().kind), int(ImapErrorKind::Timeout));
        const QString expected = QStringLiteral("the server 127.0.0.1:%1 is answering too slowly: ").arg(server.serverPort());
        QVERIFY2(box.error().message.startsWith(expected), qPrintable(box.error().message));
        QVERIFY2(box.error().message.endsWith(QLatin1String("below the minimum of 100 bytes per second")),
                 qPrintable(box.error().message));
    }

    void uidValidityChange()
    {
        const QList<QByteArray> script{
            kGreeting, "C: s1 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==", "S: s1 OK [CAPABILITY IMAP4rev1] in",
            "C: s2 EXAMINE INBOX", "S: * 2 EXISTS", "S: * OK [UIDVALIDITY 99] ok", "S: * OK [UIDNEXT 3] ok",
            "S: s2 OK [READ-ONLY] done", "C: s3 UID SEARCH ALL", "S: * SEARCH 1 2", "S: s3 OK",
        };
        ScriptedServer server(script, ScriptedServer::Mode::ImplicitTls);
        ImapSyncClient client(settingsFor(server, TlsMode::Implicit));
        QVERIFY(client.connectAndLogin(QStringLiteral("alice"), QStringLiteral("secret")).ok());
        QVERIFY(client.examine(QStringLiteral("INBOX")).ok());
        const auto delta = client.incrementalSync(SyncState{77, 40, 0});
        QVERIFY(delta.ok());
        QVERIFY(delta->uidValidityChanged);
        QCOMPARE(delta->newUids, (QList<quint32>{1, 2}));
        QVERIFY2(server.mismatch.isEmpty(), qPrintable(server.mismatch));
    }

    void examineAnsweredReadWriteIsRefused()
    {
        const QList<QByteArray> script{kGreeting, "C: s1 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==",
                                       "S: s1 OK [CAPABILITY IMAP4rev1] in", "C: s2 EXAMINE INBOX",
                                       "S: s2 OK [READ-WRITE] oops"};
        ScriptedServer server(script, ScriptedServer::Mode::ImplicitTls);
        ImapSyncClient client(settingsFor(server, TlsMode::Implicit));
        QVERIFY(client.connectAndLogin(QStringLiteral("alice"), QStringLiteral("secret")).ok());
        const auto box = client.examine(QStringLiteral("INBOX"));
        QVERIFY(!box.ok());
        QCOMPARE(box.error().message, QStringLiteral("the server opened the mailbox read-write in answer to EXAMINE"));
    }

    void connectionLostMidFetch()
    {
        const QList<QByteArray> script{
            kGreeting, "C: s1 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==", "S: s1 OK [CAPABILITY IMAP4rev1] in",
            "C: s2 EXAMINE INBOX", "S: * 3 EXISTS", "S: s2 OK [READ-ONLY] done",
            "C: s3 UID FETCH 1:3 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])",
            "S: * 1 FETCH (UID 1 BODY[] {3}\r\none)", "RAW: * 2 FETCH (UID 2 BODY[] {100}\r\npartial", "CLOSE",
        };
        ScriptedServer server(script, ScriptedServer::Mode::ImplicitTls);
        ImapSyncClient client(settingsFor(server, TlsMode::Implicit));
        QVERIFY(client.connectAndLogin(QStringLiteral("alice"), QStringLiteral("secret")).ok());
        QVERIFY(client.examine(QStringLiteral("INBOX")).ok());
        QList<quint32> got;
        const auto r = client.fetchMessages({1, 2, 3}, FetchParts::FullMessage, [&](const FetchData &m) { got << *m.uid; });
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error().kind), int(ImapErrorKind::ConnectionLost));
        QCOMPARE(r.error().message, QStringLiteral("the connection to 127.0.0.1:%1 was lost").arg(server.serverPort()));
        QCOMPARE(got, (QList<quint32>{1}));
        QVERIFY(!client.isConnected());
        const auto again = client.listUids();
        QVERIFY(!again.ok());
    }

    void pollingFallbackWithoutIdle()
    {
        const QList<QByteArray> script{
            "S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] hi", "C: s1 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==",
            "S: s1 OK [CAPABILITY IMAP4rev1] in", "C: s2 EXAMINE INBOX", "S: * 3 EXISTS", "S: s2 OK [READ-ONLY] done",
            "C: s3 NOOP", "S: s3 OK", "C: s4 NOOP", "S: * 4 EXISTS", "S: s4 OK",
        };
        ScriptedServer server(script, ScriptedServer::Mode::ImplicitTls);
        ImapSyncClient client(settingsFor(server, TlsMode::Implicit));
        QVERIFY(client.connectAndLogin(QStringLiteral("alice"), QStringLiteral("secret")).ok());
        QVERIFY(client.examine(QStringLiteral("INBOX")).ok());
        const auto r = client.waitForNewMail(5000, 100);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(r->newMail);
        QCOMPARE(r->exists, 4u);
        QCOMPARE(int(r->method), int(NewMailMethod::Polling));
        QVERIFY2(server.mismatch.isEmpty(), qPrintable(server.mismatch));
    }

    void idleNoticesNewMail()
    {
        const QList<QByteArray> script{
            kGreeting, "C: s1 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==", "S: s1 OK [CAPABILITY IMAP4rev1 IDLE] in",
            "C: s2 EXAMINE INBOX", "S: * 3 EXISTS", "S: s2 OK [READ-ONLY] done",
            "C: s3 IDLE", "S: + idling", "S: * 1 FETCH (FLAGS (\\Seen))", "S: * 4 EXISTS", "C: DONE", "S: s3 OK done",
        };
        ScriptedServer server(script, ScriptedServer::Mode::ImplicitTls);
        ImapSyncClient client(settingsFor(server, TlsMode::Implicit));
        QVERIFY(client.connectAndLogin(QStringLiteral("alice"), QStringLiteral("secret")).ok());
        QVERIFY(client.examine(QStringLiteral("INBOX")).ok());
        const auto r = client.waitForNewMail(5000);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(r->newMail);
        QCOMPARE(r->exists, 4u);
        QCOMPARE(int(r->method), int(NewMailMethod::Idle));
        QVERIFY2(server.mismatch.isEmpty(), qPrintable(server.mismatch));
        QVERIFY(server.finished());
    }

    void keywordWriteIsOptIn()
    {
        const QList<QByteArray> script{
            kGreeting, "C: s1 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==", "S: s1 OK [CAPABILITY IMAP4rev1] in",
            "C: s2 EXAMINE INBOX", "S: * 1 EXISTS", "S: s2 OK [READ-ONLY] done",
            "C: s3 SELECT INBOX", "S: s3 OK [READ-WRITE] done",
            "C: s4 UID STORE 1 +FLAGS.SILENT ($Phishing)", "S: s4 OK",
            "C: s5 EXAMINE INBOX", "S: s5 OK [READ-ONLY] done",
        };
        ScriptedServer server(script, ScriptedServer::Mode::ImplicitTls);
        ImapSyncClient client(settingsFor(server, TlsMode::Implicit));
        QVERIFY(client.connectAndLogin(QStringLiteral("alice"), QStringLiteral("secret")).ok());
        QVERIFY(client.examine(QStringLiteral("INBOX")).ok());
        const auto off = client.markAsPhishing(1);
        QVERIFY(!off.ok());
        QCOMPARE(off.error().message, QStringLiteral("writing keywords is turned off (opt-in feature)"));
        client.setKeywordWritesEnabled(true);
        const auto on = client.markAsPhishing(1);
        QVERIFY2(on.ok(), qPrintable(on.ok() ? QString() : on.error().message));
        QVERIFY(client.currentMailbox().readOnly);
        QVERIFY2(server.mismatch.isEmpty(), qPrintable(server.mismatch));
        QVERIFY(server.finished());
    }

    void reconnectPolicy()
    {
        ImapReconnectPolicy p;
        QCOMPARE(p.delayMs(0, 1.0), 1000);
        QCOMPARE(p.delayMs(3, 1.0), 8000);
        QCOMPARE(p.delayMs(3, 0.0), 4000);
        QCOMPARE(p.delayMs(40, 1.0), 300000);
        QVERIFY(ImapReconnectPolicy::shouldRetry(ImapError{ImapErrorKind::ConnectionLost, {}, {}, {}}));
        QVERIFY(ImapReconnectPolicy::shouldRetry(ImapError{ImapErrorKind::Timeout, {}, {}, {}}));
        QVERIFY(!ImapReconnectPolicy::shouldRetry(ImapError{ImapErrorKind::AuthenticationFailed, {}, {}, {}}));
        QVERIFY(!ImapReconnectPolicy::shouldRetry(ImapError{ImapErrorKind::UntrustedCertificate, {}, {}, {}}));
        QVERIFY(!ImapReconnectPolicy::shouldRetry(ImapError{ImapErrorKind::StartTlsNotOffered, {}, {}, {}}));
    }

    void protocolLogRing()
    {
        ImapProtocolLog log(3);
        for (int i = 0; i < 5; ++i)
            log.append(ImapProtocolLog::Direction::Client, "line " + QByteArray::number(i) + "\r\n");
        QCOMPARE(log.toText(), QByteArray("C: line 2\nC: line 3\nC: line 4\n"));
        log.append(ImapProtocolLog::Direction::Server, QByteArray(5000, 'x'));
        QCOMPARE(log.entries().last().text.size(), ImapProtocolLog::maxEntryBytes + 3);
    }
};

QTEST_GUILESS_MAIN(tst_ImapScripted)
#include "tst_imapscripted.moc"
