#include "AccountAutoConfig.h"

#include "ProviderProfiles.h"

#include "AutoConfigNames.h"
#include "ServerDiscovery.h"
#include "StrictHttps.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslError>
#include <QThread>
#include <QTimer>
#include <QXmlStreamReader>

#include <algorithm>
#include <map>

namespace sealcheck {

using namespace autoconfig;

namespace {

constexpr int kMaxRedirects = 3;

bool isSameSite(const QString &host, const QString &site)
{
    return host == site || host.endsWith(QLatin1Char('.') + site);
}

AutoConfigSource fromDiscovered(DiscoveredServer::Source s)
{
    switch (s) {
    case DiscoveredServer::Source::SrvImaps:
        return AutoConfigSource::SrvImaps;
    case DiscoveredServer::Source::SrvImap:
        return AutoConfigSource::SrvImap;
    case DiscoveredServer::Source::MxGuess:
        return AutoConfigSource::MxGuess;
    case DiscoveredServer::Source::Guess:
        return AutoConfigSource::Guess;
    }
    return AutoConfigSource::Guess;
}

} // namespace

QString autoConfigSourceName(AutoConfigSource source)
{
    switch (source) {
    case AutoConfigSource::AutoconfigHost:
        return QStringLiteral("autoconfig-host");
    case AutoConfigSource::WellKnown:
        return QStringLiteral("well-known");
    case AutoConfigSource::Ispdb:
        return QStringLiteral("ispdb");
    case AutoConfigSource::SrvImaps:
        return QStringLiteral("srv-imaps");
    case AutoConfigSource::SrvImap:
        return QStringLiteral("srv-imap");
    case AutoConfigSource::MxAutoconfig:
        return QStringLiteral("mx-autoconfig");
    case AutoConfigSource::IspdbMx:
        return QStringLiteral("ispdb-mx");
    case AutoConfigSource::MxGuess:
        return QStringLiteral("mx-guess");
    case AutoConfigSource::Guess:
        return QStringLiteral("guess");
    }
    return QStringLiteral("guess");
}

// ---- the asynchronous run -----------------------------------------------------------------

struct AccountAutoConfig::Run
{
    QString address;
    QString domain;
    int pendingFetches = 0;
    int ownFetchesPending = 0; ///< of sources 1-3 (the domain's own configuration)
    bool dnsPending = false;
    bool mxStarted = false;    ///< source 5 asked
    QString mxDomain;          ///< the MX hosts' organisational domain when another organisation's
    bool done = false;
    std::map<AutoConfigSource, QVector<AutoConfigCandidate>> found;
    QVector<AutoConfigNote> skipped;
    QStringList contacted;
    QList<QPointer<QNetworkReply>> replies;
    QPointer<QTimer> deadline;
    // DNS results, written by the worker thread before it finishes.
    struct Dns
    {
        QVector<DiscoveredServer> servers;
        QVector<DnsFailure> failures;
        MxLookup mx;
    };
    std::shared_ptr<Dns> dns;
};

AccountAutoConfig::AccountAutoConfig(AutoConfigOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_network(new QNetworkAccessManager(this))
{
    qRegisterMetaType<sealcheck::AutoConfigResult>();
    m_network->setCookieJar(nullptr);
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_tls = strictTlsConfiguration(m_options.extraCaCertificates);
}

AccountAutoConfig::~AccountAutoConfig()
{
    cancel();
}

bool AccountAutoConfig::isRunning() const
{
    return m_run && !m_run->done;
}

void AccountAutoConfig::cancel()
{
    if (!m_run)
        return;
    std::shared_ptr<Run> run = std::move(m_run);
    run->done = true;
    for (const QPointer<QNetworkReply> &reply : run->replies) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
    if (run->deadline)
        run->deadline->deleteLater();
}

void AccountAutoConfig::start(const QString &address, std::shared_ptr<const verifier::Resolver> resolver)
{
    cancel();
    auto run = std::make_shared<Run>();
    m_run = run;
    run->address = address.trimmed();
    run->domain = ServerDiscovery::domainOf(run->address);
    if (run->domain.isEmpty() || localPartOf(run->address).isEmpty()) {
        QTimer::singleShot(0, this, [this, run] { finishIfDone(run, false); });
        return;
    }

    auto *deadline = new QTimer(this);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this, [this, run] { finishIfDone(run, true); });
    run->deadline = deadline;
    deadline->start(m_options.timeoutMs);

    QList<AutoConfigSource> https;
    if (!m_options.offline) {
        https << AutoConfigSource::AutoconfigHost << AutoConfigSource::WellKnown;
        if (m_options.ispdb == IspdbLookup::Allowed)
            https << AutoConfigSource::Ispdb;
    }
    for (AutoConfigSource s : https) {
        const QUrl url = configUrl(s, run->address);
        if (!url.isValid()) {
            run->skipped.push_back({s, QString(), QStringLiteral("no valid URL for this domain")});
            continue;
        }
        ++run->pendingFetches;
        ++run->ownFetchesPending;
        fetch(run, s, url, 0);
    }

    if (resolver) {
        run->dnsPending = true;
        run->dns = std::make_shared<Run::Dns>();
        auto dns = run->dns;
        const QString a = run->address;
        QThread *worker = QThread::create([dns, resolver, a] {
            QVector<DnsFailure> failures;
            QVector<DiscoveredServer> servers = ServerDiscovery::discover(*resolver, a, &failures);
            dns->mx = ServerDiscovery::lookupMx(*resolver, a, verifier::PublicSuffixList::system(), &failures);
            dns->failures = failures;
            const QVector<DiscoveredServer> mx = ServerDiscovery::guessFromMx(dns->mx, ServerDiscovery::domainOf(a));
            // The MX guess goes before the plain guess (the last entry of discover()).
            const qsizetype at = servers.isEmpty() ? 0 : servers.size() - 1;
            for (qsizetype i = 0; i < mx.size(); ++i)
                servers.insert(at + i, mx[i]);
            dns->servers = servers;
        });
        // Queued to this thread; dropped automatically if this object is gone.
        connect(worker, &QThread::finished, this, [this, run] {
            if (run->done)
                return;
            run->dnsPending = false;
            for (const DnsFailure &f : run->dns->failures) {
                AutoConfigSource source = AutoConfigSource::MxGuess;
                if (f.type == verifier::RrType::SRV)
                    source = f.name.startsWith(QLatin1String("_imaps.")) ? AutoConfigSource::SrvImaps : AutoConfigSource::SrvImap;
                run->skipped.push_back({source, f.name, dnsFailureReason(f), true});
            }
            if (run->dns->mx.otherOrganisation)
                run->mxDomain = run->dns->mx.organisationalDomain;
            startMxFetchesIfDue(run);
            finishIfDone(run, false);
        });
        connect(worker, &QThread::finished, worker, &QObject::deleteLater);
        worker->start();
    }
    if (run->pendingFetches == 0 && !run->dnsPending)
        QTimer::singleShot(0, this, [this, run] { finishIfDone(run, false); });
}

void AccountAutoConfig::fetch(const std::shared_ptr<Run> &run, AutoConfigSource source, const QUrl &url, int redirects)
{
    const QString host = url.host().toLower();
    const QString origin = url.toString();
    run->contacted << origin;

    const AutoConfigOptions::Endpoint connectTo = m_options.hostOverrides.value(host); // null address: resolve
    const QNetworkRequest request =
        strictHttpsRequest(url, "application/xml, text/xml", m_tls, connectTo.address, connectTo.port);

    QNetworkReply *reply = m_network->get(request);
    run->replies << reply;
    auto body = std::make_shared<QByteArray>();
    auto sslErrors = std::make_shared<QStringList>();
    auto finished = std::make_shared<bool>(false);
    const qint64 maxBytes = m_options.limits.maxBytes;
    QPointer<QNetworkReply> guard(reply);

    // Ends this fetch once: either with a config, a note, or a follow-up redirect.
    auto conclude = [this, run, source, origin, guard, finished](const QString &why, const QByteArray *xml) {
        if (*finished || run->done)
            return;
        *finished = true;
        if (guard) {
            guard->disconnect(this);
            if (guard->isRunning())
                guard->abort();
            guard->deleteLater();
        }
        if (xml) {
            auto config = parseClientConfig(*xml, m_options.limits);
            if (!config.ok()) {
                run->skipped.push_back({source, origin, QString::fromStdString(config.error().message)});
            } else {
                run->found[source] += candidatesFromConfig(*config, run->address, source, origin, &run->skipped);
            }
        } else if (!why.isEmpty()) {
            run->skipped.push_back({source, origin, why});
        }
        --run->pendingFetches;
        if (source == AutoConfigSource::AutoconfigHost || source == AutoConfigSource::WellKnown
            || source == AutoConfigSource::Ispdb)
            --run->ownFetchesPending;
        startMxFetchesIfDue(run);
        finishIfDone(run, false);
    };

    connect(reply, &QNetworkReply::sslErrors, this, [sslErrors](const QList<QSslError> &errors) {
        for (const QSslError &e : errors) // recorded for the message; never ignored
            *sslErrors << e.errorString();
    });
    connect(reply, &QNetworkReply::readyRead, this, [guard, body, maxBytes, conclude] {
        if (!guard)
            return;
        *body += guard->read(maxBytes + 1 - body->size());
        if (body->size() > maxBytes)
            conclude(QStringLiteral("the configuration is larger than %1 KiB").arg(maxBytes / 1024), nullptr);
    });
    connect(reply, &QNetworkReply::finished, this,
            [this, run, source, url, redirects, host, guard, body, sslErrors, maxBytes, conclude, finished] {
                if (*finished || run->done || !guard)
                    return;
                QNetworkReply *r = guard;
                const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (r->error() != QNetworkReply::NoError && status == 0) {
                    QString why = r->errorString();
                    if (!sslErrors->isEmpty())
                        why = QStringLiteral("TLS certificate of %1 not accepted: %2").arg(host, sslErrors->join(QStringLiteral("; ")));
                    conclude(why, nullptr);
                    return;
                }
                if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                    const QByteArray location = r->rawHeader("Location");
                    const QUrl next = url.resolved(QUrl::fromEncoded(location, QUrl::StrictMode));
                    const QString nextHost = next.host().toLower();
                    const QString site = source == AutoConfigSource::Ispdb || source == AutoConfigSource::IspdbMx ? kIspdbHost
                                         : source == AutoConfigSource::MxAutoconfig                                ? run->mxDomain
                                                                                                                   : run->domain;
                    QString why;
                    if (location.isEmpty() || !next.isValid())
                        why = QStringLiteral("redirect (HTTP %1) without a valid Location").arg(status);
                    else if (redirects >= kMaxRedirects)
                        why = QStringLiteral("more than %1 redirects").arg(kMaxRedirects);
                    else if (next.scheme() != QLatin1String("https"))
                        why = QStringLiteral("redirect to %1 refused: not HTTPS").arg(next.toString().left(200));
                    else if (!isSameSite(nextHost, site) || (next.port() != -1 && next.port() != 443))
                        why = QStringLiteral("redirect to %1 refused: not a host of %2").arg(next.toString().left(200), site);
                    if (!why.isEmpty()) {
                        conclude(why, nullptr);
                        return;
                    }
                    // Hand over to a new request; this one ends without a note.
                    *finished = true;
                    r->disconnect(this);
                    r->deleteLater();
                    fetch(run, source, next, redirects + 1);
                    return;
                }
                if (status != 200) {
                    conclude(QStringLiteral("the server answers HTTP %1").arg(status), nullptr);
                    return;
                }
                *body += r->read(maxBytes + 1 - body->size());
                if (body->size() > maxBytes) {
                    conclude(QStringLiteral("the configuration is larger than %1 KiB").arg(maxBytes / 1024), nullptr);
                    return;
                }
                const QByteArray xml = *body;
                conclude(QString(), &xml);
            });
}

void AccountAutoConfig::startMxFetchesIfDue(const std::shared_ptr<Run> &run)
{
    if (run->done || run != m_run || run->mxStarted || m_options.offline)
        return;
    // Needs the MX answer, and the domain's own configuration (1-3) settled without a server.
    if (!run->dns || run->dnsPending || run->ownFetchesPending > 0)
        return;
    for (AutoConfigSource s : {AutoConfigSource::AutoconfigHost, AutoConfigSource::WellKnown, AutoConfigSource::Ispdb}) {
        const auto it = run->found.find(s);
        if (it != run->found.end() && !it->second.isEmpty())
            return;
    }
    const MxLookup &mx = run->dns->mx;
    // Same organisation: sources 1-2 already asked it. A provider of the bundled table: its
    // server is known without asking anyone (source 6).
    if (run->mxDomain.isEmpty() || !mx.otherOrganisation || mx.knownProvider)
        return;
    run->mxStarted = true;
    QList<AutoConfigSource> sources{AutoConfigSource::MxAutoconfig};
    if (m_options.ispdb == IspdbLookup::Allowed)
        sources << AutoConfigSource::IspdbMx;
    for (AutoConfigSource s : sources) {
        const QUrl url = mxConfigUrl(s, run->mxDomain);
        if (!url.isValid()) {
            run->skipped.push_back({s, QString(), QStringLiteral("no valid URL for the MX domain")});
            continue;
        }
        ++run->pendingFetches;
        fetch(run, s, url, 0);
    }
}

void AccountAutoConfig::finishIfDone(const std::shared_ptr<Run> &run, bool timedOut)
{
    if (run->done || run != m_run)
        return;
    if (!timedOut && (run->pendingFetches > 0 || run->dnsPending))
        return;
    run->done = true;
    if (timedOut) {
        const QString why = QStringLiteral("no answer within %1 seconds").arg(m_options.timeoutMs / 1000.0);
        // Which HTTPS sources were still waiting: those without a note or a result yet.
        for (AutoConfigSource s : {AutoConfigSource::AutoconfigHost, AutoConfigSource::WellKnown, AutoConfigSource::Ispdb,
                                   AutoConfigSource::MxAutoconfig, AutoConfigSource::IspdbMx}) {
            if ((s == AutoConfigSource::Ispdb || s == AutoConfigSource::IspdbMx) && m_options.ispdb != IspdbLookup::Allowed)
                continue;
            if (m_options.offline)
                continue;
            const bool mxSource = s == AutoConfigSource::MxAutoconfig || s == AutoConfigSource::IspdbMx;
            if (mxSource && !run->mxStarted)
                continue;
            const bool answered = run->found.count(s) > 0 ||
                                  std::any_of(run->skipped.cbegin(), run->skipped.cend(),
                                              [s](const AutoConfigNote &n) { return n.source == s; });
            if (!answered)
                run->skipped.push_back(
                    {s, (mxSource ? mxConfigUrl(s, run->mxDomain) : configUrl(s, run->address)).toString(), why});
        }
        if (run->dnsPending)
            run->skipped.push_back({AutoConfigSource::SrvImaps, run->domain, QStringLiteral("DNS: ") + why, true});
    }
    for (const QPointer<QNetworkReply> &reply : run->replies) {
        if (reply) {
            reply->disconnect(this);
            if (reply->isRunning())
                reply->abort();
            reply->deleteLater();
        }
    }
    if (run->deadline)
        run->deadline->deleteLater();

    AutoConfigResult result;
    result.address = run->address;
    result.domain = run->domain;
    result.mxDomain = run->mxDomain;
    result.skipped = run->skipped;
    result.contactedUrls = run->contacted;
    if (!run->domain.isEmpty()) {
        if (run->dns && !run->dnsPending) {
            for (const DiscoveredServer &d : run->dns->servers) {
                AutoConfigCandidate c;
                c.source = fromDiscovered(d.source);
                c.origin = d.evidence.isEmpty() ? d.host : d.evidence;
                c.host = d.host;
                c.port = d.port;
                c.security = d.security;
                c.username = run->address;
                c.oauthProvider = d.oauthProvider;
                c.authentication = d.oauthProvider.isEmpty() ? AuthenticationMethod::PasswordCleartext
                                                             : AuthenticationMethod::OAuth2;
                run->found[c.source].push_back(c);
            }
        }
        if (run->found.count(AutoConfigSource::Guess) == 0) {
            // No resolver (or DNS not finished): the plain guess still stands.
            AutoConfigCandidate c;
            c.source = AutoConfigSource::Guess;
            c.host = QStringLiteral("imap.") + run->domain;
            c.origin = c.host;
            c.username = run->address;
            c.oauthProvider = ServerDiscovery::oauthProviderForHost(c.host);
            if (!c.oauthProvider.isEmpty())
                c.authentication = AuthenticationMethod::OAuth2;
            run->found[c.source].push_back(c);
        }
        // std::map orders by source rank: best first.
        for (const auto &[source, list] : run->found) {
            for (const AutoConfigCandidate &c : list) {
                const bool dup = std::any_of(result.candidates.cbegin(), result.candidates.cend(), [&c](const AutoConfigCandidate &o) {
                    return o.host == c.host && o.port == c.port && o.security == c.security;
                });
                if (!dup)
                    result.candidates.push_back(c);
            }
        }
        // The provider profile: from the MX host, else the mailbox domain, else the IMAP host of
        // the best proposal. Only proposed; the user confirms it with the rest.
        QStringList mx;
        if (run->dns && !run->dns->mx.exchange.isEmpty())
            mx << run->dns->mx.exchange;
        auto profile = recogniseProvider(mx, run->domain);
        if (!profile && !result.candidates.isEmpty()) {
            for (const auto &p : providerProfiles())
                if (QString::fromStdString(p.imapHost) == result.candidates.front().host)
                    profile = p;
        }
        if (profile)
            result.providerProfile = QString::fromStdString(profile->id);
    }
    m_run.reset();
    emit finished(result);
}

AutoConfigResult AccountAutoConfig::discoverBlocking(const QString &address, std::shared_ptr<const verifier::Resolver> resolver,
                                                     const AutoConfigOptions &options)
{
    AccountAutoConfig discovery(options);
    AutoConfigResult result;
    QEventLoop loop;
    bool done = false;
    connect(&discovery, &AccountAutoConfig::finished, &loop, [&](const AutoConfigResult &r) {
        result = r;
        done = true;
        loop.quit();
    });
    discovery.start(address, std::move(resolver));
    if (!done)
        loop.exec();
    return result;
}

} // namespace sealcheck
