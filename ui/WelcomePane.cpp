#include "WelcomePane.h"

#include <QLabel>
#include <QPushButton>
#include <QHBoxLayout>
#include <QVBoxLayout>

namespace sealcheck::ui {

WelcomePane::WelcomePane(QWidget *parent)
    : QWidget(parent), m_addAccount(new QPushButton(tr("Add account…"), this)),
      m_openFile(new QPushButton(tr("Open a file…"), this)), m_demo(new QPushButton(tr("Try the demo"), this))
{
    setObjectName(QStringLiteral("welcomePane"));
    auto *title = new QLabel(tr("Welcome to Sealcheck"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    auto *intro = new QLabel(tr("Sealcheck checks who really sent your e-mail. Start with one of these:"), this);
    intro->setWordWrap(true);

    // A column of readable width in the middle of the pane; the labels wrap inside it.
    auto *column = new QWidget(this);
    column->setMaximumWidth(460);
    auto *inner = new QVBoxLayout(column);
    inner->addWidget(title, 0, Qt::AlignHCenter);
    intro->setAlignment(Qt::AlignHCenter);
    inner->addWidget(intro);
    inner->addSpacing(12);
    // Each button with one line saying what it does, so that the choice needs no manual.
    const auto addChoice = [this, inner](QPushButton *button, const QString &what) {
        button->setMinimumWidth(220);
        inner->addWidget(button, 0, Qt::AlignHCenter);
        auto *note = new QLabel(what, this);
        note->setWordWrap(true);
        note->setAlignment(Qt::AlignHCenter);
        note->setEnabled(false); // the platform's muted text colour, in light and dark
        inner->addWidget(note);
        inner->addSpacing(8);
    };
    addChoice(m_addAccount, tr("Your IMAP mailbox: new mail is checked as it arrives. Nothing on the server is changed."));
    addChoice(m_openFile, tr("Saved messages (.eml) or a mailbox file (mbox). You can also drop files here."));
    addChoice(m_demo, tr("A few made-up messages, genuine and forged, to see what Sealcheck shows."));
    auto *layout = new QHBoxLayout(this);
    auto *middle = new QVBoxLayout;
    middle->addStretch(1);
    middle->addWidget(column);
    middle->addStretch(2);
    layout->addStretch(1);
    layout->addLayout(middle, 4);
    layout->addStretch(1);

    connect(m_addAccount, &QPushButton::clicked, this, &WelcomePane::addAccountRequested);
    connect(m_openFile, &QPushButton::clicked, this, &WelcomePane::openFileRequested);
    connect(m_demo, &QPushButton::clicked, this, &WelcomePane::demoRequested);
}

} // namespace sealcheck::ui
