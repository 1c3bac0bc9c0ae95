// Issue 13: Sealcheck remembers the DKIM keys it saw, so old mail keeps its result after the
// sender withdraws a key; changed and pinned keys and the user's sender expectations are weighed.
// Every scenario goes through a real store file and a restart (a new MessageStore on the same file).
//
// Data: the demo mailbox (resources/demo: messages, demo.zone, keys) and three messages of
// tests/keymem/data made by make-data.sh with the demo keys. The DNS differs per step: the demo
// zone as published, with mybank.example's s2026 key deleted or revoked, or replaced.

#include "KeyMemory.h"
#include "MessageStore.h"
#include "RememberedVerification.h"
#include "RememberingResolver.h"
#include "SenderExpectations.h"
#include "Verdict.h"
#include "Verifier.h"
#include "ZoneResolver.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace sealcheck;
using verifier::FindingCode;
using verifier::Verdict;

Q_DECLARE_METATYPE(verifier::Verdict)

namespace {

const QString kDemo = QStringLiteral(SEALCHECK_DEMO_DIR);
const QString kData = QStringLiteral(KEYMEM_DATA_DIR);

// 2026-11-20T09:14:05Z: message 01 reached mx.sealcheck-demo.example (its trusted Received hop).
constexpr qint64 kArrival01 = 1795166045;
// The demo's NOW, 2026-11-24T12:00:00Z: the first check of the demo mail.
constexpr qint64 kFirstCheck = 1795521600;
constexpr qint64 kDay = 86400;

std::string readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    const QByteArray b = f.readAll();
    return std::string(b.constData(), size_t(b.size()));
}

QString demoMessage(const char *name) { return kDemo + QStringLiteral("/messages/") + QLatin1String(name) + QStringLiteral(".eml"); }
QString dataMessage(const char *name) { return kData + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".eml"); }

enum class BankKey { Published, Deleted, Revoked, Replaced };

/// The demo zone with mybank.example's s2026 key as asked.
std::unique_ptr<verifier::ZoneResolver> zone(BankKey key)
{
    const std::string text = readAll(kDemo + QStringLiteral("/demo.zone"));
    auto full = std::make_unique<verifier::ZoneResolver>();
    if (!full->loadMasterFile(text).ok())
        qFatal("demo.zone does not load");
    if (key == BankKey::Published)
        return full;
    // Drop the s2026 record (it spans lines up to its closing parenthesis).
    std::string kept;
    bool skipping = false;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string::npos)
            end = text.size();
        const std::string line = text.substr(pos, end - pos);
        if (line.rfind("s2026._domainkey", 0) == 0)
            skipping = true;
        if (!skipping)
            kept += line + "\n";
        if (skipping && line.find(')') != std::string::npos)
            skipping = false;
        pos = end + 1;
    }
    auto z = std::make_unique<verifier::ZoneResolver>();
    if (!z->loadMasterFile(kept).ok())
        qFatal("the edited demo zone does not load");
    if (key == BankKey::Revoked)
        z->addTxt("s2026._domainkey.mybank.example", {"v=DKIM1; k=rsa; p="});
    if (key == BankKey::Replaced) {
        // The bank's new key at the same selector: the demo's shop key.
        const verifier::DnsAnswer shop = full->query("k1._domainkey.shop.example", verifier::RrType::TXT);
        if (!shop.ok() || shop.records.empty())
            qFatal("demo.zone has no shop key");
        z->add("s2026._domainkey.mybank.example", verifier::RrType::TXT, shop.records.front());
    }
    return z;
}

std::string bankKeyRecord()
{
    const verifier::DnsAnswer a = zone(BankKey::Published)->query("s2026._domainkey.mybank.example", verifier::RrType::TXT);
    return a.records.empty() ? std::string() : a.records.front().text;
}

enum class Envelope { FromTrace, Forwarded };

/// The demo's settings. Forwarded: the message reaches SPF from a forwarder's address, so only
/// DKIM can authenticate it (DMARC's SPF branch never aligns).
verifier::VerifyContext context(const verifier::Resolver &resolver, qint64 now, Envelope envelope)
{
    verifier::VerifyContext c;
    c.resolver = &resolver;
    c.now = now;
    c.trust.relays = {"mx.sealcheck-demo.example"};
    c.trust.authservIds = {"mx.sealcheck-demo.example"};
    c.trust.knownDomains = {"mybank.example"};
    c.signatures.useSystemCa = false;
    c.signatures.enableOpenPgp = false;
    if (envelope == Envelope::Forwarded) {
        c.envelope.clientIp = "203.0.113.200";
        c.envelope.helo = "relay.forwarder.example";
        c.envelope.mailFrom = std::string("bounce@forwarder.example");
    }
    return c;
}

verifier::Message parse(const QString &path)
{
    auto m = verifier::Message::parse(readAll(path));
    if (!m.ok())
        qFatal("cannot parse %s", qPrintable(path));
    return std::move(m).value();
}

/// One run of the program: a store opened on the file, closed when it goes.
struct Session
{
    MessageStore store;
    std::unique_ptr<KeyMemory> keys;
    std::unique_ptr<SenderExpectations> expectations;
    explicit Session(const QString &path)
    {
        auto r = store.open(path);
        if (!r.ok())
            qFatal("cannot open the store: %s", r.error().message.c_str());
        keys = std::make_unique<KeyMemory>(store);
        expectations = std::make_unique<SenderExpectations>(store);
    }
    verifier::Report verify(const QString &message, BankKey key, qint64 now, Envelope envelope = Envelope::Forwarded)
    {
        auto dns = zone(key);
        std::string error;
        verifier::Report r =
            verifyWithMemory(parse(message), context(*dns, now, envelope), *keys, *expectations, &error);
        if (!error.empty())
            qWarning("store: %s", error.c_str());
        return r;
    }
};

const verifier::Finding *find(const std::vector<verifier::Finding> &list, FindingCode code)
{
    for (const verifier::Finding &f : list) {
        if (f.code == code)
            return &f;
    }
    return nullptr;
}

QString describe(const verifier::Report &r)
{
    QString s = QString::fromUtf8(verifier::verdictName(r.verdict).data()) + QStringLiteral(":");
    for (const auto &f : r.reasons)
        s += QStringLiteral(" [") + QString::fromStdString(f.text) + QStringLiteral("]");
    s += QStringLiteral(" warnings:");
    for (const auto &f : r.warnings)
        s += QStringLiteral(" [") + QString::fromStdString(f.text) + QStringLiteral("]");
    return s;
}

} // namespace

class TestKeyMemory : public QObject
{
    Q_OBJECT

private slots:
    void schema();
    void keyWithdrawnAfterFirstCheck_data();
    void keyWithdrawnAfterFirstCheck();
    void keyReplaced_data();
    void keyReplaced();
    void pinnedKeyChanged_data();
    void pinnedKeyChanged();
    void alwaysSigns_data();
    void alwaysSigns();
    void acceptedSigner_data();
    void acceptedSigner();
    void replay_data();
    void replay();
    void verdictChecksTheWindowAgain();
    void resolverPassesOtherAnswersThrough_data();
    void resolverPassesOtherAnswersThrough();
    void settingsLists();

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QString freshStore() { return m_dir.filePath(QStringLiteral("store-%1.sqlite").arg(++m_files)); }
};

void TestKeyMemory::schema()
{
    const QString path = freshStore();
    Session s(path);
    // Migration 2 made the key-memory tables; later migrations (3, ...) keep them.
    QVERIFY(MessageStore::latestSchemaVersion() >= 2);
    QCOMPARE(s.store.schemaVersion(), MessageStore::latestSchemaVersion());
    QVERIFY(s.keys->lookup(QStringLiteral("mybank.example"), QStringLiteral("s2026")).isEmpty());
}

void TestKeyMemory::keyWithdrawnAfterFirstCheck_data()
{
    QTest::addColumn<int>("later");
    QTest::newRow("key deleted from the zone") << int(BankKey::Deleted);
    QTest::newRow("key revoked (empty p=)") << int(BankKey::Revoked);
}

void TestKeyMemory::keyWithdrawnAfterFirstCheck()
{
    QFETCH(int, later);
    const QString path = freshStore();
    const QString msg = demoMessage("01-authenticated-bank");
    {
        Session s(path);
        const verifier::Report first = s.verify(msg, BankKey::Published, kFirstCheck);
        QVERIFY2(first.verdict == Verdict::Authenticated, qPrintable(describe(first)));
        QVERIFY(!first.dkim.front().rememberedKeySince);
        QVERIFY(!find(first.warnings, FindingCode::VerifiedWithRememberedKey));
        const auto seen = s.keys->lookup(QStringLiteral("mybank.example"), QStringLiteral("s2026"));
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen.front().firstSeen, kFirstCheck);
        QCOMPARE(seen.front().record.toStdString(), bankKeyRecord());
    }
    // Without memory the same re-check cannot verify the bank's old mail any more: unauthenticated
    // (never forged: time, not the sender, retired the key).
    {
        auto dns = zone(BankKey(later));
        const verifier::Report plain =
            verifier::verify(parse(msg), context(*dns, kFirstCheck + 200 * kDay, Envelope::Forwarded));
        QVERIFY2(plain.verdict == Verdict::Unauthenticated, qPrintable(describe(plain)));
        QVERIFY(find(plain.reasons, FindingCode::NoLongerVerifiable));
    }
    // After a restart, 200 days later.
    Session s(path);
    const verifier::Report again = s.verify(msg, BankKey(later), kFirstCheck + 200 * kDay);
    QVERIFY2(again.verdict == Verdict::Authenticated, qPrintable(describe(again)));
    QVERIFY(find(again.reasons, FindingCode::DmarcPassDkim));
    QCOMPARE(again.dkim.front().result, verifier::AuthResult::Pass);
    QCOMPARE(again.dkim.front().rememberedKeySince, std::optional<int64_t>(kFirstCheck));
    const verifier::Finding *w = find(again.warnings, FindingCode::VerifiedWithRememberedKey);
    QVERIFY2(w, qPrintable(describe(again)));
    QCOMPARE(w->args, (std::vector<std::string>{"mybank.example", "s2026", "2026-11-24"}));
    QVERIFY(QString::fromStdString(w->text).contains(QStringLiteral("published on 2026-11-24")));
    // The remembered answer is not a new sighting.
    const auto seen = s.keys->lookup(QStringLiteral("mybank.example"), QStringLiteral("s2026"));
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.front().lastSeen, kFirstCheck);
    // The report keeps all of it through the store.
    auto mailbox = s.store.mailbox(*s.store.saveAccount(AccountRecord{0, QStringLiteral("a"), QStringLiteral("h"), 993,
                                                                      ConnectionSecurity::ImplicitTls, QStringLiteral("u")}),
                                   QStringLiteral("INBOX"));
    QVERIFY(mailbox.ok());
    MessageRow row;
    row.mailboxId = *mailbox;
    row.uid = 1;
    auto id = s.store.saveMessage(row);
    QVERIFY(id.ok());
    QVERIFY(s.store.saveReport(*id, again));
    QCOMPARE(s.store.report(*id), std::optional<verifier::Report>(again));
}

void TestKeyMemory::keyReplaced_data()
{
    QTest::addColumn<bool>("seenBefore");
    QTest::newRow("old key seen before: key changed") << true;
    QTest::newRow("first sighting: nothing to compare") << false;
}

void TestKeyMemory::keyReplaced()
{
    QFETCH(bool, seenBefore);
    const QString path = freshStore();
    if (seenBefore) {
        Session s(path);
        QCOMPARE(s.verify(demoMessage("01-authenticated-bank"), BankKey::Published, kFirstCheck).verdict, Verdict::Authenticated);
    }
    Session s(path);
    const verifier::Report r = s.verify(dataMessage("rotated-key-bank"), BankKey::Replaced, kFirstCheck + 10 * kDay);
    QVERIFY2(r.verdict == Verdict::Authenticated, qPrintable(describe(r))); // a warning, not a verdict change
    QCOMPARE(r.dkim.front().keyChanged, seenBefore);
    const verifier::Finding *w = find(r.warnings, FindingCode::KeyChanged);
    QCOMPARE(w != nullptr, seenBefore);
    if (w)
        QCOMPARE(w->args, (std::vector<std::string>{"mybank.example", "s2026"}));
    // The old key stays as history beside the new one.
    QCOMPARE(s.keys->lookup(QStringLiteral("mybank.example"), QStringLiteral("s2026")).size(), seenBefore ? 2 : 1);
}

void TestKeyMemory::pinnedKeyChanged_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<bool>("replaced");
    QTest::newRow("pin s2026, key replaced") << QStringLiteral("s2026") << true;
    QTest::newRow("pin every selector, key replaced") << QStringLiteral("*") << true;
    QTest::newRow("pin s2026, key unchanged") << QStringLiteral("s2026") << false;
    QTest::newRow("pin another selector, key replaced") << QStringLiteral("other") << true;
}

void TestKeyMemory::pinnedKeyChanged()
{
    QFETCH(QString, selector);
    QFETCH(bool, replaced);
    const QString path = freshStore();
    {
        Session s(path);
        QVERIFY(s.keys->pin(QStringLiteral("MyBank.Example."), selector, QString::fromStdString(bankKeyRecord()), kFirstCheck).ok());
    }
    Session s(path);
    const verifier::Report r = replaced ? s.verify(dataMessage("rotated-key-bank"), BankKey::Replaced, kFirstCheck + kDay)
                                        : s.verify(demoMessage("01-authenticated-bank"), BankKey::Published, kFirstCheck);
    const bool applies = selector != QStringLiteral("other");
    QVERIFY2(r.verdict == Verdict::Authenticated, qPrintable(describe(r)));
    QCOMPARE(r.dkim.front().pinnedKeyChanged, applies && replaced);
    QCOMPARE(r.dkim.front().keyPinned, applies && !replaced);
    QCOMPARE(find(r.warnings, FindingCode::PinnedKeyChanged) != nullptr, applies && replaced);
}

void TestKeyMemory::alwaysSigns_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<qint64>("since");
    QTest::addColumn<Verdict>("verdict");
    const qint64 before = kArrival01 - 30 * kDay;
    QTest::newRow("unsigned club mail, no expectation") << demoMessage("08-unauthenticated-club") << QString() << before
                                                        << Verdict::Unauthenticated;
    QTest::newRow("unsigned club mail, club always signs") << demoMessage("08-unauthenticated-club")
                                                           << QStringLiteral("smallclub.example") << before << Verdict::Suspicious;
    QTest::newRow("unsigned club mail, expectation set after it arrived")
        << demoMessage("08-unauthenticated-club") << QStringLiteral("smallclub.example") << kFirstCheck
        << Verdict::Unauthenticated;
    QTest::newRow("signed bank mail, bank always signs") << demoMessage("01-authenticated-bank")
                                                         << QStringLiteral("mybank.example") << before << Verdict::Authenticated;
}

void TestKeyMemory::alwaysSigns()
{
    QFETCH(QString, message);
    QFETCH(QString, domain);
    QFETCH(qint64, since);
    QFETCH(Verdict, verdict);
    const QString path = freshStore();
    if (!domain.isEmpty()) {
        Session s(path);
        QVERIFY(s.expectations->setAlwaysSigns(domain, since).ok());
    }
    Session s(path);
    const verifier::Report r = s.verify(message, BankKey::Published, kFirstCheck, Envelope::FromTrace);
    QVERIFY2(r.verdict == verdict, qPrintable(describe(r)));
    QCOMPARE(find(r.reasons, FindingCode::ExpectedSignatureMissing) != nullptr, verdict == Verdict::Suspicious);
}

void TestKeyMemory::acceptedSigner_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("signer");
    QTest::addColumn<QString>("from");
    QTest::addColumn<Verdict>("verdict");
    const QString newsletter = dataMessage("newsletter-service-signed");
    QTest::newRow("newsletter, signer not accepted") << newsletter << QString() << QString() << Verdict::Suspicious;
    // company.example publishes p=none and DMARC fails: suspicious, which a user's exception
    // never turns green (ARCHITECTURE.md, "Verdict"; tst_verdicttime covers the exception on
    // otherwise unauthenticated mail).
    QTest::newRow("newsletter, pair accepted") << newsletter << QStringLiteral("news.example")
                                               << QStringLiteral("company.example") << Verdict::Suspicious;
    QTest::newRow("newsletter, signer accepted for another sender")
        << newsletter << QStringLiteral("news.example") << QStringLiteral("other.example") << Verdict::Suspicious;
    QTest::newRow("newsletter, another signer accepted")
        << newsletter << QStringLiteral("mailer.example") << QStringLiteral("company.example") << Verdict::Suspicious;
    QTest::newRow("bank (p=reject) signed by an accepted service") << dataMessage("service-signed-bank")
                                                                   << QStringLiteral("news.example")
                                                                   << QStringLiteral("mybank.example") << Verdict::Forged;
}

void TestKeyMemory::acceptedSigner()
{
    QFETCH(QString, message);
    QFETCH(QString, signer);
    QFETCH(QString, from);
    QFETCH(Verdict, verdict);
    const QString path = freshStore();
    if (!signer.isEmpty()) {
        Session s(path);
        QVERIFY(s.expectations->acceptSigner(signer, from, kFirstCheck).ok());
    }
    Session s(path);
    const verifier::Report r = s.verify(message, BankKey::Published, kFirstCheck, Envelope::FromTrace);
    QVERIFY2(r.verdict == verdict, qPrintable(describe(r)));
    const verifier::Finding *reason = find(r.reasons, FindingCode::AcceptedSigner);
    QCOMPARE(reason != nullptr, verdict == Verdict::Authenticated);
    if (reason)
        QCOMPARE(reason->args, (std::vector<std::string>{"news.example", "company.example"}));
    // "Signed by another domain, which does not vouch for the sender" goes once the user accepted
    // exactly this pair (even where the verdict stays forged).
    const bool pairAccepted = signer == QStringLiteral("news.example") && !from.isEmpty() &&
                              r.from.domain == from.toStdString();
    QCOMPARE(r.dkim.front().acceptedSigner, pairAccepted);
    QCOMPARE(find(r.warnings, FindingCode::ReportedOnly) == nullptr, pairAccepted);
}

void TestKeyMemory::replay_data()
{
    QTest::addColumn<qint64>("seenAt");
    QTest::addColumn<Verdict>("verdict");
    QTest::newRow("key seen an hour after the message arrived") << kArrival01 + 3600 << Verdict::Authenticated;
    // Not used: the old message cannot be verified any more, and is never authenticated.
    QTest::newRow("key first seen a month after the message arrived") << kArrival01 + 30 * kDay << Verdict::Unauthenticated;
    QTest::newRow("key last seen 100 days before the message arrived") << kArrival01 - 100 * kDay << Verdict::Unauthenticated;
}

void TestKeyMemory::replay()
{
    QFETCH(qint64, seenAt);
    QFETCH(Verdict, verdict);
    const QString path = freshStore();
    {
        Session s(path);
        QVERIFY(s.keys->observe(QStringLiteral("mybank.example"), QStringLiteral("s2026"),
                                QString::fromStdString(bankKeyRecord()), false, seenAt)
                    .ok());
    }
    Session s(path);
    const verifier::Report r = s.verify(demoMessage("01-authenticated-bank"), BankKey::Deleted, kFirstCheck + 60 * kDay);
    QVERIFY2(r.verdict == verdict, qPrintable(describe(r)));
    const bool used = verdict == Verdict::Authenticated;
    QCOMPARE(r.dkim.front().rememberedKeySince.has_value(), used);
    QCOMPARE(find(r.warnings, FindingCode::VerifiedWithRememberedKey) != nullptr, used);
    if (!used)
        QCOMPARE(r.dkim.front().failure, verifier::DkimFailure::KeyNotFound);
}

void TestKeyMemory::verdictChecksTheWindowAgain()
{
    // A report that claims a remembered key from outside the window (as a tampered or stale
    // stored report could): the verdict itself refuses it.
    const QString path = freshStore();
    {
        Session s(path);
        QVERIFY(s.keys->observe(QStringLiteral("mybank.example"), QStringLiteral("s2026"),
                                QString::fromStdString(bankKeyRecord()), false, kArrival01 + 3600)
                    .ok());
    }
    Session s(path);
    verifier::Report r = s.verify(demoMessage("01-authenticated-bank"), BankKey::Deleted, kFirstCheck + 60 * kDay);
    QVERIFY2(r.verdict == Verdict::Authenticated, qPrintable(describe(r)));

    verifier::Report late = r;
    late.warnings.clear();
    late.dkim.front().rememberedKeySince = kArrival01 + 30 * kDay;
    late.dkim.front().rememberedKeyLastSeen = kArrival01 + 30 * kDay;
    verifier::decideVerdict(late);
    QVERIFY2(late.verdict == Verdict::Suspicious, qPrintable(describe(late)));
    QVERIFY(find(late.reasons, FindingCode::RememberedKeyNotAccepted));

    verifier::Report noBoundary = r;
    noBoundary.warnings.clear();
    noBoundary.boundaryHop = -1;
    verifier::decideVerdict(noBoundary);
    QVERIFY2(noBoundary.verdict != Verdict::Authenticated, qPrintable(describe(noBoundary)));

    verifier::Report same = r;
    same.warnings.clear();
    verifier::decideVerdict(same);
    QCOMPARE(same.verdict, Verdict::Authenticated);
}

void TestKeyMemory::resolverPassesOtherAnswersThrough_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("failure"); // -1: none; else a DnsStatus set on the name
    QTest::addColumn<bool>("remembered");
    QTest::newRow("key deleted: remembered") << QStringLiteral("s2026._domainkey.mybank.example") << int(verifier::RrType::TXT) << -1 << true;
    QTest::newRow("any case, trailing dot") << QStringLiteral("S2026._DomainKey.MyBank.Example.") << int(verifier::RrType::TXT) << -1 << true;
    QTest::newRow("SERVFAIL is not a withdrawal") << QStringLiteral("s2026._domainkey.mybank.example") << int(verifier::RrType::TXT)
                                                  << int(verifier::DnsStatus::ServFail) << false;
    QTest::newRow("timeout is not a withdrawal") << QStringLiteral("s2026._domainkey.mybank.example") << int(verifier::RrType::TXT)
                                                 << int(verifier::DnsStatus::Timeout) << false;
    QTest::newRow("other selector") << QStringLiteral("s2025._domainkey.mybank.example") << int(verifier::RrType::TXT) << -1 << false;
    QTest::newRow("not TXT") << QStringLiteral("s2026._domainkey.mybank.example") << int(verifier::RrType::A) << -1 << false;
    QTest::newRow("not a key name") << QStringLiteral("_dmarc.mybank.example") << int(verifier::RrType::TXT) << -1 << false;
}

void TestKeyMemory::resolverPassesOtherAnswersThrough()
{
    QFETCH(QString, name);
    QFETCH(int, type);
    QFETCH(int, failure);
    QFETCH(bool, remembered);
    auto dns = zone(BankKey::Deleted);
    if (failure >= 0)
        dns->setFailure(name.toStdString(), verifier::DnsStatus(failure));
    std::map<RememberingResolver::Key, RememberedRecord> offered;
    offered[{"mybank.example", "s2026"}] = RememberedRecord{bankKeyRecord(), kFirstCheck, kFirstCheck};
    offered[{"mybank.example", "s2025"}] = RememberedRecord{bankKeyRecord(), kFirstCheck, kFirstCheck};
    offered[{"_dmarc.mybank.example", ""}] = RememberedRecord{bankKeyRecord(), kFirstCheck, kFirstCheck};
    // s2025 is absent from the zone too: make it answer with a published key instead.
    dns->addTxt("s2025._domainkey.mybank.example", {"v=DKIM1; k=ed25519; p=LU5BUUWYlIiGCskoTV1M7nk1CtWWBlDFFDm0F/b04pY="});
    const RememberingResolver resolver(*dns, offered);
    const verifier::DnsAnswer upstream = dns->query(name.toStdString(), verifier::RrType(type));
    const verifier::DnsAnswer answer = resolver.query(name.toStdString(), verifier::RrType(type));
    QCOMPARE(resolver.notes().size(), size_t(remembered ? 1 : 0));
    if (remembered) {
        QCOMPARE(answer.status, verifier::DnsStatus::Ok);
        QVERIFY(!answer.secure);
        QCOMPARE(answer.records.size(), size_t(1));
        QCOMPARE(answer.records.front().text, bankKeyRecord());
        QVERIFY(resolver.noteFor("MyBank.Example.", "S2026"));
    } else {
        QCOMPARE(answer.status, upstream.status);
        QCOMPARE(answer.records, upstream.records);
    }
}

void TestKeyMemory::settingsLists()
{
    const QString path = freshStore();
    const QString record = QString::fromStdString(bankKeyRecord());
    {
        Session s(path);
        QVERIFY(s.keys->pin(QStringLiteral("mybank.example"), QStringLiteral("s2026"), record, 10).ok());
        QVERIFY(s.keys->pin(QStringLiteral("shop.example"), QStringLiteral("*"), record, 11).ok());
        QVERIFY(!s.keys->pin(QStringLiteral("shop.example"), QStringLiteral("x"), QStringLiteral("v=DKIM1; p="), 12).ok());
        QVERIFY(s.expectations->setAlwaysSigns(QStringLiteral("MyBank.example"), 20).ok());
        QVERIFY(s.expectations->acceptSigner(QStringLiteral("news.example"), QStringLiteral("company.example"), 30).ok());
        QVERIFY(s.expectations->acceptSigner(QStringLiteral("mailer.example"), QStringLiteral("company.example"), 31).ok());
        // Revoked records are never remembered; white space does not make a new record.
        QVERIFY(!*s.keys->observe(QStringLiteral("mybank.example"), QStringLiteral("old"), QStringLiteral("v=DKIM1; p="), false, 5));
        QVERIFY(*s.keys->observe(QStringLiteral("mybank.example"), QStringLiteral("s2026"), record, true, 40));
        QVERIFY(*s.keys->observe(QStringLiteral("mybank.example"), QStringLiteral("s2026"),
                                 QString(record).replace(QStringLiteral("; "), QStringLiteral(";  ")), false, 50));
    }
    Session s(path);
    QCOMPARE(s.keys->pins(), (QVector<KeyPin>{{QStringLiteral("mybank.example"), QStringLiteral("s2026"), record, 10},
                                              {QStringLiteral("shop.example"), QStringLiteral("*"), record, 11}}));
    QCOMPARE(s.keys->pinFor(QStringLiteral("shop.example"), QStringLiteral("k1"))->selector, QStringLiteral("*"));
    QVERIFY(!s.keys->pinFor(QStringLiteral("mybank.example"), QStringLiteral("k1")));
    QVERIFY(s.keys->unpin(QStringLiteral("shop.example"), QStringLiteral("*")));
    QCOMPARE(s.keys->pins().size(), 1);
    QVERIFY(s.keys->lookup(QStringLiteral("mybank.example"), QStringLiteral("old")).isEmpty());
    const auto seen = s.keys->lookup(QStringLiteral("mybank.example"), QStringLiteral("s2026"));
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.front().firstSeen, qint64(40));
    QCOMPARE(seen.front().lastSeen, qint64(50));
    QCOMPARE(s.expectations->alwaysSigningDomains(), (QVector<AlwaysSignsRecord>{{QStringLiteral("mybank.example"), 20}}));
    QVERIFY(s.expectations->removeAlwaysSigns(QStringLiteral("mybank.example")));
    QVERIFY(s.expectations->alwaysSigningDomains().isEmpty());
    QCOMPARE(s.expectations->acceptedSigners().size(), 2);
    QVERIFY(s.expectations->isAcceptedSigner(QStringLiteral("News.Example"), QStringLiteral("company.example.")));
    QVERIFY(!s.expectations->isAcceptedSigner(QStringLiteral("company.example"), QStringLiteral("news.example")));
    QVERIFY(s.expectations->removeAcceptedSigner(QStringLiteral("mailer.example"), QStringLiteral("company.example")));
    QCOMPARE(s.expectations->acceptedSigners(),
             (QVector<AcceptedSignerRecord>{{QStringLiteral("news.example"), QStringLiteral("company.example"), 30}}));
}

QTEST_GUILESS_MAIN(TestKeyMemory)
#include "tst_keymemory.moc"
