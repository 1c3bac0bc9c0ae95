// A real unbound on a loopback port for DNS tests (PITFALLS.md, "unbound on loopback"): it serves
// the local-zone/local-data lines a test gives, and start() returns only once it answers on
// its port. A libunbound resolver pointed at it before then would meet a closed port, mark the
// forwarder down in its infrastructure cache and fail every query for minutes, which is how a
// test that created its resolver at once timed out on a busy CI machine.
#pragma once

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <string>

namespace testunbound {

/// A loopback port the kernel calls free for @p type (it may be taken again before use: start()
/// retries on another).
inline uint16_t freeLoopbackPort(int type)
{
    const int fd = ::socket(AF_INET, type, 0);
    if (fd < 0)
        return 0;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    uint16_t port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

/// True when something accepts TCP connections on 127.0.0.1:@p port.
inline bool tcpAnswers(uint16_t port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(port);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

class UnboundServer
{
public:
    ~UnboundServer() { stop(); }

    /// Starts unbound in @p dir serving @p zoneLines ("  local-zone: ..." / "  local-data: ..."
    /// lines of its server: section). False with @p why set when unbound is not installed
    /// (SEALCHECK_UNBOUND overrides the binary; a path that does not exist forces that) or did
    /// not come up on any of five ports.
    bool start(const QString &dir, const QByteArray &zoneLines, QString *why)
    {
        const QString override = qEnvironmentVariable("SEALCHECK_UNBOUND");
        const QString binary = !override.isEmpty()
            ? (QFile::exists(override) ? override : QString())
            : QStandardPaths::findExecutable(QStringLiteral("unbound"),
                                             {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin"),
                                              QStringLiteral("/sbin"), QStringLiteral("/usr/bin")});
        if (binary.isEmpty()) {
            *why = QStringLiteral("the 'unbound' binary is not installed (apt install unbound)");
            return false;
        }
        const QByteArray d = dir.toUtf8();
        for (int attempt = 0; attempt < 5; ++attempt) {
            m_port = freeLoopbackPort(SOCK_DGRAM);
            if (m_port == 0)
                continue;
            QFile conf(dir + QStringLiteral("/unbound.conf"));
            if (!conf.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
                *why = QStringLiteral("cannot write unbound.conf");
                return false;
            }
            conf.write("server:\n  verbosity: 1\n  interface: 127.0.0.1\n  port: " + QByteArray::number(m_port) +
                       "\n  do-ip6: no\n  username: \"\"\n  chroot: \"\"\n  directory: \"" + d + "\"\n  pidfile: \"" + d +
                       "/unbound.pid\"\n  use-syslog: no\n  num-threads: 1\n  outgoing-range: 32\n  so-reuseport: no\n"
                       "  module-config: \"iterator\"\n  access-control: 127.0.0.0/8 allow\n  local-zone: \".\" refuse\n" +
                       zoneLines + "remote-control:\n  control-enable: no\n");
            conf.close();
            m_process.setProcessChannelMode(QProcess::MergedChannels);
            m_process.start(binary, {QStringLiteral("-d"), QStringLiteral("-c"), conf.fileName()});
            if (m_process.waitForStarted(5000)) {
                QElapsedTimer t;
                t.start();
                while (t.elapsed() < 15000 && m_process.state() == QProcess::Running) {
                    if (tcpAnswers(m_port))
                        return true;
                    QThread::msleep(20);
                }
            }
            m_output += m_process.readAll();
            stop();
        }
        *why = QStringLiteral("unbound did not come up on a loopback port: ") + QString::fromLocal8Bit(m_output);
        return false;
    }

    /// "127.0.0.1@PORT", for UnboundOptions::forwarder.
    std::string forwarder() const { return "127.0.0.1@" + std::to_string(m_port); }
    uint16_t port() const { return m_port; }
    bool running() const { return m_process.state() == QProcess::Running; }
    /// What unbound printed so far (for a failure message).
    QByteArray output() { return m_output += m_process.readAll(); }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

private:
    QProcess m_process;
    uint16_t m_port = 0;
    QByteArray m_output;
};

} // namespace testunbound
