#include "EnableTask.h"

#include "ImapConnection.h"

namespace imap {

EnableTask::EnableTask(const QList<QByteArray> &extensions, QObject *parent) : ImapTask(parent), m_wanted(extensions) {}

void EnableTask::perform()
{
    QList<QByteArray> offered;
    for (const QByteArray &e : m_wanted)
        if (connection()->hasCapability(e))
            offered.append(e);
    if (offered.isEmpty() || !connection()->hasCapability("ENABLE")) {
        succeed();
        return;
    }
    send(ImapCommand::plain("ENABLE " + offered.join(' ')));
}

bool EnableTask::handleUntagged(const ImapResponse &r)
{
    if (r.type != UntaggedType::Enabled)
        return false;
    m_enabled += r.atoms;
    return true;
}

void EnableTask::handleTagged(const ImapResponse &r)
{
    if (r.status != ResponseStatus::Ok)
        fail(commandFailed("ENABLE", r));
    else
        succeed();
}

} // namespace imap
