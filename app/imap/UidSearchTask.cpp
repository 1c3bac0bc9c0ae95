#include "UidSearchTask.h"

#include <algorithm>

namespace imap {

UidSearchTask::UidSearchTask(quint32 fromUid, QObject *parent) : ImapTask(parent), m_from(qMax<quint32>(1, fromUid)) {}

void UidSearchTask::perform()
{
    send(ImapCommand::plain(m_from <= 1 ? QByteArray("UID SEARCH ALL")
                                        : "UID SEARCH UID " + QByteArray::number(m_from) + ":*"));
}

bool UidSearchTask::handleUntagged(const ImapResponse &r)
{
    if (r.type != UntaggedType::Search && r.type != UntaggedType::ESearch)
        return false;
    for (quint32 u : r.numbers)
        if (u >= m_from)
            m_uids.append(u);
    return true;
}

void UidSearchTask::handleTagged(const ImapResponse &r)
{
    if (r.status != ResponseStatus::Ok) {
        fail(commandFailed("UID SEARCH", r));
        return;
    }
    std::sort(m_uids.begin(), m_uids.end());
    m_uids.erase(std::unique(m_uids.begin(), m_uids.end()), m_uids.end());
    succeed();
}

} // namespace imap
