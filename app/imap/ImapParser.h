#pragma once
/// The response parser: a pure, total function from one complete server response (the line
/// including its CRLF and every literal it announces, as ImapFramer delivers it) to an
/// ImapResponse value (RFC 9051 §7, RFC 3501 §7, RFC 7162 §3, RFC 6154 via LIST attributes).
/// Never asserts; malformed input is an ImapError of kind ProtocolError naming the offset.

#include "ImapExpected.h"
#include "ImapResponse.h"

namespace imap {

class ImapParser
{
public:
    [[nodiscard]] static ImapExpected<ImapResponse> parse(const QByteArray &completeResponse);
};

} // namespace imap
