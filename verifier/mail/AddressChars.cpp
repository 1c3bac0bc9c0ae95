#include "AddressDetail.h"

#include "Domain.h"
#include "Strings.h"

#include <cstdio>

namespace verifier::addressdetail {

// RFC 5322 §4.1 obs-NO-WS-CTL.
bool isObsNoWsCtl(unsigned char c)
{
    return (c >= 1 && c <= 8) || c == 11 || c == 12 || (c >= 14 && c <= 31) || c == 127;
}

bool isDotAtomText(std::string_view s)
{
    if (s.empty() || s.front() == '.' || s.back() == '.')
        return false;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '.') {
            if (s[i + 1] == '.')
                return false;
        } else if (static_cast<unsigned char>(c) >= 0x80) {
            const size_t len = utf8Decode(s, i);
            if (len == 0)
                return false;
            i += len - 1;
        } else if (!isAtext(c)) {
            return false;
        }
    }
    return true;
}

std::string describeChar(std::string_view s, size_t p)
{
    if (p >= s.size())
        return "the end of the value";
    char buf[64];
    unsigned char c = static_cast<unsigned char>(s[p]);
    if (c > 0x20 && c < 0x7F)
        std::snprintf(buf, sizeof buf, "'%c' at offset %zu", char(c), p);
    else
        std::snprintf(buf, sizeof buf, "byte 0x%02X at offset %zu", unsigned(c), p);
    return buf;
}

void finishMailbox(Mailbox &mb)
{
    mb.domain.clear();
    mb.domainError.clear();
    if (!mb.domainAsWritten.empty() && mb.domainAsWritten.front() == '[') {
        mb.domainError = "the domain is an address literal";
        return;
    }
    auto d = normalizeDomain(mb.domainAsWritten);
    if (d)
        mb.domain = std::move(*d);
    else
        mb.domainError = d.error().message;
}

void setKind(AddressList &list)
{
    list.kind = list.mailboxes.empty()       ? AddressListKind::None
                : list.mailboxes.size() == 1 ? AddressListKind::One
                                             : AddressListKind::Several;
}

} // namespace verifier::addressdetail
