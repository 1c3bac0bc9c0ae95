// AccountAutoConfig's pure half: the clientConfig XML parser (Thunderbird's autoconfig format),
// the placeholders, the candidates a config offers, and the URLs and reasons a run uses.
#include "AccountAutoConfig.h"

#include "AutoConfigNames.h"
#include "ServerDiscovery.h"

#include <QRegularExpression>
#include <QXmlStreamReader>

#include <algorithm>
#include <map>

namespace sealcheck {

using namespace autoconfig;

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

} // namespace sealcheck
