#pragma once
/// Parsed IMAP server responses as plain values (RFC 3501 §7, RFC 9051 §7). Produced only by
/// ImapParser; nothing here knows about sockets, tasks or the store.

#include <QByteArray>
#include <QList>
#include <QMap>

#include <optional>

namespace imap {

/// Which of the three response shapes (RFC 9051 §2.2.2).
enum class ResponseKind { Untagged, Tagged, Continuation };

/// resp-cond-state / resp-cond-bye / resp-cond-auth (RFC 9051 §7.1). None for data responses.
enum class ResponseStatus { None, Ok, No, Bad, PreAuth, Bye };

/// What an untagged response carries (RFC 9051 §7.2-7.5). Unknown kinds are kept as Other
/// with their raw text, never an error (forward compatibility).
enum class UntaggedType {
    None,       ///< tagged, continuation, or a status response (OK/NO/BAD/BYE/PREAUTH)
    Capability, ///< * CAPABILITY
    Enabled,    ///< * ENABLED (RFC 5161)
    List,       ///< * LIST (also LSUB)
    Status,     ///< * STATUS
    Flags,      ///< * FLAGS
    Search,     ///< * SEARCH (RFC 3501 §7.2.5; optional (MODSEQ n), RFC 7162 §3.1.5)
    ESearch,    ///< * ESEARCH (RFC 4731, IMAP4rev2)
    Exists,     ///< * n EXISTS
    Recent,     ///< * n RECENT (IMAP4rev1 only)
    Expunge,    ///< * n EXPUNGE
    Vanished,   ///< * VANISHED [(EARLIER)] uid-set (RFC 7162 §3.2.10)
    Fetch,      ///< * n FETCH (...)
    Other,
};

/// A bracketed response code (RFC 9051 §7.1). `name` is upper-cased; `argument` is the raw text
/// after the name; the known numeric ones are also decoded into `number`.
struct ResponseCode
{
    QByteArray name; ///< "UIDVALIDITY", "UIDNEXT", "HIGHESTMODSEQ", "READ-ONLY", "ALERT", ...
    QByteArray argument;
    std::optional<quint64> number; ///< UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ, UNSEEN
    QList<QByteArray> list;        ///< CAPABILITY atoms or PERMANENTFLAGS flags
    bool operator==(const ResponseCode &) const = default;
};

/// RFC 6154 special-use attributes (and \Noselect etc.) stay in `attributes` as sent.
struct ListEntry
{
    QList<QByteArray> attributes; ///< "\\HasNoChildren", "\\Sent", "\\Junk", ...
    QByteArray delimiter;         ///< empty when NIL
    QByteArray name;              ///< raw wire form (modified UTF-7 or UTF-8), see ImapMailboxName
    bool operator==(const ListEntry &) const = default;
};

struct StatusData
{
    QByteArray mailbox;
    QMap<QByteArray, quint64> values; ///< "MESSAGES", "UIDNEXT", "UIDVALIDITY", "UNSEEN", "HIGHESTMODSEQ"...
    bool operator==(const StatusData &) const = default;
};

/// One FETCH response (RFC 9051 §7.5.2). Items absent from the response are nullopt/empty.
struct FetchData
{
    std::optional<quint32> uid;
    std::optional<QList<QByteArray>> flags;
    QByteArray internalDate;            ///< raw date-time text, empty when absent
    std::optional<quint64> rfc822Size;
    std::optional<quint64> modSeq;      ///< MODSEQ (n), RFC 7162 §3.1.4
    QMap<QByteArray, QByteArray> sections; ///< "BODY[]" / "BODY[HEADER]" / "BODY[HEADER.FIELDS (FROM)]" -> bytes (NIL = empty)
    bool operator==(const FetchData &) const = default;

    /// The full message (BODY[] / RFC822 / BINARY[]), if fetched.
    std::optional<QByteArray> message() const;
    /// The header (BODY[HEADER] / RFC822.HEADER / BODY[HEADER.FIELDS ...]), if fetched.
    std::optional<QByteArray> header() const;
};

struct ImapResponse
{
    ResponseKind kind = ResponseKind::Untagged;
    QByteArray tag;                   ///< tagged only
    ResponseStatus status = ResponseStatus::None;
    UntaggedType type = UntaggedType::None;
    std::optional<ResponseCode> code;
    QByteArray text;                  ///< resp-text after the code, or continuation text, or raw rest for Other
    QByteArray otherName;             ///< Other: the upper-cased response name
    quint32 number = 0;               ///< EXISTS / RECENT / EXPUNGE / FETCH message sequence number
    QList<QByteArray> atoms;          ///< CAPABILITY, ENABLED, FLAGS
    QList<quint32> numbers;           ///< SEARCH results; ESEARCH ALL and VANISHED expanded (bounded)
    std::optional<quint64> searchModSeq;
    bool vanishedEarlier = false;
    ListEntry list;
    StatusData statusData;
    FetchData fetch;
    bool operator==(const ImapResponse &) const = default;
};

} // namespace imap
