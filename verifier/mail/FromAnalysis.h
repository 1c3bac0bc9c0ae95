#pragma once
/// The one parse of the author identity (ARCHITECTURE.md "one parse, one identity"): the mailbox
/// used for DMARC, for signer matching and for display all come from this FromInfo. Never falls
/// back to Sender, Resent-From or Reply-To.

#include "Message.h"
#include "Report.h"

namespace verifier {

/// Reads every From field of @p message (RFC 5322 §3.6.2: exactly one, holding a mailbox-list;
/// RFC 6854 group syntax accepted) and fills FromInfo:
///  - None: no From field, or an empty one, or one holding only empty groups.
///  - Several: several From fields (fieldCount > 1), or several mailboxes in one.
///  - Ambiguous: the strict and lenient readings (Address.h) give different mailboxes; or the From
///    field carries header anomalies (NUL, bare CR, invalid UTF-8, white space before the colon);
///    or another header line reads "From" before its colon once white space, control characters,
///    DEL and 8-bit bytes are removed ("From\xff:", "From\0:", " From:", "From\r\n :";
///    "Composition Kills", Chen, Paxson and Jiang, USENIX Security 2020, §5.1), above or below
///    the real From: competingFromNames lists those names and the verdict calls the message forged
///    (FindingCode::FieldReadAsFrom); or the mailbox carries an obsolete source route
///    (RFC 5322 §4.4), which readers resolve to different domains; or the local part holds
///    encoded-word syntax in any charset, even one that cannot be converted ("=?x?q?...?=").
///  - Invalid: does not parse as a mailbox under the strict reading, or its domain is not a
///    valid domain name (an address literal, a single label, bad IDNA).
///  - One: address, localPart, domain (A-label) and displayName filled; problem empty.
/// Everything shown (header, displayName, localPart, address) is escaped with escapeForDisplay;
/// hasDeceptiveCharacters says whether that changed anything. displayNameHasAddress is set when
/// the decoded display name holds an '@' (also the fullwidth and small forms): an encoded word
/// (Mailsploit) or quoted string showing an address that is not the one parsed. A local part
/// holding encoded words (which clients decode, RFC 2047 §5 forbids) is Ambiguous and sets it too.
/// comments holds the text of every comment in From (FromComments.h), decoded and escaped.
FromInfo analyseFrom(const Message &message);

} // namespace verifier
