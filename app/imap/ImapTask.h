#pragma once
/// One IMAP command (or a short fixed sequence) as an object: perform() sends, the connection
/// routes the command's tagged completion, the continuations it asked for and untagged
/// responses (offered to every running task; a task returns true for those it consumed) back
/// to it. A task ends exactly once, with success or an ImapError, and then emits finished().

#include "ImapCommand.h"
#include "ImapExpected.h"
#include "ImapResponse.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace imap {

class ImapConnection;

class ImapTask : public QObject
{
    Q_OBJECT
public:
    explicit ImapTask(QObject *parent = nullptr);
    ~ImapTask() override;

    /// Starts the task on a connection that is ready (authenticated or not, as the task needs).
    void start(ImapConnection *connection);
    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && !m_error; }
    const std::optional<ImapError> &error() const { return m_error; }
    /// Ends the task with ImapErrorKind::Aborted; responses still arriving for it are ignored.
    virtual void abort();

signals:
    void finished(imap::ImapTask *task);

protected:
    virtual void perform() = 0;
    virtual bool handleUntagged(const ImapResponse &response);
    virtual void handleTagged(const ImapResponse &response) = 0;
    virtual void handleContinuation(const ImapResponse &response);

    QByteArray send(const ImapCommand &command);
    void succeed();
    void fail(ImapError error);
    /// NO/BAD to this task's command as an error with the server's words.
    ImapError commandFailed(const QByteArray &what, const ImapResponse &response) const;

    ImapConnection *connection() const;

private:
    friend class ImapConnection;
    QPointer<ImapConnection> m_connection;
    bool m_finished = false;
    std::optional<ImapError> m_error;
};

/// The server's human text, made safe to show: control characters replaced, length bounded.
QString serverText(const QByteArray &text);

} // namespace imap
