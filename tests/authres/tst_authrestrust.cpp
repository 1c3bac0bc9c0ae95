// Which Authentication-Results fields are trusted (AuthResultsTrust.h): whole messages with
// genuine and forged fields above, inside and below the provider's trace block, the same
// authserv-id twice, foreign ids, unparsable fields and an empty trust list.
//
// Each row: a message, the boundary Received index, the next untrusted Received index, the
// trusted ids, and one line per Authentication-Results field the user would see:
// "<field index> <trusted|untrusted> <authserv-id> | <words of the reason>".

#include "AuthResultsTrust.h"
#include "Message.h"

#include <QTest>

using namespace verifier;

namespace {

std::string lines(std::initializer_list<const char *> l)
{
    std::string s;
    for (const char *x : l) {
        s += x;
        s += "\r\n";
    }
    return s;
}

const char *kBoundary = "Received: from mail.example.com (mail.example.com [192.0.2.10]) by mx.example.net "
                        "with ESMTPS id 1; Mon, 23 Nov 2026 09:00:00 +0000";
const char *kSenderHop = "Received: from laptop (unknown [198.51.100.7]) by mail.example.com with ESMTPSA id 2; "
                         "Mon, 23 Nov 2026 08:59:58 +0000";
const char *kGenuine = "Authentication-Results: mx.example.net; dkim=pass header.d=example.com; "
                       "spf=pass smtp.mailfrom=example.com; dmarc=pass header.from=example.com";
const char *kForgedPass = "Authentication-Results: mx.example.net; dmarc=pass header.from=bank.example";

QStringList describe(const std::vector<AuthResultsHeader> &list)
{
    QStringList out;
    for (const AuthResultsHeader &h : list) {
        out << QStringLiteral("%1 %2 %3 | %4")
                   .arg(h.fieldIndex)
                   .arg(h.trusted ? QStringLiteral("trusted") : QStringLiteral("untrusted"),
                        QString::fromStdString(h.authservId), QString::fromStdString(h.trustReason));
    }
    return out;
}

} // namespace

class tst_AuthResultsTrust : public QObject
{
    Q_OBJECT
private slots:
    void trust_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<int>("boundary");
        QTest::addColumn<int>("next");
        QTest::addColumn<QStringList>("trustedIds");
        QTest::addColumn<QStringList>("expected");
        const QStringList provider{QStringLiteral("mx.example.net")};

        // 0 A-R (provider, above its Received), 1 boundary, 2 forged same id inside the block,
        // 3 sender's Received, 4 forged below it, 5.. original fields.
        const std::string full = lines({kGenuine, kBoundary, kForgedPass, kSenderHop, kForgedPass,
                                        "From: Alice <alice@example.com>", "Subject: hi", ""}) + "body\r\n";
        QTest::newRow("above, inside twice, below") << QByteArray::fromStdString(full) << 1 << 3 << provider
            << QStringList{
                   QStringLiteral("0 trusted mx.example.net | Written by your provider (mx.example.net) above the Received field where it took the message in."),
                   QStringLiteral("2 untrusted mx.example.net | A second report of dmarc by mx.example.net below the first; only the first counts, since the sender could have written this one."),
                   QStringLiteral("4 untrusted mx.example.net | It sits below a Received field written outside your provider, so the sender could have written it.")};

        QTest::newRow("empty trust list") << QByteArray::fromStdString(full) << 1 << 3 << QStringList{}
            << QStringList{
                   QStringLiteral("0 untrusted mx.example.net | Authserv-id not trusted: confirm it in the account settings."),
                   QStringLiteral("2 untrusted mx.example.net | Authserv-id not trusted: confirm it in the account settings."),
                   QStringLiteral("4 untrusted mx.example.net | Authserv-id not trusted: confirm it in the account settings.")};

        QTest::newRow("id compared case-insensitively") << QByteArray::fromStdString(full) << 1 << 3
            << QStringList{QStringLiteral("MX.Example.NET")}
            << QStringList{
                   QStringLiteral("0 trusted mx.example.net | Written by your provider (mx.example.net) above the Received field where it took the message in."),
                   QStringLiteral("2 untrusted mx.example.net | A second report of dmarc by mx.example.net below the first; only the first counts, since the sender could have written this one."),
                   QStringLiteral("4 untrusted mx.example.net | It sits below a Received field written outside your provider, so the sender could have written it.")};

        const std::string foreign = lines({"Authentication-Results: mx.example.net.evil.example; dmarc=pass header.from=bank.example",
                                           "Authentication-Results: other.example; dmarc=pass header.from=bank.example",
                                           kBoundary, "From: a@bank.example", ""});
        QTest::newRow("untrusted ids, no prefix match") << QByteArray::fromStdString(foreign) << 2 << -1 << provider
            << QStringList{
                   QStringLiteral("0 untrusted mx.example.net.evil.example | Authserv-id \"mx.example.net.evil.example\" is not one you trust."),
                   QStringLiteral("1 untrusted other.example | Authserv-id \"other.example\" is not one you trust.")};

        // Gmail-like layout: the provider writes its results below its own Received, and no
        // Received from the sender's side follows. The sender's forged field among the original
        // fields must not count, although it is the topmost with its id... after the genuine one.
        const std::string gmail = lines({"Received: by 2002:a05:6a10:1::1 with SMTP id 3; Mon, 23 Nov 2026 09:00:01 -0800",
                                         "X-Received: by 2002:a17:90a::2 with SMTP id 4; Mon, 23 Nov 2026 09:00:01 -0800",
                                         "ARC-Seal: i=1; a=rsa-sha256; t=1; cv=none; d=example.net; s=arc; b=AAAA",
                                         "Return-Path: <alice@example.com>",
                                         kBoundary,
                                         "Received-SPF: pass (mx.example.net: domain of alice@example.com designates 192.0.2.10 as permitted sender)",
                                         "Authentication-Results: mx.example.net; spf=pass smtp.mailfrom=alice@example.com",
                                         "DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA",
                                         "Authentication-Results: other.example; dkim=pass header.d=bank.example",
                                         "Authentication-Results: mx.example.net; dmarc=pass header.from=bank.example",
                                         "From: a@example.com", ""});
        QTest::newRow("trace run below boundary, forged among original fields") << QByteArray::fromStdString(gmail) << 4 << -1 << provider
            << QStringList{
                   QStringLiteral("6 trusted mx.example.net | Written by your provider (mx.example.net) in its own trace block."),
                   QStringLiteral("8 untrusted other.example | Authserv-id \"other.example\" is not one you trust."),
                   QStringLiteral("9 untrusted mx.example.net | It sits among the message's own fields, outside your provider's trace block, so the sender could have written it.")};

        // The provider wrote nothing; the sender's own field directly among its original fields.
        const std::string alone = lines({kBoundary, "Subject: invoice", kForgedPass, "From: a@bank.example", ""});
        QTest::newRow("only a forged field, no Received below") << QByteArray::fromStdString(alone) << 0 << -1 << provider
            << QStringList{QStringLiteral("2 untrusted mx.example.net | It sits among the message's own fields, outside your provider's trace block, so the sender could have written it.")};

        // The sender also wrote a Received field of its own below its forged field: being above
        // the "next" Received does not make a field among the original ones trusted.
        const std::string fakeHop = lines({kBoundary, "Subject: invoice", kForgedPass, "From: a@bank.example",
                                           "Received: from relay.bank.example by mx.bank.example; Mon, 23 Nov 2026 08:00:00 +0000",
                                           ""});
        QTest::newRow("forged among original fields above a fake Received") << QByteArray::fromStdString(fakeHop) << 0 << 4 << provider
            << QStringList{QStringLiteral("2 untrusted mx.example.net | It sits among the message's own fields, outside your provider's trace block, so the sender could have written it.")};

        QTest::newRow("no boundary") << QByteArray::fromStdString(full) << -1 << -1 << provider
            << QStringList{
                   QStringLiteral("0 untrusted mx.example.net | Where your provider received the message is unknown, so the field's origin cannot be established."),
                   QStringLiteral("2 untrusted mx.example.net | Where your provider received the message is unknown, so the field's origin cannot be established."),
                   QStringLiteral("4 untrusted mx.example.net | Where your provider received the message is unknown, so the field's origin cannot be established.")};

        // A "next" index above the boundary is not below it: the contiguous-run rule applies.
        QTest::newRow("next above boundary ignored") << QByteArray::fromStdString(full) << 3 << 1 << provider
            << QStringList{
                   QStringLiteral("0 trusted mx.example.net | Written by your provider (mx.example.net) above the Received field where it took the message in."),
                   QStringLiteral("2 trusted mx.example.net | Written by your provider (mx.example.net) above the Received field where it took the message in."),
                   QStringLiteral("4 untrusted mx.example.net | A second report of dmarc by mx.example.net below the first; only the first counts, since the sender could have written this one.")};

        // An unparsable field is listed, never trusted, and does not hide the next one.
        const std::string broken = lines({"Authentication-Results: mx.example.net; dkim=pass header.b=gfT/i2HB",
                                          kGenuine, kBoundary, "From: a@example.com", ""});
        QTest::newRow("unparsable") << QByteArray::fromStdString(broken) << 2 << -1 << provider
            << QStringList{QStringLiteral("0 untrusted  | The field could not be read, so it is not trusted."),
                           QStringLiteral("1 trusted mx.example.net | Written by your provider (mx.example.net) above the Received field where it took the message in.")};

        // Authentication-Results inside a forwarded message (a MIME part) is body, not header.
        const std::string mime = lines({kGenuine, kBoundary, "From: a@example.com", "MIME-Version: 1.0",
                                        "Content-Type: multipart/mixed; boundary=\"b\"", "", "--b",
                                        "Content-Type: message/rfc822", "", kForgedPass, "From: x@bank.example",
                                        "", "inner", "--b--"});
        QTest::newRow("field inside a MIME part is not listed") << QByteArray::fromStdString(mime) << 1 << -1 << provider
            << QStringList{QStringLiteral("0 trusted mx.example.net | Written by your provider (mx.example.net) above the Received field where it took the message in.")};
    }
    void trust()
    {
        QFETCH(QByteArray, message);
        QFETCH(int, boundary);
        QFETCH(int, next);
        QFETCH(QStringList, trustedIds);
        QFETCH(QStringList, expected);
        auto m = Message::parse(message.toStdString());
        QVERIFY(m.ok());
        std::vector<std::string> ids;
        for (const QString &s : trustedIds)
            ids.push_back(s.toStdString());
        const auto list = collectAuthenticationResults(*m, boundary, next, ids);
        QCOMPARE(describe(list), expected);
        for (const AuthResultsHeader &h : list) {
            QVERIFY(!h.trustReason.empty());
            QCOMPARE(h.parsed, h.parseError.empty());
            if (!h.parsed) {
                QVERIFY(!h.trusted);
                QVERIFY(h.methods.empty());
            }
        }
    }

    void parsedContentAndRaw()
    {
        const std::string text = lines({"Authentication-Results: mx.example.net; dkim=pass (good \xE2\x80\xAE sig)",
                                        "\theader.d=example.com",
                                        "Authentication-Results: mx.example.net; dkim=pass header.b=gfT/i2HB",
                                        kBoundary, ""});
        auto m = Message::parse(text);
        QVERIFY(m.ok());
        const auto list = collectAuthenticationResults(*m, 2, -1, {"mx.example.net"});
        QCOMPARE(list.size(), size_t(2));
        QCOMPARE(list[0].methods.size(), size_t(1));
        QCOMPARE(QByteArray::fromStdString(list[0].methods[0].properties.at("header.d")), QByteArray("example.com"));
        // Unfolded, and the right-to-left override shown as an escape, not obeyed.
        QCOMPARE(QByteArray::fromStdString(list[0].raw),
                 QByteArray("mx.example.net; dkim=pass (good \\u202E sig) header.d=example.com"));
        QVERIFY(!list[1].parsed);
        QVERIFY(QByteArray::fromStdString(list[1].parseError).contains("must be quoted"));
        QCOMPARE(QByteArray::fromStdString(list[1].raw), QByteArray("mx.example.net; dkim=pass header.b=gfT/i2HB"));
        // The same field read in relaxed mode parses; above the boundary Received every field of
        // a trusted id is read (a provider such as Fastmail writes several).
        const auto relaxed = collectAuthenticationResults(*m, 2, -1, {"mx.example.net"}, AuthResultsMode::Relaxed);
        QVERIFY(relaxed[1].parsed);
        QVERIFY(relaxed[1].trusted);
        QVERIFY(relaxed[0].trusted);
    }
};

QTEST_APPLESS_MAIN(tst_AuthResultsTrust)
#include "tst_authrestrust.moc"
