#pragma once
// A scripted IMAP server on loopback for tests (TLS with the test certificate in
// tests/imap/data/): it replays one side of a C:/S: conversation. Shared by tests/imap and
// tests/scan. Header-only and without Q_OBJECT (no signals of its own), so no moc is needed.

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>

namespace imaptest {

inline QString dataFile(const char *name)
{
    return QStringLiteral(SEALCHECK_SOURCE_DIR "/tests/imap/data/") + QLatin1String(name);
}

inline QSslCertificate loadCert(const char *name)
{
    QFile f(dataFile(name));
    if (!f.open(QIODevice::ReadOnly))
        return QSslCertificate();
    return QSslCertificate(&f, QSsl::Pem);
}

/// Plays one side of a conversation. Steps:
///   "S: text"  send text + CRLF          "C: text"  expect this line from the client
///   "TLS"      start TLS (server side)   "CLOSE"    drop the connection
///   "RAW: x"   send x as is (no CRLF)    "SILENT"   stop answering, keep the connection
///   "TRICKLE: text"  send text + CRLF one byte every trickleIntervalMs (a server stalling us)
class ScriptedServer : public QTcpServer
{
public:
    enum class Mode { ImplicitTls, Plain };
    ScriptedServer(QList<QByteArray> script, Mode mode, const QHostAddress &address = QHostAddress::LocalHost)
        : m_script(std::move(script)), m_mode(mode)
    {
        listen(address);
    }
    QList<QByteArray> received;
    int trickleIntervalMs = 50;
    QString mismatch;
    bool finished() const { return m_step >= m_script.size(); }

protected:
    void incomingConnection(qintptr handle) override
    {
        m_socket = new QSslSocket(this);
        m_socket->setSocketDescriptor(handle);
        m_socket->setLocalCertificate(loadCert("server.pem"));
        QFile keyFile(dataFile("server.key"));
        keyFile.open(QIODevice::ReadOnly);
        m_socket->setPrivateKey(QSslKey(&keyFile, QSsl::Ec));
        connect(m_socket, &QSslSocket::readyRead, this, &ScriptedServer::onRead);
        connect(m_socket, &QSslSocket::encrypted, this, &ScriptedServer::advance);
        connect(m_socket, &QSslSocket::sslErrors, this, [this] { m_socket->ignoreSslErrors(); });
        if (m_mode == Mode::ImplicitTls)
            m_socket->startServerEncryption();
        else
            advance();
    }

private:
    void onRead()
    {
        m_buffer += m_socket->readAll();
        qsizetype eol;
        while ((eol = m_buffer.indexOf("\r\n")) >= 0) {
            received.append(m_buffer.left(eol));
            m_buffer.remove(0, eol + 2);
        }
        advance();
    }
    void advance()
    {
        while (m_step < m_script.size() && m_socket) {
            const QByteArray &s = m_script[m_step];
            if (s.startsWith("S: ")) {
                m_socket->write(s.mid(3) + "\r\n");
            } else if (s.startsWith("RAW: ")) {
                m_socket->write(s.mid(5));
            } else if (s.startsWith("C: ")) {
                if (m_consumed >= received.size())
                    return;
                const QByteArray got = received[m_consumed++];
                if (got != s.mid(3) && mismatch.isEmpty())
                    mismatch = QStringLiteral("step %1: expected \"%2\", got \"%3\"")
                                   .arg(m_step)
                                   .arg(QString::fromLatin1(s.mid(3)), QString::fromLatin1(got));
            } else if (s == "TLS") {
                ++m_step;
                m_socket->startServerEncryption();
                return; // continue on encrypted()
            } else if (s == "CLOSE") {
                ++m_step;
                m_socket->disconnectFromHost();
                return;
            } else if (s.startsWith("TRICKLE: ")) {
                ++m_step;
                m_trickle = s.mid(9) + "\r\n";
                QTimer *timer = new QTimer(this);
                QObject::connect(timer, &QTimer::timeout, this, [this, timer] {
                    if (!m_socket || m_trickle.isEmpty()) {
                        timer->deleteLater();
                        if (m_socket)
                            advance();
                        return;
                    }
                    m_socket->write(m_trickle.left(1));
                    m_trickle.remove(0, 1);
                });
                timer->start(trickleIntervalMs);
                return;
            } else if (s == "SILENT") {
                ++m_step;
                return;
            }
            ++m_step;
        }
    }

    QList<QByteArray> m_script;
    Mode m_mode;
    QSslSocket *m_socket = nullptr;
    QByteArray m_buffer;
    QByteArray m_trickle;
    qsizetype m_step = 0;
    qsizetype m_consumed = 0;
};


} // namespace imaptest
