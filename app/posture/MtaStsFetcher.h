#pragma once
// Fetches a domain's MTA-STS policy, RFC 8461 §3.3:
//   GET https://mta-sts.<domain>/.well-known/mta-sts.txt
// - TLS is verified strictly: the certificate must chain to a trusted root and name
//   mta-sts.<domain> (RFC 8461 §3.3, RFC 6125); certificate errors are never ignored.
// - Redirects are refused (§3.3: "HTTP 3xx redirects MUST NOT be followed"); only status 200
//   with Content-Type text/plain is accepted (§3.2).
// - At most maxBytes (64 KiB) of body and timeoutMs (10 s) for the whole exchange.
// - No cache, no cookies, no credentials.
// Test seams that leave production checks as they are: extra trusted roots (beside the system
// ones), and a host → address:port map. With a mapping the TCP connection goes to that address,
// while the TLS peer name, SNI and Host header stay mta-sts.<domain>.

#include "PostureAssessor.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace sealcheck {

struct MtaStsFetchOptions
{
    /// Added to the system's trusted roots (never replacing them).
    QList<QSslCertificate> extraCaCertificates;
    struct Endpoint
    {
        QHostAddress address;
        quint16 port = 443;
    };
    /// Host name (lower case, e.g. "mta-sts.example.com") → where to connect instead of
    /// resolving it. For tests.
    QHash<QString, Endpoint> hostOverrides;
    int timeoutMs = 10000;
    qint64 maxBytes = 64 * 1024;
};

class MtaStsFetcher final : public QObject
{
    Q_OBJECT

public:
    explicit MtaStsFetcher(MtaStsFetchOptions options = {}, QObject *parent = nullptr);
    ~MtaStsFetcher() override;

    using Callback = std::function<void(const verifier::MtaStsFetchOutcome &)>;

    /// Starts the fetch for @p domain (an A-label domain, no trailing dot); @p done is called
    /// exactly once, from the event loop (also for an invalid domain).
    void fetch(const QString &domain, Callback done);
    /// The same, waiting in a local event loop. Not on the UI thread.
    verifier::MtaStsFetchOutcome fetchBlocking(const QString &domain);

    /// https://mta-sts.<domain>/.well-known/mta-sts.txt
    static QUrl policyUrl(const QString &domain);

private:
    MtaStsFetchOptions m_options;
    QNetworkAccessManager *m_network = nullptr;
};

} // namespace sealcheck
