#pragma once
/// UID / sequence sets (RFC 9051 §9 `sequence-set`): formatting for commands and bounded
/// parsing of server-sent sets (VANISHED, ESEARCH ALL).

#include <QByteArray>
#include <QList>

#include <optional>

namespace imap {

/// "1:3,7,9:10" from any list of non-zero numbers (sorted and de-duplicated first).
QByteArray formatSequenceSet(QList<quint32> numbers);

/// Expands "1:3,7" into its numbers, ascending as written. nullopt on syntax errors, "*", or
/// when the expansion would exceed @p maxCount numbers.
std::optional<QList<quint32>> parseSequenceSet(const QByteArray &text, qsizetype maxCount = 1000000);

} // namespace imap
