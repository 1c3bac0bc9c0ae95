#include "KeyMemory.h"

#include "MessageStore.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace sealcheck {

namespace {

QString text(const QString &s) { return s.isNull() ? QStringLiteral("") : s; }

/// The value of tag @p name in a DKIM tag-list (RFC 6376 §3.2), white space removed; nullopt when
/// the tag is absent. Total: malformed input simply has no such tag.
std::optional<std::string> tagValue(std::string_view record, std::string_view name)
{
    size_t pos = 0;
    while (pos <= record.size()) {
        size_t end = record.find(';', pos);
        if (end == std::string_view::npos)
            end = record.size();
        std::string_view spec = record.substr(pos, end - pos);
        const size_t eq = spec.find('=');
        if (eq != std::string_view::npos) {
            std::string tag, value;
            for (char c : spec.substr(0, eq))
                if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
                    tag += c;
            for (char c : spec.substr(eq + 1))
                if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
                    value += c;
            if (tag == name)
                return value;
        }
        pos = end + 1;
    }
    return std::nullopt;
}

RememberedKey readKey(const QSqlQuery &q)
{
    RememberedKey k;
    k.domain = q.value(0).toString();
    k.selector = q.value(1).toString();
    k.record = q.value(2).toString();
    k.dnssec = q.value(3).toBool();
    k.firstSeen = q.value(4).toLongLong();
    k.lastSeen = q.value(5).toLongLong();
    return k;
}

} // namespace

KeyMemory::KeyMemory(MessageStore &store)
    : m_store(store)
{
}

QString KeyMemory::normalizedRecord(const QString &record)
{
    QString out;
    out.reserve(record.size());
    for (QChar c : record) {
        if (c != QLatin1Char(' ') && c != QLatin1Char('\t') && c != QLatin1Char('\r') && c != QLatin1Char('\n'))
            out += c;
    }
    return out;
}

bool KeyMemory::isRevokedRecord(std::string_view record)
{
    const auto p = tagValue(record, "p");
    return p && p->empty();
}

bool KeyMemory::hasPublicKey(std::string_view record)
{
    const auto p = tagValue(record, "p");
    return p && !p->empty();
}

QString KeyMemory::normalizedName(const QString &name)
{
    QString n = name.toLower();
    while (n.endsWith(QLatin1Char('.')))
        n.chop(1);
    return n;
}

verifier::Expected<bool> KeyMemory::observe(const QString &domain, const QString &selector, const QString &record,
                                            bool dnssec, qint64 at)
{
    const std::string bytes = record.toStdString();
    if (!hasPublicKey(bytes))
        return false;
    QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
    q.prepare(QStringLiteral(
        "INSERT INTO dkim_keys (domain, selector, record, normalized, dnssec, first_seen, last_seen)"
        " VALUES (?,?,?,?,?,?,?) ON CONFLICT(domain, selector, normalized) DO UPDATE SET"
        " first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen),"
        " dnssec = excluded.dnssec, record = excluded.record"));
    q.addBindValue(text(normalizedName(domain)));
    q.addBindValue(text(normalizedName(selector)));
    q.addBindValue(text(record));
    q.addBindValue(text(normalizedRecord(record)));
    q.addBindValue(dnssec ? 1 : 0);
    q.addBindValue(at);
    q.addBindValue(at);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return verifier::makeError("cannot remember the DKIM key: " + m_lastError.toStdString());
    }
    return true;
}

verifier::Expected<int> KeyMemory::recordObservation(const verifier::Report &report)
{
    QSqlDatabase db = QSqlDatabase::database(m_store.connectionName(), false);
    if (!db.transaction())
        return verifier::makeError("cannot remember DKIM keys: " + db.lastError().text().toStdString());
    int count = 0;
    for (const verifier::DkimResult &d : report.dkim) {
        if (d.rememberedKeySince || d.keyRecord.empty() || d.domain.empty() || d.selector.empty() ||
            d.failure == verifier::DkimFailure::KeySyntax)
            continue;
        auto r = observe(QString::fromStdString(d.domain), QString::fromStdString(d.selector),
                         QString::fromStdString(d.keyRecord), d.dnssec, report.verifiedAt);
        if (!r.ok()) {
            db.rollback();
            return r.error();
        }
        if (*r)
            ++count;
    }
    if (!db.commit())
        return verifier::makeError("cannot remember DKIM keys: " + db.lastError().text().toStdString());
    return count;
}

QVector<RememberedKey> KeyMemory::lookup(const QString &domain, const QString &selector) const
{
    QVector<RememberedKey> out;
    QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
    q.prepare(QStringLiteral("SELECT domain, selector, record, dnssec, first_seen, last_seen FROM dkim_keys"
                             " WHERE domain=? AND selector=? ORDER BY first_seen, id"));
    q.addBindValue(text(normalizedName(domain)));
    q.addBindValue(text(normalizedName(selector)));
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return out;
    }
    while (q.next())
        out.push_back(readKey(q));
    return out;
}

std::optional<RememberedKey> KeyMemory::keyForArrival(const QString &domain, const QString &selector,
                                                      qint64 arrival) const
{
    std::optional<RememberedKey> best;
    for (const RememberedKey &k : lookup(domain, selector)) {
        if (verifier::rememberedKeyCoversArrival(k.firstSeen, k.lastSeen, arrival))
            best = k; // lookup() is ordered by first_seen: the last that qualifies is the latest
    }
    return best;
}

bool KeyMemory::keyChangedBefore(const QString &domain, const QString &selector, const QString &record) const
{
    const QString norm = normalizedRecord(record);
    const QVector<RememberedKey> history = lookup(domain, selector);
    std::optional<qint64> mine;
    for (const RememberedKey &k : history) {
        if (normalizedRecord(k.record) == norm)
            mine = k.firstSeen;
    }
    for (const RememberedKey &k : history) {
        if (normalizedRecord(k.record) != norm && (!mine || k.firstSeen < *mine))
            return true;
    }
    return false;
}

verifier::Expected<bool> KeyMemory::pin(const QString &domain, const QString &selector, const QString &record, qint64 at)
{
    if (!hasPublicKey(record.toStdString()))
        return verifier::makeError("a pinned DKIM key record needs a public key (p=)");
    QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO dkim_pins (domain, selector, record, normalized, pinned_at)"
                             " VALUES (?,?,?,?,?)"));
    q.addBindValue(text(normalizedName(domain)));
    q.addBindValue(text(normalizedName(selector)));
    q.addBindValue(text(record));
    q.addBindValue(text(normalizedRecord(record)));
    q.addBindValue(at);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return verifier::makeError("cannot pin the DKIM key: " + m_lastError.toStdString());
    }
    return true;
}

bool KeyMemory::unpin(const QString &domain, const QString &selector)
{
    QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
    q.prepare(QStringLiteral("DELETE FROM dkim_pins WHERE domain=? AND selector=?"));
    q.addBindValue(text(normalizedName(domain)));
    q.addBindValue(text(normalizedName(selector)));
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return q.numRowsAffected() > 0;
}

std::optional<KeyPin> KeyMemory::pinFor(const QString &domain, const QString &selector) const
{
    QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
    q.prepare(QStringLiteral("SELECT domain, selector, record, pinned_at FROM dkim_pins WHERE domain=? AND selector IN (?, '*')"
                             " ORDER BY selector = '*'"));
    q.addBindValue(text(normalizedName(domain)));
    q.addBindValue(text(normalizedName(selector)));
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return KeyPin{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()};
}

QVector<KeyPin> KeyMemory::pins() const
{
    QVector<KeyPin> out;
    QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
    if (!q.exec(QStringLiteral("SELECT domain, selector, record, pinned_at FROM dkim_pins ORDER BY domain, selector"))) {
        m_lastError = q.lastError().text();
        return out;
    }
    while (q.next())
        out.push_back(KeyPin{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()});
    return out;
}

} // namespace sealcheck
