#include "FindingText.h"

#include <QCoreApplication>

namespace sealcheck::ui {

namespace {
// lupdate files these tr() calls under the namespace context; look them up there.
QString tr(const char *s) { return QCoreApplication::translate("sealcheck::ui", s); }
/// Counted sentences: %n and the language's plural forms (English has them too: sealcheck_en.ts).
QString tr(const char *s, const char *disambiguation, int n)
{
    return QCoreApplication::translate("sealcheck::ui", s, disambiguation, n);
}
int count(const QString &arg) { return arg.toInt(); }
} // namespace

QString findingText(const verifier::Finding &f)
{
    using verifier::FindingCode;
    auto a = [&](size_t i) { return i < f.args.size() ? QString::fromStdString(f.args[i]) : QString(); };
    switch (f.code) {
    case FindingCode::DmarcPassDkim:
        return tr("The DKIM signature by %1 is valid, covers the whole message and matches the sender's domain.").arg(a(0));
    case FindingCode::DmarcPassSpf:
        return tr("The sending server is authorised by the SPF record of %1, which matches the sender's domain.").arg(a(0));
    case FindingCode::DmarcPassReported:
        return tr("Reported by your provider %1 at delivery: DMARC passed. The sender's key is gone or its algorithm retired since, so it cannot be checked again.").arg(a(0));
    case FindingCode::DkimPassReported:
        return tr("Reported by your provider %2 at delivery: the DKIM signature by %1 was valid. Its key is gone or its algorithm retired since, so it cannot be checked again.").arg(a(0), a(1));
    case FindingCode::NoLongerVerifiable:
        return tr("The DKIM signature by %1 can no longer be checked: its key is gone or its algorithm retired since. The message is too old for that to count against it.").arg(a(0));
    case FindingCode::ArcDmarcPassReported:
        return tr("DMARC failed after forwarding, but your provider %2 found that %1, a forwarder you trust, recorded a pass.").arg(a(0), a(1));
    case FindingCode::AlignedWithoutPolicy:
        return a(0) == QLatin1String("spf")
            ? tr("The sending server is authorised by the SPF record of %1, the sender's domain (it publishes no DMARC policy).").arg(a(1))
            : tr("The DKIM signature by %1 is valid, covers the whole message and matches the sender's domain (it publishes no DMARC policy).").arg(a(1));
    case FindingCode::NotCheckedDns:
        return tr("Not checked: %1 could not be looked up in DNS (%2). Try again later.").arg(a(0), a(1));
    case FindingCode::NotCheckedLimit:
        return tr("Not checked: %1 stopped at the limit of %2. Try again later.").arg(a(0), a(1));
    case FindingCode::SmimeValid:
        return tr("The S/MIME signature by %1 is valid, trusted, and covers the whole message.").arg(a(0));
    case FindingCode::PgpValid:
        return tr("The OpenPGP signature by %1 is valid, from a key you trust, and covers the whole message.").arg(a(0));
    case FindingCode::DmarcFailEnforced:
        return tr("Nothing proves this message comes from %1, and its owner asks receivers to refuse such mail.").arg(a(0));
    case FindingCode::SignatureInvalid:
        return tr("The %1 signature is invalid: the message was changed after signing, or the signature is broken.").arg(a(0));
    case FindingCode::SignatureOtherIdentity:
        return tr("The %1 signature belongs to %2, not to the sender shown.").arg(a(0), a(1));
    case FindingCode::MultipleFromFields:
        return tr("The message has %n sender field(s); your mail program may show a different sender from the one checked.",
                  nullptr, count(a(0)));
    case FindingCode::MultipleFromMailboxes:
        return tr("The sender field names several senders; only one can be checked.");
    case FindingCode::FromAmbiguous:
        return tr("The sender field can be read in two ways; it is built to fool mail programs.");
    case FindingCode::FromMissing:
        return tr("The message has no sender field.");
    case FindingCode::FromInvalid:
        return tr("The sender field cannot be read as an e-mail address.");
    case FindingCode::ReportedDmarcFail:
        return tr("Your provider %1 reported that the sender could not be confirmed.").arg(a(0));
    case FindingCode::DmarcFailNoPolicy:
        return tr("Nothing proves this message comes from %1 (its owner only monitors, so it was delivered anyway).").arg(a(0));
    case FindingCode::DisplayNameAddress:
        return tr("The sender's name shows %1, but the message comes from %2.").arg(a(0), a(1));
    case FindingCode::LookalikeDomain:
        return tr("The sender's domain %1 looks like %2 but is a different domain.").arg(a(0), a(1));
    case FindingCode::DeceptiveCharacters:
        return tr("The sender contains invisible, control or direction-changing characters.");
    case FindingCode::PartialSignature:
        return tr("The %1 signature covers only part of the message: %n part(s) are not signed.", nullptr,
                  qMax(1, count(a(1))))
            .arg(a(0));
    case FindingCode::SourcesDisagree:
        if (a(0) == QLatin1String("dkim-reported-pass"))
            return tr("Your provider %1 reported the DKIM signature by %2 as valid, but Sealcheck's own check finds it "
                      "invalid.").arg(a(1), a(2));
        if (a(0) == QLatin1String("dkim-reported-fail"))
            return tr("Your provider %1 reported the DKIM signature by %2 as failed, so Sealcheck does not count it.")
                .arg(a(1), a(2));
        if (a(0) == QLatin1String("dmarc-reported-pass"))
            return tr("Your provider %1 reported that the sender was confirmed, but Sealcheck's own check fails.").arg(a(1));
        break;
    case FindingCode::ReplyToOtherOrganisation:
        return tr("Replies go to %1, another organisation than the sender %2.").arg(a(0), a(1));
    case FindingCode::SenderOtherOrganisation:
        return tr("The Sender field names %1, another organisation than the sender shown.").arg(a(0));
    case FindingCode::PartialDkimCoverage: {
        const int bytes = count(a(1));
        const QString fields = a(2);
        if (bytes > 0 && !fields.isEmpty())
            return tr("The DKIM signature by %1 covers only part of the message: %n byte(s) at the end of the text are "
                      "not signed, nor are these header fields: %2.", nullptr, bytes)
                .arg(a(0), fields);
        if (bytes > 0)
            return tr("The DKIM signature by %1 covers only part of the message: %n byte(s) at the end of the text are "
                      "not signed.", nullptr, bytes)
                .arg(a(0));
        return tr("The DKIM signature by %1 covers only part of the message: %n header field(s) are not signed (%2).",
                  nullptr, int(fields.split(QLatin1Char(' '), Qt::SkipEmptyParts).size()))
            .arg(a(0), fields);
    }
    case FindingCode::ArcOverride:
        return tr("The check failed after forwarding, but %1, a forwarder you trust, recorded that it passed when the message reached it.").arg(a(0));
    case FindingCode::NothingAuthenticates:
        return tr("Nothing proves who sent this message.");
    case FindingCode::NoDmarcRecord:
        return tr("%1 publishes no DMARC policy, so its mail cannot be authenticated.").arg(a(0));
    case FindingCode::DmarcTemporaryError:
        return tr("The sender could not be checked now (DNS error); try again later.");
    case FindingCode::WeakKey:
        return tr("The DKIM key of %1 is only %n bit(s) long.", nullptr, count(a(1))).arg(a(0));
    case FindingCode::KeyTesting:
        return tr("The DKIM key of %1 is marked as being tested.").arg(a(0));
    case FindingCode::DnsNotSecure:
        return tr("The DNS answers were not protected by DNSSEC.");
    case FindingCode::HeaderAnomalies:
        return tr("The header contains malformed lines (%1).").arg(a(0));
    case FindingCode::UntrustedAuthResults:
        if (a(1).isEmpty())
            return tr("%n Authentication-Results field(s) were not trusted.", nullptr, count(a(0)));
        return tr("%n Authentication-Results field(s) were not trusted (the first one written by %1).", nullptr,
                  count(a(0)))
            .arg(a(1));
    case FindingCode::ReportedOnly:
        return tr("Signed by %1, which is not the sender's domain; this does not vouch for the sender.").arg(a(0));
    case FindingCode::VerifiedWithRememberedKey:
        return tr("The DKIM key of %1 (selector %2) is no longer published; the signature was verified with the key published on %3, which Sealcheck remembered.").arg(a(0), a(1), a(2));
    case FindingCode::KeyChanged:
        return tr("The DKIM key of %1 (selector %2) differs from the one Sealcheck saw there before.").arg(a(0), a(1));
    case FindingCode::PinnedKeyChanged:
        return tr("The DKIM key of %1 (selector %2) differs from the key you pinned.").arg(a(0), a(1));
    case FindingCode::ExpectedSignatureMissing:
        return tr("%1 always signs its mail, but this message has no valid signature by it.").arg(a(0));
    case FindingCode::DnsLimitReached:
        return a(1) == QLatin1String("time")
            ? tr("DNS lookups for this message stopped after %n millisecond(s) of waiting; checks that needed more report a temporary error.", nullptr, count(a(0)))
            : tr("DNS lookups for this message stopped at the limit of %n query(ies); checks that needed more report a temporary error.", nullptr, count(a(0)));
    case FindingCode::AcceptedSigner:
        return tr("Signed by %1, which you accepted as the sending service of %2; the signature is valid and covers the whole message.").arg(a(0), a(1));
    case FindingCode::RememberedKeyNotAccepted:
        return tr("The signature by %1 verifies only with a key Sealcheck remembered from %2, which was not published when this message arrived; it does not count.").arg(a(0), a(1));
    case FindingCode::TimeExplainsDisagreement:
        return tr("The DKIM signature by %1 was valid when %2 received the message; its key has been withdrawn or has "
                  "expired since.").arg(a(0), a(1));
    case FindingCode::SignatureTemporaryError:
        return tr("The %1 signature could not be checked now; try again later.").arg(a(0));
    case FindingCode::Other:
        break;
    }
    // Free-form findings (FindingCode::Other) carry their English text; so does an unknown
    // SourcesDisagree form. Every translated sentence above embeds only data.
    return QString::fromStdString(f.text);
}

} // namespace sealcheck::ui
