#include "SenderExpectations.h"

#include "KeyMemory.h"
#include "MessageStore.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace sealcheck {

namespace {
QString name(const QString &domain)
{
    const QString n = KeyMemory::normalizedName(domain);
    return n.isNull() ? QStringLiteral("") : n;
}
} // namespace

SenderExpectations::SenderExpectations(MessageStore &store)
    : m_store(store)
{
}

verifier::Expected<bool> SenderExpectations::setAlwaysSigns(const QString &domain, qint64 since)
{
    if (name(domain).isEmpty())
        return verifier::makeError("no domain given");
    QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO sender_always_signs (domain, since) VALUES (?,?)"));
    q.addBindValue(name(domain));
    q.addBindValue(since);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return verifier::makeError("cannot save the expectation: " + m_lastError.toStdString());
    }
    return true;
}

bool SenderExpectations::removeAlwaysSigns(const QString &domain)
{
    QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
    q.prepare(QStringLiteral("DELETE FROM sender_always_signs WHERE domain=?"));
    q.addBindValue(name(domain));
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return q.numRowsAffected() > 0;
}

std::optional<AlwaysSignsRecord> SenderExpectations::alwaysSigns(const QString &domain) const
{
    QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
    q.prepare(QStringLiteral("SELECT domain, since FROM sender_always_signs WHERE domain=?"));
    q.addBindValue(name(domain));
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return AlwaysSignsRecord{q.value(0).toString(), q.value(1).toLongLong()};
}

QVector<AlwaysSignsRecord> SenderExpectations::alwaysSigningDomains() const
{
    QVector<AlwaysSignsRecord> out;
    QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
    if (!q.exec(QStringLiteral("SELECT domain, since FROM sender_always_signs ORDER BY domain"))) {
        m_lastError = q.lastError().text();
        return out;
    }
    while (q.next())
        out.push_back(AlwaysSignsRecord{q.value(0).toString(), q.value(1).toLongLong()});
    return out;
}

verifier::Expected<bool> SenderExpectations::acceptSigner(const QString &signerDomain, const QString &fromDomain, qint64 at)
{
    if (name(signerDomain).isEmpty() || name(fromDomain).isEmpty())
        return verifier::makeError("a signer domain and a From domain are needed");
    QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO accepted_signers (signer_domain, from_domain, accepted_at) VALUES (?,?,?)"));
    q.addBindValue(name(signerDomain));
    q.addBindValue(name(fromDomain));
    q.addBindValue(at);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return verifier::makeError("cannot save the accepted signer: " + m_lastError.toStdString());
    }
    return true;
}

bool SenderExpectations::removeAcceptedSigner(const QString &signerDomain, const QString &fromDomain)
{
    QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
    q.prepare(QStringLiteral("DELETE FROM accepted_signers WHERE signer_domain=? AND from_domain=?"));
    q.addBindValue(name(signerDomain));
    q.addBindValue(name(fromDomain));
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return q.numRowsAffected() > 0;
}

bool SenderExpectations::isAcceptedSigner(const QString &signerDomain, const QString &fromDomain) const
{
    QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
    q.prepare(QStringLiteral("SELECT 1 FROM accepted_signers WHERE signer_domain=? AND from_domain=?"));
    q.addBindValue(name(signerDomain));
    q.addBindValue(name(fromDomain));
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return q.next();
}

QVector<AcceptedSignerRecord> SenderExpectations::acceptedSigners() const
{
    QVector<AcceptedSignerRecord> out;
    QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
    if (!q.exec(QStringLiteral("SELECT signer_domain, from_domain, accepted_at FROM accepted_signers ORDER BY from_domain, signer_domain"))) {
        m_lastError = q.lastError().text();
        return out;
    }
    while (q.next())
        out.push_back(AcceptedSignerRecord{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()});
    return out;
}

} // namespace sealcheck
