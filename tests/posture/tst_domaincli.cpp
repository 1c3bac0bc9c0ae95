// `sealcheck-cli domain DOMAIN` (CLI.md) as a script meets it: --dns-zone (offline: no MTA-STS
// fetch), --json with its stable keys, the text report, and exit status 2 for bad usage. One row
// per domain of a zone written by the test.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kCli = QStringLiteral(SEALCHECK_BINARY_DIR "/bin/sealcheck-cli");

const char kZone[] = "$ORIGIN example.com.\n"
                     "@ IN MX 10 mail\nmail IN A 192.0.2.25\n"
                     "@ IN TXT \"v=spf1 mx include:gone.example.net ~all\"\n"
                     "_dmarc IN TXT \"v=DMARC1; p=reject; sp=quarantine; np=reject; adkim=s; pct=100; "
                     "rua=mailto:d@example.com\"\n"
                     "_mta-sts IN TXT \"v=STSv1; id=1\"\n"
                     "$ORIGIN example.org.\n"
                     "@ IN TXT \"v=spf1 -all\"\n"
                     "_dmarc IN TXT \"v=DMARC1; p=none\"\n";

struct Run
{
    int exitCode = -1;
    QByteArray out, err;
};

} // namespace

class tst_DomainCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_zone;

    Run run(const QStringList &args)
    {
        QProcess p;
        p.start(kCli, args);
        Run r;
        if (!p.waitForFinished(30000))
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(kCli), qPrintable(QStringLiteral("build sealcheck-cli first: ") + kCli));
        m_zone = m_dir.filePath(QStringLiteral("zone.txt"));
        QFile f(m_zone);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kZone);
    }

    void json_data()
    {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("grade");
        QTest::addColumn<QString>("spf");
        QTest::addColumn<QString>("dmarc");
        QTest::addColumn<QString>("np");
        QTest::addColumn<QString>("mtaStsFetch");
        QTest::newRow("missing-include") << "example.com" << "C" << "broken" << "good" << "reject" << "not_attempted";
        QTest::newRow("p-none") << "example.org" << "D" << "good" << "weak" << "" << "not_attempted";
    }

    void json()
    {
        QFETCH(QString, domain);
        const Run r = run({QStringLiteral("domain"), QStringLiteral("--json"), QStringLiteral("--dns-zone"), m_zone, domain});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, r.out.constData());
        QFETCH(QString, grade);
        QFETCH(QString, spf);
        QFETCH(QString, dmarc);
        QFETCH(QString, np);
        QFETCH(QString, mtaStsFetch);
        QCOMPARE(o.value(QStringLiteral("domain")).toString(), domain);
        QCOMPARE(o.value(QStringLiteral("grade")).toString(), grade);
        QVERIFY(!o.value(QStringLiteral("grade_reasons")).toArray().isEmpty());
        const QJsonObject checks = o.value(QStringLiteral("checks")).toObject();
        for (const char *key : {"spf", "dmarc", "dkim", "mta_sts", "tls_rpt", "dane", "bimi"}) {
            const QJsonObject c = checks.value(QLatin1String(key)).toObject();
            QVERIFY2(c.contains(QStringLiteral("result")) && c.contains(QStringLiteral("summary")) &&
                         c.contains(QStringLiteral("fixes")) && c.value(QStringLiteral("dnssec")).isBool(),
                     key);
            QCOMPARE(c.value(QStringLiteral("dnssec")).toBool(), false); // a zone file is not signed
        }
        QCOMPARE(checks.value(QStringLiteral("spf")).toObject().value(QStringLiteral("result")).toString(), spf);
        const QJsonObject d = checks.value(QStringLiteral("dmarc")).toObject();
        QCOMPARE(d.value(QStringLiteral("result")).toString(), dmarc);
        QCOMPARE(d.value(QStringLiteral("non_existent_policy")).toString(), np);
        QCOMPARE(checks.value(QStringLiteral("mta_sts")).toObject().value(QStringLiteral("fetch")).toString(), mtaStsFetch);
        // Nothing is fetched from a zone file: no failure either.
        QCOMPARE(checks.value(QStringLiteral("mta_sts")).toObject().value(QStringLiteral("fetch_failure")).toString(),
                 QStringLiteral("none"));
        if (domain == QLatin1String("example.com")) {
            const QJsonObject s = checks.value(QStringLiteral("spf")).toObject();
            QCOMPARE(s.value(QStringLiteral("all")).toString(), QStringLiteral("~all"));
            QCOMPARE(s.value(QStringLiteral("lookup_limit")).toInt(), 10);
            QCOMPARE(s.value(QStringLiteral("dns_lookups")).toInt(), 2);
            const QJsonObject inc = s.value(QStringLiteral("includes")).toArray().at(0).toObject();
            QCOMPARE(inc.value(QStringLiteral("domain")).toString(), QStringLiteral("gone.example.net"));
            QCOMPARE(inc.value(QStringLiteral("state")).toString(), QStringLiteral("missing"));
            QCOMPARE(d.value(QStringLiteral("subdomain_policy")).toString(), QStringLiteral("quarantine"));
            QCOMPARE(d.value(QStringLiteral("adkim")).toString(), QStringLiteral("strict"));
            QCOMPARE(d.value(QStringLiteral("aspf")).toString(), QStringLiteral("relaxed"));
            QCOMPARE(d.value(QStringLiteral("pct")).toInt(), 100);
            QCOMPARE(d.value(QStringLiteral("rua")).toArray().at(0).toString(), QStringLiteral("mailto:d@example.com"));
        }
    }

    void text()
    {
        const Run r = run({QStringLiteral("domain"), QStringLiteral("--dns-zone"), m_zone, QStringLiteral("example.org")});
        QCOMPARE(r.exitCode, 0);
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.startsWith(QStringLiteral("Domain example.org: grade D\n")), r.out.constData());
        QVERIFY2(out.contains(QStringLiteral("DMARC p=none: spoofed mail is only reported, not stopped.")), r.out.constData());
        QVERIFY2(out.contains(QStringLiteral("fix:    _dmarc.example.org. TXT \"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.org\"")),
                 r.out.constData());
        QVERIFY2(out.contains(QStringLiteral("record: v=spf1 -all (not DNSSEC-validated)")), r.out.constData());
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no-domain") << QStringList{QStringLiteral("domain")};
        QTest::newRow("invalid-domain") << QStringList{QStringLiteral("domain"), QStringLiteral("--dns-zone"), QString(),
                                                       QStringLiteral("not a domain")};
        QTest::newRow("zone-and-resolver") << QStringList{QStringLiteral("domain"), QStringLiteral("--dns-zone"), QString(),
                                                          QStringLiteral("--resolver"), QStringLiteral("127.0.0.1"),
                                                          QStringLiteral("example.com")};
    }

    void badUsage()
    {
        QFETCH(QStringList, args);
        for (QString &a : args) {
            if (a.isEmpty())
                a = m_zone;
        }
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.startsWith("sealcheck-cli domain: "));
    }
};

QTEST_GUILESS_MAIN(tst_DomainCli)
#include "tst_domaincli.moc"
