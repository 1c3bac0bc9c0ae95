#pragma once
// Program settings, stored with QSettings: DNS (the system's resolvers or a chosen server
// ADDR[@PORT]), extra S/MIME roots (PEM files), the GnuPG home, the language (applied at the
// next start) and the default of the opt-in $Phishing keyword for new accounts.

#include "Expected.h"
#include "VerificationScheduler.h"

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;
class QRadioButton;
class QSettings;

namespace sealcheck::ui {

struct AppSettings
{
    /// "ADDR[@PORT]"; empty = the system's resolvers.
    QString dnsServer;
    QStringList smimeRootFiles;
    /// Empty = GnuPG's default home.
    QString gnupgHome;
    /// "" = the system's language, else "en", "de", "fr".
    QString language;
    bool phishingKeywordDefault = false;
    bool operator==(const AppSettings &) const = default;

    static AppSettings load(QSettings &settings);
    void store(QSettings &settings) const;
    /// The settings the verifier runs with (a libunbound resolver behind a cache); an Error
    /// when the DNS server cannot be used.
    verifier::Expected<VerificationSettings> toVerificationSettings() const;
    /// True when @p server is "ADDR" or "ADDR@PORT" with an IPv4/IPv6 address and a valid port.
    static bool isValidDnsServer(const QString &server);
};

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    void setSettings(const AppSettings &settings);
    AppSettings settings() const;

    QRadioButton *systemDnsButton() const { return m_systemDns; }
    QRadioButton *customDnsButton() const { return m_customDns; }
    QLineEdit *dnsServerEdit() const { return m_dnsServer; }
    QListWidget *rootList() const { return m_roots; }
    QLineEdit *gnupgHomeEdit() const { return m_gnupgHome; }
    QComboBox *languageBox() const { return m_language; }
    QCheckBox *phishingBox() const { return m_phishing; }

    void accept() override;

private:
    QRadioButton *m_systemDns;
    QRadioButton *m_customDns;
    QLineEdit *m_dnsServer;
    QListWidget *m_roots;
    QLineEdit *m_gnupgHome;
    QComboBox *m_language;
    QCheckBox *m_phishing;
};

} // namespace sealcheck::ui
