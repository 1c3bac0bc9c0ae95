#include "ReportJsonWriter.h"

#include "ReportJson.h"

#include <charconv>

namespace verifier {

namespace {

/// Writes JSON the way nlohmann::json::dump(-1, ' ', false, error_handler_t::replace) does:
/// objects with their keys in byte order (the callers below list them so), no spaces, control
/// characters as \uXXXX, other UTF-8 as it is, each invalid sequence as U+FFFD.
class Writer
{
public:
    explicit Writer(std::string &out) : m_out(out) {}

    // Objects and arrays: open/close, and key() or item() before each member.
    void open() { m_out += '{'; m_first = true; }
    void close() { m_out += '}'; m_first = false; }
    void openArray() { m_out += '['; m_first = true; }
    void closeArray() { m_out += ']'; m_first = false; }
    void key(std::string_view k)
    {
        item();
        m_out += '"';
        m_out += k; // keys are plain ASCII names
        m_out += "\":";
    }
    /// A key that comes from the message: escaped like any string.
    void dataKey(std::string_view k)
    {
        item();
        string(k);
        m_out += ':';
    }
    void item()
    {
        if (!m_first)
            m_out += ',';
        m_first = false;
    }

    void string(std::string_view s);
    void boolean(bool b) { m_out += b ? "true" : "false"; }
    void null() { m_out += "null"; }
    template<typename T>
    void number(T v)
    {
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, v);
        m_out.append(buf, size_t(r.ptr - buf));
    }
    template<typename T>
    void optionalNumber(const std::optional<T> &v)
    {
        if (v)
            number(*v);
        else
            null();
    }
    void optionalString(const std::optional<std::string> &v)
    {
        if (v)
            string(*v);
        else
            null();
    }
    void stringOrNull(const std::string &v)
    {
        if (v.empty())
            null();
        else
            string(v);
    }
    void token(AuthResult r) { string(rfc8601Token(r)); }
    void strings(const std::vector<std::string> &list)
    {
        openArray();
        for (const std::string &s : list) {
            item();
            string(s);
        }
        closeArray();
    }

    // Shorthands: a key and its value.
    void field(std::string_view k, std::string_view v) { key(k); string(v); }
    void field(std::string_view k, const std::string &v) { key(k); string(v); }
    void field(std::string_view k, const char *v) { key(k); string(v); }
    void field(std::string_view k, bool v) { key(k); boolean(v); }
    void field(std::string_view k, int v) { key(k); number(v); }
    void field(std::string_view k, int64_t v) { key(k); number(v); }
    void field(std::string_view k, uint64_t v) { key(k); number(v); }
    void field(std::string_view k, AuthResult v) { key(k); token(v); }
    void field(std::string_view k, const std::vector<std::string> &v) { key(k); strings(v); }
    template<typename T>
    void field(std::string_view k, const std::optional<T> &v) { key(k); optionalNumber(v); }

private:
    void escapedCodePoint(std::string_view bytes, uint32_t codePoint);

    std::string &m_out;
    bool m_first = true;
};

/// How many continuation bytes follow @p lead, and the allowed range of the first one
/// (RFC 3629 §4: no overlong forms, no surrogates, nothing above U+10FFFF); 0 = invalid lead.
int sequenceLength(unsigned char lead, unsigned char &low, unsigned char &high)
{
    low = 0x80;
    high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF)
        return 1;
    if (lead == 0xE0) {
        low = 0xA0;
        return 2;
    }
    if (lead == 0xED) {
        high = 0x9F;
        return 2;
    }
    if (lead >= 0xE1 && lead <= 0xEF)
        return 2;
    if (lead == 0xF0) {
        low = 0x90;
        return 3;
    }
    if (lead >= 0xF1 && lead <= 0xF3)
        return 3;
    if (lead == 0xF4) {
        high = 0x8F;
        return 3;
    }
    return 0;
}

void Writer::string(std::string_view s)
{
    m_out += '"';
    size_t i = 0;
    size_t plain = 0; // start of the run of bytes copied as they are
    const auto flushPlain = [&](size_t end) {
        m_out.append(s.data() + plain, end - plain);
    };
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        if (c < 0x80) {
            flushPlain(i);
            switch (c) {
            case '\b': m_out += "\\b"; break;
            case '\t': m_out += "\\t"; break;
            case '\n': m_out += "\\n"; break;
            case '\f': m_out += "\\f"; break;
            case '\r': m_out += "\\r"; break;
            case '"': m_out += "\\\""; break;
            case '\\': m_out += "\\\\"; break;
            default: {
                static const char hex[] = "0123456789abcdef";
                const char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                m_out.append(esc, 6);
            }
            }
            plain = ++i;
            continue;
        }
        // Multi-byte UTF-8: copied when valid. An invalid sequence becomes U+FFFD; the byte that
        // broke it is read again as the start of what follows (as nlohmann's decoder does).
        unsigned char low, high;
        const int length = sequenceLength(c, low, high);
        int got = 0;
        while (got < length && i + 1 + size_t(got) < s.size()) {
            const auto next = static_cast<unsigned char>(s[i + 1 + size_t(got)]);
            if (next < (got == 0 ? low : 0x80) || next > (got == 0 ? high : 0xBF))
                break;
            ++got;
        }
        if (length > 0 && got == length) {
            i += size_t(length) + 1;
            continue;
        }
        flushPlain(i);
        m_out += "\xEF\xBF\xBD";
        i += length == 0 ? 1 : size_t(got) + 1;
        plain = i;
    }
    flushPlain(i);
    m_out += '"';
}

void finding(Writer &w, const Finding &f)
{
    w.open();
    w.field("args", f.args);
    w.field("code", findingCodeName(f.code));
    w.field("text", f.text);
    w.close();
}

void signature(Writer &w, const std::optional<SignatureResult> &s)
{
    if (!s) {
        w.null();
        return;
    }
    w.open();
    w.field("covers_whole_body", s->coversWholeBody);
    w.field("fingerprint", s->fingerprint);
    w.field("issuer", s->issuer);
    w.field("matches_from", s->matchesFrom);
    w.field("reason", s->reason);
    w.field("result", s->result);
    w.field("signer", s->signer);
    w.field("signer_addresses", s->signerAddresses);
    w.field("signer_name", s->signerName);
    w.field("signing_time", s->signingTime);
    w.field("trusted", s->trusted);
    w.field("unsigned_parts", s->unsignedParts);
    w.close();
}

void from(Writer &w, const FromInfo &f)
{
    w.open();
    w.key("address");
    w.optionalString(f.address);
    w.field("competing_from_names", f.competingFromNames);
    w.field("display_name", f.displayName);
    w.field("display_name_has_address", f.displayNameHasAddress);
    w.key("domain");
    w.stringOrNull(f.domain);
    w.field("field_count", f.fieldCount);
    w.field("header", f.header);
    w.field("kind", addressListKindName(f.kind));
    w.field("local_part", f.localPart);
    w.field("problem", f.problem);
    w.close();
}

void spf(Writer &w, const std::optional<SpfResult> &r)
{
    if (!r) {
        w.null();
        return;
    }
    const SpfResult &s = *r;
    w.open();
    w.field("client_ip", s.clientIp);
    w.field("dns_lookups", s.dnsLookups);
    w.field("domain", s.domain);
    w.field("envelope_source", s.envelopeSource);
    w.field("evaluated", s.evaluated);
    w.field("explanation", s.explanation);
    w.field("helo", s.helo);
    w.key("helo_result");
    if (s.heloResult)
        w.token(*s.heloResult);
    else
        w.null();
    w.field("identity", s.identity);
    w.field("mail_from", s.mailFrom);
    w.field("mechanism", s.mechanism);
    w.field("reason", s.reason);
    w.field("record", s.record);
    w.field("result", s.result);
    w.field("void_lookups", s.voidLookups);
    w.close();
}

void dkim(Writer &w, const DkimResult &d)
{
    w.open();
    w.field("accepted_signer", d.acceptedSigner);
    w.field("algorithm", d.algorithm);
    w.field("aligned", d.aligned);
    w.field("body_length", d.bodyLength);
    w.field("body_length_limit", d.bodyLengthLimit);
    w.field("canonicalization", d.canonicalization);
    w.field("covers_whole_message", d.coversWholeMessage());
    w.field("dnssec", d.dnssec);
    w.field("domain", d.domain);
    w.field("expiration", d.expiration);
    w.field("failure", dkimFailureName(d.failure));
    w.field("field_index", uint64_t(d.fieldIndex));
    w.field("identity", d.identity);
    w.field("key_bits", d.keyBits);
    w.field("key_changed", d.keyChanged);
    w.field("key_pinned", d.keyPinned);
    w.field("key_record", d.keyRecord);
    w.field("key_type", d.keyType);
    w.field("pinned_key_changed", d.pinnedKeyChanged);
    w.field("reason", d.reason);
    w.field("remembered_key_last_seen", d.rememberedKeyLastSeen);
    w.field("remembered_key_since", d.rememberedKeySince);
    w.field("result", d.result);
    w.field("selector", d.selector);
    w.field("signature_start", d.signatureStart);
    w.field("signed_headers", d.signedHeaders);
    w.field("testing", d.testing);
    w.field("timestamp", d.timestamp);
    w.field("unsigned_instances", d.unsignedInstances);
    w.field("warnings", d.warnings);
    w.close();
}

void dmarc(Writer &w, const std::optional<DmarcResult> &r)
{
    if (!r) {
        w.null();
        return;
    }
    const DmarcResult &d = *r;
    w.open();
    w.field("dkim_aligned", d.dkimAligned);
    w.field("domain", d.domain);
    w.field("domain_policy", dmarcPolicyName(d.domainPolicy));
    w.field("org_domain", d.orgDomain);
    w.key("org_domain_psl");
    w.optionalString(d.orgDomainPsl);
    w.field("policy", dmarcPolicyName(d.policy));
    w.field("reason", d.reason);
    w.field("record", d.record);
    w.field("record_domain", d.recordDomain);
    w.field("result", d.result);
    w.key("result_rfc7489");
    if (d.resultRfc7489)
        w.token(*d.resultRfc7489);
    else
        w.null();
    w.field("spf_aligned", d.spfAligned);
    w.field("strict_dkim", d.strictDkim);
    w.field("strict_spf", d.strictSpf);
    w.field("testing", d.testing);
    w.close();
}

void arc(Writer &w, const std::optional<ArcResult> &r)
{
    if (!r) {
        w.null();
        return;
    }
    const ArcResult &a = *r;
    w.open();
    w.key("chain");
    w.openArray();
    for (const ArcInstance &i : a.chain) {
        w.item();
        w.open();
        w.field("authentication_results", i.authResults);
        w.field("authserv_id", i.authservId);
        w.field("cv", i.cv);
        w.field("domain", i.domain);
        w.field("instance", i.instance);
        w.field("message_signature_result", i.messageSignatureResult);
        w.field("seal_result", i.sealResult);
        w.field("selector", i.selector);
        w.close();
    }
    w.closeArray();
    w.field("instances", a.instances);
    w.field("oldest_pass", a.oldestPass);
    w.field("override_sealer", a.overrideSealer);
    w.field("reason", a.reason);
    w.field("result", a.result);
    w.field("trusted_dmarc_pass", a.trustedDmarcPass);
    w.field("trusted_sealer", a.trustedSealer);
    w.close();
}

void authenticationResults(Writer &w, const std::vector<AuthResultsHeader> &list)
{
    w.openArray();
    for (const AuthResultsHeader &h : list) {
        w.item();
        w.open();
        w.field("authserv_id", h.authservId);
        w.field("field_index", uint64_t(h.fieldIndex));
        w.key("methods");
        w.openArray();
        for (const AuthMethodResult &m : h.methods) {
            w.item();
            w.open();
            w.field("method", m.method);
            w.key("properties");
            w.open(); // a std::map: already in key order, as nlohmann writes it
            for (const auto &p : m.properties) {
                w.dataKey(p.first);
                w.string(p.second);
            }
            w.close();
            w.field("reason", m.reason);
            w.field("result", m.result);
            w.close();
        }
        w.closeArray();
        w.field("parse_error", h.parseError);
        w.field("parsed", h.parsed);
        w.field("raw", h.raw);
        w.field("trust_reason", h.trustReason);
        w.field("trusted", h.trusted);
        w.close();
    }
    w.closeArray();
}

void received(Writer &w, const std::vector<ReceivedHop> &list)
{
    w.openArray();
    for (const ReceivedHop &h : list) {
        w.item();
        w.open();
        w.field("by", h.by);
        w.field("date", h.date);
        w.field("delay_seconds", h.delaySeconds);
        w.field("field_index", uint64_t(h.fieldIndex));
        w.field("for", h.forAddress);
        w.field("from", h.from);
        w.field("from_rdns", h.fromRdns);
        w.field("id", h.id);
        w.field("ip", h.ip);
        w.field("parsed", h.parsed);
        w.field("time", h.time);
        w.field("tls", h.tls);
        w.field("tls_detail", h.tlsDetail);
        w.field("trusted", h.trusted);
        w.field("via", h.via);
        w.field("with", h.with);
        w.close();
    }
    w.closeArray();
}

void otherMethods(Writer &w, const Report &r)
{
    w.key("domainkeys");
    w.openArray();
    for (const DomainKeysResult &d : r.domainKeys) {
        w.item();
        w.open();
        w.field("canonicalization", d.canonicalization);
        w.field("domain", d.domain);
        w.field("field_index", uint64_t(d.fieldIndex));
        w.field("key_bits", d.keyBits);
        w.field("reason", d.reason);
        w.field("result", d.result);
        w.field("selector", d.selector);
        w.field("sender", d.sender);
        w.field("signed_headers", d.signedHeaders);
        w.field("testing", d.testing);
        w.close();
    }
    w.closeArray();
}

} // namespace

void appendReportJson(const Report &r, std::string &out)
{
    Writer w(out);
    w.open();
    w.key("arc");
    arc(w, r.arc);
    w.key("authenticated_domain");
    w.stringOrNull(r.authenticatedDomain);
    w.key("authentication_results");
    authenticationResults(w, r.authenticationResults);
    w.field("boundary_hop", r.boundaryHop);
    w.field("date", r.date);
    w.key("dkim");
    w.openArray();
    for (const DkimResult &d : r.dkim) {
        w.item();
        dkim(w, d);
    }
    w.closeArray();
    w.key("dmarc");
    dmarc(w, r.dmarc);
    otherMethods(w, r);
    w.key("findings");
    w.open();
    w.key("reasons");
    w.openArray();
    for (const Finding &f : r.reasons) {
        w.item();
        finding(w, f);
    }
    w.closeArray();
    w.key("warnings");
    w.openArray();
    for (const Finding &f : r.warnings) {
        w.item();
        finding(w, f);
    }
    w.closeArray();
    w.close();
    w.key("from");
    from(w, r.from);
    w.key("historic");
    w.openArray();
    for (const HistoricMethod &h : r.historic) {
        w.item();
        w.open();
        w.field("domain", h.domain);
        w.field("method", h.method);
        w.field("reason", h.reason);
        w.field("record", h.record);
        w.field("record_meaning", h.recordMeaning);
        w.field("replaced_by", h.replacedBy);
        w.field("reported_by", h.reportedBy);
        w.field("result", h.result);
        w.field("trusted", h.trusted);
        w.close();
    }
    w.closeArray();
    w.key("iprev");
    if (r.iprev) {
        const IprevResult &i = *r.iprev;
        w.open();
        w.field("client_ip", i.clientIp);
        w.field("confirmed_name", i.confirmedName);
        w.field("ptr_names", i.ptrNames);
        w.field("reason", i.reason);
        w.field("result", i.result);
        w.close();
    } else {
        w.null();
    }
    w.field("message_id", r.messageId);
    w.key("pgp");
    signature(w, r.pgp);
    w.key("provider");
    w.stringOrNull(r.provider);
    w.key("reasons");
    w.openArray();
    for (const Finding &f : r.reasons) {
        w.item();
        w.string(f.text);
    }
    w.closeArray();
    w.key("received");
    received(w, r.received);
    w.field("report_version", r.version);
    w.key("smime");
    signature(w, r.smime);
    w.field("source", r.source);
    w.key("spf");
    spf(w, r.spf);
    w.field("subject", r.subject);
    w.field("user_exception", r.userException);
    w.key("vbr");
    if (r.vbr) {
        const VbrResult &v = *r.vbr;
        w.open();
        w.field("authenticated_by", v.authenticatedBy);
        w.field("category", v.category);
        w.field("domain", v.domain);
        w.field("reason", v.reason);
        w.field("result", v.result);
        w.field("vouched_categories", v.vouchedCategories);
        w.field("voucher", v.voucher);
        w.field("vouchers", v.vouchers);
        w.close();
    } else {
        w.null();
    }
    w.field("verdict", verdictName(r.verdict));
    w.field("verified_at", r.verifiedAt);
    w.key("via");
    w.stringOrNull(r.via);
    w.key("warnings");
    w.openArray();
    for (const Finding &f : r.warnings) {
        w.item();
        w.string(f.text);
    }
    w.closeArray();
    w.close();
}

} // namespace verifier
