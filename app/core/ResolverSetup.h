#pragma once
// Builds the Resolver the programs use: zone files only (`--dns-zone`, never the network), or
// libunbound (system resolvers or a chosen server) behind a TTL cache.

#include "Expected.h"
#include "Resolver.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace sealcheck {

struct ResolverOptions
{
    std::vector<std::string> zoneFiles;
    /// "ADDR[@PORT]"; empty = the system's resolvers.
    std::string server;
    int timeoutMs = 5000;
    /// Build the real resolver (and run its DNSSEC probe) on the first query instead of now.
    /// The desktop program sets this: queries happen on worker threads, so the UI thread never
    /// waits for the network.
    bool deferred = false;
};

verifier::Expected<std::shared_ptr<const verifier::Resolver>> makeResolver(const ResolverOptions &options);

/// A monotonic millisecond clock (std::chrono::steady_clock) for VerifyContext::dnsClock, so
/// VerifierLimits::maxDnsMillis bounds the DNS waiting of each message.
std::function<int64_t()> steadyMillisClock();

} // namespace sealcheck
