#include "OAuthTokens.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace oauth {

bool OAuthTokens::expiresWithin(qint64 now, qint64 marginSeconds) const
{
    if (accessToken.isEmpty())
        return true;
    return expiresAt != 0 && expiresAt - marginSeconds <= now;
}

QByteArray OAuthTokens::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("provider"), providerId);
    o.insert(QLatin1String("access_token"), accessToken);
    o.insert(QLatin1String("refresh_token"), refreshToken);
    o.insert(QLatin1String("token_type"), tokenType);
    o.insert(QLatin1String("scope"), scope);
    o.insert(QLatin1String("expires_at"), double(expiresAt));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<OAuthTokens> OAuthTokens::fromJson(const QByteArray &json)
{
    if (json.size() > 64 * 1024)
        return std::nullopt;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    OAuthTokens t;
    t.providerId = o.value(QLatin1String("provider")).toString();
    t.accessToken = o.value(QLatin1String("access_token")).toString();
    t.refreshToken = o.value(QLatin1String("refresh_token")).toString();
    t.tokenType = o.value(QLatin1String("token_type")).toString(QStringLiteral("Bearer"));
    t.scope = o.value(QLatin1String("scope")).toString();
    t.expiresAt = qint64(o.value(QLatin1String("expires_at")).toDouble());
    if (t.accessToken.isEmpty() && t.refreshToken.isEmpty())
        return std::nullopt;
    return t;
}

} // namespace oauth
