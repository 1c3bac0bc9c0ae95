#include "HistoricMethods.h"

#include "AdspRecord.h"
#include "DomainNameCheck.h"
#include "SenderIdRecord.h"
#include "Strings.h"

#include <map>
#include <utility>

namespace verifier {

namespace {

std::string domainFromProperty(std::string_view value)
{
    std::string_view v = trim(value);
    const size_t at = v.rfind('@');
    if (at != std::string_view::npos)
        v = v.substr(at + 1);
    while (!v.empty() && (v.back() == '>' || v.back() == '.'))
        v.remove_suffix(1);
    std::string d = toLower(v);
    return isPlausibleDomainName(d) ? d : std::string();
}

std::string methodDomain(const AuthMethodResult &m, std::string_view fromDomain)
{
    for (const char *key : {"header.from", "header.sender", "header.resent-from", "header.resent-sender", "header.d",
                            "header.i"}) {
        auto it = m.properties.find(key);
        if (it != m.properties.end()) {
            std::string d = domainFromProperty(it->second);
            if (!d.empty())
                return d;
        }
    }
    std::string d = toLower(fromDomain);
    return isPlausibleDomainName(d) ? d : std::string();
}

std::string_view historicName(std::string_view method)
{
    if (equalsIgnoreCase(method, "dkim-adsp"))
        return "ADSP (RFC 5617)";
    if (equalsIgnoreCase(method, "sender-id"))
        return "Sender ID (RFC 4406)";
    return "DomainKeys (RFC 4870)";
}

} // namespace

bool HistoricMethods::isHistoric(std::string_view method)
{
    return !replacedBy(method).empty();
}

std::string_view HistoricMethods::replacedBy(std::string_view method)
{
    if (equalsIgnoreCase(method, "dkim-adsp"))
        return "DMARC";
    if (equalsIgnoreCase(method, "sender-id"))
        return "SPF and DMARC";
    if (equalsIgnoreCase(method, "domainkeys"))
        return "DKIM";
    return {};
}

void HistoricMethods::lookUpAdsp(std::string_view domain, const Resolver &resolver, HistoricMethod &out)
{
    const DnsAnswer a = resolver.query("_adsp._domainkey." + std::string(domain), RrType::TXT);
    if (a.temporary()) {
        out.recordMeaning = "lookup failed (temporary)";
        return;
    }
    for (const DnsRecord &rec : a.records) {
        if (auto adsp = AdspRecord::parse(rec.text)) {
            out.record = escapeForDisplay(rec.text);
            out.recordMeaning = "dkim=" + std::string(AdspRecord::practiceName(adsp->practice));
            return;
        }
    }
    out.recordMeaning = "no ADSP record";
}

void HistoricMethods::lookUpSenderId(std::string_view domain, const Resolver &resolver, HistoricMethod &out)
{
    const DnsAnswer a = resolver.query(domain, RrType::TXT);
    if (a.temporary()) {
        out.recordMeaning = "lookup failed (temporary)";
        return;
    }
    for (const DnsRecord &rec : a.records) {
        if (auto sid = SenderIdRecord::parse(rec.text)) {
            out.record = escapeForDisplay(rec.text);
            out.recordMeaning = sid->versionAndScopes();
            return;
        }
    }
    out.recordMeaning = "no Sender ID record";
}

std::vector<HistoricMethod> HistoricMethods::recognise(const std::vector<AuthResultsHeader> &headers,
                                                       std::string_view fromDomain, const Resolver *resolver)
{
    std::vector<HistoricMethod> out;
    std::map<std::pair<std::string, std::string>, HistoricMethod> looked; // (method, domain) → record
    size_t lookups = 0;
    for (const AuthResultsHeader &h : headers) {
        for (const AuthMethodResult &m : h.methods) {
            if (!isHistoric(m.method) || out.size() >= kMaxEntries)
                continue;
            HistoricMethod x;
            x.method = toLower(m.method);
            x.result = escapeForDisplay(toLower(m.result));
            x.reportedBy = h.authservId;
            x.trusted = h.trusted;
            x.replacedBy = std::string(replacedBy(m.method));
            x.reason = x.method + "=" + x.result + " reported by " + (h.authservId.empty() ? "?" : h.authservId) +
                       (h.trusted ? "" : " (not trusted)") + "; " + std::string(historicName(m.method)) +
                       " is historic, replaced by " + x.replacedBy;
            if (x.method != "domainkeys")
                x.domain = methodDomain(m, fromDomain);
            if (resolver && !x.domain.empty()) {
                const auto key = std::make_pair(x.method, x.domain);
                auto it = looked.find(key);
                if (it != looked.end()) {
                    x.record = it->second.record;
                    x.recordMeaning = it->second.recordMeaning;
                } else if (lookups < kMaxLookups) {
                    ++lookups;
                    if (x.method == "dkim-adsp")
                        lookUpAdsp(x.domain, *resolver, x);
                    else
                        lookUpSenderId(x.domain, *resolver, x);
                    looked.emplace(key, x);
                }
            }
            out.push_back(std::move(x));
        }
    }
    return out;
}

} // namespace verifier
