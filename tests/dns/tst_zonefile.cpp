// ZoneResolver::loadMasterFile (MasterFileParser): RFC 1035 master files as CLI.md shows them.
#include "MasterFileParser.h"
#include "ZoneResolver.h"

#include <QTest>

#include <random>

using namespace verifier;

Q_DECLARE_METATYPE(verifier::RrType)
Q_DECLARE_METATYPE(verifier::DnsStatus)

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

/// How a record reads to a user: TXT as its quoted strings, MX "pref exchange", SRV
/// "prio weight port target", others their text.
QString describe(RrType type, const DnsRecord &r)
{
    if (type == RrType::TXT || type == RrType::SPF) {
        QStringList parts;
        for (const auto &s : r.strings)
            parts << QLatin1Char('"') + q(s) + QLatin1Char('"');
        return parts.join(QLatin1Char(' '));
    }
    if (type == RrType::MX)
        return QString::number(r.preference) + QLatin1Char(' ') + q(r.text);
    if (type == RrType::SRV)
        return QStringLiteral("%1 %2 %3 %4").arg(r.preference).arg(r.weight).arg(r.port).arg(q(r.text));
    return q(r.text);
}

QStringList describeAll(RrType type, const DnsAnswer &a)
{
    QStringList out;
    for (const auto &r : a.records)
        out << describe(type, r);
    return out;
}

const char kCliExample[] = "$ORIGIN example.com.\n"
                           "@                    300 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n"
                           "_dmarc               300 IN TXT \"v=DMARC1; p=reject\"\n"
                           "sel._domainkey       300 IN TXT ( \"v=DKIM1; k=rsa; p=MIIBIjANBgkq...\"\n"
                           "                                  \"...IDAQAB\" )\n"
                           "mail                 300 IN A   192.0.2.10\n";

} // namespace

class tst_ZoneFile : public QObject
{
    Q_OBJECT
private slots:
    void cliExample()
    {
        ZoneResolver zone;
        auto n = zone.loadMasterFile(kCliExample);
        QVERIFY2(n.ok(), n.ok() ? "" : n.error().message.c_str());
        QCOMPARE(*n, 4);
        QCOMPARE(zone.ignoredRecords(), 0);

        auto spf = zone.query("example.com", RrType::TXT);
        QCOMPARE(spf.status, DnsStatus::Ok);
        QCOMPARE(describeAll(RrType::TXT, spf), QStringList{QStringLiteral("\"v=spf1 ip4:192.0.2.0/24 -all\"")});
        QCOMPARE(spf.ttl, 300u);

        auto dmarc = zone.query("_dmarc.example.com.", RrType::TXT);
        QCOMPARE(dmarc.status, DnsStatus::Ok);
        QCOMPARE(q(dmarc.records.at(0).text), QStringLiteral("v=DMARC1; p=reject"));

        auto dkim = zone.query("sel._domainkey.example.com", RrType::TXT);
        QCOMPARE(dkim.status, DnsStatus::Ok);
        QCOMPARE(dkim.records.size(), size_t(1));
        QCOMPARE(dkim.records[0].strings.size(), size_t(2));
        QCOMPARE(q(dkim.records[0].strings[0]), QStringLiteral("v=DKIM1; k=rsa; p=MIIBIjANBgkq..."));
        QCOMPARE(q(dkim.records[0].strings[1]), QStringLiteral("...IDAQAB"));
        QCOMPARE(q(dkim.records[0].text), QStringLiteral("v=DKIM1; k=rsa; p=MIIBIjANBgkq......IDAQAB"));

        auto a = zone.query("MAIL.example.com", RrType::A);
        QCOMPARE(a.status, DnsStatus::Ok);
        QCOMPARE(describeAll(RrType::A, a), QStringList{QStringLiteral("192.0.2.10")});

        QCOMPARE(zone.query("mail.example.com", RrType::AAAA).status, DnsStatus::NoData);
        QCOMPARE(zone.query("_domainkey.example.com", RrType::TXT).status, DnsStatus::NoData); // empty non-terminal
        QCOMPARE(zone.query("www.example.com", RrType::A).status, DnsStatus::NxDomain);
    }

    void records_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QString>("origin");
        QTest::addColumn<QString>("name");
        QTest::addColumn<RrType>("type");
        QTest::addColumn<DnsStatus>("status");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<int>("ttl"); // -1: not checked

        const auto A = RrType::A;
        const auto TXT = RrType::TXT;
        QTest::newRow("origin-and-at") << QByteArray("$ORIGIN example.org.\n@ 600 IN A 192.0.2.1\n") << QString()
                                       << "example.org" << A << DnsStatus::Ok << QStringList{"192.0.2.1"} << 600;
        QTest::newRow("origin-parameter") << QByteArray("www 60 IN A 192.0.2.4\n") << "example.com"
                                          << "www.example.com" << A << DnsStatus::Ok << QStringList{"192.0.2.4"} << 60;
        QTest::newRow("relative-origin-directive")
            << QByteArray("$ORIGIN example.com.\n$ORIGIN sub\nhost 60 A 192.0.2.5\n") << QString()
            << "host.sub.example.com" << A << DnsStatus::Ok << QStringList{"192.0.2.5"} << 60;
        QTest::newRow("dollar-ttl-units") << QByteArray("$TTL 1h\nexample.net. IN A 192.0.2.2\n") << QString()
                                          << "example.net" << A << DnsStatus::Ok << QStringList{"192.0.2.2"} << 3600;
        QTest::newRow("ttl-compound-units") << QByteArray("example.net. 1h30m IN A 192.0.2.2\n") << QString()
                                            << "example.net" << A << DnsStatus::Ok << QStringList{"192.0.2.2"} << 5400;
        QTest::newRow("class-before-ttl") << QByteArray("example.com. IN 120 A 192.0.2.3\n") << QString()
                                          << "example.com" << A << DnsStatus::Ok << QStringList{"192.0.2.3"} << 120;
        QTest::newRow("no-class") << QByteArray("example.com. 120 A 192.0.2.3\n") << QString() << "example.com" << A
                                  << DnsStatus::Ok << QStringList{"192.0.2.3"} << 120;
        QTest::newRow("no-ttl-takes-last-stated")
            << QByteArray("a.example.com. 77 A 192.0.2.1\nb.example.com. A 192.0.2.2\n") << QString() << "b.example.com"
            << A << DnsStatus::Ok << QStringList{"192.0.2.2"} << 77;
        QTest::newRow("no-ttl-default-300") << QByteArray("example.com. IN A 192.0.2.3\n") << QString() << "example.com"
                                            << A << DnsStatus::Ok << QStringList{"192.0.2.3"} << 300;
        QTest::newRow("blank-owner") << QByteArray("mail.example.com. 300 IN A 192.0.2.5\n"
                                                   "\t300 IN AAAA 2001:DB8:0:0::1\n")
                                     << QString() << "mail.example.com" << RrType::AAAA << DnsStatus::Ok
                                     << QStringList{"2001:db8::1"} << 300;
        QTest::newRow("two-records-one-rrset") << QByteArray("example.com. 300 A 192.0.2.1\n"
                                                             "             100 A 192.0.2.2\n")
                                               << QString() << "example.com" << A << DnsStatus::Ok
                                               << QStringList{"192.0.2.1", "192.0.2.2"} << 100;
        QTest::newRow("parentheses-with-comments")
            << QByteArray("$ORIGIN example.com.\n"
                          "k._domainkey 300 IN TXT ( ; the key\n"
                          "   \"v=DKIM1; \"   ; first part\n"
                          "   \"p=AB\" ) ; done\n")
            << QString() << "k._domainkey.example.com" << TXT << DnsStatus::Ok << QStringList{"\"v=DKIM1; \" \"p=AB\""}
            << 300;
        QTest::newRow("semicolon-in-quotes") << QByteArray("_dmarc.example.com. TXT \"v=DMARC1; p=reject\" ; c\n")
                                             << QString() << "_dmarc.example.com" << TXT << DnsStatus::Ok
                                             << QStringList{"\"v=DMARC1; p=reject\""} << -1;
        QTest::newRow("parenthesis-in-quotes") << QByteArray("example.com. TXT \"a (b) c\"\n") << QString()
                                               << "example.com" << TXT << DnsStatus::Ok << QStringList{"\"a (b) c\""}
                                               << -1;
        QTest::newRow("escaped-quote") << QByteArray("example.com. TXT \"say \\\"hi\\\"\"\n") << QString()
                                       << "example.com" << TXT << DnsStatus::Ok << QStringList{"\"say \"hi\"\""} << -1;
        QTest::newRow("escaped-backslash") << QByteArray("example.com. TXT \"a\\\\b\"\n") << QString() << "example.com"
                                           << TXT << DnsStatus::Ok << QStringList{"\"a\\b\""} << -1;
        QTest::newRow("decimal-escapes") << QByteArray("example.com. TXT \"\\065\\066C\\059\"\n") << QString()
                                         << "example.com" << TXT << DnsStatus::Ok << QStringList{"\"ABC;\""} << -1;
        QTest::newRow("unquoted-strings") << QByteArray("example.com. TXT hello w\\;orld\n") << QString()
                                          << "example.com" << TXT << DnsStatus::Ok << QStringList{"\"hello\" \"w;orld\""}
                                          << -1;
        QTest::newRow("empty-string") << QByteArray("example.com. TXT \"\"\n") << QString() << "example.com" << TXT
                                      << DnsStatus::Ok << QStringList{"\"\""} << -1;
        QTest::newRow("string-of-255") << QByteArray("example.com. TXT \"" + QByteArray(255, 'x') + "\"\n") << QString()
                                       << "example.com" << TXT << DnsStatus::Ok
                                       << QStringList{"\"" + QString(255, QLatin1Char('x')) + "\""} << -1;
        QTest::newRow("spf-type") << QByteArray("example.com. SPF \"v=spf1 -all\"\n") << QString() << "example.com"
                                  << RrType::SPF << DnsStatus::Ok << QStringList{"\"v=spf1 -all\""} << -1;
        QTest::newRow("mx-relative") << QByteArray("$ORIGIN example.com.\n@ MX 10 mail\n@ MX 20 backup.example.net.\n")
                                     << QString() << "example.com" << RrType::MX << DnsStatus::Ok
                                     << QStringList{"10 mail.example.com", "20 backup.example.net"} << -1;
        QTest::newRow("null-mx") << QByteArray("example.com. MX 0 .\n") << QString() << "example.com" << RrType::MX
                                 << DnsStatus::Ok << QStringList{"0 "} << -1;
        QTest::newRow("cname") << QByteArray("$ORIGIN example.com.\nwww CNAME @\n") << QString() << "www.example.com"
                               << RrType::CNAME << DnsStatus::Ok << QStringList{"example.com"} << -1;
        QTest::newRow("cname-followed") << QByteArray("$ORIGIN example.com.\nalias 60 CNAME target\ntarget 60 A 192.0.2.9\n")
                                        << QString() << "alias.example.com" << A << DnsStatus::Ok
                                        << QStringList{"192.0.2.9"} << 60;
        QTest::newRow("cname-to-nxdomain") << QByteArray("$ORIGIN example.com.\nalias CNAME gone.example.net.\n")
                                           << QString() << "alias.example.com" << A << DnsStatus::NxDomain
                                           << QStringList{} << -1;
        QTest::newRow("cname-loop") << QByteArray("$ORIGIN example.com.\na CNAME b\nb CNAME a\n") << QString()
                                    << "a.example.com" << A << DnsStatus::ServFail << QStringList{} << -1;
        QTest::newRow("ptr") << QByteArray("$ORIGIN 2.0.192.in-addr.arpa.\n10 PTR mail.example.com.\n") << QString()
                             << "10.2.0.192.in-addr.arpa" << RrType::PTR << DnsStatus::Ok
                             << QStringList{"mail.example.com"} << -1;
        QTest::newRow("ns") << QByteArray("example.com. NS ns1.example.com.\n") << QString() << "example.com"
                            << RrType::NS << DnsStatus::Ok << QStringList{"ns1.example.com"} << -1;
        QTest::newRow("srv") << QByteArray("$ORIGIN example.com.\n_imaps._tcp SRV 0 1 993 imap\n") << QString()
                             << "_imaps._tcp.example.com" << RrType::SRV << DnsStatus::Ok
                             << QStringList{"0 1 993 imap.example.com"} << -1;
        QTest::newRow("tlsa-hex-split") << QByteArray("_25._tcp.mail.example.com. TLSA 3 1 1 ( AB12\n cd34 )\n")
                                        << QString() << "_25._tcp.mail.example.com" << RrType::TLSA << DnsStatus::Ok
                                        << QStringList{"3 1 1 ab12cd34"} << -1;
        QTest::newRow("type-number") << QByteArray("example.com. TYPE1 192.0.2.7\n") << QString() << "example.com" << A
                                     << DnsStatus::Ok << QStringList{"192.0.2.7"} << -1;
        QTest::newRow("case-insensitive") << QByteArray("MAIL.Example.COM. in a 192.0.2.8\n") << QString()
                                          << "mail.EXAMPLE.com." << A << DnsStatus::Ok << QStringList{"192.0.2.8"} << -1;
        QTest::newRow("crlf-lines") << QByteArray("$ORIGIN example.com.\r\nmail 60 A 192.0.2.1\r\n") << QString()
                                    << "mail.example.com" << A << DnsStatus::Ok << QStringList{"192.0.2.1"} << 60;
        QTest::newRow("nxdomain") << QByteArray("mail.example.com. A 192.0.2.1\n") << QString() << "other.example.com"
                                  << A << DnsStatus::NxDomain << QStringList{} << 300;
        QTest::newRow("nodata") << QByteArray("mail.example.com. A 192.0.2.1\n") << QString() << "mail.example.com"
                                << TXT << DnsStatus::NoData << QStringList{} << 300;
        QTest::newRow("empty-non-terminal-nodata") << QByteArray("a.b.example.com. A 192.0.2.1\n") << QString()
                                                   << "b.example.com" << A << DnsStatus::NoData << QStringList{} << -1;
        QTest::newRow("negative-ttl-from-soa")
            << QByteArray("$ORIGIN example.com.\n@ 3600 SOA ns1 hostmaster ( 1 2h 1h 1w 60 )\nmail A 192.0.2.1\n")
            << QString() << "nosuch.example.com" << A << DnsStatus::NxDomain << QStringList{} << 60;
        QTest::newRow("soa-record") << QByteArray("$ORIGIN example.com.\n@ 3600 SOA ns1 hostmaster ( 1 2h 1h 1w 60 )\n")
                                    << QString() << "example.com" << RrType::SOA << DnsStatus::Ok
                                    << QStringList{"ns1.example.com hostmaster.example.com 1 7200 3600 604800 60"}
                                    << 3600;
        QTest::newRow("dig-output")
            << QByteArray("; <<>> DiG 9.18.19 <<>> TXT sel._domainkey.example.com\n"
                          ";; global options: +cmd\n"
                          ";; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 1\n"
                          "\n"
                          ";; QUESTION SECTION:\n"
                          ";sel._domainkey.example.com.\tIN\tTXT\n"
                          "\n"
                          ";; ANSWER SECTION:\n"
                          "sel._domainkey.example.com. 3600 IN\tTXT\t\"v=DKIM1; k=rsa; \" \"p=MIIB\" \"IDAQAB\"\n"
                          "sel._domainkey.example.com. 3600 IN\tRRSIG\tTXT 13 4 3600 20300101000000 20200101000000 "
                          "12345 example.com. c2ln\n"
                          "\n"
                          ";; Query time: 1 msec\n")
            << QString() << "sel._domainkey.example.com" << TXT << DnsStatus::Ok
            << QStringList{"\"v=DKIM1; k=rsa; \" \"p=MIIB\" \"IDAQAB\""} << 3600;
    }

    void records()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QString, origin);
        QFETCH(QString, name);
        QFETCH(RrType, type);
        QFETCH(DnsStatus, status);
        QFETCH(QStringList, expected);
        QFETCH(int, ttl);

        ZoneResolver z;
        auto n = z.loadMasterFile(zone.toStdString(), origin.toStdString());
        QVERIFY2(n.ok(), n.ok() ? "" : n.error().message.c_str());
        QVERIFY(*n > 0);
        const DnsAnswer a = z.query(name.toStdString(), type);
        QCOMPARE(q(std::string(dnsStatusName(a.status))), q(std::string(dnsStatusName(status))));
        QCOMPARE(describeAll(type, a), expected);
        if (ttl >= 0)
            QCOMPARE(a.ttl, uint32_t(ttl));
    }

    void txtStringsAndConcatenation()
    {
        ZoneResolver z;
        QVERIFY(z.loadMasterFile("x.example.com. TXT \"v=DKIM1; \" \"p=\\\"q\\\"\" abc\n").ok());
        const DnsAnswer a = z.query("x.example.com", RrType::TXT);
        QCOMPARE(a.records.size(), size_t(1));
        const std::vector<std::string> strings{"v=DKIM1; ", "p=\"q\"", "abc"};
        QCOMPARE(a.records[0].strings, strings);
        QCOMPARE(q(a.records[0].text), QStringLiteral("v=DKIM1; p=\"q\"abc"));
    }

    void counts()
    {
        ZoneResolver z;
        auto n = z.loadMasterFile("$ORIGIN example.com.\n"
                                  "@ 300 IN A 192.0.2.1\n"
                                  "@ 300 IN RRSIG A 13 2 300 20300101000000 20200101000000 1 example.com. c2ln\n"
                                  "@ 300 IN DNSKEY 257 3 13 AAAA\n"
                                  "@ 300 CH TXT \"chaos\"\n"
                                  "@ 300 IN TYPE65534 \\# 1 00\n"
                                  "@ 300 IN TXT \"kept\"\n");
        QVERIFY2(n.ok(), n.ok() ? "" : n.error().message.c_str());
        QCOMPARE(*n, 2);
        QCOMPARE(z.ignoredRecords(), 4);
        QCOMPARE(z.query("example.com", RrType::TXT).records.size(), size_t(1));
        QCOMPARE(z.query("example.com", RrType::TXT).records[0].text, std::string("kept"));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QString>("message"); // must appear in the error, line number included

        QTest::newRow("unterminated-quote") << QByteArray("a.example.com. A 192.0.2.1\nb.example.com. TXT \"open\n")
                                            << "line 2: unterminated quoted string";
        QTest::newRow("string-over-255")
            << QByteArray("; comment\n\nexample.com. TXT \"" + QByteArray(256, 'x') + "\"\n")
            << "line 3: character-string longer than 255 octets (256)";
        QTest::newRow("string-over-255-by-escapes")
            << QByteArray("example.com. TXT \"" + QByteArray(254, 'x') + "\\065\\066\"\n")
            << "line 1: character-string longer than 255 octets (256)";
        QTest::newRow("paren-never-closed") << QByteArray("a.example.com. A 192.0.2.1\nb.example.com. TXT ( \"x\"\n\n")
                                            << "line 2: '(' is never closed";
        QTest::newRow("close-without-open") << QByteArray("example.com. A 192.0.2.1 )\n") << "line 1: ')' without '('";
        QTest::newRow("nested-parens") << QByteArray("example.com. TXT ( ( \"x\" ) )\n") << "line 1: nested '('";
        QTest::newRow("bad-ipv4") << QByteArray("\n\nexample.com. A 192.0.2.300\n") << "line 3: bad A address";
        QTest::newRow("ipv6-in-a") << QByteArray("example.com. A 2001:db8::1\n") << "line 1: bad A address";
        QTest::newRow("bad-ipv6") << QByteArray("example.com. AAAA 2001:db8::g\n") << "line 1: bad AAAA address";
        QTest::newRow("missing-type") << QByteArray("example.com. 300 IN\n") << "line 1: record without type";
        QTest::newRow("not-a-type") << QByteArray("example.com. 300 IN 192.0.2.1\n") << "line 1: '192.0.2.1' is not";
        QTest::newRow("missing-address") << QByteArray("example.com. A\n") << "line 1: missing address";
        QTest::newRow("trailing-data") << QByteArray("example.com. A 192.0.2.1 extra\n") << "line 1: unexpected 'extra'";
        QTest::newRow("txt-without-string") << QByteArray("example.com. TXT\n") << "line 1: TXT record without";
        QTest::newRow("bad-ddd") << QByteArray("example.com. TXT \"\\256\"\n") << "line 1: \\DDD escape above 255";
        QTest::newRow("short-ddd") << QByteArray("example.com. TXT \"\\06\"\n") << "line 1: bad \\DDD escape";
        QTest::newRow("backslash-at-eol") << QByteArray("example.com. TXT abc\\\n") << "line 1: backslash at the end";
        QTest::newRow("unknown-directive") << QByteArray("$GENERATE 1-2 a$ A 192.0.2.$\n") << "line 1: unknown directive";
        QTest::newRow("include-refused") << QByteArray("\n$INCLUDE /etc/passwd\n") << "line 2: $INCLUDE is not supported";
        QTest::newRow("bad-dollar-ttl") << QByteArray("$TTL soon\n") << "line 1: bad $TTL";
        QTest::newRow("ttl-out-of-range") << QByteArray("example.com. 4294967296 A 192.0.2.1\n")
                                          << "line 1: TTL '4294967296' out of range";
        QTest::newRow("two-ttls") << QByteArray("example.com. 1 2 A 192.0.2.1\n") << "line 1: two TTLs";
        QTest::newRow("no-previous-owner") << QByteArray("   300 IN A 192.0.2.1\n") << "line 1: record without owner";
        QTest::newRow("label-over-63") << QByteArray(QByteArray(64, 'a') + ".example.com. A 192.0.2.1\n")
                                       << "line 1: label longer than 63";
        QTest::newRow("name-over-255")
            << QByteArray(QByteArray("$ORIGIN ") + (QByteArray(60, 'a') + '.').repeated(4) + "\nxxxxxxx.yyyyyyy A 192.0.2.1\n")
            << "line 2: domain name longer than 255";
        QTest::newRow("empty-label") << QByteArray("a..example.com. A 192.0.2.1\n") << "line 1: empty label";
        QTest::newRow("bad-mx-preference") << QByteArray("example.com. MX 70000 mail.example.com.\n")
                                           << "line 1: bad MX preference '70000'";
        QTest::newRow("quoted-name") << QByteArray("example.com. CNAME \"x.example.net.\"\n")
                                     << "line 1: a domain name cannot be quoted";
        QTest::newRow("odd-tlsa-hex") << QByteArray("example.com. TLSA 3 1 1 abc\n") << "line 1: TLSA data must be";
        QTest::newRow("generic-rdata-known-type") << QByteArray("example.com. A \\# 4 c0000201\n")
                                                  << "line 1: generic (\\#) rdata is not supported for A";
        QTest::newRow("error-after-parens-names-start-line")
            << QByteArray("a.example.com. A 192.0.2.1\nb.example.com. A (\n 192.0.2.1\n ) junk\n")
            << "line 2: unexpected";
    }

    void errors()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QString, message);
        ZoneResolver z;
        z.addAddress("keep.example.com", "192.0.2.99");
        auto n = z.loadMasterFile(zone.toStdString());
        QVERIFY(!n.ok());
        const QString got = q(n.error().message);
        QVERIFY2(got.contains(message), qPrintable(got));
        QVERIFY2(got.startsWith(QLatin1String("line ")), qPrintable(got));
        // All or nothing: the zone is unchanged.
        QCOMPARE(z.query("keep.example.com", RrType::A).status, DnsStatus::Ok);
        QCOMPARE(z.query("a.example.com", RrType::A).status, DnsStatus::NxDomain);
        QCOMPARE(z.query("b.example.com", RrType::A).status, DnsStatus::NxDomain);
    }

    void recordLimit()
    {
        MasterFileParser::Limits limits;
        limits.maxRecords = 2;
        const char text[] = "a.example.com. A 192.0.2.1\nb.example.com. RRSIG x\nc.example.com. A 192.0.2.3\n";
        auto r = MasterFileParser::parse(text, "", limits);
        QVERIFY(!r.ok());
        QCOMPARE(q(r.error().message), QStringLiteral("line 3: more than 2 records"));
        limits.maxRecords = 3;
        r = MasterFileParser::parse(text, "", limits);
        QVERIFY(r.ok());
        QCOMPARE(r->records.size(), size_t(2));
        QCOMPARE(r->ignored, 1);
        QCOMPARE(r->records[1].line, 3);

        limits.maxBytes = 10;
        r = MasterFileParser::parse(text, "", limits);
        QVERIFY(!r.ok());
    }

    /// Totality: mangled inputs never crash and every error names its line.
    void mangledInputs()
    {
        const std::string base = std::string(kCliExample) +
                                 "@ MX 10 mail\n_25._tcp.mail TLSA 3 1 1 ( ab\n cd )\n$TTL 1h\n\tIN TXT \"x\\\"y\\065\" ; c\n";
        {
            ZoneResolver z;
            auto n = z.loadMasterFile(base, "example.com");
            QVERIFY2(n.ok(), n.ok() ? "" : n.error().message.c_str());
            QCOMPARE(*n, 7);
        }
        std::mt19937 rng(1035);
        const char alphabet[] = "\"\\();$@. \t\n0123456789abcAIN";
        int errorsSeen = 0, okSeen = 0;
        for (int i = 0; i < 3000; ++i) {
            std::string s = base;
            const int edits = 1 + int(rng() % 4);
            for (int e = 0; e < edits && !s.empty(); ++e) {
                const size_t at = rng() % s.size();
                switch (rng() % 3) {
                case 0: s.erase(at, 1 + rng() % 3); break;
                case 1: s.insert(at, 1, alphabet[rng() % (sizeof alphabet - 1)]); break;
                default: s[at] = alphabet[rng() % (sizeof alphabet - 1)]; break;
                }
            }
            if (i % 7 == 0)
                s.resize(rng() % (s.size() + 1));
            ZoneResolver z;
            auto n = z.loadMasterFile(s, "example.com");
            if (n.ok()) {
                ++okSeen;
                QVERIFY(*n >= 0);
            } else {
                ++errorsSeen;
                QVERIFY2(n.error().message.rfind("line ", 0) == 0, n.error().message.c_str());
            }
        }
        QVERIFY(errorsSeen > 100);
        QVERIFY2(okSeen > 100, qPrintable(QStringLiteral("ok %1 errors %2").arg(okSeen).arg(errorsSeen)));
    }
};

QTEST_APPLESS_MAIN(tst_ZoneFile)
#include "tst_zonefile.moc"
