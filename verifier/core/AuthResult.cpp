#include "AuthResult.h"

#include "Strings.h"

namespace verifier {

std::string_view rfc8601Token(AuthResult result)
{
    switch (result) {
    case AuthResult::None: return "none";
    case AuthResult::Pass: return "pass";
    case AuthResult::Fail: return "fail";
    case AuthResult::SoftFail: return "softfail";
    case AuthResult::Neutral: return "neutral";
    case AuthResult::TempError: return "temperror";
    case AuthResult::PermError: return "permerror";
    case AuthResult::Policy: return "policy";
    }
    return "none";
}

std::optional<AuthResult> parseAuthResult(std::string_view token, bool legacy)
{
    static constexpr AuthResult all[] = {AuthResult::None,    AuthResult::Pass,      AuthResult::Fail,
                                         AuthResult::SoftFail, AuthResult::Neutral,  AuthResult::TempError,
                                         AuthResult::PermError, AuthResult::Policy};
    for (AuthResult r : all) {
        if (equalsIgnoreCase(token, rfc8601Token(r)))
            return r;
    }
    if (legacy) {
        if (equalsIgnoreCase(token, "hardfail"))
            return AuthResult::Fail;
    }
    return std::nullopt;
}

int strength(AuthResult result)
{
    switch (result) {
    case AuthResult::Fail: return 0;
    case AuthResult::PermError: return 1;
    case AuthResult::SoftFail: return 2;
    case AuthResult::TempError: return 3;
    case AuthResult::Policy: return 4;
    case AuthResult::Neutral: return 5;
    case AuthResult::None: return 6;
    case AuthResult::Pass: return 7;
    }
    return 0;
}

} // namespace verifier
