#include "ReportJson.h"

#include <nlohmann/json.hpp>

namespace verifier {

using nlohmann::json;

namespace {

template<typename E, typename NameFn>
std::optional<E> enumFromName(std::string_view name, NameFn nameOf, std::initializer_list<E> all)
{
    for (E e : all) {
        if (nameOf(e) == name)
            return e;
    }
    return std::nullopt;
}

json resultToken(AuthResult r) { return std::string(rfc8601Token(r)); }

AuthResult resultFrom(const json &j, const char *key)
{
    if (!j.contains(key) || !j[key].is_string())
        return AuthResult::None;
    return parseAuthResult(j[key].get<std::string>()).value_or(AuthResult::None);
}

template<typename T>
json optionalNumber(const std::optional<T> &v)
{
    return v ? json(*v) : json(nullptr);
}

template<typename T>
std::optional<T> numberFrom(const json &j, const char *key)
{
    if (!j.contains(key) || j[key].is_null())
        return std::nullopt;
    return j[key].get<T>();
}

std::string str(const json &j, const char *key)
{
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

bool flag(const json &j, const char *key)
{
    return j.contains(key) && j[key].is_boolean() && j[key].get<bool>();
}

std::vector<std::string> strings(const json &j, const char *key)
{
    std::vector<std::string> out;
    if (j.contains(key) && j[key].is_array()) {
        for (const auto &v : j[key])
            out.push_back(v.is_string() ? v.get<std::string>() : v.dump());
    }
    return out;
}

constexpr std::initializer_list<AddressListKind> kKinds = {AddressListKind::None, AddressListKind::One,
                                                           AddressListKind::Several, AddressListKind::Ambiguous,
                                                           AddressListKind::Invalid};
std::string_view kindName(AddressListKind k)
{
    switch (k) {
    case AddressListKind::None: return "none";
    case AddressListKind::One: return "one";
    case AddressListKind::Several: return "several";
    case AddressListKind::Ambiguous: return "ambiguous";
    case AddressListKind::Invalid: return "invalid";
    }
    return "none";
}

json findingToJson(const Finding &f) { return {{"code", findingCodeName(f.code)}, {"args", f.args}, {"text", f.text}}; }

json signatureToJson(const std::optional<SignatureResult> &s)
{
    if (!s)
        return nullptr;
    return {{"result", resultToken(s->result)},
            {"signer", s->signer},
            {"signer_addresses", s->signerAddresses},
            {"signer_name", s->signerName},
            {"trusted", s->trusted},
            {"matches_from", s->matchesFrom},
            {"covers_whole_body", s->coversWholeBody},
            {"unsigned_parts", s->unsignedParts},
            {"fingerprint", s->fingerprint},
            {"issuer", s->issuer},
            {"signing_time", optionalNumber(s->signingTime)},
            {"reason", s->reason}};
}

std::optional<SignatureResult> signatureFromJson(const json &j)
{
    if (j.is_null() || !j.is_object())
        return std::nullopt;
    SignatureResult s;
    s.result = resultFrom(j, "result");
    s.signer = str(j, "signer");
    s.signerAddresses = strings(j, "signer_addresses");
    s.signerName = str(j, "signer_name");
    s.trusted = flag(j, "trusted");
    s.matchesFrom = flag(j, "matches_from");
    s.coversWholeBody = flag(j, "covers_whole_body");
    s.unsignedParts = strings(j, "unsigned_parts");
    s.fingerprint = str(j, "fingerprint");
    s.issuer = str(j, "issuer");
    s.signingTime = numberFrom<int64_t>(j, "signing_time");
    s.reason = str(j, "reason");
    return s;
}

json toJsonValue(const Report &r)
{
    json j;
    j["source"] = r.source;
    j["message_id"] = r.messageId;
    j["subject"] = r.subject;
    j["date"] = r.date;
    j["from"] = {{"header", r.from.header},
                 {"address", r.from.address ? json(*r.from.address) : json(nullptr)},
                 {"domain", r.from.domain.empty() ? json(nullptr) : json(r.from.domain)},
                 {"local_part", r.from.localPart},
                 {"display_name", r.from.displayName},
                 {"kind", kindName(r.from.kind)},
                 {"field_count", r.from.fieldCount},
                 {"problem", r.from.problem},
                 {"display_name_has_address", r.from.displayNameHasAddress}};
    j["verdict"] = verdictName(r.verdict);
    j["reasons"] = json::array();
    for (const auto &f : r.reasons)
        j["reasons"].push_back(f.text);
    j["warnings"] = json::array();
    for (const auto &f : r.warnings)
        j["warnings"].push_back(f.text);
    j["findings"] = {{"reasons", json::array()}, {"warnings", json::array()}};
    for (const auto &f : r.reasons)
        j["findings"]["reasons"].push_back(findingToJson(f));
    for (const auto &f : r.warnings)
        j["findings"]["warnings"].push_back(findingToJson(f));

    if (r.spf) {
        const SpfResult &s = *r.spf;
        j["spf"] = {{"result", resultToken(s.result)}, {"domain", s.domain}, {"identity", s.identity},
                    {"client_ip", s.clientIp}, {"helo", s.helo}, {"mail_from", s.mailFrom},
                    {"record", s.record}, {"mechanism", s.mechanism}, {"explanation", s.explanation},
                    {"reason", s.reason}, {"dns_lookups", s.dnsLookups}, {"void_lookups", s.voidLookups},
                    {"envelope_source", s.envelopeSource}, {"evaluated", s.evaluated},
                    {"helo_result", s.heloResult ? resultToken(*s.heloResult) : json(nullptr)}};
    } else {
        j["spf"] = nullptr;
    }

    j["dkim"] = json::array();
    for (const DkimResult &d : r.dkim) {
        j["dkim"].push_back({{"result", resultToken(d.result)},
                             {"domain", d.domain},
                             {"selector", d.selector},
                             {"identity", d.identity},
                             {"algorithm", d.algorithm},
                             {"canonicalization", d.canonicalization},
                             {"key_bits", d.keyBits},
                             {"key_type", d.keyType},
                             {"aligned", d.aligned},
                             {"dnssec", d.dnssec},
                             {"testing", d.testing},
                             {"reason", d.reason},
                             {"failure", dkimFailureName(d.failure)},
                             {"body_length_limit", optionalNumber(d.bodyLengthLimit)},
                             {"body_length", d.bodyLength},
                             {"signed_headers", d.signedHeaders},
                             {"unsigned_instances", d.unsignedInstances},
                             {"covers_whole_message", d.coversWholeMessage()},
                             {"timestamp", optionalNumber(d.timestamp)},
                             {"expiration", optionalNumber(d.expiration)},
                             {"key_record", d.keyRecord},
                             {"signature_start", d.signatureStart},
                             {"warnings", d.warnings},
                             {"field_index", d.fieldIndex},
                             {"remembered_key_since", optionalNumber(d.rememberedKeySince)},
                             {"remembered_key_last_seen", optionalNumber(d.rememberedKeyLastSeen)},
                             {"key_changed", d.keyChanged},
                             {"key_pinned", d.keyPinned},
                             {"pinned_key_changed", d.pinnedKeyChanged},
                             {"accepted_signer", d.acceptedSigner}});
    }

    if (r.dmarc) {
        const DmarcResult &d = *r.dmarc;
        j["dmarc"] = {{"result", resultToken(d.result)},
                      {"domain", d.domain},
                      {"org_domain", d.orgDomain},
                      {"record_domain", d.recordDomain},
                      {"record", d.record},
                      {"policy", dmarcPolicyName(d.policy)},
                      {"domain_policy", dmarcPolicyName(d.domainPolicy)},
                      {"spf_aligned", d.spfAligned},
                      {"dkim_aligned", d.dkimAligned},
                      {"strict_spf", d.strictSpf},
                      {"strict_dkim", d.strictDkim},
                      {"testing", d.testing},
                      {"reason", d.reason},
                      {"org_domain_psl", d.orgDomainPsl ? json(*d.orgDomainPsl) : json(nullptr)},
                      {"result_rfc7489", d.resultRfc7489 ? resultToken(*d.resultRfc7489) : json(nullptr)}};
    } else {
        j["dmarc"] = nullptr;
    }

    if (r.arc) {
        const ArcResult &a = *r.arc;
        json chain = json::array();
        for (const ArcInstance &i : a.chain) {
            chain.push_back({{"instance", i.instance}, {"domain", i.domain}, {"selector", i.selector},
                             {"cv", i.cv}, {"seal_result", resultToken(i.sealResult)},
                             {"message_signature_result", resultToken(i.messageSignatureResult)},
                             {"authserv_id", i.authservId}, {"authentication_results", i.authResults}});
        }
        j["arc"] = {{"result", resultToken(a.result)}, {"instances", a.instances}, {"reason", a.reason},
                    {"chain", chain}, {"oldest_pass", a.oldestPass}, {"trusted_sealer", a.trustedSealer},
                    {"trusted_dmarc_pass", a.trustedDmarcPass},
                    {"override_sealer", a.overrideSealer}};
    } else {
        j["arc"] = nullptr;
    }

    j["smime"] = signatureToJson(r.smime);
    j["pgp"] = signatureToJson(r.pgp);

    j["authentication_results"] = json::array();
    for (const AuthResultsHeader &h : r.authenticationResults) {
        json methods = json::array();
        for (const AuthMethodResult &m : h.methods) {
            methods.push_back({{"method", m.method}, {"result", m.result}, {"reason", m.reason},
                               {"properties", m.properties}});
        }
        j["authentication_results"].push_back({{"authserv_id", h.authservId}, {"trusted", h.trusted},
                                               {"trust_reason", h.trustReason}, {"parsed", h.parsed},
                                               {"parse_error", h.parseError}, {"methods", methods},
                                               {"field_index", h.fieldIndex}, {"raw", h.raw}});
    }

    j["received"] = json::array();
    for (const ReceivedHop &h : r.received) {
        j["received"].push_back({{"from", h.from}, {"from_rdns", h.fromRdns}, {"by", h.by}, {"via", h.via}, {"ip", h.ip},
                                 {"with", h.with}, {"id", h.id}, {"for", h.forAddress}, {"tls", h.tls},
                                 {"tls_detail", h.tlsDetail}, {"date", h.date},
                                 {"time", optionalNumber(h.time)},
                                 {"delay_seconds", optionalNumber(h.delaySeconds)}, {"trusted", h.trusted},
                                 {"field_index", h.fieldIndex}, {"parsed", h.parsed}});
    }
    if (r.iprev) {
        const IprevResult &i = *r.iprev;
        j["iprev"] = {{"result", resultToken(i.result)}, {"client_ip", i.clientIp}, {"ptr_names", i.ptrNames},
                      {"confirmed_name", i.confirmedName}, {"reason", i.reason}};
    } else {
        j["iprev"] = nullptr;
    }
    if (r.vbr) {
        const VbrResult &v = *r.vbr;
        j["vbr"] = {{"result", resultToken(v.result)}, {"domain", v.domain}, {"category", v.category},
                    {"vouchers", v.vouchers}, {"authenticated_by", v.authenticatedBy}, {"voucher", v.voucher},
                    {"vouched_categories", v.vouchedCategories}, {"reason", v.reason}};
    } else {
        j["vbr"] = nullptr;
    }
    j["domainkeys"] = json::array();
    for (const DomainKeysResult &d : r.domainKeys) {
        j["domainkeys"].push_back({{"result", resultToken(d.result)}, {"domain", d.domain}, {"selector", d.selector},
                                   {"canonicalization", d.canonicalization}, {"sender", d.sender},
                                   {"signed_headers", d.signedHeaders}, {"key_bits", d.keyBits},
                                   {"testing", d.testing}, {"reason", d.reason}, {"field_index", d.fieldIndex}});
    }
    j["historic"] = json::array();
    for (const HistoricMethod &h : r.historic) {
        j["historic"].push_back({{"method", h.method}, {"result", h.result}, {"reported_by", h.reportedBy},
                                 {"trusted", h.trusted}, {"domain", h.domain}, {"record", h.record},
                                 {"record_meaning", h.recordMeaning}, {"replaced_by", h.replacedBy},
                                 {"reason", h.reason}});
    }
    j["boundary_hop"] = r.boundaryHop;
    j["authenticated_domain"] = r.authenticatedDomain.empty() ? json(nullptr) : json(r.authenticatedDomain);
    j["via"] = r.via.empty() ? json(nullptr) : json(r.via);
    j["user_exception"] = r.userException;
    j["provider"] = r.provider.empty() ? json(nullptr) : json(r.provider);
    j["verified_at"] = r.verifiedAt;
    j["report_version"] = r.version;
    return j;
}

} // namespace

std::string reportToJson(const Report &report)
{
    return toJsonValue(report).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string reportToJsonPretty(const Report &report)
{
    return toJsonValue(report).dump(2, ' ', false, json::error_handler_t::replace);
}

Expected<Report> reportFromJson(std::string_view text)
{
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return makeError("the stored report is not valid JSON");
    Report r;
    r.source = str(j, "source");
    r.messageId = str(j, "message_id");
    r.subject = str(j, "subject");
    r.date = str(j, "date");
    if (j.contains("from") && j["from"].is_object()) {
        const json &f = j["from"];
        r.from.header = str(f, "header");
        if (f.contains("address") && f["address"].is_string())
            r.from.address = f["address"].get<std::string>();
        r.from.domain = str(f, "domain");
        r.from.localPart = str(f, "local_part");
        r.from.displayName = str(f, "display_name");
        r.from.kind = enumFromName<AddressListKind>(str(f, "kind"), kindName, kKinds).value_or(AddressListKind::None);
        r.from.fieldCount = f.value("field_count", 0);
        r.from.problem = str(f, "problem");
        r.from.displayNameHasAddress = flag(f, "display_name_has_address");
    }
    r.verdict = enumFromName<Verdict>(str(j, "verdict"), verdictName,
                                      {Verdict::Authenticated, Verdict::Forged, Verdict::Suspicious,
                                       Verdict::Unauthenticated, Verdict::NotChecked})
                    .value_or(Verdict::Unauthenticated);
    auto findings = [&](const char *key, std::vector<Finding> &out) {
        if (!j.contains("findings") || !j["findings"].contains(key))
            return;
        for (const auto &f : j["findings"][key]) {
            Finding x;
            std::string code = str(f, "code");
            for (int c = 0; c <= int(FindingCode::Other); ++c) {
                if (findingCodeName(FindingCode(c)) == code)
                    x.code = FindingCode(c);
            }
            x.args = strings(f, "args");
            x.text = str(f, "text");
            out.push_back(std::move(x));
        }
    };
    findings("reasons", r.reasons);
    findings("warnings", r.warnings);

    if (j.contains("spf") && j["spf"].is_object()) {
        const json &s = j["spf"];
        SpfResult x;
        x.result = resultFrom(s, "result");
        x.domain = str(s, "domain");
        x.identity = str(s, "identity");
        x.clientIp = str(s, "client_ip");
        x.helo = str(s, "helo");
        x.mailFrom = str(s, "mail_from");
        x.record = str(s, "record");
        x.mechanism = str(s, "mechanism");
        x.explanation = str(s, "explanation");
        x.reason = str(s, "reason");
        x.dnsLookups = s.value("dns_lookups", 0);
        x.voidLookups = s.value("void_lookups", 0);
        x.envelopeSource = str(s, "envelope_source");
        x.evaluated = flag(s, "evaluated");
        if (s.contains("helo_result") && s["helo_result"].is_string())
            x.heloResult = resultFrom(s, "helo_result");
        r.spf = x;
    }
    if (j.contains("dkim") && j["dkim"].is_array()) {
        for (const json &d : j["dkim"]) {
            DkimResult x;
            x.result = resultFrom(d, "result");
            std::string failure = str(d, "failure");
            for (int c = 0; c <= int(DkimFailure::NotEvaluated); ++c) {
                if (dkimFailureName(DkimFailure(c)) == failure)
                    x.failure = DkimFailure(c);
            }
            x.reason = str(d, "reason");
            x.domain = str(d, "domain");
            x.selector = str(d, "selector");
            x.identity = str(d, "identity");
            x.algorithm = str(d, "algorithm");
            x.canonicalization = str(d, "canonicalization");
            x.keyBits = d.value("key_bits", 0);
            x.keyType = str(d, "key_type");
            x.dnssec = flag(d, "dnssec");
            x.testing = flag(d, "testing");
            x.aligned = flag(d, "aligned");
            x.bodyLengthLimit = numberFrom<uint64_t>(d, "body_length_limit");
            x.bodyLength = d.value("body_length", uint64_t(0));
            x.signedHeaders = strings(d, "signed_headers");
            x.unsignedInstances = strings(d, "unsigned_instances");
            x.timestamp = numberFrom<int64_t>(d, "timestamp");
            x.expiration = numberFrom<int64_t>(d, "expiration");
            x.keyRecord = str(d, "key_record");
            x.signatureStart = str(d, "signature_start");
            x.warnings = strings(d, "warnings");
            x.fieldIndex = d.value("field_index", size_t(0));
            x.rememberedKeySince = numberFrom<int64_t>(d, "remembered_key_since");
            x.rememberedKeyLastSeen = numberFrom<int64_t>(d, "remembered_key_last_seen");
            x.keyChanged = flag(d, "key_changed");
            x.keyPinned = flag(d, "key_pinned");
            x.pinnedKeyChanged = flag(d, "pinned_key_changed");
            x.acceptedSigner = flag(d, "accepted_signer");
            r.dkim.push_back(std::move(x));
        }
    }
    if (j.contains("dmarc") && j["dmarc"].is_object()) {
        const json &d = j["dmarc"];
        DmarcResult x;
        auto policy = [](const std::string &s) {
            return enumFromName<DmarcPolicy>(s, dmarcPolicyName,
                                             {DmarcPolicy::Unspecified, DmarcPolicy::None, DmarcPolicy::Quarantine,
                                              DmarcPolicy::Reject})
                .value_or(DmarcPolicy::Unspecified);
        };
        x.result = resultFrom(d, "result");
        x.domain = str(d, "domain");
        x.orgDomain = str(d, "org_domain");
        x.recordDomain = str(d, "record_domain");
        x.record = str(d, "record");
        x.policy = policy(str(d, "policy"));
        x.domainPolicy = policy(str(d, "domain_policy"));
        x.spfAligned = flag(d, "spf_aligned");
        x.dkimAligned = flag(d, "dkim_aligned");
        x.strictSpf = flag(d, "strict_spf");
        x.strictDkim = flag(d, "strict_dkim");
        x.testing = flag(d, "testing");
        x.reason = str(d, "reason");
        if (d.contains("org_domain_psl") && d["org_domain_psl"].is_string())
            x.orgDomainPsl = d["org_domain_psl"].get<std::string>();
        if (d.contains("result_rfc7489") && d["result_rfc7489"].is_string())
            x.resultRfc7489 = resultFrom(d, "result_rfc7489");
        r.dmarc = x;
    }
    if (j.contains("arc") && j["arc"].is_object()) {
        const json &a = j["arc"];
        ArcResult x;
        x.result = resultFrom(a, "result");
        x.instances = a.value("instances", 0);
        x.reason = str(a, "reason");
        x.oldestPass = a.value("oldest_pass", 0);
        x.trustedSealer = flag(a, "trusted_sealer");
        x.trustedDmarcPass = flag(a, "trusted_dmarc_pass");
        x.overrideSealer = str(a, "override_sealer");
        if (a.contains("chain") && a["chain"].is_array()) {
            for (const json &i : a["chain"]) {
                ArcInstance y;
                y.instance = i.value("instance", 0);
                y.domain = str(i, "domain");
                y.selector = str(i, "selector");
                y.cv = str(i, "cv");
                y.sealResult = resultFrom(i, "seal_result");
                y.messageSignatureResult = resultFrom(i, "message_signature_result");
                y.authservId = str(i, "authserv_id");
                y.authResults = str(i, "authentication_results");
                x.chain.push_back(std::move(y));
            }
        }
        r.arc = x;
    }
    r.smime = signatureFromJson(j.value("smime", json(nullptr)));
    r.pgp = signatureFromJson(j.value("pgp", json(nullptr)));
    if (j.contains("authentication_results") && j["authentication_results"].is_array()) {
        for (const json &h : j["authentication_results"]) {
            AuthResultsHeader x;
            x.authservId = str(h, "authserv_id");
            x.trusted = flag(h, "trusted");
            x.trustReason = str(h, "trust_reason");
            x.parsed = flag(h, "parsed");
            x.parseError = str(h, "parse_error");
            x.fieldIndex = h.value("field_index", size_t(0));
            x.raw = str(h, "raw");
            if (h.contains("methods") && h["methods"].is_array()) {
                for (const json &m : h["methods"]) {
                    AuthMethodResult y;
                    y.method = str(m, "method");
                    y.result = str(m, "result");
                    y.reason = str(m, "reason");
                    if (m.contains("properties") && m["properties"].is_object()) {
                        for (auto it = m["properties"].begin(); it != m["properties"].end(); ++it)
                            y.properties[it.key()] = it.value().is_string() ? it.value().get<std::string>() : it.value().dump();
                    }
                    x.methods.push_back(std::move(y));
                }
            }
            r.authenticationResults.push_back(std::move(x));
        }
    }
    if (j.contains("received") && j["received"].is_array()) {
        for (const json &h : j["received"]) {
            ReceivedHop x;
            x.from = str(h, "from");
            x.fromRdns = str(h, "from_rdns");
            x.by = str(h, "by");
            x.via = str(h, "via");
            x.ip = str(h, "ip");
            x.with = str(h, "with");
            x.id = str(h, "id");
            x.forAddress = str(h, "for");
            x.tls = flag(h, "tls");
            x.tlsDetail = str(h, "tls_detail");
            x.date = str(h, "date");
            x.time = numberFrom<int64_t>(h, "time");
            x.delaySeconds = numberFrom<int64_t>(h, "delay_seconds");
            x.trusted = flag(h, "trusted");
            x.fieldIndex = h.value("field_index", size_t(0));
            x.parsed = flag(h, "parsed");
            r.received.push_back(std::move(x));
        }
    }
    if (j.contains("iprev") && j["iprev"].is_object()) {
        const json &i = j["iprev"];
        IprevResult x;
        x.result = resultFrom(i, "result");
        x.clientIp = str(i, "client_ip");
        x.ptrNames = strings(i, "ptr_names");
        x.confirmedName = str(i, "confirmed_name");
        x.reason = str(i, "reason");
        r.iprev = x;
    }
    if (j.contains("vbr") && j["vbr"].is_object()) {
        const json &v = j["vbr"];
        VbrResult x;
        x.result = resultFrom(v, "result");
        x.domain = str(v, "domain");
        x.category = str(v, "category");
        x.vouchers = strings(v, "vouchers");
        x.authenticatedBy = str(v, "authenticated_by");
        x.voucher = str(v, "voucher");
        x.vouchedCategories = strings(v, "vouched_categories");
        x.reason = str(v, "reason");
        r.vbr = x;
    }
    if (j.contains("domainkeys") && j["domainkeys"].is_array()) {
        for (const json &d : j["domainkeys"]) {
            DomainKeysResult x;
            x.result = resultFrom(d, "result");
            x.domain = str(d, "domain");
            x.selector = str(d, "selector");
            x.canonicalization = str(d, "canonicalization");
            x.sender = str(d, "sender");
            x.signedHeaders = strings(d, "signed_headers");
            x.keyBits = d.value("key_bits", 0);
            x.testing = flag(d, "testing");
            x.reason = str(d, "reason");
            x.fieldIndex = d.value("field_index", size_t(0));
            r.domainKeys.push_back(std::move(x));
        }
    }
    if (j.contains("historic") && j["historic"].is_array()) {
        for (const json &h : j["historic"]) {
            HistoricMethod x;
            x.method = str(h, "method");
            x.result = str(h, "result");
            x.reportedBy = str(h, "reported_by");
            x.trusted = flag(h, "trusted");
            x.domain = str(h, "domain");
            x.record = str(h, "record");
            x.recordMeaning = str(h, "record_meaning");
            x.replacedBy = str(h, "replaced_by");
            x.reason = str(h, "reason");
            r.historic.push_back(std::move(x));
        }
    }
    r.boundaryHop = j.value("boundary_hop", -1);
    r.authenticatedDomain = str(j, "authenticated_domain");
    r.via = str(j, "via");
    r.userException = flag(j, "user_exception");
    r.provider = str(j, "provider");
    r.verifiedAt = j.value("verified_at", int64_t(0));
    r.version = j.value("report_version", 1);
    return r;
}

} // namespace verifier
