// MessageFileIndex (app/core): a file opened in the desktop program is indexed in one streaming
// pass and each message read back by offset; the messages must be exactly those of
// verifier::splitMbox, whatever the line ends, quoting and chunk boundaries (issue 24 item 11).
#include "Message.h"
#include "MessageFileIndex.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sealcheck;

class tst_MessageFileIndex : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    std::string write(const QString &name, const QByteArray &bytes)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write the test file");
        return QFile::encodeName(f.fileName()).toStdString();
    }

    /// Every message read by index equals splitMbox's.
    void compareWithSplitMbox(const QByteArray &bytes, const MessageFileLimits &limits = {})
    {
        const std::string path = write(QStringLiteral("box"), bytes);
        const auto index = indexMessageFile(path, limits);
        QVERIFY(index.ok());
        const std::vector<std::string> expected =
            verifier::splitMbox(std::string_view(bytes.constData(), size_t(bytes.size())), limits.maxMessages);
        QCOMPARE(index->spans.size(), expected.size());
        for (size_t i = 0; i < expected.size(); ++i) {
            const auto got = readIndexedMessage(*index, index->spans[i], limits);
            QVERIFY(got.ok());
            QVERIFY2(*got == expected[i], qPrintable(QStringLiteral("message %1 differs").arg(i + 1)));
        }
    }

private slots:
    void sameMessagesAsSplitMbox_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("lf") << QByteArray("From a@x Mon Jan 1 00:00:00 2024\nSubject: 1\n\nbody\n\n"
                                          "From b@x Mon Jan 1 00:00:00 2024\nSubject: 2\n\nFrom here, not a separator\n");
        QTest::newRow("crlf") << QByteArray("From a@x\r\nSubject: 1\r\n\r\nbody\r\n\r\nFrom b@x\r\nSubject: 2\r\n\r\nb2\r\n");
        QTest::newRow("mboxrd quoting") << QByteArray("From a@x\nSubject: 1\n\n>From me\n>>From you\n\nFrom b@x\n\nx");
        QTest::newRow("no final newline") << QByteArray("From a@x\nSubject: 1\n\nlast line");
        QTest::newRow("empty messages") << QByteArray("From a@x\n\nFrom b@x\n\nFrom c@x\n");
        QTest::newRow("from line not after an empty line") << QByteArray("From a@x\nX: 1\nFrom b@x\n\nbody\n");
    }
    void sameMessagesAsSplitMbox()
    {
        QFETCH(QByteArray, bytes);
        compareWithSplitMbox(bytes);
    }

    /// Lines and separators across the 1 MiB read chunks.
    void chunkBoundaries()
    {
        QByteArray bytes;
        for (int i = 0; bytes.size() < 3 * 1024 * 1024 + 100; ++i) {
            bytes += "From sender@example.org Mon Jan 1 00:00:00 2024\r\nSubject: " + QByteArray::number(i) + "\r\n\r\n";
            bytes += QByteArray(997 + i % 13, 'a' + char(i % 26)) + "\r\n\r\n";
        }
        compareWithSplitMbox(bytes);
    }

    void notAnMboxIsOneMessage()
    {
        const QByteArray eml = "Subject: one\r\n\r\nFrom here on\r\n";
        const auto index = indexMessageFile(write(QStringLiteral("one.eml"), eml));
        QVERIFY(index.ok());
        QVERIFY(!index->mbox);
        QCOMPARE(index->spans.size(), size_t(1));
        QCOMPARE(*readIndexedMessage(*index, index->spans[0]), eml.toStdString());
    }

    void limits()
    {
        MessageFileLimits limits;
        limits.maxMessages = 2;
        const auto index = indexMessageFile(write(QStringLiteral("three"), "From a\n\n1\n\nFrom b\n\n2\n\nFrom c\n\n3\n"), limits);
        QVERIFY(index.ok());
        QCOMPARE(index->spans.size(), size_t(2));
        QVERIFY(index->truncated);
        QCOMPARE(*readIndexedMessage(*index, index->spans[1]), std::string("\n2\n"));
        limits.maxMessageBytes = 10;
        const auto big = indexMessageFile(write(QStringLiteral("big.eml"), QByteArray(11, 'x')), limits);
        QVERIFY(!big.ok());
        QCOMPARE(QString::fromStdString(big.error().message),
                 QStringLiteral("%1 is 11 bytes, more than the limit of 10 bytes for one message").arg(m_dir.filePath(QStringLiteral("big.eml"))));
        QVERIFY(!indexMessageFile(m_dir.filePath(QStringLiteral("absent")).toStdString()).ok());
    }

    /// A million-message mbox is indexed in bounded memory: 16 bytes a message (the issue's
    /// 53 MB file took the desktop program past 5 GB).
    void millionMessages()
    {
        QByteArray bytes;
        bytes.reserve(40 * 1000000);
        for (int i = 0; i < 1000000; ++i)
            bytes += "From a@b\nSubject: x\n\nHi.\n\n";
        const auto index = indexMessageFile(write(QStringLiteral("million"), bytes));
        QVERIFY(index.ok());
        QCOMPARE(index->spans.size(), size_t(1000000));
        QVERIFY(!index->truncated);
        QCOMPARE(*readIndexedMessage(*index, index->spans[999999]), std::string("Subject: x\n\nHi.\n"));
    }
};

QTEST_GUILESS_MAIN(tst_MessageFileIndex)
#include "tst_messagefileindex.moc"
