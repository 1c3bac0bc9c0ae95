#include "Received.h"
#include "TestPaths.h"
#include "TraceDate.h"

#include <QTest>

using namespace verifier;

namespace {
QString q(const std::string &s) { return QString::fromStdString(s); }

std::string sample(const QString &name)
{
    std::string s = testpaths::readFile(testpaths::testData(QStringLiteral("received/") + name));
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r'))
        s.pop_back();
    return s;
}

Message message(const QString &name)
{
    auto m = Message::parse(testpaths::readFile(testpaths::testData(QStringLiteral("received/") + name)));
    if (!m)
        qFatal("cannot parse %s", qPrintable(name));
    return std::move(m).value();
}
} // namespace

class tst_Received : public QObject
{
    Q_OBJECT
private slots:
    void forms_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("rdns");
        QTest::addColumn<QString>("ip");
        QTest::addColumn<QString>("by");
        QTest::addColumn<QString>("with");
        QTest::addColumn<QString>("via");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("forAddr");
        QTest::addColumn<bool>("tls");
        QTest::addColumn<QString>("date");
        QTest::addColumn<bool>("parsed");

        QTest::newRow("postfix-esmtps") << "postfix-esmtps.txt" << "mail.example.com" << "mail.example.com" << "192.0.2.10"
            << "mx.example.net" << "ESMTPS" << "" << "4XyZ1a2B3cD" << "bob@example.net" << true << "2026-11-20T10:00:05Z" << true;
        QTest::newRow("postfix-unknown-rdns") << "postfix-unknown-rdns.txt" << "relay.example.org" << "" << "198.51.100.7"
            << "mx.example.net" << "ESMTP" << "" << "9A8B7C6D5E" << "bob@example.net" << false << "2026-11-20T10:15:00Z" << true;
        QTest::newRow("exim-esmtps") << "exim-esmtps.txt" << "smtp.example.com" << "mail.example.com" << "192.0.2.10"
            << "mx.example.net" << "esmtps" << "" << "1tAbCd-000123-Ef" << "bob@example.net" << true << "2026-11-20T15:00:05Z" << true;
        QTest::newRow("sendmail-esmtp") << "sendmail-esmtp.txt" << "mail.example.com" << "mail.example.com" << "192.0.2.10"
            << "mx.example.net" << "ESMTP" << "" << "2AKA05xX012345" << "bob@example.net" << false << "2026-11-20T10:00:05Z" << true;
        QTest::newRow("microsoft365") << "microsoft365.txt" << "AM0PR01MB1234.eurprd01.prod.exchangelabs.com" << "" << "2603:10a6:208:1::10"
            << "AM0PR01MB5678.eurprd01.prod.exchangelabs.com" << "Microsoft SMTP Server" << "Frontend Transport" << "15.20.8158.21" << ""
            << true << "2026-11-20T10:00:05Z" << true;
        QTest::newRow("gmail-esmtps") << "gmail-esmtps.txt" << "mail.example.com" << "mail.example.com" << "192.0.2.10"
            << "mx.google.com" << "ESMTPS" << "" << "a1b2c3d4e5f6.1.2026.11.20.02.00.05" << "bob@gmail.example" << true
            << "2026-11-20T10:00:05Z" << true;
        QTest::newRow("dovecot-lmtp") << "dovecot-lmtp.txt" << "mx.example.net" << "" << "192.0.2.53"
            << "imap.example.net" << "LMTP" << "" << "kJ3fC5a0PmY1AgAA0J78UA" << "bob@example.net" << false << "2026-11-20T10:00:06Z" << true;
        QTest::newRow("qmail-helo") << "qmail-helo.txt" << "mail.example.com" << "" << "192.0.2.10"
            << "mx.example.net" << "SMTP" << "" << "" << "" << false << "2026-11-20T10:00:05Z" << true;
        QTest::newRow("exim-ipv6-literal") << "exim-ipv6-literal.txt" << "laptop.example.com" << "" << "2001:db8::25"
            << "submit.example.com" << "esmtpsa" << "" << "1tX-0001-AB" << "" << true << "2026-11-20T15:00:05Z" << true;
        // Exim's verified-name form (its port logging on): the name outside is the reverse DNS.
        QTest::newRow("exim-verified-name-port") << "exim-verified-name-port.txt" << "relay.example.org" << "relay.example.org"
            << "198.51.100.28" << "mx.example.net" << "esmtps" << "" << "1gtAbC-0001Xy-9Q" << "bob@example.net" << true
            << "2019-02-11T10:15:06Z" << true;
        QTest::newRow("qmail-uid-only") << "qmail-uid-only.txt" << "" << "" << "" << "" << "" << "" << "" << "" << false
            << "2026-11-20T10:00:05Z" << false;
    }
    void forms()
    {
        QFETCH(QString, file);
        const std::string value = sample(file);
        QVERIFY2(!value.empty(), qPrintable(file));
        const ReceivedHop h = parseReceived(value);
        QTEST(q(h.from), "from");
        QTEST(q(h.fromRdns), "rdns");
        QTEST(q(h.ip), "ip");
        QTEST(q(h.by), "by");
        QTEST(q(h.with), "with");
        QTEST(q(h.via), "via");
        QTEST(q(h.id), "id");
        QTEST(q(h.forAddress), "forAddr");
        QTEST(h.tls, "tls");
        QTEST(q(h.date), "date");
        QTEST(h.parsed, "parsed");
        QFETCH(QString, date);
        QCOMPARE(h.time.has_value(), !date.isEmpty());
    }

    void tlsDetail()
    {
        QVERIFY(q(parseReceived(sample("gmail-esmtps.txt")).tlsDetail).contains("cipher=TLS_AES_256_GCM_SHA384"));
        QVERIFY(q(parseReceived(sample("microsoft365.txt")).tlsDetail).contains("version=TLS1_2"));
        QVERIFY(q(parseReceived(sample("postfix-esmtps.txt")).tlsDetail).startsWith("using TLSv1.3"));
        // a TLS comment alone (protocol ESMTP) still means TLS
        QVERIFY(parseReceived("from a.example.com (a.example.com [192.0.2.1]) (using TLSv1.2 with cipher ECDHE-RSA-AES256-GCM-SHA384) by mx.example.net with ESMTP id 1; Fri, 20 Nov 2026 10:00:00 +0000").tls);
        QVERIFY(parseReceived("from a.example.com by b.example.net with UTF8SMTPS; Fri, 20 Nov 2026 10:00:00 +0000").tls);
        QVERIFY(parseReceived("from a.example.com by b.example.net with LMTPS; Fri, 20 Nov 2026 10:00:00 +0000").tls);
        QVERIFY(!parseReceived("from a.example.com by b.example.net with SMTP; Fri, 20 Nov 2026 10:00:00 +0000").tls);
    }

    void dates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("numeric zone") << "Fri, 20 Nov 2026 10:00:05 +0130" << "2026-11-20T08:30:05Z";
        QTest::newRow("no weekday") << "20 Nov 2026 10:00:05 -0000" << "2026-11-20T10:00:05Z";
        QTest::newRow("obsolete GMT") << "Fri, 20 Nov 2026 10:00:05 GMT" << "2026-11-20T10:00:05Z";
        QTest::newRow("obsolete EDT") << "Fri, 20 Nov 2026 10:00:05 EDT" << "2026-11-20T14:00:05Z";
        QTest::newRow("obsolete military") << "Fri, 20 Nov 2026 10:00:05 Q" << "2026-11-20T10:00:05Z";
        QTest::newRow("two-digit year 99") << "Mon, 1 Feb 99 00:00 +0000" << "1999-02-01T00:00:00Z";
        QTest::newRow("three-digit year") << "1 Feb 126 00:00:00 +0000" << "2026-02-01T00:00:00Z";
        QTest::newRow("comment and spaces") << "  Fri,  20 Nov 2026  10:00:05  +0000 (UTC)  " << "2026-11-20T10:00:05Z";
        QTest::newRow("leap day") << "29 Feb 2028 23:59:59 +0000" << "2028-02-29T23:59:59Z";
        QTest::newRow("not a leap year") << "29 Feb 2026 10:00:00 +0000" << "";
        QTest::newRow("bad month") << "20 Foo 2026 10:00:00 +0000" << "";
        QTest::newRow("bad hour") << "20 Nov 2026 25:00:00 +0000" << "";
        QTest::newRow("garbage") << "yesterday" << "";
        QTest::newRow("empty") << "" << "";
    }
    void dates()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        auto t = parseRfc5322DateTime(text.toStdString());
        QCOMPARE(t ? q(formatRfc3339Utc(*t)) : QString(), expected);
    }

    void unixSeconds()
    {
        auto t = parseRfc5322DateTime("Thu, 1 Jan 1970 00:00:00 +0000");
        QVERIFY(t);
        QCOMPARE(*t, int64_t(0));
        QCOMPARE(parseReceived(sample("postfix-esmtps.txt")).time.value_or(0), int64_t(1795168805));
    }

    void totalOnJunk_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("only semicolon") << QByteArray(";");
        QTest::newRow("unclosed comment") << QByteArray("from a (b [1.2.3.4] by c");
        QTest::newRow("deep comments") << QByteArray(2000, '(');
        QTest::newRow("unclosed literal") << QByteArray("from [1.2.3.4 by x");
        QTest::newRow("keywords only") << QByteArray("from by with id for via");
        QTest::newRow("huge") << QByteArray(100000, 'a');
    }
    void totalOnJunk()
    {
        QFETCH(QByteArray, value);
        ReceivedHop h = parseReceived(std::string_view(value.constData(), size_t(value.size())));
        QVERIFY(h.date.empty());
    }

    void relayMatching()
    {
        QVERIFY(matchesRelay("MX.Example.NET.", "example.net"));
        QVERIFY(matchesRelay("example.net", "EXAMPLE.net"));
        QVERIFY(!matchesRelay("notexample.net", "example.net"));
        QVERIFY(!matchesRelay("example.net.evil.example", "example.net"));
        QVERIFY(!matchesRelay("", "example.net"));
    }

    void boundaryWithoutRelays()
    {
        // Only the topmost (non-local) field is trusted; the forged hop below is never used.
        TraceAnalysis a = analyseTrace(message("chain-forged.eml"), {});
        QCOMPARE(a.hops.size(), size_t(4));
        QCOMPARE(a.boundaryHop, 1);
        QCOMPARE(q(a.clientIp), QStringLiteral("192.0.2.54"));
        QCOMPARE(q(a.helo), QStringLiteral("filter.example.net"));
        QCOMPARE(q(a.source), QStringLiteral("Received hop 2 written by mx.example.net"));
        QVERIFY(a.hops[0].trusted); // local LMTP hop above the boundary
        QVERIFY(a.hops[1].trusted);
        QVERIFY(!a.hops[2].trusted);
        QVERIFY(!a.hops[3].trusted);
        QVERIFY(a.haveMailFrom);
        QCOMPARE(q(a.mailFrom), QStringLiteral("alice@example.com"));
    }

    void boundaryWithRelays()
    {
        TraceAnalysis a = analyseTrace(message("chain-forged.eml"), {"example.net"});
        QCOMPARE(a.boundaryHop, 2);
        QCOMPARE(q(a.clientIp), QStringLiteral("203.0.113.66"));
        QCOMPARE(q(a.helo), QStringLiteral("attacker.example.org"));
        QCOMPARE(q(a.source), QStringLiteral("Received hop 3 written by filter.example.net"));
        QVERIFY(a.hops[1].trusted);
        QVERIFY(a.hops[2].trusted);
        // The hop below claims mail.example.com [192.0.2.10] by mx.example.net: forged, ignored.
        QVERIFY(!a.hops[3].trusted);
        QVERIFY(a.clientIp != "192.0.2.10");
    }

    void heloCannotImpersonateRelay()
    {
        // The sender says HELO mx.example.net but its rDNS is not a relay: it is the boundary.
        auto m = Message::parse("Received: from mx.example.net (attacker.example.org [203.0.113.9]) by mx.example.net "
                                "with ESMTP id 1; Fri, 20 Nov 2026 10:00:00 +0000\r\n"
                                "Received: from inside.example.net (inside.example.net [192.0.2.60]) by mx.example.net "
                                "with ESMTP id 2; Fri, 20 Nov 2026 09:00:00 +0000\r\nFrom: a@example.com\r\n\r\n");
        QVERIFY(m);
        TraceAnalysis a = analyseTrace(*m, {"example.net"});
        QCOMPARE(a.boundaryHop, 0);
        QCOMPARE(q(a.clientIp), QStringLiteral("203.0.113.9"));
        QCOMPARE(a.hops[0].delaySeconds.value_or(0), int64_t(3600));
    }

    void localHopsSkipped()
    {
        TraceAnalysis a = analyseTrace(message("chain-local.eml"), {});
        QCOMPARE(a.boundaryHop, 1);
        QCOMPARE(q(a.clientIp), QStringLiteral("192.0.2.10"));
        QCOMPARE(q(a.helo), QStringLiteral("mail.example.com"));
        QVERIFY(a.haveMailFrom);
        QCOMPARE(q(a.mailFrom), QString());
        QCOMPARE(a.hops[0].delaySeconds.value_or(-1), int64_t(6));
        QCOMPARE(a.hops[1].delaySeconds.value_or(-1), int64_t(3));
        QVERIFY(!a.hops[2].delaySeconds);
        QVERIFY(!a.hops[2].trusted);

        TraceAnalysis b = analyseTrace(message("chain-local.eml"), {"mx.example.net"});
        QCOMPARE(b.boundaryHop, 1);
        QCOMPARE(q(b.source), QStringLiteral("Received hop 2 written by mx.example.net"));
    }

    void untrustedWriterBreaksChain()
    {
        TraceAnalysis a = analyseTrace(message("chain-local.eml"), {"other.example"});
        QCOMPARE(a.boundaryHop, -1);
        QVERIFY(a.clientIp.empty());
        QVERIFY(!a.notes.empty());
        QVERIFY(q(a.notes.back()).contains("not a trusted relay"));
        for (const auto &h : a.hops)
            QVERIFY(!h.trusted);
    }

    // Shapes real chains have that the boundary must see through (issue 18, docs/real-mail.md):
    // qmail's note lines, a fetcher reading the user's own mailbox, a content filter handing the
    // message back on a relay, Exim's verified name; and what must still stop the chain.
    void throughTheReceivingSide_data()
    {
        QTest::addColumn<QByteArray>("chain"); // Received values, top first, '|' between
        QTest::addColumn<QStringList>("relays");
        QTest::addColumn<QString>("boundaryIp"); // "" = no boundary
        const QByteArray d = "; Fri, 20 Nov 2026 10:00:00 +0000";
        QTest::newRow("qmail note above its own line")
            << QByteArray("from relay.example.net (relay.example.net [192.0.2.28]) by mx.example.net with ESMTP id 1" + d +
                          "|(qmail 857 invoked from network)" + d +
                          "|from unknown (HELO web.example.com) (203.0.113.4) by relay.example.net with SMTP" + d)
            << QStringList{"mx.example.net", "relay.example.net"} << "203.0.113.4";
        QTest::newRow("fetchmail reads the user's mailbox")
            << QByteArray("from localhost (127.0.0.1) by localhost with SMTP" + d +
                          "|from pop.example.net [192.0.2.84] by localhost with POP3 (fetchmail-6.4) for <bob@localhost> "
                          "(single-drop)" + d +
                          "|from out.example.com (out.example.com [203.0.113.5]) by mx.example.net with ESMTP id 1" + d)
            << QStringList{"localhost", "mx.example.net"} << "203.0.113.5";
        QTest::newRow("content filter re-injects on a named relay")
            << QByteArray("from relay.example.net ([192.0.2.28]:58922) by mx.example.net with esmtps (Exim 4.96) id 1" + d +
                          "|by relay.example.net (Postfix, from userid 112) id 2" + d +
                          "|from out.example.com (out.example.com [203.0.113.5]) by relay.example.net (Postfix) with "
                          "ESMTPS id 3" + d)
            << QStringList{"mx.example.net", "relay.example.net"} << "203.0.113.5";
        // A sender-less line by a host nobody named is not the receiving side's.
        QTest::newRow("sender-less line by an unnamed host stops")
            << QByteArray("from relay.example.net (relay.example.net [192.0.2.28]) by mx.example.net with ESMTP id 1" + d +
                          "|by elsewhere.example.org (Postfix, from userid 112) id 2" + d +
                          "|from out.example.com (out.example.com [203.0.113.5]) by relay.example.net with ESMTP id 3" + d)
            << QStringList{"mx.example.net", "relay.example.net"} << "";
        // sendmail's "HELO ([ip])" is a HELO, not a verified name: a sender saying it is the relay
        // is still the boundary.
        QTest::newRow("sendmail HELO with bare address is not a name")
            << QByteArray("from relay.example.net ([203.0.113.9]) by mx.example.net (8.17.1/8.17.1) with ESMTP id 1" + d +
                          "|from inside.example.net (inside.example.net [192.0.2.60]) by relay.example.net with ESMTP id 2" + d)
            << QStringList{"mx.example.net", "relay.example.net"} << "203.0.113.9";
        // Any other line without from or by is not taken as a qmail note.
        QTest::newRow("unreadable line is not skipped")
            << QByteArray("from relay.example.net (relay.example.net [192.0.2.28]) by mx.example.net with ESMTP id 1" + d +
                          "|(unknown relay)" + d +
                          "|from out.example.com (out.example.com [203.0.113.5]) by relay.example.net with ESMTP id 3" + d)
            << QStringList{"mx.example.net", "relay.example.net"} << "";
    }

    void throughTheReceivingSide()
    {
        QFETCH(QByteArray, chain);
        QFETCH(QStringList, relays);
        QFETCH(QString, boundaryIp);
        QByteArray text;
        for (const QByteArray &value : chain.split('|'))
            text += "Received: " + value + "\r\n";
        text += "From: a@example.com\r\n\r\nx";
        auto m = Message::parse(text.toStdString());
        QVERIFY(m);
        std::vector<std::string> trusted;
        for (const QString &r : relays)
            trusted.push_back(r.toStdString());
        const TraceAnalysis a = analyseTrace(*m, trusted);
        if (boundaryIp.isEmpty()) {
            QVERIFY2(a.boundaryHop < 0 || q(a.clientIp).isEmpty(), qPrintable(q(a.clientIp)));
            return;
        }
        QVERIFY2(a.boundaryHop >= 0, a.notes.empty() ? "" : a.notes.back().c_str());
        QCOMPARE(q(a.clientIp), boundaryIp);
    }

    void noReceived()
    {
        auto m = Message::parse("From: a@example.com\r\n\r\nx");
        QVERIFY(m);
        TraceAnalysis a = analyseTrace(*m, {});
        QCOMPARE(a.boundaryHop, -1);
        QVERIFY(!a.haveMailFrom);
    }
};

QTEST_APPLESS_MAIN(tst_Received)
#include "tst_received.moc"
