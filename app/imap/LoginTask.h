#pragma once
/// Authentication (RFC 9051 §6.2.2 AUTHENTICATE, §6.2.3 LOGIN). With a SaslMechanism it runs
/// AUTHENTICATE <mech>, sending the first message inline when SASL-IR (RFC 4959) is offered.
/// With a user name and password it prefers AUTHENTICATE PLAIN when AUTH=PLAIN is offered, else
/// LOGIN — and refuses LOGIN when the server says LOGINDISABLED. Runs only on an encrypted
/// connection. A NO is ImapErrorKind::AuthenticationFailed: "wrong user name or password"
/// unless the server gave a more specific response code (RFC 5530).
/// Afterwards the capabilities are refreshed (from [CAPABILITY] or a CAPABILITY command).
/// With a bearer-token mechanism (XOAUTH2, OAUTHBEARER: SaslCredential::BearerToken) a NO is
/// still ImapErrorKind::AuthenticationFailed, with the sentence "the token was refused ...":
/// the caller refreshes the token once and tries again, and asks the user to sign in again only
/// when that fails (RFC 7628 §3.2.3, RFC 6749 §6).

#include "ImapTask.h"
#include "SaslMechanism.h"

#include <memory>

namespace imap {

class LoginTask final : public ImapTask
{
    Q_OBJECT
public:
    LoginTask(const QString &user, const QString &password, QObject *parent = nullptr);
    explicit LoginTask(std::unique_ptr<SaslMechanism> mechanism, QObject *parent = nullptr);
    ~LoginTask() override;

protected:
    void perform() override;
    void handleTagged(const ImapResponse &response) override;
    void handleContinuation(const ImapResponse &response) override;

private:
    void authenticate();
    void login();

    QString m_user;
    QString m_password;
    std::unique_ptr<SaslMechanism> m_mechanism;
    QByteArray m_loginTag;
    bool m_refreshingCapabilities = false;
    bool m_usedLogin = false;
};

} // namespace imap
