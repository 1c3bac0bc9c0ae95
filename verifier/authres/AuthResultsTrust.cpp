#include "AuthResultsTrust.h"

#include "Strings.h"

namespace verifier {

bool isTraceFieldName(std::string_view name)
{
    return equalsIgnoreCase(name, "Received-SPF") || equalsIgnoreCase(name, "Authentication-Results") ||
           startsWithIgnoreCase(name, "ARC-") || equalsIgnoreCase(name, "Return-Path") ||
           equalsIgnoreCase(name, "Delivered-To") || equalsIgnoreCase(name, "X-Received");
}

namespace {

enum class Position { InBlock, NoBoundary, BelowUntrustedReceived, AmongMessageFields };

Position positionOf(const Message &message, size_t index, long boundary, long next)
{
    if (boundary < 0)
        return Position::NoBoundary;
    const size_t b = size_t(boundary);
    if (next >= 0 && size_t(next) > b && index >= size_t(next))
        return Position::BelowUntrustedReceived;
    if (index < b)
        return Position::InBlock;
    // Below the boundary Received only the unbroken run of trace fields the receiving server
    // wrote right there counts, even above the next Received: a sender can put a Received field
    // of its own under its forged fields, so "above the next Received" alone is not enough.
    const auto &fields = message.fields();
    for (size_t i = b + 1; i <= index && i < fields.size(); ++i) {
        if (!isTraceFieldName(fields[i].name))
            return Position::AmongMessageFields;
    }
    return Position::InBlock;
}

bool inList(const std::vector<std::string> &list, std::string_view id)
{
    for (const std::string &t : list) {
        if (equalsIgnoreCase(t, id))
            return true;
    }
    return false;
}

} // namespace

std::vector<AuthResultsHeader> collectAuthenticationResults(const Message &message, long boundaryFieldIndex,
                                                            long nextUntrustedReceivedIndex,
                                                            const std::vector<std::string> &trustedAuthservIds,
                                                            AuthResultsMode mode)
{
    std::vector<AuthResultsHeader> out;
    std::vector<std::string> seenIds; // authserv-ids of parsed fields above, lower case
    for (const HeaderField *field : message.fields("Authentication-Results")) {
        AuthResultsHeader h;
        h.fieldIndex = field->index;
        const std::string value = field->value();
        h.raw = escapeForDisplay(value);
        auto parsed = parseAuthenticationResults(field->rawValue, mode);
        if (!parsed) {
            h.parsed = false;
            h.parseError = escapeForDisplay(parsed.error().message);
            h.trustReason = "The field could not be read, so it is not trusted.";
            out.push_back(std::move(h));
            continue;
        }
        h.parsed = true;
        h.authservId = escapeForDisplay(parsed->authservId);
        h.methods = parsed->methods;
        const std::string idLower = toLower(parsed->authservId);
        bool duplicate = false;
        for (const std::string &s : seenIds)
            duplicate = duplicate || s == idLower;
        seenIds.push_back(idLower);

        if (trustedAuthservIds.empty()) {
            h.trustReason = "Authserv-id not trusted: confirm it in the account settings.";
        } else if (parsed->authservId.empty() || !inList(trustedAuthservIds, parsed->authservId)) {
            h.trustReason = "Authserv-id \"" + h.authservId + "\" is not one you trust.";
        } else {
            switch (positionOf(message, field->index, boundaryFieldIndex, nextUntrustedReceivedIndex)) {
            case Position::NoBoundary:
                h.trustReason = "Where your provider received the message is unknown, so the field's origin "
                                "cannot be established.";
                break;
            case Position::BelowUntrustedReceived:
                h.trustReason = "It sits below a Received field written outside your provider, so the sender "
                                "could have written it.";
                break;
            case Position::AmongMessageFields:
                h.trustReason = "It sits among the message's own fields, outside your provider's trace block, so "
                                "the sender could have written it.";
                break;
            case Position::InBlock:
                if (duplicate) {
                    h.trustReason = "Only the topmost field written by this server counts; this is a second one.";
                } else {
                    h.trusted = true;
                    h.trustReason = "Written by your provider (" + h.authservId + ") in its own trace block.";
                }
                break;
            }
        }
        out.push_back(std::move(h));
    }
    return out;
}

} // namespace verifier
