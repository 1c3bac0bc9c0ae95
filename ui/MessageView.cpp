#include "MessageView.h"

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
#include <QTextDocument>
#include <QVBoxLayout>

namespace sealcheck::ui {

MessageView::MessageView(QWidget *parent)
    : QWidget(parent), m_banner(new VerdictBanner(this)), m_tabs(new QTabWidget(this)), m_body(new QPlainTextEdit(this)),
      m_panel(new SecurityPanel(this)), m_copy(new QPushButton(tr("&Copy report"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    m_body->setReadOnly(true);
    m_body->setAccessibleName(tr("Message text"));
    m_tabs->addTab(m_body, tr("Messa&ge")); // Alt+M is the Message menu
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
    m_body->clear();
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
    m_body->setPlainText(displayText(raw));
    const int headerEnd = raw.indexOf("\n\n") >= 0 ? raw.indexOf("\n\n") : raw.indexOf("\r\n\r\n");
    const QByteArray header = headerEnd >= 0 ? raw.left(headerEnd) : raw;
    if (report)
        m_panel->showReport(*report, header);
    else
        m_panel->clear();
    m_panel->setStale(stale && report.has_value());
    m_copy->setEnabled(report.has_value());
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
        // Reduced to text by a document that never fetches resources (QTextDocument's
        // loadResource does not reach the network).
        QTextDocument doc;
        doc.setHtml(text);
        text = doc.toPlainText();
    }
    return text;
}

} // namespace sealcheck::ui
