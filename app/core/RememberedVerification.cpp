#include "RememberedVerification.h"

#include "DkimSignature.h"
#include "Received.h"
#include "RememberingResolver.h"
#include "Strings.h"
#include "Verdict.h"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <mutex>

namespace sealcheck {

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

bool sameOrParent(std::string_view child, std::string_view parent)
{
    if (parent.empty())
        return false;
    if (child.size() == parent.size())
        return verifier::equalsIgnoreCase(child, parent);
    return child.size() > parent.size() && child[child.size() - parent.size() - 1] == '.' &&
           verifier::equalsIgnoreCase(child.substr(child.size() - parent.size()), parent);
}

bool oneOf(verifier::FindingCode code, std::initializer_list<verifier::FindingCode> codes)
{
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

/// Findings of the sender analysis inside verify(); decideVerdict() cannot recompute them, so
/// they are carried into the second decision.
bool fromSenderAnalysis(verifier::FindingCode code)
{
    using C = verifier::FindingCode;
    return oneOf(code, {C::DisplayNameAddress, C::LookalikeDomain, C::DeceptiveCharacters, C::ReplyToOtherOrganisation,
                        C::SenderOtherOrganisation, C::CommentAddress, C::KnownDomainEmbedded, C::MixedScriptDomain});
}

/// Warnings decideVerdict() makes from the Report itself: dropped before deciding again, so a
/// warning that no longer holds (e.g. "not the From domain" for a signer the user accepted) goes.
bool fromVerdict(verifier::FindingCode code)
{
    using C = verifier::FindingCode;
    return oneOf(code, {C::UntrustedAuthResults, C::TimeExplainsDisagreement, C::SourcesDisagree, C::WeakKey,
                        C::KeyTesting, C::ReportedOnly, C::SignatureTemporaryError, C::DmarcFailNoPolicy,
                        C::VerifiedWithRememberedKey, C::KeyChanged, C::PinnedKeyChanged});
}

} // namespace

RememberedVerification::RememberedVerification() = default;

RememberedVerification::~RememberedVerification()
{
    // The helpers refer to the store: they go first.
    m_knownDomains.reset();
    m_expectations.reset();
    m_keys.reset();
    m_store.reset();
}

verifier::Expected<bool> RememberedVerification::open(const QString &storePath)
{
    m_knownDomains.reset();
    m_expectations.reset();
    m_keys.reset();
    m_store.reset();
    m_path = storePath;
    if (storePath.isEmpty())
        return verifier::makeError("no store file given for the key memory");
    // MessageStore::open() reads the schema version before its migration transaction, so two
    // connections opening a new file at once both try to create the tables and one fails
    // ("table ... already exists"). Threads of this process open one at a time; a store that
    // another process upgraded meanwhile opens on the second attempt.
    static std::mutex openMutex;
    std::lock_guard lock(openMutex);
    std::unique_ptr<MessageStore> store;
    verifier::Expected<bool> opened = verifier::makeError("not opened");
    for (int attempt = 0; attempt < 2; ++attempt) {
        store = std::make_unique<MessageStore>();
        opened = store->open(storePath);
        if (opened)
            break;
    }
    if (!opened)
        return opened.error();
    m_store = std::move(store);
    m_keys = std::make_unique<KeyMemory>(*m_store);
    m_expectations = std::make_unique<SenderExpectations>(*m_store);
    m_knownDomains = std::make_unique<KnownDomains>(*m_store);
    return true;
}

void addKnownDomains(std::vector<std::string> &list, const std::vector<std::string> &extra)
{
    for (const std::string &d : extra) {
        const bool present = std::any_of(list.begin(), list.end(), [&](const std::string &x) {
            return verifier::equalsIgnoreCase(x, d);
        });
        if (!present)
            list.push_back(d);
    }
}

verifier::Report RememberedVerification::verify(const verifier::Message &message, const verifier::VerifyContext &context,
                                                std::string *error)
{
    if (!isOpen())
        return verifier::verify(message, context);
    verifier::VerifyContext withKnown = context;
    addKnownDomains(withKnown.trust.knownDomains, m_knownDomains->domains());
    return verifyWithMemory(message, withKnown, *m_keys, *m_expectations, error);
}

std::optional<int64_t> trustedArrivalTime(const verifier::Message &message, const verifier::TrustPolicy &trust)
{
    const verifier::TraceAnalysis trace = verifier::analyseTrace(message, trust.relays);
    if (trace.boundaryHop < 0 || size_t(trace.boundaryHop) >= trace.hops.size())
        return std::nullopt;
    return trace.hops[size_t(trace.boundaryHop)].time;
}

verifier::Report verifyWithMemory(const verifier::Message &message, const verifier::VerifyContext &context,
                                  KeyMemory &keys, SenderExpectations &expectations, std::string *error)
{
    if (!context.resolver)
        return verifier::verify(message, context);

    // 1-2. Offer the remembered records that were published when this message arrived.
    const std::optional<int64_t> arrival = trustedArrivalTime(message, context.trust);
    std::map<RememberingResolver::Key, RememberedRecord> offered;
    if (arrival) {
        int seen = 0;
        for (const verifier::HeaderField *f : message.fields("DKIM-Signature")) {
            if (++seen > context.limits.maxDkimSignatures)
                break;
            const verifier::DkimSignatureParse p = verifier::parseDkimSignature(f->rawValue);
            if (!p.ok())
                continue;
            const auto k = keys.keyForArrival(q(p.signature.domain), q(p.signature.selector), *arrival);
            if (k)
                offered[{verifier::toLower(p.signature.domain), verifier::toLower(p.signature.selector)}] =
                    RememberedRecord{k->record.toStdString(), k->firstSeen, k->lastSeen};
        }
    }
    RememberingResolver resolver(*context.resolver, std::move(offered));
    verifier::VerifyContext withMemory = context;
    withMemory.resolver = &resolver;
    verifier::Report report = verifier::verify(message, withMemory);

    // 3. Annotate the DKIM results.
    const std::string fromDomain = report.from.domain;
    for (verifier::DkimResult &d : report.dkim) {
        if (d.domain.empty() || d.selector.empty())
            continue;
        if (const auto note = resolver.noteFor(d.domain, d.selector); note && note->remembered.record == d.keyRecord) {
            d.rememberedKeySince = note->remembered.firstSeen;
            d.rememberedKeyLastSeen = note->remembered.lastSeen;
        }
        if (!d.keyRecord.empty()) {
            d.keyChanged = keys.keyChangedBefore(q(d.domain), q(d.selector), q(d.keyRecord));
            if (const auto pin = keys.pinFor(q(d.domain), q(d.selector))) {
                const bool same = KeyMemory::normalizedRecord(pin->record) == KeyMemory::normalizedRecord(q(d.keyRecord));
                d.keyPinned = same;
                d.pinnedKeyChanged = !same;
            }
        }
        if (!fromDomain.empty() && !sameOrParent(fromDomain, d.domain))
            d.acceptedSigner = expectations.isAcceptedSigner(q(d.domain), q(fromDomain));
    }

    // 4. Remember what DNS published.
    if (auto recorded = keys.recordObservation(report); !recorded.ok() && error)
        *error = recorded.error().message;

    // 5-6. Expectations, then the verdict again.
    verifier::VerdictInputs inputs;
    for (const verifier::Finding &f : report.reasons) {
        if (fromSenderAnalysis(f.code))
            inputs.suspicious.push_back(f);
    }
    if (!fromDomain.empty()) {
        if (const auto expected = expectations.alwaysSigns(q(fromDomain)); expected && (!arrival || *arrival >= expected->since)) {
            const bool signedByFrom = std::any_of(report.dkim.begin(), report.dkim.end(), [&](const verifier::DkimResult &d) {
                if (d.result != verifier::AuthResult::Pass || !(d.aligned || sameOrParent(fromDomain, d.domain)))
                    return false;
                if (d.rememberedKeySince)
                    return arrival && verifier::rememberedKeyCoversArrival(
                                          *d.rememberedKeySince, d.rememberedKeyLastSeen.value_or(*d.rememberedKeySince), *arrival);
                return true;
            });
            if (!signedByFrom)
                inputs.suspicious.push_back(verifier::makeFinding(verifier::FindingCode::ExpectedSignatureMissing, {fromDomain}));
        }
    }
    for (const verifier::Finding &f : report.warnings) {
        if (!fromVerdict(f.code))
            inputs.warnings.push_back(f);
    }
    report.warnings.clear();
    verifier::decideVerdict(report, inputs);
    return report;
}

} // namespace sealcheck
