// MIME tree: byte ranges, nesting, limits, malformed boundaries, displayed parts, coverage.
#include "MailboxMatch.h"
#include "Message.h"
#include "Mime.h"
#include "SignatureCoverage.h"

#include <QTest>

using namespace verifier;

namespace {

Message parse(const QByteArray &text)
{
    auto m = Message::parse(text.toStdString());
    if (!m)
        qFatal("parse failed: %s", m.error().message.c_str());
    return std::move(m).value();
}

QByteArray q(std::string_view s) { return QByteArray(s.data(), qsizetype(s.size())); }

// A compact outline: "multipart/mixed[1:text/plain 2:text/html]"; "!" marks a part with problems,
// "#" an encrypted one.
QByteArray outline(const MimePart &p)
{
    QByteArray s;
    if (!p.path.empty())
        s += QByteArray::fromStdString(p.path) + ':';
    s += QByteArray::fromStdString(p.contentType);
    if (p.encrypted)
        s += '#';
    if (!p.problems.empty())
        s += '!';
    if (!p.children.empty()) {
        s += '[';
        for (size_t i = 0; i < p.children.size(); ++i) {
            if (i)
                s += ' ';
            s += outline(p.children[i]);
        }
        s += ']';
    }
    return s;
}

QByteArray allProblems(const MimePart &p)
{
    QByteArray s;
    for (const auto &x : p.problems)
        s += QByteArray::fromStdString(x) + ';';
    for (const auto &c : p.children)
        s += allProblems(c);
    return s;
}

const MimePart *find(const MimePart &p, const std::string &path)
{
    if (p.path == path)
        return &p;
    for (const auto &c : p.children)
        if (const MimePart *f = find(c, path))
            return f;
    return nullptr;
}

QByteArray nested(int depth)
{
    QByteArray head = "From: a@example.com\nContent-Type: multipart/mixed; boundary=b0\n\n";
    QByteArray body;
    for (int i = 1; i < depth; ++i)
        body += "--b" + QByteArray::number(i - 1) + "\nContent-Type: multipart/mixed; boundary=b" + QByteArray::number(i) + "\n\n";
    body += "--b" + QByteArray::number(depth - 1) + "\n\ndeep\n";
    for (int i = depth - 1; i >= 0; --i)
        body += "--b" + QByteArray::number(i) + "--\n";
    return head + body;
}

} // namespace

class tst_Mime : public QObject
{
    Q_OBJECT
private slots:
    void structure_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("expected");
        QTest::addColumn<QByteArray>("problem"); // a substring of the problems, or "" for none

        QTest::newRow("no-content-type") << QByteArray("From: a@example.com\n\nhi\n") << QByteArray("text/plain") << QByteArray();
        QTest::newRow("invalid-content-type") << QByteArray("Content-Type: garbage\n\nhi\n") << QByteArray("text/plain!")
                                              << QByteArray("invalid Content-Type");
        QTest::newRow("mixed-two-parts")
            << QByteArray("Content-Type: multipart/mixed; boundary=xyz\n\npreamble\n--xyz\nContent-Type: text/plain\n\none\n"
                          "--xyz\nContent-Type: text/html\n\n<b>two</b>\n--xyz--\nepilogue\n")
            << QByteArray("multipart/mixed[1:text/plain 2:text/html]") << QByteArray();
        QTest::newRow("nested-paths")
            << QByteArray("Content-Type: multipart/mixed; boundary=\"a\"\n\n--a\n\nfirst\n--a\nContent-Type: multipart/alternative;"
                          " boundary=\"b b\"\n\n--b b\nContent-Type: text/plain\n\nx\n--b b\nContent-Type: text/html\n\ny\n--b b--\n--a--\n")
            << QByteArray("multipart/mixed[1:text/plain 2:multipart/alternative[2.1:text/plain 2.2:text/html]]") << QByteArray();
        QTest::newRow("transport-padding")
            << QByteArray("Content-Type: multipart/mixed; boundary=p\n\n--p  \t\n\none\n--p-- \n")
            << QByteArray("multipart/mixed[1:text/plain]") << QByteArray();
        QTest::newRow("delimiter-not-at-line-start")
            << QByteArray("Content-Type: multipart/mixed; boundary=p\n\n--p\n\none x--p\n--p--\n")
            << QByteArray("multipart/mixed[1:text/plain]") << QByteArray();
        QTest::newRow("longer-boundary-is-not-delimiter")
            << QByteArray("Content-Type: multipart/mixed; boundary=p\n\n--p\n\none\n--px\nstill one\n--p--\n")
            << QByteArray("multipart/mixed[1:text/plain]") << QByteArray();
        QTest::newRow("missing-close-delimiter")
            << QByteArray("Content-Type: multipart/mixed; boundary=p\n\n--p\n\none\n--p\n\ntwo\n")
            << QByteArray("multipart/mixed![1:text/plain 2:text/plain]") << QByteArray("missing closing boundary");
        QTest::newRow("no-delimiter")
            << QByteArray("Content-Type: multipart/mixed; boundary=p\n\nno parts here\n")
            << QByteArray("multipart/mixed!") << QByteArray("no boundary delimiter");
        QTest::newRow("boundary-missing")
            << QByteArray("Content-Type: multipart/mixed\n\n--p\n\none\n--p--\n")
            << QByteArray("multipart/mixed!") << QByteArray("without a boundary");
        QTest::newRow("boundary-too-long")
            << QByteArray("Content-Type: multipart/mixed; boundary=" + QByteArray(71, 'x') + "\n\n--" + QByteArray(71, 'x') + "\n\none\n")
            << QByteArray("multipart/mixed!") << QByteArray("invalid boundary");
        QTest::newRow("boundary-bad-character")
            << QByteArray("Content-Type: multipart/mixed; boundary=\"a@b\"\n\n--a@b\n\none\n--a@b--\n")
            << QByteArray("multipart/mixed!") << QByteArray("invalid boundary");
        QTest::newRow("boundary-trailing-space")
            << QByteArray("Content-Type: multipart/mixed; boundary=\"ab \"\n\n--ab \n\none\n--ab --\n")
            << QByteArray("multipart/mixed!") << QByteArray("invalid boundary");
        QTest::newRow("inner-boundary-prefix-of-outer")
            << QByteArray("Content-Type: multipart/mixed; boundary=ab\n\n--ab\nContent-Type: multipart/mixed; boundary=a\n\n--a\n\nx\n--a--\n--ab--\n")
            << QByteArray("multipart/mixed[1:multipart/mixed![1.1:text/plain]]") << QByteArray("prefix of an enclosing");
        QTest::newRow("digest-default-rfc822")
            << QByteArray("Content-Type: multipart/digest; boundary=d\n\n--d\n\nFrom: x@example.com\n\nbody\n--d--\n")
            << QByteArray("multipart/digest[1:message/rfc822[1.1:text/plain]]") << QByteArray();
        QTest::newRow("rfc822-nested")
            << QByteArray("Content-Type: multipart/mixed; boundary=o\n\n--o\nContent-Type: message/rfc822\n\nFrom: x@example.com\n"
                          "Content-Type: multipart/alternative; boundary=i\n\n--i\n\nt\n--i--\n--o--\n")
            << QByteArray("multipart/mixed[1:message/rfc822[1.1:multipart/alternative[1.1.1:text/plain]]]") << QByteArray();
        QTest::newRow("rfc822-base64-not-parsed")
            << QByteArray("Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\nRnJvbTogeA0KDQp4\n")
            << QByteArray("message/rfc822!") << QByteArray("encoded message/rfc822");
        QTest::newRow("multipart-encrypted")
            << QByteArray("Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=e\n\n--e\n"
                          "Content-Type: application/pgp-encrypted\n\nVersion: 1\n--e\nContent-Type: application/octet-stream\n\nxx\n--e--\n")
            << QByteArray("multipart/encrypted#") << QByteArray();
        QTest::newRow("pkcs7-enveloped")
            << QByteArray("Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\n\nMIAGCSqGSIb3\n")
            << QByteArray("application/pkcs7-mime#") << QByteArray();
        QTest::newRow("duplicate-content-type")
            << QByteArray("Content-Type: text/html\nContent-Type: multipart/mixed; boundary=p\n\n--p\n\nx\n--p--\n")
            << QByteArray("text/html!") << QByteArray("several content-type");
        QTest::newRow("part-without-empty-line")
            << QByteArray("Content-Type: multipart/mixed; boundary=p\n\n--p\nContent-Type: text/html\n--p--\n")
            << QByteArray("multipart/mixed[1:text/html!]") << QByteArray("no empty line");
        QTest::newRow("comments-in-content-type")
            << QByteArray("Content-Type: multipart/mixed (a (nested) comment); boundary=\"p\" (x)\n\n--p\n\nx\n--p--\n")
            << QByteArray("multipart/mixed[1:text/plain]") << QByteArray();
        QTest::newRow("depth-limit") << nested(25) << QByteArray() << QByteArray("depth limit reached");
    }
    void structure()
    {
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, expected);
        QFETCH(QByteArray, problem);
        const Message m = parse(message);
        const MimePart root = parseMime(m);
        if (!expected.isEmpty())
            QCOMPARE(outline(root), expected);
        if (problem.isEmpty())
            QCOMPARE(allProblems(root), QByteArray());
        else
            QVERIFY2(allProblems(root).contains(problem), allProblems(root).constData());
    }

    void byteRanges()
    {
        const Message m = parse("From: a@example.com\r\nContent-Type: multipart/signed; boundary=\"s\";\r\n"
                                " protocol=\"application/pgp-signature\"\r\n\r\npre\r\n--s\r\nContent-Type: text/plain\r\n"
                                "X-A: 1\r\n\r\nline  \r\n\r\n--s\r\nContent-Type: application/pgp-signature\r\n\r\nSIG\r\n--s--\r\n");
        const MimePart root = parseMime(m);
        QCOMPARE(root.children.size(), size_t(2));
        QCOMPARE(q(root.headerBytes(m)).left(5), QByteArray("From:"));
        QVERIFY(q(root.headerBytes(m)).endsWith("signature\"\r\n"));
        QVERIFY(q(root.bodyBytes(m)).startsWith("pre\r\n--s"));
        // The signed bytes: header and body of part 1, the CRLF before the delimiter excluded
        // (RFC 2046 §5.1.1), trailing white space kept.
        QCOMPARE(q(root.children[0].bytes(m)), QByteArray("Content-Type: text/plain\r\nX-A: 1\r\n\r\nline  \r\n"));
        QCOMPARE(q(root.children[0].headerBytes(m)), QByteArray("Content-Type: text/plain\r\nX-A: 1\r\n"));
        QCOMPARE(q(root.children[0].bodyBytes(m)), QByteArray("line  \r\n"));
        QCOMPARE(q(root.children[1].bodyBytes(m)), QByteArray("SIG"));
        QCOMPARE(root.parameter("protocol"), std::string("application/pgp-signature"));
        QCOMPARE(root.children[1].path, std::string("2"));
        QCOMPARE(root.children[1].depth, 1);
    }
    void partWithoutHeader()
    {
        const Message m = parse("Content-Type: multipart/mixed; boundary=p\r\n\r\n--p\r\n\r\nbody\r\n--p--\r\n");
        const MimePart root = parseMime(m);
        QCOMPARE(q(root.children[0].bytes(m)), QByteArray("\r\nbody"));
        QCOMPARE(q(root.children[0].headerBytes(m)), QByteArray());
        QCOMPARE(q(root.children[0].bodyBytes(m)), QByteArray("body"));
    }
    void partLimit()
    {
        QByteArray msg = "Content-Type: multipart/mixed; boundary=p\n\n";
        for (int i = 0; i < 3000; ++i)
            msg += "--p\n\nx\n";
        msg += "--p--\n";
        const MimePart root = parseMime(parse(msg));
        QCOMPARE(root.children.size(), size_t(999)); // 1000 parts with the root
        QVERIFY(allProblems(root).contains("part limit reached"));
        MimeLimits small;
        small.maxParts = 10;
        QCOMPARE(parseMime(parse(msg), small).children.size(), size_t(9));
    }
    void depthLimitIsBounded()
    {
        const MimePart root = parseMime(parse(nested(500)));
        int depth = 0;
        const MimePart *p = &root;
        while (!p->children.empty()) {
            p = &p->children.front();
            ++depth;
        }
        QCOMPARE(depth, 20);
    }
    void parameters_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("quoted") << QByteArray("text/plain; charset=\"utf-8\"") << QByteArray("text/plain") << QByteArray("charset") << QByteArray("utf-8");
        QTest::newRow("case") << QByteArray("Text/PLAIN; CharSet=UTF-8") << QByteArray("text/plain") << QByteArray("charset") << QByteArray("UTF-8");
        QTest::newRow("escaped-quote") << QByteArray("a/b; n=\"x\\\"y\"") << QByteArray("a/b") << QByteArray("n") << QByteArray("x\"y");
        QTest::newRow("rfc2231-continuation") << QByteArray("attachment; filename*0=\"long\"; filename*1=\"name.txt\"")
                                              << QByteArray("attachment") << QByteArray("filename") << QByteArray("longname.txt");
        QTest::newRow("rfc2231-extended") << QByteArray("attachment; filename*=utf-8''%E2%82%AC%20rates.pdf")
                                          << QByteArray("attachment") << QByteArray("filename") << QByteArray("\xe2\x82\xac rates.pdf");
        QTest::newRow("rfc2231-mixed") << QByteArray("a/b; t*0*=us-ascii'en'a%20b; t*1=\" c\"") << QByteArray("a/b") << QByteArray("t")
                                       << QByteArray("a b c");
        QTest::newRow("duplicate-first-wins") << QByteArray("multipart/mixed; boundary=one; boundary=two") << QByteArray("multipart/mixed")
                                              << QByteArray("boundary") << QByteArray("one");
    }
    void parameters()
    {
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, type);
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, expected);
        const auto parsed = parseParameterizedValue(value.toStdString());
        QCOMPARE(QByteArray::fromStdString(parsed.value), type);
        auto it = parsed.parameters.find(name.toStdString());
        QVERIFY(it != parsed.parameters.end());
        QCOMPARE(QByteArray::fromStdString(it->second), expected);
    }
    void transferDecoding_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("base64") << QByteArray("aGVs\r\nbG8=\r\n") << QByteArray("base64") << QByteArray("hello");
        QTest::newRow("base64-junk") << QByteArray("aG!V*sbG8") << QByteArray("BASE64") << QByteArray("hello");
        QTest::newRow("qp-soft-break") << QByteArray("a=3Db=\r\nc  \r\nd") << QByteArray("quoted-printable") << QByteArray("a=bc\r\nd");
        QTest::newRow("qp-bad-escape") << QByteArray("50=% =ZZ") << QByteArray("quoted-printable") << QByteArray("50=% =ZZ");
        QTest::newRow("7bit") << QByteArray("as is=3D") << QByteArray("7bit") << QByteArray("as is=3D");
    }
    void transferDecoding()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, encoding);
        QFETCH(QByteArray, expected);
        QCOMPARE(QByteArray::fromStdString(decodeTransferEncoding(body.toStdString(), encoding.toStdString())), expected);
    }
    void displayed_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("expected"); // paths of displayed parts
        QTest::newRow("single") << QByteArray("From: a@example.com\n\nhi\n") << QByteArray("''");
        QTest::newRow("signed-excludes-signature")
            << QByteArray("Content-Type: multipart/signed; protocol=\"application/pgp-signature\"; boundary=s\n\n--s\n"
                          "Content-Type: multipart/mixed; boundary=m\n\n--m\n\na\n--m\n\nb\n--m--\n--s\n"
                          "Content-Type: application/pgp-signature\n\nS\n--s--\n")
            << QByteArray("'1.1' '1.2'");
        QTest::newRow("alternative-counts-each")
            << QByteArray("Content-Type: multipart/alternative; boundary=a\n\n--a\n\nt\n--a\nContent-Type: text/html\n\nh\n--a--\n")
            << QByteArray("'1' '2'");
        QTest::newRow("encrypted-is-one")
            << QByteArray("Content-Type: multipart/mixed; boundary=m\n\n--m\n\nt\n--m\nContent-Type: multipart/encrypted; boundary=e\n\n"
                          "--e\n\nx\n--e--\n--m--\n")
            << QByteArray("'1' '2'");
    }
    void displayed()
    {
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, expected);
        const Message m = parse(message);
        const MimePart root = parseMime(m);
        QByteArrayList paths;
        for (const MimePart *p : displayedParts(root))
            paths << "'" + QByteArray::fromStdString(p->path) + "'";
        QCOMPARE(paths.join(' '), expected);
    }
    void coverage_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("signedPath");
        QTest::addColumn<bool>("whole");
        QTest::addColumn<QByteArray>("unsignedParts");
        const QByteArray signedEntity = "Content-Type: multipart/signed; protocol=\"application/pgp-signature\"; boundary=s\n\n--s\n"
                                        "Content-Type: text/plain\n\nsigned\n--s\nContent-Type: application/pgp-signature\n\nS\n--s--\n";
        QTest::newRow("top-level") << QByteArray("From: a@example.com\n" + signedEntity) << QByteArray("") << true << QByteArray();
        QTest::newRow("wrapped-text-after")
            << QByteArray("Content-Type: multipart/mixed; boundary=m\n\n--m\n" + signedEntity + "\n--m\nContent-Type: text/plain\n\nwire money\n--m--\n")
            << QByteArray("1") << false << QByteArray("part 2 text/plain");
        QTest::newRow("wrapped-text-before")
            << QByteArray("Content-Type: multipart/mixed; boundary=m\n\n--m\n\nwire money\n--m\n" + signedEntity + "\n--m--\n")
            << QByteArray("2") << false << QByteArray("part 1 text/plain");
        QTest::newRow("wrapped-only-blank-text")
            << QByteArray("Content-Type: multipart/mixed; boundary=m\n\n--m\n" + signedEntity + "\n--m\n\n  \n\n--m--\n")
            << QByteArray("1") << true << QByteArray();
        QTest::newRow("wrapped-attachment")
            << QByteArray("Content-Type: multipart/mixed; boundary=m\n\n--m\n" + signedEntity + "\n--m\nContent-Type: application/pdf;"
                          " name=x.pdf\nContent-Disposition: attachment\n\nPDF\n--m--\n")
            << QByteArray("1") << false << QByteArray("part 2 application/pdf \"x.pdf\"");
        QTest::newRow("inside-rfc822")
            << QByteArray("Content-Type: multipart/mixed; boundary=m\n\n--m\nContent-Type: message/rfc822\n\nFrom: a@example.com\n"
                          + signedEntity + "\n--m--\n")
            << QByteArray("1.1") << false << QByteArray("the signature belongs to an enclosed message (part 1 message/rfc822)");
    }
    void coverage()
    {
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, signedPath);
        QFETCH(bool, whole);
        QFETCH(QByteArray, unsignedParts);
        const Message m = parse(message);
        const MimePart root = parseMime(m);
        const MimePart *signedPart = find(root, signedPath.toStdString());
        QVERIFY(signedPart);
        QCOMPARE(signedPart->contentType, std::string("multipart/signed"));
        const SignatureCoverage c = signatureCoverage(m, root, *signedPart);
        QCOMPARE(c.coversWholeBody, whole);
        QByteArrayList list;
        for (const auto &s : c.unsignedParts)
            list << QByteArray::fromStdString(s);
        QCOMPARE(list.join('|'), unsignedParts);
    }
    void mailboxMatch_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("equal") << "alice@example.com" << "alice@example.com" << true;
        QTest::newRow("domain-case") << "alice@Example.COM" << "alice@example.com" << true;
        QTest::newRow("local-case") << "Alice@example.com" << "alice@example.com" << false;
        QTest::newRow("other-domain") << "alice@example.com.evil" << "alice@example.com" << false;
        QTest::newRow("empty") << "" << "" << false;
        QTest::newRow("no-local") << "@example.com" << "@example.com" << false;
    }
    void mailboxMatch()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(sameMailbox(a.toStdString(), b.toStdString()), same);
    }
    void garbageNeverCrashes()
    {
        // Total parser: random-ish inputs built from MIME fragments.
        const QByteArrayList pieces = {"--p\n", "--p--\n", "\n", "Content-Type: multipart/mixed; boundary=p\n",
                                       "Content-Type: message/rfc822\n", "x\n", "--p", "\r", "Content-Type: multipart/digest; boundary=p\n"};
        quint32 seed = 1;
        for (int round = 0; round < 500; ++round) {
            QByteArray msg = "Content-Type: multipart/mixed; boundary=p\n\n";
            for (int i = 0; i < 40; ++i) {
                seed = seed * 1103515245 + 12345;
                msg += pieces[int((seed >> 16) % quint32(pieces.size()))];
            }
            const Message m = parse(msg);
            const MimePart root = parseMime(m);
            for (const MimePart *p : displayedParts(root)) {
                QVERIFY(p->begin <= p->end && p->end <= m.data().size());
                QVERIFY(p->headerBegin <= p->headerEnd && p->bodyBegin <= p->bodyEnd && p->bodyEnd <= m.data().size());
            }
        }
    }
};

QTEST_APPLESS_MAIN(tst_Mime)
#include "tst_mime.moc"
