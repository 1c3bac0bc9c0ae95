#pragma once
// A fresh message store for account tests (tst_desktopaccounts, tst_accountmanager): one account
// named "Work" for user alice on @p host:@p port, no trusted authserv-id, and its INBOX row.

#include "MessageStore.h"

namespace storetest {

/// Creates the store at @p path; false when it cannot be opened.
inline bool storeWithAccount(const QString &path, const QString &host, int port, qint64 *accountId, qint64 *inboxId)
{
    sealcheck::MessageStore store;
    if (!store.open(path).ok())
        return false;
    sealcheck::AccountRecord a;
    a.name = QStringLiteral("Work");
    a.host = host;
    a.port = port;
    a.username = QStringLiteral("alice");
    auto id = store.saveAccount(a);
    if (!id)
        return false;
    *accountId = *id;
    auto inbox = store.mailbox(*accountId, QStringLiteral("INBOX"));
    if (!inbox)
        return false;
    *inboxId = *inbox;
    return true;
}

} // namespace storetest
