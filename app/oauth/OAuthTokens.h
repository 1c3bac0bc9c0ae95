#pragma once
/// The tokens of one account (RFC 6749 §5.1): kept only in the keychain (OAuthTokenStore), as
/// the JSON of toJson(). Never logged, never written to the message store.

#include <QByteArray>
#include <QMetaType>
#include <QString>

#include <optional>

namespace oauth {

struct OAuthTokens
{
    QString providerId;
    QString accessToken;
    QString refreshToken; ///< empty when the server gave none
    QString tokenType = QStringLiteral("Bearer");
    QString scope;
    qint64 expiresAt = 0; ///< Unix seconds; 0 = unknown (treated as valid until refused)

    /// True when the access token is missing or expires within @p marginSeconds of @p now.
    bool expiresWithin(qint64 now, qint64 marginSeconds = 60) const;

    QByteArray toJson() const;
    /// Total: nullopt for anything that is not such an object (at most 64 KiB).
    static std::optional<OAuthTokens> fromJson(const QByteArray &json);

    bool operator==(const OAuthTokens &) const = default;
};

} // namespace oauth

Q_DECLARE_METATYPE(oauth::OAuthTokens)
