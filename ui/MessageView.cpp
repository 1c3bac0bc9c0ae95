#include "MessageView.h"

#include "ReportText.h"
#include "SecurityPanel.h"
#include "VerdictBanner.h"
#include "VerdictStyle.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QPushButton>
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
    : QWidget(parent), m_banner(new VerdictBanner(this)), m_tabs(new QTabWidget(this)), m_fields(new QLabel(this)),
      m_signedLabel(new QLabel(this)), m_body(new QPlainTextEdit(this)), m_unsignedBanner(new QLabel(this)),
      m_unsignedBody(new QPlainTextEdit(this)), m_panel(new SecurityPanel(this)),
      m_copy(new QPushButton(tr("&Copy report"), this)), m_moreLabel(new QLabel(this)),
      m_showWhole(new QPushButton(tr("Show the who&le message"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    m_body->setReadOnly(true);
    m_body->setAccessibleName(tr("Message text"));
    m_unsignedBody->setReadOnly(true);
    m_unsignedBody->setAccessibleName(tr("Text not covered by the signature"));
    for (QLabel *l : {m_fields, m_signedLabel, m_unsignedBanner}) {
        l->setTextFormat(Qt::PlainText); // message text never becomes markup
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        // Never squeezed by the text boxes below (a wrapped label would lose its lines).
        l->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    }
    m_fields->setObjectName(QStringLiteral("messageFields"));
    m_signedLabel->setObjectName(QStringLiteral("signedLabel"));
    m_unsignedBanner->setObjectName(QStringLiteral("unsignedBanner"));
    // Native and apart from the text, so that the message cannot draw one of its own.
    m_unsignedBanner->setFrameShape(QFrame::StyledPanel);
    m_unsignedBanner->setMargin(4);
    QFont bold = m_unsignedBanner->font();
    bold.setBold(true);
    m_unsignedBanner->setFont(bold);
    m_signedLabel->setFont(bold);
    auto *bodyPage = new QWidget(this);
    auto *bodyLayout = new QVBoxLayout(bodyPage);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addWidget(m_fields);
    bodyLayout->addWidget(m_signedLabel);
    bodyLayout->addWidget(m_body, 2);
    bodyLayout->addWidget(m_unsignedBanner);
    bodyLayout->addWidget(m_unsignedBody, 1);
    auto *more = new QHBoxLayout;
    more->addWidget(m_moreLabel, 1);
    more->addWidget(m_showWhole);
    bodyLayout->addLayout(more);
    m_moreLabel->hide();
    m_showWhole->hide();
    m_fields->hide();
    showCoverage({});
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
    m_coverage = {};
    m_fields->clear();
    m_fields->hide();
    showCoverage({});
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
    // What the signatures cover decides how the text is split: made again when the report
    // (arriving after the text) changes it.
    const BodyCoverage coverage = report ? bodyCoverage(*report) : BodyCoverage();
    if (raw == m_raw && coverage == m_coverage && (m_loading || !m_fullText.isNull()))
        return; // the same message again (its report arrived): the text stays as it is
    m_raw = raw;
    m_coverage = coverage;
    // The text is made on a pool thread; a result for an earlier message is dropped.
    const quint64 generation = ++m_generation;
    m_loading = true;
    m_fullText.clear();
    m_shown = 0;
    m_body->clear();
    showCoverage({});
    updateMoreBar();
    QPointer<MessageView> self(this);
    QThreadPool::globalInstance()->start([self, raw, coverage, generation] {
        ShownText shown = makeShownText(raw, coverage);
        shown.text = breakLongLines(withNotes(shown));
        shown.unsignedText = breakLongLines(shown.unsignedText);
        const QString fields = fieldsText(shown.fields);
        QMetaObject::invokeMethod(
            qApp, [self, generation, shown, fields] {
                if (self)
                    self->setBodyText(generation, shown, fields);
            },
            Qt::QueuedConnection);
    });
}

qsizetype MessageView::firstCut(const QString &text)
{
    qsizetype first = qMin<qsizetype>(text.size(), kInitialChars);
    if (first < text.size()) {
        // End the first part at a line break when one is near, never inside a surrogate pair.
        const qsizetype nl = text.lastIndexOf(QLatin1Char('\n'), first - 1);
        if (nl > first - kMaxLineChars - 1 && nl > 0)
            first = nl + 1;
        else if (text.at(first - 1).isHighSurrogate())
            --first;
    }
    return first;
}

void MessageView::setBodyText(quint64 generation, const ShownText &shown, const QString &fields)
{
    if (generation != m_generation)
        return;
    m_fields->setText(fields);
    m_fields->setVisible(!fields.isEmpty());
    m_fullText = shown.text;
    m_shown = firstCut(m_fullText);
    m_body->setPlainText(m_fullText.left(m_shown));
    showCoverage(shown);
    m_loading = false;
    updateMoreBar();
    emit bodyShown();
}

void MessageView::showCoverage(const ShownText &shown)
{
    const bool split = shown.hasUnsigned();
    m_unsignedFull = split ? shown.unsignedText : QString();
    if (!shown.unsignedAttachments.isEmpty())
        m_unsignedFull += (m_unsignedFull.isEmpty() ? QString() : QStringLiteral("\n\n")) +
                          tr("Attachments not covered: %1").arg(shown.unsignedAttachments.join(QStringLiteral(", ")));
    m_unsignedShown = firstCut(m_unsignedFull);
    m_unsignedBody->setPlainText(m_unsignedFull.left(m_unsignedShown));
    m_unsignedBody->setVisible(split);
    m_unsignedBanner->setVisible(split);
    m_signedLabel->setVisible(split);
    if (!split)
        return;
    const QString signer = QString::fromStdString(m_coverage.signer);
    QString title;
    if (m_coverage.kind == BodyCoverage::Kind::DkimLength) {
        m_signedLabel->setText(tr("Signed by %1").arg(signer));
        title = tr("Added after signing — not from %1").arg(signer);
    } else {
        const QString kind = m_coverage.smime ? QStringLiteral("S/MIME") : QStringLiteral("OpenPGP");
        m_signedLabel->setText(tr("Covered by the %1 signature").arg(kind));
        title = tr("Not covered by the signature");
    }
    m_unsignedBanner->setText(title + QLatin1Char('\n') +
                              tr("The signature covers only the text above. Anyone could have written the text below."));
    recolour();
}

void MessageView::recolour()
{
    QPalette p = palette();
    p.setColor(QPalette::WindowText, verdictColor(VerdictState::Suspicious, p));
    m_unsignedBanner->setPalette(p);
}

void MessageView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) // light ↔ dark: a colour readable on the new one
        recolour();
}

QString MessageView::fieldsText(const QList<ShownField> &fields)
{
    QStringList lines;
    QStringList warnings;
    for (const ShownField &f : fields) {
        const QString name = fieldName(f.name);
        if (f.copies == 1) {
            lines << tr("%1: %2").arg(name, f.value);
            continue;
        }
        lines << tr("%1 (%2 of %3): %4").arg(name).arg(f.copy).arg(f.copies).arg(f.value);
        if (f.copy == 1)
            warnings << QStringLiteral("\u26A0 ") +
                            tr("This message has %1 %2 fields; mail programs differ in which one they show.")
                                .arg(f.copies)
                                .arg(name);
    }
    return (lines + warnings).join(QLatin1Char('\n'));
}

QString MessageView::fieldName(const QString &name)
{
    if (name == QLatin1String("From"))
        return tr("From");
    if (name == QLatin1String("To"))
        return tr("To");
    if (name == QLatin1String("Cc"))
        return tr("Cc");
    if (name == QLatin1String("Subject"))
        return tr("Subject");
    if (name == QLatin1String("Date"))
        return tr("Date");
    return name;
}

void MessageView::showWholeMessage()
{
    if (m_loading || shownChars() >= totalChars())
        return;
    m_loading = true;
    updateMoreBar();
    appendStep();
}

void MessageView::appendStep()
{
    if (!m_loading)
        return; // another message was shown meanwhile
    // The signed text first, then the text not covered.
    const bool main = m_shown < m_fullText.size();
    const QString &full = main ? m_fullText : m_unsignedFull;
    qsizetype &shownChars = main ? m_shown : m_unsignedShown;
    qsizetype n = qMin<qsizetype>(kStepChars, full.size() - shownChars);
    if (shownChars + n < full.size() && full.at(shownChars + n - 1).isHighSurrogate())
        --n;
    QTextCursor cursor((main ? m_body : m_unsignedBody)->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(full.mid(shownChars, n));
    shownChars += n;
    if (shownChars < full.size() || (main && m_unsignedShown < m_unsignedFull.size())) {
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
    const bool more = shownChars() < totalChars();
    m_moreLabel->setVisible(more);
    m_showWhole->setVisible(more);
    if (!more)
        return;
    const QLocale locale;
    m_moreLabel->setText(tr("Showing %1 of %2 characters of this message.")
                             .arg(locale.toString(qint64(shownChars())), locale.toString(qint64(totalChars()))));
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

QString MessageView::withNotes(const ShownText &shown)
{
    if (shown.noTextPart && shown.text.isEmpty())
        return tr("(This message has no text part.)");
    if (shown.htmlTruncated)
        return shown.text + QLatin1Char('\n') + tr("(The rest of this HTML message is not shown: it is too large.)");
    return shown.text;
}

QString MessageView::displayText(const QByteArray &raw)
{
    return withNotes(makeShownText(raw, {}));
}

} // namespace sealcheck::ui
