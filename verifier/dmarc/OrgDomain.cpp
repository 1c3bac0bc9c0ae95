#include "OrgDomain.h"

#include "Strings.h"

namespace verifier {

namespace {

std::vector<std::string> labelsOf(std::string_view domain)
{
    std::vector<std::string> out;
    for (auto l : split(domain, '.'))
        out.emplace_back(l);
    return out;
}

std::string joinFrom(const std::vector<std::string> &labels, size_t first)
{
    std::string out;
    for (size_t i = first; i < labels.size(); ++i) {
        if (!out.empty())
            out += '.';
        out += labels[i];
    }
    return out;
}

bool allDigits(std::string_view s)
{
    if (s.empty())
        return false;
    for (char c : s)
        if (!isDigit(c))
            return false;
    return true;
}

} // namespace

OrgDomain::OrgDomain(const Resolver &resolver, const PublicSuffixList &psl) : m_resolver(resolver), m_psl(psl) {}

bool OrgDomain::isValidDomain(std::string_view domain)
{
    if (domain.empty() || domain.size() > 253)
        return false;
    for (auto label : split(domain, '.')) {
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
            return false;
        for (char c : label)
            if (!(isAlpha(c) || isDigit(c) || c == '-' || c == '_'))
                return false;
    }
    return true;
}

const DmarcLookup &OrgDomain::lookup(std::string_view domain) const
{
    const std::string name = "_dmarc." + toLower(domain);
    auto it = m_cache.find(name);
    if (it != m_cache.end())
        return it->second;
    m_log.push_back(name);
    DmarcLookup result;
    DnsAnswer answer = m_resolver.query(name, RrType::TXT);
    result.status = answer.status;
    result.why = answer.why;
    if (answer.ok()) {
        for (const auto &rr : answer.records) {
            std::string text;
            for (const auto &s : rr.strings)
                text += s;
            if (rr.strings.empty())
                text = rr.text;
            auto parsed = parseDmarcRecord(text);
            if (parsed)
                result.records.push_back(std::move(parsed).value());
        }
    }
    return m_cache.emplace(name, std::move(result)).first->second;
}

TreeWalk OrgDomain::walk(std::string_view domainIn) const
{
    TreeWalk w;
    w.startDomain = toLower(domainIn);
    const auto labels = labelsOf(w.startDomain);
    const size_t n = labels.size();

    struct Found { std::string domain; DmarcRecord record; size_t labels; };
    std::vector<Found> found;
    bool startHasRecord = false;
    std::optional<Found> stopRecord;

    // Targets: the start, then min(n-1, 7) labels, then one label fewer each time (§4.10 steps 3-8).
    std::vector<size_t> firstLabel{0};
    if (n > 1 && !allDigits(labels.back())) {
        size_t keep = n - 1 < 7 ? n - 1 : 7;
        for (; keep >= 1; --keep)
            firstLabel.push_back(n - keep);
    }
    for (size_t idx = 0; idx < firstLabel.size(); ++idx) {
        const std::string target = joinFrom(labels, firstLabel[idx]);
        w.queried.push_back("_dmarc." + target);
        const DmarcLookup &l = lookup(target);
        if (l.status == DnsStatus::ServFail || l.status == DnsStatus::Timeout) {
            w.tempError = true;
            w.failure = l.status;
            w.failedName = "_dmarc." + target;
            return w;
        }
        if (l.records.size() > 1) {
            w.notes.push_back("several DMARC records at _dmarc." + target + ": all discarded");
            continue;
        }
        if (l.records.empty())
            continue;
        Found f{target, l.records.front(), n - firstLabel[idx]};
        if (idx == 0)
            startHasRecord = true;
        found.push_back(f);
        if (f.record.psd == DmarcPsd::No || f.record.psd == DmarcPsd::Yes) {
            stopRecord = f;
            break;
        }
    }

    // §4.10.2 organisational domain.
    if (stopRecord && stopRecord->record.psd == DmarcPsd::No) {
        w.orgDomain = stopRecord->domain;
    } else if (stopRecord && stopRecord->record.psd == DmarcPsd::Yes && stopRecord->domain != w.startDomain) {
        w.psdDomain = stopRecord->domain;
        w.orgDomain = joinFrom(labels, n - stopRecord->labels - 1);
    } else if (!found.empty()) {
        w.orgDomain = found.back().domain; // found in walking order: the last has the fewest labels
    } else {
        w.orgDomain = w.startDomain;
    }

    // §4.10.1 the record that applies: the start domain's, else the organisational domain's,
    // else the public suffix domain's (psd=y).
    auto at = [&](const std::string &d) -> const Found * {
        for (const auto &f : found)
            if (f.domain == d)
                return &f;
        return nullptr;
    };
    const Found *use = startHasRecord ? &found.front() : at(w.orgDomain);
    if (!use && !w.psdDomain.empty())
        use = at(w.psdDomain);
    if (use) {
        w.record = use->record;
        w.recordDomain = use->domain;
    }
    return w;
}

Rfc7489Discovery OrgDomain::discoverRfc7489(std::string_view domainIn) const
{
    Rfc7489Discovery d;
    const std::string domain = toLower(domainIn);
    d.orgDomain = m_psl.organisationalDomain(domain);
    auto one = [&](const std::string &name) -> int { // 1 found, 0 none, -1 stop
        const DmarcLookup &l = lookup(name);
        if (l.status == DnsStatus::ServFail || l.status == DnsStatus::Timeout) {
            d.tempError = true;
            return -1;
        }
        if (l.records.size() > 1) {
            d.note = "several DMARC records at _dmarc." + name;
            return -1;
        }
        if (l.records.size() == 1) {
            d.record = l.records.front();
            d.recordDomain = name;
            return 1;
        }
        return 0;
    };
    int r = one(domain);
    if (r == 0 && d.orgDomain != domain)
        one(d.orgDomain);
    return d;
}

std::optional<bool> OrgDomain::aligned(std::string_view authorDomain, std::string_view other, DmarcAlignmentMode mode) const
{
    const std::string a = toLower(authorDomain), b = toLower(other);
    if (a == b)
        return true;
    if (mode == DmarcAlignmentMode::Strict || !isValidDomain(a) || !isValidDomain(b))
        return false;
    // Relaxed: the organisational domains must be equal; each is the name itself or one of its
    // ancestors, so names without a common ancestor need no DNS.
    const auto la = labelsOf(a), lb = labelsOf(b);
    if (la.back() != lb.back())
        return false;
    TreeWalk wa = walk(a);
    if (wa.tempError)
        return std::nullopt;
    TreeWalk wb = walk(b);
    if (wb.tempError)
        return std::nullopt;
    return wa.orgDomain == wb.orgDomain;
}

bool OrgDomain::alignedPsl(std::string_view authorDomain, std::string_view other, DmarcAlignmentMode mode,
                           const PublicSuffixList &psl)
{
    const std::string a = toLower(authorDomain), b = toLower(other);
    if (!isValidDomain(a) || !isValidDomain(b))
        return false;
    if (a == b)
        return true;
    if (mode == DmarcAlignmentMode::Strict)
        return false;
    return psl.organisationalDomain(a) == psl.organisationalDomain(b);
}

} // namespace verifier
