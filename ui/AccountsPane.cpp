#include "AccountsPane.h"

#include "MailboxNameCollator.h"

#include <QHeaderView>
#include <QMenu>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace sealcheck::ui {

AccountsPane::AccountsPane(QWidget *parent) : QWidget(parent), m_tree(new QTreeWidget(this)), m_opened(nullptr)
{
    m_tree->setHeaderHidden(true);
    m_tree->setColumnCount(1);
    m_tree->setAccessibleName(tr("Accounts and mailboxes"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
    reload(nullptr);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *current) { onCurrentChanged(current); });
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QTreeWidget::customContextMenuRequested, this, &AccountsPane::showContextMenu);
}

void AccountsPane::setMailboxOrder(qint64 accountId, const QStringList &names) { m_order.insert(accountId, names); }

qint64 AccountsPane::currentAccountId() const
{
    QTreeWidgetItem *item = m_tree->currentItem();
    if (item && item->data(0, KindRole).toInt() == MailboxItem)
        item = item->parent();
    return item && item->data(0, KindRole).toInt() == AccountItem ? item->data(0, IdRole).toLongLong() : 0;
}

QStringList AccountsPane::shownMailboxes(qint64 accountId) const
{
    QStringList out;
    if (QTreeWidgetItem *acc = findItem(AccountItem, accountId)) {
        for (int i = 0; i < acc->childCount(); ++i)
            out << acc->child(i)->text(0);
    }
    return out;
}

void AccountsPane::showContextMenu(const QPoint &pos)
{
    QTreeWidgetItem *item = m_tree->itemAt(pos);
    if (item)
        m_tree->setCurrentItem(item);
    const qint64 accountId = currentAccountId();
    if (!accountId)
        return;
    QMenu menu(this);
    menu.addAction(tr("&Edit account…"), this, [this, accountId] { emit editAccountRequested(accountId); });
    menu.addAction(tr("&Remove account…"), this, [this, accountId] { emit removeAccountRequested(accountId); });
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

void AccountsPane::reload(const MessageStore *store)
{
    int kind = OpenedFilesItem;
    qint64 id = 0;
    if (QTreeWidgetItem *cur = m_tree->currentItem()) {
        kind = cur->data(0, KindRole).toInt();
        id = cur->data(0, IdRole).toLongLong();
    }
    const QSignalBlocker block(m_tree);
    m_tree->clear();
    m_opened = new QTreeWidgetItem(m_tree, {tr("Opened files")});
    m_opened->setData(0, KindRole, int(OpenedFilesItem));
    if (store && store->isOpen()) {
        for (const AccountRecord &a : store->accounts()) {
            auto *acc = new QTreeWidgetItem(m_tree, {a.name.isEmpty() ? a.username : a.name});
            acc->setData(0, KindRole, int(AccountItem));
            acc->setData(0, IdRole, a.id);
            acc->setToolTip(0, tr("%1 on %2").arg(a.username, a.host));
            QVector<MailboxRecord> boxes = store->mailboxes(a.id);
            const QStringList order = m_order.value(a.id);
            const imap::MailboxNameCollator collator; // the UI locale
            auto isInbox = [](const MailboxRecord &m) { return m.name.compare(QStringLiteral("INBOX"), Qt::CaseInsensitive) == 0; };
            if (!order.isEmpty()) {
                // The server's list: its order, and nothing it no longer has.
                boxes.erase(std::remove_if(boxes.begin(), boxes.end(), [&](const MailboxRecord &m) {
                                return !isInbox(m) && !order.contains(m.name);
                            }),
                            boxes.end());
            }
            std::stable_sort(boxes.begin(), boxes.end(), [&](const MailboxRecord &x, const MailboxRecord &y) {
                auto rank = [&](const MailboxRecord &m) {
                    if (isInbox(m))
                        return -1;
                    const qsizetype i = order.indexOf(m.name);
                    return i < 0 ? int(order.size()) : int(i);
                };
                const int rx = rank(x), ry = rank(y);
                // Not (or not yet) listed: as a person reads names; the delimiter is not known here.
                return rx != ry ? rx < ry : collator.compare(x.name, y.name) < 0;
            });
            for (const MailboxRecord &m : std::as_const(boxes)) {
                auto *box = new QTreeWidgetItem(acc, {isInbox(m) ? tr("Inbox") : m.name});
                box->setData(0, KindRole, int(MailboxItem));
                box->setData(0, IdRole, m.id);
                box->setToolTip(0, m.name);
            }
            acc->setExpanded(true);
        }
    }
    QTreeWidgetItem *restore = findItem(kind, id);
    m_tree->setCurrentItem(restore ? restore : m_opened);
}

void AccountsPane::setAccountStatus(qint64 accountId, const QString &status)
{
    if (QTreeWidgetItem *item = findItem(AccountItem, accountId)) {
        QString base = item->text(0).section(QStringLiteral(" — "), 0, 0);
        item->setText(0, status.isEmpty() ? base : base + QStringLiteral(" — ") + status);
    }
}

void AccountsPane::selectOpenedFiles() { m_tree->setCurrentItem(m_opened); }

bool AccountsPane::selectMailbox(qint64 mailboxId)
{
    QTreeWidgetItem *item = findItem(MailboxItem, mailboxId);
    if (item)
        m_tree->setCurrentItem(item);
    return item != nullptr;
}

QTreeWidgetItem *AccountsPane::findItem(int kind, qint64 id) const
{
    if (kind == OpenedFilesItem)
        return m_opened;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *acc = m_tree->topLevelItem(i);
        if (kind == AccountItem && acc->data(0, KindRole).toInt() == AccountItem && acc->data(0, IdRole).toLongLong() == id)
            return acc;
        for (int j = 0; j < acc->childCount(); ++j) {
            QTreeWidgetItem *box = acc->child(j);
            if (kind == MailboxItem && box->data(0, IdRole).toLongLong() == id)
                return box;
        }
    }
    return nullptr;
}

void AccountsPane::onCurrentChanged(QTreeWidgetItem *current)
{
    if (!current)
        return;
    switch (current->data(0, KindRole).toInt()) {
    case OpenedFilesItem: emit openedFilesSelected(); break;
    case MailboxItem:
        emit mailboxSelected(current->parent()->data(0, IdRole).toLongLong(), current->data(0, IdRole).toLongLong());
        break;
    default: break;
    }
}

} // namespace sealcheck::ui
