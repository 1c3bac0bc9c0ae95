// Canonicalisation, tag-list and key-record units of the DKIM module (RFC 6376 §3.2, §3.4,
// §3.6.1). The body canonicaliser is run with every split point of each input, and with
// every pair of split points, because chunk-dependent output is the classic bug here.

#include "DkimBodyCanonicalizer.h"
#include "DkimCanonicalization.h"
#include "DkimKeyRecord.h"
#include "DkimTagList.h"

#include <QTest>

#include <random>

using namespace verifier;

namespace {

QByteArray qb(std::string_view s) { return QByteArray(s.data(), qsizetype(s.size())); }

Message parse(const std::string &text)
{
    auto m = Message::parse(text);
    if (!m)
        qFatal("parse failed");
    return std::move(m).value();
}

// Feeds @p input cut at the given offsets (ascending) and returns the output.
std::string runChunks(std::string_view input, DkimCanonicalization c, const std::vector<size_t> &cuts,
                      std::optional<uint64_t> limit = std::nullopt, uint64_t *total = nullptr)
{
    std::string out;
    DkimBodyCanonicalizer canon(c, [&out](std::string_view p) { out.append(p); }, limit);
    size_t prev = 0;
    for (size_t cut : cuts) {
        canon.update(input.substr(prev, cut - prev));
        prev = cut;
    }
    canon.update(input.substr(prev));
    canon.finish();
    canon.finish(); // idempotent
    if (total)
        *total = canon.totalLength();
    return out;
}

// The RFC 6376 rules written the obvious way, line by line (slow, no streaming): the
// reference the streaming canonicaliser is compared with on random bodies.
std::string referenceCanonical(std::string_view body, DkimCanonicalization c)
{
    std::vector<std::string> lines; // without their CRLF; the last one may be unterminated
    std::string cur;
    for (size_t i = 0; i < body.size(); ++i) {
        if (body[i] == '\r' && i + 1 < body.size() && body[i + 1] == '\n') {
            lines.push_back(cur);
            cur.clear();
            ++i;
        } else {
            cur += body[i];
        }
    }
    const bool unterminated = !cur.empty();
    if (unterminated)
        lines.push_back(cur);
    if (c == DkimCanonicalization::Relaxed) {
        for (std::string &l : lines) {
            // Every WSP run becomes one SP; WSP at the end of the line goes.
            std::string r;
            bool inWsp = false;
            for (char ch : l) {
                if (ch == ' ' || ch == '\t') {
                    inWsp = true;
                    continue;
                }
                if (inWsp)
                    r += ' ';
                inWsp = false;
                r += ch;
            }
            l = r;
        }
    }
    while (!lines.empty() && lines.back().empty())
        lines.pop_back();
    std::string out;
    for (const std::string &l : lines)
        out += l + "\r\n";
    if (c == DkimCanonicalization::Simple && out.empty())
        out = "\r\n";
    return out;
}

} // namespace

class tst_DkimCanon : public QObject
{
    Q_OBJECT
private slots:
    void body_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("simple");
        QTest::addColumn<QByteArray>("relaxed");
        // RFC 6376 §3.4.6 example body.
        QTest::newRow("rfc6376-3.4.6") << QByteArray(" C \r\nD \t E\r\n\r\n\r\n")
                                       << QByteArray(" C \r\nD \t E\r\n") << QByteArray(" C\r\nD E\r\n");
        QTest::newRow("empty") << QByteArray("") << QByteArray("\r\n") << QByteArray("");
        QTest::newRow("only-crlf") << QByteArray("\r\n") << QByteArray("\r\n") << QByteArray("");
        QTest::newRow("only-empty-lines") << QByteArray("\r\n\r\n\r\n") << QByteArray("\r\n") << QByteArray("");
        QTest::newRow("trailing-wsp") << QByteArray("a \r\n") << QByteArray("a \r\n") << QByteArray("a\r\n");
        QTest::newRow("trailing-wsp-and-empty-lines")
            << QByteArray("a\t \r\n\r\n\r\n") << QByteArray("a\t \r\n") << QByteArray("a\r\n");
        QTest::newRow("cr-at-end") << QByteArray("abc\r") << QByteArray("abc\r\r\n") << QByteArray("abc\r\r\n");
        QTest::newRow("no-trailing-crlf") << QByteArray("no crlf") << QByteArray("no crlf\r\n")
                                          << QByteArray("no crlf\r\n");
        QTest::newRow("cr-before-crlf") << QByteArray("a\r\r\n") << QByteArray("a\r\r\n") << QByteArray("a\r\r\n");
        QTest::newRow("wsp-only-line") << QByteArray(" \r\n") << QByteArray(" \r\n") << QByteArray("");
        QTest::newRow("wsp-only-last-lines") << QByteArray("x \r\n \r\n\t\r\n") << QByteArray("x \r\n \r\n\t\r\n")
                                             << QByteArray("x\r\n");
        QTest::newRow("bare-cr-inside") << QByteArray("a\rb\r\n") << QByteArray("a\rb\r\n")
                                        << QByteArray("a\rb\r\n");
        QTest::newRow("wsp-runs") << QByteArray("  lead  mid\t\tend  \r\n\r\nnext")
                                  << QByteArray("  lead  mid\t\tend  \r\n\r\nnext\r\n")
                                  << QByteArray(" lead mid end\r\n\r\nnext\r\n");
        QTest::newRow("wsp-then-cr-at-end") << QByteArray("a \r") << QByteArray("a \r\r\n")
                                            << QByteArray("a \r\r\n");
        QTest::newRow("leading-empty-lines") << QByteArray("\r\n\r\nbody\r\n\r\n")
                                             << QByteArray("\r\n\r\nbody\r\n") << QByteArray("\r\n\r\nbody\r\n");
        QTest::newRow("wsp-without-crlf") << QByteArray("end   ") << QByteArray("end   \r\n")
                                          << QByteArray("end\r\n");
        QTest::newRow("only-wsp") << QByteArray(" \t ") << QByteArray(" \t \r\n") << QByteArray("");
        QTest::newRow("empty-lines-between") << QByteArray("a\r\n\r\n\r\nb \t\r\n")
                                             << QByteArray("a\r\n\r\n\r\nb \t\r\n") << QByteArray("a\r\n\r\n\r\nb\r\n");
    }
    void body()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, simple);
        QFETCH(QByteArray, relaxed);
        const std::string in = input.toStdString();
        QCOMPARE(qb(DkimBodyCanonicalizer::canonicalize(in, DkimCanonicalization::Simple)), simple);
        QCOMPARE(qb(DkimBodyCanonicalizer::canonicalize(in, DkimCanonicalization::Relaxed)), relaxed);
    }
    void bodyEverySplit_data() { body_data(); }
    void bodyEverySplit()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, simple);
        QFETCH(QByteArray, relaxed);
        const std::string in = input.toStdString();
        for (auto [c, expected] : {std::pair{DkimCanonicalization::Simple, simple},
                                   std::pair{DkimCanonicalization::Relaxed, relaxed}}) {
            for (size_t i = 0; i <= in.size(); ++i) {
                QCOMPARE(qb(runChunks(in, c, {i})), expected);
                for (size_t j = i; j <= in.size(); ++j)
                    QCOMPARE(qb(runChunks(in, c, {i, j})), expected);
            }
            std::vector<size_t> bytewise;
            for (size_t i = 1; i < in.size(); ++i)
                bytewise.push_back(i);
            QCOMPARE(qb(runChunks(in, c, bytewise)), expected);
        }
    }
    void bodyLimitEverySplit_data() { body_data(); }
    void bodyLimitEverySplit()
    {
        // l= counts canonical bytes; only the first l reach the hash, all are counted.
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, relaxed);
        const std::string in = input.toStdString();
        for (uint64_t limit = 0; limit <= uint64_t(relaxed.size()) + 1; ++limit) {
            for (size_t i = 0; i <= in.size(); ++i) {
                uint64_t total = 0;
                const std::string out = runChunks(in, DkimCanonicalization::Relaxed, {i}, limit, &total);
                QCOMPARE(qb(out), relaxed.left(qsizetype(limit)));
                QCOMPARE(total, uint64_t(relaxed.size()));
            }
        }
    }
    /// 3000 random bodies over the bytes that matter (a, SP, TAB, CR, LF), each fed in random
    /// chunks, against the line-by-line reference. Seeded: a failure names its body.
    void bodyRandomAgainstReference()
    {
        std::mt19937 rng(20261123);
        const char alphabet[] = {'a', 'b', ' ', ' ', '\t', '\r', '\n', '\r', '\n'};
        for (int round = 0; round < 3000; ++round) {
            std::string in;
            const size_t length = rng() % 40;
            for (size_t i = 0; i < length; ++i) {
                if (rng() % 4 == 0)
                    in += "\r\n";
                else
                    in += alphabet[rng() % sizeof(alphabet)];
            }
            std::vector<size_t> cuts;
            for (size_t i = 1; i < in.size(); ++i)
                if (rng() % 3 == 0)
                    cuts.push_back(i);
            for (auto c : {DkimCanonicalization::Simple, DkimCanonicalization::Relaxed}) {
                const std::string expected = referenceCanonical(in, c);
                QVERIFY2(runChunks(in, c, cuts) == expected, qPrintable(QByteArray::fromStdString(in).toPercentEncoding()));
                QVERIFY2(runChunks(in, c, {}) == expected, qPrintable(QByteArray::fromStdString(in).toPercentEncoding()));
            }
        }
    }
    /// l= mapped back to the body (what the message view marks as added after signing): the
    /// signed prefix ends at a line start, its canonical form (with the body going on) fits in
    /// l=, and one more line would not. Random bodies, every limit.
    void signedPrefixLength()
    {
        std::mt19937 rng(20261206);
        const char alphabet[] = {'a', 'b', ' ', ' ', '\t', '\r', '\n'};
        // The canonical length of a prefix of whole lines inside a body that goes on.
        auto inContext = [](std::string prefix, DkimCanonicalization c) {
            if (!prefix.empty() && prefix.compare(prefix.size() >= 2 ? prefix.size() - 2 : 0, 2, "\r\n") != 0)
                prefix += "\r\n";
            return DkimBodyCanonicalizer::canonicalize(prefix + "x\r\n", c).size() - 3;
        };
        for (int round = 0; round < 400; ++round) {
            std::string in;
            const size_t length = rng() % 30;
            for (size_t i = 0; i < length; ++i)
                in += rng() % 4 == 0 ? std::string("\r\n") : std::string(1, alphabet[rng() % sizeof(alphabet)]);
            for (auto c : {DkimCanonicalization::Simple, DkimCanonicalization::Relaxed}) {
                const uint64_t whole = inContext(in, c);
                for (uint64_t limit = 0; limit <= whole + 1; ++limit) {
                    const size_t r = DkimBodyCanonicalizer::signedPrefixLength(in, c, limit);
                    const QByteArray what = QByteArray::fromStdString(in).toPercentEncoding() + " l=" + QByteArray::number(qulonglong(limit));
                    QVERIFY2(r <= in.size(), what.constData());
                    QVERIFY2(r == 0 || r == in.size() || in.compare(r - 2, 2, "\r\n") == 0, what.constData());
                    QVERIFY2(inContext(in.substr(0, r), c) <= limit, what.constData());
                    if (r < in.size()) {
                        const size_t crlf = in.find("\r\n", r);
                        const size_t next = crlf == std::string::npos ? in.size() : crlf + 2;
                        QVERIFY2(inContext(in.substr(0, next), c) > limit, what.constData());
                    }
                }
            }
        }
        // The usual attack: l= is the length of the body as signed, text appended after it.
        const std::string signedPart = "Hello Bob,  \r\n\r\nthe figures\t are attached.\r\n";
        const uint64_t l = DkimBodyCanonicalizer::canonicalize(signedPart, DkimCanonicalization::Relaxed).size();
        QCOMPARE(DkimBodyCanonicalizer::signedPrefixLength(signedPart + "P.S. new bank details\r\n",
                                                           DkimCanonicalization::Relaxed, l),
                 signedPart.size());
    }
    /// Long bodies (up to 700 bytes) against the reference, so that the 64-byte block scan is
    /// used: mostly ordinary text with sparse, dense or clustered special bytes, line ends at
    /// every position of a block and on its last two bytes (the look-ahead), fed whole and in
    /// random chunks.
    void bodyRandomLongAgainstReference()
    {
        std::mt19937 rng(20261124);
        for (int round = 0; round < 2000; ++round) {
            const unsigned density = 2 + rng() % 60; // one special byte in `density`
            std::string in;
            const size_t length = 60 + rng() % 640;
            while (in.size() < length) {
                if (rng() % density != 0) {
                    in += char('a' + rng() % 26);
                    continue;
                }
                switch (rng() % 8) {
                case 0: case 1: in += "\r\n"; break;
                case 2: in += ' '; break;
                case 3: in += "  "; break;
                case 4: in += '\t'; break;
                case 5: in += '\r'; break;
                case 6: in += '\n'; break;
                default: in += " \r\n\r\n"; break;
                }
            }
            std::vector<size_t> cuts;
            for (size_t i = 1; i < in.size(); ++i)
                if (rng() % 97 == 0)
                    cuts.push_back(i);
            for (auto c : {DkimCanonicalization::Simple, DkimCanonicalization::Relaxed}) {
                const std::string expected = referenceCanonical(in, c);
                QVERIFY2(runChunks(in, c, {}) == expected, qPrintable(QByteArray::fromStdString(in).toPercentEncoding()));
                QVERIFY2(runChunks(in, c, cuts) == expected, qPrintable(QByteArray::fromStdString(in).toPercentEncoding()));
            }
        }
    }
    void bodyLarge()
    {
        // Longer than the internal buffer, with line ends on the buffer boundary.
        std::string in;
        for (int i = 0; i < 3000; ++i)
            in += "line  " + std::to_string(i) + " \t\r\n";
        in += "\r\n\r\n";
        const std::string whole = DkimBodyCanonicalizer::canonicalize(in, DkimCanonicalization::Relaxed);
        QVERIFY(whole.size() > DkimBodyCanonicalizer::kBufferSize * 2);
        QCOMPARE(whole.substr(0, 12), std::string("line 0\r\nline"));
        for (size_t cut : {size_t(1), size_t(4095), size_t(8191), size_t(8192), size_t(8193), in.size() - 3})
            QCOMPARE(qb(runChunks(in, DkimCanonicalization::Relaxed, {cut})), qb(whole));
    }

    void headerRfcExample()
    {
        // RFC 6376 §3.4.6.
        const std::string text = "A: X\r\nB : Y\t\r\n\tZ  \r\n\r\nbody";
        Message m = parse(text);
        QCOMPARE(m.fields().size(), size_t(2));
        QCOMPARE(qb(canonicalHeaderField(m.fields()[0].raw, DkimCanonicalization::Relaxed)), QByteArray("a:X\r\n"));
        QCOMPARE(qb(canonicalHeaderField(m.fields()[1].raw, DkimCanonicalization::Relaxed)), QByteArray("b:Y Z\r\n"));
        QCOMPARE(qb(canonicalHeaderField(m.fields()[0].raw, DkimCanonicalization::Simple)), QByteArray("A: X\r\n"));
        QCOMPARE(qb(canonicalHeaderField(m.fields()[1].raw, DkimCanonicalization::Simple)),
                 QByteArray("B : Y\t\r\n\tZ  \r\n"));
    }
    void headerRelaxed_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QByteArray>("relaxed");
        QTest::newRow("plain") << QByteArray("Subject: hello") << QByteArray("subject:hello\r\n");
        QTest::newRow("empty-value") << QByteArray("X-Empty:") << QByteArray("x-empty:\r\n");
        QTest::newRow("only-wsp-value") << QByteArray("X-Empty: \t ") << QByteArray("x-empty:\r\n");
        QTest::newRow("folded-tab") << QByteArray("To: a@example.com,\r\n\tb@example.com")
                                    << QByteArray("to:a@example.com, b@example.com\r\n");
        QTest::newRow("fold-without-space-before") << QByteArray("To: a,\r\n b")
                                                   << QByteArray("to:a, b\r\n");
        QTest::newRow("inner-runs") << QByteArray("Subject:  a \t b   c  ") << QByteArray("subject:a b c\r\n");
        QTest::newRow("wsp-before-colon") << QByteArray("SUBJECT \t: x") << QByteArray("subject:x\r\n");
        QTest::newRow("eight-bit-kept") << QByteArray("Subject: Gr\xc3\xbc\xc3\x9f""e") << QByteArray("subject:Gr\xc3\xbc\xc3\x9f""e\r\n");
    }
    void headerRelaxed()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QByteArray, relaxed);
        QCOMPARE(qb(canonicalHeaderField(raw.toStdString(), DkimCanonicalization::Relaxed)), relaxed);
        QCOMPARE(qb(canonicalHeaderField(raw.toStdString(), DkimCanonicalization::Simple)), raw + "\r\n");
    }
    void signatureFieldWithoutB()
    {
        const std::string raw = "DKIM-Signature: v=1; a=rsa-sha256; bh=AbC+=;\r\n b=dGVz\r\n dA== ; d=example.com; h=from";
        QCOMPARE(qb(canonicalSignatureFieldWithoutSignature(raw, DkimCanonicalization::Simple)),
                 QByteArray("DKIM-Signature: v=1; a=rsa-sha256; bh=AbC+=;\r\n b=; d=example.com; h=from"));
        QCOMPARE(qb(canonicalSignatureFieldWithoutSignature(raw, DkimCanonicalization::Relaxed)),
                 QByteArray("dkim-signature:v=1; a=rsa-sha256; bh=AbC+=; b=; d=example.com; h=from"));
        // b= last, no trailing ';'; and "b =" with white space before '='.
        QCOMPARE(qb(canonicalSignatureFieldWithoutSignature("DKIM-Signature: d=x.com; b =\r\n abc", DkimCanonicalization::Simple)),
                 QByteArray("DKIM-Signature: d=x.com; b ="));
        // A tag whose name only starts with b is kept.
        QCOMPARE(qb(canonicalSignatureFieldWithoutSignature("DKIM-Signature: bx=1; bh=2; b=3;", DkimCanonicalization::Relaxed)),
                 QByteArray("dkim-signature:bx=1; bh=2; b=;"));
    }
    void headerSelection()
    {
        const std::string text = "From: top@example.com\r\nSubject: s1\r\nFrom: bottom@example.com\r\n"
                                 "To: t@example.com\r\n\r\n";
        Message m = parse(text);
        const auto sel = selectSignedHeaderFields(m, {"from", "FROM", "from", "to", "subject", "subject", "cc"});
        QCOMPARE(sel.size(), size_t(7));
        QCOMPARE(qb(sel[0]->raw), QByteArray("From: bottom@example.com")); // bottom-up
        QCOMPARE(qb(sel[1]->raw), QByteArray("From: top@example.com"));
        QVERIFY(sel[2] == nullptr); // listed more often than present: signs nothing
        QCOMPARE(qb(sel[3]->raw), QByteArray("To: t@example.com"));
        QCOMPARE(qb(sel[4]->raw), QByteArray("Subject: s1"));
        QVERIFY(sel[5] == nullptr);
        QVERIFY(sel[6] == nullptr);
    }
    void canonicalizationTag()
    {
        QVERIFY(parseDkimCanonicalization("relaxed") == (DkimCanonicalizationPair{DkimCanonicalization::Relaxed, DkimCanonicalization::Simple}));
        QVERIFY(parseDkimCanonicalization("Simple/Relaxed") == (DkimCanonicalizationPair{DkimCanonicalization::Simple, DkimCanonicalization::Relaxed}));
        QVERIFY(!parseDkimCanonicalization("relaxed/nowsp"));
        QVERIFY(!parseDkimCanonicalization(""));
    }

    void tagList_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QByteArray>("dump"); // name=value|...
        QTest::newRow("simple") << QByteArray("v=1; a=rsa-sha256") << true << QByteArray("v=1|a=rsa-sha256|");
        QTest::newRow("trailing-semicolon") << QByteArray("v=1;") << true << QByteArray("v=1|");
        QTest::newRow("trailing-semicolon-space") << QByteArray("v=1; ") << true << QByteArray("v=1|");
        QTest::newRow("fws-everywhere") << QByteArray(" v \r\n = 1 ;\r\n\tb = a b\r\n c ") << true
                                        << QByteArray("v=1|b=a b\r\n c|");
        QTest::newRow("empty-value") << QByteArray("p=; v=1") << true << QByteArray("p=|v=1|");
        QTest::newRow("case-sensitive") << QByteArray("v=1; V=2") << true << QByteArray("v=1|V=2|");
        QTest::newRow("duplicate") << QByteArray("v=1; a=x; v=1") << false << QByteArray();
        QTest::newRow("no-equals") << QByteArray("k=rsa; t; p=abc") << false << QByteArray();
        QTest::newRow("empty-tag-inside") << QByteArray("a=1;;b=2") << false << QByteArray();
        QTest::newRow("bad-name") << QByteArray("1a=x") << false << QByteArray();
        QTest::newRow("control-char") << QByteArray("a=x\x01y") << false << QByteArray();
        QTest::newRow("empty") << QByteArray("") << true << QByteArray();
        QTest::newRow("only-semicolon") << QByteArray(";") << false << QByteArray();
    }
    void tagList()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, ok);
        QFETCH(QByteArray, dump);
        auto list = DkimTagList::parse(text.toStdString());
        QCOMPARE(list.ok(), ok);
        if (!ok)
            return;
        QByteArray got;
        for (const DkimTag &t : list->tags())
            got += QByteArray::fromStdString(t.name + "=" + t.value + "|");
        QCOMPARE(got, dump);
    }

    void keyRecord()
    {
        auto k = DkimKeyRecord::parse("v=DKIM1; k=ed25519; h=sha256; s=email:*; t=y:s; n=note; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=");
        QVERIFY(k.ok());
        QCOMPARE(QByteArray::fromStdString(k->keyType), QByteArray("ed25519"));
        QVERIFY(k->testing);
        QVERIFY(k->strictSubdomain);
        QVERIFY(k->allowsHash("sha256"));
        QVERIFY(!k->allowsHash("sha1"));
        QVERIFY(k->allowsEmail());
        QCOMPARE(k->publicKey.size(), size_t(32));
        QVERIFY(!k->revoked);

        auto revoked = DkimKeyRecord::parse("v=DKIM1; k=rsa; p=");
        QVERIFY(revoked.ok());
        QVERIFY(revoked->revoked);

        auto defaults = DkimKeyRecord::parse("p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC");
        QVERIFY(defaults.ok());
        QCOMPARE(QByteArray::fromStdString(defaults->keyType), QByteArray("rsa"));
        QVERIFY(defaults->allowsHash("sha1"));

        QVERIFY(!DkimKeyRecord::parse("k=rsa; v=DKIM1; p=").ok());   // v= not first
        QVERIFY(!DkimKeyRecord::parse("v=DKIM3; p=").ok());          // wrong version
        QVERIFY(!DkimKeyRecord::parse("v=DKIM1; k=rsa").ok());       // no p=
        QVERIFY(!DkimKeyRecord::parse("v=DKIM1; p=!!!").ok());       // not base64
        QVERIFY(!DkimKeyRecord::parse("v=DKIM1; t; p=").ok());       // not a tag-list
        auto chat = DkimKeyRecord::parse("v=DKIM1; s=chat; p=");
        QVERIFY(chat.ok());
        QVERIFY(!chat->allowsEmail());
    }
};

QTEST_GUILESS_MAIN(tst_DkimCanon)
#include "tst_dkimcanon.moc"
