#pragma once
// The left-hand tree: "Opened files" (the inspector), then each account with its mailboxes from
// the store. Selecting an item emits which source the message list should show.

#include "MessageStore.h"

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

    void selectOpenedFiles();
    bool selectMailbox(qint64 mailboxId);
    QTreeWidget *tree() const { return m_tree; }

signals:
    void openedFilesSelected();
    void mailboxSelected(qint64 accountId, qint64 mailboxId);

private:
    void onCurrentChanged(QTreeWidgetItem *current);
    QTreeWidgetItem *findItem(int kind, qint64 id) const;

    QTreeWidget *m_tree;
    QTreeWidgetItem *m_opened;
};

} // namespace sealcheck::ui
