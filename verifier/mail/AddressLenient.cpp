// The lenient reading of an address list: what a simple mail client shows (a display name, the
// text between the last '<' and '>'), bounded like the strict parser. Used to see what a reader
// sees, never to decide that an address is valid.
#include "AddressDetail.h"

#include "Rfc2047.h"
#include "Strings.h"

namespace verifier::addressdetail {

namespace {

std::string stripQuotes(std::string_view s)
{
    std::string out;
    for (char c : trim(s)) {
        if (c != '"')
            out.push_back(c);
    }
    return std::string(trim(out));
}

// Reads one list element the way a simple client does.
bool lenientMailbox(std::string_view text, Mailbox &mb)
{
    // Positions of '<' outside quotes (quotes without backslash escapes).
    std::string_view addr;
    std::string_view display;
    bool inQuote = false;
    // The next '>' and the next '@' after each '<', found incrementally so that many '<' stay linear.
    size_t close = 0, nextAt = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '"') {
            inQuote = !inQuote;
        } else if (c == '<' && !inQuote) {
            if (close != std::string_view::npos && close <= i)
                close = text.find('>', i + 1);
            if (nextAt != std::string_view::npos && nextAt <= i)
                nextAt = text.find('@', i + 1);
            if (nextAt != std::string_view::npos && (close == std::string_view::npos || nextAt < close)) {
                addr = text.substr(i + 1, close == std::string_view::npos ? std::string_view::npos : close - i - 1);
                size_t firstAngle = text.find('<');
                display = text.substr(0, firstAngle);
                break;
            }
        }
    }
    if (addr.empty()) {
        // No "<...>": the last word holding an '@' is the address.
        size_t tokenStart = std::string_view::npos;
        size_t bestStart = std::string_view::npos, bestEnd = 0;
        inQuote = false;
        for (size_t i = 0; i <= text.size(); ++i) {
            bool boundary = i == text.size() || (!inQuote && (isWsp(text[i])));
            if (i < text.size() && text[i] == '"')
                inQuote = !inQuote;
            if (boundary) {
                if (tokenStart != std::string_view::npos) {
                    std::string_view token = text.substr(tokenStart, i - tokenStart);
                    if (token.find('@') != std::string_view::npos) {
                        bestStart = tokenStart;
                        bestEnd = i;
                    }
                    tokenStart = std::string_view::npos;
                }
            } else if (tokenStart == std::string_view::npos) {
                tokenStart = i;
            }
        }
        if (bestStart == std::string_view::npos)
            return false;
        addr = text.substr(bestStart, bestEnd - bestStart);
        display = text.substr(0, bestStart);
    }
    addr = trim(addr);
    if (!addr.empty() && addr.front() == '@') { // a source route: the address follows the last ':'
        size_t colon = addr.rfind(':');
        if (colon != std::string_view::npos)
            addr = addr.substr(colon + 1);
    }
    if (!parseStrictAddrSpec(addr, mb)) {
        mb = Mailbox{};
        size_t at = addr.rfind('@');
        mb.localPart = stripQuotes(addr.substr(0, at));
        mb.domainAsWritten = std::string(trim(addr.substr(at + 1)));
        finishMailbox(mb);
    }
    mb.rawDisplayName = std::string(trim(display));
    mb.displayName = decodeEncodedWords(stripQuotes(display));
    return true;
}

} // namespace

AddressList parseLenient(std::string_view in)
{
    AddressList out;
    in = in.substr(0, in.find('\0')); // C-string readers stop at a NUL
    std::string s = unfold(in);

    struct Piece
    {
        std::string text;
        std::string group;
    };
    std::vector<Piece> pieces;
    std::string current;
    std::string group;
    bool inQuote = false, inComment = false;
    int angle = 0;
    bool currentHasAtOrAngle = false;
    auto endPiece = [&]() {
        pieces.push_back({current, group});
        current.clear();
        currentHasAtOrAngle = false;
    };
    for (char c : s) {
        if (inComment) {
            if (c == ')')
                inComment = false; // no nesting
            continue;
        }
        if (c == '"') {
            inQuote = !inQuote;
        } else if (!inQuote) {
            if (c == '(') {
                inComment = true;
                continue;
            }
            if (c == '<')
                ++angle;
            else if (c == '>' && angle > 0)
                --angle;
            else if (angle == 0 && c == ',') {
                endPiece();
                continue;
            } else if (angle == 0 && c == ';') {
                endPiece();
                group.clear();
                continue;
            } else if (angle == 0 && c == ':' && !currentHasAtOrAngle) {
                group = std::string(trim(current));
                out.hasGroup = true;
                current.clear();
                currentHasAtOrAngle = false;
                continue;
            }
        }
        current.push_back(c);
        currentHasAtOrAngle = currentHasAtOrAngle || c == '@' || c == '<';
    }
    endPiece();

    // A piece without '@' is part of a display name that held an unquoted ',' ("Smith, John <j@x>").
    std::string carry;
    for (auto &piece : pieces) {
        if (piece.text.find('@') == std::string::npos) {
            if (carry.empty() && trim(piece.text).empty())
                continue; // an empty element
            if (!carry.empty())
                carry.push_back(',');
            carry += piece.text;
            continue;
        }
        std::string text = carry.empty() ? piece.text : carry + "," + piece.text;
        carry.clear();
        Mailbox mb;
        if (lenientMailbox(text, mb)) {
            mb.groupName = piece.group;
            out.mailboxes.push_back(std::move(mb));
            if (out.mailboxes.size() > AddressLimits::maxMailboxes) {
                out.kind = AddressListKind::Invalid;
                out.problem = "more than " + std::to_string(AddressLimits::maxMailboxes) + " mailboxes";
                out.mailboxes.clear();
                return out;
            }
        }
    }
    setKind(out);
    return out;
}

} // namespace verifier::addressdetail
