#include "VerdictBanner.h"

#include "FindingText.h"
#include "VerdictLabel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace sealcheck::ui {

VerdictBanner::VerdictBanner(QWidget *parent)
    : QFrame(parent), m_icon(new QLabel(this)), m_title(new QLabel(this)), m_details(new QLabel(this)),
      m_notesButton(new QToolButton(this)), m_notes(new QLabel(this)), m_retry(new QPushButton(this))
{
    setObjectName(QStringLiteral("verdictBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto *row = new QHBoxLayout(this);
    row->addWidget(m_icon, 0, Qt::AlignTop);
    auto *texts = new QVBoxLayout;
    texts->addWidget(m_title);
    texts->addWidget(m_details);
    texts->addWidget(m_notesButton, 0, Qt::AlignLeft);
    texts->addWidget(m_notes);
    row->addLayout(texts, 1);
    row->addWidget(m_retry, 0, Qt::AlignTop);
    for (QLabel *l : {m_title, m_details, m_notes}) {
        l->setTextFormat(Qt::PlainText);
        l->setWordWrap(true);
    }
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_notes->setVisible(false);
    m_notesButton->setObjectName(QStringLiteral("technicalNotes"));
    m_notesButton->setCheckable(true);
    m_notesButton->setAutoRaise(true);
    m_notesButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_notesButton->setArrowType(Qt::RightArrow);
    connect(m_notesButton, &QToolButton::toggled, this, [this](bool open) {
        m_notes->setVisible(open);
        m_notesButton->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });
    m_retry->setObjectName(QStringLiteral("retry"));
    m_retry->setText(tr("&Retry"));
    m_retry->setVisible(false);
    connect(m_retry, &QPushButton::clicked, this, &VerdictBanner::retryRequested);
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_title->setFont(f);
    clear();
}

void VerdictBanner::apply(VerdictState state, const QStringList &reasons, const QStringList &warnings)
{
    m_label.clear();
    m_sentence.clear();
    m_exception = false;
    m_noteTexts.clear();
    applyTexts(state, reasons, warnings);
}

void VerdictBanner::applyTexts(VerdictState state, const QStringList &reasons, const QStringList &warnings)
{
    m_state = state;
    m_reasonTexts = reasons;
    m_warningTexts = warnings;
    const int size = fontMetrics().height() * 2;
    m_icon->setPixmap(verdictIcon(state).pixmap(size, size));
    const QString label = m_label.isEmpty() ? verdictWord(state) : m_label;
    const QString sentence = m_sentence.isEmpty() ? verdictHeadline(state) : m_sentence;
    m_title->setText(label + QStringLiteral(" — ") + sentence);
    QStringList lines;
    for (const QString &r : reasons)
        lines << QStringLiteral("• ") + r;
    for (const QString &w : warnings)
        lines << QStringLiteral("⚠ ") + w;
    m_details->setText(lines.join(QLatin1Char('\n')));
    m_details->setVisible(!lines.isEmpty());
    m_notesButton->setText(tr("%n technical note(s)", nullptr, int(m_noteTexts.size())));
    m_notesButton->setVisible(!m_noteTexts.isEmpty());
    m_notes->setText(QStringLiteral("• ") + m_noteTexts.join(QStringLiteral("\n• ")));
    m_notes->setVisible(!m_noteTexts.isEmpty() && m_notesButton->isChecked());
    m_retry->setVisible(state == VerdictState::NotChecked);
    QPalette p = palette();
    const QColor accent = m_exception ? p.color(QPalette::Text) : verdictColor(state, p);
    p.setColor(QPalette::WindowText, accent);
    m_title->setPalette(p);
    setAccessibleName(label);
    setAccessibleDescription(sentence + QLatin1Char(' ') + reasons.join(QLatin1Char(' ')));
}

void VerdictBanner::showReport(const verifier::Report &report)
{
    QStringList reasons, warnings;
    m_noteTexts.clear();
    for (const auto &f : report.reasons)
        reasons << findingText(f);
    for (const auto &f : report.warnings)
        (isTechnicalNote(f) ? m_noteTexts : warnings) << findingText(f);
    m_label = verdictLabel(report);
    m_sentence = verdictSentence(report);
    m_exception = isUserException(report);
    m_notesButton->setChecked(false);
    applyTexts(stateOf(report.verdict), reasons, warnings);
}

void VerdictBanner::showPending() { apply(VerdictState::Pending, {}, {}); }

void VerdictBanner::showError(const QString &error)
{
    apply(VerdictState::Unauthenticated, {tr("The message could not be read: %1").arg(error)}, {});
}

void VerdictBanner::clear()
{
    apply(VerdictState::Pending, {}, {});
    m_title->setText(tr("Select a message to see who really sent it."));
}

QString VerdictBanner::headline() const { return m_title->text(); }

void VerdictBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_state != VerdictState::Pending)
        applyTexts(m_state, m_reasonTexts, m_warningTexts);
}

} // namespace sealcheck::ui
