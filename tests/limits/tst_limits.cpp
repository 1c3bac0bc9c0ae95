// tst_limits: every documented limit (docs/LIMITS.md), one row each. A row runs the parser just
// AT the limit (it must work normally) and at limit + 1 (it must give the clear error or result
// named in the row). Limits that are configurable are tested with a small configured value AND,
// where that is cheap, with the default.
#include "Address.h"
#include "AuthResultsParser.h"
#include "DkimSignature.h"
#include "DkimTagList.h"
#include "DkimVerifier.h"
#include "DmarcRecord.h"
#include "MasterFileParser.h"
#include "Message.h"
#include "Mime.h"
#include "QueryBudget.h"
#include "Rfc2047.h"
#include "SpfChecker.h"
#include "SpfRecord.h"
#include "Verifier.h"
#include "ZoneResolver.h"
#ifdef SEALCHECK_LIMITS_HAVE_IMAP
#include "ImapFramer.h"
#endif

#include <QtTest>

#include <functional>
#include <map>
#include <string>

using namespace verifier;

namespace {

/// What one run gave: ok = worked normally; text = the error, problem or reason a user sees.
struct Outcome
{
    bool ok = false;
    std::string text;
};
using LimitRun = std::function<Outcome(size_t n)>;

struct LimitCase
{
    size_t limit;       ///< the documented value
    LimitRun run;       ///< runs the parser with input of size/count n
    std::string error;  ///< a fragment of what the user sees at limit + 1
};

template<typename T>
Outcome fromExpected(const Expected<T> &e)
{
    return e ? Outcome{true, {}} : Outcome{false, e.error().message};
}

std::string repeat(std::string_view s, size_t n)
{
    std::string out;
    out.reserve(s.size() * n);
    for (size_t i = 0; i < n; ++i)
        out += s;
    return out;
}

/// A message whose header section has @p fields fields named X-N.
std::string messageWithFields(size_t fields)
{
    std::string m;
    for (size_t i = 0; i < fields; ++i)
        m += "X-" + std::to_string(i) + ": v\r\n";
    return m + "\r\nbody\r\n";
}

/// Multiparts nested so that the deepest part has depth @p depth (root = 0).
std::string nestedMime(size_t depth)
{
    std::string head = "From: a@example.com\r\nMIME-Version: 1.0\r\n";
    std::function<std::string(size_t)> part = [&](size_t level) -> std::string {
        if (level == depth)
            return "Content-Type: text/plain\r\n\r\nleaf\r\n";
        const std::string b = "=_b" + std::to_string(level) + "_=";
        return "Content-Type: multipart/mixed; boundary=\"" + b + "\"\r\n\r\n--" + b + "\r\n" + part(level + 1) + "--" + b
            + "--\r\n";
    };
    return head + part(0);
}

bool treeHasProblem(const MimePart &p, std::string *text)
{
    if (!p.problems.empty()) {
        *text = p.problems.front();
        return true;
    }
    for (const auto &c : p.children)
        if (treeHasProblem(c, text))
            return true;
    return false;
}

Outcome mimeOutcome(const std::string &bytes)
{
    auto m = Message::parse(bytes);
    if (!m)
        return {false, m.error().message};
    Outcome o{true, {}};
    if (treeHasProblem(parseMime(*m), &o.text))
        o.ok = false;
    return o;
}

/// check_host() for strong-bad@email.example.com from 192.0.2.3 over @p zone.
Outcome spfOutcome(const ZoneResolver &zone)
{
    SpfRequest r;
    r.clientIp = "192.0.2.3";
    r.helo = "mx.example.org";
    r.mailFrom = "strong-bad@email.example.com";
    SpfResult result = checkSpf(r, zone);
    return {result.result == AuthResult::Pass, std::string(rfc8601Token(result.result)) + ": " + result.reason};
}

std::map<std::string, LimitCase> cases()
{
    std::map<std::string, LimitCase> c;

    // ---- Message (verifier/core/Message.h MessageLimits) ----
    c["message size (configured 100000)"] = {100000, [](size_t n) {
        MessageLimits l;
        l.maxMessageBytes = 100000;
        std::string m = "Subject: x\r\n\r\n";
        m += std::string(n - m.size(), 'a');
        return fromExpected(Message::parse(m, l));
    }, "more than the limit of 100000 bytes"};
    c["message size (default 64 MiB)"] = {MessageLimits{}.maxMessageBytes, [](size_t n) {
        std::string m = "Subject: x\r\n\r\n";
        m += std::string(n - m.size(), 'a');
        return fromExpected(Message::parse(std::move(m)));
    }, "more than the limit of 67108864 bytes"};
    c["header field count (default 1000)"] = {MessageLimits{}.maxHeaderFields, [](size_t n) {
        return fromExpected(Message::parse(messageWithFields(n)));
    }, "more than 1000 header fields"};
    c["header line length (default 65536)"] = {MessageLimits{}.maxHeaderLineLength, [](size_t n) {
        // n = the line's length without its CRLF.
        std::string line = "X-Long: ";
        line += std::string(n - line.size(), 'a');
        return fromExpected(Message::parse(line + "\r\n\r\nbody\r\n"));
    }, "more than the limit of 65536"};
    c["header section size (default 1 MiB)"] = {MessageLimits{}.maxHeaderBytes, [](size_t n) {
        // n = header section bytes, every line with its CRLF, in lines under the line limit.
        std::string h;
        size_t i = 0;
        while (h.size() < n) {
            std::string name = "X-" + std::to_string(i++) + ": ";
            size_t room = std::min<size_t>(60000, n - h.size());
            if (room < name.size() + 3) { // too short for another field: lengthen the last one
                h.insert(h.size() - 2, std::string(room, 'b'));
                continue;
            }
            h += name + std::string(room - name.size() - 2, 'a') + "\r\n";
        }
        return fromExpected(Message::parse(h + "\r\nbody\r\n"));
    }, "header section is larger than the limit of 1048576 bytes"};

    // ---- MIME (verifier/mime/Mime.h MimeLimits) ----
    c["MIME depth (default 20)"] = {size_t(MimeLimits{}.maxDepth), [](size_t n) {
        return mimeOutcome(nestedMime(n));
    }, "depth limit reached"};
    c["MIME part count (default 1000)"] = {size_t(MimeLimits{}.maxParts), [](size_t n) {
        std::string m = "From: a@example.com\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n";
        for (size_t i = 0; i + 1 < n; ++i) // n parts: the multipart itself and n - 1 children
            m += "--b\r\nContent-Type: text/plain\r\n\r\np\r\n";
        return mimeOutcome(m + "--b--\r\n");
    }, "part limit reached"};

    // ---- DKIM ----
    c["DKIM signatures evaluated (default 8)"] = {size_t(VerifierLimits{}.maxDkimSignatures), [](size_t n) {
        std::string m;
        for (size_t i = 0; i < n; ++i)
            m += "DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=s" + std::to_string(i)
                + "; h=from; bh=AAAA; b=AAAA\r\n";
        auto msg = Message::parse(m + "From: a@example.com\r\n\r\nbody\r\n");
        if (!msg)
            return Outcome{false, msg.error().message};
        ZoneResolver zone;
        auto results = verifyDkim(*msg, zone, 1700000000, VerifierLimits{});
        for (const auto &r : results)
            if (r.failure == DkimFailure::NotEvaluated)
                return Outcome{false, r.reason};
        return Outcome{results.size() == n, {}};
    }, "Not evaluated: the message has more than 8 signatures."};
    c["DKIM h= names (1000)"] = {DkimSignature::kMaxSignedHeaders, [](size_t n) {
        // n names: from, then n - 1 distinct others (short, so the tag list stays under 64 KiB).
        std::string h = "from";
        for (size_t i = 1; i < n; ++i)
            h += ":x" + std::to_string(i);
        const DkimSignatureParse p = parseDkimSignature(
            "v=1; a=rsa-sha256; d=example.com; s=s; h=" + h + "; bh=AAAA; b=AAAA");
        return p.ok() ? Outcome{p.signature.signedHeaders.size() == n, {}} : Outcome{false, p.reason};
    }, "The h= list names more than 1000 header fields"};
    c["DKIM tag count (64)"] = {DkimTagList::kMaxTags, [](size_t n) {
        std::string t;
        for (size_t i = 0; i < n; ++i)
            t += "t" + std::to_string(i) + "=v;";
        return fromExpected(DkimTagList::parse(t));
    }, "too many tags"};
    c["DKIM tag list bytes (64 KiB)"] = {DkimTagList::kMaxBytes, [](size_t n) {
        return fromExpected(DkimTagList::parse("a=" + std::string(n - 2, 'x')));
    }, "tag list longer than 65536 bytes"};

    // ---- SPF (verifier/spf/SpfChecker.h SpfLimits, SpfRecord.h) ----
    c["SPF DNS-querying terms (10)"] = {size_t(SpfLimits{}.maxDnsMechanisms), [](size_t n) {
        ZoneResolver zone;
        std::string rec = "v=spf1";
        for (size_t i = 0; i < n; ++i) {
            const std::string name = "a" + std::to_string(i) + ".example.com";
            zone.addAddress(name, "198.51.100.1");
            rec += " a:" + name;
        }
        zone.addTxt("email.example.com", {rec + " ip4:192.0.2.3 -all"});
        return spfOutcome(zone);
    }, "permerror: more than 10 DNS-querying mechanisms"};
    c["SPF void lookups (2)"] = {size_t(SpfLimits{}.maxVoidLookups), [](size_t n) {
        ZoneResolver zone;
        std::string rec = "v=spf1";
        for (size_t i = 0; i < n; ++i)
            rec += " a:void" + std::to_string(i) + ".example.com";
        zone.addTxt("email.example.com", {rec + " ip4:192.0.2.3 -all"});
        return spfOutcome(zone);
    }, "permerror: more than 2 DNS lookups returned no records"};
    c["SPF MX names per mx (10)"] = {size_t(SpfLimits{}.maxMxNames), [](size_t n) {
        ZoneResolver zone;
        for (size_t i = 0; i < n; ++i)
            zone.addMx("email.example.com", uint16_t(i), "mx" + std::to_string(i) + ".example.com");
        zone.addTxt("email.example.com", {"v=spf1 mx ip4:192.0.2.3 -all"});
        return spfOutcome(zone);
    }, "has more than 10"};
    c["SPF record bytes (4096)"] = {size_t(SpfLimits{}.maxRecordBytes), [](size_t n) {
        std::string rec = "v=spf1 -all";
        rec += std::string(n - rec.size(), ' ');
        return fromExpected(parseSpfRecord(rec));
    }, "SPF record longer than 4096 bytes"};

    // ---- DMARC ----
    c["DMARC record bytes (4096)"] = {4096, [](size_t n) {
        std::string rec = "v=DMARC1; p=none; x=";
        rec += std::string(n - rec.size(), 'a');
        return fromExpected(parseDmarcRecord(rec));
    }, "DMARC record longer than 4096 bytes"};

    // ---- Authentication-Results (verifier/authres/AuthResultsParser.h) ----
    c["Authentication-Results bytes (64 KiB)"] = {kMaxAuthResultsValueBytes, [](size_t n) {
        std::string v = "mx.example.net; spf=pass (";
        v += std::string(n - v.size() - 1, 'c') + ")";
        return fromExpected(parseAuthenticationResults(v));
    }, "the value is longer than 65536 bytes"};
    c["Authentication-Results results (256)"] = {kMaxAuthResultsResults, [](size_t n) {
        return fromExpected(parseAuthenticationResults("mx.example.net" + repeat("; spf=pass", n)));
    }, "more than 256 results"};
    c["Authentication-Results properties (64)"] = {kMaxAuthResultsProperties, [](size_t n) {
        std::string v = "mx.example.net; x-test=pass";
        for (size_t i = 0; i < n; ++i)
            v += " header.p" + std::to_string(i) + "=v";
        return fromExpected(parseAuthenticationResults(v));
    }, "more than 64 properties in one result"};
    c["Authentication-Results comment depth (32)"] = {size_t(kMaxAuthResultsCommentDepth), [](size_t n) {
        return fromExpected(parseAuthenticationResults("mx.example.net; spf=pass " + repeat("(", n) + repeat(")", n)));
    }, "comments nested too deeply"};

    // ---- Addresses and encoded words (verifier/mail) ----
    c["address list mailboxes (1000)"] = {AddressLimits::maxMailboxes, [](size_t n) {
        std::string v;
        for (size_t i = 0; i < n; ++i)
            v += (i ? ", u" : "u") + std::to_string(i) + "@example.com";
        auto list = parseAddressList(v, AddressParseMode::Strict);
        return Outcome{list.kind != AddressListKind::Invalid, list.problem};
    }, "more than 1000 mailboxes"};
    c["address bytes (64 KiB)"] = {AddressLimits::maxInput, [](size_t n) {
        std::string v = "a@example.com (";
        v += std::string(n - v.size() - 1, 'c') + ")";
        auto list = parseAddressList(v, AddressParseMode::Strict);
        return Outcome{list.kind != AddressListKind::Invalid, list.problem};
    }, "the value is longer than 65536 bytes"};
    c["address comment depth (32)"] = {size_t(AddressLimits::maxCommentDepth), [](size_t n) {
        auto list = parseAddressList(repeat("(", n) + repeat(")", n) + " a@example.com", AddressParseMode::Strict);
        return Outcome{list.kind != AddressListKind::Invalid, list.problem};
    }, "comments nested more than 32 deep"};
    c["RFC 2047 encoded words (1000)"] = {Rfc2047Limits::maxWords, [](size_t n) {
        // Beyond the limit, words stay as written: the last one is not decoded.
        std::string text = repeat("=?utf-8?q?a?= ", n - 1) + "=?utf-8?q?Z?=";
        std::string out = decodeEncodedWords(text);
        bool ok = out.find("=?") == std::string::npos;
        return Outcome{ok, ok ? std::string() : "encoded words after 1000 left as written"};
    }, "left as written"};

    // ---- DNS per message (verifier/dns/QueryBudget.h, VerifierLimits) ----
    // n distinct questions: all answered at the limit; the (limit+1)-th is refused, not asked.
    const auto budgetRun = [](int maxQueries) {
        return [maxQueries](size_t n) {
            ZoneResolver zone;
            for (size_t i = 0; i < n; ++i)
                zone.addTxt("h" + std::to_string(i) + ".example.com", {"v=spf1 -all"});
            QueryBudget::Limits l;
            l.maxQueries = maxQueries;
            QueryBudget budget(zone, l);
            for (size_t i = 0; i < n; ++i) {
                DnsAnswer a = budget.query("h" + std::to_string(i) + ".example.com", RrType::TXT);
                // A repeated question is answered from the memo and costs nothing.
                DnsAnswer again = budget.query("H" + std::to_string(i) + ".example.com.", RrType::TXT);
                if (!a.ok() || !(again.records == a.records))
                    return Outcome{false, a.why};
            }
            return Outcome{budget.refused() == 0 && budget.asked() == int(n), {}};
        };
    };
    c["DNS queries per message (configured 5)"] = {5, budgetRun(5), "already used its 5 DNS queries"};
    c["DNS queries per message (default 100)"] = {size_t(VerifierLimits{}.maxDnsQueries),
                                                  budgetRun(VerifierLimits{}.maxDnsQueries),
                                                  "already used its 100 DNS queries"};

    // ---- Zone files (verifier/dns/MasterFileParser.h) ----
    c["zone records (configured 1000)"] = {1000, [](size_t n) {
        MasterFileParser::Limits l;
        l.maxRecords = 1000;
        std::string z;
        for (size_t i = 0; i < n; ++i)
            z += "h" + std::to_string(i) + " 300 IN A 192.0.2.1\n";
        return fromExpected(MasterFileParser::parse(z, "example.com", l));
    }, "more than 1000 records"};
    c["zone records (default 100000)"] = {MasterFileParser::Limits{}.maxRecords, [](size_t n) {
        std::string z;
        z.reserve(n * 12);
        for (size_t i = 0; i < n; ++i)
            z += "h" + std::to_string(i) + " A 192.0.2.1\n";
        ZoneResolver zone;
        auto added = zone.loadMasterFile(z, "example.com");
        return added ? Outcome{*added == int(n), {}} : Outcome{false, added.error().message};
    }, "more than 100000 records"};
    c["zone bytes (configured 4096)"] = {4096, [](size_t n) {
        MasterFileParser::Limits l;
        l.maxBytes = 4096;
        std::string z = "a TXT \"x\"\n";
        z += std::string(n - z.size() - 1, ';') + "\n";
        return fromExpected(MasterFileParser::parse(z, "example.com", l));
    }, "zone text larger than 4096 bytes"};

#ifdef SEALCHECK_LIMITS_HAVE_IMAP
    // ---- IMAP (app/imap/ImapFramer.h) ----
    c["IMAP literal size (configured 1000)"] = {1000, [](size_t n) {
        imap::ImapFramer framer(1000, 1 << 20);
        QByteArray s = "* 1 FETCH (BODY[] {" + QByteArray::number(qint64(n)) + "}\r\n" + QByteArray(qsizetype(n), 'x') + ")\r\n";
        framer.feed(s);
        const auto frames = framer.takeFrames();
        if (framer.failed())
            return Outcome{false, framer.error().toStdString()};
        return Outcome{frames.size() == 1, {}};
    }, "above the limit of 1000 bytes"};
    c["IMAP literal size (default 64 MiB, announced only)"] = {size_t(imap::ImapFramer::defaultMaxLiteralSize), [](size_t n) {
        imap::ImapFramer framer;
        framer.feed("* 1 FETCH (BODY[] {" + QByteArray::number(qint64(n)) + "}\r\n");
        (void)framer.takeFrames();
        return Outcome{!framer.failed(), framer.error().toStdString()};
    }, "above the limit of 67108864 bytes"};
    c["IMAP response line (configured 1000)"] = {1000, [](size_t n) {
        imap::ImapFramer framer(1 << 20, 1000);
        // n = bytes of the line including its CRLF.
        QByteArray s = "* OK " + QByteArray(qsizetype(n) - 7, 'x') + "\r\n";
        framer.feed(s);
        const auto frames = framer.takeFrames();
        if (framer.failed())
            return Outcome{false, framer.error().toStdString()};
        return Outcome{frames.size() == 1, {}};
    }, "longer than 1000 bytes"};
#endif
    return c;
}

} // namespace

class tst_Limits : public QObject
{
    Q_OBJECT
private slots:
    void limit_data()
    {
        QTest::addColumn<QString>("name");
        for (const auto &[name, c] : cases())
            QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }
    void limit()
    {
        QFETCH(QString, name);
        const auto all = cases();
        const LimitCase &c = all.at(name.toStdString());
        const Outcome at = c.run(c.limit);
        QVERIFY2(at.ok, ("at the limit (" + std::to_string(c.limit) + ") it should work, got: " + at.text).c_str());
        const Outcome over = c.run(c.limit + 1);
        QVERIFY2(!over.ok, ("at limit + 1 (" + std::to_string(c.limit + 1) + ") it should fail").c_str());
        QVERIFY2(over.text.find(c.error) != std::string::npos,
                 ("expected \"" + c.error + "\" in: " + over.text.substr(0, 300)).c_str());
    }

    /// The DNS budget seen through verify(): SPF needs three questions (the record and two
    /// includes). With room for two, SPF is a temporary error, never a pass or a fail, and the
    /// report warns; with the default budget the same message passes SPF.
    void dnsBudgetThroughVerify_data()
    {
        QTest::addColumn<int>("maxQueries");
        QTest::addColumn<QString>("spf");
        QTest::addColumn<bool>("warned");
        QTest::newRow("budget 2: temperror, warning") << 2 << "temperror" << true;
        QTest::newRow("default budget: pass") << VerifierLimits{}.maxDnsQueries << "pass" << false;
    }
    void dnsBudgetThroughVerify()
    {
        QFETCH(int, maxQueries);
        QFETCH(QString, spf);
        QFETCH(bool, warned);
        ZoneResolver zone;
        zone.addTxt("example.com", {"v=spf1 include:a.example.com include:b.example.com -all"});
        zone.addTxt("a.example.com", {"v=spf1 ip4:198.51.100.0/24 -all"});
        zone.addTxt("b.example.com", {"v=spf1 ip4:192.0.2.0/24 -all"});
        auto message = Message::parse("From: Alice <alice@example.com>\r\nSubject: hi\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\n\r\nhello\r\n");
        QVERIFY(message);
        VerifyContext context;
        context.resolver = &zone;
        context.now = 1795000000;
        context.envelope.clientIp = "192.0.2.7";
        context.envelope.helo = "mail.example.com";
        context.envelope.mailFrom = "alice@example.com";
        context.limits.maxDnsQueries = maxQueries;
        const Report report = verify(*message, context);
        QVERIFY(report.spf);
        QCOMPARE(QString::fromUtf8(rfc8601Token(report.spf->result).data()), spf);
        bool found = false;
        for (const Finding &w : report.warnings)
            if (w.code == FindingCode::DnsLimitReached) {
                found = true;
                QVERIFY2(w.text.find("limit of 2 queries") != std::string::npos, w.text.c_str());
            }
        QCOMPARE(found, warned);
    }

    /// The time budget: a resolver that takes 40 ms per answer and a budget of 100 ms leaves
    /// later questions unasked, and says so.
    void dnsTimeBudget()
    {
        struct SlowResolver final : Resolver
        {
            DnsAnswer query(std::string_view, RrType) const override
            {
                QThread::msleep(40);
                DnsAnswer a;
                a.status = DnsStatus::NxDomain;
                return a;
            }
        } slow;
        QueryBudget::Limits l;
        l.maxMillis = 100;
        QElapsedTimer timer;
        timer.start();
        l.millisClock = [&timer] { return timer.elapsed(); };
        QueryBudget budget(slow, l);
        int answered = 0;
        std::string why;
        for (int i = 0; i < 10; ++i) {
            DnsAnswer a = budget.query("h" + std::to_string(i) + ".example.com", RrType::TXT);
            if (a.status == DnsStatus::ServFail)
                why = a.why;
            else
                ++answered;
        }
        QVERIFY2(answered >= 1 && answered <= 3, std::to_string(answered).c_str());
        QCOMPARE(budget.refused(), 10 - answered);
        QCOMPARE(QString::fromStdString(budget.exhaustedBy()), QStringLiteral("time"));
        QVERIFY2(why.find("already spent 100 ms waiting for DNS") != std::string::npos, why.c_str());
    }
};

QTEST_GUILESS_MAIN(tst_Limits)
#include "tst_limits.moc"
