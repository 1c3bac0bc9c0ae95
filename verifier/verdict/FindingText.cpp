#include "Verdict.h"

/// The English sentence of every finding (CLI, logs). The UI never shows these: it words each
/// FindingCode itself (ui/FindingText.cpp), in the user's language.

namespace verifier {

namespace {

std::string arg(const std::vector<std::string> &args, size_t i)
{
    return i < args.size() ? args[i] : std::string();
}

} // namespace

std::string findingText(FindingCode code, const std::vector<std::string> &a)
{
    switch (code) {
    case FindingCode::DmarcPassDkim:
        return "DMARC pass: the DKIM signature by " + arg(a, 0) + " is valid, covers the whole message and matches the From domain";
    case FindingCode::DmarcPassSpf:
        return "DMARC pass: the sending server is authorised by the SPF record of " + arg(a, 0) + ", which matches the From domain";
    case FindingCode::DmarcPassReported:
        return "DMARC pass reported by your provider " + arg(a, 0) +
               " at delivery; it cannot be recomputed now because the sender's DKIM key was withdrawn since";
    case FindingCode::SmimeValid:
        return "S/MIME signature by " + arg(a, 0) + " is valid, trusted, and covers the whole message";
    case FindingCode::PgpValid:
        return "OpenPGP signature by " + arg(a, 0) + " is valid, from a key you trust, and covers the whole message";
    case FindingCode::DmarcFailEnforced:
        return "DMARC fail: nothing proves this message comes from " + arg(a, 0) + ", whose owner asks receivers to " +
               (arg(a, 1) == "reject" ? "reject" : "quarantine") + " such mail";
    case FindingCode::SignatureInvalid:
        return "The " + arg(a, 0) + " signature is invalid: the message was changed after signing, or the signature is broken";
    case FindingCode::SignatureOtherIdentity:
        return "The " + arg(a, 0) + " signature belongs to " + arg(a, 1) + ", not to the sender shown in From";
    case FindingCode::MultipleFromFields:
        return "The message has " + arg(a, 0) + " From fields; mail programs may show a different one from the one checked";
    case FindingCode::MultipleFromMailboxes:
        return "The From field names several senders; only one can be checked";
    case FindingCode::FromAmbiguous:
        return "The From field can be read in two ways; it is built to fool mail programs";
    case FindingCode::FromMissing:
        return "The message has no From field";
    case FindingCode::FromInvalid:
        return "The From field cannot be read as an e-mail address";
    case FindingCode::ReportedDmarcFail:
        return "Your provider " + arg(a, 0) + " reported that DMARC failed for this message";
    case FindingCode::DmarcFailNoPolicy:
        return "DMARC fail: nothing proves this message comes from " + arg(a, 0) +
               " (its owner only monitors, so it was delivered anyway)";
    case FindingCode::DisplayNameAddress:
        return "The sender's name shows " + arg(a, 0) + ", but the message comes from " + arg(a, 1);
    case FindingCode::LookalikeDomain:
        return "The sender's domain " + arg(a, 0) + " looks like " + arg(a, 1) + " but is a different domain";
    case FindingCode::DeceptiveCharacters:
        return "The sender contains invisible, control or direction-changing characters: " + arg(a, 0);
    case FindingCode::PartialSignature:
        return "The " + arg(a, 0) + " signature covers only part of the message; unsigned parts: " + arg(a, 1);
    case FindingCode::SourcesDisagree:
        // args: what disagrees (a code), the authserv-id, the signing domain
        if (arg(a, 0) == "dkim-reported-pass")
            return "Your provider's report and Sealcheck's own check disagree: " + arg(a, 1) +
                   " reported the DKIM signature by " + arg(a, 2) + " as valid, but it does not verify";
        if (arg(a, 0) == "dkim-reported-fail")
            return "Your provider's report and Sealcheck's own check disagree: " + arg(a, 1) +
                   " reported the DKIM signature by " + arg(a, 2) + " as failed; Sealcheck does not count it";
        return "Your provider's report and Sealcheck's own check disagree: " + arg(a, 1) +
               " reported DMARC pass, but Sealcheck's own check fails";
    case FindingCode::ReplyToOtherOrganisation:
        return "Replies go to " + arg(a, 0) + ", another organisation than the sender " + arg(a, 1);
    case FindingCode::SenderOtherOrganisation:
        return "The Sender field names " + arg(a, 0) + ", another organisation than From";
    case FindingCode::PartialDkimCoverage: {
        // args: domain, unsigned body bytes after l=, unsigned header field names (space-separated)
        std::string why;
        if (arg(a, 1) != "0" && !arg(a, 1).empty())
            why = arg(a, 1) + " body bytes after l= are not signed";
        if (!arg(a, 2).empty())
            why += (why.empty() ? "" : "; ") + std::string("unsigned header fields: ") + arg(a, 2);
        return "The DKIM signature by " + arg(a, 0) + " covers only part of the message (" + why + ")";
    }
    case FindingCode::ArcOverride:
        return "DMARC failed after forwarding, but " + arg(a, 0) +
               ", a forwarder you trust, recorded that it passed when the message reached it";
    case FindingCode::NothingAuthenticates:
        return "Nothing proves who sent this message";
    case FindingCode::NoDmarcRecord:
        return arg(a, 0) + " publishes no DMARC policy, so its mail cannot be authenticated";
    case FindingCode::DmarcTemporaryError:
        return "DMARC could not be checked now (DNS error); try again later";
    case FindingCode::WeakKey:
        return "The DKIM key of " + arg(a, 0) + " is only " + arg(a, 1) + " bits";
    case FindingCode::KeyTesting:
        return "The DKIM key of " + arg(a, 0) + " is marked as in testing";
    case FindingCode::DnsNotSecure:
        return "DNS answers were not protected by DNSSEC";
    case FindingCode::HeaderAnomalies:
        return "The header contains malformed lines (" + arg(a, 0) + ")";
    case FindingCode::UntrustedAuthResults:
        // args: the count, the authserv-id of the first one
        return arg(a, 0) + (arg(a, 0) == "1" ? " Authentication-Results field was not trusted"
                                              : " Authentication-Results fields were not trusted");
    case FindingCode::ReportedOnly:
        return "Signed by " + arg(a, 0) + ", which is not the From domain; this does not vouch for the sender";
    case FindingCode::TimeExplainsDisagreement:
        // args: signing domain, authserv-id, the DKIM failure code
        return "The DKIM signature by " + arg(a, 0) + " was valid when " + arg(a, 1) +
               " received the message; its key has been withdrawn or expired since (" + arg(a, 2) + ")";
    case FindingCode::SignatureTemporaryError:
        return "The " + arg(a, 0) + " signature could not be checked now";
    case FindingCode::DnsLimitReached:
        return arg(a, 1) == "time"
            ? "DNS lookups for this message stopped after " + arg(a, 0) +
                  " ms of waiting; checks that needed more report a temporary error"
            : "DNS lookups for this message stopped at the limit of " + arg(a, 0) +
                  " queries; checks that needed more report a temporary error";
    case FindingCode::VerifiedWithRememberedKey:
        return "The DKIM key of " + arg(a, 0) + " (selector " + arg(a, 1) +
               ") is no longer published; the signature was verified with the key published on " + arg(a, 2) +
               ", which Sealcheck remembered";
    case FindingCode::KeyChanged:
        return "The DKIM key of " + arg(a, 0) + " (selector " + arg(a, 1) +
               ") differs from the one Sealcheck saw there before";
    case FindingCode::PinnedKeyChanged:
        return "The DKIM key of " + arg(a, 0) + " (selector " + arg(a, 1) + ") differs from the key you pinned";
    case FindingCode::ExpectedSignatureMissing:
        return arg(a, 0) + " always signs its mail, but this message has no valid DKIM signature by it";
    case FindingCode::AcceptedSigner:
        return "Signed by " + arg(a, 0) + ", which you accepted as the sending service of " + arg(a, 1) +
               "; the signature is valid and covers the whole message";
    case FindingCode::RememberedKeyNotAccepted:
        return "The DKIM signature by " + arg(a, 0) + " verifies only with a key Sealcheck remembered from " + arg(a, 1) +
               ", which was not published when this message arrived; it does not count";
    case FindingCode::DkimPassReported:
        return "Your provider " + arg(a, 1) + " reported at delivery that the DKIM signature by " + arg(a, 0) +
               " was valid; it cannot be recomputed now";
    case FindingCode::NoLongerVerifiable:
        return "The DKIM signature by " + arg(a, 0) + " can no longer be verified (" + arg(a, 1) +
               "); the message is too old for that to count against it";
    case FindingCode::ArcDmarcPassReported:
        return "DMARC failed after forwarding, but your provider " + arg(a, 1) + " found that " + arg(a, 0) +
               ", a forwarder you trust, recorded a pass";
    case FindingCode::NotCheckedDns:
        return "Not checked: " + arg(a, 0) + " could not be looked up (" + arg(a, 2) + " for " + arg(a, 1) +
               "); try again later";
    case FindingCode::NotCheckedLimit:
        return "Not checked: " + arg(a, 0) + " stopped at the limit of " + arg(a, 1) + "; try again later";
    case FindingCode::FieldReadAsFrom:
        return "A header field named \"" + arg(a, 0) +
               "\" is read as From by some mail programs; they may show another sender than the one checked";
    case FindingCode::CommentAddress:
        return "A comment in From shows " + arg(a, 0) + ", but the message comes from " + arg(a, 1);
    case FindingCode::KnownDomainEmbedded:
        return "The sender " + arg(a, 0) + " contains " + arg(a, 1) + ", a domain you know, but belongs to another domain";
    case FindingCode::MixedScriptDomain:
        return "The sender's domain " + arg(a, 0) + " mixes alphabets or imitates another name (" + arg(a, 1) + ")";
    case FindingCode::AlignedWithoutPolicy:
        return arg(a, 0) == "spf"
            ? "The sending server is authorised by the SPF record of " + arg(a, 1) +
                  ", which matches the From domain (it publishes no DMARC policy)"
            : "The DKIM signature by " + arg(a, 1) +
                  " is valid, covers the whole message and matches the From domain (it publishes no DMARC policy)";
    case FindingCode::Other:
        return arg(a, 0);
    }
    return arg(a, 0);
}

Finding makeFinding(FindingCode code, std::vector<std::string> args)
{
    Finding f;
    f.code = code;
    f.text = findingText(code, args);
    f.args = std::move(args);
    return f;
}

} // namespace verifier
