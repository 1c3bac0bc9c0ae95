#include "ImapSyncClient.h"

#include "EnableTask.h"
#include "ExamineTask.h"
#include "IdleTask.h"
#include "ImapConnection.h"
#include "ImapMailboxName.h"
#include "ListTask.h"
#include "LoginTask.h"
#include "LogoutTask.h"
#include "NoopTask.h"
#include "StoreKeywordTask.h"
#include "UidSearchTask.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

namespace imap {

namespace {

ImapError notConnected()
{
    return ImapError{ImapErrorKind::NotConnected, QStringLiteral("not connected to the server"), {}, {}};
}

ImapError noMailbox()
{
    return ImapError{ImapErrorKind::NotConnected, QStringLiteral("no mailbox is open"), {}, {}};
}

} // namespace

ImapSyncClient::ImapSyncClient(ImapConnectionSettings settings) : m_settings(std::move(settings)) {}

ImapSyncClient::~ImapSyncClient() = default;

bool ImapSyncClient::isConnected() const
{
    return m_connection && m_connection->state() == ImapConnection::State::Ready;
}

QList<QByteArray> ImapSyncClient::capabilities() const
{
    return m_connection ? m_connection->capabilities() : QList<QByteArray>();
}

QByteArray ImapSyncClient::protocolLog() const { return m_connection ? m_connection->protocolLog().toText() : QByteArray(); }

ImapExpected<Done> ImapSyncClient::connectOnly()
{
    m_connection = std::make_unique<ImapConnection>(m_settings);
    m_mailboxOpen = false;
    m_condstoreEnabled = false;
    m_mailbox = MailboxState();
    QObject::connect(m_connection.get(), &ImapConnection::unsolicited, [this](const ImapResponse &r) {
        if (r.type == UntaggedType::Exists)
            m_exists = r.number;
    });
    QEventLoop loop;
    QObject::connect(m_connection.get(), &ImapConnection::ready, &loop, &QEventLoop::quit);
    QObject::connect(m_connection.get(), &ImapConnection::failed, &loop, &QEventLoop::quit);
    QObject::connect(m_connection.get(), &ImapConnection::closed, &loop, &QEventLoop::quit);
    m_connection->open();
    if (m_connection->state() != ImapConnection::State::Failed)
        loop.exec();
    if (m_connection->state() != ImapConnection::State::Ready)
        return m_connection->lastError() ? *m_connection->lastError() : notConnected();
    return Done{};
}

ImapExpected<Done> ImapSyncClient::run(ImapTask *task)
{
    std::unique_ptr<ImapTask> owned(task);
    if (!isConnected())
        return m_connection && m_connection->lastError() ? *m_connection->lastError() : notConnected();
    QEventLoop loop;
    QObject::connect(task, &ImapTask::finished, &loop, &QEventLoop::quit);
    task->start(m_connection.get());
    if (!task->isFinished())
        loop.exec();
    if (task->error())
        return *task->error();
    return Done{};
}

ImapExpected<Done> ImapSyncClient::login(ImapTask *loginTask)
{
    std::unique_ptr<ImapTask> owned(loginTask);
    auto c = connectOnly();
    if (!c)
        return c.error();
    return run(owned.release());
}

ImapExpected<Done> ImapSyncClient::connectAndLogin(const QString &user, const QString &password)
{
    return login(new LoginTask(user, password));
}

ImapExpected<Done> ImapSyncClient::connectAndAuthenticate(std::unique_ptr<SaslMechanism> mechanism)
{
    return login(new LoginTask(std::move(mechanism)));
}

ImapExpected<QList<ListEntry>> ImapSyncClient::listMailboxes()
{
    auto *task = new ListTask("*");
    QList<ListEntry> out;
    QObject::connect(task, &ImapTask::finished, [&out](ImapTask *t) { out = static_cast<ListTask *>(t)->mailboxes(); });
    auto r = run(task);
    if (!r)
        return r.error();
    return out;
}

ImapExpected<MailboxState> ImapSyncClient::examine(const QString &mailbox)
{
    if (!isConnected())
        return notConnected();
    if (!m_condstoreEnabled && (m_connection->hasCapability("CONDSTORE") || m_connection->hasCapability("QRESYNC"))) {
        auto en = run(new EnableTask({"CONDSTORE"}));
        if (!en)
            return en.error();
        m_condstoreEnabled = true;
    }
    auto *task = new ExamineTask(encodeMailboxName(mailbox));
    MailboxState state;
    QObject::connect(task, &ImapTask::finished, [&state](ImapTask *t) { state = static_cast<ExamineTask *>(t)->mailbox(); });
    auto r = run(task);
    if (!r) {
        m_mailboxOpen = false;
        return r.error();
    }
    m_mailbox = state;
    m_mailboxOpen = true;
    m_exists = state.exists;
    return state;
}

ImapExpected<QList<quint32>> ImapSyncClient::listUids(quint32 fromUid)
{
    if (!m_mailboxOpen)
        return noMailbox();
    auto *task = new UidSearchTask(fromUid);
    QList<quint32> out;
    QObject::connect(task, &ImapTask::finished, [&out](ImapTask *t) { out = static_cast<UidSearchTask *>(t)->uids(); });
    auto r = run(task);
    if (!r)
        return r.error();
    return out;
}

ImapExpected<SyncDelta> ImapSyncClient::incrementalSync(const SyncState &known)
{
    if (!m_mailboxOpen)
        return noMailbox();
    SyncDelta delta;
    delta.mailbox = m_mailbox;
    quint32 from = known.highestUid + 1;
    if (known.uidValidity != 0 && known.uidValidity != m_mailbox.uidValidity) {
        delta.uidValidityChanged = true;
        from = 1;
    } else if (known.uidValidity != 0 && m_mailbox.uidNext != 0 && m_mailbox.uidNext <= from) {
        return delta; // UIDNEXT says nothing arrived (RFC 9051 §2.3.1.1)
    }
    auto uids = listUids(from);
    if (!uids)
        return uids.error();
    delta.newUids = *uids;
    return delta;
}

ImapExpected<FetchSummary> ImapSyncClient::fetchMessages(const QList<quint32> &uids, FetchParts parts,
                                                         const std::function<void(const FetchData &)> &onMessage,
                                                         int batchSize)
{
    if (!m_mailboxOpen)
        return noMailbox();
    auto *task = new UidFetchTask(uids, parts, onMessage);
    task->setBatchSize(batchSize);
    FetchSummary summary;
    QObject::connect(task, &ImapTask::finished, [&summary](ImapTask *t) {
        auto *f = static_cast<UidFetchTask *>(t);
        summary = FetchSummary{f->delivered(), f->lastDeliveredUid(), f->skippedUids(), f->unexpectedCount(),
                               f->unexpectedUids()};
    });
    auto r = run(task);
    if (!r)
        return r.error();
    return summary;
}

ImapExpected<QList<FetchData>> ImapSyncClient::flagChangesSince(quint64 modSeq)
{
    if (!m_mailboxOpen)
        return noMailbox();
    QList<FetchData> out;
    auto r = run(UidFetchTask::flagsChangedSince(modSeq, [&out](const FetchData &d) { out.append(d); }));
    if (!r)
        return r.error();
    return out;
}

ImapExpected<NewMailResult> ImapSyncClient::waitForNewMail(int maxWaitMs, int pollIntervalMs)
{
    if (!m_mailboxOpen)
        return noMailbox();
    const quint32 before = m_exists;
    NewMailResult result;
    QElapsedTimer timer;
    timer.start();
    if (m_connection->hasCapability("IDLE")) {
        result.method = NewMailMethod::Idle;
        auto *idle = new IdleTask;
        QEventLoop loop;
        QTimer deadline;
        deadline.setSingleShot(true);
        QObject::connect(&deadline, &QTimer::timeout, idle, &IdleTask::stop);
        auto conn = QObject::connect(m_connection.get(), &ImapConnection::unsolicited, idle,
                                     [this, before, idle](const ImapResponse &r) {
                                         if (r.type == UntaggedType::Exists && r.number > before)
                                             idle->stop();
                                         Q_UNUSED(this);
                                     });
        deadline.start(maxWaitMs);
        auto r = run(idle); // ends after DONE + OK, or on failure
        QObject::disconnect(conn);
        if (!r)
            return r.error();
    } else {
        result.method = NewMailMethod::Polling;
        while (m_exists <= before && timer.elapsed() < maxWaitMs) {
            auto r = run(new NoopTask);
            if (!r)
                return r.error();
            if (m_exists > before)
                break;
            const int wait = int(qMin<qint64>(pollIntervalMs, maxWaitMs - timer.elapsed()));
            if (wait <= 0)
                break;
            QEventLoop loop;
            QTimer::singleShot(wait, &loop, &QEventLoop::quit);
            QObject::connect(m_connection.get(), &ImapConnection::failed, &loop, &QEventLoop::quit);
            loop.exec();
        }
    }
    result.exists = m_exists;
    result.newMail = m_exists > before;
    return result;
}

ImapExpected<Done> ImapSyncClient::markAsPhishing(quint32 uid)
{
    if (!m_writesEnabled)
        return ImapError{ImapErrorKind::CommandFailed,
                         QStringLiteral("writing keywords is turned off (opt-in feature)"), {}, {}};
    if (!m_mailboxOpen)
        return noMailbox();
    const QByteArray name = m_mailbox.name;
    auto sel = run(ExamineTask::selectForKeywords(name));
    if (!sel)
        return sel.error();
    auto store = run(new StoreKeywordTask(uid, "$Phishing"));
    // back to read-only whatever happened (EXAMINE deselects without expunging, unlike CLOSE)
    auto *task = new ExamineTask(name);
    MailboxState state;
    QObject::connect(task, &ImapTask::finished, [&state](ImapTask *t) { state = static_cast<ExamineTask *>(t)->mailbox(); });
    auto back = run(task);
    if (back)
        m_mailbox = state;
    if (!store)
        return store.error();
    if (!back)
        return back.error();
    return Done{};
}

void ImapSyncClient::logout()
{
    if (!isConnected())
        return;
    (void)run(new LogoutTask);
    m_connection->close();
    m_mailboxOpen = false;
}

} // namespace imap
