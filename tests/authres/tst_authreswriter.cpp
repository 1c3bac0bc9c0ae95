// formatAuthenticationResults(): the value re-parses with our own strict parser to the results
// of the report, and lines are folded at 78 columns.

#include "AuthResultsParser.h"
#include "AuthResultsWriter.h"

#include <QTest>

using namespace verifier;

namespace {

DkimResult dkim(AuthResult r, const char *d, const char *s, const char *reason = "")
{
    DkimResult k;
    k.result = r;
    k.domain = d;
    k.selector = s;
    k.identity = std::string("@") + d;
    k.algorithm = "rsa-sha256";
    k.reason = reason;
    return k;
}

Report fullReport()
{
    Report rep;
    rep.dkim.push_back(dkim(AuthResult::Pass, "example.com", "sel2026"));
    rep.dkim.push_back(dkim(AuthResult::Fail, "mailer.example.net", "s1", "body hash did not verify"));
    SpfResult spf;
    spf.result = AuthResult::SoftFail;
    spf.domain = "example.com";
    spf.identity = "mailfrom";
    spf.mailFrom = "bounces+123=x@example.com";
    spf.helo = "mail.example.com";
    spf.evaluated = true;
    rep.spf = spf;
    DmarcResult dm;
    dm.result = AuthResult::Pass;
    dm.domain = "example.com";
    dm.policy = DmarcPolicy::Reject;
    rep.dmarc = dm;
    ArcResult arc;
    arc.result = AuthResult::Pass;
    arc.instances = 1;
    rep.arc = arc;
    return rep;
}

QString describe(const ParsedAuthResults &p)
{
    QString s = QString::fromStdString(p.authservId);
    for (const AuthMethodResult &m : p.methods) {
        s += QStringLiteral("; %1=%2").arg(QString::fromStdString(m.method), QString::fromStdString(m.result));
        if (!m.reason.empty())
            s += QStringLiteral(" reason=[%1]").arg(QString::fromStdString(m.reason));
        for (const auto &[k, v] : m.properties)
            s += QStringLiteral(" %1=[%2]").arg(QString::fromStdString(k), QString::fromStdString(v));
    }
    return s;
}

void checkFolding(const std::string &value)
{
    const std::string field = "Authentication-Results: " + value;
    size_t start = 0;
    while (start <= field.size()) {
        size_t end = field.find("\r\n", start);
        const std::string line = field.substr(start, end == std::string::npos ? std::string::npos : end - start);
        QVERIFY2(line.size() <= 78, line.c_str());
        QVERIFY2(line.find('\n') == std::string::npos && line.find('\r') == std::string::npos, "bare CR or LF");
        if (start > 0)
            QVERIFY2(!line.empty() && (line[0] == ' ' || line[0] == '\t'), "continuation without white space");
        if (end == std::string::npos)
            break;
        start = end + 2;
    }
}

} // namespace

class tst_AuthResultsWriter : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("expected");
        QTest::newRow("full report") << 0
            << QStringLiteral("mx.example.org"
                              "; x-sealcheck=unauthenticated"
                              "; dkim=pass header.a=[rsa-sha256] header.d=[example.com] header.i=[@example.com] header.s=[sel2026]"
                              "; dkim=fail reason=[body hash did not verify] header.a=[rsa-sha256] header.d=[mailer.example.net] header.i=[@mailer.example.net] header.s=[s1]"
                              "; spf=softfail smtp.helo=[mail.example.com] smtp.mailfrom=[bounces+123=x@example.com]"
                              "; dmarc=pass header.from=[example.com] policy.dmarc=[reject]"
                              "; arc=pass");
        QTest::newRow("empty report") << 1
            << QStringLiteral("mx.example.org; x-sealcheck=unauthenticated; dkim=none; spf=none; dmarc=none; arc=none");
        QTest::newRow("awkward values") << 2
            << QStringLiteral("mx.example.org"
                              "; x-sealcheck=unauthenticated"
                              "; dkim=permerror reason=[key \"k\" \\ revoked] header.a=[rsa-sha256] header.d=[example.com] header.i=[a b@example.com] header.s=[s;1]"
                              "; spf=pass smtp.helo=[helo.example.com]"
                              "; dmarc=temperror"
                              "; arc=none");
    }
    void roundTrip()
    {
        QFETCH(int, which);
        QFETCH(QString, expected);
        Report rep;
        if (which == 0) {
            rep = fullReport();
        } else if (which == 2) {
            DkimResult k = dkim(AuthResult::PermError, "example.com", "s;1", "key \"k\" \\ revoked");
            k.identity = "a b@example.com";
            rep.dkim.push_back(k);
            SpfResult spf;
            spf.result = AuthResult::Pass;
            spf.identity = "helo";
            spf.helo = "helo.example.com";
            spf.evaluated = true;
            rep.spf = spf;
            DmarcResult dm;
            dm.result = AuthResult::TempError;
            rep.dmarc = dm;
            ArcResult arc;
            arc.result = AuthResult::TempError; // not an ARC result keyword: written as none
            rep.arc = arc;
        }
        const std::string value = formatAuthenticationResults(rep, "mx.example.org");
        const auto parsed = parseAuthenticationResults(value);
        QVERIFY2(parsed.ok(), (parsed.ok() ? std::string() : parsed.error().message + "\n" + value).c_str());
        QCOMPARE(describe(*parsed), expected);
        checkFolding(value);
        if (which == 2)
            QVERIFY(value.find("arc=none (result temperror)") != std::string::npos);
    }

    void layout()
    {
        const std::string value = formatAuthenticationResults(fullReport(), "mx.example.org");
        QCOMPARE(QByteArray::fromStdString(value),
                 QByteArray("mx.example.org;\r\n"
                            "    x-sealcheck=unauthenticated;\r\n"
                            "    dkim=pass header.d=example.com header.s=sel2026 header.i=@example.com\r\n"
                            "        header.a=rsa-sha256;\r\n"
                            "    dkim=fail reason=\"body hash did not verify\" header.d=mailer.example.net\r\n"
                            "        header.s=s1 header.i=@mailer.example.net header.a=rsa-sha256;\r\n"
                            "    spf=softfail smtp.mailfrom=bounces+123=x@example.com\r\n"
                            "        smtp.helo=mail.example.com;\r\n"
                            "    dmarc=pass header.from=example.com policy.dmarc=reject;\r\n"
                            "    arc=pass"));
    }

    void quotedAuthservId()
    {
        const std::string value = formatAuthenticationResults(Report{}, "mx example");
        QVERIFY(value.rfind("\"mx example\";", 0) == 0);
        const auto parsed = parseAuthenticationResults(value);
        QVERIFY(parsed.ok());
        QCOMPARE(QByteArray::fromStdString(parsed->authservId), QByteArray("mx example"));
    }

    void longValuesFold()
    {
        Report rep;
        for (int i = 0; i < 5; ++i)
            rep.dkim.push_back(dkim(AuthResult::Pass, "a-rather-long-subdomain.of-an-organisation.example.com",
                                    "selector-with-a-long-name-2026"));
        const std::string value = formatAuthenticationResults(rep, "mx.example.org");
        checkFolding(value);
        const auto parsed = parseAuthenticationResults(value);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->methods.size(), size_t(1 + 5 + 3));
    }

    /// The verdict is in the field, not only the method results: a lookalike that passes DMARC
    /// for its own domain reads "x-sealcheck=suspicious", and the value still parses strictly.
    void verdictCarried_data()
    {
        QTest::addColumn<int>("verdict");
        QTest::addColumn<QString>("keyword");
        QTest::newRow("authenticated") << int(Verdict::Authenticated) << QStringLiteral("authenticated");
        QTest::newRow("forged") << int(Verdict::Forged) << QStringLiteral("forged");
        QTest::newRow("suspicious") << int(Verdict::Suspicious) << QStringLiteral("suspicious");
        QTest::newRow("unauthenticated") << int(Verdict::Unauthenticated) << QStringLiteral("unauthenticated");
        QTest::newRow("not-checked") << int(Verdict::NotChecked) << QStringLiteral("not-checked");
    }
    void verdictCarried()
    {
        QFETCH(int, verdict);
        QFETCH(QString, keyword);
        Report rep = fullReport(); // dmarc=pass for example.com
        rep.verdict = Verdict(verdict);
        rep.from.domain = "rnybank.example";
        rep.reasons.push_back(Finding{FindingCode::LookalikeDomain, {"rnybank.example", "mybank.example"},
                                      "the domain \"rnybank.example\" looks like \"mybank.example\""});
        const std::string value = formatAuthenticationResults(rep, "mx.example.org");
        checkFolding(value);
        const auto parsed = parseAuthenticationResults(value);
        QVERIFY2(parsed.ok(), (parsed.ok() ? std::string() : parsed.error().message + "\n" + value).c_str());
        QCOMPARE(QString::fromStdString(parsed->methods[0].method), QStringLiteral("x-sealcheck"));
        QCOMPARE(QString::fromStdString(parsed->methods[0].result), keyword);
        QCOMPARE(parsed->methods[0].properties.at("header.from"), std::string("rnybank.example"));
        QCOMPARE(parsed->methods[0].reason, rep.reasons.front().text);
    }

    void controlCharactersLeftOut()
    {
        Report rep;
        rep.dkim.push_back(dkim(AuthResult::Fail, "example.com", "s\r\nX-Injected: 1"));
        const std::string value = formatAuthenticationResults(rep, "mx.example.org");
        QVERIFY(value.find("X-Injected") == std::string::npos);
        const auto parsed = parseAuthenticationResults(value);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->methods[1].properties.count("header.s"), size_t(0));
    }
};

QTEST_APPLESS_MAIN(tst_AuthResultsWriter)
#include "tst_authreswriter.moc"
