#include "NoopTask.h"

namespace imap {

void NoopTask::perform() { send(ImapCommand::plain("NOOP")); }

void NoopTask::handleTagged(const ImapResponse &r)
{
    if (r.status != ResponseStatus::Ok)
        fail(commandFailed("NOOP", r));
    else
        succeed();
}

} // namespace imap
