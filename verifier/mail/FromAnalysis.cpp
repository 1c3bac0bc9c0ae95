#include "FromAnalysis.h"

#include "Address.h"
#include "FromComments.h"
#include "Rfc2047.h"
#include "Strings.h"

#include <algorithm>

namespace verifier {

namespace {

// The text before a field's first colon with the bytes that lenient readers skip or drop removed:
// white space, controls (NUL, CR, LF: "From\0:", "From\r\n :", " From:"), DEL and every 8-bit byte
// ("From\xff:", "From\xc2\xa0:"). Several clients and libraries read such a name as "From"
// ("Composition Kills", Chen, Paxson and Jiang, USENIX Security 2020, §5.1 and espoofer cases
// server_a9-a11; Python's email package ends the header section at such a line instead, hiding
// everything below it).
std::string lenientFieldName(std::string_view raw)
{
    size_t colon = raw.find(':');
    if (colon == std::string_view::npos)
        return {};
    std::string squeezed;
    for (char c : raw.substr(0, colon)) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u > 0x20 && u < 0x7F)
            squeezed.push_back(c);
    }
    return squeezed;
}

// Fields other than the real From fields (named exactly "From", any case) that some reader takes
// for a From field, wherever they are in the header: their names as written, escaped.
std::vector<std::string> competingFromNames(const Message &message)
{
    std::vector<std::string> out;
    for (const HeaderField &f : message.fields()) {
        if (f.is("From") || !equalsIgnoreCase(lenientFieldName(f.raw), "from"))
            continue;
        std::string_view name = f.raw.substr(0, std::min(f.raw.find(':'), size_t(64)));
        out.push_back(escapeForDisplay(name));
        if (out.size() >= 10)
            break;
    }
    return out;
}

// "=?charset?q|b?text?=" in any charset, even one this program cannot convert: lenient decoders
// ignore the charset ("Splitting the Email Atom", Heyes 2024: "=?x?q?...?=", UTF-7).
bool holdsEncodedWordSyntax(std::string_view text)
{
    for (size_t start = text.find("=?"); start != std::string_view::npos; start = text.find("=?", start + 2)) {
        const size_t q1 = text.find('?', start + 2);
        if (q1 == std::string_view::npos || q1 + 2 >= text.size())
            return false;
        const char enc = toLowerAscii(text[q1 + 1]);
        if ((enc == 'q' || enc == 'b') && text[q1 + 2] == '?' && text.find("?=", q1 + 3) != std::string_view::npos)
            return true;
    }
    return false;
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

    info.comments.clear();
    for (const HeaderField *f : fields) {
        for (const std::string &c : commentsIn(f->rawValue)) {
            if (info.comments.size() < FromCommentLimits::maxComments)
                info.comments.push_back(escapeForDisplay(c));
        }
    }

    // 1. Header fields that some readers take for a From field and others do not: competing
    //    identities whether they stand above or below the real From.
    info.competingFromNames = competingFromNames(message);

    // 2. More than one From field (RFC 5322 §3.6: exactly one).
    if (fields.size() > 1)
        return finish(AddressListKind::Several, std::to_string(fields.size()) + " From fields");
    if (!info.competingFromNames.empty()) {
        const std::string &name = info.competingFromNames.front();
        return finish(AddressListKind::Ambiguous,
                      name.find_first_not_of(" \t") != 0
                          ? "a continuation line before the first field reads \"From:\""
                          : "a header field named \"" + name + "\" is read as From by lenient mail programs");
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
    if (localPartEncoded || holdsEncodedWordSyntax(mb.localPart)) {
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
