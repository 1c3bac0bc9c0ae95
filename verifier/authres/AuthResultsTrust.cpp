#include "AuthResultsTrust.h"

#include "Rfc2047.h"
#include "Strings.h"

namespace verifier {

bool isTraceFieldName(std::string_view name)
{
    return equalsIgnoreCase(name, "Received-SPF") || equalsIgnoreCase(name, "Authentication-Results") ||
           startsWithIgnoreCase(name, "ARC-") || equalsIgnoreCase(name, "Return-Path") ||
           equalsIgnoreCase(name, "Delivered-To") || equalsIgnoreCase(name, "X-Received");
}

namespace {

enum class Position { AboveBoundary, BelowBoundary, NoBoundary, BelowUntrustedReceived, AmongMessageFields };

Position positionOf(const Message &message, size_t index, long boundary, long next)
{
    if (boundary < 0)
        return Position::NoBoundary;
    const size_t b = size_t(boundary);
    if (next >= 0 && size_t(next) > b && index >= size_t(next))
        return Position::BelowUntrustedReceived;
    if (index < b)
        return Position::AboveBoundary;
    // Below the boundary Received only the unbroken run of trace fields the receiving server
    // wrote right there counts, even above the next Received: a sender can put a Received field
    // of its own under its forged fields, so "above the next Received" alone is not enough.
    const auto &fields = message.fields();
    for (size_t i = b + 1; i <= index && i < fields.size(); ++i) {
        if (!isTraceFieldName(fields[i].name))
            return Position::AmongMessageFields;
    }
    return Position::BelowBoundary;
}

bool inList(const std::vector<std::string> &list, std::string_view id)
{
    for (const std::string &t : list) {
        if (equalsIgnoreCase(t, id))
            return true;
    }
    return false;
}

/// Microsoft 365 sometimes writes the whole field as RFC 2047 encoded words; the decoded text is
/// parsed only when it is plain ASCII on one line.
std::string decodedForParsing(std::string_view raw)
{
    if (raw.find("=?") == std::string_view::npos)
        return std::string(raw);
    bool had = false;
    std::string decoded = decodeEncodedWords(unfold(raw), &had);
    if (!had)
        return std::string(raw);
    for (unsigned char c : decoded)
        if (c >= 0x80 || c == '\r' || c == '\n' || c == 0)
            return std::string(raw);
    return decoded;
}

} // namespace

std::vector<AuthResultsHeader> collectAuthenticationResults(const Message &message, long boundaryFieldIndex,
                                                            long nextUntrustedReceivedIndex,
                                                            const std::vector<std::string> &trustedAuthservIds,
                                                            AuthResultsMode mode)
{
    return collectAuthenticationResults(message, boundaryFieldIndex, nextUntrustedReceivedIndex, trustedAuthservIds,
                                        nullptr, mode);
}

std::vector<AuthResultsHeader> collectAuthenticationResults(const Message &message, long boundaryFieldIndex,
                                                            long nextUntrustedReceivedIndex,
                                                            const std::vector<std::string> &trustedAuthservIds,
                                                            const ProviderProfile *provider, AuthResultsMode mode)
{
    std::vector<AuthResultsHeader> out;
    // (authserv-id lower case, method) pairs already reported by a trusted field above.
    std::vector<std::pair<std::string, std::string>> reported;
    const bool anyTrust = !trustedAuthservIds.empty() || provider;
    for (const HeaderField *field : message.fields("Authentication-Results")) {
        AuthResultsHeader h;
        h.fieldIndex = field->index;
        const std::string value = field->value();
        h.raw = escapeForDisplay(value);
        const std::string text = decodedForParsing(field->rawValue);
        auto parsed = parseAuthenticationResults(text, mode);
        bool idless = false;
        if (parsed && parsed->authservId.empty() && provider && provider->idlessAuthenticationResults)
            idless = true; // the relaxed reading already took "spf=pass ..." as results without an id
        if (!parsed && provider && provider->idlessAuthenticationResults) {
            // "spf=pass (sender IP is ...) smtp.mailfrom=...; dkim=pass ...": no authserv-id.
            auto again = parseAuthenticationResults("x; " + text, mode);
            if (again) {
                parsed = std::move(again);
                parsed->authservId.clear();
                idless = true;
            }
        }
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
        const bool idTrusted = idless || inList(trustedAuthservIds, parsed->authservId) ||
                               (provider && provider->matchesAuthservId(parsed->authservId));
        const std::string who = idless ? std::string("your provider (") + provider->name + ", which writes no authserv-id)"
                                       : "your provider (" + h.authservId + ")";

        if (!anyTrust) {
            h.trustReason = "Authserv-id not trusted: confirm it in the account settings.";
        } else if (!idTrusted) {
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
            case Position::AboveBoundary:
                // Nothing the sender wrote can stand above the boundary Received field: every field
                // there was written after the provider received the message.
                h.trusted = true;
                h.trustReason = "Written by " + who + " above the Received field where it took the message in.";
                break;
            case Position::BelowBoundary: {
                if (idless) {
                    // The profile says where the provider writes its fields without an id: above
                    // its Received field. One without an id below it may be the sender's.
                    h.trustReason = "A field without an authserv-id below the Received field where your provider "
                                    "took the message in; your provider writes its own above it.";
                    break;
                }
                // Directly below the boundary Received the provider's own fields come first, and a
                // sender's forged copies can follow them: a method this id already reported is
                // taken from the first report only.
                std::string repeated;
                for (const auto &m : h.methods)
                    for (const auto &r : reported)
                        if (r.first == idLower && r.second == toLower(m.method))
                            repeated = m.method;
                if (!repeated.empty()) {
                    h.trustReason = "A second report of " + escapeForDisplay(repeated) + " by " + h.authservId +
                                    " below the first; only the first counts, since the sender could have written "
                                    "this one.";
                } else {
                    h.trusted = true;
                    h.trustReason = "Written by " + who + " in its own trace block.";
                }
                break;
            }
            }
        }
        if (h.trusted)
            for (const auto &m : h.methods)
                reported.emplace_back(idLower, toLower(m.method));
        out.push_back(std::move(h));
    }
    return out;
}

} // namespace verifier
