#pragma once
// SenderExpectations: what the user told Sealcheck to expect of a sender domain, kept in the
// store (migration 2) and editable in the settings.
//
//  - "always signs" (table sender_always_signs): mail from the domain always carries a valid DKIM
//    signature aligned with From. A message from it that arrives at or after `since` without
//    one is suspicious (FindingCode::ExpectedSignatureMissing).
//  - "accept signer X for sender Y" (table accepted_signers): "mail from this newsletter is
//    signed by its sending service". A valid DKIM signature by exactly X that covers the whole
//    message then authenticates From domain Y where the owner of Y does not enforce DMARC (no
//    record, or p=none); it never overrides a forged finding (DMARC fail under
//    quarantine/reject, an invalid S/MIME or OpenPGP signature, several From...), nor a
//    suspicious one other than DMARC's own monitoring-only fail (verifier/verdict/Verdict.cpp).
//
// Domains are compared exactly, in lower case without a trailing dot (no subdomain matching:
// the user accepted exactly that pair). Use on the thread that owns the store.

#include "Expected.h"

#include <QString>
#include <QVector>

#include <optional>

namespace sealcheck {

class MessageStore;

struct AlwaysSignsRecord
{
    QString domain;
    qint64 since = 0; ///< Unix seconds; the expectation applies to mail arriving from then on
    bool operator==(const AlwaysSignsRecord &) const = default;
};

struct AcceptedSignerRecord
{
    QString signerDomain; ///< DKIM d=
    QString fromDomain;   ///< the RFC 5322 From domain it may vouch for
    qint64 acceptedAt = 0;
    bool operator==(const AcceptedSignerRecord &) const = default;
};

class SenderExpectations
{
public:
    /// The store must be open and stay alive as long as this object.
    explicit SenderExpectations(MessageStore &store);

    verifier::Expected<bool> setAlwaysSigns(const QString &domain, qint64 since);
    bool removeAlwaysSigns(const QString &domain);
    std::optional<AlwaysSignsRecord> alwaysSigns(const QString &domain) const;
    QVector<AlwaysSignsRecord> alwaysSigningDomains() const;

    verifier::Expected<bool> acceptSigner(const QString &signerDomain, const QString &fromDomain, qint64 at);
    bool removeAcceptedSigner(const QString &signerDomain, const QString &fromDomain);
    bool isAcceptedSigner(const QString &signerDomain, const QString &fromDomain) const;
    QVector<AcceptedSignerRecord> acceptedSigners() const;

    QString lastError() const { return m_lastError; }

private:
    MessageStore &m_store;
    mutable QString m_lastError;
};

} // namespace sealcheck
