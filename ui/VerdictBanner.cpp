#include "VerdictBanner.h"

#include "FindingText.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace sealcheck::ui {

VerdictBanner::VerdictBanner(QWidget *parent)
    : QFrame(parent), m_icon(new QLabel(this)), m_title(new QLabel(this)), m_details(new QLabel(this))
{
    setObjectName(QStringLiteral("verdictBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto *row = new QHBoxLayout(this);
    row->addWidget(m_icon, 0, Qt::AlignTop);
    auto *texts = new QVBoxLayout;
    texts->addWidget(m_title);
    texts->addWidget(m_details);
    row->addLayout(texts, 1);
    m_title->setTextFormat(Qt::PlainText);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setWordWrap(true);
    m_title->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_title->setFont(f);
    clear();
}

void VerdictBanner::apply(VerdictState state, const QStringList &reasons, const QStringList &warnings)
{
    m_state = state;
    m_reasonTexts = reasons;
    m_warningTexts = warnings;
    const int size = fontMetrics().height() * 2;
    m_icon->setPixmap(verdictIcon(state).pixmap(size, size));
    m_title->setText(verdictWord(state) + QStringLiteral(" — ") + verdictHeadline(state));
    QStringList lines;
    for (const QString &r : reasons)
        lines << QStringLiteral("• ") + r;
    for (const QString &w : warnings)
        lines << QStringLiteral("⚠ ") + w;
    m_details->setText(lines.join(QLatin1Char('\n')));
    m_details->setVisible(!lines.isEmpty());
    QPalette p = palette();
    const QColor accent = verdictColor(state, p);
    p.setColor(QPalette::WindowText, accent);
    m_title->setPalette(p);
    setAccessibleName(verdictWord(state));
    setAccessibleDescription(verdictHeadline(state) + QLatin1Char(' ') + reasons.join(QLatin1Char(' ')));
}

void VerdictBanner::showReport(const verifier::Report &report)
{
    QStringList reasons, warnings;
    for (const auto &f : report.reasons)
        reasons << findingText(f);
    for (const auto &f : report.warnings)
        warnings << findingText(f);
    apply(stateOf(report.verdict), reasons, warnings);
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
        apply(m_state, m_reasonTexts, m_warningTexts);
}

} // namespace sealcheck::ui
