#include "DmarcRecord.h"

#include "Strings.h"

namespace verifier {

namespace {

constexpr size_t kMaxRecordBytes = 4096;
constexpr size_t kMaxTags = 64;

bool validUri(std::string_view uri)
{
    // RFC 3986 scheme ":" then something; DMARC URIs are usually mailto:. A "!size" suffix
    // (RFC 7489) is tolerated. Only the syntax is checked here.
    uri = trim(uri);
    size_t colon = uri.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 >= uri.size())
        return false;
    if (!isAlpha(uri[0]))
        return false;
    for (size_t i = 1; i < colon; ++i) {
        char c = uri[i];
        if (!(isAlpha(c) || isDigit(c) || c == '+' || c == '-' || c == '.'))
            return false;
    }
    for (char c : uri)
        if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f)
            return false;
    return true;
}

std::vector<std::string> splitUris(std::string_view value)
{
    std::vector<std::string> out;
    for (auto piece : split(value, ',')) {
        piece = trim(piece);
        if (!piece.empty() && out.size() < 32)
            out.emplace_back(piece);
    }
    return out;
}

bool allDigits(std::string_view s)
{
    if (s.empty() || s.size() > 18)
        return false;
    for (char c : s)
        if (!isDigit(c))
            return false;
    return true;
}

} // namespace

std::optional<DmarcPolicy> parseDmarcPolicy(std::string_view value)
{
    value = trim(value);
    if (equalsIgnoreCase(value, "none"))
        return DmarcPolicy::None;
    if (equalsIgnoreCase(value, "quarantine"))
        return DmarcPolicy::Quarantine;
    if (equalsIgnoreCase(value, "reject"))
        return DmarcPolicy::Reject;
    return std::nullopt;
}

Expected<DmarcRecord> parseDmarcRecord(std::string_view txt)
{
    if (txt.size() > kMaxRecordBytes)
        return makeError("DMARC record longer than 4096 bytes");
    if (trim(txt).empty())
        return makeError("empty record");

    DmarcRecord record;
    record.text = std::string(txt);

    auto specs = split(txt, ';');
    if (specs.size() > kMaxTags)
        return makeError("too many tags in the DMARC record");

    bool first = true;
    for (auto spec : specs) {
        spec = trim(spec);
        if (spec.empty()) {
            if (first)
                return makeError("record does not begin with v=DMARC1");
            continue; // a trailing or doubled ';'
        }
        size_t eq = spec.find('=');
        std::string_view name = eq == std::string_view::npos ? spec : trim(spec.substr(0, eq));
        std::string_view value = eq == std::string_view::npos ? std::string_view() : trim(spec.substr(eq + 1));
        if (first) {
            // RFC 9989 §4.7: v is the first tag; its value is exactly "DMARC1".
            if (eq == std::string_view::npos || !equalsIgnoreCase(name, "v") || value != "DMARC1")
                return makeError("record does not begin with v=DMARC1");
            first = false;
            continue;
        }
        if (eq == std::string_view::npos || name.empty()) {
            record.problems.push_back("malformed tag \"" + std::string(spec) + "\" ignored");
            continue;
        }
        const std::string tag = toLower(name);
        if (tag == "p") {
            record.policyPresent = true;
            if (auto p = parseDmarcPolicy(value)) {
                record.policy = *p;
                record.policyValid = true;
            } else {
                record.problems.push_back("invalid p=" + std::string(value));
            }
        } else if (tag == "sp") {
            if (auto p = parseDmarcPolicy(value))
                record.subdomainPolicy = *p;
            else {
                record.subdomainPolicyValid = false;
                record.problems.push_back("invalid sp=" + std::string(value));
            }
        } else if (tag == "np") {
            if (auto p = parseDmarcPolicy(value))
                record.nonExistentPolicy = *p;
            else {
                record.nonExistentPolicyValid = false;
                record.problems.push_back("invalid np=" + std::string(value));
            }
        } else if (tag == "psd") {
            if (equalsIgnoreCase(value, "y"))
                record.psd = DmarcPsd::Yes;
            else if (equalsIgnoreCase(value, "n"))
                record.psd = DmarcPsd::No;
            else if (equalsIgnoreCase(value, "u"))
                record.psd = DmarcPsd::Unknown;
            else
                record.problems.push_back("invalid psd=" + std::string(value));
        } else if (tag == "t") {
            if (equalsIgnoreCase(value, "y"))
                record.testing = true;
            else if (!equalsIgnoreCase(value, "n"))
                record.problems.push_back("invalid t=" + std::string(value));
        } else if (tag == "adkim" || tag == "aspf") {
            auto &mode = tag == "adkim" ? record.dkimAlignment : record.spfAlignment;
            auto &raw = tag == "adkim" ? record.adkim : record.aspf;
            if (equalsIgnoreCase(value, "s")) {
                mode = DmarcAlignmentMode::Strict;
                raw = "s";
            } else if (equalsIgnoreCase(value, "r")) {
                raw = "r";
            } else {
                record.problems.push_back("invalid " + tag + "=" + std::string(value));
            }
        } else if (tag == "rua" || tag == "ruf") {
            auto uris = splitUris(value);
            bool anyValid = false;
            for (const auto &u : uris)
                anyValid = anyValid || validUri(u);
            if (!anyValid)
                record.problems.push_back("no valid URI in " + tag + "=");
            if (tag == "rua") {
                record.rua = std::move(uris);
                record.ruaHasValidUri = anyValid;
            } else {
                record.ruf = std::move(uris);
            }
        } else if (tag == "fo") {
            // fo = 0 / 1 / d / s, colon-separated (RFC 9989 §4.7).
            bool ok = !value.empty();
            for (auto opt : split(value, ':')) {
                opt = trim(opt);
                ok = ok && (opt == "0" || opt == "1" || equalsIgnoreCase(opt, "d") || equalsIgnoreCase(opt, "s"));
            }
            if (ok)
                record.fo = toLower(value);
            else
                record.problems.push_back("invalid fo=" + std::string(value));
        } else if (tag == "pct") {
            if (allDigits(value) && std::stoll(std::string(value)) <= 100)
                record.pct = int(std::stoll(std::string(value)));
            else
                record.problems.push_back("invalid pct=" + std::string(value));
        } else if (tag == "ri") {
            if (allDigits(value) && value.size() <= 10)
                record.ri = std::stoll(std::string(value));
            else
                record.problems.push_back("invalid ri=" + std::string(value));
        } else if (tag == "rf") {
            // RFC 7489 §6.3: colon-separated report format names; "afrf" is the one defined.
            bool ok = !value.empty();
            for (auto f : split(value, ':'))
                ok = ok && equalsIgnoreCase(trim(f), "afrf");
            if (ok)
                record.rf = toLower(value);
            else
                record.problems.push_back("invalid rf=" + std::string(value));
        } else if (tag == "v") {
            record.problems.push_back("v= repeated");
        }
        // Unknown tags are ignored (RFC 9989 §4.7).
    }
    if (first)
        return makeError("record does not begin with v=DMARC1");
    return record;
}

} // namespace verifier
