#include "StrictHttps.h"

#include <QSslSocket>
#include <QString>

namespace sealcheck {

QSslConfiguration strictTlsConfiguration(const QList<QSslCertificate> &extraCaCertificates)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    tls.setProtocol(QSsl::SecureProtocols);
    if (!extraCaCertificates.isEmpty()) {
        // Setting roots explicitly turns off on-demand loading of the system's: add both.
        QList<QSslCertificate> roots = QSslConfiguration::systemCaCertificates();
        roots += extraCaCertificates;
        tls.setCaCertificates(roots);
    }
    return tls;
}

QNetworkRequest strictHttpsRequest(const QUrl &url, const QByteArray &accept, const QSslConfiguration &tls,
                                   const QHostAddress &connectTo, quint16 connectPort)
{
    const QString host = url.host().toLower();
    QUrl target = url;
    QNetworkRequest request;
    if (!connectTo.isNull()) {
        // Connect elsewhere, but verify and present the real name (peer name, SNI, Host).
        target.setHost(connectTo.toString());
        target.setPort(connectPort);
        request.setRawHeader("Host", host.toLatin1());
    }
    request.setUrl(target);
    request.setPeerVerifyName(host);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("sealcheck"));
    request.setRawHeader("Accept", accept);
    request.setSslConfiguration(tls);
    return request;
}

} // namespace sealcheck
