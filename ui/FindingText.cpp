#include "FindingText.h"

#include <QCoreApplication>

#include <algorithm>
#include <QHash>
#include <QRegularExpression>

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
    case FindingCode::AlignedWithoutPolicy:
        return a(0) == QLatin1String("spf")
            ? tr("The sending server is authorised by the SPF record of %1, the sender's domain (it publishes no DMARC policy).").arg(a(1))
            : tr("The DKIM signature by %1 is valid, covers the whole message and matches the sender's domain (it publishes no DMARC policy).").arg(a(1));
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
    case FindingCode::DkimPassReported:
        return tr("Your provider %2 confirmed when the message arrived that the DKIM signature by %1 was valid; it cannot be checked again now.").arg(a(0), a(1));
    case FindingCode::NoLongerVerifiable:
        return tr("The DKIM signature by %1 can no longer be checked (%2); the message is too old for that to count against it.").arg(a(0), dkimFailureWords(a(1)));
    case FindingCode::ArcDmarcPassReported:
        return tr("The check failed after forwarding, but your provider %2 found that %1, a forwarder you trust, recorded that it passed.").arg(a(0), a(1));
    case FindingCode::NotCheckedDns:
        return tr("Not checked: the %1 record of %2 could not be looked up (%3). Try again later.").arg(a(0), a(1), a(2));
    case FindingCode::NotCheckedLimit:
        return tr("Not checked: %1 stopped at the limit of %2, so nothing can be said about the sender.").arg(a(0), a(1));
    case FindingCode::FieldReadAsFrom:
        return tr("A header field named \"%1\" is read as the sender by some mail programs; they may show another sender than the one checked.").arg(a(0));
    case FindingCode::CommentAddress:
        return tr("A comment in the sender field shows %1, but the message comes from %2.").arg(a(0), a(1));
    case FindingCode::KnownDomainEmbedded:
        return tr("The sender %1 contains %2, a domain you know, but belongs to another domain.").arg(a(0), a(1));
    case FindingCode::MixedScriptDomain:
        return tr("The sender's domain %1 mixes alphabets or imitates another name (%2).").arg(a(0), a(1));
    case FindingCode::Other:
        return otherText(a(0).isEmpty() ? QString::fromStdString(f.text) : a(0));
    }
    // An unknown SourcesDisagree form carries its English text. Every translated sentence above
    // embeds only data.
    return QString::fromStdString(f.text);
}

QString otherText(const QString &english)
{
    // The engine's free-form findings (FindingCode::Other) have a few fixed forms: each gets a
    // translated sentence; the part after the prefix is data (a reason, a name).
    auto after = [&](const QString &prefix) { return english.mid(prefix.size()).trimmed(); };
    static const QRegularExpression historic(QStringLiteral("^Authentication-Results reports (\\S+), a historic method replaced by (.+)$"));
    static const QRegularExpression vbr(QStringLiteral("^VBR: (\\S+) vouches for (\\S+);"));
    static const QRegularExpression untrustedSig(QStringLiteral("^The (S/MIME|OpenPGP) signature is valid but not trusted: (.*)$"));
    if (english.startsWith(QLatin1String("iprev ")))
        return tr("The sending server's reverse DNS name does not lead back to its address (iprev %1).")
            .arg(english.section(QLatin1Char(':'), 0, 0).mid(6));
    if (english.startsWith(QLatin1String("uses DomainKeys")))
        return tr("The message uses DomainKeys, a historic method replaced by DKIM; it is not used for the verdict.");
    if (const auto m = historic.match(english); m.hasMatch())
        return tr("Authentication-Results reports %1, a historic method replaced by %2; it is not used for the verdict.")
            .arg(m.captured(1), m.captured(2));
    if (const auto m = vbr.match(english); m.hasMatch())
        return tr("%1 vouches for %2; a vouch is reputation, not proof of the sender.").arg(m.captured(1), m.captured(2));
    if (const auto m = untrustedSig.match(english); m.hasMatch())
        return tr("The %1 signature is valid, but its certificate or key is not one you trust.").arg(m.captured(1));
    if (english.startsWith(QLatin1String("DMARC: ")))
        return tr("The DMARC policy of the sender's domain is broken or unusable, so it protects nothing (%1).")
            .arg(after(QStringLiteral("DMARC: ")));
    if (english.startsWith(QLatin1String("no DNS resolver")))
        return tr("No DNS resolver was available, so nothing was checked.");
    for (const char *kind : {"S/MIME: ", "OpenPGP: "}) {
        if (english.startsWith(QLatin1String(kind)))
            return tr("%1 signature: %2").arg(QString::fromLatin1(kind).chopped(2), after(QString::fromLatin1(kind)));
    }
    return english;
}

bool isTechnicalNote(const verifier::Finding &f)
{
    using verifier::FindingCode;
    static const FindingCode notes[] = {
        FindingCode::DnsNotSecure, FindingCode::UntrustedAuthResults, FindingCode::HeaderAnomalies,
        FindingCode::KeyTesting, FindingCode::WeakKey, FindingCode::ReportedOnly, FindingCode::DnsLimitReached,
        FindingCode::TimeExplainsDisagreement, FindingCode::NoLongerVerifiable,
    };
    if (std::find(std::begin(notes), std::end(notes), f.code) != std::end(notes))
        return true;
    if (f.code != FindingCode::Other)
        return false;
    // iprev, historic methods and vouches never change the verdict.
    const QString text = QString::fromStdString(f.args.empty() ? f.text : f.args[0]);
    return text.startsWith(QLatin1String("iprev ")) || text.startsWith(QLatin1String("uses DomainKeys"))
        || text.startsWith(QLatin1String("Authentication-Results reports ")) || text.startsWith(QLatin1String("VBR: "));
}

QString dkimFailureWords(const QString &code)
{
    // verifier::dkimFailureName() values, for the reader.
    static const QHash<QString, const char *> words = {
        {QStringLiteral("signature-syntax"), QT_TRANSLATE_NOOP("sealcheck::ui", "the signature is malformed")},
        {QStringLiteral("missing-tag"), QT_TRANSLATE_NOOP("sealcheck::ui", "the signature lacks a required part")},
        {QStringLiteral("unsupported-version"), QT_TRANSLATE_NOOP("sealcheck::ui", "unknown signature version")},
        {QStringLiteral("unsupported-algorithm"), QT_TRANSLATE_NOOP("sealcheck::ui", "unknown signing algorithm")},
        {QStringLiteral("from-not-signed"), QT_TRANSLATE_NOOP("sealcheck::ui", "the sender field is not signed")},
        {QStringLiteral("invalid-domain"), QT_TRANSLATE_NOOP("sealcheck::ui", "the signing domain is not a valid name")},
        {QStringLiteral("expired"), QT_TRANSLATE_NOOP("sealcheck::ui", "the signature has expired")},
        {QStringLiteral("future-timestamp"), QT_TRANSLATE_NOOP("sealcheck::ui", "the signature is dated in the future")},
        {QStringLiteral("weak-algorithm"), QT_TRANSLATE_NOOP("sealcheck::ui", "the algorithm (SHA-1) is no longer accepted")},
        {QStringLiteral("key-unavailable"), QT_TRANSLATE_NOOP("sealcheck::ui", "the key could not be looked up now")},
        {QStringLiteral("key-not-found"), QT_TRANSLATE_NOOP("sealcheck::ui", "the key is not published")},
        {QStringLiteral("key-syntax"), QT_TRANSLATE_NOOP("sealcheck::ui", "the published key is malformed")},
        {QStringLiteral("key-revoked"), QT_TRANSLATE_NOOP("sealcheck::ui", "the key has been withdrawn")},
        {QStringLiteral("key-too-small"), QT_TRANSLATE_NOOP("sealcheck::ui", "the key is too short to be safe")},
        {QStringLiteral("body-length-exceeded"), QT_TRANSLATE_NOOP("sealcheck::ui", "the signed length is longer than the text")},
        {QStringLiteral("body-hash-mismatch"), QT_TRANSLATE_NOOP("sealcheck::ui", "the text was changed after signing")},
        {QStringLiteral("signature-mismatch"), QT_TRANSLATE_NOOP("sealcheck::ui", "the signed header fields were changed after signing")},
    };
    const auto it = words.constFind(code);
    return it == words.cend() ? code : tr(*it);
}

} // namespace sealcheck::ui
