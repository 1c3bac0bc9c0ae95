#pragma once
// A small OAuth 2.0 authorization server on 127.0.0.1 for the sign-in tests (HTTP/1.1, one
// request per connection), on its own QThread so Dovecot's auth process can introspect tokens
// while the test thread blocks in an IMAP login.
//
//   GET  /authorize   RFC 6749 §4.1.1 + RFC 7636: needs code_challenge_method=S256; answers 302
//                     to the loopback redirect_uri (http://127.0.0.1:...) with code and state
//   POST /token       grants authorization_code (checks redirect_uri and the PKCE verifier),
//                     refresh_token, urn:ietf:params:oauth:grant-type:device_code (RFC 8628 §3.4)
//   POST /device      RFC 8628 §3.2
//   POST /revoke      RFC 7009 (a refresh token takes its access tokens with it)
//   POST /introspect  RFC 7662, for Dovecot's oauth2 passdb: active=false when expired or revoked
//
// The test steers it: approveDevice(), expireAccessTokens(), revokeAll(), and counts requests.

#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

#include <atomic>
#include <memory>

namespace oauthtest {

inline const QString kClientId = QStringLiteral("sealcheck-test-client");

class LocalOAuthServer
{
public:
    struct AccessToken
    {
        QString user;
        QString refreshToken;
        qint64 expiresAt = 0;
        bool revoked = false;
    };
    struct Device
    {
        QString userCode;
        QString user;
        enum { Pending, Approved, Denied } state = Pending;
        bool used = false;
    };
    struct Code
    {
        QString challenge, redirectUri, user;
        bool used = false;
    };

    LocalOAuthServer() = default;
    ~LocalOAuthServer() { stop(); }

    /// Starts listening on 127.0.0.1 at a free port; false on failure.
    bool start()
    {
        m_thread = std::make_unique<QThread>();
        m_thread->setObjectName(QStringLiteral("LocalOAuthServer"));
        m_context = std::make_unique<QObject>();
        m_context->moveToThread(m_thread.get());
        m_thread->start();
        bool ok = false;
        QMetaObject::invokeMethod(
            m_context.get(),
            [this, &ok] {
                m_server = new QTcpServer;
                ok = m_server->listen(QHostAddress::LocalHost, 0);
                m_port = m_server->serverPort();
                QObject::connect(m_server, &QTcpServer::newConnection, m_server, [this] {
                    while (QTcpSocket *s = m_server->nextPendingConnection())
                        serve(s);
                });
            },
            Qt::BlockingQueuedConnection);
        return ok;
    }

    void stop()
    {
        if (!m_thread)
            return;
        QMetaObject::invokeMethod(
            m_context.get(), [this] {
                delete m_server;
                m_server = nullptr;
            },
            Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
        m_context.reset();
        m_thread.reset();
    }

    quint16 port() const { return m_port; }
    QString url(const QString &path) const { return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path); }

    /// A provider data file naming this server (SEALCHECK_OAUTH_PROVIDERS), provider id "local".
    QByteArray providersJson(const QString &mechanism = QStringLiteral("XOAUTH2")) const
    {
        QJsonObject p{{QStringLiteral("id"), QStringLiteral("local")},
                      {QStringLiteral("name"), QStringLiteral("Local test provider")},
                      {QStringLiteral("authorization_endpoint"), url(QStringLiteral("/authorize"))},
                      {QStringLiteral("token_endpoint"), url(QStringLiteral("/token"))},
                      {QStringLiteral("device_authorization_endpoint"), url(QStringLiteral("/device"))},
                      {QStringLiteral("revocation_endpoint"), url(QStringLiteral("/revoke"))},
                      {QStringLiteral("scopes"), QJsonArray{QStringLiteral("imap"), QStringLiteral("offline_access")}},
                      {QStringLiteral("sasl_mechanism"), mechanism},
                      {QStringLiteral("client_id"), kClientId}};
        return QJsonDocument(QJsonObject{{QStringLiteral("providers"), QJsonArray{p}}}).toJson();
    }

    // ---- steering (any thread)
    void setAccessTokenLifetime(int seconds) { m_lifetime = seconds; }
    void setUser(const QString &user)
    {
        QMutexLocker l(&m_mutex);
        m_user = user;
    }
    /// Every access token issued so far is expired from now on (the client does not know).
    void expireAccessTokens()
    {
        QMutexLocker l(&m_mutex);
        for (auto &t : m_access)
            t.expiresAt = 0;
    }
    /// Every refresh and access token is revoked (as if the user removed the app's access).
    void revokeAll()
    {
        QMutexLocker l(&m_mutex);
        for (auto &t : m_access)
            t.revoked = true;
        for (auto it = m_refresh.begin(); it != m_refresh.end(); ++it)
            it.value() = false;
    }
    bool approveDevice(const QString &userCode, bool approve = true)
    {
        QMutexLocker l(&m_mutex);
        for (auto &d : m_devices) {
            if (d.userCode == userCode && d.state == Device::Pending) {
                d.state = approve ? Device::Approved : Device::Denied;
                d.user = m_user;
                return true;
            }
        }
        return false;
    }
    bool isAccessTokenActive(const QString &token)
    {
        QMutexLocker l(&m_mutex);
        return activeLocked(token);
    }
    bool isRefreshTokenValid(const QString &token)
    {
        QMutexLocker l(&m_mutex);
        return m_refresh.value(token, false);
    }
    /// Requests seen per kind: "authorize", "code", "refresh", "device", "device_poll", "revoke",
    /// "introspect", "pkce_failed".
    int count(const QString &what)
    {
        QMutexLocker l(&m_mutex);
        return m_counts.value(what);
    }

private:
    static QString randomToken(int bytes = 24)
    {
        QByteArray b(bytes, Qt::Uninitialized);
        for (auto &c : b)
            c = char(QRandomGenerator::global()->bounded(256));
        return QString::fromLatin1(b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    }

    bool activeLocked(const QString &token) const
    {
        auto it = m_access.constFind(token);
        return it != m_access.cend() && !it->revoked && it->expiresAt > QDateTime::currentSecsSinceEpoch();
    }

    QJsonObject issueLocked(const QString &user, QString refreshToken = QString())
    {
        const QString access = randomToken();
        if (refreshToken.isEmpty()) {
            refreshToken = randomToken();
            m_refresh.insert(refreshToken, true);
            m_refreshUser.insert(refreshToken, user);
        }
        m_access.insert(access, AccessToken{user, refreshToken, QDateTime::currentSecsSinceEpoch() + m_lifetime, false});
        return QJsonObject{{QStringLiteral("access_token"), access},
                           {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                           {QStringLiteral("expires_in"), int(m_lifetime)},
                           {QStringLiteral("refresh_token"), refreshToken},
                           {QStringLiteral("scope"), QStringLiteral("imap offline_access")}};
    }

    static QByteArray response(int status, const QByteArray &reason, const QByteArray &body,
                               const QByteArray &extraHeaders = {}, const QByteArray &type = "application/json")
    {
        return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: " + type
            + "\r\nCache-Control: no-store\r\nConnection: close\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\n" + extraHeaders + "\r\n" + body;
    }
    static QByteArray json(const QJsonObject &o, int status = 200)
    {
        return response(status, status == 200 ? "OK" : "Bad Request", QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    static QByteArray oauthError(const QString &code) { return json(QJsonObject{{QStringLiteral("error"), code}}, 400); }

    void serve(QTcpSocket *socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            *buffer += socket->readAll();
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = buffer->left(end).split('\n');
            qsizetype length = 0;
            for (const QByteArray &line : lines) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buffer->size() < end + 4 + length)
                return;
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            const QByteArray body = buffer->mid(end + 4, length);
            socket->write(handle(requestLine.value(0), QUrl(QString::fromLatin1(requestLine.value(1))), body));
            socket->disconnectFromHost();
        });
    }

    QByteArray handle(const QByteArray &method, const QUrl &target, QByteArray body)
    {
        QMutexLocker l(&m_mutex);
        const QString path = target.path();
        body.replace('+', ' ');
        const QUrlQuery form(QString::fromUtf8(body));
        auto field = [&](const char *name) { return form.queryItemValue(QLatin1String(name), QUrl::FullyDecoded); };
        if (method == "GET" && path == QLatin1String("/authorize")) {
            ++m_counts[QStringLiteral("authorize")];
            const QUrlQuery q(target);
            auto get = [&](const char *name) { return q.queryItemValue(QLatin1String(name), QUrl::FullyDecoded); };
            const QString redirect = get("redirect_uri");
            if (get("client_id") != kClientId || get("response_type") != QLatin1String("code")
                || get("code_challenge_method") != QLatin1String("S256") || get("code_challenge").size() != 43
                || !redirect.startsWith(QLatin1String("http://127.0.0.1:")))
                return response(400, "Bad Request", "bad authorization request", {}, "text/plain");
            const QString code = randomToken(12);
            m_codes.insert(code, Code{get("code_challenge"), redirect, m_user, false});
            QUrl back(redirect);
            QUrlQuery bq;
            bq.addQueryItem(QStringLiteral("code"), code);
            bq.addQueryItem(QStringLiteral("state"), get("state"));
            back.setQuery(bq);
            return response(302, "Found", {}, "Location: " + back.toEncoded() + "\r\n", "text/plain");
        }
        if (method != "POST")
            return response(404, "Not Found", {}, {}, "text/plain");
        if (path == QLatin1String("/token")) {
            if (field("client_id") != kClientId)
                return oauthError(QStringLiteral("invalid_client"));
            const QString grant = field("grant_type");
            if (grant == QLatin1String("authorization_code")) {
                ++m_counts[QStringLiteral("code")];
                auto it = m_codes.find(field("code"));
                if (it == m_codes.end() || it->used || it->redirectUri != field("redirect_uri"))
                    return oauthError(QStringLiteral("invalid_grant"));
                it->used = true;
                const QString challenge = QString::fromLatin1(
                    QCryptographicHash::hash(field("code_verifier").toLatin1(), QCryptographicHash::Sha256)
                        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
                if (challenge != it->challenge) {
                    ++m_counts[QStringLiteral("pkce_failed")];
                    return oauthError(QStringLiteral("invalid_grant"));
                }
                return json(issueLocked(it->user));
            }
            if (grant == QLatin1String("refresh_token")) {
                ++m_counts[QStringLiteral("refresh")];
                const QString rt = field("refresh_token");
                if (!m_refresh.value(rt, false))
                    return oauthError(QStringLiteral("invalid_grant"));
                QJsonObject o = issueLocked(m_refreshUser.value(rt), rt);
                o.remove(QStringLiteral("refresh_token")); // the client keeps its refresh token (RFC 6749 §6)
                return json(o);
            }
            if (grant == QLatin1String("urn:ietf:params:oauth:grant-type:device_code")) {
                ++m_counts[QStringLiteral("device_poll")];
                auto it = m_devices.find(field("device_code"));
                if (it == m_devices.end() || it->used)
                    return oauthError(QStringLiteral("expired_token"));
                if (it->state == Device::Pending)
                    return oauthError(QStringLiteral("authorization_pending"));
                if (it->state == Device::Denied)
                    return oauthError(QStringLiteral("access_denied"));
                it->used = true;
                return json(issueLocked(it->user));
            }
            return oauthError(QStringLiteral("unsupported_grant_type"));
        }
        if (path == QLatin1String("/device")) {
            ++m_counts[QStringLiteral("device")];
            if (field("client_id") != kClientId)
                return oauthError(QStringLiteral("invalid_client"));
            const QString deviceCode = randomToken();
            const QString userCode = QStringLiteral("WDJB-%1").arg(m_devices.size() + 1000);
            m_devices.insert(deviceCode, Device{userCode, {}, Device::Pending, false});
            return json(QJsonObject{{QStringLiteral("device_code"), deviceCode},
                                    {QStringLiteral("user_code"), userCode},
                                    {QStringLiteral("verification_uri"), url(QStringLiteral("/device-verify"))},
                                    {QStringLiteral("expires_in"), 600},
                                    {QStringLiteral("interval"), 1}});
        }
        if (path == QLatin1String("/revoke")) {
            ++m_counts[QStringLiteral("revoke")];
            const QString token = field("token");
            if (m_refresh.contains(token)) {
                m_refresh[token] = false;
                for (auto &t : m_access)
                    if (t.refreshToken == token)
                        t.revoked = true;
            } else if (m_access.contains(token)) {
                m_access[token].revoked = true;
            }
            return response(200, "OK", {}, {}, "text/plain"); // RFC 7009 §2.2
        }
        if (path == QLatin1String("/introspect")) {
            ++m_counts[QStringLiteral("introspect")];
            const QString token = field("token");
            if (!activeLocked(token))
                return json(QJsonObject{{QStringLiteral("active"), false}});
            const AccessToken &t = m_access[token];
            return json(QJsonObject{{QStringLiteral("active"), true},
                                    {QStringLiteral("username"), t.user},
                                    {QStringLiteral("client_id"), kClientId},
                                    {QStringLiteral("exp"), double(t.expiresAt)}});
        }
        return response(404, "Not Found", {}, {}, "text/plain");
    }

    std::unique_ptr<QThread> m_thread;
    std::unique_ptr<QObject> m_context; // lives in m_thread
    QTcpServer *m_server = nullptr; // lives in m_thread
    quint16 m_port = 0;
    std::atomic_int m_lifetime{3600};
    QMutex m_mutex;
    QString m_user = QStringLiteral("alice");
    QHash<QString, AccessToken> m_access;
    QHash<QString, bool> m_refresh; ///< refresh token -> still valid
    QHash<QString, QString> m_refreshUser;
    QHash<QString, Device> m_devices;
    QHash<QString, Code> m_codes;
    QHash<QString, int> m_counts;
};

} // namespace oauthtest
