#include "ZoneResolver.h"

#include "Strings.h"

#include <arpa/inet.h>

namespace verifier {

std::string ZoneResolver::canonicalName(std::string_view name)
{
    std::string out = toLower(name);
    while (!out.empty() && out.back() == '.')
        out.pop_back();
    return out;
}

void ZoneResolver::add(std::string_view name, RrType type, DnsRecord record)
{
    std::string key = canonicalName(name);
    if (type == RrType::TXT || type == RrType::SPF) {
        if (record.text.empty() && !record.strings.empty()) {
            for (const auto &s : record.strings)
                record.text += s;
        }
    }
    m_records[{key, type}].push_back(std::move(record));
    // A name with records exists, and so do all its ancestors (empty non-terminals answer
    // NODATA, not NXDOMAIN: RFC 8020).
    std::string_view n = key;
    for (;;) {
        m_names.insert(std::string(n));
        size_t dot = n.find('.');
        if (dot == std::string_view::npos)
            break;
        n.remove_prefix(dot + 1);
    }
}

void ZoneResolver::addTxt(std::string_view name, std::vector<std::string> strings)
{
    DnsRecord r;
    r.strings = std::move(strings);
    add(name, RrType::TXT, std::move(r));
}

void ZoneResolver::addAddress(std::string_view name, std::string_view address)
{
    DnsRecord r;
    r.text = std::string(address);
    add(name, address.find(':') != std::string_view::npos ? RrType::AAAA : RrType::A, std::move(r));
}

void ZoneResolver::addMx(std::string_view name, uint16_t preference, std::string_view exchange)
{
    DnsRecord r;
    r.preference = preference;
    r.text = canonicalName(exchange);
    add(name, RrType::MX, std::move(r));
}

void ZoneResolver::setFailure(std::string_view name, DnsStatus status)
{
    m_failures[canonicalName(name)] = status;
}

DnsAnswer ZoneResolver::query(std::string_view name, RrType type) const
{
    DnsAnswer answer;
    answer.secure = m_secure;
    std::string key = canonicalName(name);
    for (int hops = 0; hops < 9; ++hops) {
        if (auto f = m_failures.find(key); f != m_failures.end()) {
            answer.status = f->second;
            answer.why = f->second == DnsStatus::Timeout ? "query timed out" : "server failure";
            answer.secure = false;
            return answer;
        }
        if (auto it = m_records.find({key, type}); it != m_records.end()) {
            answer.status = DnsStatus::Ok;
            answer.records = it->second;
            answer.ttl = 300;
            return answer;
        }
        if (type != RrType::CNAME) {
            if (auto c = m_records.find({key, RrType::CNAME}); c != m_records.end() && !c->second.empty()) {
                key = canonicalName(c->second.front().text);
                continue;
            }
        }
        answer.status = m_names.count(key) ? DnsStatus::NoData : DnsStatus::NxDomain;
        answer.ttl = 300;
        return answer;
    }
    answer.status = DnsStatus::ServFail;
    answer.why = "CNAME chain too long";
    answer.secure = false;
    return answer;
}

} // namespace verifier
