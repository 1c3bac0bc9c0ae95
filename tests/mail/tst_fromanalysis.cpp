// Whole messages -> FromInfo (verifier/mail/FromAnalysis.h): the one parse of the author identity.
#include "FromAnalysis.h"
#include "Message.h"
#include "TestPaths.h"

#include <QDir>
#include <QMap>
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

// A message: @p header lines (CRLF added), a fixed Subject, an empty line and a body.
QByteArray msg(const QByteArray &header)
{
    return header + "Subject: test\r\n\r\nbody\r\n";
}

void row(const char *name, const QByteArray &message, const char *kind, const QByteArray &address,
         const QByteArray &domain, int fieldCount, const QByteArray &displayName = {}, bool nameHasAddress = false,
         bool deceptive = false)
{
    QTest::newRow(name) << message << QString::fromLatin1(kind) << address << domain << fieldCount << displayName
                        << nameHasAddress << deceptive;
}

} // namespace

class tst_FromAnalysis : public QObject
{
    Q_OBJECT
private slots:
    void analyse_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QByteArray>("address");
        QTest::addColumn<QByteArray>("domain");
        QTest::addColumn<int>("fieldCount");
        QTest::addColumn<QByteArray>("displayName");
        QTest::addColumn<bool>("displayNameHasAddress");
        QTest::addColumn<bool>("deceptive");

        // Plain cases (RFC 5322 §3.6.2, Appendix A.1.1).
        row("one-name-addr", msg("From: John Doe <jdoe@Machine.Example>\r\n"), "one", "jdoe@machine.example",
            "machine.example", 1, "John Doe");
        row("one-addr-spec", msg("From: jdoe@machine.example\r\n"), "one", "jdoe@machine.example", "machine.example", 1);
        row("one-folded", msg("From: \"Joe Q. Public\"\r\n <john.q.public@example.com>\r\n"), "one",
            "john.q.public@example.com", "example.com", 1, "Joe Q. Public");
        row("one-idn", msg("From: J\xC3\xB8ran <j@b\xC3\xBC" "cher.example>\r\n"), "one", "j@xn--bcher-kva.example",
            "xn--bcher-kva.example", 1, "J\xC3\xB8ran");
        row("one-rfc2047-name", msg("From: =?iso-8859-1?q?J=F8ran?= <j@x.example>\r\n"), "one", "j@x.example",
            "x.example", 1, "J\xC3\xB8ran");
        // RFC 6854: group syntax in From.
        row("one-in-group", msg("From: Team: a@b.example;\r\n"), "one", "a@b.example", "b.example", 1, "Team");
        row("none-no-field", msg("To: x@y.example\r\n"), "none", "", "", 0);
        row("none-empty-field", msg("From:\r\n"), "none", "", "", 1);
        row("none-empty-group", msg("From: undisclosed-recipients:;\r\n"), "none", "", "", 1);
        row("invalid-no-at", msg("From: Joe\r\n"), "invalid", "", "", 1);
        row("invalid-single-label", msg("From: root@localhost\r\n"), "invalid", "", "", 1);
        row("invalid-address-literal", msg("From: user@[192.0.2.1]\r\n"), "invalid", "", "", 1);
        row("invalid-domain-underscore", msg("From: user@exa_mple.com\r\n"), "invalid", "", "", 1);
        row("invalid-fullwidth-domain", msg("From: user@\xEF\xBD\x85xample.com\r\n"), "invalid", "", "", 1);
        // Never fall back to Sender, Resent-From or Reply-To (ARCHITECTURE.md).
        row("none-sender-not-used", msg("Sender: a@b.example\r\nReply-To: c@d.example\r\nResent-From: e@f.example\r\n"),
            "none", "", "", 0);

        // "Composition Kills" (Chen, Paxson, Jiang, USENIX Security 2020) §4.
        row("ck-multiple-from-fields", msg("From: user@bank.example\r\nFrom: evil@attacker.example\r\n"), "several", "",
            "", 2);
        row("ck-multiple-mailboxes", msg("From: <user@bank.example>, <evil@attacker.example>\r\n"), "several", "", "",
            1);
        row("ck-space-before-colon", msg("From : user@bank.example\r\n"), "ambiguous", "", "", 1);
        row("ck-space-before-colon-second", msg("From: evil@attacker.example\r\nFrom : user@bank.example\r\n"),
            "several", "", "", 2);
        row("ck-leading-continuation", msg(" From: user@bank.example\r\nFrom: evil@attacker.example\r\n"), "ambiguous",
            "", "", 1);
        row("ck-nul-in-field-name", msg(QByteArray("From\0: user@bank.example\r\nFrom: evil@attacker.example\r\n", 55)),
            "ambiguous", "", "", 1);
        row("ck-broken-name", msg("Fro m: user@bank.example\r\nFrom: evil@attacker.example\r\n"), "ambiguous", "", "",
            1);
        row("ck-nul-in-value", msg(QByteArray("From: user@bank.example\0@attacker.example\r\n", 43)), "ambiguous", "",
            "", 1, "", false, true);
        row("ck-bare-cr", msg("From: user@bank.example\r(evil@attacker.example)\r\n"), "ambiguous", "", "", 1);
        row("ck-route", msg("From: <@attacker.example:user@bank.example>\r\n"), "ambiguous", "", "", 1);
        row("ck-quoted-pair-hides-angle", msg("From: \"x\\\" <evil@attacker.example> \\\"\" <user@bank.example>\r\n"),
            "ambiguous", "", "", 1);
        row("ck-nested-comment-hides-angle", msg("From: (a(b)<evil@attacker.example>) user@bank.example\r\n"),
            "ambiguous", "", "", 1);
        row("ck-unquoted-at-in-name", msg("From: user@bank.example <evil@attacker.example>\r\n"), "invalid", "", "", 1);
        row("ck-encoded-word-as-address", msg("From: =?utf-8?b?dXNlckBiYW5rLmV4YW1wbGU=?=\r\n"), "invalid", "", "", 1);
        row("ck-encoded-angle-in-name",
            msg("From: =?utf-8?b?PHVzZXJAYmFuay5leGFtcGxlPg==?= <evil@attacker.example>\r\n"), "one",
            "evil@attacker.example", "attacker.example", 1, "<user@bank.example>", true);
        row("ck-quoted-address-in-name", msg("From: \"user@bank.example\" <evil@attacker.example>\r\n"), "one",
            "evil@attacker.example", "attacker.example", 1, "user@bank.example", true);

        // Mailsploit (2017): an encoded display name holding "@bank.example\0".
        row("mailsploit-display-name",
            msg("From: =?utf-8?b?Y2VvQGJhbmsuZXhhbXBsZQA=?= <evil@attacker.example>\r\n"), "one",
            "evil@attacker.example", "attacker.example", 1, "ceo@bank.example\\x00", true, true);
        row("mailsploit-local-part",
            msg("From: =?utf-8?b?cG90dXNAYmFuay5leGFtcGxl?==?utf-8?Q?=00?==?utf-8?b?KHBvdHVzQGJhbmsuZXhhbXBsZSk=?="
                "@attacker.example\r\n"),
            "ambiguous", "", "", 1, "", true);
        // Encoded words inside a quoted display name: clients decode them, so the flag looks there too.
        row("encoded-word-in-quoted-name", msg("From: \"=?utf-8?q?ceo=40bank.example?=\" <evil@attacker.example>\r\n"),
            "one", "evil@attacker.example", "attacker.example", 1, "ceo@bank.example", true);
        // RFC 6854 group: the group's name is what readers show when the mailbox has none.
        row("group-name-shown", msg("From: \"ceo@bank.example\": evil@attacker.example;\r\n"), "one",
            "evil@attacker.example", "attacker.example", 1, "ceo@bank.example", true);
        // Lenient readers merge an unquoted comma into the name; strict refuses it.
        row("unquoted-comma-in-name", msg("From: Bank, Security <security@bank.example>\r\n"), "invalid", "", "", 1);
        // Bidi / zero-width characters in the display name are escaped and flagged.
        row("bidi-override-in-name", msg("From: \"Bank \xE2\x80\xAE" "elpmaxe\" <a@b.example>\r\n"), "one", "a@b.example",
            "b.example", 1, "Bank \\u202Eelpmaxe", false, true);
        row("zero-width-in-name", msg("From: =?utf-8?q?Ba=E2=80=8Bnk?= <a@b.example>\r\n"), "one", "a@b.example",
            "b.example", 1, "Ba\\u200Bnk", false, true);
    }
    void analyse()
    {
        QFETCH(QByteArray, message);
        QFETCH(QString, kind);
        QFETCH(QByteArray, address);
        QFETCH(QByteArray, domain);
        QFETCH(int, fieldCount);
        QFETCH(QByteArray, displayName);
        QFETCH(bool, displayNameHasAddress);
        QFETCH(bool, deceptive);
        auto m = Message::parse(std::string(message.constData(), size_t(message.size())));
        QVERIFY(m.ok());
        const FromInfo info = analyseFrom(*m);
        QCOMPARE(kindName(info.kind), kind);
        QCOMPARE(info.fieldCount, fieldCount);
        QCOMPARE(bytes(info.address.value_or(std::string())), address);
        QCOMPARE(info.address.has_value(), !address.isEmpty());
        QCOMPARE(bytes(info.domain), domain);
        QCOMPARE(bytes(info.displayName), displayName);
        QCOMPARE(info.displayNameHasAddress, displayNameHasAddress);
        QCOMPARE(info.hasDeceptiveCharacters, deceptive);
        // problem is empty exactly when kind is One.
        QCOMPARE(info.problem.empty(), info.kind == AddressListKind::One);
        // Whatever is shown holds no raw NUL, CR or LF.
        for (const std::string *s : {&info.header, &info.displayName, &info.problem, &info.localPart}) {
            QVERIFY(s->find('\0') == std::string::npos);
            QVERIFY(s->find('\r') == std::string::npos);
            QVERIFY(s->find('\n') == std::string::npos);
        }
    }

    // Whole messages in tests/data/mail/from, each with its expectation in X-Sealcheck-Expect.
    void files_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(testpaths::testData(QStringLiteral("mail/from")));
        const QStringList files = dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 8);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }
    void files()
    {
        QFETCH(QString, path);
        auto m = Message::parse(testpaths::readFile(path));
        QVERIFY(m.ok());
        const HeaderField *expect = m->field("X-Sealcheck-Expect");
        QVERIFY(expect);
        QMap<QString, QString> want;
        for (const QString &part : QString::fromStdString(expect->value()).split(QLatin1Char(';'))) {
            const QStringList kv = part.trimmed().split(QLatin1Char('='));
            if (kv.size() == 2)
                want.insert(kv[0], kv[1]);
        }
        const FromInfo info = analyseFrom(*m);
        QCOMPARE(kindName(info.kind), want.value(QStringLiteral("kind")));
        QCOMPARE(QString::number(info.fieldCount), want.value(QStringLiteral("fields")));
        QCOMPARE(QString::fromStdString(info.domain), want.value(QStringLiteral("domain")));
        if (want.contains(QStringLiteral("name-has-address")))
            QCOMPARE(info.displayNameHasAddress, want.value(QStringLiteral("name-has-address")) == QLatin1String("yes"));
    }

    // Issue 19: header lines lenient readers take for From, above or below the real one.
    void competingFromNames_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("name");
        QTest::newRow("8bit above") << msg(QByteArray("From\xff: <a@bank.example>\r\nFrom: <b@evil.example>\r\n"))
                                    << QByteArray("From\\xFF");
        QTest::newRow("8bit below") << msg(QByteArray("From: <b@evil.example>\r\nFrom\xff: <a@bank.example>\r\n"))
                                    << QByteArray("From\\xFF");
        QTest::newRow("nbsp") << msg(QByteArray("From: <b@evil.example>\r\nFrom\xc2\xa0: <a@bank.example>\r\n"))
                              << QByteArray("From\xc2\xa0");
        QTest::newRow("vertical tab") << msg(QByteArray("From: <b@evil.example>\r\nFrom\x0b: <a@bank.example>\r\n"))
                                      << QByteArray("From\\x0B");
        QTest::newRow("folded name") << msg(QByteArray("From\r\n : <a@bank.example>\r\nFrom: <b@evil.example>\r\n"))
                                     << QByteArray("From\\x0D\\x0A ");
        QTest::newRow("none: X-From") << msg(QByteArray("X-From: <a@bank.example>\r\nFrom: <b@evil.example>\r\n"))
                                      << QByteArray();
        QTest::newRow("none: Resent-From") << msg(QByteArray("Resent-From: <a@bank.example>\r\nFrom: <b@evil.example>\r\n"))
                                           << QByteArray();
    }
    void competingFromNames()
    {
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, name);
        auto m = Message::parse(std::string(message.constData(), size_t(message.size())));
        QVERIFY(m.ok());
        const FromInfo info = analyseFrom(*m);
        if (name.isEmpty()) {
            QVERIFY(info.competingFromNames.empty());
            QCOMPARE(kindName(info.kind), QStringLiteral("one"));
            return;
        }
        QCOMPARE(info.competingFromNames.size(), size_t(1));
        QCOMPARE(bytes(info.competingFromNames.front()), name);
        QCOMPARE(kindName(info.kind), QStringLiteral("ambiguous"));
    }

    void comments()
    {
        // A '(' inside a quoted string opens no comment; nested comments belong to their parent.
        auto m = Message::parse(std::string("From: (x <admin@bank.example>) \"Bank (q@r.example)\" (=?utf-8?q?a=40b.example?=) "
                                            "<any(c@d.example)@evil.example> (tail (nested) \\) x)\r\n\r\n"));
        QVERIFY(m.ok());
        const FromInfo info = analyseFrom(*m);
        QCOMPARE(kindName(info.kind), QStringLiteral("one"));
        QCOMPARE(info.comments, (std::vector<std::string>{"x <admin@bank.example>", "a@b.example", "c@d.example",
                                                          "tail (nested) ) x"}));
    }

    void headerIsEscaped()
    {
        auto m = Message::parse(std::string("From: a@b.example (x\xE2\x80\xAEy)\r\n\r\n"));
        QVERIFY(m.ok());
        const FromInfo info = analyseFrom(*m);
        QCOMPARE(bytes(info.header), QByteArray("a@b.example (x\\u202Ey)"));
        QCOMPARE(bytes(info.displayName), QByteArray("x\\u202Ey"));
        QVERIFY(info.hasDeceptiveCharacters);
    }
};

QTEST_GUILESS_MAIN(tst_FromAnalysis)
#include "tst_fromanalysis.moc"
