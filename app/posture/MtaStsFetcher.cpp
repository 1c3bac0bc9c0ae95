#include "MtaStsFetcher.h"
#include "StrictHttps.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>

#include <memory>

namespace sealcheck {

namespace {

using Failure = verifier::MtaStsFetchFailure;

verifier::MtaStsFetchOutcome failure(Failure kind, const QString &why)
{
    verifier::MtaStsFetchOutcome o;
    o.fetched = false;
    o.error = why.toStdString();
    o.failure = kind;
    return o;
}

// The state of one fetch, shared by the reply's signal handlers.
struct Job
{
    QPointer<QNetworkReply> reply;
    QByteArray body;
    QString error;
    QStringList sslErrors;
    bool done = false;
    MtaStsFetcher::Callback callback;

    void finish(const verifier::MtaStsFetchOutcome &outcome)
    {
        if (done)
            return;
        done = true;
        if (reply) {
            reply->disconnect();
            if (reply->isRunning())
                reply->abort();
            reply->deleteLater();
        }
        if (callback)
            callback(outcome);
    }
};

} // namespace

MtaStsFetcher::MtaStsFetcher(MtaStsFetchOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_network(new QNetworkAccessManager(this))
{
    m_network->setCookieJar(nullptr);
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

MtaStsFetcher::~MtaStsFetcher() = default;

QUrl MtaStsFetcher::policyUrl(const QString &domain)
{
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(QStringLiteral("mta-sts.") + domain, QUrl::StrictMode);
    url.setPath(QStringLiteral("/.well-known/mta-sts.txt"));
    return url;
}

void MtaStsFetcher::fetch(const QString &domainIn, Callback done)
{
    const QString domain = domainIn.toLower();
    const QUrl url = policyUrl(domain);
    const QString host = url.host();
    if (!url.isValid() || host.isEmpty() || host != QStringLiteral("mta-sts.") + domain) {
        QTimer::singleShot(0, this, [done, domainIn] {
            done(failure(Failure::InvalidDomain, QStringLiteral("'%1' is not a valid domain name").arg(domainIn)));
        });
        return;
    }

    const MtaStsFetchOptions::Endpoint connectTo = m_options.hostOverrides.value(host); // null address: resolve
    QNetworkRequest request = strictHttpsRequest(url, "text/plain", strictTlsConfiguration(m_options.extraCaCertificates),
                                                 connectTo.address, connectTo.port);
    request.setTransferTimeout(m_options.timeoutMs);

    auto job = std::make_shared<Job>();
    job->callback = std::move(done);
    QNetworkReply *reply = m_network->get(request);
    job->reply = reply;
    const qint64 maxBytes = m_options.maxBytes;

    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [job, this] {
        job->finish(failure(Failure::Timeout, QStringLiteral("no answer within %1 seconds").arg(m_options.timeoutMs / 1000.0)));
    });
    timer->start(m_options.timeoutMs);

    connect(reply, &QNetworkReply::sslErrors, this, [job](const QList<QSslError> &errors) {
        // Recorded for the message; never ignored.
        for (const QSslError &e : errors)
            job->sslErrors << e.errorString();
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, [job, maxBytes] {
        if (!job->reply)
            return;
        const QVariant length = job->reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > maxBytes)
            job->finish(failure(Failure::TooLarge, QStringLiteral("the policy is larger than %1 KiB").arg(maxBytes / 1024)));
    });
    connect(reply, &QNetworkReply::readyRead, this, [job, maxBytes] {
        if (!job->reply)
            return;
        job->body += job->reply->read(maxBytes + 1 - job->body.size());
        if (job->body.size() > maxBytes)
            job->finish(failure(Failure::TooLarge, QStringLiteral("the policy is larger than %1 KiB").arg(maxBytes / 1024)));
    });
    connect(reply, &QNetworkReply::finished, this, [job, maxBytes, host] {
        if (job->done || !job->reply)
            return;
        QNetworkReply *r = job->reply;
        const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (r->error() != QNetworkReply::NoError && status == 0) {
            QString why = r->errorString();
            Failure kind = r->error() == QNetworkReply::OperationCanceledError || r->error() == QNetworkReply::TimeoutError
                               ? Failure::Timeout
                               : Failure::Connection;
            if (!job->sslErrors.isEmpty()) {
                why = QStringLiteral("TLS certificate of %1 not accepted: %2").arg(host, job->sslErrors.join(QStringLiteral("; ")));
                kind = Failure::Certificate;
            }
            job->finish(failure(kind, why));
            return;
        }
        if (status >= 300 && status < 400) {
            const QString location = QString::fromLatin1(r->rawHeader("Location"));
            job->finish(failure(Failure::Redirect, QStringLiteral("the server answers with a redirect (HTTP %1%2), which MTA-STS forbids")
                                    .arg(status)
                                    .arg(location.isEmpty() ? QString() : QStringLiteral(" to ") + location)));
            return;
        }
        if (status != 200) {
            job->finish(failure(Failure::HttpStatus, QStringLiteral("the server answers HTTP %1, not 200").arg(status)));
            return;
        }
        const QString type = r->header(QNetworkRequest::ContentTypeHeader).toString();
        const QString mediaType = type.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
        if (mediaType != QLatin1String("text/plain")) {
            job->finish(failure(Failure::ContentType, QStringLiteral("the policy is served as '%1', not text/plain")
                                    .arg(type.isEmpty() ? QStringLiteral("no Content-Type") : type)));
            return;
        }
        job->body += r->read(maxBytes + 1 - job->body.size());
        if (job->body.size() > maxBytes) {
            job->finish(failure(Failure::TooLarge, QStringLiteral("the policy is larger than %1 KiB").arg(maxBytes / 1024)));
            return;
        }
        verifier::MtaStsFetchOutcome ok;
        ok.fetched = true;
        ok.body = job->body.toStdString();
        job->finish(ok);
    });
}

verifier::MtaStsFetchOutcome MtaStsFetcher::fetchBlocking(const QString &domain)
{
    QEventLoop loop;
    verifier::MtaStsFetchOutcome result;
    bool finished = false;
    fetch(domain, [&](const verifier::MtaStsFetchOutcome &o) {
        result = o;
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return result;
}

} // namespace sealcheck
