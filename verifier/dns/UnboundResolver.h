#pragma once
/// The real resolver, on libunbound (ARCHITECTURE.md "DNS").
///
/// Forwarding: to the name servers of /etc/resolv.conf (ub_ctx_resolvconf), or to one given
/// `ADDR[@PORT]` (ub_ctx_set_fwd). Loopback forwarders are allowed (`do-not-query-localhost: no`).
///
/// DNSSEC: when the trust-anchor file exists (default: Debian's root key,
/// /usr/share/dns/root.key) answers are validated; DnsAnswer::secure is set for a validated
/// answer or denial, and a bogus answer is ServFail with bogus = true and the validator's reason
/// in `why`. Caveat: a forwarder that strips DNSSEC records makes every answer bogus; pass an
/// empty trustAnchorFile to turn validation off.
///
/// Outcome mapping: rcode 3 → NxDomain; rcode 0 with data → Ok; rcode 0 without data → NoData;
/// rcode 2, other rcodes, bogus, library errors and unparsable rdata → ServFail; no answer
/// within `timeout` → Timeout. TTL = ub_result->ttl (smallest TTL of the answer; for a
/// negative answer libunbound's SOA-derived TTL, else 0). CNAME chains are followed by
/// libunbound.
///
/// Per-query timeout (libunbound has none): the query is started with ub_resolve_async on a
/// threaded context (ub_ctx_async(ctx, 1)); the calling thread waits for it with a deadline
/// taken from std::chrono::steady_clock (a network timeout, not verification time). One waiting
/// thread at a time polls ub_fd() and calls ub_process(), which runs the callbacks of every
/// finished query; the others sleep on a condition variable until their query is done, their
/// deadline passes or the polling role is free. A query past its deadline is ub_cancel()ed; its
/// state is shared with the callback so that a late callback is harmless.
///
/// Server health (issue 24): libunbound's infra cache would mark the forwarder down after a few
/// timed-out queries (a message naming domains whose servers never answer) and fail every later
/// query at once. create() sets `infra-host-ttl: 0` (a server's timeout record lasts at most a
/// second), `infra-keep-probing: yes`, and `unknown-server-time-limit` to a third of `timeout`
/// (at most 1500 ms; libunbound's default is 376 ms, which made a resolver answering in 1 s
/// fail): one slow or dead name never changes the answers for another.
///
/// Thread-safety: libunbound(3) says its functions are thread-safe and a context may be used
/// from several threads; configuration is only allowed before the first resolve, so it is all
/// done in create(). ub_process() is additionally serialised by the polling role above.
///
/// Rdata (ub_result->data/len, uncompressed wire format) is parsed defensively and bounded:
/// TXT/SPF character-strings, A/AAAA via inet_ntop, MX/CNAME/PTR/NS/SRV names (a compression
/// pointer or overrun drops that record), TLSA as "usage selector mtype hex", SOA as
/// "mname rname serial refresh retry expire minimum".

#include "Expected.h"
#include "Resolver.h"

#include <chrono>
#include <memory>
#include <string>

namespace verifier {

struct UnboundOptions
{
    /// Empty: forward to the name servers listed in resolvConfPath. Otherwise one forwarder,
    /// "ADDR" or "ADDR@PORT", ADDR a literal IPv4 or IPv6 address.
    std::string forwarder;
    std::string resolvConfPath = "/etc/resolv.conf";
    /// DNS/DNSKEY trust anchors in zone-file format; validation is on when the file exists.
    /// Empty: no validation.
    std::string trustAnchorFile = "/usr/share/dns/root.key";
    /// The most one query() may take, libunbound's own retries included (`--dns-timeout`).
    std::chrono::milliseconds timeout{5000};
};

class UnboundResolver final : public Resolver
{
public:
    /// Errors: a malformed forwarder, an unreadable resolv.conf or trust-anchor file, a
    /// libunbound context that cannot be made.
    static Expected<std::unique_ptr<UnboundResolver>> create(const UnboundOptions &options);

    ~UnboundResolver() override;
    UnboundResolver(const UnboundResolver &) = delete;
    UnboundResolver &operator=(const UnboundResolver &) = delete;

    DnsAnswer query(std::string_view name, RrType type) const override;

    /// True when a trust anchor was loaded (answers can be secure).
    bool validating() const;

    /// Parses the rdata of one record of @p type (exposed for tests of malformed input).
    /// Returns false when the rdata is malformed.
    static bool parseRdata(RrType type, const unsigned char *data, size_t length, DnsRecord &out);

    struct Impl;

private:
    explicit UnboundResolver(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace verifier
