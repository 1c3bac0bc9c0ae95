#include "LoginTask.h"

#include "ImapConnection.h"
#include "ImapMailboxName.h"
#include "SaslPlain.h"

namespace imap {

LoginTask::LoginTask(const QString &user, const QString &password, QObject *parent)
    : ImapTask(parent), m_user(user), m_password(password)
{
}

LoginTask::LoginTask(std::unique_ptr<SaslMechanism> mechanism, QObject *parent)
    : ImapTask(parent), m_mechanism(std::move(mechanism))
{
}

LoginTask::~LoginTask() = default;

void LoginTask::perform()
{
    ImapConnection *c = connection();
    if (!c->isEncrypted()) {
        fail(ImapError{ImapErrorKind::StartTlsNotOffered,
                       QStringLiteral("refusing to send the password over an unencrypted connection"), {}, {}});
        return;
    }
    if (c->isAuthenticated()) {
        succeed();
        return;
    }
    if (!m_mechanism && c->hasCapability("AUTH=PLAIN"))
        m_mechanism = std::make_unique<SaslPlain>(m_user, m_password);
    if (m_mechanism) {
        if (!c->hasCapability("AUTH=" + m_mechanism->name())) {
            fail(ImapError{ImapErrorKind::LoginDisabled,
                           QStringLiteral("the server does not offer the %1 login method")
                               .arg(QString::fromLatin1(m_mechanism->name())),
                           {}, {}});
            return;
        }
        authenticate();
        return;
    }
    if (c->hasCapability("LOGINDISABLED")) {
        fail(ImapError{ImapErrorKind::LoginDisabled,
                       QStringLiteral("the server does not allow password login (LOGINDISABLED) and offers no "
                                      "supported authentication method"),
                       {}, {}});
        return;
    }
    login();
}

void LoginTask::authenticate()
{
    const QByteArray name = m_mechanism->name();
    if (connection()->hasCapability("SASL-IR")) {
        if (auto ir = m_mechanism->initialResponse()) {
            const QByteArray payload = ir->isEmpty() ? QByteArray("=") : ir->toBase64();
            m_loginTag = send(ImapCommand{{"AUTHENTICATE " + name + ' ' + payload},
                                          "AUTHENTICATE " + name + " <redacted>", true});
            return;
        }
    }
    m_loginTag = send(ImapCommand{{"AUTHENTICATE " + name}, {}, true});
}

void LoginTask::handleContinuation(const ImapResponse &response)
{
    if (!m_mechanism)
        return;
    const auto challenge = QByteArray::fromBase64Encoding(response.text.trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    ImapExpected<QByteArray> answer = ImapError{};
    if (!challenge)
        answer = ImapError{ImapErrorKind::ProtocolError, QStringLiteral("the server sent an invalid SASL challenge"), {}, {}};
    else
        answer = m_mechanism->respond(challenge.decoded);
    if (!answer) {
        connection()->sendContinuationLine("*", "* (authentication cancelled)");
        return; // the server answers BAD/NO to the cancel; that ends the task
    }
    connection()->sendContinuationLine(answer->isEmpty() ? QByteArray() : answer->toBase64(), "<redacted>");
}

static bool needsLiteral(const QByteArray &s)
{
    for (char c : s)
        if (c == '\r' || c == '\n' || c == '\0' || static_cast<unsigned char>(c) >= 0x80)
            return true;
    return false;
}

void LoginTask::login()
{
    m_usedLogin = true;
    const QByteArray user = m_user.toUtf8();
    const QByteArray pass = m_password.toUtf8();
    if (user.contains('\0') || pass.contains('\0') || user.contains('\r') || user.contains('\n')
        || pass.contains('\r') || pass.contains('\n')) {
        fail(ImapError{ImapErrorKind::AuthenticationFailed,
                       QStringLiteral("the user name or password contains a line break or NUL"), {}, {}});
        return;
    }
    // 8-bit credentials go as synchronising literals; the rest as atoms/quoted strings.
    QList<QByteArray> segments{"LOGIN "};
    auto add = [&](const QByteArray &value, const QByteArray &sep) {
        if (needsLiteral(value)) {
            segments.last() += '{' + QByteArray::number(value.size()) + '}';
            segments.append(value + sep);
        } else {
            segments.last() += (value.isEmpty() ? QByteArray("\"\"") : quoteAString(value)) + sep;
        }
    };
    add(user, " ");
    add(pass, QByteArray());
    const QByteArray userLog = needsLiteral(user) ? QByteArray("{user literal}") : quoteAString(user);
    m_loginTag = send(ImapCommand{segments, "LOGIN " + userLog + " <password redacted>", false});
}

void LoginTask::handleTagged(const ImapResponse &response)
{
    if (m_refreshingCapabilities) {
        if (response.status == ResponseStatus::Ok)
            succeed();
        else
            fail(commandFailed("CAPABILITY", response));
        return;
    }
    if (response.status != ResponseStatus::Ok) {
        const QByteArray code = response.code ? response.code->name : QByteArray();
        if (m_mechanism && m_mechanism->credential() == SaslCredential::BearerToken && code != "UNAVAILABLE") {
            fail(ImapError{ImapErrorKind::AuthenticationFailed,
                           QStringLiteral("the token was refused: it has expired or was revoked (the server said: %1)")
                               .arg(serverText(response.text)),
                           {}, {}});
            return;
        }
        QString what;
        if (code == "UNAVAILABLE")
            what = QStringLiteral("the server cannot log you in right now, try again later");
        else if (code == "EXPIRED")
            what = QStringLiteral("the password has expired");
        else if (code == "PRIVACYREQUIRED")
            what = QStringLiteral("the server requires a more private connection");
        else if (code == "CONTACTADMIN")
            what = QStringLiteral("the server asks you to contact your administrator");
        else
            what = QStringLiteral("wrong user name or password");
        fail(ImapError{ImapErrorKind::AuthenticationFailed,
                       QStringLiteral("login failed: %1 (the server said: %2)").arg(what, serverText(response.text)),
                       {}, {}});
        return;
    }
    connection()->setAuthenticated();
    if (response.code && response.code->name == "CAPABILITY") {
        succeed();
        return;
    }
    m_refreshingCapabilities = true;
    send(ImapCommand::plain("CAPABILITY"));
}

} // namespace imap
