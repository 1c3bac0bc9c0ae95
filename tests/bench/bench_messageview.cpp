// Issue 24 item 4 figures: how long the message view takes to show hostile but small messages,
// the way it was (MIME text, QTextDocument::setHtml for HTML, the whole text into one
// QPlainTextEdit) and the way it is (MessageView: text made off the UI thread, a bounded,
// wrapped first part). Prints one line per input; never a ctest test.
//
//   bench_messageview [--old] [--new] [--only TEXT]   (TEXT: part of an input's name)
//
// Offscreen: QT_QPA_PLATFORM=offscreen. "shown" = the text is in the widget and the widget has
// been painted once (grab()), which forces the layout of what is visible.
#include "MessageView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QTextDocument>
#include <QTest>

#include <cstdio>

using sealcheck::ui::MessageView;

namespace {

QByteArray message(const char *type, const QByteArray &body)
{
    return QByteArray("From: a@example.org\r\nSubject: x\r\nContent-Type: ") + type + "; charset=utf-8\r\n\r\n" + body;
}

QByteArray nested(int bytes)
{
    QByteArray html;
    while (html.size() < bytes)
        html += "<div><span><b>";
    return html + "text";
}

QByteArray line(qsizetype bytes)
{
    QByteArray l(bytes, 'a');
    for (qsizetype i = 0; i < l.size(); ++i)
        l[i] = char('a' + i % 26);
    return l;
}

long rssMiB()
{
    FILE *f = std::fopen("/proc/self/statm", "r");
    long pages = 0, rss = 0;
    if (f) {
        if (std::fscanf(f, "%ld %ld", &pages, &rss) != 2)
            rss = 0;
        std::fclose(f);
    }
    return rss * 4096 / (1024 * 1024);
}

/// The old way, as ui/MessageView.cpp did it before issue 24.
qint64 showOld(const QByteArray &raw, bool html)
{
    QElapsedTimer t;
    t.start();
    QPlainTextEdit edit;
    edit.resize(800, 600);
    edit.show();
    const qsizetype body = raw.indexOf("\r\n\r\n") + 4;
    QString text = QString::fromUtf8(raw.mid(body));
    if (html) {
        QTextDocument doc;
        doc.setHtml(text);
        text = doc.toPlainText();
    }
    edit.setPlainText(text);
    (void)edit.grab();
    return t.elapsed();
}

qint64 showNew(const QByteArray &raw)
{
    QElapsedTimer t;
    t.start();
    MessageView view;
    view.resize(800, 600);
    view.show();
    view.showMessage(raw, std::nullopt);
    QTest::qWaitFor([&] { return !view.bodyLoading(); }, 600000);
    (void)view.grab();
    return t.elapsed();
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool old = args.contains(QStringLiteral("--old"));
    const bool neu = args.contains(QStringLiteral("--new")) || !old;
    struct Input
    {
        const char *name;
        QByteArray raw;
        bool html;
    };
    const QList<Input> inputs{
        {"nested HTML 125 KB", message("text/html", nested(125 * 1000)), true},
        {"nested HTML 250 KB", message("text/html", nested(250 * 1000)), true},
        {"nested HTML 500 KB", message("text/html", nested(500 * 1000)), true},
        {"plain, one 1 MiB line", message("text/plain", line(1024 * 1024)), false},
        {"plain, one 50 MB line", message("text/plain", line(50 * 1000 * 1000)), false},
    };
    const qsizetype onlyAt = args.indexOf(QStringLiteral("--only"));
    const QString only = onlyAt >= 0 ? args.value(onlyAt + 1) : QString();
    for (const Input &in : inputs) {
        if (!only.isEmpty() && !QString::fromLatin1(in.name).contains(only))
            continue;
        if (neu) {
            const qint64 ms = showNew(in.raw);
            std::printf("new  %-24s %8lld ms  rss %ld MiB\n", in.name, static_cast<long long>(ms), rssMiB());
            std::fflush(stdout);
        }
        if (old) {
            const qint64 ms = showOld(in.raw, in.html);
            std::printf("old  %-24s %8lld ms  rss %ld MiB\n", in.name, static_cast<long long>(ms), rssMiB());
            std::fflush(stdout);
        }
    }
    return 0;
}
