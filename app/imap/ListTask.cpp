#include "ListTask.h"

#include "ImapMailboxName.h"

namespace imap {

ListTask::ListTask(const QByteArray &pattern, QObject *parent) : ImapTask(parent), m_pattern(pattern) {}

void ListTask::perform() { send(ImapCommand::plain("LIST \"\" " + quoteAString(m_pattern))); }

bool ListTask::handleUntagged(const ImapResponse &response)
{
    if (response.type != UntaggedType::List)
        return false;
    m_entries.append(response.list);
    return true;
}

void ListTask::handleTagged(const ImapResponse &response)
{
    if (response.status != ResponseStatus::Ok)
        fail(commandFailed("LIST", response));
    else
        succeed();
}

} // namespace imap
