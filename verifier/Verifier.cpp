#include "Verifier.h"

namespace verifier {

Report verify(const Message &message, const VerifyContext &context)
{
    Report report;
    report.source = context.source;
    report.verifiedAt = context.now;
    if (const HeaderField *f = message.field("Message-ID"))
        report.messageId = f->value();
    return report;
}

} // namespace verifier
