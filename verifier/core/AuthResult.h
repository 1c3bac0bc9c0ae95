#pragma once
/// The result keywords of the Authentication-Results registry, RFC 8601 §2.7.

#include <optional>
#include <string_view>

namespace verifier {

enum class AuthResult { None, Pass, Fail, SoftFail, Neutral, TempError, PermError, Policy };

/// The RFC 8601 token ("pass", "temperror", ...).
std::string_view rfc8601Token(AuthResult result);
/// Case-insensitive inverse of rfc8601Token; also accepts the RFC 5451 spellings "hardfail"
/// (= fail) only when @p legacy is true.
std::optional<AuthResult> parseAuthResult(std::string_view token, bool legacy = false);

/// Orders results from the weakest (most damning) to the strongest for "the weaker wins" rules.
int strength(AuthResult result);

} // namespace verifier
