#include "VbrChecker.h"

#include "Strings.h"
#include "VbrInfo.h"

#include <algorithm>

namespace verifier {

namespace {

std::string authenticatedBy(const VbrInfo &info, const std::vector<DkimResult> &dkim, const std::optional<SpfResult> &spf)
{
    for (const DkimResult &d : dkim) {
        if (d.result != AuthResult::Pass || !equalsIgnoreCase(d.domain, info.domain))
            continue;
        const bool signsField = std::any_of(d.signedHeaders.begin(), d.signedHeaders.end(),
                                            [](const std::string &h) { return equalsIgnoreCase(trim(h), "VBR-Info"); });
        if (signsField)
            return "dkim";
    }
    if (spf && spf->evaluated && spf->result == AuthResult::Pass && equalsIgnoreCase(spf->domain, info.domain))
        return "spf";
    return {};
}

} // namespace

std::optional<VbrResult> VbrChecker::check(const Message &message, const std::vector<DkimResult> &dkim,
                                           const std::optional<SpfResult> &spf,
                                           const std::vector<std::string> &trustedServices, const Resolver &resolver)
{
    const std::vector<const HeaderField *> fields = message.fields("VBR-Info");
    if (fields.empty())
        return std::nullopt;

    VbrResult r;
    std::optional<VbrInfo> chosen;
    std::string firstError;
    for (size_t i = 0; i < fields.size() && i < kMaxFields; ++i) {
        Expected<VbrInfo> info = VbrInfo::parse(fields[i]->rawValue);
        if (!info) {
            if (firstError.empty())
                firstError = info.error().message;
            continue;
        }
        const std::string by = authenticatedBy(*info, dkim, spf);
        if (!chosen || (!by.empty() && r.authenticatedBy.empty())) {
            chosen = *info;
            r.authenticatedBy = by;
        }
        if (!by.empty())
            break;
    }
    if (!chosen) {
        r.result = AuthResult::PermError;
        r.reason = firstError;
        return r;
    }
    r.domain = chosen->domain;
    r.category = chosen->category;
    r.vouchers = chosen->vouchers;
    if (r.authenticatedBy.empty()) {
        r.result = AuthResult::None;
        r.reason = "VBR-Info names " + r.domain +
                   ", which no passing DKIM signature (covering VBR-Info) or SPF pass authenticates";
        return r;
    }
    std::vector<std::string> ask;
    for (const std::string &v : chosen->vouchers) {
        const bool trusted = std::any_of(trustedServices.begin(), trustedServices.end(),
                                         [&](const std::string &t) { return equalsIgnoreCase(trim(t), v); });
        if (trusted && std::find(ask.begin(), ask.end(), v) == ask.end())
            ask.push_back(v);
    }
    if (ask.empty()) {
        r.result = AuthResult::None;
        r.reason = "none of the vouching services VBR-Info lists is one you trust";
        return r;
    }
    bool temporary = false;
    for (size_t i = 0; i < ask.size() && i < kMaxQueries; ++i) {
        const std::string &service = ask[i];
        const DnsAnswer answer = resolver.query(r.domain + "._vouch." + service, RrType::TXT);
        if (answer.temporary()) {
            temporary = true;
            continue;
        }
        if (!answer.ok())
            continue;
        for (const DnsRecord &rec : answer.records) {
            std::vector<std::string> categories;
            // The unfolded text must outlive the views split() returns (a temporary in the
            // range-for initialiser would die before the loop runs).
            const std::string text = unfold(rec.text);
            for (std::string_view word : split(text, ' ')) {
                word = trim(word);
                if (!word.empty() && categories.size() < 32)
                    categories.push_back(escapeForDisplay(toLower(word)));
            }
            const bool vouches = std::any_of(categories.begin(), categories.end(), [&](const std::string &c) {
                return c == "all" || c == r.category;
            });
            if (vouches) {
                r.result = AuthResult::Pass;
                r.voucher = service;
                r.vouchedCategories = categories;
                r.reason = service + " vouches for " + r.domain + " (" + r.category + ")";
                return r;
            }
            if (r.voucher.empty()) {
                r.voucher = service;
                r.vouchedCategories = categories;
            }
        }
    }
    if (temporary) {
        r.result = AuthResult::TempError;
        r.reason = "a vouching service could not be asked (temporary DNS failure)";
        return r;
    }
    r.result = AuthResult::Fail;
    r.reason = r.voucher.empty() ? "no vouching service you trust vouches for " + r.domain
                                 : r.voucher + " does not vouch for " + r.domain + " in the category " + r.category;
    return r;
}

} // namespace verifier
