#include "LogoutTask.h"

#include "ImapConnection.h"

namespace imap {

void LogoutTask::perform()
{
    connection()->expectClose();
    send(ImapCommand::plain("LOGOUT"));
}

bool LogoutTask::handleUntagged(const ImapResponse &r) { return r.status == ResponseStatus::Bye; }

void LogoutTask::handleTagged(const ImapResponse &) { succeed(); }

} // namespace imap
