// Prints S/MIME verifications per second and milliseconds per GPGME verify (PGP/MIME), over the
// committed test messages. Usage: bench_signatures [seconds per measurement, default 2]
#include "GpgTestHome.h"
#include "Message.h"
#include "Mime.h"
#include "OpenPgpVerifier.h"
#include "SmimeVerifier.h"
#include "TestPaths.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace verifier;

namespace {
constexpr int64_t kNow = 1798761600;

template<typename F>
void measure(const char *label, double seconds, F &&verifyOnce)
{
    QElapsedTimer timer;
    timer.start();
    long n = 0;
    while (timer.nsecsElapsed() < qint64(seconds * 1e9) || n < 3) {
        if (!verifyOnce()) {
            std::printf("%s: verification did not pass\n", label);
            return;
        }
        ++n;
    }
    const double s = double(timer.nsecsElapsed()) / 1e9;
    std::printf("%-40s %8ld runs  %10.1f per second  %8.3f ms each\n", label, n, double(n) / s, 1000.0 * s / double(n));
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const double seconds = argc > 1 ? std::atof(argv[1]) : 2.0;
    SignatureSettings settings;
    settings.useSystemCa = false;
    settings.caFiles = {testpaths::testData(QStringLiteral("smime/certs/ca.pem")).toStdString()};

    for (const char *name : {"smime/signed-detached.eml", "smime/signed-opaque.eml"}) {
        const Message m = Message::parse(testpaths::readFile(testpaths::testData(QString::fromLatin1(name)))).value();
        const MimePart root = parseMime(m);
        measure(name, seconds, [&] {
            auto r = verifySmime(m, root, "alice@example.com", settings, kNow);
            return r && r->result == AuthResult::Pass && r->trusted;
        });
    }
    {
        const Message m = Message::parse(testpaths::readFile(testpaths::testData(QStringLiteral("smime/signed-detached.eml")))).value();
        SignatureSettings system = settings;
        system.useSystemCa = true;
        measure("smime/signed-detached.eml (+system roots)", seconds, [&] {
            auto r = verifySmime(m, parseMime(m), "alice@example.com", system, kNow);
            return r && r->result == AuthResult::Pass && r->trusted;
        });
    }

    GpgTestHome gpg;
    if (!gpg.ok()) {
        std::printf("gpg home could not be set up: %s\n", qPrintable(gpg.error()));
        return 1;
    }
    settings.gnupgHome = gpg.path().toStdString();
    for (const char *name : {"pgp/pgpmime-signed.eml", "pgp/cleartext-signed.eml"}) {
        const Message m = Message::parse(testpaths::readFile(testpaths::testData(QString::fromLatin1(name)))).value();
        const MimePart root = parseMime(m);
        measure(name, seconds, [&] {
            auto r = verifyOpenPgp(m, root, "alice@example.com", settings, kNow);
            return r && r->result == AuthResult::Pass && r->trusted;
        });
    }
    return 0;
}
