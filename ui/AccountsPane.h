#pragma once
// The left-hand tree: "Opened files" (the inspector), then each account with its mailboxes from
// the store. Selecting an item emits which source the message list should show.
// Mailboxes are shown in the order of the account's last LIST (setMailboxOrder: Inbox, Sent,
// Junk, ..., then by name as a person reads them; mailboxes no longer listed are hidden); before
// any LIST, Inbox first, then the others by name (imap::MailboxNameCollator, the UI locale).
// The context menu of an account offers "Edit account..." and "Remove account...".

#include "MessageStore.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;

namespace sealcheck::ui {

class AccountsPane : public QWidget
{
    Q_OBJECT
public:
    enum ItemKind { OpenedFilesItem = 1, AccountItem, MailboxItem };
    enum Role { KindRole = Qt::UserRole + 1, IdRole };

    explicit AccountsPane(QWidget *parent = nullptr);

    /// Rebuilds the tree from @p store (null: only "Opened files"), keeping the selection.
    void reload(const MessageStore *store);
    /// Shows sync state beside an account ("" clears it).
    void setAccountStatus(qint64 accountId, const QString &status);
    /// The mailbox names of the account's last LIST, in display order (see ListTask::displayNames).
    /// Takes effect at the next reload().
    void setMailboxOrder(qint64 accountId, const QStringList &names);
    /// The account of the current item (the account or one of its mailboxes), 0 when none.
    qint64 currentAccountId() const;
    /// The mailbox names shown under an account, top to bottom (as the user reads them).
    QStringList shownMailboxes(qint64 accountId) const;

    void selectOpenedFiles();
    bool selectMailbox(qint64 mailboxId);
    QTreeWidget *tree() const { return m_tree; }

signals:
    void openedFilesSelected();
    void mailboxSelected(qint64 accountId, qint64 mailboxId);
    void editAccountRequested(qint64 accountId);
    void removeAccountRequested(qint64 accountId);

private:
    void onCurrentChanged(QTreeWidgetItem *current);
    QTreeWidgetItem *findItem(int kind, qint64 id) const;

    void showContextMenu(const QPoint &pos);

    QTreeWidget *m_tree;
    QTreeWidgetItem *m_opened;
    QHash<qint64, QStringList> m_order;
};

} // namespace sealcheck::ui
