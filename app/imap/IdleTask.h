#pragma once
/// IDLE (RFC 2177, RFC 9051 §6.3.13): after the server's continuation the connection stays
/// silent-safe (no response timeout) and untagged EXISTS/EXPUNGE/FETCH flow out through
/// ImapConnection::unsolicited(). stop() sends DONE; the task ends with the tagged OK.
/// RFC 2177 asks clients to re-issue IDLE at least every 29 minutes; the owner does that by
/// stopping and starting a new IdleTask.

#include "ImapTask.h"

namespace imap {

class IdleTask final : public ImapTask
{
    Q_OBJECT
public:
    using ImapTask::ImapTask;
    /// Ends IDLE (DONE). Safe before the continuation arrived: DONE is sent when it does.
    void stop();
    bool isIdling() const { return m_idling; }

signals:
    void idling();

protected:
    void perform() override;
    void handleTagged(const ImapResponse &response) override;
    void handleContinuation(const ImapResponse &response) override;

private:
    bool m_idling = false;
    bool m_stopRequested = false;
    bool m_doneSent = false;
};

} // namespace imap
