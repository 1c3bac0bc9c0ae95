#include "FromAnalysis.h"

#include "Address.h"
#include "Rfc2047.h"
#include "Strings.h"

namespace verifier {

namespace {

bool has(const std::vector<HeaderAnomaly> &list, HeaderAnomaly a)
{
    for (HeaderAnomaly x : list) {
        if (x == a)
            return true;
    }
    return false;
}

// A nameless field (leading continuation, or a line that is no field) whose text before the first
// colon reads "From" once the bytes a lenient reader might skip are gone: " From:", "From\0:", "Fro m:".
bool namelessLineLooksLikeFrom(const HeaderField &f)
{
    if (!f.name.empty())
        return false;
    std::string_view raw = f.raw;
    size_t colon = raw.find(':');
    if (colon == std::string_view::npos)
        return false;
    std::string squeezed;
    for (char c : raw.substr(0, colon)) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u > 0x20 && u != 0x7F)
            squeezed.push_back(c);
    }
    return equalsIgnoreCase(squeezed, "from");
}

bool holdsAtSign(std::string_view text)
{
    return text.find('@') != std::string_view::npos ||
           text.find("\xEF\xBC\xA0") != std::string_view::npos || // U+FF20 FULLWIDTH COMMERCIAL AT
           text.find("\xEF\xB9\xAB") != std::string_view::npos;   // U+FE6B SMALL COMMERCIAL AT
}

std::string describeAnomalies(const std::vector<HeaderAnomaly> &anomalies)
{
    std::string out;
    for (HeaderAnomaly a : anomalies) {
        if (!out.empty())
            out += ", ";
        out += headerAnomalyName(a);
    }
    return out;
}

bool sameMailboxes(const AddressList &a, const AddressList &b)
{
    if (a.mailboxes.size() != b.mailboxes.size())
        return false;
    for (size_t i = 0; i < a.mailboxes.size(); ++i) {
        if (a.mailboxes[i].address() != b.mailboxes[i].address())
            return false;
    }
    return true;
}

std::string listAddresses(const AddressList &list)
{
    if (list.mailboxes.empty())
        return "no address";
    std::string out;
    for (const Mailbox &mb : list.mailboxes) {
        if (!out.empty())
            out += ", ";
        out += mb.address();
    }
    return out;
}

} // namespace

FromInfo analyseFrom(const Message &message)
{
    FromInfo info;
    const std::vector<const HeaderField *> fields = message.fields("From");
    info.fieldCount = int(fields.size());

    std::string header;
    for (const HeaderField *f : fields) {
        if (!header.empty())
            header += ", ";
        header += f->value();
    }
    bool deceptive = false;
    info.header = escapeForDisplay(header, &deceptive);

    auto finish = [&](AddressListKind kind, std::string problem) {
        info.kind = kind;
        info.problem = std::move(problem);
        info.hasDeceptiveCharacters = deceptive;
        return info;
    };

    // 1. More than one From field (RFC 5322 §3.6: exactly one).
    if (fields.size() > 1)
        return finish(AddressListKind::Several, std::to_string(fields.size()) + " From fields");

    // 2. Header lines that some readers take for a From field and others do not.
    for (const HeaderField &f : message.fields()) {
        if (namelessLineLooksLikeFrom(f)) {
            const char *what = has(f.anomalies, HeaderAnomaly::LeadingContinuation)
                                   ? "a continuation line before the first field reads \"From:\""
                                   : "a malformed header line reads \"From:\"";
            return finish(AddressListKind::Ambiguous, what);
        }
    }
    if (fields.empty())
        return finish(AddressListKind::None, "no From field");

    const HeaderField &from = *fields.front();
    std::vector<HeaderAnomaly> fieldAnomalies;
    for (HeaderAnomaly a : from.anomalies) {
        switch (a) {
        case HeaderAnomaly::NulByte:
        case HeaderAnomaly::BareCarriageReturn:
        case HeaderAnomaly::SpaceBeforeColon:
        case HeaderAnomaly::InvalidUtf8InHeader:
        case HeaderAnomaly::LeadingContinuation:
        case HeaderAnomaly::LineWithoutColon:
        case HeaderAnomaly::EmptyFieldName:
            fieldAnomalies.push_back(a);
            break;
        case HeaderAnomaly::EightBitInHeader: // RFC 6532 allows UTF-8
        case HeaderAnomaly::NoBodySeparator:
            break;
        }
    }
    if (!fieldAnomalies.empty())
        return finish(AddressListKind::Ambiguous, "the From field has header anomalies: " + describeAnomalies(fieldAnomalies));

    // 3. The two readings.
    const AddressList strict = parseAddressList(from.rawValue, AddressParseMode::Strict);
    const AddressList lenient = parseAddressList(from.rawValue, AddressParseMode::Lenient);
    if (strict.kind == AddressListKind::Invalid) {
        std::string problem = "the From field does not parse: " + strict.problem;
        if (!lenient.mailboxes.empty())
            problem += " (a lenient reader would take " + listAddresses(lenient) + ")";
        return finish(AddressListKind::Invalid, escapeForDisplay(problem));
    }
    if (!sameMailboxes(strict, lenient)) {
        return finish(AddressListKind::Ambiguous,
                      escapeForDisplay("the From field reads as " + listAddresses(strict) + " to a strict parser and as " +
                                       listAddresses(lenient) + " to a lenient one"));
    }
    if (strict.kind == AddressListKind::None)
        return finish(AddressListKind::None, strict.hasGroup ? "the From field holds an empty group" : "the From field is empty");
    if (strict.kind == AddressListKind::Several)
        return finish(AddressListKind::Several, std::to_string(strict.mailboxes.size()) + " mailboxes in the From field");

    const Mailbox &mb = strict.mailboxes.front();
    bool changed = false;
    // RFC 6854 group in From: readers that show no mailbox name show the group's name instead.
    const std::string shownName = !mb.displayName.empty() || mb.groupName.empty() ? mb.displayName
                                                                                   : decodeEncodedWords(mb.groupName);
    info.displayName = escapeForDisplay(shownName, &changed);
    deceptive = deceptive || changed;
    info.displayNameHasAddress = holdsAtSign(shownName);
    if (!mb.route.empty())
        return finish(AddressListKind::Ambiguous,
                      escapeForDisplay("the From address carries a source route (" + mb.route + ")"));
    bool localPartEncoded = false;
    (void)decodeEncodedWords(mb.localPart, &localPartEncoded);
    if (localPartEncoded) {
        // Mailsploit: clients decode encoded words in the local part and show another address.
        info.displayNameHasAddress = true;
        return finish(AddressListKind::Ambiguous, "the From local part holds RFC 2047 encoded words that mail "
                                                  "clients decode (and RFC 2047 §5 forbids there)");
    }
    if (!mb.domainError.empty())
        return finish(AddressListKind::Invalid,
                      escapeForDisplay("the From domain \"" + mb.domainAsWritten + "\" is not valid: " + mb.domainError));

    info.localPart = escapeForDisplay(mb.localPart, &changed);
    deceptive = deceptive || changed;
    info.address = escapeForDisplay(mb.address(), &changed);
    deceptive = deceptive || changed;
    info.domain = mb.domain;
    return finish(AddressListKind::One, {});
}

} // namespace verifier
