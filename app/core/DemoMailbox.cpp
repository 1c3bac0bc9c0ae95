#include "DemoMailbox.h"

#include "ZoneResolver.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

namespace sealcheck {

namespace {

QByteArray readResource(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool runGpg(const QString &home, const QStringList &args, const QByteArray &input, QByteArray *out = nullptr)
{
    QProcess gpg;
    gpg.setProgram(QStringLiteral("gpg"));
    gpg.setArguments(QStringList{QStringLiteral("--homedir"), home, QStringLiteral("--batch"), QStringLiteral("--no-tty")} + args);
    gpg.start();
    if (!gpg.waitForStarted(5000))
        return false;
    gpg.write(input);
    gpg.closeWriteChannel();
    if (!gpg.waitForFinished(20000))
        return false;
    if (out)
        *out = gpg.readAllStandardOutput();
    return gpg.exitStatus() == QProcess::NormalExit && gpg.exitCode() == 0;
}

} // namespace

DemoMailbox::~DemoMailbox()
{
    // Stop the gpg-agent the import started, so the private keyring can be removed.
    if (!m_settings.signatures.gnupgHome.empty()) {
        QProcess::execute(QStringLiteral("gpgconf"), {QStringLiteral("--homedir"),
                                                     QString::fromStdString(m_settings.signatures.gnupgHome),
                                                     QStringLiteral("--kill"), QStringLiteral("all")});
    }
}

QStringList DemoMailbox::knownDomains() { return {QStringLiteral("mybank.example")}; }

verifier::Expected<std::unique_ptr<DemoMailbox>> DemoMailbox::load()
{
    std::unique_ptr<DemoMailbox> demo(new DemoMailbox);
    if (!demo->m_dir.isValid())
        return verifier::makeError("cannot create a temporary folder for the demo");

    const QByteArray zoneText = readResource(QStringLiteral(":/demo/demo.zone"));
    auto zone = std::make_shared<verifier::ZoneResolver>();
    auto added = zone->loadMasterFile(std::string_view(zoneText.constData(), size_t(zoneText.size())));
    if (!added)
        return verifier::makeError("the demo zone does not load: " + added.error().message);
    demo->m_settings.resolver = zone;

    const QDateTime now = QDateTime::fromString(QString::fromLatin1(readResource(QStringLiteral(":/demo/NOW")).trimmed()), Qt::ISODate);
    demo->m_settings.fixedNow = now.isValid() ? now.toSecsSinceEpoch() : QDateTime::currentSecsSinceEpoch();
    demo->m_settings.trust.authservIds = {"mx.sealcheck-demo.example"};
    demo->m_settings.trust.relays = {"mx.sealcheck-demo.example"};
    for (const QString &d : knownDomains())
        demo->m_settings.trust.knownDomains.push_back(d.toStdString());

    // S/MIME: the demo CA as an extra root, written out because OpenSSL reads files.
    const QString caPath = demo->m_dir.filePath(QStringLiteral("demo-ca.pem"));
    QFile ca(caPath);
    if (ca.open(QIODevice::WriteOnly)) {
        ca.write(readResource(QStringLiteral(":/demo/smime/ca.pem")));
        ca.close();
        demo->m_settings.signatures.caFiles = {caPath.toStdString()};
    }

    // OpenPGP: a private keyring holding the demo key with full trust.
    const QString home = demo->m_dir.filePath(QStringLiteral("gnupg"));
    QDir().mkpath(home);
    QFile::setPermissions(home, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QByteArray key = readResource(QStringLiteral(":/demo/pgp/friend.asc"));
    QByteArray colons;
    if (runGpg(home, {QStringLiteral("--import")}, key) &&
        runGpg(home, {QStringLiteral("--with-colons"), QStringLiteral("--list-keys")}, {}, &colons)) {
        for (const QByteArray &line : colons.split('\n')) {
            if (line.startsWith("fpr:")) {
                const QByteArray fpr = line.split(':').value(9);
                runGpg(home, {QStringLiteral("--import-ownertrust")}, fpr + ":6:\n");
                break;
            }
        }
        demo->m_settings.signatures.gnupgHome = home.toStdString();
    }

    QDirIterator it(QStringLiteral(":/demo/messages"), {QStringLiteral("*.eml")}, QDir::Files);
    QStringList names;
    while (it.hasNext())
        names << it.next();
    names.sort();
    for (const QString &path : names)
        demo->m_messages.push_back({QFileInfo(path).completeBaseName(), readResource(path)});
    if (demo->m_messages.isEmpty())
        return verifier::makeError("the demo messages are missing from this build");
    return demo;
}

} // namespace sealcheck
