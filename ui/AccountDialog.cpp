#include "AccountDialog.h"

#include "PlainTextLines.h"
#include "ProviderProfiles.h"

#include <algorithm>

#include "AccountSync.h"
#include "Keychain.h"
#include "OAuthProvider.h"
#include "OAuthTokenStore.h"
#include "ServerDiscovery.h"
#include "ZoneResolver.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QJsonObject>
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

AccountDialog::AccountDialog(std::shared_ptr<const verifier::Resolver> resolver, QWidget *parent)
    : QDialog(parent), m_resolver(std::move(resolver)), m_name(new QLineEdit(this)), m_email(new QLineEdit(this)),
      m_host(new QLineEdit(this)), m_port(new QSpinBox(this)), m_security(new QComboBox(this)),
      m_user(new QLineEdit(this)), m_password(new QLineEdit(this)), m_test(new QPushButton(tr("&Test connection"), this)),
      m_status(new QLabel(this)), m_certBox(new QGroupBox(tr("Server certificate"), this)), m_certText(new QLabel(this)),
      m_trustCert(new QPushButton(tr("Trust this certificate"), this)), m_pinLabel(new QLabel(this)),
      m_authserv(new QPlainTextEdit(this)), m_offerText(new QLabel(this)), m_offerButton(new QPushButton(this)),
      m_relays(new QPlainTextEdit(this)), m_arcSealers(new QPlainTextEdit(this)), m_phishing(new QCheckBox(tr("Mark forged messages with the $Phishing keyword"), this)),
      m_verdictKeywords(new QCheckBox(tr("Mark messages with their verdict as a keyword"), this)),
      m_auth(new QComboBox(this)), m_signIn(new QPushButton(tr("Sign &in…"), this)),
      m_deviceCode(new QCheckBox(tr("Sign in on another device with a code"), this)), m_signInStatus(new QLabel(this)),
      m_clientId(new QLineEdit(this))
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
    m_arcSealers->setPlaceholderText(tr("One domain per line, such as google.com"));
    for (QPlainTextEdit *edit : {m_authserv, m_relays, m_arcSealers})
        edit->setMaximumHeight(60);

    buildPages();
    connect(m_email, &QLineEdit::editingFinished, this, &AccountDialog::discoverServer);
    connect(m_test, &QPushButton::clicked, this, &AccountDialog::testConnection);
    connect(m_trustCert, &QPushButton::clicked, this, &AccountDialog::trustOfferedCertificate);
    connect(m_offerButton, &QPushButton::clicked, this, &AccountDialog::acceptAuthservOffer);
    connect(m_signIn, &QPushButton::clicked, this, &AccountDialog::signIn);
    connect(m_auth, &QComboBox::currentIndexChanged, this, [this] {
        // A provider's own server when the user has not typed one.
        if (const auto p = chosenProvider(nullptr); p && !p->imapHost.isEmpty()
            && (m_host->text().isEmpty() || m_host->text() == m_discoveredHost)) {
            applyDiscovery(p->imapHost, p->imapPort, int(ConnectionSecurity::ImplicitTls));
        }
        m_pendingTokens.reset();
        m_signInStatus->clear();
        updateAuthenticationRows();
    });
    updateAuthenticationRows();
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
    m_arcSealers->setPlainText(account.trustedArcSealers.join(QLatin1Char('\n')));
    m_phishing->setChecked(account.setPhishingKeyword);
    m_provider->setCurrentIndex(std::max(0, m_provider->findData(account.providerProfile)));
    m_verdictKeywords->setChecked(account.setVerdictKeywords);
    {
        const int index = account.authentication == AuthenticationKind::OAuth ? m_auth->findData(account.oauthProvider) : 0;
        m_auth->setCurrentIndex(index < 0 ? 0 : index);
        const QJsonObject o = QJsonDocument::fromJson(account.oauthOverrides.toUtf8()).object();
        m_clientId->setText(o.value(QLatin1String("client_id")).toString());
        m_pendingTokens.reset();
        m_signInStatus->setText(account.authentication == AuthenticationKind::OAuth
                                    ? tr("Signed in; the sign-in is kept in your system keychain.")
                                    : QString());
        updateAuthenticationRows();
    }
    if (!account.pinnedKeySha256.isEmpty()) {
        m_pinLabel->setText(tr("Trusted certificate key (SHA-256): %1").arg(account.pinnedKeySha256));
        m_pinLabel->setVisible(true);
        m_certBox->setVisible(true);
        m_trustCert->setVisible(false);
    }
    m_discoveredFor = m_email->text().trimmed();
    showPage(ServerPage);
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
    a.trustedAuthservIds = plainTextLines(m_authserv);
    a.trustedRelays = plainTextLines(m_relays);
    a.trustedArcSealers = plainTextLines(m_arcSealers);
    a.setPhishingKeyword = m_phishing->isChecked();
    a.providerProfile = m_provider->currentData().toString();
    a.setVerdictKeywords = m_verdictKeywords->isChecked();
    const QString provider = oauthProviderId();
    a.authentication = provider.isEmpty() ? AuthenticationKind::Password : AuthenticationKind::OAuth;
    a.oauthProvider = provider;
    a.oauthOverrides = provider.isEmpty() ? QString() : QString::fromUtf8(overridesJson());
    return a;
}

QString AccountDialog::oauthProviderId() const { return m_auth->currentData().toString(); }

QByteArray AccountDialog::overridesJson() const
{
    // Keep other overrides of the account (set by a distributor or by hand); the field owns client_id.
    QJsonObject o = QJsonDocument::fromJson(m_record.oauthOverrides.toUtf8()).object();
    const QString clientId = m_clientId->text().trimmed();
    if (clientId.isEmpty())
        o.remove(QStringLiteral("client_id"));
    else
        o.insert(QStringLiteral("client_id"), clientId);
    return o.isEmpty() ? QByteArray() : QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<oauth::OAuthProvider> AccountDialog::chosenProvider(QString *problem) const
{
    const QString id = oauthProviderId();
    if (id.isEmpty())
        return std::nullopt;
    auto p = oauth::OAuthProvider::find(id, overridesJson());
    if (!p) {
        if (problem)
            *problem = p.error().message;
        return std::nullopt;
    }
    return *p;
}

void AccountDialog::updateAuthenticationRows()
{
    const bool oauth = !oauthProviderId().isEmpty();
    m_passwordLabel->setVisible(!oauth);
    m_password->setVisible(!oauth);
    m_passwordNote->setVisible(!oauth);
    m_signInRow->setVisible(oauth);
    m_clientIdLabel->setVisible(oauth);
    m_clientId->setVisible(oauth);
    const auto p = chosenProvider(nullptr);
    m_deviceCode->setVisible(p && p->supportsDeviceFlow());
    if (!m_deviceCode->isVisible())
        m_deviceCode->setChecked(false);
}

void AccountDialog::signIn()
{
    QString problem;
    const auto provider = chosenProvider(&problem);
    if (!provider) {
        m_signInStatus->setText(problem.isEmpty() ? tr("Choose how to sign in first.") : problem);
        emit signInFinished(false, m_signInStatus->text());
        return;
    }
    if (m_flow) {
        m_flow->cancel(); // one flow at a time; its failed(Cancelled) is ignored below
        m_flow->deleteLater();
    }
    auto *flow = new oauth::OAuthSignIn(*provider, this);
    m_flow = flow;
    flow->setLoginHint(m_user->text().trimmed().isEmpty() ? m_email->text().trimmed() : m_user->text().trimmed());
    flow->setMinimumPollIntervalMs(m_minPollMs);
    flow->setBrowserOpener(m_openBrowser ? m_openBrowser : [](const QUrl &url) { QDesktopServices::openUrl(url); });
    connect(flow, &oauth::OAuthSignIn::deviceCodeReady, this, [this](const QString &code, const QUrl &uri, int) {
        m_signInStatus->setText(tr("On any device, open %1 and enter the code %2. This window continues by itself.")
                                    .arg(QStringLiteral("<a href=\"%1\">%1</a>").arg(uri.toString().toHtmlEscaped()),
                                         QStringLiteral("<b>%1</b>").arg(code.toHtmlEscaped())));
    });
    connect(flow, &oauth::OAuthSignIn::succeeded, this, [this, flow, name = provider->displayName](const oauth::OAuthTokens &t) {
        if (flow != m_flow)
            return;
        m_pendingTokens = t;
        m_signIn->setEnabled(true);
        m_signInStatus->setText(tr("Signed in with %1. Press OK to keep this account.").arg(name.toHtmlEscaped()));
        emit signInFinished(true, m_signInStatus->text());
    });
    connect(flow, &oauth::OAuthSignIn::failed, this, [this, flow](const oauth::OAuthError &e) {
        if (flow != m_flow)
            return;
        m_signIn->setEnabled(true);
        m_signInStatus->setText(tr("The sign-in did not work: %1").arg(e.message.toHtmlEscaped()));
        emit signInFinished(false, m_signInStatus->text());
    });
    m_signIn->setEnabled(false);
    const bool device = m_deviceCode->isChecked() && provider->supportsDeviceFlow();
    m_signInStatus->setText(device ? tr("Asking %1 for a code…").arg(provider->displayName.toHtmlEscaped())
                                   : tr("Continue in your web browser…"));
    if (!(device ? flow->startDeviceFlow() : flow->startAuthorizationCode()))
        m_signIn->setEnabled(true); // failed() follows with the reason
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
    if (a.authentication == AuthenticationKind::OAuth) {
        // The tokens of a new sign-in go to the keychain only, never to the store.
        if (m_pendingTokens) {
            QPointer<AccountDialog> self(this);
            oauth::OAuthTokenStore::save(oauth::OAuthTokenStore::key(a.username, a.host, a.port), *m_pendingTokens, this,
                                         [self](oauth::OAuthExpected<bool> r) {
                                             if (!self)
                                                 return;
                                             if (r)
                                                 self->m_pendingTokens.reset();
                                             emit self->tokensStored(
                                                 r.ok(), r.ok() ? QString()
                                                                : tr("The sign-in could not be stored in the keychain: %1")
                                                                      .arg(r.error().message));
                                         });
        }
        return id;
    }
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
    m_discoveredFor = address;
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
    m_status->setText(tr("Looking up the server of %1…").arg(address));
    m_status->setToolTip(QString());
    m_discoveryNotes->clear();
    m_discoveryNotes->setVisible(false);
    // Zone files (demo, tests, `--dns-zone`) mean offline: DNS only, nothing fetched from the web.
    AutoConfigOptions options = m_autoOptions;
    options.offline = options.offline || dynamic_cast<const verifier::ZoneResolver *>(m_resolver.get()) != nullptr;
    options.ispdb = m_ispdb->isChecked() ? IspdbLookup::Allowed : IspdbLookup::Refused;
    delete m_autoConfig; // abandons a lookup still running
    m_autoConfig = new AccountAutoConfig(options, this);
    connect(m_autoConfig, &AccountAutoConfig::finished, this, [this, address](const AutoConfigResult &result) {
        showDiscoveryNotes(result);
        if (result.candidates.isEmpty()) {
            m_status->setText(tr("No IMAP server was found for %1; enter it yourself.").arg(result.domain));
            emit discoveryFinished(false);
            return;
        }
        const AutoConfigCandidate &best = result.candidates.front();
        applyDiscovery(best.host, best.port, int(best.security));
        // The provider is only proposed, like the server: the user sees it and may change it.
        if (!result.providerProfile.isEmpty() && m_provider->currentIndex() == 0) {
            if (const int index = m_provider->findData(result.providerProfile); index > 0)
                m_provider->setCurrentIndex(index);
        }
        const bool fromConfigFile = best.source == AutoConfigSource::AutoconfigHost
            || best.source == AutoConfigSource::WellKnown || best.source == AutoConfigSource::Ispdb
            || best.source == AutoConfigSource::MxAutoconfig || best.source == AutoConfigSource::IspdbMx;
        if (fromConfigFile && !best.username.isEmpty() && (m_user->text().isEmpty() || m_user->text() == address))
            m_user->setText(best.username);
        if (best.authentication == AuthenticationMethod::OAuth2 && !best.oauthProvider.isEmpty()
            && m_auth->currentIndex() == 0) {
            if (const int index = m_auth->findData(best.oauthProvider); index >= 0)
                m_auth->setCurrentIndex(index);
        }
        QString where;
        switch (best.source) {
        case AutoConfigSource::AutoconfigHost:
        case AutoConfigSource::WellKnown:
            where = tr("%1 publishes its settings: the server is %2.").arg(result.domain, best.host);
            break;
        case AutoConfigSource::Ispdb:
            where = tr("Thunderbird's central database names %1 (it was told the domain %2, nothing else).")
                        .arg(best.host, result.domain);
            break;
        case AutoConfigSource::SrvImaps:
        case AutoConfigSource::SrvImap:
            where = tr("The domain names %1 as its mail server.").arg(best.host);
            break;
        case AutoConfigSource::MxAutoconfig:
            where = tr("The domain's mail goes to %1, which publishes its settings: the server is %2.")
                        .arg(result.mxDomain, best.host);
            break;
        case AutoConfigSource::IspdbMx:
            where = tr("The domain's mail goes to %1; Thunderbird's central database names %2 for it "
                       "(it was told the domain %1, nothing else).")
                        .arg(result.mxDomain, best.host);
            break;
        case AutoConfigSource::MxGuess:
            where = tr("The domain's mail goes to a provider whose IMAP server is %1 (a guess from its MX records).")
                        .arg(best.host);
            break;
        case AutoConfigSource::Guess:
            where = tr("No server is published for this domain; %1 is a guess.").arg(best.host);
            break;
        }
        m_status->setText(where + QLatin1Char(' ') + tr("Check it before you connect."));
        emit discoveryFinished(true);
    });
    m_autoConfig->start(address, m_resolver);
}

void AccountDialog::showDiscoveryNotes(const AutoConfigResult &result)
{
    constexpr int kMaxShown = 8;
    QStringList dns, other, all;
    for (const AutoConfigNote &n : result.skipped) {
        const QString line = QStringLiteral("%1: %2").arg(n.origin.isEmpty() ? autoConfigSourceName(n.source) : n.origin, n.reason);
        all << line;
        // A DNS reason names the query itself; the others need their origin (URL or name).
        (n.dnsFailure ? dns : other) << QStringLiteral("• ") + (n.dnsFailure ? n.reason : line).left(300);
    }
    m_status->setToolTip(all.join(QLatin1Char('\n')));
    QStringList text;
    if (!dns.isEmpty())
        text << tr("DNS did not answer every question, so this proposal may be incomplete or only a guess:") << dns;
    if (!other.isEmpty()) {
        text << tr("Not used:");
        text << other.mid(0, kMaxShown);
        if (other.size() > kMaxShown)
            text << tr("… and %n more", nullptr, int(other.size() - kMaxShown));
    }
    m_discoveryNotes->setText(text.join(QLatin1Char('\n')));
    m_discoveryNotes->setVisible(!text.isEmpty());
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
    if (a.authentication == AuthenticationKind::OAuth) {
        QString problem;
        const auto provider = chosenProvider(&problem);
        auto test = [self, a, provider](const oauth::OAuthTokens &tokens) {
            AccountSync::testOAuthConnection(AccountSync::connectionSettings(a), a.username, *provider, tokens, self,
                                             [self](const QString &problem, const oauth::OAuthTokens &after) {
                                                 if (!self)
                                                     return;
                                                 self->m_test->setEnabled(true);
                                                 if (self->m_pendingTokens)
                                                     self->m_pendingTokens = after; // keep a refreshed token
                                                 self->m_status->setText(problem.isEmpty() ? tr("Connection and sign-in work.")
                                                                                           : problem);
                                                 emit self->connectionTested(problem.isEmpty(), self->m_status->text());
                                             });
        };
        if (!provider) {
            m_test->setEnabled(true);
            m_status->setText(problem);
            emit connectionTested(false, problem);
        } else if (m_pendingTokens) {
            test(*m_pendingTokens);
        } else {
            oauth::OAuthTokenStore::load(oauth::OAuthTokenStore::key(a.username, a.host, a.port), this,
                                         [self, test](oauth::OAuthExpected<oauth::OAuthTokens> t) {
                                             if (!self)
                                                 return;
                                             if (t) {
                                                 test(*t);
                                                 return;
                                             }
                                             self->m_test->setEnabled(true);
                                             self->m_status->setText(tr("Sign in first (\"Sign in…\")."));
                                             emit self->connectionTested(false, self->m_status->text());
                                         });
        }
        return;
    }
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
    showPage(TestPage); // where the user decides, whichever page the test was started from
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
    if (!id.isEmpty() && !plainTextLines(m_authserv).contains(id, Qt::CaseInsensitive))
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
    QStringList ids = plainTextLines(m_authserv);
    if (!ids.contains(m_offeredAuthserv, Qt::CaseInsensitive))
        ids << m_offeredAuthserv;
    m_authserv->setPlainText(ids.join(QLatin1Char('\n')));
    m_offerButton->setEnabled(false);
}

} // namespace sealcheck::ui
