// Folder order as a person reads it (MailboxNameCollator) and the order of a LIST answer
// (ListTask::displayNames): collation of the UI locale, case, accents, numbers, hierarchy, and
// where special-use mailboxes and the children of INBOX and of special-use mailboxes go.
#include "ListTask.h"
#include "MailboxNameCollator.h"

#include <QTest>

#include <algorithm>

using namespace imap;

namespace {

ListEntry entry(const char *name, QList<QByteArray> attributes = {}, const char *delimiter = "/")
{
    return ListEntry{std::move(attributes), QByteArray(delimiter), QByteArray(name)};
}

QStringList strings(std::initializer_list<const char *> utf8)
{
    QStringList out;
    for (const char *s : utf8)
        out << QString::fromUtf8(s);
    return out;
}

} // namespace

class tst_MailboxOrder : public QObject
{
    Q_OBJECT

private slots:
    void collation_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("delimiter"); // "" = NIL
        QTest::addColumn<QStringList>("given");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("case-insensitive") << QStringLiteral("en_US") << QStringLiteral("") << strings({"Zeta", "alpha", "Beta"}) << strings({"alpha", "Beta", "Zeta"});
        QTest::addRow("case only: code point decides") << QStringLiteral("en_US") << QStringLiteral("") << strings({"sent", "Sent"}) << strings({"Sent", "sent"});
        QTest::addRow("accents, German") << QStringLiteral("de_DE") << QStringLiteral("") << strings({"Zoo", "Birne", "Ärger", "Apfel"})
                                         << strings({"Apfel", "Ärger", "Birne", "Zoo"});
        QTest::addRow("accents, Swedish puts ä after z") << QStringLiteral("sv_SE") << QStringLiteral("") << strings({"Zoo", "Ärger", "Apfel"})
                                                         << strings({"Apfel", "Zoo", "Ärger"});
        QTest::addRow("accents, C locale read as English") << QStringLiteral("C") << QStringLiteral("") << strings({"Zoo", "Birne", "Ärger", "Apfel"})
                                                           << strings({"Apfel", "Ärger", "Birne", "Zoo"});
        QTest::addRow("numbers by value") << QStringLiteral("en_US") << QStringLiteral("") << strings({"Folder 10", "Folder 2", "Folder 1"})
                                          << strings({"Folder 1", "Folder 2", "Folder 10"});
        QTest::addRow("numbers by value, C locale") << QStringLiteral("C") << QStringLiteral("") << strings({"Folder 10", "Folder 2"})
                                                    << strings({"Folder 2", "Folder 10"});
        QTest::addRow("hierarchy: children right after their parent")
            << QStringLiteral("en_US") << QStringLiteral("/") << strings({"Parent 2", "Parent/Child", "Parent", "Parent/Child/Deep", "Parent/alpha"})
            << strings({"Parent", "Parent/alpha", "Parent/Child", "Parent/Child/Deep", "Parent 2"});
        QTest::addRow("hierarchy with dot delimiter")
            << QStringLiteral("de_DE") << QStringLiteral(".") << strings({"Work.2024", "Work 2", "Work", "Work.2023", "Arbeit"})
            << strings({"Arbeit", "Work", "Work.2023", "Work.2024", "Work 2"});
        QTest::addRow("no delimiter: a slash is just a character")
            << QStringLiteral("en_US") << QStringLiteral("") << strings({"b/a", "a/b"}) << strings({"a/b", "b/a"});
    }

    void collation()
    {
        QFETCH(QString, locale);
        QFETCH(QString, delimiter);
        QFETCH(QStringList, given);
        QFETCH(QStringList, expected);
        const MailboxNameCollator collator{QLocale(locale)};
        const QChar d = delimiter.isEmpty() ? QChar() : delimiter.front();
        // Every starting order gives the same result (the order is total).
        std::sort(given.begin(), given.end());
        do {
            QStringList sorted = given;
            std::sort(sorted.begin(), sorted.end(), [&](const QString &a, const QString &b) { return collator.compare(a, b, d) < 0; });
            QCOMPARE(sorted, expected);
        } while (std::next_permutation(given.begin(), given.end()));
    }

    void collatorLocale()
    {
        QCOMPARE(MailboxNameCollator(QLocale::c()).locale().language(), QLocale::English);
        QCOMPARE(MailboxNameCollator(QLocale(QStringLiteral("de_DE"))).locale().language(), QLocale::German);
    }

    void displayOrder_data()
    {
        QTest::addColumn<QList<ListEntry>>("listed");
        QTest::addColumn<QStringList>("shown");
        QTest::addRow("ordinary folders as a person reads them")
            << QList<ListEntry>{entry("Zeta"), entry("Folder 10"), entry("alpha"), entry("&AMQ-rger"), entry("Birne"),
                                entry("Folder 2"), entry("INBOX"), entry("Apfel")}
            << strings({"INBOX", "alpha", "Apfel", "Ärger", "Birne", "Folder 2", "Folder 10", "Zeta"});
        QTest::addRow("special-use order kept, names collated inside a group")
            << QList<ListEntry>{entry("Papierkorb", {"\\Trash"}), entry("Zzz Sent", {"\\Sent"}), entry("Archive 2024", {"\\Archive"}),
                                entry("Brouillons", {"\\Drafts"}), entry("Spam", {"\\Junk"}), entry("sent old", {"\\Sent"}),
                                entry("Ablage"), entry("INBOX")}
            << strings({"INBOX", "sent old", "Zzz Sent", "Spam", "Brouillons", "Archive 2024", "Papierkorb", "Ablage"});
        QTest::addRow("children follow INBOX, special-use and ordinary parents")
            << QList<ListEntry>{entry("Parent 2"), entry("Parent/Child"), entry("Parent", {"\\HasChildren"}), entry("Sent/2023"),
                                entry("Archive"), entry("inbox/Receipts"), entry("Sent", {"\\Sent"}), entry("INBOX")}
            << strings({"INBOX", "inbox/Receipts", "Sent", "Sent/2023", "Archive", "Parent", "Parent/Child", "Parent 2"});
        QTest::addRow("special-use child of an ordinary folder is in its group")
            << QList<ListEntry>{entry("Work", {"\\HasChildren"}), entry("Work/Sent", {"\\Sent"}), entry("Work/Sent/2023"),
                                entry("INBOX")}
            << strings({"INBOX", "Work/Sent", "Work/Sent/2023", "Work"});
        QTest::addRow("children of a noselect parent stay together")
            << QList<ListEntry>{entry("Work 2"), entry("Work/Zeta"), entry("Work", {"\\Noselect"}), entry("Work/alpha"),
                                entry("[Gmail]", {"\\Noselect"}), entry("[Gmail]/Sent Mail", {"\\Sent"})}
            << strings({"[Gmail]/Sent Mail", "Work/alpha", "Work/Zeta", "Work 2"});
        QTest::addRow("dot delimiter")
            << QList<ListEntry>{entry("Work 2", {}, "."), entry("Work.Zeta", {}, "."), entry("Work", {}, "."), entry("INBOX", {}, ".")}
            << strings({"INBOX", "Work", "Work.Zeta", "Work 2"});
        QTest::addRow("NIL delimiter: flat")
            << QList<ListEntry>{entry("Sent/2023", {}, ""), entry("Sent", {"\\Sent"}, ""), entry("Archive", {}, "")}
            << strings({"Sent", "Archive", "Sent/2023"});
    }

    void displayOrder()
    {
        QFETCH(QList<ListEntry>, listed);
        QFETCH(QStringList, shown);
        QCOMPARE(ListTask::displayNames(listed, 10000, QLocale(QStringLiteral("de_DE"))), shown);
        // Whatever order the server lists them in.
        std::reverse(listed.begin(), listed.end());
        QCOMPARE(ListTask::displayNames(listed, 10000, QLocale(QStringLiteral("de_DE"))), shown);
    }

    void deepHierarchyIsBounded()
    {
        // A hostile server: one name of 20,000 levels below a special-use mailbox. Its nearest 32
        // ancestors are looked at, no more, so it is an ordinary folder; and the call returns.
        QByteArray deep = "Sent";
        for (int i = 0; i < 20000; ++i)
            deep += "/x";
        QList<ListEntry> listed{entry(deep.constData()), entry("Sent", {"\\Sent"}), entry("Sent/x")};
        const QStringList shown = ListTask::displayNames(listed, 10000, QLocale(QStringLiteral("de_DE")));
        QCOMPARE(shown.size(), 3);
        QCOMPARE(shown[0], QStringLiteral("Sent"));
        QCOMPARE(shown[1], QStringLiteral("Sent/x"));
        QCOMPARE(shown[2].size(), deep.size());
    }

    void limitKeepsTheFirstListed()
    {
        const QList<ListEntry> listed{entry("Zeta"), entry("alpha"), entry("Beta")};
        QCOMPARE(ListTask::displayNames(listed, 2, QLocale(QStringLiteral("de_DE"))), strings({"alpha", "Zeta"}));
        QCOMPARE(ListTask::displayNames(listed, 0), QStringList{});
    }
};

QTEST_GUILESS_MAIN(tst_MailboxOrder)
#include "tst_mailboxorder.moc"
