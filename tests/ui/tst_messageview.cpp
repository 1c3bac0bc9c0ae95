// The message body as the reader sees it (ui/MessageView), against the hostile messages of
// issue 24: HTML that names local files (a FIFO here: opening it would block, and is seen), a
// 1 MiB line and deeply nested HTML (each froze the window for seconds to minutes before).
#include "MessageView.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

#include <atomic>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using sealcheck::ui::MessageView;

namespace {

QByteArray plainMessage(const QByteArray &body)
{
    return "From: a@example.org\r\nSubject: x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body;
}

QByteArray htmlMessage(const QByteArray &html)
{
    return "From: a@example.org\r\nSubject: x\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html;
}

int longestBlock(const QPlainTextEdit *edit)
{
    int longest = 0;
    for (QTextBlock b = edit->document()->begin(); b.isValid(); b = b.next())
        longest = qMax(longest, b.length() - 1);
    return longest;
}

} // namespace

class tst_MessageView : public QObject
{
    Q_OBJECT
private slots:
    /// Nothing a message names is opened. The stylesheet and image are a FIFO: a reader that
    /// opens it blocks until a writer comes, and a writer opening it without blocking succeeds
    /// only while a reader is there.
    void htmlNamesNothingThatIsOpened()
    {
        QTemporaryDir dir;
        const QByteArray fifo = QFile::encodeName(dir.filePath(QStringLiteral("trap")));
        QVERIFY(::mkfifo(fifo.constData(), 0600) == 0);
        std::atomic<bool> readerSeen{false};
        std::atomic<bool> stop{false};
        // Watches for a reader for the whole test, and releases it (so a regression fails the
        // test instead of hanging it).
        std::thread watch([&] {
            while (!stop) {
                const int fd = ::open(fifo.constData(), O_WRONLY | O_NONBLOCK);
                if (fd >= 0) {
                    readerSeen = true;
                    ::close(fd);
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        });
        const QByteArray url = "file://" + fifo;
        MessageView view;
        view.showMessage(htmlMessage("<html><head><link rel=stylesheet type=\"text/css\" href=\"" + url + "\"><style>@import url(" + url
                                     + ");</style></head><body><p>Hello <img src=\"" + url + "\"> reader</p>"
                                     "<iframe src=\"" + url + "\"></iframe></body></html>"),
                         std::nullopt);
        const bool shown = QTest::qWaitFor([&] { return !view.bodyLoading(); }, 10000);
        QTest::qWait(200); // time for a late reader to show up
        stop = true;
        watch.join();
        QVERIFY(shown);
        QVERIFY2(!readerSeen, "the message view opened a file named in the message");
        QCOMPARE(view.bodyView()->toPlainText(), QStringLiteral("Hello reader"));
    }

    /// One 1 MiB line (117 s of layout before): the first 256 Ki characters, in lines of at most
    /// 2000, and a button for the rest, which then comes in steps.
    void longLineShowsABoundedPrefix()
    {
        QByteArray line;
        for (int i = 0; line.size() < 1024 * 1024; ++i)
            line += char('a' + i % 26);
        MessageView view;
        view.resize(800, 600);
        view.show();
        view.showMessage(plainMessage(line), std::nullopt);
        QVERIFY(view.bodyLoading());
        QTRY_VERIFY_WITH_TIMEOUT(!view.bodyLoading(), 20000);
        QVERIFY(view.shownChars() <= MessageView::kInitialChars);
        QVERIFY(view.shownChars() > MessageView::kInitialChars - MessageView::kMaxLineChars - 2);
        QCOMPARE(view.bodyView()->document()->characterCount() - 1, int(view.shownChars()));
        QVERIFY(longestBlock(view.bodyView()) <= MessageView::kMaxLineChars);
        QVERIFY(view.showWholeButton()->isVisibleTo(&view));
        QVERIFY(view.showWholeButton()->isEnabled());
        QVERIFY(view.totalChars() > line.size()); // the breaks added for display
        // The rest, on request.
        QTest::mouseClick(view.showWholeButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!view.bodyLoading(), 20000);
        QCOMPARE(view.shownChars(), view.totalChars());
        QVERIFY(!view.showWholeButton()->isVisibleTo(&view));
        QString all = view.bodyView()->toPlainText();
        all.remove(QLatin1Char('\n'));
        QCOMPARE(all, QString::fromLatin1(line));
        QVERIFY(longestBlock(view.bodyView()) <= MessageView::kMaxLineChars);
    }

    /// A short message shows whole, without the button.
    void shortMessageShowsWhole()
    {
        MessageView view;
        view.showMessage(plainMessage("Hello.\r\n"), std::nullopt);
        QTRY_VERIFY(!view.bodyLoading());
        QCOMPARE(view.bodyView()->toPlainText().trimmed(), QStringLiteral("Hello."));
        QVERIFY(!view.showWholeButton()->isVisibleTo(&view));
    }

    /// The nested HTML (125 KB froze the window 5.4 s, 500 KB over 150 s).
    void nestedHtmlIsShown()
    {
        QByteArray html;
        while (html.size() < 500 * 1024)
            html += "<div><span><b>";
        html += "deep text";
        MessageView view;
        view.showMessage(htmlMessage(html), std::nullopt);
        QTRY_VERIFY_WITH_TIMEOUT(!view.bodyLoading(), 20000);
        QCOMPARE(view.bodyView()->toPlainText(), QStringLiteral("deep text"));
    }

    /// The text of a message shown earlier never replaces that of the message shown now.
    void laterMessageWins()
    {
        MessageView view;
        view.showMessage(plainMessage(QByteArray(4 * 1024 * 1024, 'x')), std::nullopt);
        view.showMessage(plainMessage("second\r\n"), std::nullopt);
        QTRY_VERIFY(!view.bodyLoading());
        QTest::qWait(300);
        QCOMPARE(view.bodyView()->toPlainText().trimmed(), QStringLiteral("second"));
    }
};

QTEST_MAIN(tst_MessageView)
#include "tst_messageview.moc"
