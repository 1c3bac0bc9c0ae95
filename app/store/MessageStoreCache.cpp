// MessageStore's raw-message cache, saved reports and stale marks.
#include "MessageStore.h"

#include "MessageStoreSql.h"
#include "ReportJson.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace sealcheck {

using storesql::appendIds;

verifier::Expected<QVector<qint64>> MessageStore::markStale(qint64 accountId)
{
    // Only reports (verdict != '') can be stale; a message never verified is verified at the next
    // sync anyway. One transaction: the ids returned are exactly the rows changed.
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return verifier::makeError("cannot start a transaction: " + db.lastError().text().toStdString());
    // Every report of the account, those with a cached raw copy too: the caller verifies those
    // again at once, and each new report clears its mark; if the program stops before that, the
    // mark survives and the next sync does it (from the cached copy, without a fetch).
    const QString where = QStringLiteral(
        " WHERE stale=0 AND verdict<>'' AND mailbox_id IN (SELECT id FROM mailboxes WHERE account_id=?)");
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM messages") + where);
    q.addBindValue(accountId);
    QVector<qint64> ids;
    appendIds(q, ids);
    QSqlQuery u(db);
    u.prepare(QStringLiteral("UPDATE messages SET stale=1") + where);
    u.addBindValue(accountId);
    if (!q.lastError().isValid() && u.exec() && db.commit())
        return ids;
    const QString e = q.lastError().isValid() ? q.lastError().text() : u.lastError().text();
    db.rollback();
    m_lastError = e;
    return verifier::makeError("cannot mark reports as outdated: " + e.toStdString());
}

QVector<qint64> MessageStore::staleMessages(qint64 mailboxId, int limit) const
{
    QVector<qint64> out;
    if (limit <= 0)
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT id FROM messages WHERE mailbox_id=? AND stale=1 ORDER BY date DESC, uid DESC LIMIT ?"));
    q.addBindValue(mailboxId);
    q.addBindValue(limit);
    appendIds(q, out);
    return out;
}

int MessageStore::staleCount(qint64 mailboxId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM messages WHERE mailbox_id=? AND stale=1"));
    q.addBindValue(mailboxId);
    if (!q.exec() || !q.next())
        return 0;
    return q.value(0).toInt();
}

bool MessageStore::dropRaw(qint64 messageId)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("DELETE FROM raw_messages WHERE message_id=?"));
    q.addBindValue(messageId);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

bool MessageStore::saveRaw(qint64 messageId, const QByteArray &bytes)
{
    if (bytes.size() > m_limits.maxRawMessageBytes)
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO raw_messages (message_id, bytes, size, stored_at) VALUES (?,?,?,?)"));
    q.addBindValue(messageId);
    q.addBindValue(bytes);
    q.addBindValue(bytes.size());
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    evictRaw();
    return true;
}

std::optional<QByteArray> MessageStore::raw(qint64 messageId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT bytes FROM raw_messages WHERE message_id=?"));
    q.addBindValue(messageId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return q.value(0).toByteArray();
}

qint64 MessageStore::rawCacheBytes() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT COALESCE(SUM(size), 0) FROM raw_messages")) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

void MessageStore::evictRaw()
{
    qint64 total = rawCacheBytes();
    if (total <= m_limits.maxRawCacheBytes)
        return;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT message_id, size FROM raw_messages ORDER BY stored_at ASC, message_id ASC")))
        return;
    QVector<qint64> victims;
    while (total > m_limits.maxRawCacheBytes && q.next()) {
        victims.push_back(q.value(0).toLongLong());
        total -= q.value(1).toLongLong();
    }
    q.finish();
    QSqlQuery del(QSqlDatabase::database(m_connection, false));
    del.prepare(QStringLiteral("DELETE FROM raw_messages WHERE message_id=?"));
    for (qint64 id : victims) {
        del.addBindValue(id);
        del.exec();
    }
}

bool MessageStore::saveReport(qint64 messageId, const verifier::Report &report)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return false;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO reports (message_id, report_version, computed_at, json) VALUES (?,?,?,?)"));
    q.addBindValue(messageId);
    q.addBindValue(report.version);
    q.addBindValue(qint64(report.verifiedAt));
    q.addBindValue(QString::fromStdString(verifier::reportToJson(report)));
    QSqlQuery v(db);
    v.prepare(QStringLiteral("UPDATE messages SET verdict=?, stale=0 WHERE id=?"));
    v.addBindValue(QString::fromUtf8(verifier::verdictName(report.verdict).data()));
    v.addBindValue(messageId);
    if (!q.exec() || !v.exec()) {
        m_lastError = q.lastError().text() + v.lastError().text();
        db.rollback();
        return false;
    }
    return db.commit();
}

std::optional<verifier::Report> MessageStore::report(qint64 messageId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT json FROM reports WHERE message_id=?"));
    q.addBindValue(messageId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    const QByteArray json = q.value(0).toString().toUtf8();
    auto r = verifier::reportFromJson(std::string_view(json.constData(), size_t(json.size())));
    if (!r)
        return std::nullopt;
    return std::move(r).value();
}

} // namespace sealcheck
