#include "ZoneResolver.h"

#include "DnsName.h"
#include "Strings.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstdint>

namespace verifier {

namespace {
constexpr uint32_t kDefaultTtl = 300;
}

uint32_t ZoneResolver::negativeTtl(const std::string &name) const
{
    // RFC 2308 §5: the negative TTL is the smaller of the SOA record's TTL and its MINIMUM field.
    std::string_view n = name;
    for (;;) {
        if (auto it = m_records.find({std::string(n), RrType::SOA}); it != m_records.end() && !it->second.empty()) {
            const DnsRecord &soa = it->second.front();
            const size_t sp = soa.text.rfind(' ');
            uint64_t minimum = 0;
            bool ok = sp != std::string::npos && sp + 1 < soa.text.size();
            for (size_t i = ok ? sp + 1 : soa.text.size(); i < soa.text.size() && ok; ++i) {
                if (soa.text[i] < '0' || soa.text[i] > '9' || minimum > UINT32_MAX)
                    ok = false;
                else
                    minimum = minimum * 10 + uint64_t(soa.text[i] - '0');
            }
            if (ok && minimum <= UINT32_MAX)
                return std::min(uint32_t(minimum), soa.ttl ? soa.ttl : kDefaultTtl);
            return kDefaultTtl;
        }
        if (n.empty())
            break;
        const size_t dot = n.find('.');
        n = dot == std::string_view::npos ? std::string_view() : n.substr(dot + 1);
    }
    return kDefaultTtl;
}

std::string ZoneResolver::canonicalName(std::string_view name)
{
    std::string out = toLower(name);
    while (!out.empty() && out.back() == '.')
        out.pop_back();
    return out;
}

std::string ZoneResolver::queryKey(std::string_view presentation)
{
    bool absolute = false;
    auto labels = DnsName::fromText(presentation, &absolute);
    return labels ? DnsName::toQueryText(*labels) : canonicalName(presentation);
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
            uint32_t ttl = UINT32_MAX;
            for (const auto &r : answer.records)
                ttl = std::min(ttl, r.ttl ? r.ttl : kDefaultTtl);
            answer.ttl = answer.records.empty() ? kDefaultTtl : ttl;
            return answer;
        }
        if (type != RrType::CNAME) {
            if (auto c = m_records.find({key, RrType::CNAME}); c != m_records.end() && !c->second.empty()) {
                key = queryKey(c->second.front().text);
                continue;
            }
        }
        answer.status = m_names.count(key) ? DnsStatus::NoData : DnsStatus::NxDomain;
        answer.ttl = negativeTtl(key);
        return answer;
    }
    answer.status = DnsStatus::ServFail;
    answer.why = "CNAME chain too long";
    answer.secure = false;
    return answer;
}

} // namespace verifier
