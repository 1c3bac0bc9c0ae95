#pragma once
// The Date field as a point in time, for the message list (issue 20): RFC 5322 §3.3 dates with
// the obsolete zone names of §4.3 (UT, GMT, EST ... PDT, military letters) that Qt's
// RFC2822Date reading leaves blank, and with trailing comments such as "(UTC)".

#include <QDateTime>
#include <QString>

namespace sealcheck {

/// Invalid QDateTime when @p value is not a date.
QDateTime parseMailDate(const QString &value);

} // namespace sealcheck
