#pragma once
// The built-in demo mailbox (`sealcheck --demo`): sample messages with their own DNS zone,
// an S/MIME root and an OpenPGP key, all compiled into the program, so a new user sees every
// verdict with no account and no network. The OpenPGP key is imported into a private
// temporary GNUPGHOME that lives as long as this object.

#include "Expected.h"
#include "VerificationScheduler.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>
#include <QVector>

#include <memory>

namespace sealcheck {

class DemoMailbox
{
public:
    struct DemoMessage
    {
        QString name;
        QByteArray raw;
    };

    /// Loads the embedded demo; the settings verify with its zone, trust and keys at its time.
    static verifier::Expected<std::unique_ptr<DemoMailbox>> load();

    const QVector<DemoMessage> &messages() const { return m_messages; }
    const VerificationSettings &settings() const { return m_settings; }
    /// The demo's domains the user "corresponds with" (lookalike detection).
    static QStringList knownDomains();
    ~DemoMailbox();

private:
    DemoMailbox() = default;
    QTemporaryDir m_dir{QStringLiteral("/tmp/sealcheck-demo-XXXXXX")};
    QVector<DemoMessage> m_messages;
    VerificationSettings m_settings;
};

} // namespace sealcheck
