#include "ImapTask.h"

#include "ImapConnection.h"

namespace imap {

ImapTask::ImapTask(QObject *parent) : QObject(parent) {}

ImapTask::~ImapTask()
{
    if (m_connection)
        m_connection->unregisterTask(this);
}

void ImapTask::start(ImapConnection *connection)
{
    m_connection = connection;
    if (!connection || connection->state() != ImapConnection::State::Ready) {
        fail(connection && connection->lastError()
                 ? *connection->lastError()
                 : ImapError{ImapErrorKind::NotConnected, QStringLiteral("not connected to the server"), {}, {}});
        return;
    }
    connection->registerTask(this);
    perform();
}

void ImapTask::abort()
{
    fail(ImapError{ImapErrorKind::Aborted, QStringLiteral("the operation was cancelled"), {}, {}});
}

ImapConnection *ImapTask::connection() const { return m_connection.data(); }

bool ImapTask::handleUntagged(const ImapResponse &) { return false; }

void ImapTask::handleContinuation(const ImapResponse &) {}

QByteArray ImapTask::send(const ImapCommand &command)
{
    if (!m_connection)
        return {};
    const QByteArray tag = m_connection->sendCommand(this, command);
    if (tag.isEmpty())
        fail(m_connection->lastError() ? *m_connection->lastError()
                                       : ImapError{ImapErrorKind::NotConnected,
                                                   QStringLiteral("not connected to the server"), {}, {}});
    return tag;
}

void ImapTask::succeed()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_connection)
        m_connection->unregisterTask(this);
    emit finished(this);
}

void ImapTask::fail(ImapError error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = std::move(error);
    if (m_connection)
        m_connection->unregisterTask(this);
    emit finished(this);
}

ImapError ImapTask::commandFailed(const QByteArray &what, const ImapResponse &response) const
{
    return ImapError{ImapErrorKind::CommandFailed,
                     QStringLiteral("the server refused %1: %2")
                         .arg(QString::fromLatin1(what), serverText(response.text)),
                     {}, {}};
}

QString serverText(const QByteArray &text)
{
    QString out = QString::fromUtf8(text.left(500));
    for (QChar &c : out)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            c = QChar(u'?');
    if (text.size() > 500)
        out += QStringLiteral("...");
    return out;
}

} // namespace imap
