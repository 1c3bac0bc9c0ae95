#include "AccountDialog.h"

#include "AccountSync.h"
#include "Keychain.h"
#include "ServerDiscovery.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace sealcheck::ui {

namespace {

QStringList lines(const QPlainTextEdit *edit)
{
    QStringList out;
    for (const QString &l : edit->toPlainText().split(QLatin1Char('\n'))) {
        const QString t = l.trimmed();
        if (!t.isEmpty() && !out.contains(t, Qt::CaseInsensitive))
            out << t;
    }
    return out;
}

} // namespace

AccountDialog::AccountDialog(std::shared_ptr<const verifier::Resolver> resolver, QWidget *parent)
    : QDialog(parent), m_resolver(std::move(resolver)), m_name(new QLineEdit(this)), m_email(new QLineEdit(this)),
      m_host(new QLineEdit(this)), m_port(new QSpinBox(this)), m_security(new QComboBox(this)),
      m_user(new QLineEdit(this)), m_password(new QLineEdit(this)), m_test(new QPushButton(tr("&Test connection"), this)),
      m_status(new QLabel(this)), m_certBox(new QGroupBox(tr("Server certificate"), this)), m_certText(new QLabel(this)),
      m_trustCert(new QPushButton(tr("Trust this certificate"), this)), m_pinLabel(new QLabel(this)),
      m_authserv(new QPlainTextEdit(this)), m_offerText(new QLabel(this)), m_offerButton(new QPushButton(this)),
      m_relays(new QPlainTextEdit(this)), m_phishing(new QCheckBox(tr("Mark forged messages with the $Phishing keyword"), this))
{
    setWindowTitle(tr("Account"));
    m_port->setRange(1, 65535);
    m_port->setValue(993);
    m_security->addItem(tr("Implicit TLS (recommended)"), int(ConnectionSecurity::ImplicitTls));
    m_security->addItem(tr("STARTTLS"), int(ConnectionSecurity::StartTls));
    m_password->setEchoMode(QLineEdit::Password);
    m_email->setPlaceholderText(tr("you@example.com"));
    m_status->setWordWrap(true);
    m_certText->setWordWrap(true);
    m_certText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pinLabel->setWordWrap(true);
    m_offerText->setWordWrap(true);
    m_authserv->setPlaceholderText(tr("One per line. Empty: no Authentication-Results field is believed."));
    m_relays->setPlaceholderText(tr("One host name per line"));
    m_authserv->setMaximumHeight(70);
    m_relays->setMaximumHeight(70);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&E-mail address:"), m_email);
    form->addRow(tr("&Server:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("Se&curity:"), m_security);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("Pass&word:"), m_password);
    auto *passwordNote = new QLabel(tr("The password is kept in your system keychain, never in Sealcheck's files."), this);
    passwordNote->setWordWrap(true);
    form->addRow(QString(), passwordNote);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_status, 1);
    form->addRow(QString(), testRow);

    auto *certLayout = new QVBoxLayout(m_certBox);
    certLayout->addWidget(m_certText);
    certLayout->addWidget(m_trustCert, 0, Qt::AlignLeft);
    certLayout->addWidget(m_pinLabel);
    m_certBox->setVisible(false);
    m_pinLabel->setVisible(false);

    auto *trustBox = new QGroupBox(tr("Trust"), this);
    auto *trustForm = new QFormLayout(trustBox);
    trustForm->addRow(tr("Trusted authentication servers:"), m_authserv);
    trustForm->addRow(QString(), m_offerText);
    trustForm->addRow(QString(), m_offerButton);
    m_offerText->setVisible(false);
    m_offerButton->setVisible(false);
    trustForm->addRow(tr("Trusted relays:"), m_relays);
    auto *relayNote = new QLabel(tr("The receiving servers of your provider. Filled from the topmost Received fields of "
                                    "your mail after the first synchronisation; edit it if it is wrong."),
                                 this);
    relayNote->setWordWrap(true);
    trustForm->addRow(QString(), relayNote);
    trustForm->addRow(QString(), m_phishing);
    auto *phishingNote = new QLabel(tr("Off by default. When on, Sealcheck adds the keyword $Phishing to forged messages "
                                       "on the server, so other mail programs can warn too. Nothing else on the server "
                                       "is ever changed."),
                                    this);
    phishingNote->setWordWrap(true);
    trustForm->addRow(QString(), phishingNote);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_certBox);
    layout->addWidget(trustBox);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_email, &QLineEdit::editingFinished, this, &AccountDialog::discoverServer);
    connect(m_test, &QPushButton::clicked, this, &AccountDialog::testConnection);
    connect(m_trustCert, &QPushButton::clicked, this, &AccountDialog::trustOfferedCertificate);
    connect(m_offerButton, &QPushButton::clicked, this, &AccountDialog::acceptAuthservOffer);
    connect(m_security, &QComboBox::currentIndexChanged, this, [this] {
        // Follow the usual port when the user switches and has not chosen another one.
        const bool implicit = ConnectionSecurity(m_security->currentData().toInt()) == ConnectionSecurity::ImplicitTls;
        if (implicit && m_port->value() == 143)
            m_port->setValue(993);
        else if (!implicit && m_port->value() == 993)
            m_port->setValue(143);
    });
}

AccountDialog::~AccountDialog() = default;

void AccountDialog::setAccount(const AccountRecord &account)
{
    m_record = account;
    m_name->setText(account.name);
    m_host->setText(account.host);
    m_port->setValue(account.port);
    m_security->setCurrentIndex(m_security->findData(int(account.security)));
    m_user->setText(account.username);
    if (m_email->text().isEmpty() && account.username.contains(QLatin1Char('@')))
        m_email->setText(account.username);
    m_authserv->setPlainText(account.trustedAuthservIds.join(QLatin1Char('\n')));
    m_relays->setPlainText(account.trustedRelays.join(QLatin1Char('\n')));
    m_phishing->setChecked(account.setPhishingKeyword);
    if (!account.pinnedKeySha256.isEmpty()) {
        m_pinLabel->setText(tr("Trusted certificate key (SHA-256): %1").arg(account.pinnedKeySha256));
        m_pinLabel->setVisible(true);
        m_certBox->setVisible(true);
        m_trustCert->setVisible(false);
    }
}

AccountRecord AccountDialog::account() const
{
    AccountRecord a = m_record;
    a.name = m_name->text().trimmed();
    if (a.name.isEmpty())
        a.name = m_email->text().trimmed();
    a.host = m_host->text().trimmed().toLower();
    a.port = m_port->value();
    a.security = ConnectionSecurity(m_security->currentData().toInt());
    a.username = m_user->text().trimmed();
    if (a.username.isEmpty())
        a.username = m_email->text().trimmed();
    a.trustedAuthservIds = lines(m_authserv);
    a.trustedRelays = lines(m_relays);
    a.setPhishingKeyword = m_phishing->isChecked();
    return a;
}

QString AccountDialog::password() const { return m_password->text(); }

verifier::Expected<qint64> AccountDialog::save(MessageStore &store)
{
    AccountRecord a = account();
    auto id = store.saveAccount(a); // AccountRecord has no password field: nothing secret goes there
    if (!id)
        return id;
    m_record = a;
    m_record.id = *id;
    if (!password().isEmpty()) {
        QPointer<AccountDialog> self(this);
        Keychain::writePassword(Keychain::imapKey(a.username, a.host, a.port), password(), this,
                                [self](verifier::Expected<bool> r) {
                                    if (!self)
                                        return;
                                    emit self->passwordStored(
                                        r.ok(), r.ok() ? QString()
                                                       : tr("The password could not be stored in the keychain: %1")
                                                             .arg(QString::fromStdString(r.error().message)));
                                });
    }
    return id;
}

void AccountDialog::discoverServer()
{
    const QString address = m_email->text().trimmed();
    if (m_user->text().isEmpty())
        m_user->setText(address);
    if (ServerDiscovery::domainOf(address).isEmpty()) {
        emit discoveryFinished(false);
        return;
    }
    // Never overwrite a server the user typed.
    if (!m_host->text().isEmpty() && m_host->text() != m_discoveredHost) {
        emit discoveryFinished(false);
        return;
    }
    const int generation = ++m_generation;
    m_status->setText(tr("Looking up the server of %1…").arg(address));
    QPointer<AccountDialog> self(this);
    auto resolver = m_resolver;
    QThread *t = QThread::create([self, resolver, address, generation] {
        QVector<DiscoveredServer> found;
        if (resolver)
            found = ServerDiscovery::discover(*resolver, address);
        else if (const QString d = ServerDiscovery::domainOf(address); !d.isEmpty())
            found.push_back({QStringLiteral("imap.") + d, 993, ConnectionSecurity::ImplicitTls,
                             DiscoveredServer::Source::Guess});
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, found, generation] {
                if (!self || generation != self->m_generation)
                    return;
                if (found.isEmpty()) {
                    self->m_status->clear();
                    emit self->discoveryFinished(false);
                    return;
                }
                const DiscoveredServer &best = found.front();
                self->applyDiscovery(best.host, best.port, int(best.security));
                self->m_status->setText(best.source == DiscoveredServer::Source::Guess
                                            ? tr("No server is published for this domain; %1 is a guess.").arg(best.host)
                                            : tr("The domain names %1 as its mail server.").arg(best.host));
                emit self->discoveryFinished(true);
            },
            Qt::QueuedConnection);
    });
    connect(t, &QThread::finished, t, &QObject::deleteLater);
    t->start();
}

void AccountDialog::applyDiscovery(const QString &host, int port, int security)
{
    m_discoveredHost = host;
    m_host->setText(host);
    m_security->setCurrentIndex(m_security->findData(security));
    m_port->setValue(port); // after the security, whose change may adjust the port
}

void AccountDialog::testConnection()
{
    const AccountRecord a = account();
    if (a.host.isEmpty()) {
        m_status->setText(tr("Enter the server first."));
        emit connectionTested(false, m_status->text());
        return;
    }
    m_test->setEnabled(false);
    m_status->setText(tr("Connecting to %1…").arg(a.host));
    QPointer<AccountDialog> self(this);
    AccountSync::testConnection(AccountSync::connectionSettings(a), a.username, password(), this,
                                [self](std::optional<imap::ImapError> error) {
                                    if (!self)
                                        return;
                                    self->m_test->setEnabled(true);
                                    if (!error) {
                                        self->m_status->setText(tr("Connection and login work."));
                                        emit self->connectionTested(true, self->m_status->text());
                                        return;
                                    }
                                    self->m_status->setText(AccountSync::explain(*error));
                                    if (error->kind == imap::ImapErrorKind::UntrustedCertificate
                                        && !error->certificatePin.isEmpty())
                                        self->offerCertificate(error->certificateSubject,
                                                               QString::fromLatin1(error->certificatePin));
                                    emit self->connectionTested(false, self->m_status->text());
                                });
}

void AccountDialog::offerCertificate(const QString &subject, const QString &pin)
{
    m_offeredPin = pin;
    m_offeredSubject = subject;
    m_certText->setText(certificateOfferText());
    m_certBox->setVisible(true);
    m_trustCert->setVisible(true);
    m_trustCert->setEnabled(true);
}

QString AccountDialog::certificateOfferText() const
{
    if (m_offeredPin.isEmpty())
        return {};
    return tr("The server presented a certificate that is not trusted.\nSubject: %1\nKey fingerprint (SHA-256): %2\n"
              "Trust it only if your provider or administrator confirms this fingerprint.")
        .arg(m_offeredSubject, m_offeredPin);
}

void AccountDialog::trustOfferedCertificate()
{
    if (m_offeredPin.isEmpty())
        return;
    m_record.pinnedKeySha256 = m_offeredPin;
    m_pinLabel->setText(tr("Trusted certificate key (SHA-256): %1").arg(m_offeredPin));
    m_pinLabel->setVisible(true);
    m_trustCert->setEnabled(false);
    m_status->setText(tr("The certificate will be trusted for this account. Test the connection again."));
}

void AccountDialog::offerTrustFromStore(const MessageStore &store, qint64 mailboxId)
{
    const QString id = AccountSync::topmostAuthservId(store, mailboxId);
    if (!id.isEmpty() && !lines(m_authserv).contains(id, Qt::CaseInsensitive))
        offerAuthservId(id);
    if (m_relays->toPlainText().trimmed().isEmpty()) {
        const QStringList relays = AccountSync::topmostRelays(store, mailboxId);
        if (!relays.isEmpty())
            m_relays->setPlainText(relays.mid(0, 3).join(QLatin1Char('\n')));
    }
}

void AccountDialog::offerAuthservId(const QString &authservId)
{
    m_offeredAuthserv = authservId;
    m_offerText->setText(trustOfferText());
    m_offerText->setVisible(true);
    m_offerButton->setText(tr("Trust %1").arg(authservId));
    m_offerButton->setVisible(true);
    m_offerButton->setEnabled(true);
}

QString AccountDialog::trustOfferText() const
{
    if (m_offeredAuthserv.isEmpty())
        return {};
    return tr("Authentication-Results fields written by %1 will be believed. Confirm only if %1 is your own mail "
              "provider.")
        .arg(m_offeredAuthserv);
}

void AccountDialog::acceptAuthservOffer()
{
    if (m_offeredAuthserv.isEmpty())
        return;
    QStringList ids = lines(m_authserv);
    if (!ids.contains(m_offeredAuthserv, Qt::CaseInsensitive))
        ids << m_offeredAuthserv;
    m_authserv->setPlainText(ids.join(QLatin1Char('\n')));
    m_offerButton->setEnabled(false);
}

} // namespace sealcheck::ui
