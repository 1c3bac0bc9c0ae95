#pragma once
// The header fields a reader looks at (From, To, Cc, Subject, Date), every copy of each
// (issue 20, point 4). RFC 5322 §3.6 allows one Subject, one From, one Date; a message that
// carries two is shown differently by different mail programs (an attacker adds a second,
// unsigned Subject above the signed one), so Sealcheck shows both, never just one.
// Values are decoded (RFC 2047) and escaped for display (verifier::escapeForDisplay).

#include "Message.h"

#include <QList>
#include <QString>

#include <string_view>

namespace sealcheck {

/// Bounds for hostile headers (thousands of copies, megabyte values): at most this many copies
/// of a name are listed (ShownField::copies still counts them all), each value cut to this many
/// characters followed by "…".
inline constexpr int kMaxShownCopies = 5;
inline constexpr int kMaxShownValueChars = 1000;

struct ShownField
{
    QString name;   ///< as Sealcheck spells it: "From", "To", "Cc", "Subject", "Date"
    QString value;
    int copy = 1;   ///< 1-based, top to bottom
    int copies = 1; ///< how many fields of this name the header holds
};

/// Every copy of From, To, Cc, Subject and Date, in that order (copies top to bottom), within
/// the bounds above.
QList<ShownField> shownFields(const verifier::Message &message);

/// One line for a list column: the value of field @p name, and when the header holds more than
/// one, every value in header order joined by " ⚠ ". Empty when there is none.
QString shownFieldValue(const verifier::Message &message, std::string_view name);

} // namespace sealcheck
