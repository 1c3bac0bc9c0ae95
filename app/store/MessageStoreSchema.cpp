// MessageStore's schema: the numbered migrations and the code that applies them.
#include "MessageStore.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace sealcheck {

namespace {

// Numbered migrations; index i upgrades user_version i to i+1. Never edit a released step.
const char *const kMigrations[] = {
    // 1: the first schema.
    "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT NOT NULL, host TEXT NOT NULL, port INTEGER NOT NULL,"
    " security INTEGER NOT NULL, username TEXT NOT NULL, trusted_authserv_ids TEXT NOT NULL DEFAULT '',"
    " trusted_relays TEXT NOT NULL DEFAULT '', trusted_arc_sealers TEXT NOT NULL DEFAULT '',"
    " pinned_key TEXT NOT NULL DEFAULT '', phishing_keyword INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE mailboxes (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
    " name TEXT NOT NULL, uid_validity INTEGER NOT NULL DEFAULT 0, uid_next INTEGER NOT NULL DEFAULT 0,"
    " highest_modseq INTEGER NOT NULL DEFAULT 0, UNIQUE(account_id, name));"
    "CREATE TABLE messages (id INTEGER PRIMARY KEY, mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,"
    " uid INTEGER NOT NULL, from_header TEXT NOT NULL DEFAULT '', from_address TEXT NOT NULL DEFAULT '',"
    " subject TEXT NOT NULL DEFAULT '', date INTEGER NOT NULL DEFAULT 0, size INTEGER NOT NULL DEFAULT 0,"
    " flags TEXT NOT NULL DEFAULT '', message_id TEXT NOT NULL DEFAULT '', verdict TEXT NOT NULL DEFAULT '',"
    " UNIQUE(mailbox_id, uid));"
    "CREATE INDEX messages_by_date ON messages(mailbox_id, date DESC);"
    "CREATE INDEX messages_by_verdict ON messages(mailbox_id, verdict);"
    "CREATE TABLE raw_messages (message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,"
    " bytes BLOB NOT NULL, size INTEGER NOT NULL, stored_at INTEGER NOT NULL);"
    "CREATE TABLE reports (message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,"
    " report_version INTEGER NOT NULL, computed_at INTEGER NOT NULL, json TEXT NOT NULL);",
    // 2: key memory and sender expectations (KeyMemory.h, SenderExpectations.h).
    "CREATE TABLE dkim_keys (id INTEGER PRIMARY KEY, domain TEXT NOT NULL, selector TEXT NOT NULL,"
    " record TEXT NOT NULL, normalized TEXT NOT NULL, dnssec INTEGER NOT NULL DEFAULT 0,"
    " first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL, UNIQUE(domain, selector, normalized));"
    "CREATE INDEX dkim_keys_by_name ON dkim_keys(domain, selector);"
    "CREATE TABLE dkim_pins (domain TEXT NOT NULL, selector TEXT NOT NULL, record TEXT NOT NULL,"
    " normalized TEXT NOT NULL, pinned_at INTEGER NOT NULL, PRIMARY KEY(domain, selector));"
    "CREATE TABLE sender_always_signs (domain TEXT PRIMARY KEY, since INTEGER NOT NULL);"
    "CREATE TABLE accepted_signers (signer_domain TEXT NOT NULL, from_domain TEXT NOT NULL,"
    " accepted_at INTEGER NOT NULL, PRIMARY KEY(signer_domain, from_domain));",
    // 3: OAuth 2.0 accounts (issue 12). The tokens themselves live only in the keychain.
    "ALTER TABLE accounts ADD COLUMN auth_kind INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE accounts ADD COLUMN oauth_provider TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE accounts ADD COLUMN oauth_overrides TEXT NOT NULL DEFAULT '';",
    // 4: stale reports. 1 = the report was made under trust settings or a key memory that have
    // since changed and has not been made again yet (from the cached raw copy at once, else at
    // the next sync of the mailbox). Saving a report sets it back to 0. (One migration, two
    // statements: the parentheses say the concatenation is meant.)
    ("ALTER TABLE messages ADD COLUMN stale INTEGER NOT NULL DEFAULT 0;"
     "CREATE INDEX messages_by_stale ON messages(mailbox_id, stale);"),
    // 5: the account's provider profile (resources/providers/providers.json), "" = none.
    "ALTER TABLE accounts ADD COLUMN provider_profile TEXT NOT NULL DEFAULT '';",
    // 6: the domains the user knows (KnownDomains.h): origin 0 user, 1 account, 2 learned;
    // removed = 1 keeps a domain the user took out from being learned again.
    "CREATE TABLE IF NOT EXISTS known_domains (domain TEXT PRIMARY KEY, origin INTEGER NOT NULL, added_at INTEGER NOT NULL,"
    " removed INTEGER NOT NULL DEFAULT 0);",
};

} // namespace

int MessageStore::latestSchemaVersion() { return int(sizeof kMigrations / sizeof kMigrations[0]); }

int MessageStore::schemaVersion() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

bool MessageStore::migrate()
{
    // Each step reads the version inside a write transaction (BEGIN IMMEDIATE takes SQLite's
    // write lock first), so two connections opening a new store at once (the desktop program
    // and its verification threads, or two processes) never both run the same migration: the
    // second waits (busy timeout), sees the new version, and does nothing.
    int version = schemaVersion();
    if (version > latestSchemaVersion()) {
        m_lastError = QStringLiteral("the store was written by a newer Sealcheck (schema %1)").arg(version);
        return false;
    }
    while (version < latestSchemaVersion()) {
        if (!exec(QStringLiteral("BEGIN IMMEDIATE")))
            return false;
        version = schemaVersion();
        if (version >= latestSchemaVersion()) {
            exec(QStringLiteral("COMMIT"));
            break;
        }
        const QStringList statements =
            QString::fromLatin1(kMigrations[version]).split(QLatin1Char(';'), Qt::SkipEmptyParts);
        bool ok = true;
        for (const QString &s : statements) {
            if (!s.trimmed().isEmpty() && !exec(s)) {
                ok = false;
                break;
            }
        }
        if (ok)
            ok = exec(QStringLiteral("PRAGMA user_version=%1").arg(version + 1));
        if (!ok) {
            const QString error = m_lastError;
            exec(QStringLiteral("ROLLBACK"));
            m_lastError = error;
            return false;
        }
        if (!exec(QStringLiteral("COMMIT")))
            return false;
        ++version;
    }
    return true;
}

} // namespace sealcheck
