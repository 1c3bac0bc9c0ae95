#include "MessageFilterModel.h"

#include "MessageColumns.h"

namespace sealcheck::ui {

MessageFilterModel::MessageFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(Qt::UserRole);
    setDynamicSortFilter(true);
}

void MessageFilterModel::setVerdictFilter(VerdictFilter filter)
{
    m_filter = filter;
    invalidateFilter();
}

void MessageFilterModel::setSearchText(const QString &text)
{
    m_search = text.trimmed();
    invalidateFilter();
}

bool MessageFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto state = VerdictState(idx.data(VerdictStateRole).toInt());
    bool verdictOk = true;
    switch (m_filter) {
    case VerdictFilter::All: break;
    case VerdictFilter::ForgedOrSuspicious:
        verdictOk = state == VerdictState::Forged || state == VerdictState::Suspicious;
        break;
    case VerdictFilter::Forged: verdictOk = state == VerdictState::Forged; break;
    case VerdictFilter::Suspicious: verdictOk = state == VerdictState::Suspicious; break;
    case VerdictFilter::Authenticated: verdictOk = state == VerdictState::Authenticated; break;
    case VerdictFilter::Unauthenticated: verdictOk = state == VerdictState::Unauthenticated; break;
    case VerdictFilter::Pending: verdictOk = state == VerdictState::Pending; break;
    case VerdictFilter::NotChecked: verdictOk = state == VerdictState::NotChecked; break;
    }
    if (!verdictOk)
        return false;
    if (m_search.isEmpty())
        return true;
    return idx.data(SearchTextRole).toString().contains(m_search, Qt::CaseInsensitive);
}

} // namespace sealcheck::ui
