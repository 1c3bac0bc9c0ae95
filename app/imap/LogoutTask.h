#pragma once
/// LOGOUT (RFC 9051 §6.1.3): the server's BYE and close are expected, not errors.

#include "ImapTask.h"

namespace imap {

class LogoutTask final : public ImapTask
{
    Q_OBJECT
public:
    using ImapTask::ImapTask;

protected:
    void perform() override;
    bool handleUntagged(const ImapResponse &response) override;
    void handleTagged(const ImapResponse &response) override;
};

} // namespace imap
