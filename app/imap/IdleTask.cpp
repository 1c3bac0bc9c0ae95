#include "IdleTask.h"

#include "ImapConnection.h"

namespace imap {

void IdleTask::perform()
{
    if (!connection()->hasCapability("IDLE")) {
        fail(ImapError{ImapErrorKind::CommandFailed, QStringLiteral("the server does not support IDLE"), {}, {}});
        return;
    }
    send(ImapCommand{{"IDLE"}, {}, true});
}

void IdleTask::handleContinuation(const ImapResponse &)
{
    if (m_idling)
        return;
    m_idling = true;
    connection()->setIdling(true);
    if (m_stopRequested) {
        stop();
        return;
    }
    emit idling();
}

void IdleTask::stop()
{
    m_stopRequested = true;
    if (!m_idling || m_doneSent || isFinished())
        return;
    m_doneSent = true;
    connection()->setIdling(false);
    connection()->sendContinuationLine("DONE", "DONE");
}

void IdleTask::handleTagged(const ImapResponse &r)
{
    if (connection())
        connection()->setIdling(false);
    m_idling = false;
    if (r.status != ResponseStatus::Ok)
        fail(commandFailed("IDLE", r));
    else
        succeed();
}

} // namespace imap
