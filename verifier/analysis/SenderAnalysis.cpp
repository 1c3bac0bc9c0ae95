#include "SenderAnalysis.h"

#include "DomainDeception.h"
#include "Strings.h"
#include "Verdict.h"

#include <idn2.h>
#include <unicode/uspoof.h>

#include <memory>

namespace verifier {

namespace {

struct SpoofCloser
{
    void operator()(USpoofChecker *sc) const { uspoof_close(sc); }
};

bool isDomainChar(unsigned char c)
{
    return isAlpha(char(c)) || isDigit(char(c)) || c == '-' || c == '.' || c >= 0x80;
}

bool plausibleDomain(std::string_view d)
{
    while (!d.empty() && d.back() == '.')
        d.remove_suffix(1);
    if (d.size() < 4 || d.size() > 253)
        return false;
    size_t dot = d.rfind('.');
    if (dot == std::string_view::npos || dot == 0)
        return false;
    std::string_view tld = d.substr(dot + 1);
    if (tld.size() < 2)
        return false;
    // The last label must hold letters (a TLD), so "3.14" or "v1.2" are not domains.
    bool letters = false;
    for (char c : tld) {
        if (isDigit(c))
            return false;
        letters = letters || isAlpha(c) || static_cast<unsigned char>(c) >= 0x80;
    }
    if (d.find("..") != std::string_view::npos)
        return false;
    return letters;
}

/// "Mr.Roland Jones", "Dr.Smith": a title written against the name is not a domain, although
/// "roland" is a top-level domain. Only bare names (no '@') are excused.
bool honorific(std::string_view candidate)
{
    const size_t dot = candidate.find('.');
    if (dot == std::string_view::npos || candidate.find('.', dot + 1) != std::string_view::npos)
        return false;
    const std::string first = toLower(candidate.substr(0, dot));
    for (const char *t : {"mr", "mrs", "ms", "mx", "dr", "prof", "st", "jr", "sr", "rev", "hon", "capt", "col", "gen",
                          "lt", "sgt", "fr", "sir"})
        if (first == t)
            return true;
    return false;
}

} // namespace

std::string toUnicodeDomain(std::string_view domain)
{
    std::string in(domain);
    char *out = nullptr;
    if (idn2_to_unicode_8z8z(in.c_str(), &out, 0) != IDN2_OK || !out)
        return in;
    std::string result(out);
    idn2_free(out);
    return result;
}

std::string confusableSkeleton(std::string_view domain)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<USpoofChecker, SpoofCloser> sc(uspoof_open(&status));
    if (U_FAILURE(status))
        return {};
    std::string u = toLower(toUnicodeDomain(domain));
    char buf[1024];
    int32_t n = uspoof_getSkeletonUTF8(sc.get(), 0, u.data(), int32_t(u.size()), buf, sizeof buf, &status);
    if (U_FAILURE(status) || n < 0)
        return {};
    return std::string(buf, size_t(n));
}

std::vector<std::string> domainsInText(std::string_view shown)
{
    // Compatibility forms read as what they show ("ａｄｍｉｎ＠ｂａｎｋ．ｅｘａｍｐｌｅ"); full-width and
    // small commercial at signs that survive count as '@' (they have been used to fake addresses).
    const std::string text = foldForDetection(shown);
    std::string s;
    s.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text.substr(i, 3) == "\xEF\xBC\xA0" || text.substr(i, 3) == "\xEF\xB9\xAB") {
            s.push_back('@');
            i += 2;
        } else {
            s.push_back(text[i]);
        }
    }
    std::vector<std::string> out;
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (!isDomainChar(c) && c != '@') {
            ++i;
            continue;
        }
        size_t start = i;
        while (i < s.size() && (isDomainChar(static_cast<unsigned char>(s[i])) || s[i] == '@' || s[i] == '_' || s[i] == '+'))
            ++i;
        std::string_view token = std::string_view(s).substr(start, i - start);
        size_t at = token.rfind('@');
        std::string_view candidate = at == std::string_view::npos ? token : token.substr(at + 1);
        while (!candidate.empty() && (candidate.back() == '.' || candidate.back() == '-'))
            candidate.remove_suffix(1);
        if (plausibleDomain(candidate) && (at != std::string_view::npos || !honorific(candidate)))
            out.push_back(toLower(candidate));
    }
    return out;
}

SenderAnalysis analyseSender(const FromInfo &from, const SenderContext &context)
{
    SenderAnalysis a;
    if (from.kind != AddressListKind::One || from.domain.empty())
        return a;

    // Display name showing another address or domain.
    for (const std::string &d : domainsInText(from.displayName)) {
        if (sameOrSubdomain(d, from.domain))
            continue;
        if (!context.fromOrgDomain.empty() && sameOrSubdomain(d, context.fromOrgDomain))
            continue;
        a.suspicious.push_back(makeFinding(FindingCode::DisplayNameAddress, {d, from.domain}));
        break;
    }

    // Comments in From that show another address or domain (readers display them beside the
    // address). A trailing comment already shown as the display name was judged above.
    for (const std::string &comment : from.comments) {
        if (comment == from.displayName)
            continue;
        bool found = false;
        for (const std::string &d : domainsInText(comment)) {
            if (sameOrSubdomain(d, from.domain) || (!context.fromOrgDomain.empty() && sameOrSubdomain(d, context.fromOrgDomain)))
                continue;
            a.suspicious.push_back(makeFinding(FindingCode::CommentAddress, {d, from.domain}));
            found = true;
            break;
        }
        if (found)
            break;
    }

    // Deceptive characters (the From analysis escaped them for display and set the flag).
    bool changed = false;
    escapeForDisplay(from.displayName, &changed);
    if (changed && !from.hasDeceptiveCharacters)
        a.suspicious.push_back(makeFinding(FindingCode::DeceptiveCharacters, {from.displayName}));

    // Lookalikes of known domains: the whole domain, or its organisational domain
    // ("mail.rnybank.example" for "mybank.example").
    const std::string fromSkeleton = confusableSkeleton(from.domain);
    const std::string orgSkeleton = context.fromOrgDomain.empty() ? std::string() : confusableSkeleton(context.fromOrgDomain);
    bool lookalike = false;
    for (const std::string &known : context.knownDomains) {
        if (sameOrSubdomain(known, from.domain) || (!context.fromOrgDomain.empty() && sameOrSubdomain(known, context.fromOrgDomain)))
            continue;
        const std::string knownSkeleton = confusableSkeleton(known);
        if (knownSkeleton.empty())
            continue;
        if (fromSkeleton == knownSkeleton || orgSkeleton == knownSkeleton) {
            a.suspicious.push_back(
                makeFinding(FindingCode::LookalikeDomain, {toUnicodeDomain(from.domain), toUnicodeDomain(known)}));
            lookalike = true;
            break;
        }
    }
    // A known domain as leading labels or inside the local part, also after Unicode overflow.
    if (!lookalike) {
        if (const auto known = embeddedKnownDomain(from.localPart, from.domain, context.knownDomains)) {
            a.suspicious.push_back(makeFinding(FindingCode::KnownDomainEmbedded,
                                               {from.address.value_or(from.localPart + "@" + from.domain), *known}));
            lookalike = true;
        }
    }
    // Mixed scripts and whole-script confusables need no list of known domains.
    if (!lookalike) {
        if (const auto skeleton = mixedScriptDomain(from.domain))
            a.suspicious.push_back(makeFinding(FindingCode::MixedScriptDomain, {toUnicodeDomain(from.domain), *skeleton}));
    }

    // Replies and Sender going to another organisation: common for newsletters, so a warning.
    const std::string &fromOrg = context.fromOrgDomain.empty() ? from.domain : context.fromOrgDomain;
    for (const auto &[address, org] : context.replyTo) {
        if (!org.empty() && !sameOrSubdomain(org, fromOrg)) {
            a.warnings.push_back(makeFinding(FindingCode::ReplyToOtherOrganisation, {address, from.domain}));
            break;
        }
    }
    for (const auto &[address, org] : context.sender) {
        if (!org.empty() && !sameOrSubdomain(org, fromOrg)) {
            a.warnings.push_back(makeFinding(FindingCode::SenderOtherOrganisation, {address}));
            break;
        }
    }
    return a;
}

} // namespace verifier
