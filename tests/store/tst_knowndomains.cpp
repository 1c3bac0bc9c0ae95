// KnownDomains (app/store, issue 19): the domains the user knows, kept in the store. Added by the
// user (any form, normalised), by the user's accounts, and learned from authenticated mail the
// user answered; never a lookalike of a known domain, one that hides a known domain, or one that
// mixes scripts; never again once the user removed it.
#include "KnownDomains.h"
#include "MessageStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sealcheck;

namespace {

verifier::Report authenticatedFrom(const std::string &domain)
{
    verifier::Report r;
    r.verdict = verifier::Verdict::Authenticated;
    r.from.kind = verifier::AddressListKind::One;
    r.from.domain = domain;
    r.from.address = "someone@" + domain;
    return r;
}

QStringList names(const QVector<KnownDomainRecord> &list)
{
    QStringList out;
    for (const KnownDomainRecord &r : list)
        out << r.domain;
    return out;
}

} // namespace

class tst_KnownDomains : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<MessageStore>();
        QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("s.sqlite"))).ok());
        m_known = std::make_unique<KnownDomains>(*m_store);
    }
    void cleanup()
    {
        m_known.reset();
        m_store.reset();
        m_dir.reset();
    }

    void addNormalisesAndRemoves()
    {
        QVERIFY(m_known->add(QStringLiteral("MyBank.Example."), KnownDomainOrigin::User, 10).ok());
        QVERIFY(m_known->add(QStringLiteral("b\u00FCcher.example"), KnownDomainOrigin::User, 11).ok());
        QVERIFY(!m_known->add(QStringLiteral("my bank"), KnownDomainOrigin::User, 12).ok());
        QVERIFY(!m_known->add(QStringLiteral("[192.0.2.1]"), KnownDomainOrigin::User, 12).ok());
        QCOMPARE(names(m_known->list()), (QStringList{QStringLiteral("mybank.example"), QStringLiteral("xn--bcher-kva.example")}));
        QCOMPARE(m_known->domains(), (std::vector<std::string>{"mybank.example", "xn--bcher-kva.example"}));
        QVERIFY(m_known->remove(QStringLiteral("mybank.example")));
        QCOMPARE(names(m_known->list()), QStringList{QStringLiteral("xn--bcher-kva.example")});
        // Only the user brings a removed domain back.
        QVERIFY(m_known->add(QStringLiteral("mybank.example"), KnownDomainOrigin::Learned, 13).ok());
        QVERIFY(m_known->addAccountDomain(QStringLiteral("me@mybank.example"), 13).ok());
        QCOMPARE(m_known->list().size(), 1);
        QVERIFY(m_known->add(QStringLiteral("mybank.example"), KnownDomainOrigin::User, 14).ok());
        QCOMPARE(m_known->list().size(), 2);
    }

    void accountDomain()
    {
        QVERIFY(m_known->addAccountDomain(QStringLiteral("Alice@Example.NET"), 5).ok());
        QVERIFY(m_known->addAccountDomain(QStringLiteral("alice"), 5).ok()); // no domain: nothing
        const auto list = m_known->list();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].domain, QStringLiteral("example.net"));
        QCOMPARE(list[0].origin, KnownDomainOrigin::Account);
    }

    void learnsFromAnsweredAuthenticatedMail()
    {
        // The organisational domain is learned, only for \Answered.
        QCOMPARE(m_known->learn(authenticatedFrom("news.shop.example"), QStringLiteral("\\Seen"), 1), QString());
        QCOMPARE(m_known->learn(authenticatedFrom("news.shop.example"), QStringLiteral("\\Seen \\Answered"), 2),
                 QStringLiteral("shop.example"));
        QCOMPARE(m_known->list().front().origin, KnownDomainOrigin::Learned);
        // Already known: nothing new.
        QCOMPARE(m_known->learn(authenticatedFrom("shop.example"), QStringLiteral("\\Answered"), 3), QString());
    }

    void neverLearnsWhatIsNotAuthenticated()
    {
        verifier::Report r = authenticatedFrom("evil.example");
        r.verdict = verifier::Verdict::Suspicious;
        QCOMPARE(m_known->learn(r, QStringLiteral("\\Answered"), 1), QString());
        r.verdict = verifier::Verdict::Unauthenticated;
        QCOMPARE(m_known->learn(r, QStringLiteral("\\Answered"), 1), QString());
        r = authenticatedFrom("evil.example");
        r.userException = true; // an accepted signer is the user's exception, not proof
        QCOMPARE(m_known->learn(r, QStringLiteral("\\Answered"), 1), QString());
        r = authenticatedFrom("evil.example");
        r.from.competingFromNames = {"From\\xFF"};
        QCOMPARE(m_known->learn(r, QStringLiteral("\\Answered"), 1), QString());
        QVERIFY(m_known->list().isEmpty());
    }

    void neverLearnsAnImitation_data()
    {
        QTest::addColumn<QString>("known");
        QTest::addColumn<QString>("candidate");
        QTest::newRow("lookalike") << QStringLiteral("mybank.example") << QStringLiteral("rnybank.example");
        QTest::newRow("confusable cyrillic") << QStringLiteral("paypal.example") << QStringLiteral("xn--pypal-4ve.example");
        QTest::newRow("known as leading labels") << QStringLiteral("bank.example") << QStringLiteral("bank.example.evil.example");
        QTest::newRow("mixed script, nothing known") << QString() << QStringLiteral("xn--pypal-4ve.example");
        QTest::newRow("whole-script confusable") << QString() << QStringLiteral("xn--80ak6aa92e.example");
    }
    void neverLearnsAnImitation()
    {
        QFETCH(QString, known);
        QFETCH(QString, candidate);
        if (!known.isEmpty())
            QVERIFY(m_known->add(known, KnownDomainOrigin::User, 1).ok());
        QVERIFY(!KnownDomains::refusal(candidate.toStdString(), m_known->domains()).isEmpty());
        QCOMPARE(m_known->learn(authenticatedFrom(candidate.toStdString()), QStringLiteral("\\Answered"), 2), QString());
        QCOMPARE(m_known->list().size(), known.isEmpty() ? 0 : 1);
        // An honest other domain is learned.
        QCOMPARE(m_known->learn(authenticatedFrom("club.example"), QStringLiteral("\\Answered"), 3),
                 QStringLiteral("club.example"));
    }

    void removedIsNeverLearned()
    {
        QVERIFY(m_known->remove(QStringLiteral("shop.example")));
        QCOMPARE(m_known->learn(authenticatedFrom("shop.example"), QStringLiteral("\\Answered"), 1), QString());
        QVERIFY(m_known->list().isEmpty());
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MessageStore> m_store;
    std::unique_ptr<KnownDomains> m_known;
};

QTEST_GUILESS_MAIN(tst_KnownDomains)
#include "tst_knowndomains.moc"
