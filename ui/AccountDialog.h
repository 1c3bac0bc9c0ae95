#pragma once
// Adding or editing an IMAP account, as a short wizard (issue 20, point 8) that fits a 768-px
// screen: 1 the address and how to sign in, 2 the server and mail provider found for it (the
// trust lists, relays, ARC sealers and keywords folded under "Advanced"), 3 the user name and
// password or the provider's sign-in, 4 the connection test. Editing opens at page 2.
// The e-mail address pre-fills the server (ServerDiscovery,
// off the UI thread); security is implicit TLS or STARTTLS, never plain; the password goes only
// to the keychain; "Test connection" runs in a worker thread and explains failures in plain
// words. An untrusted certificate is shown with its subject and SHA-256 pin, and pinned only
// when the user clicks "Trust this certificate". Trust in an authserv-id is offered after a
// first sync, with an explanation, and only recorded when the user confirms.
//
// Authentication (issue 12): "Password", or "Sign in with Google" / "Sign in with Microsoft"
// (OAuth 2.0). "Sign in…" runs the provider's flow (app/oauth/OAuthSignIn): the system browser
// with a loopback redirect, or, for Microsoft on request, a code to enter on another device,
// shown with its address. The tokens go only to the keychain when the dialog is saved; an
// optional client ID overrides the built-in one for this account.

#include "AccountAutoConfig.h"
#include "MessageStore.h"
#include "OAuthSignIn.h"
#include "OAuthTokens.h"
#include "Resolver.h"

#include <QDialog>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QToolButton;

namespace sealcheck::ui {

class AccountDialog : public QDialog
{
    Q_OBJECT
public:
    /// @p resolver is used for server discovery (may be null: then only the guess imap.DOMAIN).
    explicit AccountDialog(std::shared_ptr<const verifier::Resolver> resolver, QWidget *parent = nullptr);
    ~AccountDialog() override;

    /// The wizard's pages, in order.
    enum Page { AddressPage, ServerPage, SignInPage, TestPage, PageCount };
    /// Shows @p page (Back/Next do the same one step at a time).
    void showPage(int page);
    int currentPage() const;
    QStackedWidget *pages() const { return m_pages; }
    QPushButton *backButton() const { return m_back; }
    QPushButton *nextButton() const { return m_next; }
    QPushButton *finishButton() const { return m_finish; }
    /// Folds or unfolds the expert section of the server page (folded at first).
    QToolButton *advancedButton() const { return m_advancedButton; }
    QWidget *advancedSection() const { return m_advanced; }

    /// Fills the dialog with a stored account and opens it at the server page.
    void setAccount(const AccountRecord &account);
    /// The account as entered (no password: see password()).
    AccountRecord account() const;
    QString password() const;

    /// Saves the account in @p store (never the password) and, when a password was entered,
    /// writes it to the keychain; passwordStored() reports the keychain's answer.
    verifier::Expected<qint64> save(MessageStore &store);

    /// Looks up the server for the e-mail address (in a worker thread); discoveryFinished() follows.
    void discoverServer();
    /// Starts "Test connection"; connectionTested() follows.
    void testConnection();

    /// The provider id chosen under "Authentication" ("" = password).
    QString oauthProviderId() const;
    /// Starts "Sign in…" for the chosen provider; signInFinished() follows.
    void signIn();
    /// Replaces QDesktopServices::openUrl (tests play the browser).
    void setBrowserOpener(oauth::OAuthSignIn::BrowserOpener opener) { m_openBrowser = std::move(opener); }
    /// Passed on to the device flow (tests poll faster).
    void setMinimumPollIntervalMs(int ms) { m_minPollMs = ms; }
    /// The tokens of a sign-in done in this dialog and not yet saved.
    std::optional<oauth::OAuthTokens> pendingTokens() const { return m_pendingTokens; }

    /// After a first sync: offers the topmost authserv-id and fills the relays (when empty)
    /// from the stored reports of @p mailboxId.
    void offerTrustFromStore(const MessageStore &store, qint64 mailboxId);
    void offerAuthservId(const QString &authservId);
    /// The explanation shown with the authserv-id offer ("" when none is offered).
    QString trustOfferText() const;
    /// The user confirmed the offered authserv-id (the button's action).
    void acceptAuthservOffer();

    /// The certificate offer after an untrusted certificate (subject and base64 pin).
    void offerCertificate(const QString &subject, const QString &pin);
    QString certificateOfferText() const;
    /// The user clicked "Trust this certificate".
    void trustOfferedCertificate();

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *emailEdit() const { return m_email; }
    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portBox() const { return m_port; }
    QComboBox *securityBox() const { return m_security; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *passwordEdit() const { return m_password; }
    QCheckBox *phishingBox() const { return m_phishing; }
    /// The provider profile (resources/providers), proposed from autoconfig, MX or the address.
    QComboBox *providerBox() const { return m_provider; }
    QCheckBox *verdictKeywordsBox() const { return m_verdictKeywords; }
    QPlainTextEdit *authservEdit() const { return m_authserv; }
    QPlainTextEdit *relaysEdit() const { return m_relays; }
    QPlainTextEdit *arcSealersEdit() const { return m_arcSealers; }
    QLabel *statusLabel() const { return m_status; }
    /// Under the result: the sources discovery could not use and why, DNS failures first
    /// (hidden when there are none).
    QLabel *discoveryNotesLabel() const { return m_discoveryNotes; }
    /// Opt-in: also ask Thunderbird's central database (a third party) during discovery.
    QCheckBox *ispdbBox() const { return m_ispdb; }
    /// Discovery settings (tests: extra CA, host overrides). ispdb and offline are set per
    /// lookup from the check box and the resolver.
    void setAutoConfigOptions(const AutoConfigOptions &options) { m_autoOptions = options; }
    QComboBox *authenticationBox() const { return m_auth; }
    QPushButton *signInButton() const { return m_signIn; }
    QCheckBox *deviceCodeBox() const { return m_deviceCode; }
    QLabel *signInStatusLabel() const { return m_signInStatus; }
    QLineEdit *clientIdEdit() const { return m_clientId; }
    QPushButton *trustCertificateButton() const { return m_trustCert; }
    QPushButton *testButton() const { return m_test; }

signals:
    void discoveryFinished(bool found);
    void connectionTested(bool ok, const QString &message);
    void passwordStored(bool ok, const QString &message);
    /// The sign-in ended: @p ok, or the reason in words.
    void signInFinished(bool ok, const QString &message);
    /// After save(): the keychain's answer for the tokens of a new sign-in.
    void tokensStored(bool ok, const QString &message);

private:
    void buildPages();
    void updateNavigation();
    void applyDiscovery(const QString &host, int port, int security);
    void showDiscoveryNotes(const AutoConfigResult &result);
    void updateAuthenticationRows();
    /// The account's provider with its overrides (client ID field included).
    std::optional<oauth::OAuthProvider> chosenProvider(QString *problem) const;
    QByteArray overridesJson() const;

    std::shared_ptr<const verifier::Resolver> m_resolver;
    AutoConfigOptions m_autoOptions;
    AccountAutoConfig *m_autoConfig = nullptr;
    QCheckBox *m_ispdb = nullptr;
    AccountRecord m_record;
    QLineEdit *m_name;
    QLineEdit *m_email;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QComboBox *m_security;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QPushButton *m_test;
    QLabel *m_status;
    QLabel *m_discoveryNotes = nullptr;
    QGroupBox *m_certBox;
    QLabel *m_certText;
    QPushButton *m_trustCert;
    QLabel *m_pinLabel;
    QPlainTextEdit *m_authserv;
    QLabel *m_offerText;
    QPushButton *m_offerButton;
    QPlainTextEdit *m_relays;
    QPlainTextEdit *m_arcSealers;
    QCheckBox *m_phishing;
    QComboBox *m_provider = nullptr;
    QCheckBox *m_verdictKeywords;
    QString m_offeredAuthserv;
    QString m_offeredPin;
    QString m_offeredSubject;
    QString m_discoveredHost; ///< the host the last discovery wrote (so user input is never overwritten)
    QComboBox *m_auth;
    QPushButton *m_signIn;
    QCheckBox *m_deviceCode;
    QLabel *m_signInStatus;
    QLineEdit *m_clientId;
    QLabel *m_passwordLabel = nullptr;
    QLabel *m_passwordNote = nullptr;
    QLabel *m_clientIdLabel = nullptr;
    QWidget *m_signInRow = nullptr;
    oauth::OAuthSignIn *m_flow = nullptr;
    oauth::OAuthSignIn::BrowserOpener m_openBrowser;
    int m_minPollMs = 5000;
    std::optional<oauth::OAuthTokens> m_pendingTokens;
    QStackedWidget *m_pages = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_next = nullptr;
    QPushButton *m_finish = nullptr;
    QToolButton *m_advancedButton = nullptr;
    QWidget *m_advanced = nullptr;
    QLabel *m_pageTitle = nullptr;
    QString m_discoveredFor; ///< the address the last discovery was started for
};

} // namespace sealcheck::ui
