#include "MessageStore.h"

#include "MessageStoreSql.h"
#include "PrivateFiles.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <algorithm>
#include <chrono>
#include <thread>
#include <QVariant>

namespace sealcheck {

namespace {

QAtomicInteger<quint64> g_connectionCounter;

// Qt binds a null QString as SQL NULL; the schema's text columns are NOT NULL.
QString text(const QString &s) { return s.isNull() ? QStringLiteral("") : s; }
QString joinList(const QStringList &l) { return text(l.join(QLatin1Char('\n'))); }
QStringList splitList(const QString &s) { return s.isEmpty() ? QStringList() : s.split(QLatin1Char('\n')); }

QString filterClause(VerdictFilter f)
{
    switch (f) {
    case VerdictFilter::All: return {};
    case VerdictFilter::ForgedOrSuspicious: return QStringLiteral(" AND verdict IN ('forged','suspicious')");
    case VerdictFilter::Forged: return QStringLiteral(" AND verdict = 'forged'");
    case VerdictFilter::Suspicious: return QStringLiteral(" AND verdict = 'suspicious'");
    case VerdictFilter::Authenticated: return QStringLiteral(" AND verdict = 'authenticated'");
    case VerdictFilter::Unauthenticated: return QStringLiteral(" AND verdict = 'unauthenticated'");
    case VerdictFilter::Pending: return QStringLiteral(" AND verdict = ''");
    case VerdictFilter::NotChecked: return QStringLiteral(" AND verdict = 'not-checked'");
    }
    return {};
}

MessageRow readRow(const QSqlQuery &q)
{
    MessageRow r;
    r.id = q.value(0).toLongLong();
    r.mailboxId = q.value(1).toLongLong();
    r.uid = q.value(2).toUInt();
    r.fromHeader = q.value(3).toString();
    r.fromAddress = q.value(4).toString();
    r.subject = q.value(5).toString();
    r.date = QDateTime::fromSecsSinceEpoch(q.value(6).toLongLong(), Qt::UTC);
    r.size = q.value(7).toLongLong();
    r.flags = q.value(8).toString();
    r.messageId = q.value(9).toString();
    r.verdict = q.value(10).toString();
    r.stale = q.value(11).toInt() != 0;
    return r;
}

const char *kRowColumns =
    "id, mailbox_id, uid, from_header, from_address, subject, date, size, flags, message_id, verdict, stale";

} // namespace

using storesql::appendIds;

QString verdictFilterName(VerdictFilter filter)
{
    switch (filter) {
    case VerdictFilter::All: return QStringLiteral("all");
    case VerdictFilter::ForgedOrSuspicious: return QStringLiteral("forged-or-suspicious");
    case VerdictFilter::Forged: return QStringLiteral("forged");
    case VerdictFilter::Suspicious: return QStringLiteral("suspicious");
    case VerdictFilter::Authenticated: return QStringLiteral("authenticated");
    case VerdictFilter::Unauthenticated: return QStringLiteral("unauthenticated");
    case VerdictFilter::Pending: return QStringLiteral("pending");
    case VerdictFilter::NotChecked: return QStringLiteral("not-checked");
    }
    return {};
}

QString MessageStore::defaultPath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share");
    return dir + QStringLiteral("/sealcheck/sealcheck.sqlite");
}

MessageStore::MessageStore()
    : m_connection(QStringLiteral("sealcheck-store-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1)))
{
}

MessageStore::~MessageStore()
{
    if (QSqlDatabase::contains(m_connection)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
}

verifier::Expected<bool> MessageStore::open(const QString &path, const StoreLimits &limits)
{
    m_path = path;
    m_limits = limits;
    // Private before SQLite touches it: 0600 file, -wal/-shm alike, 0700 folder (issue 24).
    if (auto ready = preparePrivateFile(path, QFileInfo(defaultPath()).absolutePath()); !ready)
        return ready.error();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open())
        return verifier::makeError("cannot open the store " + path.toStdString() + ": " + db.lastError().text().toStdString());
    if (!setWalMode() || !exec(QStringLiteral("PRAGMA foreign_keys=ON")) ||
        !exec(QStringLiteral("PRAGMA synchronous=NORMAL")))
        return verifier::makeError("cannot configure the store: " + m_lastError.toStdString());
    if (!migrate())
        return verifier::makeError("cannot upgrade the store's schema: " + m_lastError.toStdString());
    // Verdicts made by an older version of the rules are not shown as current: they are marked
    // "not yet re-checked" and verified again (from the cached copy, else at the next sync).
    exec(QStringLiteral("UPDATE messages SET stale=1 WHERE stale=0 AND id IN"
                        " (SELECT message_id FROM reports WHERE report_version < %1)")
             .arg(verifier::Report{}.version));
    return true;
}

bool MessageStore::setWalMode()
{
    // Switching a new file to WAL needs SQLite's exclusive lock, and SQLite answers "database is
    // locked" at once, without its busy handler, while another connection opening the same new
    // file holds a lock. So it is tried again for as long as the busy timeout would have waited.
    constexpr int kTimeoutMs = 10000, kStepMs = 5;
    for (int waited = 0;; waited += kStepMs) {
        QSqlQuery q(QSqlDatabase::database(m_connection, false));
        if (q.exec(QStringLiteral("PRAGMA journal_mode=WAL")))
            return true;
        m_lastError = q.lastError().text();
        const bool busy = q.lastError().nativeErrorCode() == QLatin1String("5") // SQLITE_BUSY
                          || q.lastError().nativeErrorCode() == QLatin1String("6") // SQLITE_LOCKED
                          || m_lastError.contains(QLatin1String("locked"));
        if (!busy || waited >= kTimeoutMs)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(kStepMs));
    }
}

bool MessageStore::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && QSqlDatabase::database(m_connection, false).isOpen();
}

bool MessageStore::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(sql)) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

verifier::Expected<qint64> MessageStore::saveAccount(const AccountRecord &a)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (a.id == 0) {
        q.prepare(QStringLiteral("INSERT INTO accounts (name, host, port, security, username, trusted_authserv_ids,"
                                 " trusted_relays, trusted_arc_sealers, pinned_key, phishing_keyword, auth_kind,"
                                 " oauth_provider, oauth_overrides, provider_profile)"
                                 " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    } else {
        q.prepare(QStringLiteral("UPDATE accounts SET name=?, host=?, port=?, security=?, username=?,"
                                 " trusted_authserv_ids=?, trusted_relays=?, trusted_arc_sealers=?, pinned_key=?,"
                                 " phishing_keyword=?, auth_kind=?, oauth_provider=?, oauth_overrides=?,"
                                 " provider_profile=? WHERE id=?"));
    }
    q.addBindValue(text(a.name));
    q.addBindValue(text(a.host));
    q.addBindValue(a.port);
    q.addBindValue(int(a.security));
    q.addBindValue(text(a.username));
    q.addBindValue(joinList(a.trustedAuthservIds));
    q.addBindValue(joinList(a.trustedRelays));
    q.addBindValue(joinList(a.trustedArcSealers));
    q.addBindValue(text(a.pinnedKeySha256));
    // One column, two opt-in bits (no schema change): 1 = $Phishing, 2 = the verdict keywords.
    q.addBindValue((a.setPhishingKeyword ? 1 : 0) | (a.setVerdictKeywords ? 2 : 0));
    q.addBindValue(a.authentication == AuthenticationKind::OAuth ? 1 : 0);
    q.addBindValue(text(a.oauthProvider));
    q.addBindValue(text(a.oauthOverrides));
    q.addBindValue(text(a.providerProfile));
    if (a.id != 0)
        q.addBindValue(a.id);
    if (!q.exec())
        return verifier::makeError("cannot save the account: " + q.lastError().text().toStdString());
    return a.id != 0 ? a.id : q.lastInsertId().toLongLong();
}

QVector<AccountRecord> MessageStore::accounts() const
{
    QVector<AccountRecord> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT id, name, host, port, security, username, trusted_authserv_ids, trusted_relays,"
                               " trusted_arc_sealers, pinned_key, phishing_keyword, auth_kind, oauth_provider, oauth_overrides,"
                               " provider_profile FROM accounts ORDER BY id")))
        return out;
    while (q.next()) {
        AccountRecord a;
        a.id = q.value(0).toLongLong();
        a.name = q.value(1).toString();
        a.host = q.value(2).toString();
        a.port = q.value(3).toInt();
        a.security = q.value(4).toInt() == int(ConnectionSecurity::StartTls) ? ConnectionSecurity::StartTls
                                                                             : ConnectionSecurity::ImplicitTls;
        a.username = q.value(5).toString();
        a.trustedAuthservIds = splitList(q.value(6).toString());
        a.trustedRelays = splitList(q.value(7).toString());
        a.trustedArcSealers = splitList(q.value(8).toString());
        a.pinnedKeySha256 = q.value(9).toString();
        a.setPhishingKeyword = (q.value(10).toInt() & 1) != 0;
        a.setVerdictKeywords = (q.value(10).toInt() & 2) != 0;
        a.authentication = q.value(11).toInt() == 1 ? AuthenticationKind::OAuth : AuthenticationKind::Password;
        a.oauthProvider = q.value(12).toString();
        a.oauthOverrides = q.value(13).toString();
        a.providerProfile = q.value(14).toString();
        out.push_back(a);
    }
    return out;
}

std::optional<AccountRecord> MessageStore::account(qint64 id) const
{
    for (const AccountRecord &a : accounts()) {
        if (a.id == id)
            return a;
    }
    return std::nullopt;
}

bool MessageStore::removeAccount(qint64 id)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("DELETE FROM accounts WHERE id=?"));
    q.addBindValue(id);
    return q.exec();
}

verifier::Expected<qint64> MessageStore::mailbox(qint64 accountId, const QString &name)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO mailboxes (account_id, name) VALUES (?, ?)"));
    q.addBindValue(accountId);
    q.addBindValue(name);
    if (!q.exec())
        return verifier::makeError("cannot save the mailbox: " + q.lastError().text().toStdString());
    q.prepare(QStringLiteral("SELECT id FROM mailboxes WHERE account_id=? AND name=?"));
    q.addBindValue(accountId);
    q.addBindValue(name);
    if (!q.exec() || !q.next())
        return verifier::makeError("cannot find the mailbox: " + q.lastError().text().toStdString());
    return q.value(0).toLongLong();
}

std::optional<MailboxRecord> MessageStore::mailboxRecord(qint64 mailboxId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT id, account_id, name, uid_validity, uid_next, highest_modseq FROM mailboxes WHERE id=?"));
    q.addBindValue(mailboxId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return MailboxRecord{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                         q.value(3).toUInt(),     q.value(4).toUInt(),     q.value(5).toULongLong()};
}

QVector<MailboxRecord> MessageStore::mailboxes(qint64 accountId) const
{
    QVector<MailboxRecord> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT id FROM mailboxes WHERE account_id=? ORDER BY name"));
    q.addBindValue(accountId);
    if (!q.exec())
        return out;
    QVector<qint64> ids;
    while (q.next())
        ids.push_back(q.value(0).toLongLong());
    for (qint64 id : ids) {
        if (auto m = mailboxRecord(id))
            out.push_back(*m);
    }
    return out;
}

bool MessageStore::setMailboxState(qint64 mailboxId, quint32 uidValidity, quint32 uidNext, quint64 highestModSeq)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE mailboxes SET uid_validity=?, uid_next=?, highest_modseq=? WHERE id=?"));
    q.addBindValue(uidValidity);
    q.addBindValue(uidNext);
    q.addBindValue(qulonglong(highestModSeq));
    q.addBindValue(mailboxId);
    return q.exec();
}

bool MessageStore::clearMailbox(qint64 mailboxId)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("DELETE FROM messages WHERE mailbox_id=?"));
    q.addBindValue(mailboxId);
    return q.exec();
}

verifier::Expected<QVector<qint64>> MessageStore::removeExpunged(qint64 mailboxId, const QList<quint32> &serverUids)
{
    QList<quint32> present = serverUids;
    std::sort(present.begin(), present.end());
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return verifier::makeError("cannot start a transaction: " + db.lastError().text().toStdString());
    QVector<qint64> gone;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id, uid FROM messages WHERE mailbox_id=?"));
    q.addBindValue(mailboxId);
    bool ok = q.exec();
    while (ok && q.next()) {
        const quint32 uid = q.value(1).toUInt();
        if (!std::binary_search(present.cbegin(), present.cend(), uid))
            gone.push_back(q.value(0).toLongLong());
    }
    QString error = ok ? QString() : q.lastError().text();
    QSqlQuery d(db);
    d.prepare(QStringLiteral("DELETE FROM messages WHERE id=?"));
    for (qint64 id : std::as_const(gone)) {
        if (!error.isEmpty())
            break;
        d.addBindValue(id);
        if (!d.exec())
            error = d.lastError().text();
    }
    if (error.isEmpty() && db.commit())
        return gone;
    if (error.isEmpty())
        error = db.lastError().text();
    db.rollback();
    m_lastError = error;
    return verifier::makeError("cannot remove the messages deleted on the server: " + error.toStdString());
}

verifier::Expected<qint64> MessageStore::saveMessage(const MessageRow &row)
{
    auto ids = saveMessages({row});
    if (!ids)
        return ids.error();
    return ids->front();
}

verifier::Expected<QVector<qint64>> MessageStore::saveMessages(const QVector<MessageRow> &rows)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return verifier::makeError("cannot start a transaction: " + db.lastError().text().toStdString());
    QVector<qint64> ids;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO messages (mailbox_id, uid, from_header, from_address, subject, date, size,"
                             " flags, message_id) VALUES (?,?,?,?,?,?,?,?,?)"
                             " ON CONFLICT(mailbox_id, uid) DO UPDATE SET from_header=excluded.from_header,"
                             " from_address=excluded.from_address, subject=excluded.subject, date=excluded.date,"
                             " size=excluded.size, flags=excluded.flags, message_id=excluded.message_id"));
    QSqlQuery idq(db);
    idq.prepare(QStringLiteral("SELECT id FROM messages WHERE mailbox_id=? AND uid=?"));
    for (const MessageRow &r : rows) {
        q.addBindValue(r.mailboxId);
        q.addBindValue(r.uid);
        q.addBindValue(text(r.fromHeader));
        q.addBindValue(text(r.fromAddress));
        q.addBindValue(text(r.subject));
        q.addBindValue(r.date.isValid() ? r.date.toSecsSinceEpoch() : 0);
        q.addBindValue(r.size);
        q.addBindValue(text(r.flags));
        q.addBindValue(text(r.messageId));
        if (!q.exec()) {
            const QString e = q.lastError().text();
            db.rollback();
            return verifier::makeError("cannot save a message: " + e.toStdString());
        }
        idq.addBindValue(r.mailboxId);
        idq.addBindValue(r.uid);
        if (!idq.exec() || !idq.next()) {
            db.rollback();
            return verifier::makeError("cannot read back a saved message");
        }
        ids.push_back(idq.value(0).toLongLong());
    }
    if (!db.commit())
        return verifier::makeError("cannot commit: " + db.lastError().text().toStdString());
    return ids;
}

std::optional<MessageRow> MessageStore::message(qint64 id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT %1 FROM messages WHERE id=?").arg(QLatin1String(kRowColumns)));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readRow(q);
}

std::optional<qint64> MessageStore::messageId(qint64 mailboxId, quint32 uid) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT id FROM messages WHERE mailbox_id=? AND uid=?"));
    q.addBindValue(mailboxId);
    q.addBindValue(uid);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

quint32 MessageStore::highestUid(qint64 mailboxId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT MAX(uid) FROM messages WHERE mailbox_id=?"));
    q.addBindValue(mailboxId);
    if (!q.exec() || !q.next())
        return 0;
    return q.value(0).toUInt();
}

QVector<MessageRow> MessageStore::messages(qint64 mailboxId, VerdictFilter filter, const QString &search, int offset,
                                           int limit) const
{
    QVector<MessageRow> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    QString sql = QStringLiteral("SELECT %1 FROM messages WHERE mailbox_id=?").arg(QLatin1String(kRowColumns)) +
                  filterClause(filter);
    if (!search.isEmpty())
        sql += QStringLiteral(" AND (from_header LIKE ? ESCAPE '\\' OR subject LIKE ? ESCAPE '\\')");
    sql += QStringLiteral(" ORDER BY date DESC, uid DESC LIMIT ? OFFSET ?");
    q.prepare(sql);
    q.addBindValue(mailboxId);
    if (!search.isEmpty()) {
        QString pattern = search;
        pattern.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('%'), QStringLiteral("\\%"))
            .replace(QLatin1Char('_'), QStringLiteral("\\_"));
        pattern = QLatin1Char('%') + pattern + QLatin1Char('%');
        q.addBindValue(pattern);
        q.addBindValue(pattern);
    }
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return out;
    }
    while (q.next())
        out.push_back(readRow(q));
    return out;
}

int MessageStore::messageCount(qint64 mailboxId, VerdictFilter filter, const QString &search) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    QString sql = QStringLiteral("SELECT COUNT(*) FROM messages WHERE mailbox_id=?") + filterClause(filter);
    if (!search.isEmpty())
        sql += QStringLiteral(" AND (from_header LIKE ? ESCAPE '\\' OR subject LIKE ? ESCAPE '\\')");
    q.prepare(sql);
    q.addBindValue(mailboxId);
    if (!search.isEmpty()) {
        QString pattern = search;
        pattern.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('%'), QStringLiteral("\\%"))
            .replace(QLatin1Char('_'), QStringLiteral("\\_"));
        pattern = QLatin1Char('%') + pattern + QLatin1Char('%');
        q.addBindValue(pattern);
        q.addBindValue(pattern);
    }
    if (!q.exec() || !q.next())
        return 0;
    return q.value(0).toInt();
}

QVector<qint64> MessageStore::unverified(qint64 mailboxId, int limit) const
{
    QVector<qint64> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT id FROM messages WHERE mailbox_id=? AND verdict='' ORDER BY date DESC LIMIT ?"));
    q.addBindValue(mailboxId);
    q.addBindValue(limit);
    appendIds(q, out);
    return out;
}

} // namespace sealcheck
