#pragma once
// KnownDomains: the domains the user knows, against which Sealcheck judges lookalikes
// (verifier::TrustPolicy::knownDomains; FindingCode::LookalikeDomain, KnownDomainEmbedded). Kept
// in the store (migration 5, table known_domains) and editable in Settings › Senders and keys.
//
// Where they come from:
//  - the user adds them (Settings, or nothing else: the CLI's --known-domain stays per run);
//  - the domains of the user's own accounts (the part after '@' of the user name);
//  - learning: the organisational domain of a message's From, when the message is authenticated
//    (not by a user's exception), the user answered it (IMAP \Answered), and nothing in it
//    competes with From.
// Learning is never talked into trusting an attacker: a domain that looks like one already known
// (same confusable skeleton), holds one (KnownDomainEmbedded), mixes scripts or imitates an ASCII
// name is never learned, and a domain the user removed is never learned or added again by
// anything but the user.
//
// Domains are stored as A-labels in lower case without a trailing dot (verifier::normalizeDomain).
// Use on the thread that owns the store.

#include "Expected.h"
#include "Report.h"

#include <QString>
#include <QVector>

#include <string>
#include <vector>

namespace sealcheck {

class MessageStore;

enum class KnownDomainOrigin { User = 0, Account = 1, Learned = 2 };

struct KnownDomainRecord
{
    QString domain; ///< A-label
    KnownDomainOrigin origin = KnownDomainOrigin::User;
    qint64 addedAt = 0; ///< Unix seconds
    bool operator==(const KnownDomainRecord &) const = default;
};

class KnownDomains
{
public:
    /// The store must be open and stay alive as long as this object.
    explicit KnownDomains(MessageStore &store);

    /// Every known domain (not removed), sorted.
    QVector<KnownDomainRecord> list() const;
    /// The same as verifier input.
    std::vector<std::string> domains() const;

    /// Adds @p domain (any form; normalised). By the user: always, also after a removal. By an
    /// account or learning: not when the user removed it. An Error when it is not a domain name.
    verifier::Expected<bool> add(const QString &domain, KnownDomainOrigin origin, qint64 at);
    /// The user removes a domain: it stays out, learning never brings it back.
    bool remove(const QString &domain);
    /// The domain of an account's user name ("alice@example.net" → example.net), if any.
    verifier::Expected<bool> addAccountDomain(const QString &userName, qint64 at);
    /// Learns the organisational From domain of @p report when the rules above allow it and
    /// @p imapFlags (space-separated) hold \Answered. Returns the domain learned, else empty.
    QString learn(const verifier::Report &report, const QString &imapFlags, qint64 at);

    /// Why @p domain (A-label) must not be learned given @p known: empty when it may be.
    static QString refusal(const std::string &domain, const std::vector<std::string> &known);
    /// A-label, lower case, no trailing dot; empty when @p domain is not a valid domain name.
    static QString normalized(const QString &domain);

    QString lastError() const { return m_lastError; }

private:
    MessageStore &m_store;
    mutable QString m_lastError;
};

} // namespace sealcheck
