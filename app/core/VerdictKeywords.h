#pragma once
// The opt-in IMAP keywords per verdict (docs/mail-clients.md, "Keywords"), written by the desktop
// program (AccountRecord::setVerdictKeywords) and by `sealcheck-cli scan --set-keywords`.
//
// RFC 9051 §2.3.2: a keyword is an atom; "$" starts the names meant for clients to share (as
// $Phishing, $Junk). Keywords compare case-insensitively; Thunderbird lower-cases them and shows
// one as a tag once a tag with that key exists (the Sealcheck add-on creates "$sealcheck-forged"
// and the others when its tagging is on, or Settings > Tags).

#include "Report.h"

#include <QByteArray>

namespace sealcheck {

/// The keyword for @p verdict; empty for the verdicts that get none (unauthenticated: most
/// mail, nothing to say; not checked: no verdict yet).
inline QByteArray verdictKeyword(verifier::Verdict verdict)
{
    switch (verdict) {
    case verifier::Verdict::Forged: return QByteArrayLiteral("$Sealcheck-Forged");
    case verifier::Verdict::Suspicious: return QByteArrayLiteral("$Sealcheck-Suspicious");
    case verifier::Verdict::Authenticated: return QByteArrayLiteral("$Sealcheck-Authenticated");
    case verifier::Verdict::Unauthenticated:
    case verifier::Verdict::NotChecked: return {};
    }
    return {};
}

} // namespace sealcheck
