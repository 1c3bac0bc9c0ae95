#include "SpfLookupCounter.h"

#include "OrgDomain.h"
#include "Strings.h"

#include <algorithm>

namespace verifier {

std::string_view spfIncludeStateName(SpfIncludeStatus::State state)
{
    switch (state) {
    case SpfIncludeStatus::State::Ok:
        return "ok";
    case SpfIncludeStatus::State::Missing:
        return "missing";
    case SpfIncludeStatus::State::Broken:
        return "broken";
    case SpfIncludeStatus::State::TempError:
        return "temperror";
    case SpfIncludeStatus::State::NotFollowed:
        return "not_followed";
    }
    return "ok";
}

namespace {

std::string qualifierText(SpfQualifier q)
{
    switch (q) {
    case SpfQualifier::Pass:
        return "+";
    case SpfQualifier::Fail:
        return "-";
    case SpfQualifier::SoftFail:
        return "~";
    case SpfQualifier::Neutral:
        return "?";
    }
    return "+";
}

std::string canonical(std::string_view name)
{
    std::string n = toLower(name);
    while (!n.empty() && n.back() == '.')
        n.pop_back();
    return n;
}

struct Fetched
{
    DnsStatus status = DnsStatus::NxDomain;
    bool secure = false;
    int count = 0;
    std::string text;
    std::optional<SpfRecord> record;
    std::string error;
};

// The walk's shared state: the bounds of the whole tree.
struct Walk
{
    const Resolver &resolver;
    SpfTree &tree;
    int records = 0;
    int queries = 0;
    std::vector<std::string> path;

    DnsAnswer query(std::string_view name, RrType type)
    {
        if (queries >= SpfLookupCounter::kMaxQueries) {
            tree.truncated = true;
            DnsAnswer a;
            a.status = DnsStatus::ServFail;
            a.why = "query budget spent";
            return a;
        }
        ++queries;
        return resolver.query(name, type);
    }

    Fetched fetch(std::string_view domain)
    {
        Fetched f;
        ++records;
        const DnsAnswer a = query(domain, RrType::TXT);
        f.status = a.status;
        f.secure = a.secure;
        if (!a.ok())
            return f;
        for (const DnsRecord &r : a.records) {
            if (!isSpfRecord(r.text))
                continue;
            if (f.count++ == 0)
                f.text = r.text;
        }
        if (f.count == 1) {
            auto parsed = parseSpfRecord(f.text);
            if (parsed)
                f.record = std::move(*parsed);
            else
                f.error = parsed.error().message;
        }
        return f;
    }

    // Counts the void lookups of an a/mx term whose target holds no macro.
    void probeTarget(const SpfTerm &term, std::string_view currentDomain)
    {
        const std::string target = term.value.empty() ? std::string(currentDomain) : canonical(term.value);
        if (target.find('%') != std::string::npos)
            return;
        if (term.kind == SpfMechanismKind::A) {
            const DnsAnswer a4 = query(target, RrType::A);
            const DnsAnswer a6 = query(target, RrType::AAAA);
            if (!a4.ok() && !a6.ok() && !a4.temporary() && !a6.temporary())
                ++tree.voidLookups;
        } else if (term.kind == SpfMechanismKind::Mx) {
            const DnsAnswer mx = query(target, RrType::MX);
            if (mx.status == DnsStatus::NxDomain || mx.status == DnsStatus::NoData)
                ++tree.voidLookups;
            else if (mx.ok() && mx.records.size() > 10)
                tree.notes.push_back(term.text + " in the record of " + std::string(currentDomain) + " names " +
                                     std::to_string(mx.records.size()) +
                                     " MX hosts; more than 10 is an error (RFC 7208 §4.6.4)");
        }
    }

    // Walks one record (already fetched) and everything it includes.
    void walkRecord(const std::string &domain, const SpfRecord &record, bool topLevel)
    {
        tree.dnsLookups += record.dnsLookupTerms();
        path.push_back(domain);
        for (const SpfTerm &term : record.mechanisms) {
            switch (term.kind) {
            case SpfMechanismKind::Include:
                follow(canonical(term.value), "include");
                break;
            case SpfMechanismKind::A:
            case SpfMechanismKind::Mx:
                probeTarget(term, domain);
                break;
            case SpfMechanismKind::Ptr:
                tree.notes.push_back("the record of " + domain + " uses '" + term.text +
                                     "', which is slow, unreliable and discouraged (RFC 7208 §5.5)");
                break;
            case SpfMechanismKind::All:
            case SpfMechanismKind::Ip4:
            case SpfMechanismKind::Ip6:
            case SpfMechanismKind::Exists:
                break;
            }
        }
        // redirect= is ignored when the record has an all (§6.1).
        if (record.redirect && !record.allTerm()) {
            const std::string target = canonical(*record.redirect);
            const std::optional<SpfRecord> reached = follow(target, "redirect");
            if (topLevel && reached) {
                if (const SpfTerm *all = reached->allTerm()) {
                    tree.all = qualifierText(all->qualifier) + "all";
                    tree.allFrom = target;
                }
            }
        }
        path.pop_back();
    }

    // Follows an include/redirect target; returns its record when it was walked.
    std::optional<SpfRecord> follow(const std::string &target, const char *via)
    {
        SpfIncludeStatus status;
        status.domain = target;
        status.via = via;
        if (target.find('%') != std::string::npos) {
            status.state = SpfIncludeStatus::State::NotFollowed;
            status.detail = "holds a macro, expanded per message";
            tree.includes.push_back(status);
            return std::nullopt;
        }
        if (!OrgDomain::isValidDomain(target)) {
            status.state = SpfIncludeStatus::State::Broken;
            status.detail = "not a valid domain name";
            tree.includes.push_back(status);
            return std::nullopt;
        }
        if (std::find(path.begin(), path.end(), target) != path.end()) {
            status.state = SpfIncludeStatus::State::Broken;
            status.detail = "loops back to a record that includes it";
            tree.includes.push_back(status);
            return std::nullopt;
        }
        if (records >= SpfLookupCounter::kMaxRecords) {
            tree.truncated = true;
            status.state = SpfIncludeStatus::State::NotFollowed;
            status.detail = "too many records to follow";
            tree.includes.push_back(status);
            return std::nullopt;
        }
        const Fetched f = fetch(target);
        if (f.status == DnsStatus::ServFail || f.status == DnsStatus::Timeout) {
            status.state = SpfIncludeStatus::State::TempError;
            status.detail = "DNS " + std::string(dnsStatusName(f.status));
        } else if (f.status == DnsStatus::NxDomain) {
            status.state = SpfIncludeStatus::State::Missing;
            status.detail = "the domain does not exist (NXDOMAIN)";
            ++tree.voidLookups;
        } else if (f.count == 0) {
            status.state = SpfIncludeStatus::State::Missing;
            status.detail = "the domain has no SPF record";
            if (f.status == DnsStatus::NoData)
                ++tree.voidLookups;
        } else if (f.count > 1) {
            status.state = SpfIncludeStatus::State::Broken;
            status.detail = "the domain has " + std::to_string(f.count) + " SPF records (only one is allowed)";
        } else if (!f.record) {
            status.state = SpfIncludeStatus::State::Broken;
            status.detail = "its SPF record is invalid: " + f.error;
        }
        const size_t index = tree.includes.size();
        tree.includes.push_back(status);
        if (!f.record)
            return std::nullopt;
        walkRecord(target, *f.record, false);
        (void)index;
        return f.record;
    }
};

} // namespace

SpfTree SpfLookupCounter::count(std::string_view domainIn) const
{
    SpfTree tree;
    Walk walk{m_resolver, tree};
    const std::string domain = canonical(domainIn);
    Fetched top = walk.fetch(domain);
    tree.status = top.status;
    tree.secure = top.secure;
    tree.recordCount = top.count;
    tree.text = top.text;
    tree.parseError = top.error;
    if (!top.record)
        return tree;
    tree.record = top.record;
    if (const SpfTerm *all = top.record->allTerm())
        tree.all = qualifierText(all->qualifier) + "all";
    walk.walkRecord(domain, *top.record, true);
    if (tree.voidLookups > 2)
        tree.notes.push_back(std::to_string(tree.voidLookups) +
                             " lookups of the SPF tree find nothing; more than 2 is an error (RFC 7208 §4.6.4)");
    if (tree.truncated)
        tree.notes.push_back("the SPF tree is too large to follow completely; counts are a lower bound");
    return tree;
}

} // namespace verifier
