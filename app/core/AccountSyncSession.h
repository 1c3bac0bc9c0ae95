// Internal to AccountSync: one sync session on one IMAP connection, run by AccountSync's worker
// thread (connect, log in, then rounds of LIST, new messages, changed flags and stale reports
// until stopped or the connection ends).
#pragma once

#include "AccountSync.h"

#include "ImapSyncClient.h"
#include "RememberedVerification.h"

#include <QSet>

#include <atomic>
#include <memory>
#include <optional>

namespace sealcheck {

/// One sync session on one connection; everything here runs in the worker thread.
class AccountSyncSession
{
public:
    AccountSyncSession(AccountSync *q, const AccountSyncOptions &o, const AccountRecord &a, QString &pw,
            MessageStore &store, const std::atomic_bool &stop)
        : q(q), options(o), account(a), password(pw), store(store), stopFlag(stop),
          settings(AccountSync::settingsFor(a, o.verification))
    {}

    /// Runs until stopped (ok) or an error ends the connection. @p loggedIn says whether the
    /// login succeeded (then the retry counter starts again).
    std::optional<imap::ImapError> run(bool &loggedIn, QString &storeError);

private:
    std::optional<imap::ImapError> round(imap::ImapSyncClient &client, QString &storeError);
    /// LIST: store rows for the selectable mailboxes, then mailboxesListed(). A NO to LIST is
    /// not fatal (the round goes on); a lost connection is.
    std::optional<imap::ImapError> listMailboxes(imap::ImapSyncClient &client, QString &storeError);
    /// CONDSTORE: flags changed since @p modSeq written to the store rows, then flagsChanged().
    std::optional<imap::ImapError> updateChangedFlags(imap::ImapSyncClient &client, quint64 modSeq);

    /// Verifies @p raw (the message @p id, UID @p uid) with this session's settings and saves the
    /// report (which clears a stale mark). Nothing when the bytes are not a message.
    std::optional<verifier::Verdict> verifyAndSave(qint64 id, quint32 uid, const QByteArray &raw);
    /// Step 2b of a round: one bounded batch of stale messages fetched again and verified.
    std::optional<imap::ImapError> recheckStale(imap::ImapSyncClient &client);

    AccountSync *q;
    const AccountSyncOptions &options;
    const AccountRecord &account;
    QString &password; ///< OAuth accounts: the tokens' JSON, updated when refreshed
    std::optional<imap::ImapError> oauthLogin(imap::ImapSyncClient &client);
    MessageStore &store;
    const std::atomic_bool &stopFlag;
    VerificationSettings settings;
    qint64 mailboxId = 0;
    /// Key memory and sender expectations (issue 13) on this worker's own connection, opened on
    /// first use; unset when there is none or it cannot be opened (verified without, as the
    /// scheduler does).
    std::unique_ptr<RememberedVerification> memory;
    bool memoryTried = false;
    /// Opens the memory once per round; false when there is none.
    bool openMemory();
    /// Stale messages asked for on this connection that the server did not deliver (expunged)
    /// or that could not be verified: not asked for again until the next connection.
    QSet<qint64> staleSkipped;
};

} // namespace sealcheck
