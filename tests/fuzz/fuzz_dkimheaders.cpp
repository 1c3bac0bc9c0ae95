// libFuzzer target: DKIM header selection over whole messages (issue 24 item 6): h= lists of up
// to DkimSignature::kMaxSignedHeaders names against up to 1000 fields, the cost that grows with
// size. Each DKIM-Signature field selects its fields through one HeaderFieldIndex and
// canonicalizes them (both forms); verifyDkim() then runs with an empty zone (keys are
// NXDOMAIN), which covers the unsigned-instance report. scripts/fuzz.sh runs it with inputs up
// to 256 KiB.
#include "DkimCanonicalization.h"
#include "DkimSignature.h"
#include "DkimVerifier.h"
#include "Message.h"
#include "ZoneResolver.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    auto message = verifier::Message::parse(std::string(reinterpret_cast<const char *>(data), size));
    if (!message)
        return 0;
    const verifier::HeaderFieldIndex index(*message);
    for (const verifier::HeaderField &field : message->fields()) {
        if (!field.is("DKIM-Signature"))
            continue;
        const verifier::DkimSignatureParse parsed = verifier::parseDkimSignature(field.rawValue);
        std::string canonical;
        for (const verifier::HeaderField *f : verifier::selectSignedHeaderFields(index, parsed.signature.signedHeaders)) {
            if (!f)
                continue;
            verifier::appendCanonicalHeaderField(canonical, f->raw, verifier::DkimCanonicalization::Relaxed);
            verifier::appendCanonicalHeaderField(canonical, f->raw, verifier::DkimCanonicalization::Simple);
        }
        canonical += verifier::canonicalSignatureFieldWithoutSignature(field.raw, verifier::DkimCanonicalization::Relaxed);
    }
    const verifier::ZoneResolver zone;
    (void)verifier::verifyDkim(*message, zone, 1700000000, verifier::VerifierLimits{});
    return 0;
}
