#pragma once
// RememberingResolver: a verifier::Resolver decorator that answers DKIM key queries
// (TXT <selector>._domainkey.<domain>, RFC 6376 §3.6.2.1) with a remembered key record when the
// upstream resolver no longer has one: NXDOMAIN, NODATA, or only revoked records (empty p=,
// RFC 6376 §3.6.1). Every other query, and every key query the upstream answers with a usable
// key or with a temporary failure (SERVFAIL, timeout: "try later", not "withdrawn"), goes
// through unchanged.
//
// It never decides what may be remembered: the caller hands it, per (domain, selector), the one
// record that may vouch for this message (KeyMemory::keyForArrival, i.e. one that was published
// when the message arrived). A remembered answer is never DNSSEC-secure. Each substitution is
// noted; the caller reads the notes after verify() to mark the DkimResult
// (app/core/RememberedVerification.h).
//
// Thread-safe like every Resolver: the remembered records are fixed at construction and the
// notes are guarded by a mutex.

#include "Resolver.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sealcheck {

struct RememberedRecord
{
    std::string record;
    int64_t firstSeen = 0;
    int64_t lastSeen = 0;
};

class RememberingResolver final : public verifier::Resolver
{
public:
    struct Note
    {
        std::string domain;    ///< lower case, no trailing dot
        std::string selector;  ///< lower case
        verifier::DnsStatus upstreamStatus = verifier::DnsStatus::NxDomain;
        bool upstreamRevoked = false; ///< the upstream answered only revoked records
        RememberedRecord remembered;
    };
    using Key = std::pair<std::string, std::string>; ///< (domain, selector), lower case

    RememberingResolver(const verifier::Resolver &upstream, std::map<Key, RememberedRecord> remembered);

    verifier::DnsAnswer query(std::string_view name, verifier::RrType type) const override;

    /// Every substitution made so far, in query order.
    std::vector<Note> notes() const;
    /// The substitution made for (domain, selector), if any (case-insensitive).
    std::optional<Note> noteFor(std::string_view domain, std::string_view selector) const;

    /// Splits "<selector>._domainkey.<domain>" (case-insensitive, trailing dot ignored).
    static std::optional<Key> splitKeyName(std::string_view name);

private:
    const verifier::Resolver &m_upstream;
    const std::map<Key, RememberedRecord> m_remembered;
    mutable std::mutex m_mutex;
    mutable std::vector<Note> m_notes;
};

} // namespace sealcheck
