#pragma once
// Verification settings for widget tests: the demo mailbox's DNS zone (resources/demo/demo.zone),
// its trusted relay and authserv-id, a fixed "now", no system CA, no OpenPGP. Header-only.

#include "VerificationScheduler.h"
#include "ZoneResolver.h"

#include <QDateTime>

#include <fstream>
#include <memory>
#include <sstream>

namespace sealcheck::testing {

inline QString demoDir() { return QStringLiteral(SEALCHECK_SOURCE_DIR "/resources/demo"); }

/// @p zone receives the resolver, so that a test can make names fail (ZoneResolver::setFailure).
inline VerificationSettings demoTestSettings(std::shared_ptr<verifier::ZoneResolver> *zoneOut = nullptr)
{
    VerificationSettings s;
    auto zone = std::make_shared<verifier::ZoneResolver>();
    std::ifstream in((demoDir() + QStringLiteral("/demo.zone")).toStdString());
    std::stringstream text;
    text << in.rdbuf();
    if (!zone->loadMasterFile(text.str()).ok())
        qFatal("demo zone does not load");
    s.resolver = zone;
    if (zoneOut)
        *zoneOut = zone;
    s.fixedNow = QDateTime::fromString(QStringLiteral("2026-11-24T12:00:00Z"), Qt::ISODate).toSecsSinceEpoch();
    s.trust.relays = {"mx.sealcheck-demo.example"};
    s.trust.authservIds = {"mx.sealcheck-demo.example"};
    s.signatures.useSystemCa = false;
    s.signatures.enableOpenPgp = false;
    return s;
}

} // namespace sealcheck::testing
