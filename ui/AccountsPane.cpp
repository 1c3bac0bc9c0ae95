#include "AccountsPane.h"

#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

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
            for (const MailboxRecord &m : store->mailboxes(a.id)) {
                auto *box = new QTreeWidgetItem(acc, {m.name.compare(QStringLiteral("INBOX"), Qt::CaseInsensitive) == 0
                                                           ? tr("Inbox")
                                                           : m.name});
                box->setData(0, KindRole, int(MailboxItem));
                box->setData(0, IdRole, m.id);
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
