#pragma once
/// The one way this program asks a web server for something that decides security (account
/// autoconfig, the MTA-STS policy of RFC 8461 §3.3): HTTPS only, the certificate verified against
/// the real host name (RFC 9110 §4.3.4, RFC 6125), no cookies, no cache, no stored credentials,
/// redirects handed to the caller (never followed silently), HTTP/1.1.
/// Used by AccountAutoConfig (sealcheck_appcore) and MtaStsFetcher (sealcheck_posture), which both
/// link the small sealcheck_stricthttps library (app/core/CMakeLists.txt).

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrl>

namespace sealcheck {

/// TLS that verifies the peer with the secure protocol versions only, trusting the system's roots
/// plus @p extraCaCertificates (added, never replacing them). Loading the roots is slow: make it
/// once per fetcher.
QSslConfiguration strictTlsConfiguration(const QList<QSslCertificate> &extraCaCertificates);

/// A GET request for @p url (https) as described above, with @p tls, "User-Agent: sealcheck" and
/// "Accept: @p accept". When @p connectTo is not null (tests), the connection goes to
/// connectTo:connectPort instead of resolving the host, while the TLS peer name, SNI and Host
/// header stay the real (lower-case) host name. The caller sets any transfer timeout.
QNetworkRequest strictHttpsRequest(const QUrl &url, const QByteArray &accept, const QSslConfiguration &tls,
                                   const QHostAddress &connectTo = {}, quint16 connectPort = 443);

} // namespace sealcheck
