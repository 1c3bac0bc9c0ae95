#include "FileTrustPage.h"

#include "PlainTextLines.h"
#include "ProviderProfiles.h"

#include <QComboBox>
#include <QFormLayout>
#include <QVBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>

#include <algorithm>

namespace sealcheck::ui {

namespace {

QPlainTextEdit *listEdit(const QString &placeholder, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setPlaceholderText(placeholder);
    edit->setMaximumHeight(70);
    edit->setTabChangesFocus(true);
    return edit;
}

} // namespace

FileTrustPage::FileTrustPage(QWidget *parent)
    : QWidget(parent),
      m_authserv(listEdit(tr("One per line. Empty: no Authentication-Results field is believed."), this)),
      m_relays(listEdit(tr("One host name per line"), this)),
      m_arcSealers(listEdit(tr("One domain per line, such as google.com"), this)), m_provider(new QComboBox(this))
{
    // The rows at the top, the spare height below them (not spread between them).
    auto *page = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    page->addLayout(form);
    page->addStretch(1);
    auto *intro = new QLabel(tr("Opened .eml and mbox files have no account to say whom to trust. List here the "
                                "servers of the provider the files come from: their Authentication-Results "
                                "fields are then believed, as for an account. Leave it empty when you do not know."),
                             this);
    intro->setWordWrap(true);
    form->addRow(intro);
    m_provider->addItem(tr("None (only what is listed below)"), QString());
    for (const auto &p : providerProfiles())
        m_provider->addItem(QString::fromStdString(p.name), QString::fromStdString(p.id));
    form->addRow(tr("Mail &provider:"), m_provider);
    form->addRow(tr("Trusted &authentication servers:"), m_authserv);
    form->addRow(tr("Trusted &relays:"), m_relays);
    form->addRow(tr("Trusted A&RC sealers:"), m_arcSealers);
    auto *known = new QLabel(tr("The domains you know (\"Senders and keys\") count for opened files too."), this);
    known->setWordWrap(true);
    form->addRow(known);
}

void FileTrustPage::setTrust(const FileTrust &trust)
{
    m_authserv->setPlainText(trust.authservIds.join(QLatin1Char('\n')));
    m_relays->setPlainText(trust.relays.join(QLatin1Char('\n')));
    m_arcSealers->setPlainText(trust.arcSealers.join(QLatin1Char('\n')));
    m_provider->setCurrentIndex(std::max(0, m_provider->findData(trust.providerProfile)));
}

FileTrust FileTrustPage::trust() const
{
    FileTrust t;
    t.authservIds = plainTextLines(m_authserv);
    t.relays = plainTextLines(m_relays);
    t.arcSealers = plainTextLines(m_arcSealers);
    t.providerProfile = m_provider->currentData().toString();
    return t;
}

} // namespace sealcheck::ui
