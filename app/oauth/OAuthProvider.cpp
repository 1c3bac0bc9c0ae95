#include "OAuthProvider.h"

#include "OAuthProvidersData.h" // generated from resources/providers/oauth-providers.json

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace oauth {

namespace {

constexpr qsizetype kMaxFile = 1024 * 1024;
constexpr int kMaxProviders = 64;

QStringList stringList(const QJsonValue &v)
{
    QStringList out;
    if (v.isString())
        return v.toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QJsonValue &e : v.toArray()) {
        if (e.isString() && out.size() < 64)
            out.push_back(e.toString());
    }
    return out;
}

QUrl endpoint(const QJsonValue &v)
{
    const QUrl u(v.toString(), QUrl::StrictMode);
    return u.isValid() && (u.scheme() == QLatin1String("https") || u.scheme() == QLatin1String("http")) ? u : QUrl();
}

/// Applies the members present in @p o over @p p.
void apply(OAuthProvider &p, const QJsonObject &o)
{
    auto has = [&](const char *key) { return o.contains(QLatin1String(key)); };
    auto str = [&](const char *key) { return o.value(QLatin1String(key)).toString(); };
    if (has("id"))
        p.id = str("id").toLower();
    if (has("name"))
        p.displayName = str("name");
    if (has("authorization_endpoint"))
        p.authorizationEndpoint = endpoint(o.value(QLatin1String("authorization_endpoint")));
    if (has("token_endpoint"))
        p.tokenEndpoint = endpoint(o.value(QLatin1String("token_endpoint")));
    if (has("device_authorization_endpoint"))
        p.deviceAuthorizationEndpoint = endpoint(o.value(QLatin1String("device_authorization_endpoint")));
    if (has("revocation_endpoint"))
        p.revocationEndpoint = endpoint(o.value(QLatin1String("revocation_endpoint")));
    if (has("scopes"))
        p.scopes = stringList(o.value(QLatin1String("scopes")));
    if (has("sasl_mechanism")) {
        const QByteArray m = str("sasl_mechanism").toUpper().toLatin1();
        if (m == "XOAUTH2" || m == "OAUTHBEARER")
            p.saslMechanism = m;
    }
    if (has("client_id"))
        p.clientId = str("client_id");
    if (has("client_secret"))
        p.clientSecret = str("client_secret");
    if (has("authorization_parameters")) {
        const QJsonObject extra = o.value(QLatin1String("authorization_parameters")).toObject();
        for (auto it = extra.begin(); it != extra.end(); ++it)
            p.extraAuthorizationParameters.insert(it.key(), it.value().toString());
    }
    if (has("imap_host"))
        p.imapHost = str("imap_host");
    if (has("imap_port")) {
        const int port = o.value(QLatin1String("imap_port")).toInt();
        if (port > 0 && port < 65536)
            p.imapPort = quint16(port);
    }
    if (has("domains"))
        p.domains = stringList(o.value(QLatin1String("domains")));
}

QString compiledClientId(const QString &id)
{
#ifdef SEALCHECK_OAUTH_GOOGLE_CLIENT_ID
    if (id == QLatin1String("google"))
        return QStringLiteral(SEALCHECK_OAUTH_GOOGLE_CLIENT_ID);
#endif
#ifdef SEALCHECK_OAUTH_MICROSOFT_CLIENT_ID
    if (id == QLatin1String("microsoft"))
        return QStringLiteral(SEALCHECK_OAUTH_MICROSOFT_CLIENT_ID);
#endif
    Q_UNUSED(id);
    return {};
}

} // namespace

OAuthExpected<bool> OAuthProvider::validate() const
{
    const QString name = displayName.isEmpty() ? id : displayName;
    if (clientId.isEmpty())
        return OAuthError{OAuthErrorKind::NotConfigured,
                          QStringLiteral("Sign-in with %1 is not set up in this build: it has no OAuth client ID. "
                                         "Whoever distributes Sealcheck registers one with %1 and sets it "
                                         "(-DSEALCHECK_OAUTH_%2_CLIENT_ID at build time, or the environment "
                                         "variable SEALCHECK_OAUTH_%2_CLIENT_ID); it can also be set per account.")
                              .arg(name, id.toUpper()),
                          {}};
    if (!authorizationEndpoint.isValid() || authorizationEndpoint.isEmpty() || !tokenEndpoint.isValid()
        || tokenEndpoint.isEmpty())
        return OAuthError{OAuthErrorKind::NotConfigured,
                          QStringLiteral("The sign-in settings for %1 lack an authorization or token address.").arg(name),
                          {}};
    return true;
}

OAuthExpected<QList<OAuthProvider>> OAuthProvider::parseList(const QByteArray &json)
{
    if (json.size() > kMaxFile)
        return OAuthError{OAuthErrorKind::NotConfigured, QStringLiteral("the OAuth provider file is too large"), {}};
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return OAuthError{OAuthErrorKind::NotConfigured,
                          QStringLiteral("the OAuth provider file is not valid JSON: %1").arg(error.errorString()), {}};
    QList<OAuthProvider> out;
    for (const QJsonValue &v : doc.object().value(QLatin1String("providers")).toArray()) {
        if (!v.isObject() || out.size() >= kMaxProviders)
            continue;
        OAuthProvider p;
        apply(p, v.toObject());
        if (!p.id.isEmpty())
            out.push_back(p);
    }
    return out;
}

OAuthExpected<OAuthProvider> OAuthProvider::withOverrides(OAuthProvider base, const QByteArray &overridesJson)
{
    if (overridesJson.trimmed().isEmpty())
        return base;
    if (overridesJson.size() > kMaxFile)
        return OAuthError{OAuthErrorKind::NotConfigured, QStringLiteral("the account's OAuth settings are too large"), {}};
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(overridesJson, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return OAuthError{OAuthErrorKind::NotConfigured,
                          QStringLiteral("the account's OAuth settings are not a JSON object"), {}};
    QJsonObject o = doc.object();
    o.remove(QLatin1String("id")); // an override never renames the provider
    apply(base, o);
    return base;
}

QByteArray OAuthProvider::builtInJson()
{
    return QByteArray(kOAuthProvidersJson);
}

QList<OAuthProvider> OAuthProvider::all()
{
    QByteArray json = builtInJson();
    const QString file = qEnvironmentVariable("SEALCHECK_OAUTH_PROVIDERS");
    if (!file.isEmpty()) {
        QFile f(file);
        if (f.open(QIODevice::ReadOnly))
            json = f.read(kMaxFile + 1);
        else
            qWarning("SEALCHECK_OAUTH_PROVIDERS: cannot read %s; using the built-in providers", qPrintable(file));
    }
    auto list = parseList(json);
    if (!list)
        return {};
    for (OAuthProvider &p : *list) {
        if (const QString compiled = compiledClientId(p.id); !compiled.isEmpty())
            p.clientId = compiled;
        const QByteArray prefix = "SEALCHECK_OAUTH_" + p.id.toUpper().toLatin1();
        if (qEnvironmentVariableIsSet(prefix + "_CLIENT_ID"))
            p.clientId = qEnvironmentVariable(prefix + "_CLIENT_ID");
        if (qEnvironmentVariableIsSet(prefix + "_CLIENT_SECRET"))
            p.clientSecret = qEnvironmentVariable(prefix + "_CLIENT_SECRET");
    }
    return *list;
}

OAuthExpected<OAuthProvider> OAuthProvider::find(const QString &id, const QByteArray &overridesJson)
{
    for (const OAuthProvider &p : all()) {
        if (p.id == id.toLower())
            return withOverrides(p, overridesJson);
    }
    return OAuthError{OAuthErrorKind::NotConfigured,
                      QStringLiteral("Sealcheck knows no sign-in provider called \"%1\".").arg(id), {}};
}

} // namespace oauth
