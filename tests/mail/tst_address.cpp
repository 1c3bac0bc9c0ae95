// RFC 5322 address lists (verifier/mail/Address.h), strict and lenient readings, and the
// OpenDMARC From-domain cases through the From analysis.
#include "Address.h"
#include "FromAnalysis.h"
#include "Message.h"
#include "TestPaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace verifier;

namespace {

QString kindName(AddressListKind k)
{
    switch (k) {
    case AddressListKind::None: return QStringLiteral("none");
    case AddressListKind::One: return QStringLiteral("one");
    case AddressListKind::Several: return QStringLiteral("several");
    case AddressListKind::Ambiguous: return QStringLiteral("ambiguous");
    case AddressListKind::Invalid: return QStringLiteral("invalid");
    }
    return QStringLiteral("?");
}

QByteArray bytes(const std::string &s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

QStringList addresses(const AddressList &list)
{
    QStringList out;
    for (const Mailbox &mb : list.mailboxes)
        out << QString::fromUtf8(bytes(mb.address()));
    return out;
}

const QStringList kNone;

void row(const char *name, const QByteArray &value, const char *kind, const QStringList &strict,
         const QByteArray &displayName, const QStringList &lenient)
{
    QTest::newRow(name) << value << QString::fromLatin1(kind) << strict << displayName << lenient;
}

QStringList L(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *i : items)
        out << QString::fromUtf8(i);
    return out;
}

} // namespace

class tst_Address : public QObject
{
    Q_OBJECT
private slots:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("strictKind");
        QTest::addColumn<QStringList>("strictAddresses");
        QTest::addColumn<QByteArray>("displayName"); // of the first strict mailbox
        QTest::addColumn<QStringList>("lenientAddresses");

        // ---- RFC 5322 Appendix A.1.1 (addressing), A.1.2 (different types), A.1.3 (group)
        row("rfc5322-A.1.1-from", "John Doe <jdoe@machine.example>", "one", L({"jdoe@machine.example"}), "John Doe",
            L({"jdoe@machine.example"}));
        row("rfc5322-A.1.2-quoted-name", "\"Joe Q. Public\" <john.q.public@example.com>", "one",
            L({"john.q.public@example.com"}), "Joe Q. Public", L({"john.q.public@example.com"}));
        row("rfc5322-A.1.2-to", "Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>", "several",
            L({"mary@x.test", "jdoe@example.org", "one@y.test"}), "Mary Smith",
            L({"mary@x.test", "jdoe@example.org", "one@y.test"}));
        row("rfc5322-A.1.2-cc", "<boss@nil.test>, \"Giant; \\\"Big\\\" Box\" <sysservices@example.net>", "several",
            L({"boss@nil.test", "sysservices@example.net"}), "", L({"boss@nil.test", "sysservices@example.net"}));
        row("rfc5322-A.1.3-group", "A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;", "several",
            L({"c@a.test", "joe@where.test", "jdoe@one.test"}), "Ed Jones",
            L({"c@a.test", "joe@where.test", "jdoe@one.test"}));
        row("rfc5322-A.1.3-empty-group", "Undisclosed recipients:;", "none", kNone, "", kNone);
        // ---- A.5 white space, comments
        row("rfc5322-A.5-comments", "Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>", "one",
            L({"pete@silly.test"}), "Pete", L({"pete@silly.test"}));
        row("rfc5322-A.5-group-comments",
            "A Group(Some people)\r\n     :Chris Jones <c@(Chris's host.)public.example>,\r\n         "
            "joe@example.org,\r\n  John <jdoe@one.test> (my dpt. and not my desk);",
            "several", L({"c@public.example", "joe@example.org", "jdoe@one.test"}), "Chris Jones",
            L({"c@public.example", "joe@example.org", "jdoe@one.test"}));
        row("rfc5322-A.5-empty-group-comments", "(Empty list)(start)Hidden recipients  :(nobody(that I know))  ;",
            "none", kNone, "", kNone);
        // ---- A.6.1 obsolete addressing (§4.4): obs-phrase, obs-route, empty elements, CFWS in obs-domain
        row("rfc5322-A.6.1-obs-phrase", "Joe Q. Public <john.q.public@example.com>", "one",
            L({"john.q.public@example.com"}), "Joe Q. Public", L({"john.q.public@example.com"}));
        row("rfc5322-A.6.1-obs-route-list", "Mary Smith <@node.test:mary@example.net>, , jdoe@test  . example",
            "several", L({"mary@example.net", "jdoe@test.example"}), "Mary Smith",
            L({"mary@example.net", "jdoe@test"})); // a naive reader stops at the white space
        // ---- A.6.3 obsolete white space and comments
        row("rfc5322-A.6.3-comment-in-domain", "John Doe <jdoe@machine(comment).  example>", "one",
            L({"jdoe@machine.example"}), "John Doe", L({"jdoe@machine.example"}));
        row("rfc5322-A.6.3-blank-folded-line", "Mary Smith\r\n    \r\n <mary@example.net>", "one",
            L({"mary@example.net"}), "Mary Smith", L({"mary@example.net"}));
        // ---- other RFC 5322 forms
        row("obs-local-part-quoted-words", "\"john\".\"q\".public@example.com", "one",
            L({"john.q.public@example.com"}), "", L({"john.q.public@example.com"}));
        row("obs-local-part-cfws", "john . q (x) . public @ example.com", "one", L({"john.q.public@example.com"}),
            "x", L({"\"\"@"})); // a naive reader takes the lone "@"
        row("quoted-local-part-with-at", "\"a@b\"@c.example", "one", L({"\"a@b\"@c.example"}), "",
            L({"\"a@b\"@c.example"}));
        row("quoted-local-part-quoted-pair", "\"a\\\"b\"@c.example", "one", L({"\"a\\\"b\"@c.example"}), "",
            L({"\"a\\\"b\"@c.example"}));
        row("domain-literal", "user@[192.0.2.1]", "one", L({"user@[192.0.2.1]"}), "", L({"user@[192.0.2.1]"}));
        row("nested-comments-as-name", "a@b.example (x (y (z)))", "one", L({"a@b.example"}), "x (y (z))",
            L({"a@b.example"}));
        row("comment-before-addr-spec", "(Joe Johnson) joe@joe.example", "one", L({"joe@joe.example"}),
            "Joe Johnson", L({"joe@joe.example"}));
        row("group-one-mailbox", "g: a@b.example;", "one", L({"a@b.example"}), "", L({"a@b.example"}));
        row("obs-group-list-commas", "g: , ,;", "none", kNone, "", kNone);
        row("trailing-comma-obs", "a@b.example,", "one", L({"a@b.example"}), "", L({"a@b.example"}));
        row("empty", "", "none", kNone, "", kNone);
        row("only-cfws", "  (nothing) ", "none", kNone, "", kNone);
        row("uppercase-domain-normalised", "A@B.EXAMPLE", "one", L({"A@b.example"}), "", L({"A@b.example"}));
        // ---- RFC 6532 UTF-8
        row("rfc6532-utf8-everywhere", "J\xC3\xB8ran <j\xC3\xB8ran@b\xC3\xBC" "cher.example>", "one",
            L({"j\xC3\xB8ran@xn--bcher-kva.example"}), "J\xC3\xB8ran", L({"j\xC3\xB8ran@xn--bcher-kva.example"}));
        row("rfc6532-invalid-utf8", "J\xFFran <j@x.example>", "invalid", kNone, "", L({"j@x.example"}));
        // ---- RFC 2047 in display names (decoded after parsing)
        row("rfc2047-display-name", "=?utf-8?q?J=C3=B8ran?= <j@x.example>", "one", L({"j@x.example"}),
            "J\xC3\xB8ran", L({"j@x.example"}));
        // ---- invalid in strict
        row("missing-at", "joe", "invalid", kNone, "", kNone);
        row("unclosed-angle", "Joe <joe@x.example", "invalid", kNone, "", L({"joe@x.example"}));
        row("unclosed-quote", "\"Joe <joe@x.example>", "invalid", kNone, "", L({"\"Joe <joe\"@x.example>"}));
        row("unclosed-comment", "joe@x.example (hi", "invalid", kNone, "", L({"joe@x.example"}));
        row("double-dot-local", "a..b@x.example", "invalid", kNone, "", L({"\"a..b\"@x.example"}));
        row("empty-angle", "<>", "invalid", kNone, "", kNone);
        row("group-not-closed", "g: a@b.example", "invalid", kNone, "", L({"a@b.example"}));
        row("nested-group", "g: h: a@b.example;;", "invalid", kNone, "", L({"a@b.example"}));

        // ---- "Composition Kills" (Chen, Paxson, Jiang, USENIX Security 2020), §4 From-header cases
        row("ck-two-angle-addrs", "<a@b.example>, <c@d.example>", "several", L({"a@b.example", "c@d.example"}), "",
            L({"a@b.example", "c@d.example"}));
        row("ck-route-attacker", "<@attacker.example:user@bank.example>", "one", L({"user@bank.example"}), "",
            L({"user@bank.example"}));
        row("ck-route-list", "<@attacker.example,@x.example:user@bank.example>", "one", L({"user@bank.example"}),
            "", L({"user@bank.example"}));
        row("ck-quoted-pair-hides-angle", "\"x\\\" <evil@attacker.example> \\\"\" <user@bank.example>", "one",
            L({"user@bank.example"}), "x\" <evil@attacker.example> \"", L({"evil@attacker.example"}));
        row("ck-nested-comment-hides-angle", "(a(b)<evil@attacker.example>) user@bank.example", "one",
            L({"user@bank.example"}), "a(b)<evil@attacker.example>", L({"evil@attacker.example"}));
        row("ck-unquoted-at-in-name", "user@bank.example <evil@attacker.example>", "invalid", kNone, "",
            L({"evil@attacker.example"}));
        row("ck-unquoted-comma-in-name", "Bank, Support <evil@attacker.example>", "invalid", kNone, "",
            L({"evil@attacker.example"}));
        row("ck-nul-truncation", QByteArray("user@bank.example\0@attacker.example", 35), "invalid", kNone, "",
            L({"user@bank.example"}));
        row("ck-nul-in-quoted-pair", QByteArray("\"a\\\0\"@bank.example", 18), "invalid", kNone, "", kNone);
        row("ck-trailing-garbage", "<user@bank.example> evil@attacker.example", "invalid", kNone, "",
            L({"user@bank.example"}));
        row("ck-encoded-word-address-only", "=?utf-8?b?dXNlckBiYW5rLmV4YW1wbGU=?=", "invalid", kNone, "", kNone);
        row("ck-encoded-word-angle-address", "=?utf-8?b?PHVzZXJAYmFuay5leGFtcGxlPg==?= <evil@attacker.example>",
            "one", L({"evil@attacker.example"}), "<user@bank.example>", L({"evil@attacker.example"}));
        // ---- Mailsploit (Haddouche, 2017): encoded words never become address syntax
        row("mailsploit-display-name", "=?utf-8?b?Y2VvQGJhbmsuZXhhbXBsZQA=?= <evil@attacker.example>", "one",
            L({"evil@attacker.example"}), QByteArray("ceo@bank.example\0", 17), L({"evil@attacker.example"}));
        row("mailsploit-local-part",
            "=?utf-8?b?cG90dXNAYmFuay5leGFtcGxl?==?utf-8?Q?=00?==?utf-8?b?cG90dXNAYmFuay5leGFtcGxl?=@attacker.example",
            "one",
            L({"=?utf-8?b?cG90dXNAYmFuay5leGFtcGxl?==?utf-8?Q?=00?==?utf-8?b?cG90dXNAYmFuay5leGFtcGxl?=@attacker."
               "example"}),
            "",
            L({"=?utf-8?b?cG90dXNAYmFuay5leGFtcGxl?==?utf-8?Q?=00?==?utf-8?b?cG90dXNAYmFuay5leGFtcGxl?=@attacker."
               "example"}));
    }
    void parse()
    {
        QFETCH(QByteArray, value);
        QFETCH(QString, strictKind);
        QFETCH(QStringList, strictAddresses);
        QFETCH(QByteArray, displayName);
        QFETCH(QStringList, lenientAddresses);
        const std::string_view v(value.constData(), size_t(value.size()));
        const AddressList strict = parseAddressList(v, AddressParseMode::Strict);
        QCOMPARE(kindName(strict.kind), strictKind);
        QCOMPARE(addresses(strict), strictAddresses);
        if (strict.kind == AddressListKind::Invalid)
            QVERIFY(!strict.problem.empty());
        else
            QVERIFY2(strict.problem.empty(), strict.problem.c_str());
        if (!strict.mailboxes.empty())
            QCOMPARE(bytes(strict.mailboxes.front().displayName), displayName);
        const AddressList lenient = parseAddressList(v, AddressParseMode::Lenient);
        QCOMPARE(addresses(lenient), lenientAddresses);
    }

    void details()
    {
        // RFC 5322 A.6.1: the route is kept apart from the address.
        AddressList l = parseAddressList("Mary Smith <@node.test,@b.example:mary@example.net>", AddressParseMode::Strict);
        QCOMPARE(l.mailboxes.size(), size_t(1));
        QCOMPARE(l.mailboxes[0].route, std::string("@node.test,@b.example"));
        QCOMPARE(l.mailboxes[0].rawDisplayName, std::string("Mary Smith"));
        QCOMPARE(l.mailboxes[0].domain, std::string("example.net"));
        // Quoted local part content, domain as written, group name.
        l = parseAddressList("Team: \"a@b\"@C.Example;", AddressParseMode::Strict);
        QVERIFY(l.hasGroup);
        QCOMPARE(l.mailboxes[0].localPart, std::string("a@b"));
        QCOMPARE(l.mailboxes[0].domainAsWritten, std::string("C.Example"));
        QCOMPARE(l.mailboxes[0].domain, std::string("c.example"));
        QCOMPARE(l.mailboxes[0].groupName, std::string("Team"));
        // Domain literal and invalid domains are kept with the reason, never "cleaned up".
        l = parseAddressList("user@[192.0.2.1]", AddressParseMode::Strict);
        QVERIFY(l.mailboxes[0].domain.empty());
        QCOMPARE(l.mailboxes[0].domainAsWritten, std::string("[192.0.2.1]"));
        QVERIFY(!l.mailboxes[0].domainError.empty());
        l = parseAddressList("user@exa_mple.com", AddressParseMode::Strict);
        QVERIFY(l.mailboxes[0].domain.empty());
        QVERIFY(!l.mailboxes[0].domainError.empty());
        // The raw display name keeps the encoded word; the decoded one is separate.
        l = parseAddressList("=?utf-8?q?J=C3=B8ran?= <j@x.example>", AddressParseMode::Strict);
        QCOMPARE(l.mailboxes[0].rawDisplayName, std::string("=?utf-8?q?J=C3=B8ran?="));
    }

    // Bounded: input length, mailbox count, comment depth.
    void limits()
    {
        std::string deep(size_t(AddressLimits::maxCommentDepth + 1), '(');
        deep += std::string(size_t(AddressLimits::maxCommentDepth + 1), ')');
        AddressList l = parseAddressList(deep + " a@b.example", AddressParseMode::Strict);
        QCOMPARE(kindName(l.kind), QStringLiteral("invalid"));
        QVERIFY(l.problem.find("nested") != std::string::npos);
        std::string ok(size_t(AddressLimits::maxCommentDepth), '(');
        ok += std::string(size_t(AddressLimits::maxCommentDepth), ')');
        QCOMPARE(kindName(parseAddressList(ok + " a@b.example", AddressParseMode::Strict).kind), QStringLiteral("one"));

        std::string many;
        for (size_t i = 0; i <= AddressLimits::maxMailboxes; ++i)
            many += "a@b.example,";
        QCOMPARE(kindName(parseAddressList(many, AddressParseMode::Strict).kind), QStringLiteral("invalid"));
        QCOMPARE(kindName(parseAddressList(many, AddressParseMode::Lenient).kind), QStringLiteral("invalid"));

        std::string huge(AddressLimits::maxInput + 1, 'a');
        huge += "@b.example";
        QCOMPARE(kindName(parseAddressList(huge, AddressParseMode::Strict).kind), QStringLiteral("invalid"));
        QCOMPARE(kindName(parseAddressList(huge, AddressParseMode::Lenient).kind), QStringLiteral("invalid"));

        // Total: every prefix of a tricky value parses without crashing, in both modes.
        const std::string tricky = "\"a\\\"(b\" (c(d)\\)) <@x.example,@y:u.v@[1.2.3.4]>, g:(;)a@b.example;";
        for (size_t n = 0; n <= tricky.size(); ++n) {
            (void)parseAddressList(tricky.substr(0, n), AddressParseMode::Strict);
            (void)parseAddressList(tricky.substr(0, n), AddressParseMode::Lenient);
        }
    }

    // OpenDMARC libopendmarc tests, from_header_domain (../shared/conformance/dmarc-vectors/opendmarc).
    // The domain DMARC would use is FromInfo.domain; cases where we decide differently on purpose
    // are listed in tests/mail/DEVIATIONS.md and must be exactly the ones that deviate.
    void opendmarcFromDomain_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("expectedDomain");
        QTest::addColumn<bool>("deviates");

        SEALCHECK_REQUIRE_SUITE(dir, "dmarc-vectors");
        QFile f(dir + QStringLiteral("/opendmarc/opendmarc-unit-cases.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray cases = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("from_header_domain")).toArray();
        QCOMPARE(cases.size(), 13);

        QFile dev(QStringLiteral(SEALCHECK_SOURCE_DIR "/tests/mail/DEVIATIONS.md"));
        QVERIFY(dev.open(QIODevice::ReadOnly));
        QSet<int> deviating;
        static const QRegularExpression re(QStringLiteral("^- opendmarc-from-(\\d+)\\b"));
        for (const QByteArray &line : dev.readAll().split('\n')) {
            auto m = re.match(QString::fromUtf8(line));
            if (m.hasMatch())
                deviating.insert(m.captured(1).toInt());
        }
        QVERIFY(!deviating.isEmpty());
        for (int i = 0; i < cases.size(); ++i) {
            const QJsonObject c = cases[i].toObject();
            QTest::addRow("opendmarc-from-%d", i) << c.value(QStringLiteral("raw_from_value")).toString().toUtf8()
                                                  << c.value(QStringLiteral("expected_domain")).toString()
                                                  << deviating.contains(i);
        }
    }
    void opendmarcFromDomain()
    {
        QFETCH(QByteArray, value);
        QFETCH(QString, expectedDomain);
        QFETCH(bool, deviates);
        auto m = Message::parse(("From: " + value + "\r\nTo: x@y.example\r\n\r\nbody\r\n").toStdString());
        QVERIFY(m.ok());
        const FromInfo info = analyseFrom(*m);
        const QString domain = QString::fromStdString(info.domain);
        if (deviates) {
            QVERIFY2(domain != expectedDomain, qPrintable(QStringLiteral("listed as a deviation but agrees: ") + domain));
            QVERIFY(info.kind != AddressListKind::One);
        } else {
            QCOMPARE(domain, expectedDomain);
            QCOMPARE(kindName(info.kind), QStringLiteral("one"));
        }
    }
};

QTEST_GUILESS_MAIN(tst_Address)
#include "tst_address.moc"
