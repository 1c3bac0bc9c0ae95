#pragma once
/// NOOP (RFC 9051 §6.1.2): the polling fallback when IDLE is absent. Mailbox updates arrive
/// as untagged responses through ImapConnection::unsolicited().

#include "ImapTask.h"

namespace imap {

class NoopTask final : public ImapTask
{
    Q_OBJECT
public:
    using ImapTask::ImapTask;

protected:
    void perform() override;
    void handleTagged(const ImapResponse &response) override;
};

} // namespace imap
