// MessageStream (issue 22, issue 24 items 9 and 13): the same messages as verifier::splitMbox
// whether the input is a mapped file or a pipe read in chunks of any size; no message dropped
// past the million splitMbox stopped at; a message over the limit skipped with an error and the
// rest still read; inputs that are no message (empty, UTF-16, binary) named as such.

#include "Message.h"
#include "MessageStream.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <iterator>
#include <thread>

using namespace sealcheck;

namespace {

// A literal's bytes, NULs included, without its terminator: no hand-counted lengths.
template <std::size_t N>
QByteArray raw(const char (&bytes)[N])
{
    return QByteArray(bytes, qsizetype(N - 1));
}

struct Read
{
    std::vector<std::string> messages; // the bytes, or "ERROR: ..." for a message with an error
    std::vector<std::string> sources;
    std::string failure;
};

Read readStream(const std::string &path, const MessageStreamLimits &limits = {})
{
    Read r;
    auto opened = MessageStream::open(path, limits);
    if (!opened) {
        r.failure = opened.error().message;
        return r;
    }
    StreamedMessage m;
    while ((*opened)->next(m)) {
        r.messages.push_back(m.error.empty() ? std::string(m.bytes) : "ERROR: " + m.error);
        r.sources.push_back(m.source);
        (*opened)->release(m.end);
    }
    r.failure = (*opened)->readError();
    return r;
}

void writeFile(const QString &path, const std::string &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes.data(), qint64(bytes.size())), qint64(bytes.size()));
}

/// Reads @p bytes through a FIFO, so MessageStream takes its chunked (pipe) path.
Read readThroughPipe(const QTemporaryDir &dir, const std::string &bytes, const MessageStreamLimits &limits)
{
    const std::string fifo = dir.filePath(QStringLiteral("fifo")).toStdString();
    ::unlink(fifo.c_str());
    if (mkfifo(fifo.c_str(), 0600) != 0)
        qFatal("mkfifo failed");
    std::thread writer([&] {
        // The reader may stop early by design (a message over the limit ends a pipe): then the
        // write fails with EPIPE. Blocking SIGPIPE in this thread turns the signal, which is sent
        // to the writing thread, into that error; the pending signal goes with the thread.
        sigset_t pipe;
        sigemptyset(&pipe);
        sigaddset(&pipe, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
        FILE *f = std::fopen(fifo.c_str(), "wb");
        if (!f)
            return;
        // Odd pieces, so lines and messages cross the reader's chunks everywhere.
        for (size_t pos = 0; pos < bytes.size();) {
            const size_t n = std::min(bytes.size() - pos, size_t(1 + (pos * 7919) % 613));
            if (std::fwrite(bytes.data() + pos, 1, n, f) != n || std::fflush(f) != 0)
                break; // the reader has gone
            pos += n;
        }
        std::fclose(f);
    });
    Read r = readStream(fifo, limits);
    writer.join();
    return r;
}

/// An mbox with the cases splitMbox handles: quoted ">From " lines, "From " inside a paragraph
/// (no separator), CRLF and LF, empty messages, a last message without final newline.
std::string randomMbox(QRandomGenerator &rng, int messages)
{
    static const char *const lines[] = {"Subject: x", "", "body", ">From quoted", ">>From twice", "From inside",
                                        "\r", "text\r", "From: a@example.com", ">not from", "From  space"};
    std::string box;
    for (int i = 0; i < messages; ++i) {
        box += "From sender@example.com Sat Jan  3 01:05:34 1996\n";
        const int n = int(rng.bounded(8));
        for (int k = 0; k < n; ++k) {
            box += lines[rng.bounded(int(std::size(lines)))];
            box += rng.bounded(3) == 0 ? "\r\n" : "\n";
        }
        if (i + 1 < messages)
            box += "\n";
    }
    if (rng.bounded(2) && !box.empty() && box.back() == '\n')
        box.pop_back();
    return box;
}

} // namespace

class TestMessageStream : public QObject
{
    Q_OBJECT

private slots:
    void sameAsSplitMbox()
    {
        QTemporaryDir dir;
        QRandomGenerator rng(24);
        for (int round = 0; round < 300; ++round) {
            const std::string box = randomMbox(rng, 1 + int(rng.bounded(6)));
            const std::vector<std::string> expected = verifier::splitMbox(box);
            const QString path = dir.filePath(QStringLiteral("box.mbox"));
            writeFile(path, box);
            MessageStreamLimits limits;
            limits.chunkBytes = 1 + rng.bounded(40);
            for (const Read &got : {readStream(path.toStdString()), readThroughPipe(dir, box, limits)}) {
                QVERIFY2(got.failure.empty(), got.failure.c_str());
                QCOMPARE(got.messages.size(), expected.size());
                for (size_t i = 0; i < expected.size(); ++i) {
                    // A message that is no message (empty, blank lines) is named so, not verified.
                    const std::string what = sealcheck::notAMessage(expected[i]);
                    QCOMPARE(got.messages[i], what.empty() ? expected[i] : "ERROR: this message " + what);
                    QCOMPARE(got.sources[i].substr(got.sources[i].rfind('#')), "#" + std::to_string(i + 1));
                }
            }
        }
    }

    void singleMessageIsOneView()
    {
        QTemporaryDir dir;
        const std::string eml = "From: a@example.com\r\nSubject: s\r\n\r\nbody\r\nFrom the start\r\n";
        const QString path = dir.filePath(QStringLiteral("m.eml"));
        writeFile(path, eml);
        const Read r = readStream(path.toStdString());
        QCOMPARE(r.messages, std::vector<std::string>{eml});
        QCOMPARE(r.sources, std::vector<std::string>{path.toStdString()});
    }

    // Issue 24 item 9: splitMbox stopped at 1,000,000 and the rest vanished.
    void moreThanAMillionMessages()
    {
        QTemporaryDir dir;
        std::string box;
        const int count = 1000003;
        box.reserve(size_t(count) * 16);
        for (int i = 0; i < count; ++i)
            box += "From x\nSubject: m\n\n";
        const QString path = dir.filePath(QStringLiteral("big.mbox"));
        writeFile(path, box);
        auto opened = MessageStream::open(path.toStdString());
        QVERIFY(opened);
        StreamedMessage m;
        uint64_t n = 0;
        std::string last;
        while ((*opened)->next(m)) {
            QVERIFY2(m.error.empty(), m.error.c_str());
            ++n;
            last = m.source;
            (*opened)->release(m.end);
        }
        QCOMPARE(n, uint64_t(count));
        QCOMPARE(last, path.toStdString() + "#1000003");
        QVERIFY(verifier::splitMbox(box).size() < size_t(count)); // what the old reader gave
    }

    void tooLargeMessageIsSkippedNotTheRest()
    {
        QTemporaryDir dir;
        MessageStreamLimits limits;
        limits.maxMessageBytes = 1000;
        limits.chunkBytes = 64;
        const std::string big(3000, 'a');
        const std::string box = "From a\nSubject: 1\n\none\n\nFrom b\nSubject: 2\n\n" + big + "\n" + big +
                                "\n\nFrom c\nSubject: 3\n\nthree\n";
        const QString path = dir.filePath(QStringLiteral("box.mbox"));
        writeFile(path, box);
        for (const Read &r : {readStream(path.toStdString(), limits), readThroughPipe(dir, box, limits)}) {
            QCOMPARE(r.messages.size(), size_t(3));
            QCOMPARE(r.messages[0], std::string("Subject: 1\n\none\n"));
            QVERIFY2(r.messages[1].find("more than the limit of 1000 bytes") != std::string::npos, r.messages[1].c_str());
            QCOMPARE(r.messages[2], std::string("Subject: 3\n\nthree\n"));
        }
        // A single message over the limit, from a pipe: reading stops after the limit.
        const Read one = readThroughPipe(dir, std::string(5000, 'z'), limits);
        QCOMPARE(one.messages.size(), size_t(1));
        QVERIFY2(one.messages[0].find("more than the limit") != std::string::npos, one.messages[0].c_str());
    }

    void inputsThatAreNoMessage_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("is empty");
        QTest::newRow("blank lines") << QByteArray("\r\n\n  \n") << QStringLiteral("only blank lines");
        QTest::newRow("UTF-16LE with BOM") << raw("\xff\xfe" "F\0r\0o\0m\0:\0 \0a\0") << QStringLiteral("UTF-16");
        QTest::newRow("UTF-16BE with BOM") << raw("\xfe\xff\0F\0r\0o\0m\0:") << QStringLiteral("UTF-16");
        QTest::newRow("UTF-16LE without BOM")
            << raw("F\0r\0o\0m\0:\0 \0a\0@\0b\0\r\0\n\0\r\0\n\0x\0") << QStringLiteral("UTF-16");
        QTest::newRow("PNG") << raw("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10") << QStringLiteral("binary");
        QTest::newRow("ELF") << raw("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0") << QStringLiteral("binary");
        QTest::newRow("message") << QByteArray("From: a@example.com\n\nhi") << QString();
        QTest::newRow("NUL in a field: left to the verifier")
            << raw("From: a\0@example.com\nSubject: \0\0\0\0\n\n") << QString();
        QTest::newRow("8-bit text") << QByteArray("Subject: caf\xc3\xa9\n\n\xe9t\xe9") << QString();
    }

    void inputsThatAreNoMessage()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, says);
        const std::string what = sealcheck::notAMessage(std::string_view(bytes.constData(), size_t(bytes.size())));
        if (says.isEmpty())
            QCOMPARE(QString::fromStdString(what), QString());
        else
            QVERIFY2(QString::fromStdString(what).contains(says), what.c_str());
    }
};

QTEST_GUILESS_MAIN(TestMessageStream)
#include "tst_messagestream.moc"
