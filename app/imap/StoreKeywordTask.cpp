#include "StoreKeywordTask.h"

#include "ImapTokenizer.h"

namespace imap {

StoreKeywordTask::StoreKeywordTask(quint32 uid, const QByteArray &keyword, QObject *parent)
    : ImapTask(parent), m_uid(uid), m_keyword(keyword)
{
}

void StoreKeywordTask::perform()
{
    bool valid = m_uid != 0 && !m_keyword.isEmpty();
    for (char c : m_keyword)
        valid = valid && isAtomChar(c);
    if (!valid) {
        fail(ImapError{ImapErrorKind::CommandFailed, QStringLiteral("invalid keyword or UID"), {}, {}});
        return;
    }
    send(ImapCommand::plain("UID STORE " + QByteArray::number(m_uid) + " +FLAGS.SILENT (" + m_keyword + ')'));
}

void StoreKeywordTask::handleTagged(const ImapResponse &r)
{
    if (r.status != ResponseStatus::Ok)
        fail(commandFailed("UID STORE", r));
    else
        succeed();
}

} // namespace imap
