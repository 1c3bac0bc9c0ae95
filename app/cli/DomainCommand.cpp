// `sealcheck-cli domain DOMAIN` (CLI.md): how well a sending domain protects its mail.
//
//   sealcheck-cli domain DOMAIN [--json] [--dns-zone FILE]... [--resolver ADDR[@PORT]]
//                        [--dkim-selector SEL]... [--no-fetch]
//
// The DNS checks are verifier::PostureAssessor; the MTA-STS policy is fetched over HTTPS by
// sealcheck::MtaStsFetcher unless --no-fetch or --dns-zone (zone files mean "offline").
// Exit status: 0 when the domain was assessed, whatever its grade; 75 (EX_TEMPFAIL) when DNS did
// not answer a lookup the grade rests on (MX, SPF, DMARC: the domain is *not checked*, no grade is
// given, try again); 2 for bad usage, an invalid domain, an unreadable zone file or a resolver
// that cannot be set up.
//
// JSON (--json): one object, stable keys (add freely, never rename or drop):
//   domain, exists (bool), grade ("A".."F", null when not checked), grade_reasons [string],
//   not_checked (bool), error (string: why it was not checked, "" otherwise),
//   mx [{host, preference}], null_mx (bool), mx_dnssec (bool),
//   checks: {spf, dmarc, dkim, mta_sts, tls_rpt, dane, bimi}, each with
//     result ("good"|"weak"|"missing"|"broken"|"unknown"), summary, notes [string], fixes [string],
//     dnssec (bool: the answer the check rests on was DNSSEC-validated)
//   and per check:
//     spf:     record, valid, dns_lookups, lookup_limit, void_lookups, all ("-all"|"~all"|"?all"|"+all"|""),
//              all_from, includes [{domain, via ("include"|"redirect"), state ("ok"|"missing"|"broken"|
//              "temperror"|"not_followed"), detail}]
//     dmarc:   record, record_domain, org_domain, policy, subdomain_policy, non_existent_policy (np=),
//              non_existent_effective_policy (np=, else sp=, else p=), effective_policy, pct (int|null),
//              testing, adkim ("relaxed"|"strict"), aspf, rua [string], ruf [string], enforcing
//     dkim:    selectors [{selector, result, key_type, key_bits, testing, revoked, dnssec, summary}]
//     mta_sts: record, id, record_valid, fetch ("not_attempted"|"fetched"|"failed"), fetch_error,
//              fetch_failure ("none"|"invalid_domain"|"certificate"|"connection"|"timeout"|"http_status"|
//              "redirect"|"content_type"|"too_large"), policy_valid, mode ("enforce"|"testing"|"none"|""), max_age (int|null), mx_patterns [string],
//              unmatched_mx [string]
//     tls_rpt: record, rua [string]
//     dane:    mx_dnssec, hosts [{host, tlsa_records, dnssec, tlsa [string]}]
//     bimi:    record, logo, authority, shown

#include "DomainPostureRunner.h"
#include "VerifyCommand.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace sealcheck::cli {

namespace {

constexpr int kExitTempFail = 75; // EX_TEMPFAIL (sysexits.h): not checked, try again

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QJsonArray strings(const std::vector<std::string> &list)
{
    QJsonArray a;
    for (const std::string &s : list)
        a.append(q(s));
    return a;
}

QJsonObject common(const verifier::PostureCheck &c)
{
    QJsonObject o;
    o.insert(QStringLiteral("result"), q(std::string(verifier::postureRatingName(c.rating))));
    o.insert(QStringLiteral("summary"), q(c.summary));
    o.insert(QStringLiteral("notes"), strings(c.notes));
    o.insert(QStringLiteral("fixes"), strings(c.fixes));
    o.insert(QStringLiteral("dnssec"), c.dnssec);
    return o;
}

QJsonObject toJson(const verifier::DomainPosture &p)
{
    QJsonObject spf = common(p.spf);
    spf.insert(QStringLiteral("record"), q(p.spf.record));
    spf.insert(QStringLiteral("valid"), p.spf.valid);
    spf.insert(QStringLiteral("dns_lookups"), p.spf.dnsLookups);
    spf.insert(QStringLiteral("lookup_limit"), p.spf.lookupLimit);
    spf.insert(QStringLiteral("void_lookups"), p.spf.voidLookups);
    spf.insert(QStringLiteral("all"), q(p.spf.all));
    spf.insert(QStringLiteral("all_from"), q(p.spf.allFrom));
    QJsonArray includes;
    for (const auto &inc : p.spf.includes) {
        includes.append(QJsonObject{{QStringLiteral("domain"), q(inc.domain)},
                                    {QStringLiteral("via"), q(inc.via)},
                                    {QStringLiteral("state"), q(std::string(verifier::spfIncludeStateName(inc.state)))},
                                    {QStringLiteral("detail"), q(inc.detail)}});
    }
    spf.insert(QStringLiteral("includes"), includes);

    QJsonObject dmarc = common(p.dmarc);
    dmarc.insert(QStringLiteral("record"), q(p.dmarc.record));
    dmarc.insert(QStringLiteral("record_domain"), q(p.dmarc.recordDomain));
    dmarc.insert(QStringLiteral("org_domain"), q(p.dmarc.orgDomain));
    dmarc.insert(QStringLiteral("policy"), q(p.dmarc.policy));
    dmarc.insert(QStringLiteral("subdomain_policy"), q(p.dmarc.subdomainPolicy));
    dmarc.insert(QStringLiteral("non_existent_policy"), q(p.dmarc.nonExistentPolicy));
    dmarc.insert(QStringLiteral("non_existent_effective_policy"), q(p.dmarc.nonExistentEffectivePolicy));
    dmarc.insert(QStringLiteral("effective_policy"), q(p.dmarc.effectivePolicy));
    dmarc.insert(QStringLiteral("pct"), p.dmarc.pct ? QJsonValue(*p.dmarc.pct) : QJsonValue(QJsonValue::Null));
    dmarc.insert(QStringLiteral("testing"), p.dmarc.testing);
    dmarc.insert(QStringLiteral("adkim"), q(p.dmarc.dkimAlignment));
    dmarc.insert(QStringLiteral("aspf"), q(p.dmarc.spfAlignment));
    dmarc.insert(QStringLiteral("rua"), strings(p.dmarc.rua));
    dmarc.insert(QStringLiteral("ruf"), strings(p.dmarc.ruf));
    dmarc.insert(QStringLiteral("enforcing"), p.dmarc.enforcing);

    QJsonObject dkim = common(p.dkim);
    QJsonArray selectors;
    for (const auto &s : p.dkim.selectors) {
        selectors.append(QJsonObject{{QStringLiteral("selector"), q(s.selector)},
                                     {QStringLiteral("result"), q(std::string(verifier::postureRatingName(s.rating)))},
                                     {QStringLiteral("key_type"), q(s.keyType)},
                                     {QStringLiteral("key_bits"), s.keyBits},
                                     {QStringLiteral("testing"), s.testing},
                                     {QStringLiteral("revoked"), s.revoked},
                                     {QStringLiteral("dnssec"), s.dnssec},
                                     {QStringLiteral("summary"), q(s.summary)}});
    }
    dkim.insert(QStringLiteral("selectors"), selectors);

    QJsonObject sts = common(p.mtaSts);
    sts.insert(QStringLiteral("record"), q(p.mtaSts.record));
    sts.insert(QStringLiteral("id"), q(p.mtaSts.id));
    sts.insert(QStringLiteral("record_valid"), p.mtaSts.recordValid);
    sts.insert(QStringLiteral("fetch"), q(std::string(verifier::mtaStsFetchName(p.mtaSts.fetch))));
    sts.insert(QStringLiteral("fetch_error"), q(p.mtaSts.fetchError));
    sts.insert(QStringLiteral("fetch_failure"), q(std::string(verifier::mtaStsFetchFailureName(p.mtaSts.fetchFailure))));
    sts.insert(QStringLiteral("policy_valid"), p.mtaSts.policyValid);
    sts.insert(QStringLiteral("mode"), q(p.mtaSts.mode));
    sts.insert(QStringLiteral("max_age"),
               p.mtaSts.maxAge ? QJsonValue(static_cast<qint64>(*p.mtaSts.maxAge)) : QJsonValue(QJsonValue::Null));
    sts.insert(QStringLiteral("mx_patterns"), strings(p.mtaSts.mxPatterns));
    sts.insert(QStringLiteral("unmatched_mx"), strings(p.mtaSts.unmatchedMx));

    QJsonObject tlsrpt = common(p.tlsRpt);
    tlsrpt.insert(QStringLiteral("record"), q(p.tlsRpt.record));
    tlsrpt.insert(QStringLiteral("rua"), strings(p.tlsRpt.rua));

    QJsonObject dane = common(p.dane);
    dane.insert(QStringLiteral("mx_dnssec"), p.dane.mxSecure);
    QJsonArray hosts;
    for (const auto &h : p.dane.hosts) {
        hosts.append(QJsonObject{{QStringLiteral("host"), q(h.host)},
                                 {QStringLiteral("tlsa_records"), h.tlsaRecords},
                                 {QStringLiteral("dnssec"), h.secure},
                                 {QStringLiteral("tlsa"), strings(h.tlsa)}});
    }
    dane.insert(QStringLiteral("hosts"), hosts);

    QJsonObject bimi = common(p.bimi);
    bimi.insert(QStringLiteral("record"), q(p.bimi.record));
    bimi.insert(QStringLiteral("logo"), q(p.bimi.logo));
    bimi.insert(QStringLiteral("authority"), q(p.bimi.authority));
    bimi.insert(QStringLiteral("shown"), p.bimi.shown);

    QJsonArray mx;
    for (const auto &m : p.mx)
        mx.append(QJsonObject{{QStringLiteral("host"), q(m.host)}, {QStringLiteral("preference"), m.preference}});

    QJsonObject o;
    o.insert(QStringLiteral("domain"), q(p.domain));
    o.insert(QStringLiteral("exists"), p.domainExists);
    o.insert(QStringLiteral("grade"), p.notChecked.empty() ? QJsonValue(q(std::string(verifier::postureGradeName(p.grade))))
                                                          : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("not_checked"), !p.notChecked.empty());
    o.insert(QStringLiteral("error"), q(p.notChecked));
    o.insert(QStringLiteral("grade_reasons"), strings(p.gradeReasons));
    o.insert(QStringLiteral("mx"), mx);
    o.insert(QStringLiteral("null_mx"), p.nullMx);
    o.insert(QStringLiteral("mx_dnssec"), p.mxSecure);
    o.insert(QStringLiteral("checks"), QJsonObject{{QStringLiteral("spf"), spf},
                                                   {QStringLiteral("dmarc"), dmarc},
                                                   {QStringLiteral("dkim"), dkim},
                                                   {QStringLiteral("mta_sts"), sts},
                                                   {QStringLiteral("tls_rpt"), tlsrpt},
                                                   {QStringLiteral("dane"), dane},
                                                   {QStringLiteral("bimi"), bimi}});
    return o;
}

void printCheck(FILE *out, const char *name, const verifier::PostureCheck &c, const std::string &record)
{
    std::fprintf(out, "\n%-8s %-8s %s\n", name, std::string(verifier::postureRatingName(c.rating)).c_str(),
                 c.summary.c_str());
    if (!record.empty())
        std::fprintf(out, "%17s record: %s%s\n", "", record.c_str(), c.dnssec ? " (DNSSEC)" : " (not DNSSEC-validated)");
    for (const std::string &n : c.notes)
        std::fprintf(out, "%17s note:   %s\n", "", n.c_str());
    for (const std::string &f : c.fixes)
        std::fprintf(out, "%17s fix:    %s\n", "", f.c_str());
}

void printText(FILE *out, const verifier::DomainPosture &p)
{
    if (!p.notChecked.empty()) {
        // No grade and no MX line: both would be read from answers that never came.
        std::fprintf(out, "Domain %s: not checked\n  %s\n", p.domain.c_str(), p.notChecked.c_str());
        return;
    }
    std::fprintf(out, "Domain %s: grade %s\n", p.domain.c_str(), std::string(verifier::postureGradeName(p.grade)).c_str());
    for (const std::string &r : p.gradeReasons)
        std::fprintf(out, "  - %s\n", r.c_str());
    if (p.nullMx) {
        std::fprintf(out, "MX: none (null MX: the domain accepts no mail)\n");
    } else if (p.mx.empty()) {
        std::fprintf(out, "MX: none\n");
    } else {
        std::fprintf(out, "MX:");
        for (const auto &m : p.mx)
            std::fprintf(out, " %u %s%s", m.preference, m.host.c_str(), &m == &p.mx.back() ? "" : ",");
        std::fprintf(out, "%s\n", p.mxSecure ? " (DNSSEC)" : "");
    }
    printCheck(out, "SPF", p.spf, p.spf.record);
    for (const auto &inc : p.spf.includes) {
        if (inc.state != verifier::SpfIncludeStatus::State::Ok)
            continue;
        std::fprintf(out, "%17s %s %s: ok\n", "", inc.via.c_str(), inc.domain.c_str());
    }
    printCheck(out, "DMARC", p.dmarc, p.dmarc.record);
    printCheck(out, "DKIM", p.dkim, {});
    for (const auto &s : p.dkim.selectors)
        std::fprintf(out, "%17s %s: %s %s\n", "", s.selector.c_str(),
                     std::string(verifier::postureRatingName(s.rating)).c_str(), s.summary.c_str());
    printCheck(out, "MTA-STS", p.mtaSts, p.mtaSts.record);
    if (p.mtaSts.policyValid) {
        std::string patterns;
        for (const auto &m : p.mtaSts.mxPatterns)
            patterns += (patterns.empty() ? "" : ", ") + m;
        std::fprintf(out, "%17s policy: mode %s, max_age %lld, mx %s\n", "", p.mtaSts.mode.c_str(),
                     static_cast<long long>(p.mtaSts.maxAge.value_or(0)), patterns.c_str());
    }
    printCheck(out, "TLS-RPT", p.tlsRpt, p.tlsRpt.record);
    printCheck(out, "DANE", p.dane, {});
    for (const auto &h : p.dane.hosts)
        std::fprintf(out, "%17s %s: %d TLSA%s\n", "", h.host.c_str(), h.tlsaRecords,
                     h.tlsaRecords ? (h.secure ? " (DNSSEC)" : " (not DNSSEC-validated)") : "");
    printCheck(out, "BIMI", p.bimi, p.bimi.record);
}

} // namespace

int runDomain(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("How well a sending domain protects its mail."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("json"), QStringLiteral("One JSON object.")},
        {QStringLiteral("dns-zone"), QStringLiteral("Answer DNS from this zone file only (repeatable); "
                                                    "the MTA-STS policy is then not fetched."),
         QStringLiteral("FILE")},
        {QStringLiteral("resolver"), QStringLiteral("Ask this DNS server instead of the system's."),
         QStringLiteral("ADDR[@PORT]")},
        dnsTimeoutOption(),
        {QStringLiteral("dkim-selector"),
         QStringLiteral("Check the DKIM key of this selector (repeatable; selectors cannot be listed)."),
         QStringLiteral("SEL")},
        {QStringLiteral("no-fetch"), QStringLiteral("Do not fetch the MTA-STS policy over HTTPS.")},
    });
    parser.addPositionalArgument(QStringLiteral("DOMAIN"), QStringLiteral("The domain to assess."));
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "sealcheck-cli domain: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(commandHelp(parser, QStringLiteral("domain"))), stdout);
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        std::fprintf(stderr, "sealcheck-cli domain: give exactly one DOMAIN\n");
        return 2;
    }
    ResolverOptions resolverOptions;
    for (const QString &f : parser.values(QStringLiteral("dns-zone")))
        resolverOptions.zoneFiles.push_back(f.toStdString());
    resolverOptions.server = parser.value(QStringLiteral("resolver")).toStdString();
    if (!resolverOptions.zoneFiles.empty() && !resolverOptions.server.empty()) {
        std::fprintf(stderr, "sealcheck-cli domain: --dns-zone and --resolver exclude each other\n");
        return 2;
    }
    if (QString error; !readDnsTimeout(parser, resolverOptions, error)) {
        std::fprintf(stderr, "sealcheck-cli domain: %s\n", qPrintable(error));
        return 2;
    }
    auto resolver = makeResolver(resolverOptions);
    if (!resolver) {
        std::fprintf(stderr, "sealcheck-cli domain: %s\n", resolver.error().message.c_str());
        return 2;
    }

    DomainPostureRequest request;
    request.domain = positional.front();
    for (const QString &s : parser.values(QStringLiteral("dkim-selector")))
        request.posture.dkimSelectors.push_back(s.toStdString());
    request.posture.now = QDateTime::currentSecsSinceEpoch(); // only for a suggested MTA-STS id=
    request.fetchMtaStsPolicy = !parser.isSet(QStringLiteral("no-fetch")) && resolverOptions.zoneFiles.empty();

    auto posture = DomainPostureRunner::run(request, **resolver);
    if (!posture) {
        std::fprintf(stderr, "sealcheck-cli domain: %s\n", posture.error().message.c_str());
        return 2;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        const QByteArray json = QJsonDocument(toJson(*posture)).toJson(QJsonDocument::Compact);
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
        std::fputc('\n', stdout);
    } else {
        printText(stdout, *posture);
    }
    if (!posture->notChecked.empty()) {
        std::fprintf(stderr, "sealcheck-cli domain: %s: %s\n", posture->domain.c_str(), posture->notChecked.c_str());
        return kExitTempFail;
    }
    return 0;
}

} // namespace sealcheck::cli
