#pragma once
// KeyMemory: every DKIM key record Sealcheck has seen published, with when it was first and last
// seen, and the keys the user pinned. A DKIM key is often withdrawn months after a message was
// sent (RFC 6376 §3.6.1 lets a domain revoke a key with an empty p=, or simply delete it); a
// re-check then reports genuine mail as failed. With the memory, Sealcheck can say "verified with
// the key published on DATE" instead (app/core/RememberedVerification.h wires it in; the verifier
// itself never reads the store).
//
// Tables (store migration 2): dkim_keys (domain, selector, record, normalized, dnssec,
// first_seen, last_seen; one row per distinct record of a name, so a replaced key is kept as
// history) and dkim_pins (domain, selector or "*", record).
//
// Names: domain and selector are compared in lower case without a trailing dot. Records are
// compared by their text with all white space removed (the same key split into other strings or
// spaced differently is the same record). Revoked records (empty p=) and records that do not look
// like a key (no p= tag) are never remembered.
//
// Thread use: like MessageStore, use a KeyMemory only on the thread that owns its store.

#include "Expected.h"
#include "Report.h"

#include <QString>
#include <QVector>

#include <optional>
#include <string_view>

namespace sealcheck {

class MessageStore;

struct RememberedKey
{
    QString domain;
    QString selector;
    /// The TXT record text as it was published (the concatenated strings).
    QString record;
    /// The last observation was DNSSEC-secure.
    bool dnssec = false;
    qint64 firstSeen = 0; ///< Unix seconds
    qint64 lastSeen = 0;  ///< Unix seconds
    bool operator==(const RememberedKey &) const = default;
};

struct KeyPin
{
    QString domain;
    /// A selector, or "*" for every selector of the domain.
    QString selector;
    QString record;
    qint64 pinnedAt = 0;
    bool operator==(const KeyPin &) const = default;
};

class KeyMemory
{
public:
    /// The store must be open and stay alive as long as this object.
    explicit KeyMemory(MessageStore &store);

    /// Remembers the key record of every DKIM result of @p report at report.verifiedAt, except
    /// results verified with a remembered key (rememberedKeySince set), results without a record
    /// or whose record did not parse (KeySyntax), and revoked records. Returns how many records
    /// were recorded. One transaction.
    verifier::Expected<int> recordObservation(const verifier::Report &report);
    /// Remembers one observation: a new record gets first_seen = last_seen = @p at; a known one
    /// widens [first_seen, last_seen] to include @p at and takes this DNSSEC status.
    verifier::Expected<bool> observe(const QString &domain, const QString &selector, const QString &record,
                                     bool dnssec, qint64 at);

    /// Every record remembered for <selector>._domainkey.<domain>, the earliest first seen first.
    QVector<RememberedKey> lookup(const QString &domain, const QString &selector) const;
    /// The record that may vouch for a message that arrived at @p arrival
    /// (verifier::rememberedKeyCoversArrival); the latest first seen of those that qualify.
    std::optional<RememberedKey> keyForArrival(const QString &domain, const QString &selector, qint64 arrival) const;
    /// Another record was remembered for the same name before @p record was first seen.
    bool keyChangedBefore(const QString &domain, const QString &selector, const QString &record) const;

    // Pins (editable in the settings).
    /// Pins @p record for @p selector of @p domain ("*": every selector); replaces an earlier pin.
    verifier::Expected<bool> pin(const QString &domain, const QString &selector, const QString &record, qint64 at);
    bool unpin(const QString &domain, const QString &selector);
    /// The pin that applies: the selector's own, else the domain's "*" pin.
    std::optional<KeyPin> pinFor(const QString &domain, const QString &selector) const;
    QVector<KeyPin> pins() const;

    /// The record without white space (how records are compared).
    static QString normalizedRecord(const QString &record);
    /// The record has a p= tag with an empty value (RFC 6376 §3.6.1: revoked).
    static bool isRevokedRecord(std::string_view record);
    /// The record has a p= tag with a value.
    static bool hasPublicKey(std::string_view record);
    /// Lower case, no trailing dot.
    static QString normalizedName(const QString &name);

    QString lastError() const { return m_lastError; }

private:
    MessageStore &m_store;
    mutable QString m_lastError;
};

} // namespace sealcheck
