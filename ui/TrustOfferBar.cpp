#include "TrustOfferBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace sealcheck::ui {

TrustOfferBar::TrustOfferBar(QWidget *parent)
    : QFrame(parent), m_text(new QLabel(this)), m_trust(new QPushButton(tr("&Trust"), this)),
      m_notNow(new QPushButton(tr("&Not now"), this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
    setAccessibleName(tr("Trust your provider's reports"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_trust);
    layout->addWidget(m_notNow);
    connect(m_trust, &QPushButton::clicked, this, [this] {
        hide();
        emit trustAccepted(m_accountId, m_authservId);
    });
    connect(m_notNow, &QPushButton::clicked, this, [this] {
        hide();
        emit declined(m_accountId);
    });
    hide();
}

void TrustOfferBar::offer(qint64 accountId, const QString &accountName, const QString &authservId)
{
    m_accountId = accountId;
    m_authservId = authservId;
    m_text->setText(
        tr("Your provider checks who sent each message when it arrives and writes the result into the message, signed "
           "with the name \"%1\". Most messages in %2 carry it at the top. If %1 is your provider's mail server, "
           "Sealcheck can use these results too, for example when a sender's key has been withdrawn since. Trust "
           "only a name you recognise as your provider's: anyone can write such a field lower down.")
            .arg(authservId, accountName));
    show();
}

QString TrustOfferBar::text() const { return m_text->text(); }

} // namespace sealcheck::ui
