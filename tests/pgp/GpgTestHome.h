#pragma once
// A fresh GNUPGHOME per test process (mktemp -d /tmp/gpgXXXXXX: short, the agent socket path
// must stay under ~100 characters) holding the committed public keys of tests/data/pgp/keys and
// the root key's ownertrust (ultimate). Removed, agent killed, when the object dies.

#include "TestPaths.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

class GpgTestHome
{
public:
    GpgTestHome() : m_dir(QStringLiteral("/tmp/gpgXXXXXX"))
    {
        if (!m_dir.isValid())
            return;
        QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const QString keys = testpaths::testData(QStringLiteral("pgp/keys"));
        QStringList files;
        for (const QString &f : QDir(keys).entryList({QStringLiteral("*.asc")}, QDir::Files, QDir::Name))
            files << keys + QLatin1Char('/') + f;
        m_ok = run(QStringList{QStringLiteral("--import")} + files) && run({QStringLiteral("--import-ownertrust"), keys + QStringLiteral("/ownertrust.txt")})
            && run({QStringLiteral("--check-trustdb")});
    }
    ~GpgTestHome()
    {
        if (m_dir.isValid())
            QProcess::execute(QStringLiteral("gpgconf"), {QStringLiteral("--homedir"), m_dir.path(), QStringLiteral("--kill"), QStringLiteral("all")});
    }
    bool ok() const { return m_ok; }
    QString path() const { return m_dir.path(); }
    QString error() const { return m_error; }

    /// Fingerprints written by scripts/make-signature-testdata.sh (alice=..., bob=...).
    static QString fingerprint(const QString &name)
    {
        const QString text = QString::fromStdString(testpaths::readFile(testpaths::testData(QStringLiteral("pgp/keys/fingerprints.txt"))));
        for (const QString &line : text.split(QLatin1Char('\n')))
            if (line.startsWith(name + QLatin1Char('=')))
                return line.mid(name.size() + 1).trimmed();
        return {};
    }

private:
    bool run(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral("gpg"), QStringList{QStringLiteral("--batch"), QStringLiteral("--homedir"), m_dir.path()} + args);
        if (!p.waitForFinished(60000) || p.exitCode() != 0) {
            m_error += QString::fromLocal8Bit(p.readAllStandardError());
            return false;
        }
        return true;
    }
    QTemporaryDir m_dir;
    bool m_ok = false;
    QString m_error;
};
