#include "RememberingResolver.h"

#include "KeyMemory.h"
#include "Strings.h"

namespace sealcheck {

RememberingResolver::RememberingResolver(const verifier::Resolver &upstream, std::map<Key, RememberedRecord> remembered)
    : m_upstream(upstream)
    , m_remembered(std::move(remembered))
{
}

std::optional<RememberingResolver::Key> RememberingResolver::splitKeyName(std::string_view name)
{
    std::string n = verifier::toLower(name);
    while (!n.empty() && n.back() == '.')
        n.pop_back();
    static constexpr std::string_view kLabel = "._domainkey.";
    const size_t at = n.find(kLabel);
    if (at == std::string::npos || at == 0 || at + kLabel.size() >= n.size())
        return std::nullopt;
    return Key{n.substr(at + kLabel.size()), n.substr(0, at)};
}

verifier::DnsAnswer RememberingResolver::query(std::string_view name, verifier::RrType type) const
{
    verifier::DnsAnswer answer = m_upstream.query(name, type);
    if (type != verifier::RrType::TXT || m_remembered.empty())
        return answer;
    const auto key = splitKeyName(name);
    if (!key)
        return answer;
    const auto it = m_remembered.find(*key);
    if (it == m_remembered.end())
        return answer;

    bool revoked = false;
    switch (answer.status) {
    case verifier::DnsStatus::NxDomain:
    case verifier::DnsStatus::NoData:
        break;
    case verifier::DnsStatus::Ok: {
        bool anyKey = false;
        for (const verifier::DnsRecord &r : answer.records) {
            if (KeyMemory::isRevokedRecord(r.text))
                revoked = true;
            else if (KeyMemory::hasPublicKey(r.text))
                anyKey = true;
        }
        if (anyKey || !revoked)
            return answer; // a published key (or no key record at all): the verifier decides
        break;
    }
    case verifier::DnsStatus::ServFail:
    case verifier::DnsStatus::Timeout:
        return answer;
    }

    verifier::DnsAnswer remembered;
    remembered.status = verifier::DnsStatus::Ok;
    remembered.secure = false;
    remembered.ttl = 0;
    verifier::DnsRecord record;
    record.text = it->second.record;
    for (size_t i = 0; i < record.text.size(); i += 255)
        record.strings.push_back(record.text.substr(i, 255));
    remembered.records.push_back(std::move(record));
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_notes.push_back(Note{key->first, key->second, answer.status, revoked, it->second});
    }
    return remembered;
}

std::vector<RememberingResolver::Note> RememberingResolver::notes() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_notes;
}

std::optional<RememberingResolver::Note> RememberingResolver::noteFor(std::string_view domain, std::string_view selector) const
{
    std::string d = verifier::toLower(domain), s = verifier::toLower(selector);
    while (!d.empty() && d.back() == '.')
        d.pop_back();
    std::lock_guard<std::mutex> lock(m_mutex);
    for (const Note &n : m_notes) {
        if (n.domain == d && n.selector == s)
            return n;
    }
    return std::nullopt;
}

} // namespace sealcheck
