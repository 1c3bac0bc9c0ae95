#include "MailboxMatch.h"

#include "Strings.h"

namespace verifier {

bool sameMailbox(std::string_view a, std::string_view b)
{
    const size_t atA = a.rfind('@'), atB = b.rfind('@');
    if (atA == std::string_view::npos || atB == std::string_view::npos || atA == 0 || atB == 0
        || atA + 1 == a.size() || atB + 1 == b.size())
        return false;
    return a.substr(0, atA) == b.substr(0, atB) && equalsIgnoreCase(a.substr(atA + 1), b.substr(atB + 1));
}

} // namespace verifier
