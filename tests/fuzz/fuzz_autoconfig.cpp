// libFuzzer target: Thunderbird clientConfig v1.1 XML (app/core AccountAutoConfig::parseClientConfig,
// QXmlStreamReader, strict and bounded) and the step that turns a parsed config into candidates
// (placeholder substitution, host/port/socketType validation).
// Seed: tests/data/autoconfig/config-v1.1.xml, e.g.
//   fuzz_autoconfig -max_len=70000 CORPUS_DIR tests/data/autoconfig
#include "AccountAutoConfig.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray xml = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    sealcheck::ClientConfigLimits limits;
    limits.maxElements = 500; // small limits so the fuzzer reaches them
    limits.maxImapServers = 8;
    auto config = sealcheck::AccountAutoConfig::parseClientConfig(xml, limits);
    if (!config.ok())
        return 0;
    QVector<sealcheck::AutoConfigNote> notes;
    const auto candidates = sealcheck::AccountAutoConfig::candidatesFromConfig(
        *config, QStringLiteral("fuzz.user@example.com"), sealcheck::AutoConfigSource::AutoconfigHost,
        QStringLiteral("https://autoconfig.example.com/mail/config-v1.1.xml"), &notes);
    for (const auto &c : candidates) {
        // Invariants every candidate keeps, whatever the input.
        if (c.host.isEmpty() || c.port == 0 || c.username.isEmpty())
            __builtin_trap();
    }
    for (const auto &s : config->imapServers)
        (void)sealcheck::AccountAutoConfig::resolvePlaceholders(s.username, QStringLiteral("a%b@example.org"));
    // The limits hold for the default settings too.
    (void)sealcheck::AccountAutoConfig::parseClientConfig(xml);
    return 0;
}
