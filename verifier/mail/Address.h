#pragma once
/// RFC 5322 §3.4 address lists, with the obsolete forms of §4.4 (obs-route, obs-local-part,
/// obs-domain, obs-phrase, CFWS between tokens, empty list elements) and RFC 6532 UTF-8 in
/// atoms, quoted strings, comments and domain literals.
///
/// Two readings of the same bytes:
///  - Strict follows the grammar to the letter (with one deliberate exception: NUL is refused
///    everywhere, even as the obs-qp quoted-pair "\" %d0 of §4.1).
///  - Lenient imitates what common mail clients accept: it stops at a NUL (C strings), reads
///    quotes without honouring backslash escapes, drops non-nested comments, takes the first
///    "<...>" holding an '@' as the address, otherwise the last word holding an '@', accepts an
///    unquoted ',' or '@' in a display name, a missing ';' after a group and trailing garbage.
/// When the two readings disagree, FromAnalysis reports the From field as Ambiguous.
///
/// Encoded words (RFC 2047) are decoded for Mailbox::displayName only, after parsing; they
/// never become address syntax. Parsing is total and bounded (AddressLimits).

#include "Report.h" // AddressListKind

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace verifier {

struct AddressLimits
{
    /// Longer values are Invalid without being parsed.
    static constexpr size_t maxInput = 64 * 1024;
    /// More mailboxes than this make the list Invalid.
    static constexpr size_t maxMailboxes = 1000;
    /// Deeper comment nesting is Invalid (RFC 5322 §3.2.2 allows any depth).
    static constexpr int maxCommentDepth = 32;
};

struct Mailbox
{
    /// The display name: quoted strings unquoted, white space collapsed, encoded words decoded
    /// (RFC 2047), UTF-8. Falls back to the text of a trailing comment ("a@b.example (Joe)").
    /// Not escaped: pass through escapeForDisplay before showing.
    std::string displayName;
    /// The display name exactly as written (phrase bytes, trimmed).
    std::string rawDisplayName;
    /// The local part's content: quoted-pairs resolved, quotes and CFWS removed.
    std::string localPart;
    /// The domain, normalised by normalizeDomain (A-label, lower case); empty when the domain
    /// is a domain literal or not a valid domain name (see domainError).
    std::string domain;
    /// The domain as written (atoms joined by '.', or "[...]" for a domain literal).
    std::string domainAsWritten;
    /// The obsolete source route (RFC 5322 §4.4 obs-route) as written, e.g. "@a.example,@b.example".
    std::string route;
    /// The display name of the group holding this mailbox (RFC 5322 §3.4 group): quoted strings
    /// unquoted, white space collapsed, encoded words NOT decoded; empty if none.
    std::string groupName;
    /// Why `domain` is empty: a domain literal or normalizeDomain's error. Empty when valid.
    std::string domainError;

    /// local@domain with the local part as a dot-atom when it is one, else as a quoted string;
    /// the domain normalised (or as written when it could not be normalised).
    std::string address() const;
    bool operator==(const Mailbox &) const = default;
};

enum class AddressParseMode { Strict, Lenient };

struct AddressList
{
    /// None (nothing, or only empty groups), One, Several or Invalid; never Ambiguous (that
    /// needs both readings, see FromAnalysis).
    AddressListKind kind = AddressListKind::None;
    std::vector<Mailbox> mailboxes;
    bool hasGroup = false;
    /// Why the list is Invalid (empty otherwise).
    std::string problem;
};

/// Parses an address list (the value of From, To, Cc, ...; folding CRLF allowed) in @p mode.
AddressList parseAddressList(std::string_view rawValue, AddressParseMode mode);

} // namespace verifier
