#include "KnownDomains.h"

#include "Domain.h"
#include "DomainDeception.h"
#include "MessageStore.h"
#include "PublicSuffixList.h"
#include "SenderAnalysis.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace sealcheck {

KnownDomains::KnownDomains(MessageStore &store)
    : m_store(store)
{
}

QString KnownDomains::normalized(const QString &domain)
{
    const auto n = verifier::normalizeDomain(domain.trimmed().toStdString());
    return n ? QString::fromStdString(*n) : QString();
}

QVector<KnownDomainRecord> KnownDomains::list() const
{
    QVector<KnownDomainRecord> out;
    QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
    if (!q.exec(QStringLiteral("SELECT domain, origin, added_at FROM known_domains WHERE removed = 0 ORDER BY domain"))) {
        m_lastError = q.lastError().text();
        return out;
    }
    while (q.next()) {
        KnownDomainRecord r;
        r.domain = q.value(0).toString();
        const int origin = q.value(1).toInt();
        r.origin = origin == 1 ? KnownDomainOrigin::Account : origin == 2 ? KnownDomainOrigin::Learned : KnownDomainOrigin::User;
        r.addedAt = q.value(2).toLongLong();
        out.push_back(r);
    }
    return out;
}

std::vector<std::string> KnownDomains::domains() const
{
    std::vector<std::string> out;
    for (const KnownDomainRecord &r : list())
        out.push_back(r.domain.toStdString());
    return out;
}

verifier::Expected<bool> KnownDomains::add(const QString &domain, KnownDomainOrigin origin, qint64 at)
{
    const QString d = normalized(domain);
    if (d.isEmpty())
        return verifier::makeError("\"" + domain.toStdString() + "\" is not a domain name");
    QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
    // The user's word wins: their add clears a removal; anything else leaves a removal alone and
    // never changes who added an existing entry.
    q.prepare(origin == KnownDomainOrigin::User
                  ? QStringLiteral("INSERT INTO known_domains (domain, origin, added_at, removed) VALUES (?,?,?,0)"
                                   " ON CONFLICT(domain) DO UPDATE SET removed = 0, origin = excluded.origin,"
                                   " added_at = excluded.added_at")
                  : QStringLiteral("INSERT INTO known_domains (domain, origin, added_at, removed) VALUES (?,?,?,0)"
                                   " ON CONFLICT(domain) DO NOTHING"));
    q.addBindValue(d);
    q.addBindValue(int(origin));
    q.addBindValue(at);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return verifier::makeError("cannot save the known domain: " + m_lastError.toStdString());
    }
    return q.numRowsAffected() > 0;
}

bool KnownDomains::remove(const QString &domain)
{
    const QString d = normalized(domain).isEmpty() ? domain.trimmed().toLower() : normalized(domain);
    QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
    q.prepare(QStringLiteral("INSERT INTO known_domains (domain, origin, added_at, removed) VALUES (?,0,0,1)"
                             " ON CONFLICT(domain) DO UPDATE SET removed = 1"));
    q.addBindValue(d);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

verifier::Expected<bool> KnownDomains::addAccountDomain(const QString &userName, qint64 at)
{
    const int atSign = userName.lastIndexOf(QLatin1Char('@'));
    if (atSign < 0)
        return false;
    const QString d = normalized(userName.mid(atSign + 1));
    if (d.isEmpty())
        return false;
    return add(d, KnownDomainOrigin::Account, at);
}

QString KnownDomains::refusal(const std::string &domain, const std::vector<std::string> &known)
{
    for (const std::string &k : known) {
        if (verifier::sameOrSubdomain(domain, k))
            return {};
    }
    const std::string skeleton = verifier::confusableSkeleton(domain);
    for (const std::string &k : known) {
        if (!skeleton.empty() && skeleton == verifier::confusableSkeleton(k))
            return QStringLiteral("it looks like %1").arg(QString::fromStdString(k));
    }
    if (const auto k = verifier::embeddedKnownDomain({}, domain, known))
        return QStringLiteral("it holds %1").arg(QString::fromStdString(*k));
    if (verifier::mixedScriptDomain(domain))
        return QStringLiteral("it mixes alphabets or imitates another name");
    return {};
}

QString KnownDomains::learn(const verifier::Report &report, const QString &imapFlags, qint64 at)
{
    const verifier::FromInfo &from = report.from;
    if (report.verdict != verifier::Verdict::Authenticated || report.userException ||
        from.kind != verifier::AddressListKind::One || from.domain.empty() || !from.competingFromNames.empty())
        return {};
    bool answered = false;
    for (const QString &flag : imapFlags.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        answered = answered || flag.compare(QLatin1String("\\Answered"), Qt::CaseInsensitive) == 0;
    if (!answered)
        return {};
    const std::string org = verifier::PublicSuffixList::system().organisationalDomain(from.domain);
    const QString candidate = normalized(QString::fromStdString(org));
    if (candidate.isEmpty())
        return {};
    std::vector<std::string> known = domains();
    for (const std::string &k : known) {
        if (k == candidate.toStdString())
            return {};
    }
    // Both the From domain as written and its organisational domain must pass.
    if (!refusal(from.domain, known).isEmpty() || !refusal(candidate.toStdString(), known).isEmpty())
        return {};
    // A removal by the user is kept: add() by learning does nothing then.
    const auto added = add(candidate, KnownDomainOrigin::Learned, at);
    return added && *added ? candidate : QString();
}

} // namespace sealcheck
