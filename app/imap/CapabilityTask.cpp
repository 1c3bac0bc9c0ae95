#include "CapabilityTask.h"

#include "ImapConnection.h"

namespace imap {

void CapabilityTask::perform() { send(ImapCommand::plain("CAPABILITY")); }

void CapabilityTask::handleTagged(const ImapResponse &response)
{
    if (response.status != ResponseStatus::Ok) {
        fail(commandFailed("CAPABILITY", response));
        return;
    }
    m_capabilities = connection()->capabilities();
    succeed();
}

} // namespace imap
