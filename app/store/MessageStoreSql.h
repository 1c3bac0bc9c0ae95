// Internal to sealcheck_store: small SQL helpers MessageStore's source files share.
#pragma once

#include <QSqlQuery>
#include <QVariant>
#include <QVector>

namespace sealcheck::storesql {

/// Runs @p q and appends the first column of each row (an id).
inline void appendIds(QSqlQuery &q, QVector<qint64> &out)
{
    if (!q.exec())
        return;
    while (q.next())
        out.push_back(q.value(0).toLongLong());
}

} // namespace sealcheck::storesql
