#include "AuthResultsWriter.h"

#include "AuthResultsParser.h"
#include "Strings.h"

#include <optional>
#include <vector>

namespace verifier {

namespace {

constexpr size_t kLineWidth = 78;
constexpr std::string_view kFieldPrefix = "Authentication-Results: ";
constexpr std::string_view kResinfoIndent = "    ";
constexpr std::string_view kContinuationIndent = "        ";

bool hasControl(std::string_view v)
{
    for (char c : v) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F)
            return true;
    }
    return false;
}

std::string quoted(std::string_view v)
{
    std::string out = "\"";
    for (char c : v) {
        if (c == '"' || c == '\\')
            out.push_back('\\');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

// Written bare only when our own strict parser reads it back as the same value; quoted
// otherwise. Checked by parsing a probe instead of duplicating the grammar.
std::string propertyValue(std::string_view v)
{
    if (!v.empty() && v.front() != '"') {
        const std::string probe = "x; x=none x.y=" + std::string(v);
        auto parsed = parseAuthenticationResults(probe);
        if (parsed && parsed->methods.size() == 1 && parsed->methods[0].properties.count("x.y") &&
            parsed->methods[0].properties.at("x.y") == v)
            return std::string(v);
    }
    return quoted(v);
}

struct Resinfo
{
    std::vector<std::string> items; // "method=result", "(comment)", "reason=...", "ptype.prop=value"
};

Resinfo makeResinfo(std::string_view method, AuthResult result, std::string_view reason)
{
    Resinfo r;
    const std::string_view token = rfc8601Token(result);
    bool allowed = false;
    for (std::string_view a : registeredResults(method))
        allowed = allowed || a == token;
    if (allowed) {
        r.items.push_back(std::string(method) + "=" + std::string(token));
    } else {
        r.items.push_back(std::string(method) + "=none");
        r.items.push_back("(result " + std::string(token) + ")");
    }
    if (!reason.empty() && !hasControl(reason))
        r.items.push_back("reason=" + quoted(reason));
    return r;
}

void addProperty(Resinfo &r, std::string_view name, std::string_view value)
{
    if (value.empty() || hasControl(value))
        return;
    r.items.push_back(std::string(name) + "=" + propertyValue(value));
}

} // namespace

std::string formatAuthenticationResults(const Report &report, std::string_view authservId)
{
    std::vector<Resinfo> infos;

    // The verdict first, as an extension method of our own (RFC 8601 §2.7.6: unregistered
    // methods are read only inside the ADMD that writes them, which is the reader of this
    // field). Without it a lookalike phish would show only "dmarc=pass".
    {
        Resinfo r;
        r.items.push_back(std::string(kVerdictMethod) + "=" + std::string(verdictName(report.verdict)));
        if (!report.reasons.empty() && !hasControl(report.reasons.front().text))
            r.items.push_back("reason=" + quoted(report.reasons.front().text));
        addProperty(r, "header.from", report.from.domain);
        infos.push_back(std::move(r));
    }

    for (const DkimResult &d : report.dkim) {
        Resinfo r = makeResinfo("dkim", d.result, d.reason);
        addProperty(r, "header.d", d.domain);
        addProperty(r, "header.s", d.selector);
        addProperty(r, "header.i", d.identity);
        addProperty(r, "header.a", d.algorithm);
        infos.push_back(std::move(r));
    }
    if (report.dkim.empty()) {
        Resinfo r = makeResinfo("dkim", AuthResult::None, {});
        r.items.push_back("(no signature)");
        infos.push_back(std::move(r));
    }

    if (report.spf && report.spf->evaluated) {
        const SpfResult &s = *report.spf;
        Resinfo r = makeResinfo("spf", s.result, s.reason);
        if (s.identity != "helo")
            addProperty(r, "smtp.mailfrom", s.mailFrom.empty() ? s.domain : s.mailFrom);
        addProperty(r, "smtp.helo", s.helo);
        infos.push_back(std::move(r));
    } else {
        Resinfo r = makeResinfo("spf", AuthResult::None, {});
        r.items.push_back("(no SMTP envelope)");
        infos.push_back(std::move(r));
    }

    if (report.dmarc) {
        const DmarcResult &m = *report.dmarc;
        Resinfo r = makeResinfo("dmarc", m.result, m.reason);
        addProperty(r, "header.from", m.domain);
        addProperty(r, "policy.dmarc", dmarcPolicyName(m.policy));
        infos.push_back(std::move(r));
    } else {
        infos.push_back(makeResinfo("dmarc", AuthResult::None, {}));
    }

    if (report.arc) {
        infos.push_back(makeResinfo("arc", report.arc->result, report.arc->reason));
    } else {
        infos.push_back(makeResinfo("arc", AuthResult::None, {}));
    }

    // authserv-id = token / quoted-string (RFC 2045 token, no address forms).
    std::string id(authservId);
    bool token = !id.empty();
    for (char c : id) {
        const auto u = static_cast<unsigned char>(c);
        token = token && u > 0x20 && u < 0x7F && std::string_view("()<>@,;:\\\"/[]?=").find(c) == std::string_view::npos;
    }
    if (!token) {
        std::string clean;
        for (char c : id)
            clean.push_back((static_cast<unsigned char>(c) < 0x20 || c == 0x7F) ? '?' : c);
        id = quoted(clean);
    }

    std::string out = id + ";";
    size_t column = kFieldPrefix.size() + out.size();
    for (size_t i = 0; i < infos.size(); ++i) {
        out += "\r\n";
        out += kResinfoIndent;
        column = kResinfoIndent.size();
        const auto &items = infos[i].items;
        for (size_t k = 0; k < items.size(); ++k) {
            std::string item = items[k];
            if (k + 1 == items.size() && i + 1 < infos.size())
                item += ";";
            if (k > 0) {
                if (column + 1 + item.size() > kLineWidth) {
                    out += "\r\n";
                    out += kContinuationIndent;
                    column = kContinuationIndent.size();
                } else {
                    out += " ";
                    ++column;
                }
            }
            out += item;
            column += item.size();
        }
    }
    return out;
}

} // namespace verifier
