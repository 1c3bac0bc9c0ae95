#include "MessageView.h"

#include "HtmlText.h"
#include "Message.h"
#include "Mime.h"
#include "ReportText.h"
#include "SecurityPanel.h"
#include "VerdictBanner.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStringDecoder>
#include <QTabWidget>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QTextCursor>
#include <QThreadPool>
#include <QTimer>
#include <QVBoxLayout>

namespace sealcheck::ui {

MessageView::MessageView(QWidget *parent)
    : QWidget(parent), m_banner(new VerdictBanner(this)), m_tabs(new QTabWidget(this)), m_body(new QPlainTextEdit(this)),
      m_panel(new SecurityPanel(this)), m_copy(new QPushButton(tr("&Copy report"), this)), m_moreLabel(new QLabel(this)),
      m_showWhole(new QPushButton(tr("Show the who&le message"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    m_body->setReadOnly(true);
    m_body->setAccessibleName(tr("Message text"));
    auto *bodyPage = new QWidget(this);
    auto *bodyLayout = new QVBoxLayout(bodyPage);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addWidget(m_body, 1);
    auto *more = new QHBoxLayout;
    more->addWidget(m_moreLabel, 1);
    more->addWidget(m_showWhole);
    bodyLayout->addLayout(more);
    m_moreLabel->hide();
    m_showWhole->hide();
    connect(m_showWhole, &QPushButton::clicked, this, &MessageView::showWholeMessage);
    m_tabs->addTab(bodyPage, tr("Messa&ge")); // Alt+M is the Message menu
    m_tabs->addTab(m_panel, tr("&Security"));
    layout->addWidget(m_tabs, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_copy);
    layout->addLayout(buttons);
    m_copy->setEnabled(false);
    connect(m_copy, &QPushButton::clicked, this, &MessageView::copyReport);
}

void MessageView::clear()
{
    m_report.reset();
    m_banner->clear();
    ++m_generation;
    m_loading = false;
    m_raw.clear();
    m_fullText = QString();
    m_shown = 0;
    m_body->clear();
    updateMoreBar();
    m_panel->clear();
    m_copy->setEnabled(false);
}

void MessageView::showMessage(const QByteArray &raw, const std::optional<verifier::Report> &report, const QString &error,
                              bool stale)
{
    m_report = report;
    if (!error.isEmpty())
        m_banner->showError(error);
    else if (report)
        m_banner->showReport(*report);
    else
        m_banner->showPending();
    const int headerEnd = raw.indexOf("\n\n") >= 0 ? raw.indexOf("\n\n") : raw.indexOf("\r\n\r\n");
    const QByteArray header = headerEnd >= 0 ? raw.left(headerEnd) : raw;
    if (report)
        m_panel->showReport(*report, header);
    else
        m_panel->clear();
    m_panel->setStale(stale && report.has_value());
    m_copy->setEnabled(report.has_value());
    if (raw == m_raw && (m_loading || !m_fullText.isNull()))
        return; // the same message again (its report arrived): the text stays as it is
    m_raw = raw;
    // The text is made on a pool thread; a result for an earlier message is dropped.
    const quint64 generation = ++m_generation;
    m_loading = true;
    m_fullText.clear();
    m_shown = 0;
    m_body->clear();
    updateMoreBar();
    QPointer<MessageView> self(this);
    QThreadPool::globalInstance()->start([self, raw, generation] {
        const QString text = breakLongLines(displayText(raw));
        QMetaObject::invokeMethod(
            qApp, [self, generation, text] {
                if (self)
                    self->setBodyText(generation, text);
            },
            Qt::QueuedConnection);
    });
}

void MessageView::setBodyText(quint64 generation, const QString &text)
{
    if (generation != m_generation)
        return;
    m_fullText = text;
    qsizetype first = qMin<qsizetype>(text.size(), kInitialChars);
    if (first < text.size()) {
        // End the first part at a line break when one is near, never inside a surrogate pair.
        const qsizetype nl = text.lastIndexOf(QLatin1Char('\n'), first - 1);
        if (nl > first - kMaxLineChars - 1 && nl > 0)
            first = nl + 1;
        else if (text.at(first - 1).isHighSurrogate())
            --first;
    }
    m_body->setPlainText(text.left(first));
    m_shown = first;
    m_loading = false;
    updateMoreBar();
    emit bodyShown();
}

void MessageView::showWholeMessage()
{
    if (m_loading || m_shown >= m_fullText.size())
        return;
    m_loading = true;
    updateMoreBar();
    appendStep();
}

void MessageView::appendStep()
{
    if (!m_loading)
        return; // another message was shown meanwhile
    qsizetype n = qMin<qsizetype>(kStepChars, m_fullText.size() - m_shown);
    if (m_shown + n < m_fullText.size() && m_fullText.at(m_shown + n - 1).isHighSurrogate())
        --n;
    QTextCursor cursor(m_body->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(m_fullText.mid(m_shown, n));
    m_shown += n;
    if (m_shown < m_fullText.size()) {
        updateMoreBar();
        const quint64 generation = m_generation;
        QTimer::singleShot(0, this, [this, generation] {
            if (generation == m_generation)
                appendStep();
        });
        return;
    }
    m_loading = false;
    updateMoreBar();
}

void MessageView::updateMoreBar()
{
    const bool more = m_shown < m_fullText.size();
    m_moreLabel->setVisible(more);
    m_showWhole->setVisible(more);
    if (!more)
        return;
    const QLocale locale;
    m_moreLabel->setText(tr("Showing %1 of %2 characters of this message.")
                             .arg(locale.toString(qint64(m_shown)), locale.toString(qint64(m_fullText.size()))));
    m_showWhole->setEnabled(!m_loading);
}

QString MessageView::breakLongLines(const QString &text, int maxLineChars)
{
    if (maxLineChars <= 0)
        return text;
    QString out;
    qsizetype run = 0; // characters since the last line break
    qsizetype copiedUpTo = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\n')) {
            run = 0;
            continue;
        }
        if (++run > maxLineChars && !text.at(i).isLowSurrogate()) {
            if (out.isEmpty())
                out.reserve(text.size() + text.size() / maxLineChars + 1);
            out.append(QStringView(text).mid(copiedUpTo, i - copiedUpTo));
            out.append(QLatin1Char('\n'));
            copiedUpTo = i;
            run = 1;
        }
    }
    if (copiedUpTo == 0)
        return text;
    out.append(QStringView(text).mid(copiedUpTo));
    return out;
}

QString MessageView::reportText() const
{
    return m_report ? QString::fromStdString(reportToText(*m_report)) : QString();
}

void MessageView::copyReport()
{
    if (m_report)
        QApplication::clipboard()->setText(reportText());
}

QString MessageView::displayText(const QByteArray &raw)
{
    auto m = verifier::Message::parse(std::string(raw.constData(), size_t(raw.size())));
    if (!m)
        return {};
    verifier::MimePart root = verifier::parseMime(*m);
    const verifier::MimePart *plain = nullptr;
    const verifier::MimePart *html = nullptr;
    for (const verifier::MimePart *p : verifier::displayedParts(root)) {
        if (!plain && p->contentType == "text/plain")
            plain = p;
        if (!html && p->contentType == "text/html")
            html = p;
    }
    if (!plain && !html && !root.isMultipart())
        plain = &root;
    const verifier::MimePart *part = plain ? plain : html;
    if (!part)
        return tr("(This message has no text part.)");
    const std::string bytes = verifier::decodeTransferEncoding(part->bodyBytes(*m), part->transferEncoding);
    QString charset = QStringLiteral("utf-8");
    if (auto it = part->parameters.find("charset"); it != part->parameters.end())
        charset = QString::fromStdString(it->second);
    auto encoding = QStringConverter::encodingForName(charset.toLatin1().constData());
    QString text;
    if (encoding) {
        QStringDecoder decode(*encoding);
        text = decode(QByteArrayView(bytes.data(), qsizetype(bytes.size())));
    } else if (charset.compare(QLatin1String("windows-1252"), Qt::CaseInsensitive) == 0 ||
               charset.compare(QLatin1String("us-ascii"), Qt::CaseInsensitive) == 0) {
        text = QString::fromLatin1(bytes.data(), qsizetype(bytes.size()));
    } else {
        text = QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
    }
    if (part == html) {
        // Never a QTextDocument: it opens files an HTML message names (file:///dev/zero as a
        // stylesheet grew the program to 3 GB) and lays out deep nesting slowly.
        const QByteArray utf8 = text.toUtf8();
        text.clear();
        const HtmlText plain = htmlToText(std::string_view(utf8.constData(), size_t(utf8.size())));
        text = QString::fromUtf8(plain.text.data(), qsizetype(plain.text.size()));
        if (plain.truncated)
            text += QLatin1Char('\n') + tr("(The rest of this HTML message is not shown: it is too large.)");
    }
    return text;
}

} // namespace sealcheck::ui
