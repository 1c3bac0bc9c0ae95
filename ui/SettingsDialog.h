#pragma once
// Program settings, stored with QSettings: DNS (the system's resolvers or a chosen server
// ADDR[@PORT]), extra S/MIME roots (PEM files), the GnuPG home, the language (applied at the
// next start) and the default of the opt-in $Phishing keyword for new accounts.
//
// The page "Senders and keys" (issue 13) lists what the key memory and sender expectations hold
// in the store: pinned DKIM keys (domain, selector, since), domains that always sign and
// accepted signers, each removable; and the domains the user knows (issue 19: learned, from the
// accounts, or added here), with add and remove. Removals are written at once (memoryChanged()); entries are
// added from the security panel of a message.

#include "Expected.h"
#include "FileTrust.h"
#include "VerificationScheduler.h"

#include <QDialog>
#include <QStringList>

#include <memory>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;
class QRadioButton;
class QSettings;
class QLabel;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace sealcheck {
class RememberedVerification;
}

namespace sealcheck::ui {

class FileTrustPage;

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
    /// What opened files are verified with (Settings › Opened files; issue 20).
    FileTrust fileTrust;
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
    ~SettingsDialog() override;

    void setSettings(const AppSettings &settings);
    AppSettings settings() const;

    QRadioButton *systemDnsButton() const { return m_systemDns; }
    QRadioButton *customDnsButton() const { return m_customDns; }
    QLineEdit *dnsServerEdit() const { return m_dnsServer; }
    QListWidget *rootList() const { return m_roots; }
    QLineEdit *gnupgHomeEdit() const { return m_gnupgHome; }
    QComboBox *languageBox() const { return m_language; }
    QCheckBox *phishingBox() const { return m_phishing; }
    /// The "Opened files" page: the trust for opened files.
    FileTrustPage *fileTrustPage() const { return m_fileTrust; }

    /// The store whose key pins and sender expectations "Senders and keys" lists (opened on
    /// this thread); empty = the page says nothing is remembered. False with @p error when the
    /// store cannot be opened.
    bool setMemoryStorePath(const QString &path, QString *error = nullptr);
    /// Reads the lists again from the store.
    void reloadMemory();

    QTabWidget *pages() const { return m_pages; }
    /// Columns: domain, selector ("*" = every selector), pinned since.
    QTreeWidget *pinnedKeysList() const { return m_pins; }
    /// Columns: domain, expected since.
    QTreeWidget *alwaysSignsList() const { return m_alwaysSigns; }
    /// Columns: signer (DKIM d=), sender domain (From), accepted since.
    QTreeWidget *acceptedSignersList() const { return m_signers; }
    QPushButton *removePinButton() const { return m_removePin; }
    QPushButton *removeAlwaysSignsButton() const { return m_removeAlwaysSigns; }
    QPushButton *removeSignerButton() const { return m_removeSigner; }
    /// Columns: domain (U-label), why it is known, since. Editable: add and remove.
    QTreeWidget *knownDomainsList() const { return m_known; }
    QLineEdit *knownDomainEdit() const { return m_knownEdit; }
    QPushButton *addKnownDomainButton() const { return m_addKnown; }
    QPushButton *removeKnownDomainButton() const { return m_removeKnown; }

    void accept() override;

signals:
    /// An entry was removed from the store: verify again.
    void memoryChanged();

private:
    QWidget *sendersPage();
    void removeSelected(QTreeWidget *list);
    void addKnownDomain();

    QRadioButton *m_systemDns;
    QRadioButton *m_customDns;
    QLineEdit *m_dnsServer;
    QListWidget *m_roots;
    QLineEdit *m_gnupgHome;
    QComboBox *m_language;
    QCheckBox *m_phishing;
    QTabWidget *m_pages;
    QTreeWidget *m_pins;
    QTreeWidget *m_alwaysSigns;
    QTreeWidget *m_signers;
    QPushButton *m_removePin;
    QPushButton *m_removeAlwaysSigns;
    QPushButton *m_removeSigner;
    QTreeWidget *m_known;
    QLineEdit *m_knownEdit;
    QPushButton *m_addKnown;
    QPushButton *m_removeKnown;
    QLabel *m_memoryNote;
    FileTrustPage *m_fileTrust;
    std::unique_ptr<RememberedVerification> m_memory;
};

} // namespace sealcheck::ui
