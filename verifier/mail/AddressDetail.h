// Internal to the address parsers (Address.cpp strict, AddressLenient.cpp lenient): character
// classes of RFC 5322 §4.1 and §3.4.1, and the steps both parsers end a mailbox or list with.
#pragma once

#include "Address.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace verifier::addressdetail {

/// obs-NO-WS-CTL (RFC 5322 §4.1).
bool isObsNoWsCtl(unsigned char c);
/// dot-atom-text: a local part that needs no quotes.
bool isDotAtomText(std::string_view s);
/// The character at s[p], named for an error message.
std::string describeChar(std::string_view s, size_t p);
/// Normalizes the domain as written into Mailbox::domain, or says why it cannot be.
void finishMailbox(Mailbox &mb);
/// None, One or Several, from the mailboxes found.
void setKind(AddressList &list);

/// @p text as exactly one strict addr-spec (Address.cpp), into @p mb; false when it is not one.
bool parseStrictAddrSpec(std::string_view text, Mailbox &mb);
/// The lenient reading (AddressLenient.cpp): what simple mail clients display.
AddressList parseLenient(std::string_view in);

} // namespace verifier::addressdetail
