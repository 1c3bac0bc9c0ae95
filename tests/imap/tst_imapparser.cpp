// Response parsing (RFC 9051 §7, RFC 3501 §7, RFC 7162, RFC 6154) and the framer's
// chunking independence and limits.
#include "ImapFramer.h"
#include "ImapMailboxName.h"
#include "ImapParser.h"
#include "ImapSequenceSet.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace imap;

Q_DECLARE_METATYPE(imap::ImapResponse)

namespace {

ImapResponse untagged(UntaggedType type)
{
    ImapResponse r;
    r.type = type;
    return r;
}

ImapResponse status(ResponseKind kind, ResponseStatus s, const QByteArray &tag, const QByteArray &text)
{
    ImapResponse r;
    r.kind = kind;
    r.status = s;
    r.tag = tag;
    r.text = text;
    return r;
}

ResponseCode code(const QByteArray &name, const QByteArray &arg, std::optional<quint64> n = std::nullopt,
                  QList<QByteArray> list = {})
{
    return ResponseCode{name, arg, n, list};
}

/// A sample conversation, one complete response per entry.
QList<QByteArray> sampleResponses()
{
    return {
        "* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ AUTH=PLAIN] Dovecot ready.\r\n",
        "* CAPABILITY IMAP4rev1 IMAP4rev2 STARTTLS LOGINDISABLED\r\n",
        "a1 OK [CAPABILITY IMAP4rev1 CONDSTORE QRESYNC] Logged in\r\n",
        "* LIST (\\HasNoChildren \\Sent) \"/\" Sent\r\n",
        "* LIST (\\Noselect) NIL {11}\r\nodd\"name}{3\r\n",
        "* STATUS INBOX (MESSAGES 3 UIDNEXT 4 UIDVALIDITY 1700000000 HIGHESTMODSEQ 9)\r\n",
        "* 3 EXISTS\r\n",
        "* OK [UIDVALIDITY 1700000000] UIDs valid\r\n",
        "* OK [HIGHESTMODSEQ 18446744073709551615] Highest\r\n",
        "a2 OK [READ-ONLY] Examine completed (0.001 + 0.000 secs).\r\n",
        "* 1 FETCH (UID 7 FLAGS (\\Seen $Phishing) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" RFC822.SIZE 44827 MODSEQ (12345) BODY[HEADER] {13}\r\nFrom: a@b\r\n\r\n)\r\n",
        "* 2 FETCH (UID 8 BODY[] {5}\r\nab\r\nc BODY[HEADER.FIELDS (FROM \"TO\")] {0}\r\n)\r\n",
        "* 3 FETCH (UID 9 BINARY[] ~{4}\r\n\x01\x02\r\n)\r\n",
        "* SEARCH 2 84 882 (MODSEQ 917162500)\r\n",
        "* VANISHED (EARLIER) 41,43:45\r\n",
        "* 5 EXPUNGE\r\n",
        "+ idling\r\n",
        "+ \r\n",
        "* ESEARCH (TAG \"a5\") UID ALL 3:5,9\r\n",
        "* ID (\"name\" \"Dovecot\")\r\n",
        "a3 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n",
        "* BYE Logging out\r\n",
    };
}

} // namespace

class tst_ImapParser : public QObject
{
    Q_OBJECT
private slots:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<ImapResponse>("expected");

        {
            ImapResponse r = status(ResponseKind::Untagged, ResponseStatus::Ok, {}, "Dovecot ready.");
            r.code = code("CAPABILITY", "IMAP4rev1 SASL-IR AUTH=PLAIN", std::nullopt,
                          {"IMAP4rev1", "SASL-IR", "AUTH=PLAIN"});
            QTest::newRow("greeting with capability code")
                << QByteArray("* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] Dovecot ready.\r\n") << r;
        }
        {
            ImapResponse r = untagged(UntaggedType::Capability);
            r.atoms = {"IMAP4rev1", "IMAP4rev2", "STARTTLS", "LOGINDISABLED"};
            QTest::newRow("capability") << QByteArray("* CAPABILITY IMAP4rev1 IMAP4rev2 STARTTLS LOGINDISABLED\r\n") << r;
        }
        {
            ImapResponse r = status(ResponseKind::Tagged, ResponseStatus::No, "a3", "Authentication failed.");
            r.code = code("AUTHENTICATIONFAILED", {});
            QTest::newRow("tagged NO with code") << QByteArray("a3 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n") << r;
        }
        {
            ImapResponse r = status(ResponseKind::Tagged, ResponseStatus::Ok, "a2", "Examine completed");
            r.code = code("READ-ONLY", {});
            QTest::newRow("read-only") << QByteArray("a2 ok [READ-ONLY] Examine completed\r\n") << r;
        }
        {
            ImapResponse r = status(ResponseKind::Untagged, ResponseStatus::Ok, {}, "UIDs valid");
            r.code = code("UIDVALIDITY", "3857529045", 3857529045u);
            QTest::newRow("uidvalidity") << QByteArray("* OK [UIDVALIDITY 3857529045] UIDs valid\r\n") << r;
        }
        {
            ImapResponse r = status(ResponseKind::Untagged, ResponseStatus::Ok, {}, "Predicted next UID");
            r.code = code("UIDNEXT", "4392", 4392);
            QTest::newRow("uidnext") << QByteArray("* OK [UIDNEXT 4392] Predicted next UID\r\n") << r;
        }
        {
            ImapResponse r = status(ResponseKind::Untagged, ResponseStatus::Ok, {}, "");
            r.code = code("HIGHESTMODSEQ", "715194045007", 715194045007ull);
            QTest::newRow("highestmodseq no text") << QByteArray("* OK [HIGHESTMODSEQ 715194045007]\r\n") << r;
        }
        {
            ImapResponse r = status(ResponseKind::Untagged, ResponseStatus::Ok, {}, "Limited");
            r.code = code("PERMANENTFLAGS", "(\\Deleted \\Seen \\*)", std::nullopt, {"\\Deleted", "\\Seen", "\\*"});
            QTest::newRow("permanentflags") << QByteArray("* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n") << r;
        }
        {
            ImapResponse r = untagged(UntaggedType::List);
            r.list = ListEntry{{"\\HasNoChildren", "\\Junk"}, "/", "Spam"};
            QTest::newRow("list special-use") << QByteArray("* LIST (\\HasNoChildren \\Junk) \"/\" Spam\r\n") << r;
        }
        {
            ImapResponse r = untagged(UntaggedType::List);
            r.list = ListEntry{{"\\Noselect"}, {}, "a b"};
            QTest::newRow("list NIL delimiter quoted name") << QByteArray("* LIST (\\Noselect) NIL \"a b\"\r\n") << r;
        }
        {
            ImapResponse r = untagged(UntaggedType::List);
            r.list = ListEntry{{}, ".", "x\r\ny"};
            QTest::newRow("list literal name") << QByteArray("* LIST () \".\" {4}\r\nx\r\ny\r\n") << r;
        }
        {
            ImapResponse r = untagged(UntaggedType::List);
            r.list = ListEntry{{"\\Subscribed"}, "/", "INBOX"};
            QTest::newRow("list-extended data")
                << QByteArray("* LIST (\\Subscribed) \"/\" INBOX (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\n") << r;
        }
        {
            ImapResponse r = untagged(UntaggedType::Status);
            r.statusData.mailbox = "blurdybloop";
            r.statusData.values = {{"MESSAGES", 231}, {"UIDNEXT", 44292}, {"HIGHESTMODSEQ", 7011231777ull}};
            QTest::newRow("status")
                << QByteArray("* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292 HIGHESTMODSEQ 7011231777)\r\n") << r;
        }
        {
            ImapResponse r = untagged(UntaggedType::Exists);
            r.number = 23;
            QTest::newRow("exists") << QByteArray("* 23 EXISTS\r\n") << r;
        }
        {
            ImapResponse r = untagged(UntaggedType::Exists);
            r.number = 0;
            QTest::newRow("exists zero") << QByteArray("* 0 EXISTS\r\n") << r;
        }
        {
            ImapResponse r = untagged(UntaggedType::Expunge);
            r.number = 3;
            QTest::newRow("expunge") << QByteArray("* 3 EXPUNGE\r\n") << r;
        }
        {
            ImapResponse r = untagged(UntaggedType::Recent);
            r.number = 5;
            QTest::newRow("recent") << QByteArray("* 5 RECENT\r\n") << r;
        }
        {
            ImapResponse r = untagged(UntaggedType::Vanished);
            r.vanishedEarlier = true;
            r.numbers = {41, 43, 44, 45};
            QTest::newRow("vanished earlier") << QByteArray("* VANISHED (EARLIER) 41,43:45\r\n") << r;
        }
        {
            ImapResponse r = untagged(UntaggedType::Vanished);
            r.numbers = {405, 406, 407, 408, 409, 410, 411};
            QTest::newRow("vanished") << QByteArray("* VANISHED 405,407:410,406,411\r\n").replace("405,407:410,406,411", "405:411") << r;
        }
        {
            ImapResponse r = untagged(UntaggedType::Flags);
            r.atoms = {"\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft", "$Phishing"};
            QTest::newRow("flags")
                << QByteArray("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Phishing)\r\n") << r;
        }
        {
            ImapResponse r = untagged(UntaggedType::Search);
            r.numbers = {2, 84, 882};
            r.searchModSeq = 917162500;
            QTest::newRow("search modseq") << QByteArray("* SEARCH 2 84 882 (MODSEQ 917162500)\r\n") << r;
        }
        {
            ImapResponse r = untagged(UntaggedType::Search);
            QTest::newRow("search empty") << QByteArray("* SEARCH\r\n") << r;
        }
        {
            ImapResponse r = untagged(UntaggedType::ESearch);
            r.numbers = {3, 4, 5, 9};
            QTest::newRow("esearch imap4rev2") << QByteArray("* ESEARCH (TAG \"a5\") UID ALL 3:5,9\r\n") << r;
        }
        {
            ImapResponse r = untagged(UntaggedType::Enabled);
            r.atoms = {"CONDSTORE", "QRESYNC"};
            QTest::newRow("enabled") << QByteArray("* ENABLED CONDSTORE QRESYNC\r\n") << r;
        }
        {
            ImapResponse r = untagged(UntaggedType::Fetch);
            r.number = 12;
            r.fetch.uid = 7;
            r.fetch.flags = QList<QByteArray>{"\\Seen", "$Phishing"};
            r.fetch.internalDate = "17-Jul-1996 02:44:25 -0700";
            r.fetch.rfc822Size = 44827;
            r.fetch.modSeq = 12345;
            r.fetch.sections.insert("BODY[HEADER]", "From: a@b\r\n\r\n");
            QTest::newRow("fetch header literal")
                << QByteArray("* 12 FETCH (UID 7 FLAGS (\\Seen $Phishing) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" "
                              "RFC822.SIZE 44827 MODSEQ (12345) BODY[HEADER] {13}\r\nFrom: a@b\r\n\r\n)\r\n")
                << r;
        }
        {
            ImapResponse r = untagged(UntaggedType::Fetch);
            r.number = 1;
            r.fetch.uid = 8;
            r.fetch.sections.insert("BODY[]", "ab\r\nc");
            r.fetch.sections.insert("BODY[HEADER.FIELDS (FROM \"TO\")]", "");
            QTest::newRow("fetch body and header.fields")
                << QByteArray("* 1 FETCH (UID 8 BODY[] {5}\r\nab\r\nc BODY[HEADER.FIELDS (From \"To\")] NIL)\r\n") << r;
        }
        {
            ImapResponse r = untagged(UntaggedType::Fetch);
            r.number = 1;
            r.fetch.sections.insert("BINARY[]", QByteArray("\0\1\r\n", 4));
            r.fetch.uid = 3;
            QTest::newRow("fetch literal8") << QByteArray("* 1 FETCH (BINARY[] ~{4}\r\n\0\1\r\n UID 3)\r\n", 39) << r;
        }
        {
            ImapResponse r = untagged(UntaggedType::Fetch);
            r.number = 1;
            r.fetch.uid = 3;
            r.fetch.sections.insert("BODY[]", "abc");
            QTest::newRow("fetch skips envelope and origin")
                << QByteArray("* 1 FETCH (ENVELOPE (NIL \"s\" ((\"a\" NIL \"b\" \"c\")) NIL) BODY[]<0> \"abc\" UID 3)\r\n") << r;
        }
        {
            ImapResponse r = status(ResponseKind::Continuation, ResponseStatus::None, {}, "idling");
            QTest::newRow("continuation") << QByteArray("+ idling\r\n") << r;
        }
        {
            ImapResponse r = status(ResponseKind::Continuation, ResponseStatus::None, {}, "");
            QTest::newRow("empty continuation") << QByteArray("+\r\n") << r;
        }
        {
            ImapResponse r = untagged(UntaggedType::Other);
            r.otherName = "ID";
            r.text = "(\"name\" {7}\r\nDovecot)";
            QTest::newRow("unknown kept raw") << QByteArray("* ID (\"name\" {7}\r\nDovecot)\r\n") << r;
        }
        {
            ImapResponse r = status(ResponseKind::Untagged, ResponseStatus::Bye, {}, "Server shutting down");
            QTest::newRow("bye") << QByteArray("* BYE Server shutting down\r\n") << r;
        }
        {
            ImapResponse r = status(ResponseKind::Untagged, ResponseStatus::PreAuth, {}, "welcome");
            QTest::newRow("preauth") << QByteArray("* PREAUTH welcome\r\n") << r;
        }
    }
    void parse()
    {
        QFETCH(QByteArray, input);
        QFETCH(ImapResponse, expected);
        const auto r = ImapParser::parse(input);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(int(r->kind), int(expected.kind));
        QCOMPARE(r->tag, expected.tag);
        QCOMPARE(int(r->status), int(expected.status));
        QCOMPARE(int(r->type), int(expected.type));
        QCOMPARE(r->code.has_value(), expected.code.has_value());
        if (expected.code) {
            QCOMPARE(r->code->name, expected.code->name);
            QCOMPARE(r->code->argument, expected.code->argument);
            QCOMPARE(r->code->number, expected.code->number);
            QCOMPARE(r->code->list, expected.code->list);
        }
        QCOMPARE(r->text, expected.text);
        QCOMPARE(r->otherName, expected.otherName);
        QCOMPARE(r->number, expected.number);
        QCOMPARE(r->atoms, expected.atoms);
        QCOMPARE(r->numbers, expected.numbers);
        QCOMPARE(r->searchModSeq, expected.searchModSeq);
        QCOMPARE(r->vanishedEarlier, expected.vanishedEarlier);
        QCOMPARE(r->list.attributes, expected.list.attributes);
        QCOMPARE(r->list.delimiter, expected.list.delimiter);
        QCOMPARE(r->list.name, expected.list.name);
        QCOMPARE(r->statusData.mailbox, expected.statusData.mailbox);
        QCOMPARE(r->statusData.values, expected.statusData.values);
        QCOMPARE(r->fetch.uid, expected.fetch.uid);
        QCOMPARE(r->fetch.flags, expected.fetch.flags);
        QCOMPARE(r->fetch.internalDate, expected.fetch.internalDate);
        QCOMPARE(r->fetch.rfc822Size, expected.fetch.rfc822Size);
        QCOMPARE(r->fetch.modSeq, expected.fetch.modSeq);
        QCOMPARE(r->fetch.sections, expected.fetch.sections);
        QVERIFY(*r == expected);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("no crlf") << QByteArray("* OK hi");
        QTest::newRow("garbage") << QByteArray("\x01\x02garbage\r\n");
        QTest::newRow("tag without status") << QByteArray("a1 FOO bar\r\n");
        QTest::newRow("plus in tag") << QByteArray("a+1 OK\r\n");
        QTest::newRow("truncated literal") << QByteArray("* 1 FETCH (BODY[] {10}\r\nabc)\r\n");
        QTest::newRow("huge number") << QByteArray("* 99999999999 EXISTS\r\n");
        QTest::newRow("uidvalidity not a number") << QByteArray("* OK [UIDVALIDITY x] y\r\n");
        QTest::newRow("uidvalidity above 32 bits") << QByteArray("* OK [UIDVALIDITY 4294967296] y\r\n");
        QTest::newRow("unterminated code") << QByteArray("* OK [UIDNEXT 5 y\r\n");
        QTest::newRow("fetch unbalanced") << QByteArray("* 1 FETCH (UID 5\r\n");
        QTest::newRow("fetch uid zero") << QByteArray("* 1 FETCH (UID 0)\r\n");
        QTest::newRow("fetch of message 0") << QByteArray("* 0 FETCH (UID 1)\r\n");
        QTest::newRow("fetch trailing junk") << QByteArray("* 1 FETCH (UID 1) junk\r\n");
        QTest::newRow("bad quoted escape") << QByteArray("* LIST () \"\\x\" a\r\n");
        QTest::newRow("unterminated quote") << QByteArray("* LIST () \"/ a\r\n");
        QTest::newRow("search zero") << QByteArray("* SEARCH 1 0\r\n");
        QTest::newRow("vanished star") << QByteArray("* VANISHED 1:*\r\n");
        QTest::newRow("vanished too many") << QByteArray("* VANISHED 1:4294967295\r\n");
        QTest::newRow("deep nesting") << QByteArray("* 1 FETCH (BODYSTRUCTURE " + QByteArray(200, '(') + QByteArray(200, ')') + ")\r\n");
        QTest::newRow("unknown numbered") << QByteArray("* 5 FROB\r\n");
        QTest::newRow("nul in line") << QByteArray("* OK [ALERT\0] x\r\n", 17);
    }
    void malformed()
    {
        QFETCH(QByteArray, input);
        const auto r = ImapParser::parse(input);
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error().kind), int(ImapErrorKind::ProtocolError));
        QVERIFY(r.error().message.startsWith(QStringLiteral("the server sent a response that cannot be parsed")));
    }

    void fetchHelpers()
    {
        auto r = ImapParser::parse("* 1 FETCH (RFC822.HEADER {3}\r\nA\r\n RFC822 {1}\r\nB)\r\n");
        QVERIFY(r.ok());
        QCOMPARE(r->fetch.header(), std::optional<QByteArray>("A\r\n"));
        QCOMPARE(r->fetch.message(), std::optional<QByteArray>("B"));
        auto none = ImapParser::parse("* 1 FETCH (UID 4)\r\n");
        QVERIFY(none.ok());
        QVERIFY(!none->fetch.header());
        QVERIFY(!none->fetch.message());
    }

    /// Every response of a conversation, fed through the framer split at every byte, gives the
    /// same frames and the same parse results as the whole stream at once.
    void framerSplitAtEveryByte()
    {
        QByteArray stream;
        const QList<QByteArray> responses = sampleResponses();
        for (const QByteArray &r : responses)
            stream += r;

        ImapFramer whole;
        whole.feed(stream);
        const auto reference = whole.takeFrames();
        QCOMPARE(reference.size(), responses.size());
        for (qsizetype i = 0; i < responses.size(); ++i) {
            QCOMPARE(reference[i].bytes, responses[i]);
            const auto parsed = ImapParser::parse(reference[i].bytes);
            QVERIFY2(parsed.ok(), qPrintable(QString::number(i) + QStringLiteral(": ")
                                             + (parsed.ok() ? QString() : parsed.error().message)));
        }
        QCOMPARE(whole.pendingSize(), 0);

        for (qsizetype split = 1; split < stream.size(); ++split) {
            ImapFramer f;
            f.feed(stream.left(split));
            auto frames = f.takeFrames();
            f.feed(stream.mid(split));
            frames += f.takeFrames();
            QCOMPARE(frames.size(), reference.size());
            for (qsizetype i = 0; i < frames.size(); ++i) {
                QCOMPARE(frames[i].bytes, reference[i].bytes);
                QCOMPARE(frames[i].redacted, reference[i].redacted);
            }
        }
        // byte by byte
        ImapFramer f;
        QList<ImapFramer::Frame> frames;
        for (char c : stream) {
            f.feed(QByteArray(1, c));
            frames += f.takeFrames();
        }
        QCOMPARE(frames.size(), reference.size());
        for (qsizetype i = 0; i < frames.size(); ++i)
            QVERIFY(ImapParser::parse(frames[i].bytes)->operator==(*ImapParser::parse(reference[i].bytes)));
    }

    void framerRedactsLiterals()
    {
        ImapFramer f;
        f.feed("* 1 FETCH (UID 4 BODY[] {11}\r\nsecret body)\r\n");
        const auto frames = f.takeFrames();
        QCOMPARE(frames.size(), 1);
        QCOMPARE(frames[0].redacted, QByteArray("* 1 FETCH (UID 4 BODY[] {11}\r\n<11 bytes>)\r\n"));
        QVERIFY(!frames[0].redacted.contains("secret"));
    }

    void oversizedLiteral()
    {
        ImapFramer f(1000);
        f.feed("* 1 FETCH (BODY[] {1001}\r\n");
        QVERIFY(f.failed());
        QCOMPARE(f.error(), QByteArray("the server announced a literal of 1001 bytes, above the limit of 1000 bytes"));
        QVERIFY(f.takeFrames().isEmpty());
        f.feed("* OK later\r\n"); // nothing accepted after a failure
        QVERIFY(f.takeFrames().isEmpty());

        ImapFramer def;
        def.feed("* 1 FETCH (BODY[] {67108865}\r\n");
        QVERIFY(def.failed());
        ImapFramer atCap;
        atCap.feed("* 1 FETCH (BODY[] {67108864}\r\n");
        QVERIFY(!atCap.failed());
        ImapFramer absurd;
        absurd.feed("* 1 FETCH (BODY[] {99999999999999999999999}\r\n");
        QVERIFY(absurd.failed());
    }

    void overlongLine()
    {
        ImapFramer f(1000, 4096);
        f.feed("* OK " + QByteArray(5000, 'x'));
        QVERIFY(f.failed());
        QVERIFY(f.error().contains("longer than 4096"));

        // A long (allowed) line in small chunks is framed in linear time.
        ImapFramer big;
        const QByteArray line = "* SEARCH" + QByteArray(" 12345").repeated(400000) + "\r\n";
        QElapsedTimer t;
        t.start();
        for (qsizetype i = 0; i < line.size(); i += 1000)
            big.feed(line.mid(i, 1000));
        const auto frames = big.takeFrames();
        QCOMPARE(frames.size(), 1);
        QCOMPARE(frames[0].bytes, line);
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
    }

    /// Random garbage: no crash, no hang, bounded time; every frame either parses or errors.
    void garbage()
    {
        QRandomGenerator rng(4711);
        QElapsedTimer timer;
        timer.start();
        const QByteArray alphabet("* ()[]{}~\"\\+0123456789 \r\nOKNOFETCHUIDBODYLIST");
        int frames = 0;
        for (int round = 0; round < 2000; ++round) {
            QByteArray input;
            const int len = int(rng.bounded(200));
            for (int i = 0; i < len; ++i)
                input.append(rng.bounded(4) == 0 ? char(rng.bounded(256)) : alphabet.at(rng.bounded(alphabet.size())));
            ImapFramer f(100, 1000);
            f.feed(input);
            for (const auto &frame : f.takeFrames()) {
                (void)ImapParser::parse(frame.bytes);
                ++frames;
            }
            (void)ImapParser::parse(input);
        }
        QVERIFY(frames > 0);
        QVERIFY(timer.elapsed() < 10000);
    }

    void sequenceSets()
    {
        QCOMPARE(formatSequenceSet({5, 1, 2, 3, 9, 3, 10, 0}), QByteArray("1:3,5,9:10"));
        QCOMPARE(formatSequenceSet({}), QByteArray());
        QCOMPARE(parseSequenceSet("1:3,7"), std::optional<QList<quint32>>({1, 2, 3, 7}));
        QVERIFY(!parseSequenceSet("1:*"));
        QVERIFY(!parseSequenceSet(""));
        QVERIFY(!parseSequenceSet("1,,2"));
        QVERIFY(!parseSequenceSet("0"));
    }

    void mailboxNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("wire");
        QTest::newRow("ascii") << QStringLiteral("INBOX") << QByteArray("INBOX");
        QTest::newRow("ampersand") << QStringLiteral("Tom & Jerry") << QByteArray("Tom &- Jerry");
        QTest::newRow("umlaut") << QStringLiteral("Entw\u00fcrfe") << QByteArray("Entw&APw-rfe");
        QTest::newRow("rfc3501 example") << QString::fromUtf8("~peter/mail/\xe5\x8f\xb0\xe5\x8c\x97/\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e")
                                         << QByteArray("~peter/mail/&U,BTFw-/&ZeVnLIqe-");
    }
    void mailboxNames()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, wire);
        QCOMPARE(encodeMailboxName(name), wire);
        QCOMPARE(decodeMailboxName(wire), name);
    }
};

QTEST_GUILESS_MAIN(tst_ImapParser)
#include "tst_imapparser.moc"
