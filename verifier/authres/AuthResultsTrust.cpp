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

/// The ';'-separated segments of @p text, split outside comments and quoted strings.
std::vector<std::string> segments(std::string_view text)
{
    std::vector<std::string> out(1);
    int depth = 0;
    bool quoted = false;
    for (char c : text) {
        if (quoted) {
            quoted = c != '"';
        } else if (c == '"') {
            quoted = true;
        } else if (c == '(') {
            ++depth;
        } else if (c == ')' && depth > 0) {
            --depth;
        } else if (c == ';' && depth == 0) {
            out.emplace_back();
            continue;
        }
        out.back() += c;
    }
    return out;
}

std::string joinedSegments(const std::vector<std::string> &parts)
{
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i)
        out += (i ? ";" : "") + parts[i];
    return out;
}

/// Drops segments that are a bare domain name (no '=', no comment): Microsoft's tenant domain.
std::string withoutBareDomains(std::string_view text)
{
    std::vector<std::string> kept;
    for (std::string &part : segments(text)) {
        std::string_view t = trim(part);
        const bool bare = !t.empty() && t.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-") ==
                                            std::string_view::npos && t.find('.') != std::string_view::npos;
        if (!bare)
            kept.push_back(std::move(part));
    }
    return joinedSegments(kept);
}

/// A domain name and nothing else (Yahoo's "from=yahoo.com").
bool isPlainDomain(std::string_view s)
{
    return !s.empty() && s.find('.') != std::string_view::npos &&
           s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-") == std::string_view::npos;
}

/// Yahoo before 2019 wrote "mta4007.mail.ne1.yahoo.com  from=yahoo.com; domainkeys=neutral (no
/// sig);  from=yahoo.com; dkim=pass (ok)": a from= annotation after the authserv-id and between
/// results, which RFC 8601 has no place for. Returns the field without them, or "" when it has
/// none (or anything else the grammar lacks).
std::string withoutLegacyFrom(std::string_view text)
{
    std::vector<std::string> parts = segments(text), kept;
    bool removed = false;
    for (size_t i = 0; i < parts.size(); ++i) {
        std::string_view t = trim(parts[i]);
        if (i == 0) {
            // "ID  from=DOMAIN"
            const size_t space = t.find_first_of(" \t");
            const std::string_view rest = space == std::string_view::npos ? std::string_view() : trim(t.substr(space));
            if (startsWithIgnoreCase(rest, "from=") && isPlainDomain(rest.substr(5))) {
                kept.emplace_back(t.substr(0, space));
                removed = true;
                continue;
            }
        } else if (startsWithIgnoreCase(t, "from=") && isPlainDomain(t.substr(5))) {
            removed = true;
            continue;
        }
        kept.push_back(parts[i]);
    }
    return removed ? joinedSegments(kept) : std::string();
}

/// The d= tag of the message's only DKIM-Signature field, "" when it has none or several.
std::string onlySignatureDomain(const Message &message)
{
    const auto sigs = message.fields("DKIM-Signature");
    if (sigs.size() != 1)
        return {};
    const std::string value = sigs.front()->value(); // split() views into it: keep it alive
    for (const std::string_view tag : split(value, ';')) {
        const std::string_view t = trim(tag);
        const size_t eq = t.find('=');
        if (eq != std::string_view::npos && trim(t.substr(0, eq)) == "d") {
            const std::string d = removeWhitespace(t.substr(eq + 1));
            return isPlainDomain(d) ? toLower(d) : std::string();
        }
    }
    return {};
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
            // Older Microsoft fields also put the tenant's domain between results
            // ("...; outlook.com; dkim=none ..."): such bare words are dropped.
            auto again = parseAuthenticationResults("x; " + withoutBareDomains(text), mode);
            if (again) {
                parsed = std::move(again);
                parsed->authservId.clear();
                idless = true;
            }
        }
        bool legacy = false;
        if (!parsed && provider && provider->hasQuirk("legacy-from-property")) {
            const std::string withoutFrom = withoutLegacyFrom(text);
            if (!withoutFrom.empty()) {
                if (auto again = parseAuthenticationResults(withoutFrom, mode)) {
                    parsed = std::move(again);
                    legacy = true;
                }
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
        // The same provider's "dkim=pass (ok)" names no domain; with one signature on the message
        // it can only be that one.
        std::string completed;
        if (legacy && provider->hasQuirk("dkim-result-without-header-d")) {
            for (AuthMethodResult &m : h.methods) {
                if (m.method != "dkim" || m.properties.count("header.d") || m.properties.count("header.i"))
                    continue;
                completed = onlySignatureDomain(message);
                if (!completed.empty())
                    m.properties["header.d"] = completed;
            }
        }
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
        if (h.trusted && legacy) {
            h.trustReason += " It is in the provider's older form: its from= notes were read past";
            h.trustReason += completed.empty() ? std::string(".")
                                               : ", and its DKIM result, which names no domain, is taken for the "
                                                 "message's only signature (" + escapeForDisplay(completed) + ").";
        }
        if (h.trusted)
            for (const auto &m : h.methods)
                reported.emplace_back(idLower, toLower(m.method));
        out.push_back(std::move(h));
    }
    return out;
}

} // namespace verifier
