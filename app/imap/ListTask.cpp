#include "ListTask.h"

#include "ImapMailboxName.h"

#include <QSet>

#include <algorithm>
#include <iterator>

namespace imap {

ListTask::ListTask(const QByteArray &pattern, QObject *parent) : ImapTask(parent), m_pattern(pattern) {}

void ListTask::perform() { send(ImapCommand::plain("LIST \"\" " + quoteAString(m_pattern))); }

bool ListTask::handleUntagged(const ImapResponse &response)
{
    if (response.type != UntaggedType::List)
        return false;
    m_entries.append(response.list);
    return true;
}

void ListTask::handleTagged(const ImapResponse &response)
{
    if (response.status != ResponseStatus::Ok)
        fail(commandFailed("LIST", response));
    else
        succeed();
}

namespace {

bool hasAttribute(const ListEntry &e, const char *attribute)
{
    for (const QByteArray &a : e.attributes) {
        if (a.compare(attribute, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

/// 0 for INBOX, 1.. for special-use mailboxes, then one rank for the rest.
int rank(const ListEntry &e, const QString &name)
{
    if (name == QLatin1String("INBOX"))
        return 0;
    static const char *const order[] = {"\\Sent", "\\Junk", "\\Drafts", "\\Archive", "\\Trash", "\\All", "\\Flagged"};
    for (int i = 0; i < int(std::size(order)); ++i) {
        if (hasAttribute(e, order[i]))
            return i + 1;
    }
    return int(std::size(order)) + 1;
}

} // namespace

QStringList ListTask::displayNames(const QList<ListEntry> &entries, int limit)
{
    struct Item
    {
        int rank;
        QString name;
    };
    QList<Item> items;
    QSet<QString> seen;
    for (const ListEntry &e : entries) {
        if (hasAttribute(e, "\\Noselect") || hasAttribute(e, "\\NonExistent"))
            continue;
        QString name = decodeMailboxName(e.name);
        if (name.isEmpty())
            continue;
        if (name.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0)
            name = QStringLiteral("INBOX");
        if (seen.contains(name))
            continue;
        seen.insert(name);
        items.append({rank(e, name), name});
        if (items.size() >= limit)
            break;
    }
    std::stable_sort(items.begin(), items.end(), [](const Item &a, const Item &b) {
        if (a.rank != b.rank)
            return a.rank < b.rank;
        const int c = a.name.compare(b.name, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a.name < b.name;
    });
    QStringList out;
    for (const Item &i : items)
        out << i.name;
    return out;
}

} // namespace imap
