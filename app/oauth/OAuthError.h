#pragma once
/// Why an OAuth 2.0 step could not give tokens. "Sign in again" (SignInRequired) is apart from
/// "try again later" (Network, ServerError): the first needs the user, the second a retry.

#include <QMetaType>
#include <QString>

#include <utility>
#include <variant>

namespace oauth {

enum class OAuthErrorKind {
    NotConfigured,  ///< no client ID (or no endpoint) for the provider: a distributor's setting
    Network,        ///< the authorization server could not be reached or timed out
    ServerError,    ///< 5xx, or an answer that could not be read
    SignInRequired, ///< invalid_grant (RFC 6749 §5.2): the refresh token is revoked or expired
    AccessDenied,   ///< the user refused (access_denied, RFC 6749 §4.1.2.1 / RFC 8628 §3.5)
    Expired,        ///< the device code expired before the user finished (RFC 8628 §3.5)
    Cancelled,      ///< the caller cancelled the flow
    Keychain,       ///< the tokens could not be read from or written to the keychain
};

struct OAuthError
{
    OAuthErrorKind kind = OAuthErrorKind::ServerError;
    QString message; ///< English, one sentence; never contains a token
    QString oauthCode; ///< the "error" member of the server's answer, e.g. "invalid_grant"
};

template<typename T>
class [[nodiscard]] OAuthExpected
{
public:
    OAuthExpected(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    OAuthExpected(OAuthError error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T &value() & { return std::get<0>(m_v); }
    const T &value() const & { return std::get<0>(m_v); }
    T *operator->() { return &std::get<0>(m_v); }
    const T *operator->() const { return &std::get<0>(m_v); }
    T &operator*() & { return std::get<0>(m_v); }
    const T &operator*() const & { return std::get<0>(m_v); }
    const OAuthError &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, OAuthError> m_v;
};

} // namespace oauth

Q_DECLARE_METATYPE(oauth::OAuthError)
