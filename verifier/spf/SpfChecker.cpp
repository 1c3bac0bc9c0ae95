#include "SpfChecker.h"

#include "SpfIpAddress.h"
#include "SpfMacro.h"
#include "SpfRecord.h"
#include "Strings.h"

#include <optional>
#include <vector>

namespace verifier {

namespace {

/// What one check_host() (or a nested one) decided.
struct Outcome
{
    AuthResult result = AuthResult::Neutral;
    std::string term;                ///< the deciding term as written, "default", or the failing term
    std::string domain;              ///< the domain whose record decided
    std::optional<std::string> exp;  ///< exp= of the deciding record
    std::string reason;              ///< for none / temperror / permerror
};

Outcome failure(AuthResult result, std::string reason, std::string term = {})
{
    Outcome o;
    o.result = result;
    o.reason = std::move(reason);
    o.term = std::move(term);
    return o;
}

AuthResult qualifierResult(SpfQualifier q)
{
    switch (q) {
    case SpfQualifier::Pass: return AuthResult::Pass;
    case SpfQualifier::Fail: return AuthResult::Fail;
    case SpfQualifier::SoftFail: return AuthResult::SoftFail;
    case SpfQualifier::Neutral: return AuthResult::Neutral;
    }
    return AuthResult::Neutral;
}

std::string recordText(const DnsRecord &r)
{
    if (!r.text.empty() || r.strings.empty())
        return r.text;
    std::string s;
    for (const auto &part : r.strings)
        s += part;
    return s;
}

std::string displayName(std::string_view s) { return escapeForDisplay(s); }

std::string normalisedName(std::string_view s)
{
    std::string out = toLower(s);
    while (!out.empty() && out.back() == '.')
        out.pop_back();
    return out;
}

bool isAscii(std::string_view s)
{
    for (char c : s) {
        if (static_cast<unsigned char>(c) > 0x7e)
            return false;
    }
    return true;
}

/// One check: the counters of §4.6.4 are shared by every nested check_host().
class Evaluator
{
public:
    Evaluator(const Resolver &resolver, const SpfLimits &limits, const SpfIpAddress &ip, SpfMacroValues values)
        : m_resolver(resolver), m_limits(limits), m_ip(ip), m_values(std::move(values))
    {
        m_values.validatedDomain = [this](std::string_view domain) { return validatedDomain(domain); };
    }

    Outcome checkHost(const std::string &domain, int depth);
    std::string explanation(const Outcome &outcome);

    int lookups = 0;
    int voids = 0;
    std::string topRecord;

private:
    enum class Step { NoMatch, Match, Stop };

    Step evaluate(const SpfTerm &term, const std::string &domain, int depth, Outcome *stop);
    bool query(const std::string &name, RrType type, DnsAnswer *answer, Outcome *stop);
    bool countLookup(const SpfTerm *term, Outcome *stop);
    bool noteVoid(const std::string &term, Outcome *stop);
    /// Expands a domain-spec for <domain>; nullopt target = no valid name (no match).
    bool target(std::string_view spec, const std::string &domain, const std::string &term,
                std::optional<std::string> *name, Outcome *stop);
    /// Looks up the addresses of @p name for the client's family and compares them. With
    /// @p countVoid, an empty answer counts as a void lookup.
    bool addressMatches(const std::string &name, int cidr4, int cidr6, const std::string &term,
                        bool countVoid, bool *matched, Outcome *stop);
    const std::vector<std::string> &validatedNames(bool *voidAnswer);
    std::string validatedDomain(std::string_view domain);

    const Resolver &m_resolver;
    const SpfLimits &m_limits;
    SpfIpAddress m_ip;
    SpfMacroValues m_values;
    int m_queries = 0;
    bool m_ptrDone = false;
    bool m_ptrVoid = false;
    std::vector<std::string> m_ptrNames;
};

bool Evaluator::query(const std::string &name, RrType type, DnsAnswer *answer, Outcome *stop)
{
    if (++m_queries > m_limits.maxQueries) {
        *stop = failure(AuthResult::PermError,
                        "more than " + std::to_string(m_limits.maxQueries) + " DNS queries");
        return false;
    }
    *answer = m_resolver.query(name, type);
    return true;
}

bool Evaluator::countLookup(const SpfTerm *term, Outcome *stop)
{
    if (++lookups > m_limits.maxDnsMechanisms) {
        *stop = failure(AuthResult::PermError,
                        "more than " + std::to_string(m_limits.maxDnsMechanisms)
                            + " DNS-querying mechanisms and modifiers (RFC 7208 §4.6.4)",
                        term ? term->text : std::string("redirect"));
        return false;
    }
    return true;
}

bool Evaluator::noteVoid(const std::string &term, Outcome *stop)
{
    if (++voids > m_limits.maxVoidLookups) {
        *stop = failure(AuthResult::PermError,
                        "more than " + std::to_string(m_limits.maxVoidLookups)
                            + " DNS lookups returned no records (void lookup limit, RFC 7208 §4.6.4)",
                        term);
        return false;
    }
    return true;
}

bool Evaluator::target(std::string_view spec, const std::string &domain, const std::string &term,
                       std::optional<std::string> *name, Outcome *stop)
{
    if (spec.empty()) {
        *name = domain;
        return true;
    }
    SpfMacroValues values = m_values;
    values.domain = domain;
    auto expanded = expandSpfMacros(spec, values, SpfMacroMode::DomainSpec,
                                    size_t(m_limits.maxRecordBytes) * 4);
    if (!expanded) {
        *stop = failure(AuthResult::PermError, "macro error in '" + displayName(term) + "': " + expanded.error().message, term);
        return false;
    }
    *name = spfTargetName(*expanded, size_t(std::max(m_limits.maxMacroExpansion, 1)));
    return true;
}

bool Evaluator::addressMatches(const std::string &name, int cidr4, int cidr6, const std::string &term,
                               bool countVoid, bool *matched, Outcome *stop)
{
    DnsAnswer answer;
    if (!query(name, m_ip.isV6() ? RrType::AAAA : RrType::A, &answer, stop))
        return false;
    if (answer.temporary()) {
        *stop = failure(AuthResult::TempError,
                        "DNS lookup of " + displayName(name) + " failed (" + std::string(dnsStatusName(answer.status)) + ")",
                        term);
        return false;
    }
    *matched = false;
    if (answer.status != DnsStatus::Ok || answer.records.empty())
        return !countVoid || noteVoid(term, stop);
    for (const DnsRecord &r : answer.records) {
        auto a = SpfIpAddress::parse(r.text, false);
        if (a && m_ip.inNetwork(*a, m_ip.isV6() ? cidr6 : cidr4)) {
            *matched = true;
            break;
        }
    }
    return true;
}

const std::vector<std::string> &Evaluator::validatedNames(bool *voidAnswer)
{
    if (!m_ptrDone) {
        m_ptrDone = true;
        ++m_queries;
        DnsAnswer ptr = m_resolver.query(m_ip.reverseName(), RrType::PTR);
        m_ptrVoid = ptr.status == DnsStatus::NxDomain || ptr.status == DnsStatus::NoData
                    || (ptr.ok() && ptr.records.empty());
        if (ptr.ok()) {
            int names = 0;
            for (const DnsRecord &r : ptr.records) {
                if (names++ >= m_limits.maxPtrNames || m_queries >= m_limits.maxQueries)
                    break;
                const std::string name = normalisedName(r.text);
                if (!spfTargetName(name))
                    continue;
                ++m_queries;
                DnsAnswer a = m_resolver.query(name, m_ip.isV6() ? RrType::AAAA : RrType::A);
                if (!a.ok())
                    continue;
                for (const DnsRecord &ar : a.records) {
                    auto addr = SpfIpAddress::parse(ar.text, false);
                    if (addr && *addr == m_ip) {
                        m_ptrNames.push_back(name);
                        break;
                    }
                }
            }
        }
    }
    if (voidAnswer)
        *voidAnswer = m_ptrVoid;
    return m_ptrNames;
}

std::string Evaluator::validatedDomain(std::string_view domain)
{
    const auto &names = validatedNames(nullptr);
    const std::string d = normalisedName(domain);
    for (const auto &n : names) {
        if (n == d)
            return n;
    }
    for (const auto &n : names) {
        if (n.size() > d.size() && n.compare(n.size() - d.size(), d.size(), d) == 0 && n[n.size() - d.size() - 1] == '.')
            return n;
    }
    return names.empty() ? std::string("unknown") : names.front();
}

Evaluator::Step Evaluator::evaluate(const SpfTerm &term, const std::string &domain, int depth, Outcome *stop)
{
    switch (term.kind) {
    case SpfMechanismKind::All:
        return Step::Match;
    case SpfMechanismKind::Ip4:
    case SpfMechanismKind::Ip6: {
        const bool v6 = term.kind == SpfMechanismKind::Ip6;
        auto network = v6 ? SpfIpAddress::parseV6(term.value) : SpfIpAddress::parseV4(term.value);
        const int prefix = v6 ? term.cidr6.value_or(128) : term.cidr4.value_or(32);
        return network && m_ip.inNetwork(*network, prefix) ? Step::Match : Step::NoMatch;
    }
    case SpfMechanismKind::A: {
        if (!countLookup(&term, stop))
            return Step::Stop;
        std::optional<std::string> name;
        if (!target(term.value, domain, term.text, &name, stop))
            return Step::Stop;
        if (!name)
            return Step::NoMatch;
        bool matched = false;
        if (!addressMatches(*name, term.cidr4.value_or(32), term.cidr6.value_or(128), term.text, true, &matched, stop))
            return Step::Stop;
        return matched ? Step::Match : Step::NoMatch;
    }
    case SpfMechanismKind::Mx: {
        if (!countLookup(&term, stop))
            return Step::Stop;
        std::optional<std::string> name;
        if (!target(term.value, domain, term.text, &name, stop))
            return Step::Stop;
        if (!name)
            return Step::NoMatch;
        DnsAnswer mx;
        if (!query(*name, RrType::MX, &mx, stop))
            return Step::Stop;
        if (mx.temporary()) {
            *stop = failure(AuthResult::TempError,
                            "DNS lookup of MX records for " + displayName(*name) + " failed ("
                                + std::string(dnsStatusName(mx.status)) + ")",
                            term.text);
            return Step::Stop;
        }
        if (mx.status != DnsStatus::Ok || mx.records.empty())
            return noteVoid(term.text, stop) ? Step::NoMatch : Step::Stop;
        if (int(mx.records.size()) > m_limits.maxMxNames) {
            *stop = failure(AuthResult::PermError,
                            displayName(*name) + " has more than " + std::to_string(m_limits.maxMxNames)
                                + " MX records (RFC 7208 §4.6.4)",
                            term.text);
            return Step::Stop;
        }
        for (const DnsRecord &r : mx.records) {
            const std::string exchange = normalisedName(r.text);
            if (exchange.empty() || !spfTargetName(exchange))
                continue; // null MX (RFC 7505) or an unusable name
            bool matched = false;
            // Void answers for exchanges are not counted: the void limit is about terms (§4.6.4).
            if (!addressMatches(exchange, term.cidr4.value_or(32), term.cidr6.value_or(128), term.text, false, &matched, stop))
                return Step::Stop;
            if (matched)
                return Step::Match;
        }
        return Step::NoMatch;
    }
    case SpfMechanismKind::Ptr: {
        if (!countLookup(&term, stop))
            return Step::Stop;
        std::optional<std::string> name;
        if (!target(term.value, domain, term.text, &name, stop))
            return Step::Stop;
        if (!name)
            return Step::NoMatch;
        bool isVoid = false;
        const auto &names = validatedNames(&isVoid);
        if (isVoid && !noteVoid(term.text, stop))
            return Step::Stop;
        const std::string t = normalisedName(*name);
        for (const auto &n : names) {
            if (n == t || (n.size() > t.size() && n.compare(n.size() - t.size(), t.size(), t) == 0
                           && n[n.size() - t.size() - 1] == '.'))
                return Step::Match;
        }
        return Step::NoMatch;
    }
    case SpfMechanismKind::Exists: {
        if (!countLookup(&term, stop))
            return Step::Stop;
        std::optional<std::string> name;
        if (!target(term.value, domain, term.text, &name, stop))
            return Step::Stop;
        if (!name)
            return Step::NoMatch;
        DnsAnswer a;
        if (!query(*name, RrType::A, &a, stop))
            return Step::Stop;
        if (a.temporary()) {
            *stop = failure(AuthResult::TempError,
                            "DNS lookup of " + displayName(*name) + " failed (" + std::string(dnsStatusName(a.status)) + ")",
                            term.text);
            return Step::Stop;
        }
        if (a.status != DnsStatus::Ok || a.records.empty())
            return noteVoid(term.text, stop) ? Step::NoMatch : Step::Stop;
        return Step::Match;
    }
    case SpfMechanismKind::Include: {
        if (!countLookup(&term, stop))
            return Step::Stop;
        std::optional<std::string> name;
        if (!target(term.value, domain, term.text, &name, stop))
            return Step::Stop;
        if (!name) {
            *stop = failure(AuthResult::PermError, "'" + displayName(term.text) + "' names no valid domain", term.text);
            return Step::Stop;
        }
        Outcome inner = checkHost(*name, depth + 1);
        switch (inner.result) {
        case AuthResult::Pass:
            return Step::Match;
        case AuthResult::Fail:
        case AuthResult::SoftFail:
        case AuthResult::Neutral:
            return Step::NoMatch;
        case AuthResult::None:
            *stop = failure(AuthResult::PermError,
                            "'" + displayName(term.text) + "': " + inner.reason + " (RFC 7208 §5.2)", term.text);
            return Step::Stop;
        case AuthResult::TempError:
        case AuthResult::PermError:
        case AuthResult::Policy:
            *stop = failure(inner.result == AuthResult::TempError ? AuthResult::TempError : AuthResult::PermError,
                            inner.reason, inner.term.empty() ? term.text : inner.term);
            return Step::Stop;
        }
        return Step::NoMatch;
    }
    }
    return Step::NoMatch;
}

Outcome Evaluator::checkHost(const std::string &domain, int depth)
{
    if (depth > m_limits.maxDnsMechanisms + 1)
        return failure(AuthResult::PermError, "SPF evaluation nested too deeply");
    // §4.3: a malformed domain gives none.
    if (!isValidSpfDomain(domain))
        return failure(AuthResult::None, "'" + displayName(domain) + "' is not a valid domain name");

    // §4.4, §4.5: record selection, TXT only.
    Outcome stop;
    DnsAnswer txt;
    if (!query(domain, RrType::TXT, &txt, &stop))
        return stop;
    if (txt.temporary())
        return failure(AuthResult::TempError, "DNS lookup of the SPF record of " + displayName(domain) + " failed ("
                                                  + std::string(dnsStatusName(txt.status)) + ")");
    std::vector<std::string> records;
    if (txt.ok()) {
        for (const DnsRecord &r : txt.records) {
            std::string text = recordText(r);
            if (isSpfRecord(text))
                records.push_back(std::move(text));
        }
    }
    if (records.empty())
        return failure(AuthResult::None, displayName(domain) + " has no SPF record");
    if (records.size() > 1)
        return failure(AuthResult::PermError, displayName(domain) + " has " + std::to_string(records.size())
                                                  + " SPF records (RFC 7208 §4.5)");
    if (depth == 0)
        topRecord = records.front();
    auto record = parseSpfRecord(records.front(), size_t(std::max(m_limits.maxRecordBytes, 0)));
    if (!record)
        return failure(AuthResult::PermError, "the SPF record of " + displayName(domain) + " is invalid: " + record.error().message);

    for (const SpfTerm &term : record->mechanisms) {
        const Step step = evaluate(term, domain, depth, &stop);
        if (step == Step::Stop) {
            if (stop.domain.empty())
                stop.domain = domain;
            return stop;
        }
        if (step == Step::Match) {
            Outcome o;
            o.result = qualifierResult(term.qualifier);
            o.term = term.text;
            o.domain = domain;
            o.exp = record->explanation;
            return o;
        }
    }

    if (record->redirect) {
        // §6.1: redirect after all mechanisms failed to match; its exp= replaces ours.
        if (!countLookup(nullptr, &stop))
            return stop;
        std::optional<std::string> name;
        const std::string term = "redirect=" + *record->redirect;
        if (!target(*record->redirect, domain, term, &name, &stop))
            return stop;
        if (!name)
            return failure(AuthResult::PermError, "'" + displayName(term) + "' names no valid domain", term);
        Outcome inner = checkHost(*name, depth + 1);
        if (inner.result == AuthResult::None)
            return failure(AuthResult::PermError, "'" + displayName(term) + "': " + inner.reason + " (RFC 7208 §6.1)", term);
        return inner;
    }

    Outcome o;
    o.result = AuthResult::Neutral;
    o.term = "default";
    o.domain = domain;
    return o;
}

std::string Evaluator::explanation(const Outcome &outcome)
{
    // §6.2: any problem with the explanation leaves it empty (the default applies).
    if (!outcome.exp || m_queries >= m_limits.maxQueries)
        return {};
    SpfMacroValues values = m_values;
    values.domain = outcome.domain;
    auto expanded = expandSpfMacros(*outcome.exp, values, SpfMacroMode::DomainSpec, size_t(m_limits.maxRecordBytes) * 4);
    if (!expanded)
        return {};
    auto name = spfTargetName(*expanded, size_t(std::max(m_limits.maxMacroExpansion, 1)));
    if (!name)
        return {};
    ++m_queries;
    DnsAnswer txt = m_resolver.query(*name, RrType::TXT);
    if (!txt.ok() || txt.records.size() != 1)
        return {};
    const std::string text = recordText(txt.records.front());
    if (text.size() > size_t(m_limits.maxRecordBytes) || !isAscii(text))
        return {};
    auto exp = expandSpfMacros(text, values, SpfMacroMode::Explanation, size_t(m_limits.maxRecordBytes));
    if (!exp)
        return {};
    return *exp;
}

enum class Identity { MailFrom, Helo };

std::string describe(const Outcome &o, const std::string &ip, const std::string &topDomain)
{
    const std::string decider = o.domain.empty() ? topDomain : normalisedName(o.domain);
    const std::string via = decider == topDomain ? std::string() : " (reached from " + displayName(topDomain) + ")";
    const std::string who = displayName(decider) + "'s SPF record";
    switch (o.result) {
    case AuthResult::Pass:
        return ip + " is permitted by " + who + via + " (" + displayName(o.term) + ")";
    case AuthResult::Fail:
        return ip + " is not permitted by " + who + via + " (" + displayName(o.term) + ")";
    case AuthResult::SoftFail:
        return ip + " is probably not permitted by " + who + via + " (" + displayName(o.term) + ")";
    case AuthResult::Neutral:
        if (o.term == "default")
            return "no mechanism of " + who + via + " matched " + ip + " (default neutral)";
        return who + via + " makes no assertion about " + ip + " (" + displayName(o.term) + ")";
    case AuthResult::None:
    case AuthResult::TempError:
    case AuthResult::PermError:
    case AuthResult::Policy:
        return o.reason;
    }
    return o.reason;
}

SpfResult check(const SpfRequest &request, Identity identity, const Resolver &resolver, const SpfLimits &limits)
{
    SpfResult result;
    result.evaluated = true;
    result.clientIp = request.clientIp;
    result.helo = request.helo;
    result.mailFrom = request.mailFrom;

    std::string_view from = trim(request.mailFrom);
    if (from.size() >= 2 && from.front() == '<' && from.back() == '>')
        from = trim(from.substr(1, from.size() - 2));
    const std::string_view helo = trim(request.helo);
    std::string local;
    std::string domain;
    if (identity == Identity::Helo || from.empty()) {
        result.identity = "helo";
        local = "postmaster";
        domain = std::string(helo);
    } else {
        result.identity = "mailfrom";
        const size_t at = from.rfind('@');
        if (at == std::string_view::npos) {
            local = "postmaster";
            domain = std::string(from);
        } else {
            local = std::string(from.substr(0, at));
            domain = std::string(from.substr(at + 1));
        }
        if (local.empty())
            local = "postmaster";
    }
    result.domain = normalisedName(domain);

    const auto ip = SpfIpAddress::parse(trim(request.clientIp));
    if (!ip) {
        result.result = AuthResult::None;
        result.reason = "the client address '" + displayName(request.clientIp) + "' is not an IP address";
        return result;
    }
    if (!isValidSpfDomain(domain)) {
        result.result = AuthResult::None;
        result.reason = "'" + displayName(domain) + "' is not a valid domain name to check (RFC 7208 §4.3)";
        return result;
    }

    SpfMacroValues values;
    values.localPart = local;
    values.senderDomain = domain;
    values.sender = local + "@" + domain;
    values.domain = domain;
    bool upperNibbles = false;
    if (ip->isV6()) {
        bool upper = false, lower = false;
        for (char c : request.clientIp) {
            upper = upper || (c >= 'A' && c <= 'F');
            lower = lower || (c >= 'a' && c <= 'f');
        }
        upperNibbles = upper && !lower;
    }
    values.ipDotted = ip->dotted(upperNibbles);
    values.ipReadable = ip->readable();
    values.ipVersion = ip->isV6() ? "ip6" : "in-addr";
    values.helo = std::string(helo);
    values.receiver = request.receiver;
    values.timestamp = std::to_string(request.timestamp);

    Evaluator evaluator(resolver, limits, *ip, values);
    const Outcome outcome = evaluator.checkHost(domain, 0);
    result.result = outcome.result;
    result.record = evaluator.topRecord;
    result.mechanism = outcome.term;
    result.dnsLookups = evaluator.lookups;
    result.voidLookups = evaluator.voids;
    result.reason = describe(outcome, ip->readable(), result.domain);
    if (outcome.result == AuthResult::Fail)
        result.explanation = evaluator.explanation(outcome);
    return result;
}

} // namespace

SpfResult checkSpfHeloDetailed(const SpfRequest &request, const Resolver &resolver, const SpfLimits &limits)
{
    SpfResult r = check(request, Identity::Helo, resolver, limits);
    r.heloResult = r.result;
    return r;
}

AuthResult checkSpfHelo(const SpfRequest &request, const Resolver &resolver, const SpfLimits &limits)
{
    return check(request, Identity::Helo, resolver, limits).result;
}

SpfResult checkSpf(const SpfRequest &request, const Resolver &resolver, const SpfLimits &limits)
{
    SpfResult r = check(request, Identity::MailFrom, resolver, limits);
    if (r.identity == "helo")
        r.heloResult = r.result;
    else
        r.heloResult = checkSpfHelo(request, resolver, limits);
    return r;
}

} // namespace verifier
