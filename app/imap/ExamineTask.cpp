#include "ExamineTask.h"

#include "ImapMailboxName.h"

namespace imap {

ExamineTask::ExamineTask(const QByteArray &mailboxWireName, QObject *parent) : ImapTask(parent)
{
    m_state.name = mailboxWireName;
}

ExamineTask *ExamineTask::selectForKeywords(const QByteArray &mailboxWireName, QObject *parent)
{
    auto *t = new ExamineTask(mailboxWireName, parent);
    t->m_select = true;
    return t;
}

void ExamineTask::perform()
{
    const QByteArray name = quoteAString(m_state.name);
    if (name.isEmpty()) {
        fail(ImapError{ImapErrorKind::NoSuchMailbox, QStringLiteral("invalid mailbox name"), {}, {}});
        return;
    }
    send(ImapCommand::plain((m_select ? "SELECT " : "EXAMINE ") + name));
}

bool ExamineTask::handleUntagged(const ImapResponse &r)
{
    switch (r.type) {
    case UntaggedType::Exists:
        m_state.exists = r.number;
        return true;
    case UntaggedType::Flags:
        m_state.flags = r.atoms;
        return true;
    case UntaggedType::Recent:
        return true;
    case UntaggedType::None:
        if (r.status == ResponseStatus::Ok && r.code) {
            const ResponseCode &c = *r.code;
            if (c.name == "UIDVALIDITY" && c.number)
                m_state.uidValidity = quint32(*c.number);
            else if (c.name == "UIDNEXT" && c.number)
                m_state.uidNext = quint32(*c.number);
            else if (c.name == "HIGHESTMODSEQ" && c.number)
                m_state.highestModSeq = *c.number;
            else if (c.name == "NOMODSEQ")
                m_state.highestModSeq = 0;
            else if (c.name == "PERMANENTFLAGS")
                m_state.permanentFlags = c.list;
            else
                return false;
            return true;
        }
        return false;
    case UntaggedType::Capability:
    case UntaggedType::Enabled:
    case UntaggedType::List:
    case UntaggedType::Status:
    case UntaggedType::Search:
    case UntaggedType::ESearch:
    case UntaggedType::Expunge:
    case UntaggedType::Vanished:
    case UntaggedType::Fetch:
    case UntaggedType::Other:
        return false;
    }
    return false;
}

void ExamineTask::handleTagged(const ImapResponse &r)
{
    if (r.status != ResponseStatus::Ok) {
        fail(ImapError{ImapErrorKind::NoSuchMailbox,
                       QStringLiteral("cannot open the mailbox \"%1\": %2")
                           .arg(decodeMailboxName(m_state.name), serverText(r.text)),
                       {}, {}});
        return;
    }
    m_state.readOnly = !(r.code && r.code->name == "READ-WRITE");
    if (!m_select && !m_state.readOnly) {
        // EXAMINE must be read-only (RFC 9051 §6.3.3); treat anything else as a broken server.
        fail(ImapError{ImapErrorKind::ProtocolError,
                       QStringLiteral("the server opened the mailbox read-write in answer to EXAMINE"), {}, {}});
        return;
    }
    succeed();
}

} // namespace imap
