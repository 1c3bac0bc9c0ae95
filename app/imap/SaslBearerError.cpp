#include "SaslBearerError.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace imap {

std::optional<QString> SaslBearerError::parseStatus(const QByteArray &challenge)
{
    constexpr qsizetype kMaxChallenge = 4096;
    if (challenge.isEmpty() || challenge.size() > kMaxChallenge)
        return std::nullopt;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(challenge, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonValue status = doc.object().value(QLatin1String("status"));
    if (status.isString())
        return status.toString().left(200);
    if (status.isDouble())
        return QString::number(status.toInt());
    return QString();
}

} // namespace imap
