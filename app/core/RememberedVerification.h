#pragma once
// verifyWithMemory(): verifier::verify() with Sealcheck's memory of DKIM keys and the user's
// sender expectations (issue 13, "Remember what was verified"). The verifier stays pure; this
// function is the only place that joins it with the store:
//
//  1. The message's arrival time is read from the trusted Received hop (analyseTrace with the
//     context's relays; never the Date field). Without one, no remembered key is offered.
//  2. For each DKIM-Signature (d=, s=) the remembered record that covers that arrival
//     (KeyMemory::keyForArrival, verifier::rememberedKeyCoversArrival) is handed to a
//     RememberingResolver wrapped around context.resolver; verify() runs with it.
//  3. DkimResults verified with a remembered record get rememberedKeySince/LastSeen (the verdict
//     says "verified with the key published on DATE", a warning, and checks the window again);
//     keyChanged (another record was remembered for that selector before this one), keyPinned /
//     pinnedKeyChanged (against KeyMemory::pinFor) and acceptedSigner
//     (SenderExpectations::isAcceptedSigner(d=, From domain)) are set.
//  4. The records actually published are remembered (KeyMemory::recordObservation at
//     context.now), after the checks of step 3, so a new key is compared with the old ones.
//  5. "Always signs": a From domain expected to sign whose message (arriving at or after the
//     expectation's `since`, or at an unknown time) has no valid DKIM signature aligned with it
//     gets FindingCode::ExpectedSignatureMissing as a suspicious input.
//  6. The verdict is decided again (verifier::decideVerdict) with those inputs plus the sender
//     analysis findings of the first decision.
//
// Store failures never fail the verification: the report is still returned (without memory) and
// the error is in @p error when given. Call on the thread that owns the store of @p keys.

#include "KeyMemory.h"
#include "KnownDomains.h"
#include "Message.h"
#include "Report.h"
#include "SenderExpectations.h"
#include "Verifier.h"

#include "MessageStore.h"

#include <QString>

#include <memory>
#include <optional>
#include <string>

namespace sealcheck {

verifier::Report verifyWithMemory(const verifier::Message &message, const verifier::VerifyContext &context,
                                  KeyMemory &keys, SenderExpectations &expectations, std::string *error = nullptr);

/// One thread's connection to the key memory and sender expectations kept in a store file, for
/// callers that verify many messages (the scheduler's workers, `sealcheck-cli --memory`). The
/// store is opened on the calling thread and must be used and destroyed on it (SQLite: one
/// connection per thread; MessageStore names each connection uniquely).
class RememberedVerification
{
public:
    RememberedVerification();
    ~RememberedVerification();
    RememberedVerification(const RememberedVerification &) = delete;
    RememberedVerification &operator=(const RememberedVerification &) = delete;

    /// Opens (creating and migrating) the store at @p storePath. An Error when it cannot be
    /// opened: the caller decides whether to verify without memory.
    verifier::Expected<bool> open(const QString &storePath);
    bool isOpen() const { return m_keys != nullptr; }
    QString path() const { return m_path; }

    /// verifyWithMemory() on this store, with the store's known domains added to
    /// context.trust.knownDomains (KnownDomains.h); verifier::verify() when not open.
    verifier::Report verify(const verifier::Message &message, const verifier::VerifyContext &context,
                            std::string *error = nullptr);

    /// Null until open() succeeded.
    KeyMemory *keys() const { return m_keys.get(); }
    SenderExpectations *expectations() const { return m_expectations.get(); }
    KnownDomains *knownDomains() const { return m_knownDomains.get(); }

private:
    QString m_path;
    std::unique_ptr<MessageStore> m_store;
    std::unique_ptr<KeyMemory> m_keys;
    std::unique_ptr<SenderExpectations> m_expectations;
    std::unique_ptr<KnownDomains> m_knownDomains;
};

/// Adds @p extra to @p list, each once (domains compared in lower case).
void addKnownDomains(std::vector<std::string> &list, const std::vector<std::string> &extra);

/// The message's arrival time at the trust boundary (Unix seconds), from the trusted Received
/// hop; nullopt when there is no boundary or it carries no readable date.
std::optional<int64_t> trustedArrivalTime(const verifier::Message &message, const verifier::TrustPolicy &trust);

} // namespace sealcheck
