#pragma once
// A local HTTPS server for tests (QSslServer on 127.0.0.1, a free port) and the throw-away
// certificates it serves, made with the openssl command in a temporary directory:
//   openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes ... (the CA)
//   openssl req -newkey ec ... | openssl x509 -req -CA ... (a server certificate for given names)
//   openssl req -x509 ... (a self-signed "rogue" certificate for one name)
// The code under test gets the CA as an extra root and a host -> 127.0.0.1:PORT mapping; it still
// verifies the certificate against the real host name. Shared by tst_mtasts and tst_autoconfig.
// Callers check QSslSocket::supportsSsl() and that the openssl command exists first.

#include <QFile>
#include <QObject>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStringList>

#include <functional>
#include <memory>

namespace httpstest {

/// The CA, the server certificate it signed and the self-signed "rogue" one, with their keys.
struct TestCertificates
{
    QSslCertificate ca, server, rogue;
    QSslKey serverKey, rogueKey;

    /// Makes all of them in @p dir (an existing, writable folder). The server certificate names
    /// @p serverNames (subjectAltName; the first is also the CN); the rogue one names @p rogueName.
    /// False (with a qWarning saying which openssl step failed) when anything is missing.
    bool make(const QString &dir, const QStringList &serverNames, const QString &rogueName)
    {
        const auto openssl = [&dir](const QStringList &args) {
            QProcess p;
            p.setWorkingDirectory(dir);
            p.setProcessChannelMode(QProcess::MergedChannels);
            p.start(QStringLiteral("openssl"), args);
            if (!p.waitForFinished(30000) || p.exitCode() != 0) {
                qWarning("openssl %s: %s", qPrintable(args.join(QLatin1Char(' '))), p.readAll().constData());
                return false;
            }
            return true;
        };
        const auto read = [&dir](const char *name) {
            QFile f(dir + QLatin1Char('/') + QLatin1String(name));
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        if (serverNames.isEmpty())
            return false;
        QStringList san;
        for (const QString &n : serverNames)
            san << QStringLiteral("DNS:") + n;
        QFile ext(dir + QStringLiteral("/ext.cnf"));
        if (!ext.open(QIODevice::WriteOnly))
            return false;
        ext.write("subjectAltName=" + san.join(QLatin1Char(',')).toLatin1()
                  + "\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
        ext.close();
        const QStringList ec{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                             QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
        const bool made =
            openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec
                    + QStringList{QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                                  QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                                  QStringLiteral("-subj"), QStringLiteral("/CN=Sealcheck Test CA"),
                                  QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                                  QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")})
            && openssl(QStringList{QStringLiteral("req")} + ec
                       + QStringList{QStringLiteral("-keyout"), QStringLiteral("srv.key"), QStringLiteral("-out"),
                                     QStringLiteral("srv.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=") + serverNames.first()})
            && openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("srv.csr"),
                        QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                        QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), QStringLiteral("srv.pem"),
                        QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), QStringLiteral("ext.cnf")})
            && openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec
                       + QStringList{QStringLiteral("-keyout"), QStringLiteral("rogue.key"), QStringLiteral("-out"),
                                     QStringLiteral("rogue.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                                     QStringLiteral("-subj"), QStringLiteral("/CN=") + rogueName,
                                     QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:") + rogueName});
        if (!made)
            return false;
        ca = QSslCertificate(read("ca.pem"));
        server = QSslCertificate(read("srv.pem"));
        rogue = QSslCertificate(read("rogue.pem"));
        serverKey = QSslKey(read("srv.key"), QSsl::Ec);
        rogueKey = QSslKey(read("rogue.key"), QSsl::Ec);
        return !ca.isNull() && !server.isNull() && !rogue.isNull() && !serverKey.isNull() && !rogueKey.isNull();
    }
};

/// One HTTPS server on 127.0.0.1. Each request (read up to the end of its header block) is
/// recorded in `requests` and answered with respond(request), then the connection is closed;
/// an empty answer means "read, never answer" (for timeout rows).
class LocalHttpsServer : public QObject
{
public:
    QSslServer server;
    QList<QByteArray> requests;
    std::function<QByteArray(const QByteArray &request)> respond;

    /// The certificate served from the next connection on (rows may switch it).
    void setCertificate(const QSslCertificate &cert, const QSslKey &key)
    {
        QSslConfiguration c = QSslConfiguration::defaultConfiguration();
        c.setLocalCertificate(cert);
        c.setPrivateKey(key);
        c.setPeerVerifyMode(QSslSocket::VerifyNone); // the server asks for no client certificate
        server.setSslConfiguration(c);
    }

    /// Listens on a free port of 127.0.0.1; false when it cannot.
    bool start(const QSslCertificate &cert, const QSslKey &key)
    {
        setCertificate(cert, key);
        connect(&server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    if (!buffer->contains("\r\n\r\n"))
                        return;
                    requests << *buffer;
                    const QByteArray reply = respond ? respond(*buffer) : QByteArray();
                    if (reply.isEmpty())
                        return;
                    socket->write(reply);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        return server.listen(QHostAddress::LocalHost, 0);
    }

    quint16 port() const { return server.serverPort(); }
};

} // namespace httpstest
