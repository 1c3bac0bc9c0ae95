#pragma once
/// The one class that owns the socket (Trojitá's "Streams" layer plus response routing).
///
/// open() connects with implicit TLS or STARTTLS (ImapConnectionSettings), reads the greeting
/// and the capabilities, and emits ready() — or failed() with a clear ImapError. TLS is
/// verified strictly (system roots + extra CAs, the peer name must match the host); an explicit
/// SHA-256 public-key pin accepts that one certificate. STARTTLS never downgrades: a server that
/// does not advertise STARTTLS, that answers PREAUTH in clear, or that sends bytes after its
/// STARTTLS OK before the handshake (RFC 9051 §6.2.1, CVE-2011-0411 style injection) is refused.
///
/// Tasks (ImapTask) send commands through it; it tags them, writes synchronising literals after
/// continuations, parses every complete response (ImapFramer -> ImapParser) and routes it:
/// tagged -> the task that sent the command; continuation -> the command waiting for it;
/// untagged -> offered to the running tasks in start order, else emitted as unsolicited().
/// Capabilities are tracked from CAPABILITY responses and [CAPABILITY] codes.
///
/// Bounded waiting (issue 24): while a command runs (or the greeting is awaited), silence longer
/// than responseTimeoutMs ends the connection, and so does an answer that arrives more slowly
/// than minBytesPerSecond on average after that allowance (a server trickling one byte at a time
/// would otherwise reset the silence timer forever). One response may not exceed maxResponseSize
/// bytes, its literals counted together (ImapFramer).
///
/// Errors end the connection: every running task fails with the same ImapError. Reconnecting is
/// the owner's job (make a new ImapConnection; ImapReconnectPolicy gives the delays).

#include "ImapCommand.h"
#include "ImapConnectionSettings.h"
#include "ImapError.h"
#include "ImapFramer.h"
#include "ImapProtocolLog.h"
#include "ImapResponse.h"

#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslError>
#include <QElapsedTimer>
#include <QTimer>

#include <functional>
#include <optional>

class QSslSocket;

namespace imap {

class ImapTask;

class ImapConnection : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Greeting, StartingTls, Ready, Closed, Failed };

    explicit ImapConnection(ImapConnectionSettings settings, QObject *parent = nullptr);
    ~ImapConnection() override;

    void open();
    /// Drops the connection without LOGOUT (use LogoutTask for a polite end). Emits closed().
    void close();

    State state() const { return m_state; }
    const ImapConnectionSettings &settings() const { return m_settings; }
    const QList<QByteArray> &capabilities() const { return m_capabilities; }
    /// Case-insensitive, e.g. hasCapability("IDLE"), hasCapability("AUTH=PLAIN").
    bool hasCapability(const QByteArray &capability) const;
    /// True after PREAUTH or a successful login.
    bool isAuthenticated() const { return m_authenticated; }
    bool isEncrypted() const;
    QSslCertificate peerCertificate() const;
    const std::optional<ImapError> &lastError() const { return m_error; }
    const ImapProtocolLog &protocolLog() const { return m_log; }

    // --- for tasks -------------------------------------------------------------------------
    /// Sends a command for @p owner and returns its tag.
    QByteArray sendCommand(ImapTask *owner, const ImapCommand &command);
    /// Writes one continuation line (AUTHENTICATE step, IDLE's DONE); @p logForm is logged.
    void sendContinuationLine(const QByteArray &line, const QByteArray &logForm);
    void setCapabilities(const QList<QByteArray> &capabilities);
    void setAuthenticated() { m_authenticated = true; }
    /// The next close by the server is expected (LOGOUT): not an error.
    void expectClose() { m_expectClose = true; }
    /// While IDLE runs, the server may stay silent: the response timeout is suspended.
    void setIdling(bool idling);
    /// Ends the connection with @p error (used by tasks for fatal protocol violations too).
    void fail(ImapError error);

signals:
    void ready();
    void failed(const imap::ImapError &error);
    void unsolicited(const imap::ImapResponse &response);
    void closed();

private:
    struct Pending
    {
        QByteArray tag;
        QPointer<ImapTask> owner;
        std::function<void(const ImapResponse &)> internal;
        QList<QByteArray> remainingSegments;
        bool wantsContinuations = false;
    };

    friend class ImapTask;
    void registerTask(ImapTask *task);
    void unregisterTask(ImapTask *task);

    void onConnected();
    void onEncrypted();
    void onSslErrors(const QList<QSslError> &errors);
    void onReadyRead();
    void onDisconnected();
    void onSocketError();
    void dispatch(const ImapResponse &response);
    void handleGreeting(const ImapResponse &response);
    void sendInternal(const QByteArray &command, std::function<void(const ImapResponse &)> onDone);
    void afterCapabilities();
    void startTls();
    void becomeReady();
    void writeLine(const QByteArray &line, const QByteArray &logForm);
    void updateResponseTimer();
    QString hostLabel() const;

    ImapConnectionSettings m_settings;
    QSslSocket *m_socket = nullptr;
    ImapFramer m_framer;
    ImapProtocolLog m_log;
    State m_state = State::Idle;
    QList<QByteArray> m_capabilities;
    bool m_authenticated = false;
    bool m_expectClose = false;
    bool m_idling = false;
    bool m_tlsStarted = false;
    bool m_injectionCheck = false;
    QByteArray m_byeText;
    std::optional<ImapError> m_error;
    QList<Pending> m_pending;
    QList<QPointer<ImapTask>> m_tasks;
    quint64 m_tagCounter = 0;
    QTimer m_connectTimer;
    QTimer m_responseTimer;
    // The current wait (a command until its tagged answer, or the greeting): when it began and
    // the bytes received since, for ImapConnectionSettings::minBytesPerSecond.
    QElapsedTimer m_window;
    qint64 m_windowBytes = 0;
    bool m_windowOpen = false;
    bool m_rateDeadline = false; ///< m_responseTimer stands for the rate deadline, not silence
};

} // namespace imap
