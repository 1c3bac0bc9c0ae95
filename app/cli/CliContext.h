#pragma once
// The VerifyContext of the commands that verify one message at a time (filter, native-host),
// built from the options they share with verify.

#include "ResolverSetup.h"
#include "VerifyCommand.h"

namespace sealcheck::cli {

inline verifier::VerifyContext makeVerifyContext(const CommonOptions &options, const verifier::Resolver *resolver)
{
    verifier::VerifyContext context;
    context.resolver = resolver;
    context.dnsClock = steadyMillisClock(); // bounds each message's DNS waiting (docs/LIMITS.md)
    context.now = options.now;
    context.envelope = options.envelope;
    context.trust = options.trust;
    context.signatures = options.signatures;
    return context;
}

} // namespace sealcheck::cli
