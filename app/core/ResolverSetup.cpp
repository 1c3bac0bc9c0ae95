#include "ResolverSetup.h"

#include "CachingResolver.h"
#include "UnboundResolver.h"
#include "ZoneResolver.h"

#include <chrono>
#include <mutex>
#include <fstream>
#include <sstream>

namespace sealcheck {

namespace {

int64_t wallClockSeconds()
{
    // The cache's clock (TTL expiry), not the verifier's "now".
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

/// Creates the real resolver on the first query (on the querying thread).
class DeferredResolver final : public verifier::Resolver
{
public:
    explicit DeferredResolver(ResolverOptions options) : m_options(std::move(options)) { m_options.deferred = false; }

    verifier::DnsAnswer query(std::string_view name, verifier::RrType type) const override
    {
        std::call_once(m_once, [this] {
            auto made = makeResolver(m_options);
            if (made)
                m_resolver = *made;
            else
                m_error = made.error().message;
        });
        if (!m_resolver) {
            verifier::DnsAnswer failed;
            failed.status = verifier::DnsStatus::ServFail;
            failed.why = m_error;
            return failed;
        }
        return m_resolver->query(name, type);
    }

private:
    ResolverOptions m_options;
    mutable std::once_flag m_once;
    mutable std::shared_ptr<const verifier::Resolver> m_resolver;
    mutable std::string m_error;
};

} // namespace

verifier::Expected<std::shared_ptr<const verifier::Resolver>> makeResolver(const ResolverOptions &options)
{
    if (options.deferred && options.zoneFiles.empty())
        return std::shared_ptr<const verifier::Resolver>(std::make_shared<DeferredResolver>(options));
    if (!options.zoneFiles.empty()) {
        auto zone = std::make_shared<verifier::ZoneResolver>();
        for (const std::string &file : options.zoneFiles) {
            std::ifstream in(file, std::ios::binary);
            if (!in)
                return verifier::makeError("cannot read zone file " + file);
            std::stringstream text;
            text << in.rdbuf();
            auto added = zone->loadMasterFile(text.str());
            if (!added)
                return verifier::makeError(file + ": " + added.error().message);
        }
        return std::shared_ptr<const verifier::Resolver>(zone);
    }

    verifier::UnboundOptions unbound;
    unbound.forwarder = options.server;
    unbound.timeout = std::chrono::milliseconds(options.timeoutMs);
    auto resolver = verifier::UnboundResolver::create(unbound);
    if (!resolver)
        return resolver.error();
    if ((*resolver)->validating()) {
        // A forwarder that strips DNSSEC records makes every validated answer bogus. Probe the
        // root once; if it is bogus, validate nothing rather than fail everything (answers are
        // then reported as not DNSSEC-secure).
        verifier::DnsAnswer probe = (*resolver)->query(".", verifier::RrType::NS);
        if (probe.bogus) {
            unbound.trustAnchorFile.clear();
            resolver = verifier::UnboundResolver::create(unbound);
            if (!resolver)
                return resolver.error();
        }
    }
    std::unique_ptr<verifier::Resolver> inner = std::move(*resolver);
    return std::shared_ptr<const verifier::Resolver>(
        std::make_shared<verifier::CachingResolver>(std::move(inner), &wallClockSeconds));
}

std::function<int64_t()> steadyMillisClock()
{
    return [] {
        return int64_t(std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::steady_clock::now().time_since_epoch())
                           .count());
    };
}

} // namespace sealcheck
