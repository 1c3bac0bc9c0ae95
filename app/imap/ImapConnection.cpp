#include "ImapConnection.h"

#include "ImapCertificatePin.h"
#include "ImapParser.h"
#include "ImapTask.h"

#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>

namespace imap {

ImapConnection::ImapConnection(ImapConnectionSettings settings, QObject *parent)
    : QObject(parent),
      m_settings(std::move(settings)),
      m_framer(m_settings.maxLiteralSize, ImapFramer::defaultMaxLineSize, m_settings.maxResponseSize),
      m_log(m_settings.protocolLogEntries)
{
    m_connectTimer.setSingleShot(true);
    m_responseTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        fail(ImapError{ImapErrorKind::Timeout,
                       QStringLiteral("could not connect to %1 within %2 seconds")
                           .arg(hostLabel())
                           .arg(m_settings.connectTimeoutMs / 1000),
                       {}, {}});
    });
    connect(&m_responseTimer, &QTimer::timeout, this, [this] {
        if (m_rateDeadline) {
            fail(ImapError{ImapErrorKind::Timeout,
                           QStringLiteral("the server %1 is answering too slowly: %2 bytes in %3 seconds for one "
                                          "command, below the minimum of %4 bytes per second")
                               .arg(hostLabel())
                               .arg(m_windowBytes)
                               .arg(m_window.elapsed() / 1000)
                               .arg(m_settings.minBytesPerSecond),
                           {}, {}});
            return;
        }
        fail(ImapError{ImapErrorKind::Timeout,
                       QStringLiteral("the server %1 stopped answering (no reply within %2 seconds)")
                           .arg(hostLabel())
                           .arg(m_settings.responseTimeoutMs / 1000),
                       {}, {}});
    });
}

ImapConnection::~ImapConnection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

QString ImapConnection::hostLabel() const
{
    return QStringLiteral("%1:%2").arg(m_settings.host).arg(m_settings.port);
}

bool ImapConnection::hasCapability(const QByteArray &capability) const
{
    const QByteArray wanted = capability.toUpper();
    for (const QByteArray &c : m_capabilities)
        if (c.toUpper() == wanted)
            return true;
    return false;
}

bool ImapConnection::isEncrypted() const { return m_socket && m_socket->isEncrypted(); }

QSslCertificate ImapConnection::peerCertificate() const
{
    return m_socket ? m_socket->peerCertificate() : QSslCertificate();
}

void ImapConnection::open()
{
    if (m_state != State::Idle)
        return;
    if (!QSslSocket::supportsSsl()) {
        fail(ImapError{ImapErrorKind::TlsHandshake, QStringLiteral("TLS is not available in this Qt build"), {}, {}});
        return;
    }
    m_state = State::Connecting;
    m_socket = new QSslSocket(this);
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setPeerVerifyMode(QSslSocket::VerifyPeer);
    conf.setProtocol(QSsl::TlsV1_2OrLater);
    if (!m_settings.extraCaCertificates.isEmpty())
        conf.addCaCertificates(m_settings.extraCaCertificates);
    m_socket->setSslConfiguration(conf);
    m_socket->setPeerVerifyName(m_settings.host);

    connect(m_socket, &QSslSocket::connected, this, &ImapConnection::onConnected);
    connect(m_socket, &QSslSocket::encrypted, this, &ImapConnection::onEncrypted);
    // Direct: ignoreSslErrors() only works from inside the signal emission.
    connect(m_socket, &QSslSocket::sslErrors, this, &ImapConnection::onSslErrors, Qt::DirectConnection);
    connect(m_socket, &QSslSocket::readyRead, this, &ImapConnection::onReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, &ImapConnection::onDisconnected);
    connect(m_socket, &QSslSocket::errorOccurred, this, &ImapConnection::onSocketError);

    m_log.append(ImapProtocolLog::Direction::Event,
                 QStringLiteral("connecting to %1 (%2)")
                     .arg(hostLabel(),
                          m_settings.tlsMode == TlsMode::Implicit ? QStringLiteral("implicit TLS")
                                                                  : QStringLiteral("STARTTLS"))
                     .toUtf8());
    m_connectTimer.start(m_settings.connectTimeoutMs);
    if (m_settings.tlsMode == TlsMode::Implicit) {
        m_tlsStarted = true;
        m_socket->connectToHostEncrypted(m_settings.host, m_settings.port, m_settings.host);
    } else {
        m_socket->connectToHost(m_settings.host, m_settings.port);
    }
}

void ImapConnection::close()
{
    if (m_state == State::Closed || m_state == State::Failed)
        return;
    m_state = State::Closed;
    m_connectTimer.stop();
    m_responseTimer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    const ImapError err{ImapErrorKind::Aborted, QStringLiteral("the connection was closed"), {}, {}};
    const auto tasks = m_tasks;
    for (const auto &t : tasks)
        if (t && !t->isFinished())
            t->fail(err);
    emit closed();
}

void ImapConnection::fail(ImapError error)
{
    if (m_state == State::Failed || m_state == State::Closed)
        return;
    m_state = State::Failed;
    m_error = error;
    m_connectTimer.stop();
    m_responseTimer.stop();
    m_log.append(ImapProtocolLog::Direction::Event, "error: " + error.message.toUtf8());
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    const auto tasks = m_tasks;
    for (const auto &t : tasks)
        if (t && !t->isFinished())
            t->fail(error);
    emit failed(error);
}

void ImapConnection::onConnected()
{
    if (m_settings.tlsMode == TlsMode::StartTls) {
        m_connectTimer.stop();
        m_state = State::Greeting;
        updateResponseTimer();
    }
}

void ImapConnection::onEncrypted()
{
    m_connectTimer.stop();
    const QSslCipher cipher = m_socket->sessionCipher();
    m_log.append(ImapProtocolLog::Direction::Event,
                 QStringLiteral("TLS established (%1, %2)").arg(cipher.protocolString(), cipher.name()).toUtf8());
    if (m_state == State::StartingTls) {
        // RFC 9051 §6.2.1: forget what was learnt in clear, ask again.
        m_capabilities.clear();
        sendInternal("CAPABILITY", [this](const ImapResponse &r) {
            if (r.status != ResponseStatus::Ok) {
                fail(ImapError{ImapErrorKind::ProtocolError,
                               QStringLiteral("the server refused CAPABILITY after STARTTLS"), {}, {}});
                return;
            }
            becomeReady();
        });
        return;
    }
    m_state = State::Greeting;
    updateResponseTimer();
}

void ImapConnection::onSslErrors(const QList<QSslError> &errors)
{
    const QSslCertificate cert = m_socket->peerCertificate();
    const QByteArray pin = ImapCertificatePin::sha256(cert);
    if (!m_settings.pinnedPublicKeySha256.isEmpty() && !pin.isEmpty() && pin == m_settings.pinnedPublicKeySha256) {
        m_log.append(ImapProtocolLog::Direction::Event,
                     "certificate accepted by its pinned public key sha256//" + pin.toBase64());
        m_socket->ignoreSslErrors(errors);
        return;
    }
    QStringList reasons;
    for (const QSslError &e : errors)
        if (!reasons.contains(e.errorString()))
            reasons << e.errorString();
    QString subject = cert.subjectDisplayName();
    if (subject.isEmpty())
        subject = cert.subjectInfo(QSslCertificate::CommonName).join(QStringLiteral(", "));
    ImapError err{ImapErrorKind::UntrustedCertificate,
                  QStringLiteral("the certificate of %1 is not trusted (%2); certificate subject \"%3\", "
                                 "public key pin sha256//%4 — add its CA certificate or pin this key "
                                 "only if you have checked it")
                      .arg(hostLabel(), reasons.join(QStringLiteral("; ")), subject,
                           QString::fromLatin1(pin.toBase64())),
                  pin.toBase64(), subject};
    fail(err);
}

void ImapConnection::onSocketError()
{
    if (!m_socket || m_state == State::Failed || m_state == State::Closed)
        return;
    const auto code = m_socket->error();
    if (code == QAbstractSocket::RemoteHostClosedError)
        return; // onDisconnected decides
    ImapErrorKind kind = ImapErrorKind::Network;
    QString what;
    // A foreign enum: an if-chain, so -Wswitch-enum does not demand every Qt value.
    if (code == QAbstractSocket::HostNotFoundError) {
        what = QStringLiteral("the host %1 was not found").arg(m_settings.host);
    } else if (code == QAbstractSocket::ConnectionRefusedError) {
        what = QStringLiteral("%1 refused the connection").arg(hostLabel());
    } else if (code == QAbstractSocket::SslHandshakeFailedError || code == QAbstractSocket::SslInternalError
               || code == QAbstractSocket::SslInvalidUserDataError) {
        kind = ImapErrorKind::TlsHandshake;
        what = QStringLiteral("the TLS handshake with %1 failed: %2").arg(hostLabel(), m_socket->errorString());
    } else if (code == QAbstractSocket::SocketTimeoutError) {
        kind = ImapErrorKind::Timeout;
        what = QStringLiteral("the connection to %1 timed out").arg(hostLabel());
    } else if (m_state == State::Ready || m_state == State::StartingTls || m_state == State::Greeting) {
        kind = ImapErrorKind::ConnectionLost;
        what = QStringLiteral("the connection to %1 was lost: %2").arg(hostLabel(), m_socket->errorString());
    } else {
        what = QStringLiteral("could not connect to %1: %2").arg(hostLabel(), m_socket->errorString());
    }
    fail(ImapError{kind, what, {}, {}});
}

void ImapConnection::onDisconnected()
{
    if (m_state == State::Failed || m_state == State::Closed)
        return;
    if (m_expectClose) {
        m_log.append(ImapProtocolLog::Direction::Event, "connection closed after LOGOUT");
        m_state = State::Closed;
        m_responseTimer.stop();
        const auto tasks = m_tasks;
        for (const auto &t : tasks)
            if (t && !t->isFinished())
                t->succeed(); // LOGOUT completes with the close if the tagged OK got lost
        emit closed();
        return;
    }
    QString what = QStringLiteral("the connection to %1 was lost").arg(hostLabel());
    ImapErrorKind kind = ImapErrorKind::ConnectionLost;
    if (!m_byeText.isNull()) {
        what += QStringLiteral(" (the server said: %1)").arg(serverText(m_byeText));
        kind = ImapErrorKind::ServerBye;
    }
    fail(ImapError{kind, what, {}, {}});
}

void ImapConnection::onReadyRead()
{
    if (!m_socket)
        return;
    const QByteArray bytes = m_socket->readAll();
    m_windowBytes += bytes.size();
    m_framer.feed(bytes);
    if (m_framer.failed()) {
        fail(ImapError{ImapErrorKind::ResponseTooLarge, QString::fromLatin1(m_framer.error()), {}, {}});
        return;
    }
    const auto frames = m_framer.takeFrames();
    for (qsizetype i = 0; i < frames.size(); ++i) {
        if (m_state == State::Failed || m_state == State::Closed)
            return;
        m_log.append(ImapProtocolLog::Direction::Server, frames[i].redacted);
        auto parsed = ImapParser::parse(frames[i].bytes);
        if (!parsed) {
            fail(parsed.error());
            return;
        }
        dispatch(*parsed);
        if (m_injectionCheck) {
            m_injectionCheck = false;
            if (i + 1 < frames.size() || m_framer.pendingSize() > 0 || m_socket->bytesAvailable() > 0) {
                fail(ImapError{ImapErrorKind::ProtocolError,
                               QStringLiteral("%1 sent data after accepting STARTTLS, before TLS started; refusing "
                                              "the connection (possible command injection)")
                                   .arg(hostLabel()),
                               {}, {}});
                return;
            }
            m_socket->startClientEncryption();
        }
    }
    updateResponseTimer();
}

void ImapConnection::updateResponseTimer()
{
    if (m_state == State::Failed || m_state == State::Closed)
        return;
    const bool waiting = !m_pending.isEmpty() || m_state == State::Greeting;
    if (!waiting || m_idling) {
        m_windowOpen = false;
        m_responseTimer.stop();
        return;
    }
    if (!m_windowOpen) { // a command (or the greeting) starts waiting: its own time and bytes
        m_windowOpen = true;
        m_window.start();
        m_windowBytes = 0;
    }
    // Silence ends the wait after responseTimeoutMs; a trickle that keeps resetting that timer
    // ends when the bytes received are fewer than the minimum rate allows for the time taken.
    qint64 wait = m_settings.responseTimeoutMs;
    m_rateDeadline = false;
    if (m_settings.minBytesPerSecond > 0) {
        const qint64 allowed = m_settings.responseTimeoutMs + m_windowBytes * 1000 / m_settings.minBytesPerSecond;
        const qint64 left = allowed - m_window.elapsed();
        if (left < wait) {
            wait = qMax<qint64>(left, 0);
            m_rateDeadline = true;
        }
    }
    m_responseTimer.start(int(wait));
}

void ImapConnection::setIdling(bool idling)
{
    m_idling = idling;
    updateResponseTimer();
}

void ImapConnection::setCapabilities(const QList<QByteArray> &capabilities) { m_capabilities = capabilities; }

void ImapConnection::writeLine(const QByteArray &line, const QByteArray &logForm)
{
    if (!m_socket)
        return;
    m_log.append(ImapProtocolLog::Direction::Client, logForm);
    m_socket->write(line + "\r\n");
}

QByteArray ImapConnection::sendCommand(ImapTask *owner, const ImapCommand &command)
{
    if (m_state != State::Ready || command.segments.isEmpty())
        return {};
    const QByteArray tag = "s" + QByteArray::number(++m_tagCounter);
    Pending p;
    p.tag = tag;
    p.owner = owner;
    p.remainingSegments = command.segments.mid(1);
    p.wantsContinuations = command.wantsContinuations;
    m_pending.append(p);
    const QByteArray logForm = command.logForm.isEmpty() ? command.segments.join(QByteArray("\r\n")) : command.logForm;
    writeLine(tag + ' ' + command.segments.first(), tag + ' ' + logForm);
    updateResponseTimer();
    return tag;
}

void ImapConnection::sendInternal(const QByteArray &command, std::function<void(const ImapResponse &)> onDone)
{
    const QByteArray tag = "s" + QByteArray::number(++m_tagCounter);
    Pending p;
    p.tag = tag;
    p.internal = std::move(onDone);
    m_pending.append(p);
    writeLine(tag + ' ' + command, tag + ' ' + command);
    updateResponseTimer();
}

void ImapConnection::sendContinuationLine(const QByteArray &line, const QByteArray &logForm)
{
    writeLine(line, logForm);
    updateResponseTimer();
}

void ImapConnection::registerTask(ImapTask *task) { m_tasks.append(task); }

void ImapConnection::unregisterTask(ImapTask *task)
{
    m_tasks.removeIf([task](const QPointer<ImapTask> &t) { return !t || t == task; });
}

void ImapConnection::handleGreeting(const ImapResponse &r)
{
    if (r.kind != ResponseKind::Untagged
        || (r.status != ResponseStatus::Ok && r.status != ResponseStatus::PreAuth && r.status != ResponseStatus::Bye)) {
        fail(ImapError{ImapErrorKind::ProtocolError,
                       QStringLiteral("%1 did not greet like an IMAP server").arg(hostLabel()), {}, {}});
        return;
    }
    if (r.status == ResponseStatus::Bye) {
        fail(ImapError{ImapErrorKind::ServerBye,
                       QStringLiteral("%1 refused the connection: %2").arg(hostLabel(), serverText(r.text)), {}, {}});
        return;
    }
    if (r.status == ResponseStatus::PreAuth) {
        if (!m_tlsStarted) {
            // RFC 9051 §6.2.1 / RFC 8314: a PREAUTH in clear means STARTTLS can never happen.
            fail(ImapError{ImapErrorKind::StartTlsNotOffered,
                           QStringLiteral("%1 sent PREAUTH on an unencrypted connection, so STARTTLS is impossible; "
                                          "refusing to continue in clear")
                               .arg(hostLabel()),
                           {}, {}});
            return;
        }
        m_authenticated = true;
    }
    if (r.code && r.code->name == "CAPABILITY")
        m_capabilities = r.code->list;
    if (m_capabilities.isEmpty()) {
        sendInternal("CAPABILITY", [this](const ImapResponse &done) {
            if (done.status != ResponseStatus::Ok) {
                fail(ImapError{ImapErrorKind::ProtocolError, QStringLiteral("the server refused CAPABILITY"), {}, {}});
                return;
            }
            afterCapabilities();
        });
        return;
    }
    afterCapabilities();
}

void ImapConnection::afterCapabilities()
{
    if (!m_tlsStarted) {
        if (!hasCapability("STARTTLS")) {
            fail(ImapError{ImapErrorKind::StartTlsNotOffered,
                           QStringLiteral("the server does not offer STARTTLS; refusing to send the password in clear"),
                           {}, {}});
            return;
        }
        startTls();
        return;
    }
    becomeReady();
}

void ImapConnection::startTls()
{
    m_state = State::StartingTls;
    sendInternal("STARTTLS", [this](const ImapResponse &r) {
        if (r.status != ResponseStatus::Ok) {
            fail(ImapError{ImapErrorKind::StartTlsNotOffered,
                           QStringLiteral("the server refused STARTTLS (%1); refusing to send the password in clear")
                               .arg(serverText(r.text)),
                           {}, {}});
            return;
        }
        m_tlsStarted = true;
        m_injectionCheck = true; // onReadyRead starts the handshake once it knows nothing follows
    });
}

void ImapConnection::becomeReady()
{
    m_state = State::Ready;
    m_log.append(ImapProtocolLog::Direction::Event, "ready");
    updateResponseTimer();
    emit ready();
}

void ImapConnection::dispatch(const ImapResponse &r)
{
    if (r.kind == ResponseKind::Tagged) {
        const auto it = std::find_if(m_pending.begin(), m_pending.end(),
                                     [&](const Pending &p) { return p.tag == r.tag; });
        if (it == m_pending.end()) {
            fail(ImapError{ImapErrorKind::ProtocolError,
                           QStringLiteral("the server answered a command that was never sent (tag %1)")
                               .arg(serverText(r.tag)),
                           {}, {}});
            return;
        }
        const Pending p = *it;
        m_pending.erase(it);
        m_windowOpen = false; // the next command waiting gets a fresh allowance
        if (r.code && r.code->name == "CAPABILITY")
            m_capabilities = r.code->list;
        if (p.internal)
            p.internal(r);
        else if (p.owner && !p.owner->isFinished())
            p.owner->handleTagged(r);
        return;
    }
    if (r.kind == ResponseKind::Continuation) {
        for (Pending &p : m_pending) {
            if (!p.remainingSegments.isEmpty()) {
                const QByteArray seg = p.remainingSegments.takeFirst();
                writeLine(seg, "<literal " + QByteArray::number(seg.size()) + " bytes>");
                return;
            }
        }
        for (auto it = m_pending.rbegin(); it != m_pending.rend(); ++it) {
            if (it->wantsContinuations && it->owner && !it->owner->isFinished()) {
                it->owner->handleContinuation(r);
                return;
            }
        }
        fail(ImapError{ImapErrorKind::ProtocolError,
                       QStringLiteral("the server asked for data that no command has to send"), {}, {}});
        return;
    }
    // Untagged
    if (m_state == State::Greeting && m_pending.isEmpty()) {
        handleGreeting(r);
        return;
    }
    if (r.type == UntaggedType::Capability)
        m_capabilities = r.atoms;
    else if (r.code && r.code->name == "CAPABILITY")
        m_capabilities = r.code->list;
    if (r.status == ResponseStatus::Bye)
        m_byeText = r.text.isNull() ? QByteArray("") : r.text;
    const auto tasks = m_tasks;
    for (const auto &t : tasks) {
        if (t && !t->isFinished() && t->handleUntagged(r))
            return;
    }
    if (m_state == State::Ready)
        emit unsolicited(r);
}

} // namespace imap
