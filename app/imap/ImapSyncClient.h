#pragma once
/// A blocking façade for sealcheck-cli and tests: each call runs a local QEventLoop until its
/// task ends and returns a value or an ImapError with a sentence for the user (bad password,
/// untrusted certificate with its pin, connection lost...). Read-only by design: EXAMINE and
/// BODY.PEEK only; the one write, markAsPhishing(), must be enabled explicitly.
/// Not for the UI thread of the desktop program (it blocks); that uses the tasks directly.
///
/// Typical use:
///   ImapSyncClient c(settings);
///   if (auto r = c.connectAndLogin(user, pw); !r) fail(r.error().message);
///   auto box = c.examine(QStringLiteral("INBOX"));
///   auto delta = c.incrementalSync(stored);        // stored = {uidValidity, highestUid}
///   c.fetchMessages(delta->newUids, FetchParts::FullMessage, [&](const FetchData &m) { verify(m); });

#include "ImapConnectionSettings.h"
#include "ImapExpected.h"
#include "ImapResponse.h"
#include "MailboxState.h"
#include "SaslMechanism.h"
#include "UidFetchTask.h"

#include <functional>
#include <memory>

namespace imap {

class ImapConnection;
class ImapTask;

/// What the store remembers about a mailbox between syncs.
struct SyncState
{
    quint32 uidValidity = 0; ///< 0 = never synced
    quint32 highestUid = 0;  ///< highest UID already fetched
    quint64 highestModSeq = 0;
};

struct SyncDelta
{
    MailboxState mailbox;
    /// UIDVALIDITY differs from the stored one: every stored UID is meaningless, the store must
    /// drop the mailbox; newUids then lists every message.
    bool uidValidityChanged = false;
    QList<quint32> newUids;
};

struct FetchSummary
{
    int delivered = 0;
    quint32 lastDeliveredUid = 0;
    /// Requested UIDs the server did not send (UidFetchTask::skippedUids).
    QList<quint32> skippedUids;
    /// Messages sent for UIDs never requested (ignored), and the first few of those UIDs.
    int unexpected = 0;
    QList<quint32> unexpectedUids;
};

enum class NewMailMethod { Idle, Polling };

struct NewMailResult
{
    bool newMail = false;
    quint32 exists = 0;
    NewMailMethod method = NewMailMethod::Idle;
};

class ImapSyncClient
{
public:
    explicit ImapSyncClient(ImapConnectionSettings settings);
    ~ImapSyncClient();
    ImapSyncClient(const ImapSyncClient &) = delete;
    ImapSyncClient &operator=(const ImapSyncClient &) = delete;

    /// Connects (TLS), then AUTHENTICATE PLAIN or LOGIN. Reconnects if called again.
    ImapExpected<Done> connectAndLogin(const QString &user, const QString &password);
    ImapExpected<Done> connectAndAuthenticate(std::unique_ptr<SaslMechanism> mechanism);
    ImapExpected<QList<ListEntry>> listMailboxes();
    /// ENABLE CONDSTORE when offered (once), then EXAMINE. Never SELECT.
    ImapExpected<MailboxState> examine(const QString &mailbox);
    /// UIDs of the examined mailbox from @p fromUid on, ascending.
    ImapExpected<QList<quint32>> listUids(quint32 fromUid = 1);
    /// After examine(): which UIDs are new compared with @p known (RFC 9051 §2.3.1.1).
    ImapExpected<SyncDelta> incrementalSync(const SyncState &known);
    /// Fetches in pipelined batches; see UidFetchTask for the in-order, exactly-once contract.
    /// On failure the error is returned, and the messages already passed to @p onMessage stay valid.
    ImapExpected<FetchSummary> fetchMessages(const QList<quint32> &uids, FetchParts parts,
                                             const std::function<void(const FetchData &)> &onMessage,
                                             int batchSize = 50);
    /// FETCH 1:* (UID FLAGS) (CHANGEDSINCE n) — needs CONDSTORE.
    ImapExpected<QList<FetchData>> flagChangesSince(quint64 modSeq);
    /// Waits up to @p maxWaitMs for new messages in the examined mailbox: IDLE when offered,
    /// else NOOP every @p pollIntervalMs.
    ImapExpected<NewMailResult> waitForNewMail(int maxWaitMs, int pollIntervalMs = 30000);

    /// Off by default. Only when enabled does markAsPhishing() work.
    void setKeywordWritesEnabled(bool enabled) { m_writesEnabled = enabled; }
    /// Opt-in: SELECT, UID STORE uid +FLAGS.SILENT ($Phishing), EXAMINE again.
    ImapExpected<Done> markAsPhishing(quint32 uid);

    void logout();
    bool isConnected() const;
    QList<QByteArray> capabilities() const;
    /// The redacted protocol log of the current (or last) connection.
    QByteArray protocolLog() const;
    const MailboxState &currentMailbox() const { return m_mailbox; }

private:
    ImapExpected<Done> connectOnly();
    ImapExpected<Done> run(ImapTask *task);
    ImapExpected<Done> login(ImapTask *loginTask);

    ImapConnectionSettings m_settings;
    std::unique_ptr<ImapConnection> m_connection;
    MailboxState m_mailbox;
    bool m_mailboxOpen = false;
    bool m_condstoreEnabled = false;
    bool m_writesEnabled = false;
    quint32 m_exists = 0;
};

} // namespace imap
