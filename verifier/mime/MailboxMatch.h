#pragma once
/// Comparing a signer's address with the From address. RFC 5321 §2.4: the local part is
/// case-sensitive (compared exactly), the domain is not (compared ASCII case-insensitively).
/// No normalisation beyond that: a signer address that only looks like From does not match.

#include <string_view>

namespace verifier {

/// True when both are addr-specs (local@domain, non-empty) naming the same mailbox.
bool sameMailbox(std::string_view signerAddress, std::string_view fromAddress);

} // namespace verifier
