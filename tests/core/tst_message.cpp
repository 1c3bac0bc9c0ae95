#include "Message.h"

#include <QTest>

using namespace verifier;

namespace {
Message parse(const char *text)
{
    auto m = Message::parse(text);
    if (!m)
        qFatal("parse failed: %s", m.error().message.c_str());
    return std::move(m).value();
}
bool has(const std::vector<HeaderAnomaly> &list, HeaderAnomaly a)
{
    for (auto x : list)
        if (x == a)
            return true;
    return false;
}
} // namespace

class tst_Message : public QObject
{
    Q_OBJECT
private slots:
    void lfIsConvertedAndRecorded()
    {
        Message m = parse("From: a@example.com\nSubject: hi\n there\n\nbody\n");
        QCOMPARE(int(m.originalLineEnding()), int(LineEnding::Lf));
        QCOMPARE(m.fields().size(), size_t(2));
        QCOMPARE(QByteArray::fromStdString(std::string(m.fields()[1].raw)), QByteArray("Subject: hi\r\n there"));
        QCOMPARE(QByteArray::fromStdString(m.fields()[1].value()), QByteArray("hi there"));
        QCOMPARE(QByteArray::fromStdString(std::string(m.body())), QByteArray("body\r\n"));
        QCOMPARE(QByteArray::fromStdString(std::string(m.headerSection())),
                 QByteArray("From: a@example.com\r\nSubject: hi\r\n there\r\n"));
    }
    void crlfKept()
    {
        Message m = parse("From: a@example.com\r\n\r\nx");
        QCOMPARE(int(m.originalLineEnding()), int(LineEnding::Crlf));
        QCOMPARE(QByteArray::fromStdString(std::string(m.body())), QByteArray("x"));
    }
    void noBody()
    {
        Message m = parse("From: a@example.com\r\nTo: b@example.com");
        QVERIFY(!m.hasBody());
        QCOMPARE(m.fields().size(), size_t(2));
        QCOMPARE(QByteArray::fromStdString(std::string(m.fields()[1].raw)), QByteArray("To: b@example.com"));
        QVERIFY(has(m.anomalies(), HeaderAnomaly::NoBodySeparator));
    }
    void emptyHeader()
    {
        Message m = parse("\r\nbody only");
        QCOMPARE(m.fields().size(), size_t(0));
        QCOMPARE(QByteArray::fromStdString(std::string(m.body())), QByteArray("body only"));
    }
    void anomalies()
    {
        // "Composition Kills" §4: the same header read differently by different parsers.
        Message m = parse(" From: evil@attacker.example\r\nFrom : good@bank.example\r\nX\0Y: z\r\nnot a field\r\n\r\n");
        QVERIFY(has(m.anomalies(), HeaderAnomaly::LeadingContinuation));
        QVERIFY(has(m.anomalies(), HeaderAnomaly::SpaceBeforeColon));
        QVERIFY(has(m.anomalies(), HeaderAnomaly::LineWithoutColon));
        // The leading continuation is not a From field; "From :" is one (obsolete syntax).
        QCOMPARE(m.count("From"), size_t(1));
        QCOMPARE(QByteArray::fromStdString(m.field("from")->value()), QByteArray("good@bank.example"));
    }
    void nulByte()
    {
        const char text[] = "From: a@example.com\0evil@x\r\n\r\n";
        auto m = Message::parse(std::string(text, sizeof text - 1));
        QVERIFY(m.ok());
        QVERIFY(has(m->anomalies(), HeaderAnomaly::NulByte));
        QVERIFY(has(m->fields()[0].anomalies, HeaderAnomaly::NulByte));
    }
    void limits()
    {
        MessageLimits l;
        l.maxHeaderFields = 3;
        std::string text = "A: 1\r\nB: 2\r\nC: 3\r\n\r\n";
        QVERIFY(Message::parse(text, l).ok());
        auto bad = Message::parse("A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n", l);
        QVERIFY(!bad.ok());
        QVERIFY(QByteArray::fromStdString(bad.error().message).contains("more than 3 header fields"));
        l = {};
        l.maxMessageBytes = 10;
        QVERIFY(!Message::parse("From: a@example.com\r\n\r\n", l).ok());
        l = {};
        l.maxHeaderLineLength = 20;
        QVERIFY(Message::parse("Subject: short\r\n\r\n" + std::string(100, 'x'), l).ok());
        QVERIFY(!Message::parse("Subject: " + std::string(30, 'x') + "\r\n\r\n", l).ok());
    }
    void copiesShareBytes()
    {
        Message a = parse("Subject: x\r\n\r\n");
        Message b = a;
        a = parse("Other: y\r\n\r\n");
        QCOMPARE(QByteArray::fromStdString(b.fields()[0].value()), QByteArray("x"));
    }
    void mbox()
    {
        const std::string box = "From a@b Mon Jan  1 00:00:00 2024\nSubject: one\n\n>From here\nline\n\n"
                                "From c@d Mon Jan  1 00:00:00 2024\nSubject: two\n\nbody\n";
        auto msgs = splitMbox(box);
        QCOMPARE(msgs.size(), size_t(2));
        QCOMPARE(QByteArray::fromStdString(msgs[0]), QByteArray("Subject: one\n\nFrom here\nline\n"));
        QCOMPARE(QByteArray::fromStdString(msgs[1]), QByteArray("Subject: two\n\nbody\n"));
        QCOMPARE(splitMbox("Subject: plain\n\nx").size(), size_t(1));
    }
};

QTEST_APPLESS_MAIN(tst_Message)
#include "tst_message.moc"
