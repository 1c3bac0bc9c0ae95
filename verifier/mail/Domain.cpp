#include "Domain.h"

#include "Strings.h"

#include <idn2.h>

#include <cstdlib>
#include <memory>

namespace verifier {

namespace {

constexpr size_t kMaxDomainInput = 1024; // far above 253 octets of A-labels; stops idn2 on junk

struct FreeIdn2
{
    void operator()(void *p) const { idn2_free(p); }
};

bool isLdhChar(char c)
{
    return isAlpha(c) || isDigit(c) || c == '-';
}

bool isAscii(std::string_view s)
{
    for (char c : s) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

// One label of an A-label domain: LDH, 1..63 octets, no hyphen at either end.
std::string checkLdhLabel(std::string_view label)
{
    if (label.empty())
        return "an empty label";
    if (label.size() > 63)
        return "a label longer than 63 octets";
    for (char c : label) {
        if (!isLdhChar(c))
            return "a label with a character other than letters, digits and hyphen";
    }
    if (label.front() == '-' || label.back() == '-')
        return "a label that starts or ends with a hyphen";
    return {};
}

// An "xn--" label must decode, and re-encode to itself (RFC 5891 §5.4): fake A-labels such as
// "xn--" or "xn--a-" are not names anybody can register.
bool isValidALabel(const std::string &label)
{
    char *u = nullptr;
    if (idn2_to_unicode_8z8z(label.c_str(), &u, 0) != IDN2_OK || !u)
        return false;
    std::unique_ptr<char, FreeIdn2> uHolder(u);
    if (isAscii(u))
        return false; // decodes to plain ASCII: not an IDN
    uint8_t *back = nullptr;
    int rc = idn2_lookup_u8(reinterpret_cast<const uint8_t *>(u), &back, IDN2_NONTRANSITIONAL | IDN2_NFC_INPUT);
    std::unique_ptr<uint8_t, FreeIdn2> backHolder(back);
    return rc == IDN2_OK && back && toLower(reinterpret_cast<const char *>(back)) == label;
}

} // namespace

Expected<std::string> normalizeDomain(std::string_view domain, bool allowSingleLabel)
{
    if (domain.empty())
        return makeError("the domain is empty");
    if (domain.size() > kMaxDomainInput)
        return makeError("the domain is longer than " + std::to_string(kMaxDomainInput) + " bytes");
    if (domain.front() == '[')
        return makeError("an address literal is not a domain name");
    std::string_view d = domain;
    if (d.back() == '.')
        d.remove_suffix(1); // the root label, written explicitly
    if (d.empty())
        return makeError("the domain has an empty label");

    std::string out;
    size_t labels = 0;
    for (std::string_view label : split(d, '.')) {
        ++labels;
        std::string alabel;
        if (isAscii(label)) {
            alabel = toLower(label);
        } else {
            // Non-ASCII label: IDNA 2008 through UTS#46 non-transitional processing, one label at
            // a time so that a mapping cannot merge, split or invent labels.
            std::string z(label);
            if (z.find('\0') != std::string::npos)
                return makeError("the domain contains a NUL byte");
            uint8_t *res = nullptr;
            int rc = idn2_lookup_u8(reinterpret_cast<const uint8_t *>(z.c_str()), &res,
                                    IDN2_NONTRANSITIONAL | IDN2_NFC_INPUT);
            std::unique_ptr<uint8_t, FreeIdn2> holder(res);
            if (rc != IDN2_OK || !res)
                return makeError(std::string("the label is not a valid internationalised label (") +
                                 idn2_strerror(rc) + ")");
            alabel = toLower(reinterpret_cast<const char *>(res));
            if (alabel.find('.') != std::string::npos)
                return makeError("a label contains a character that IDNA maps to a dot");
            if (!startsWithIgnoreCase(alabel, "xn--"))
                return makeError("a non-ASCII label maps to plain ASCII (" + alabel +
                                 "): compatibility characters are not accepted");
        }
        std::string why = checkLdhLabel(alabel);
        if (!why.empty())
            return makeError("the domain has " + why);
        if (startsWithIgnoreCase(alabel, "xn--") && !isValidALabel(alabel))
            return makeError("the label " + alabel + " is not a valid A-label");
        if (labels > 1)
            out.push_back('.');
        out += alabel;
    }
    if (out.size() > 253)
        return makeError("the domain is longer than 253 octets");
    if (labels < 2 && !allowSingleLabel)
        return makeError("the domain has a single label");
    return out;
}

std::string domainForDisplay(std::string_view aLabel)
{
    std::string input(aLabel);
    if (input.empty() || input.size() > kMaxDomainInput || input.find('\0') != std::string::npos || !isAscii(input))
        return input;
    auto normal = normalizeDomain(input, true);
    if (!normal)
        return input;
    char *u = nullptr;
    if (idn2_to_unicode_8z8z(normal->c_str(), &u, 0) != IDN2_OK || !u)
        return input;
    std::unique_ptr<char, FreeIdn2> holder(u);
    auto back = normalizeDomain(u, true);
    if (!back || *back != *normal)
        return input;
    return u;
}

} // namespace verifier
