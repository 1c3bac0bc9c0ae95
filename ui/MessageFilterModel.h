#pragma once
// Filters the list by verdict ("only forged and suspicious") and by a search in sender and
// subject; sorts with forged first on the security column.

#include "MessageStore.h"

#include <QSortFilterProxyModel>

namespace sealcheck::ui {

class MessageFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit MessageFilterModel(QObject *parent = nullptr);
    void setVerdictFilter(VerdictFilter filter);
    VerdictFilter verdictFilter() const { return m_filter; }
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    VerdictFilter m_filter = VerdictFilter::All;
    QString m_search;
};

} // namespace sealcheck::ui
