#pragma once
/// The settings of one OAuth 2.0 provider (Google, Microsoft): endpoints, scopes, the SASL
/// mechanism its IMAP servers take, whether it offers the device flow (RFC 8628).
///
/// Where they come from, later wins:
///   1. resources/providers/oauth-providers.json, compiled in (builtIn());
///      or the file named by $SEALCHECK_OAUTH_PROVIDERS instead;
///   2. a client ID given to CMake (-DSEALCHECK_OAUTH_GOOGLE_CLIENT_ID=..., likewise MICROSOFT);
///   3. the environment: SEALCHECK_OAUTH_<ID>_CLIENT_ID / _CLIENT_SECRET (ID upper case);
///   4. per-account overrides (AccountRecord::oauthOverrides): a JSON object with the same keys
///      as a provider entry in the data file.
/// The client ID is empty by default: each distributor registers its own application with
/// Google and Microsoft. validate() then says so in a sentence the user can pass on.

#include "OAuthError.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace oauth {

class OAuthProvider
{
public:
    QString id;          ///< "google", "microsoft"
    QString displayName; ///< "Google", "Microsoft 365"
    QUrl authorizationEndpoint;       ///< RFC 6749 §3.1
    QUrl tokenEndpoint;               ///< RFC 6749 §3.2
    QUrl deviceAuthorizationEndpoint; ///< RFC 8628 §3.1; empty = no device flow
    QUrl revocationEndpoint;          ///< RFC 7009 §2; empty = the provider has none
    QStringList scopes;               ///< includes offline_access where the provider needs it
    QByteArray saslMechanism = "XOAUTH2"; ///< "XOAUTH2" or "OAUTHBEARER"
    QString clientId;
    QString clientSecret; ///< for "installed app" clients that have one (not a secret there)
    /// Extra parameters of the authorization request (e.g. access_type=offline for Google).
    QMap<QString, QString> extraAuthorizationParameters;
    QString imapHost;
    quint16 imapPort = 993;
    QStringList domains; ///< mail domains served by this provider (a hint for the dialog)

    bool supportsDeviceFlow() const { return deviceAuthorizationEndpoint.isValid() && !deviceAuthorizationEndpoint.isEmpty(); }
    QString scopeString() const { return scopes.join(QLatin1Char(' ')); }

    /// NotConfigured when the client ID or an endpoint is missing.
    OAuthExpected<bool> validate() const;

    /// Reads a data file: {"providers": [{"id": ..., ...}]}. Total and bounded (1 MiB, 64 entries).
    static OAuthExpected<QList<OAuthProvider>> parseList(const QByteArray &json);
    /// Applies a JSON object's members (the data-file keys) over @p base. Empty/invalid = @p base.
    static OAuthExpected<OAuthProvider> withOverrides(OAuthProvider base, const QByteArray &overridesJson);
    /// Every provider after steps 1-3 above.
    static QList<OAuthProvider> all();
    /// One provider after steps 1-4 (NotConfigured when @p id is unknown).
    static OAuthExpected<OAuthProvider> find(const QString &id, const QByteArray &overridesJson = {});
    /// The compiled-in data file.
    static QByteArray builtInJson();
};

} // namespace oauth
