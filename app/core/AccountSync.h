#pragma once
// Keeps one mailbox of one account in the MessageStore, in a worker thread (never the UI
// thread): the ImapSyncClient, its socket and the worker's own MessageStore connection live
// there. One round = connect, EXAMINE (read-only), compare UIDVALIDITY / highest stored UID
// (RFC 9051 §2.3.1.1), fetch the headers of new messages (BODY.PEEK: \Seen is never set), then
// the bodies of every unverified message, newest first, verifying each and storing its report;
// then, at most staleBatchSize per round, the stale messages (MessageStore::markStale: a report
// made under trust settings or a key memory changed since, whose raw copy had been evicted) are
// fetched again (BODY.PEEK[]) and verified anew, clearing their mark (staleRechecked());
// the mailbox state (UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ) is written only after the round, so
// an interrupted round is resumed exactly. Then, with watch on, it waits for new mail (IDLE,
// else NOOP polling) and runs another round. Failures a later attempt can cure are retried with
// ImapReconnectPolicy backoff; those that need the user (password, certificate) end the worker
// with failed().
//
// Messages deleted on the server are removed from the store when the stored count differs from
// EXISTS (one UID SEARCH for the complete list; expunged()); only the local copy goes.
//
// Each round starts with a LIST of the account's mailboxes (mailboxesListed(); store rows made
// for the selectable ones) and, when the server keeps mod-sequences (CONDSTORE, RFC 7162), asks
// for the flags changed since the stored HIGHESTMODSEQ (flagsChanged()). While watching, a round
// also runs every pollIntervalMs without new mail, so flag changes made elsewhere show up.
//
// The password comes from the keychain (Keychain::imapKey). An OAuth account (issue 12) logs in
// with the tokens stored under Keychain::oauthKey instead (OAuthImapLogin): an expiring or
// refused access token is refreshed silently and the new tokens saved; when the refresh is
// refused (revoked), signInRequired() and failed() say "Sign in again". It never asks for a password. Nothing is written to the server
// except keywords, when the account opted in: $Phishing on messages found forged
// (AccountRecord::setPhishingKeyword) and the verdict keywords of VerdictKeywords.h
// (AccountRecord::setVerdictKeywords).

#include "ImapConnectionSettings.h"
#include "ImapError.h"
#include "ImapReconnectPolicy.h"
#include "MessageStore.h"
#include "OAuthProvider.h"
#include "OAuthTokens.h"
#include "VerificationScheduler.h"

#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

class QThread;

namespace sealcheck {

struct AccountSyncOptions
{
    qint64 accountId = 0;
    QString mailbox = QStringLiteral("INBOX");
    /// The store database; the worker opens its own connection to it.
    QString storePath;
    /// Base settings; the account's trusted authserv-ids, relays and ARC sealers are added.
    VerificationSettings verification;
    /// After a round, wait for new mail and sync again until stop().
    bool watch = true;
    /// Longest single IDLE / poll wait; also bounds how long stop() may take.
    int waitChunkMs = 5000;
    int pollIntervalMs = 30000;
    QList<QSslCertificate> extraCaCertificates;
    imap::ImapReconnectPolicy reconnect;
    /// Retries after a curable failure before giving up; -1 = forever.
    int maxRetries = -1;
    int fetchBatchSize = 50;
    /// Stale messages fetched again and verified per round, newest first (the rest follow in
    /// later rounds), so a huge mailbox never delays new mail for long.
    int staleBatchSize = 200;
};

class AccountSync : public QObject
{
    Q_OBJECT
public:
    enum class Phase { Connecting, Headers, Bodies, Watching, Reconnecting, Stopped };
    Q_ENUM(Phase)

    explicit AccountSync(QObject *parent = nullptr);
    /// Stops and joins the worker.
    ~AccountSync() override;

    /// Reads the account from the store and its password from the keychain (asynchronously),
    /// then starts the worker. False (and failed()) when already running or the account or
    /// store cannot be read.
    bool start(const AccountSyncOptions &options);
    /// Asks the worker to end (within about waitChunkMs); finished() follows.
    void stop();
    /// Waits for the worker to end (tests, shutdown). True when it ended.
    bool wait(int msecs = -1);
    bool isRunning() const;

    /// The connection settings of an account (TLS mode, pinned key).
    static imap::ImapConnectionSettings connectionSettings(const AccountRecord &account,
                                                           const QList<QSslCertificate> &extraCa = {});
    /// @p base with the account's trust lists added.
    static VerificationSettings settingsFor(const AccountRecord &account, VerificationSettings base);
    /// A sentence for the user: wrong password, server not found, certificate not trusted...
    static QString explain(const imap::ImapError &error);

    /// The authserv-id of the topmost Authentication-Results field seen most often in the
    /// stored reports of the mailbox (newest @p sample messages); empty when none.
    static QString topmostAuthservId(const MessageStore &store, qint64 mailboxId, int sample = 50);
    /// The "by" hosts of the topmost Received hops of the stored reports, most frequent first.
    static QStringList topmostRelays(const MessageStore &store, qint64 mailboxId, int sample = 50);

    using TestCallback = std::function<void(std::optional<imap::ImapError>)>;
    /// Connects and logs in (then LIST) in a worker thread; @p done runs in @p context's
    /// thread with nothing (success) or the error.
    static void testConnection(const imap::ImapConnectionSettings &settings, const QString &user,
                               const QString &password, QObject *context, TestCallback done);
    /// The same with an OAuth sign-in: @p done gets "" or a sentence, and the tokens after the
    /// login (refreshed ones must be saved).
    using OAuthTestCallback = std::function<void(const QString &problem, const oauth::OAuthTokens &tokens)>;
    static void testOAuthConnection(const imap::ImapConnectionSettings &settings, const QString &user,
                                    const oauth::OAuthProvider &provider, const oauth::OAuthTokens &tokens,
                                    QObject *context, OAuthTestCallback done);
    /// When an OAuth account is removed: revokes its refresh token at the provider (RFC 7009)
    /// and deletes the tokens from the keychain. @p done gets "" or what went wrong. Nothing
    /// happens (done("")) for a password account.
    static void forgetSignIn(const AccountRecord &account, QObject *context, std::function<void(const QString &)> done);

signals:
    void phaseChanged(sealcheck::AccountSync::Phase phase);
    /// Within the Headers or Bodies phase.
    void progress(int done, int total);
    /// The store's mailbox id, once known.
    void mailboxReady(qint64 mailboxId);
    /// A round ended: the store holds every message the server had; @p newMessages were added.
    void synced(qint64 mailboxId, int newMessages);
    void retrying(const QString &reason, int delayMs);
    /// The worker stopped on an error that needs the user.
    void failed(const QString &message);
    void finished();
    /// OAuth: the saved sign-in was refused or is missing; the user must sign in again
    /// (followed by failed() with the same sentence).
    void signInRequired(qint64 accountId, const QString &message);
    /// OAuth: renewed tokens were saved to the keychain.
    void tokensRefreshed();
    /// The account's selectable mailboxes from LIST at the start of a round (RFC 9051 §6.3.9),
    /// in display order (ListTask::displayNames); each has a store row by then.
    void mailboxesListed(const QStringList &names);
    /// Flags of stored messages changed on the server (CONDSTORE, RFC 7162 §3.1.4.1): the
    /// store rows @p messageIds hold the new flags.
    void flagsChanged(qint64 mailboxId, const QList<qint64> &messageIds);
    /// Stale messages were fetched again and verified with the current settings: the store rows
    /// @p messageIds hold their new verdicts and are no longer stale.
    void staleRechecked(qint64 mailboxId, const QList<qint64> &messageIds);
    /// Messages deleted on the server since the last round were removed from the store (only
    /// the local copy: Sealcheck never deletes anything on the server).
    void expunged(qint64 mailboxId, const QList<qint64> &messageIds);

private:
    void launch(const AccountSyncOptions &options, const AccountRecord &account, const QString &password);
    void run(AccountSyncOptions options, AccountRecord account, QString password);

    QThread *m_thread = nullptr;
    std::atomic_bool m_stop{false};
    bool m_starting = false;
};

} // namespace sealcheck
