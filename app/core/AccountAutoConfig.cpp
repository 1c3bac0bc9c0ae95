#include "AccountAutoConfig.h"

#include "ProviderProfiles.h"

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

namespace {

const QString kIspdbHost = QStringLiteral("autoconfig.thunderbird.net");
constexpr int kMaxRedirects = 3;

QString localPartOf(const QString &address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? QString() : address.left(at).trimmed();
}

// A DNS host name in A-label form: labels of letters, digits and '-', 1..63 octets, 253 in all,
// at least two labels.
bool isHostName(const QString &host)
{
    if (host.isEmpty() || host.size() > 253 || !host.contains(QLatin1Char('.')))
        return false;
    const QStringList labels = host.split(QLatin1Char('.'));
    for (const QString &label : labels) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(QLatin1Char('-')) || label.endsWith(QLatin1Char('-')))
            return false;
        for (const QChar c : label) {
            const char16_t u = c.unicode();
            if (!((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'-'))
                return false;
        }
    }
    return true;
}

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

// ---- the clientConfig parser -----------------------------------------------------------------

verifier::Expected<ClientConfig> AccountAutoConfig::parseClientConfig(const QByteArray &xml, const ClientConfigLimits &limits)
{
    auto fail = [](const QString &why) { return verifier::makeError(why.toStdString()); };
    if (xml.size() > limits.maxBytes)
        return fail(QStringLiteral("the configuration is larger than %1 KiB").arg(limits.maxBytes / 1024));
    if (xml.trimmed().isEmpty())
        return fail(QStringLiteral("the configuration is empty"));

    QXmlStreamReader r(xml);
    r.setNamespaceProcessing(false);
    r.setEntityExpansionLimit(0);
    ClientConfig config;
    QStringList path; // open elements, outermost first
    int elements = 0;
    bool sawRoot = false, sawProvider = false;
    ClientConfigServer *server = nullptr; // the IMAP server being read

    // A leaf element whose text is wanted; its own start tag has been read.
    auto leafText = [&](QString *out) -> QString {
        const QString name = r.name().toString();
        QString text = r.readElementText(QXmlStreamReader::ErrorOnUnexpectedElement);
        if (r.hasError())
            return QStringLiteral("<%1> must hold only text").arg(name);
        text = text.trimmed();
        if (text.size() > limits.maxTextLength)
            return QStringLiteral("<%1> is longer than %2 characters").arg(name).arg(limits.maxTextLength);
        *out = text;
        return {};
    };

    while (!r.atEnd()) {
        const QXmlStreamReader::TokenType token = r.readNext();
        switch (token) {
        case QXmlStreamReader::DTD:
            return fail(QStringLiteral("the configuration has a document type declaration, which is not allowed"));
        case QXmlStreamReader::EntityReference:
            return fail(QStringLiteral("malformed XML: an undeclared entity"));
        case QXmlStreamReader::StartElement: {
            if (++elements > limits.maxElements)
                return fail(QStringLiteral("the configuration has more than %1 elements").arg(limits.maxElements));
            if (path.size() + 1 > limits.maxDepth)
                return fail(QStringLiteral("the configuration is nested deeper than %1 levels").arg(limits.maxDepth));
            const QString name = r.name().toString();
            if (path.isEmpty()) {
                if (sawRoot)
                    return fail(QStringLiteral("the configuration has more than one root element"));
                sawRoot = true;
                if (name != QLatin1String("clientConfig"))
                    return fail(QStringLiteral("the root element is <%1>, not <clientConfig>").arg(name));
                const QString version = r.attributes().value(QLatin1String("version")).toString();
                if (!version.isEmpty() && version != QLatin1String("1.1"))
                    return fail(QStringLiteral("clientConfig version %1 is not supported (only 1.1)").arg(version));
                path << name;
                break;
            }
            if (path.size() == 1 && name == QLatin1String("emailProvider")) {
                if (sawProvider)
                    return fail(QStringLiteral("the configuration has more than one <emailProvider>"));
                sawProvider = true;
                config.providerId = r.attributes().value(QLatin1String("id")).toString().trimmed();
                if (config.providerId.size() > limits.maxTextLength)
                    return fail(QStringLiteral("the emailProvider id is too long"));
                path << name;
                break;
            }
            if (path.size() == 2 && path.back() == QLatin1String("emailProvider")) {
                if (name == QLatin1String("domain")) {
                    QString d;
                    if (const QString e = leafText(&d); !e.isEmpty())
                        return fail(e);
                    if (config.domains.size() >= limits.maxDomains)
                        return fail(QStringLiteral("the configuration lists more than %1 domains").arg(limits.maxDomains));
                    config.domains << d.toLower();
                    break;
                }
                if (name == QLatin1String("incomingServer")) {
                    const QString type = r.attributes().value(QLatin1String("type")).toString();
                    if (type == QLatin1String("imap")) {
                        if (config.imapServers.size() >= limits.maxImapServers)
                            return fail(QStringLiteral("the configuration lists more than %1 IMAP servers")
                                            .arg(limits.maxImapServers));
                        config.imapServers.push_back({});
                        server = &config.imapServers.back();
                    } else {
                        ++config.otherIncomingServers;
                    }
                    path << name;
                    break;
                }
            }
            if (server && path.size() == 3) {
                QString value;
                QString *target = nullptr;
                if (name == QLatin1String("hostname"))
                    target = &server->hostname;
                else if (name == QLatin1String("port"))
                    target = &server->port;
                else if (name == QLatin1String("socketType"))
                    target = &server->socketType;
                else if (name == QLatin1String("username"))
                    target = &server->username;
                else if (name == QLatin1String("authentication"))
                    target = &value;
                if (target) {
                    const bool repeated = target != &value && !target->isEmpty();
                    if (const QString e = leafText(target); !e.isEmpty())
                        return fail(e);
                    if (repeated)
                        return fail(QStringLiteral("an IMAP server has more than one <%1>").arg(name));
                    if (target == &value) {
                        if (server->authentication.size() >= 16)
                            return fail(QStringLiteral("an IMAP server lists too many authentication methods"));
                        server->authentication << value;
                    }
                    break;
                }
            }
            path << name; // anything else (outgoingServer, documentation, ...) is read past
            break;
        }
        case QXmlStreamReader::EndElement:
            if (!path.isEmpty()) {
                if (path.back() == QLatin1String("incomingServer")) {
                    server = nullptr;
                }
                path.removeLast();
            }
            break;
        case QXmlStreamReader::Characters:
            if (path.isEmpty() && !r.isWhitespace())
                return fail(QStringLiteral("malformed XML: text outside the root element"));
            break;
        case QXmlStreamReader::Invalid:
            break; // hasError() below
        case QXmlStreamReader::NoToken:
        case QXmlStreamReader::StartDocument:
        case QXmlStreamReader::EndDocument:
        case QXmlStreamReader::Comment:
        case QXmlStreamReader::ProcessingInstruction:
            break;
        }
        if (r.hasError())
            break;
    }
    if (r.hasError())
        return fail(QStringLiteral("malformed XML at line %1, column %2: %3")
                        .arg(r.lineNumber())
                        .arg(r.columnNumber())
                        .arg(r.errorString()));
    if (!sawRoot)
        return fail(QStringLiteral("the configuration has no root element"));
    if (!sawProvider)
        return fail(QStringLiteral("the configuration has no <emailProvider>"));
    return config;
}

QString AccountAutoConfig::resolvePlaceholders(const QString &text, const QString &address)
{
    const QString a = address.trimmed();
    const QString local = localPartOf(a);
    const qsizetype at = a.lastIndexOf(QLatin1Char('@'));
    const QString domain = at < 0 ? QString() : a.mid(at + 1).toLower();
    QString out = text;
    out.replace(QLatin1String("%EMAILADDRESS%"), a);
    out.replace(QLatin1String("%EMAILLOCALPART%"), local);
    out.replace(QLatin1String("%EMAILDOMAIN%"), domain);
    // Another placeholder left (e.g. %REALNAME%, or a typo): unusable. A '%' inside the
    // address itself is not a placeholder, so check the template with ours removed.
    QString rest = text;
    rest.remove(QLatin1String("%EMAILADDRESS%"));
    rest.remove(QLatin1String("%EMAILLOCALPART%"));
    rest.remove(QLatin1String("%EMAILDOMAIN%"));
    static const QRegularExpression placeholder(QStringLiteral("%[A-Za-z_]+%"));
    if (rest.contains(placeholder))
        return {};
    return out;
}

QVector<AutoConfigCandidate> AccountAutoConfig::candidatesFromConfig(const ClientConfig &config, const QString &address,
                                                                     AutoConfigSource source, const QString &origin,
                                                                     QVector<AutoConfigNote> *skipped)
{
    QVector<AutoConfigCandidate> out;
    auto note = [&](const QString &why) {
        if (skipped)
            skipped->push_back({source, origin, why});
    };
    if (config.imapServers.isEmpty()) {
        note(QStringLiteral("the configuration describes no IMAP server"));
        return out;
    }
    for (const ClientConfigServer &s : config.imapServers) {
        QString host = resolvePlaceholders(s.hostname, address).toLower();
        while (host.endsWith(QLatin1Char('.')))
            host.chop(1);
        if (!host.isEmpty()) // an internationalised name (e.g. from %EMAILDOMAIN%) as its A-label
            host = QString::fromLatin1(QUrl::toAce(host)).toLower();
        const QString shownHost = host.isEmpty() ? s.hostname : host;
        if (!isHostName(host)) {
            note(QStringLiteral("IMAP server '%1' is not a valid host name; skipped").arg(s.hostname.left(80)));
            continue;
        }
        bool portOk = false;
        const uint port = s.port.toUInt(&portOk);
        if (!portOk || port == 0 || port > 65535 || s.port.startsWith(QLatin1Char('+'))) {
            note(QStringLiteral("IMAP server %1 has no valid port ('%2'); skipped").arg(shownHost, s.port.left(20)));
            continue;
        }
        ConnectionSecurity security;
        if (s.socketType == QLatin1String("SSL")) {
            security = ConnectionSecurity::ImplicitTls;
        } else if (s.socketType == QLatin1String("STARTTLS")) {
            security = ConnectionSecurity::StartTls;
        } else if (s.socketType == QLatin1String("plain")) {
            note(QStringLiteral("IMAP server %1:%2 is offered only without encryption (plain text); skipped, "
                                "Sealcheck never sends a password unencrypted")
                     .arg(host)
                     .arg(port));
            continue;
        } else {
            note(QStringLiteral("IMAP server %1:%2 has an unknown socketType '%3'; skipped")
                     .arg(host)
                     .arg(port)
                     .arg(s.socketType.left(40)));
            continue;
        }
        QString username = s.username.isEmpty() ? address.trimmed() : resolvePlaceholders(s.username, address);
        if (username.isEmpty()) {
            note(QStringLiteral("IMAP server %1: the user name '%2' uses an unknown placeholder; skipped")
                     .arg(host, s.username.left(80)));
            continue;
        }
        AutoConfigCandidate c;
        c.source = source;
        c.origin = origin;
        c.host = host;
        c.port = quint16(port);
        c.security = security;
        c.username = username;
        c.thirdParty = source == AutoConfigSource::Ispdb || source == AutoConfigSource::IspdbMx;
        const QString provider = ServerDiscovery::oauthProviderForHost(host);
        const bool offersOAuth = s.authentication.contains(QLatin1String("OAuth2"));
        const bool offersPassword = s.authentication.isEmpty() || s.authentication.contains(QLatin1String("password-cleartext"));
        if (offersOAuth && !provider.isEmpty()) {
            c.authentication = AuthenticationMethod::OAuth2;
            c.oauthProvider = provider;
        } else if (offersPassword) {
            c.authentication = AuthenticationMethod::PasswordCleartext;
        } else {
            note(QStringLiteral("IMAP server %1:%2 offers only sign-in methods Sealcheck does not support (%3); skipped")
                     .arg(host)
                     .arg(port)
                     .arg(s.authentication.join(QStringLiteral(", ")).left(120)));
            continue;
        }
        out.push_back(c);
    }
    return out;
}

QUrl AccountAutoConfig::configUrl(AutoConfigSource source, const QString &address)
{
    const QString domain = ServerDiscovery::domainOf(address);
    if (domain.isEmpty())
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    switch (source) {
    case AutoConfigSource::AutoconfigHost: {
        url.setHost(QStringLiteral("autoconfig.") + domain, QUrl::StrictMode);
        url.setPath(QStringLiteral("/mail/config-v1.1.xml"));
        // Thunderbird sends the address to the domain's own host (some providers answer per user).
        url.setQuery(QStringLiteral("emailaddress=") + QString::fromLatin1(QUrl::toPercentEncoding(address.trimmed())),
                     QUrl::StrictMode);
        break;
    }
    case AutoConfigSource::WellKnown:
        url.setHost(domain, QUrl::StrictMode);
        url.setPath(QStringLiteral("/.well-known/autoconfig/mail/config-v1.1.xml"));
        break;
    case AutoConfigSource::Ispdb:
        url.setHost(kIspdbHost);
        url.setPath(QStringLiteral("/v1.1/") + domain);
        break;
    case AutoConfigSource::SrvImaps:
    case AutoConfigSource::SrvImap:
    case AutoConfigSource::MxAutoconfig: // mxConfigUrl()
    case AutoConfigSource::IspdbMx:
    case AutoConfigSource::MxGuess:
    case AutoConfigSource::Guess:
        return {};
    }
    return url.isValid() ? url : QUrl();
}

QUrl AccountAutoConfig::mxConfigUrl(AutoConfigSource source, const QString &mxDomain)
{
    const QString domain = mxDomain.toLower();
    if (!isHostName(domain))
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    if (source == AutoConfigSource::MxAutoconfig) {
        // Unlike source 1, without ?emailaddress=: this host receives the domain's mail but need
        // not be where the mailbox is, so it is not told who is asking.
        url.setHost(QStringLiteral("autoconfig.") + domain, QUrl::StrictMode);
        url.setPath(QStringLiteral("/mail/config-v1.1.xml"));
    } else if (source == AutoConfigSource::IspdbMx) {
        url.setHost(kIspdbHost);
        url.setPath(QStringLiteral("/v1.1/") + domain);
    } else {
        return {};
    }
    return url.isValid() ? url : QUrl();
}

QString AccountAutoConfig::dnsFailureReason(const DnsFailure &failure)
{
    const QString what = failure.type == verifier::RrType::MX ? QStringLiteral("the MX records of %1").arg(failure.name)
                                                              : failure.name;
    if (failure.bogus)
        return QStringLiteral("the DNS answer for %1 failed DNSSEC validation (bogus); it was not used").arg(what);
    if (failure.status == verifier::DnsStatus::Timeout)
        return QStringLiteral("the DNS server did not answer in time for %1").arg(what);
    return QStringLiteral("the DNS server failed to answer for %1 (SERVFAIL)").arg(what);
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
