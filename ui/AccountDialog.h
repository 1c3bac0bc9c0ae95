#pragma once
// Adding or editing an IMAP account. The e-mail address pre-fills the server (ServerDiscovery,
// off the UI thread); security is implicit TLS or STARTTLS, never plain; the password goes only
// to the keychain; "Test connection" runs in a worker thread and explains failures in plain
// words. An untrusted certificate is shown with its subject and SHA-256 pin, and pinned only
// when the user clicks "Trust this certificate". Trust in an authserv-id is offered after a
// first sync, with an explanation, and only recorded when the user confirms.

#include "MessageStore.h"
#include "Resolver.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace sealcheck::ui {

class AccountDialog : public QDialog
{
    Q_OBJECT
public:
    /// @p resolver is used for server discovery (may be null: then only the guess imap.DOMAIN).
    explicit AccountDialog(std::shared_ptr<const verifier::Resolver> resolver, QWidget *parent = nullptr);
    ~AccountDialog() override;

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
    QPlainTextEdit *authservEdit() const { return m_authserv; }
    QPlainTextEdit *relaysEdit() const { return m_relays; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *trustCertificateButton() const { return m_trustCert; }

signals:
    void discoveryFinished(bool found);
    void connectionTested(bool ok, const QString &message);
    void passwordStored(bool ok, const QString &message);

private:
    void applyDiscovery(const QString &host, int port, int security);

    std::shared_ptr<const verifier::Resolver> m_resolver;
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
    QGroupBox *m_certBox;
    QLabel *m_certText;
    QPushButton *m_trustCert;
    QLabel *m_pinLabel;
    QPlainTextEdit *m_authserv;
    QLabel *m_offerText;
    QPushButton *m_offerButton;
    QPlainTextEdit *m_relays;
    QCheckBox *m_phishing;
    QString m_offeredAuthserv;
    QString m_offeredPin;
    QString m_offeredSubject;
    QString m_discoveredHost; ///< the host the last discovery wrote (so user input is never overwritten)
    int m_generation = 0;
};

} // namespace sealcheck::ui
