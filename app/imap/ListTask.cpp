#include "ListTask.h"

#include "ImapMailboxName.h"
#include "MailboxNameCollator.h"

#include <QHash>
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

QStringList ListTask::displayNames(const QList<ListEntry> &entries, int limit, const QLocale &locale)
{
    struct Item
    {
        int rank;            ///< of the mailbox itself
        int group;           ///< its rank, or that of its nearest INBOX or special-use ancestor
        QString name;
        QStringList levels;  ///< name split at the delimiter
        QString ancestorKey; ///< levels joined by '\n', INBOX spelled so: how ancestors are found
    };
    constexpr int kMaxAncestors = 32;
    const int others = rank(ListEntry{}, QString()); // the rank of an ordinary mailbox
    QList<Item> items;
    QSet<QString> seen;
    for (const ListEntry &e : entries) {
        if (items.size() >= limit)
            break;
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
        const QChar delimiter = e.delimiter.size() == 1 ? QChar::fromLatin1(e.delimiter.front()) : QChar();
        QStringList levels = MailboxNameCollator::split(name, delimiter);
        QStringList key = levels;
        if (key.front().compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0)
            key.front() = QStringLiteral("INBOX"); // INBOX's children, however the server spells it
        const int r = rank(e, name);
        items.append({r, r, name, std::move(levels), key.join(QLatin1Char('\n'))});
    }
    // Ordinary mailboxes below INBOX or a special-use mailbox stay with that parent.
    QHash<QString, int> anchors; // ancestor key -> rank, for INBOX and special-use mailboxes
    for (const Item &i : std::as_const(items)) {
        if (i.rank < others)
            anchors.insert(i.ancestorKey, i.rank);
    }
    if (!anchors.isEmpty()) {
        for (Item &i : items) {
            if (i.rank < others)
                continue;
            // Bounded: a hostile name of thousands of levels costs at most kMaxAncestors look-ups.
            int looked = 0;
            for (qsizetype cut = i.ancestorKey.lastIndexOf(QLatin1Char('\n')); cut > 0 && looked < kMaxAncestors;
                 cut = i.ancestorKey.lastIndexOf(QLatin1Char('\n'), cut - 1), ++looked) {
                if (const auto a = anchors.constFind(i.ancestorKey.left(cut)); a != anchors.cend()) {
                    i.group = *a;
                    break;
                }
            }
        }
    }
    const MailboxNameCollator collator(locale);
    std::stable_sort(items.begin(), items.end(), [&](const Item &a, const Item &b) {
        if (a.group != b.group)
            return a.group < b.group;
        return collator.compareLevels(a.levels, b.levels) < 0;
    });
    QStringList out;
    out.reserve(items.size());
    for (const Item &i : std::as_const(items))
        out << i.name;
    return out;
}

} // namespace imap
