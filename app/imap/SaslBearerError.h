#pragma once
/// The error challenge of the bearer-token mechanisms (RFC 7628 §3.2.2, and XOAUTH2 alike): a
/// JSON object whose "status" member says why the token was refused. Pure and bounded: anything
/// that is not a JSON object of at most 4 KiB is "not an error challenge".

#include <QByteArray>
#include <QString>

#include <optional>

namespace imap {

class SaslBearerError
{
public:
    /// The "status" value (may be empty when the object has none), or nullopt when @p challenge
    /// is not a JSON object.
    static std::optional<QString> parseStatus(const QByteArray &challenge);
};

} // namespace imap
