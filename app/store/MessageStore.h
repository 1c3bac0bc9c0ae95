#pragma once
// The local store: SQLite through Qt Sql in the XDG data location.
//
// What it holds: accounts (never passwords: those live in the keychain), mailboxes with their
// UIDVALIDITY/UIDNEXT/HIGHESTMODSEQ, message metadata, raw messages (a cache capped in total
// size; the oldest are evicted, the metadata stays), and reports as versioned JSON with the time
// they were computed; a report made under settings that have changed since, and not yet made
// again, is marked stale (markStale(), schema 4). WAL journal and one transaction per write, so
// a crash or a killed process loses nothing already stored. Schema changes are numbered migrations (PRAGMA user_version).
//
// Thread use: one MessageStore per thread (each opens its own connection); SQLite serialises
// writers, busy_timeout waits for them.

#include "Expected.h"
#include "Report.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace sealcheck {

enum class ConnectionSecurity { ImplicitTls, StartTls };

/// How an account logs in: a password (keychain: Keychain::imapKey) or an OAuth 2.0 sign-in
/// (tokens in the keychain: Keychain::oauthKey; app/oauth). Stored as 0 / 1.
enum class AuthenticationKind { Password, OAuth };

struct AccountRecord
{
    qint64 id = 0;
    QString name;
    QString host;
    int port = 993;
    ConnectionSecurity security = ConnectionSecurity::ImplicitTls;
    QString username;
    /// Authentication-Results authserv-ids the user confirmed (starts empty).
    QStringList trustedAuthservIds;
    /// Hosts of the receiving side (trust boundary of the Received chain).
    QStringList trustedRelays;
    QStringList trustedArcSealers;
    /// A pinned server certificate: base64 SHA-256 of its SubjectPublicKeyInfo ("" = none).
    QString pinnedKeySha256;
    /// Opt-in: set the $Phishing keyword on forged messages.
    bool setPhishingKeyword = false;
    /// Schema 3 (issue 12): password or OAuth sign-in.
    AuthenticationKind authentication = AuthenticationKind::Password;
    /// OAuth only: the provider id of resources/providers/oauth-providers.json ("google", "microsoft").
    QString oauthProvider;
    /// OAuth only: per-account overrides of the provider's settings (a JSON object with the data
    /// file's keys, e.g. {"client_id": "..."}); "" = none. Never holds a token.
    QString oauthOverrides;
    /// Schema 5: the provider profile the user chose (resources/providers/providers.json id,
    /// "" = none). It widens the trust above to the provider's ids, hosts and ARC sealers.
    QString providerProfile;
};

struct MailboxRecord
{
    qint64 id = 0;
    qint64 accountId = 0;
    QString name;
    quint32 uidValidity = 0;
    quint32 uidNext = 0;
    quint64 highestModSeq = 0;
};

enum class VerdictFilter { All, ForgedOrSuspicious, Forged, Suspicious, Authenticated, Unauthenticated, Pending };

struct MessageRow
{
    qint64 id = 0;
    qint64 mailboxId = 0;
    quint32 uid = 0;
    QString fromHeader;
    QString fromAddress;
    QString subject;
    QDateTime date;
    qint64 size = 0;
    QString flags;
    /// Empty until verified; else a verdict name ("forged", ...).
    QString verdict;
    QString messageId;
    /// Schema 4: the report was made under trust settings or a key memory that have changed
    /// since, and has not been made again yet (the raw copy had been evicted from the cache).
    /// The next sync of the mailbox fetches the message again (AccountSync); saveReport() clears it.
    bool stale = false;
};

struct StoreLimits
{
    /// Total bytes of raw messages kept; older ones are evicted beyond it.
    qint64 maxRawCacheBytes = qint64(2) * 1024 * 1024 * 1024;
    /// A single message larger than this is not cached at all.
    qint64 maxRawMessageBytes = 64 * 1024 * 1024;
};

class MessageStore
{
public:
    /// The default location: $XDG_DATA_HOME/sealcheck/sealcheck.sqlite.
    static QString defaultPath();

    MessageStore();
    ~MessageStore();
    MessageStore(const MessageStore &) = delete;
    MessageStore &operator=(const MessageStore &) = delete;

    /// Opens (creating) the database and runs pending migrations.
    verifier::Expected<bool> open(const QString &path, const StoreLimits &limits = {});
    bool isOpen() const;
    int schemaVersion() const;
    static int latestSchemaVersion();

    // Accounts
    verifier::Expected<qint64> saveAccount(const AccountRecord &account); // insert (id 0) or update
    QVector<AccountRecord> accounts() const;
    std::optional<AccountRecord> account(qint64 id) const;
    bool removeAccount(qint64 id);

    // Mailboxes
    verifier::Expected<qint64> mailbox(qint64 accountId, const QString &name); // find or create
    std::optional<MailboxRecord> mailboxRecord(qint64 mailboxId) const;
    QVector<MailboxRecord> mailboxes(qint64 accountId) const;
    bool setMailboxState(qint64 mailboxId, quint32 uidValidity, quint32 uidNext, quint64 highestModSeq);
    /// Forgets every message of the mailbox (after a UIDVALIDITY change).
    bool clearMailbox(qint64 mailboxId);
    /// Forgets the messages of the mailbox whose UID is not in @p serverUids (the complete list
    /// the server has now: they were expunged there), with their raw copies and reports, in one
    /// transaction. Returns the ids removed.
    verifier::Expected<QVector<qint64>> removeExpunged(qint64 mailboxId, const QList<quint32> &serverUids);

    // Messages
    /// Inserts or updates the metadata of (mailbox, uid); returns the row id.
    verifier::Expected<qint64> saveMessage(const MessageRow &row);
    /// Several at once in one transaction (a fetched batch).
    verifier::Expected<QVector<qint64>> saveMessages(const QVector<MessageRow> &rows);
    std::optional<MessageRow> message(qint64 id) const;
    std::optional<qint64> messageId(qint64 mailboxId, quint32 uid) const;
    quint32 highestUid(qint64 mailboxId) const;
    /// Rows of a mailbox, newest first, filtered; for the lazy list model.
    QVector<MessageRow> messages(qint64 mailboxId, VerdictFilter filter, const QString &search, int offset,
                                 int limit) const;
    int messageCount(qint64 mailboxId, VerdictFilter filter = VerdictFilter::All, const QString &search = {}) const;
    /// Ids of messages without a current report.
    QVector<qint64> unverified(qint64 mailboxId, int limit) const;

    /// After the trust settings of @p accountId (or the key memory) changed: marks as stale every
    /// verified message of the account. The caller verifies those with a cached raw copy again at
    /// once (saveReport clears the mark); the rest, and any left when the program stops first,
    /// wait for the next sync. Returns the ids marked now.
    verifier::Expected<QVector<qint64>> markStale(qint64 accountId);
    /// Ids of stale messages of the mailbox, newest first, at most @p limit (<= 0: none).
    QVector<qint64> staleMessages(qint64 mailboxId, int limit) const;
    int staleCount(qint64 mailboxId) const;

    // Raw messages (cache)
    bool saveRaw(qint64 messageId, const QByteArray &bytes);
    /// Removes one raw copy from the cache (metadata and report stay), as eviction does.
    bool dropRaw(qint64 messageId);
    std::optional<QByteArray> raw(qint64 messageId) const;
    qint64 rawCacheBytes() const;

    // Reports
    bool saveReport(qint64 messageId, const verifier::Report &report);
    std::optional<verifier::Report> report(qint64 messageId) const;

    QString lastError() const { return m_lastError; }
    QString connectionName() const { return m_connection; }

private:
    bool migrate();
    bool exec(const QString &sql);
    void evictRaw();
    /// PRAGMA journal_mode=WAL, tried again while another connection holds the new file's lock.
    bool setWalMode();

    QString m_connection;
    QString m_path;
    StoreLimits m_limits;
    mutable QString m_lastError;
};

QString verdictFilterName(VerdictFilter filter);

} // namespace sealcheck
