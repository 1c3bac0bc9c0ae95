#include "SettingsDialog.h"

#include "FileTrustPage.h"
#include "KeyMemory.h"
#include "KnownDomains.h"
#include "RememberedVerification.h"
#include "ResolverSetup.h"
#include "SenderExpectations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHeaderView>
#include <QLocale>
#include <QTabWidget>
#include <QTreeWidget>
#include <QUrl>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QVBoxLayout>

namespace sealcheck::ui {

namespace {
const QString kDns = QStringLiteral("dns/server");
const QString kRoots = QStringLiteral("smime/extraRoots");
const QString kGnupg = QStringLiteral("openpgp/gnupgHome");
const QString kLanguage = QStringLiteral("ui/language");
const QString kPhishing = QStringLiteral("accounts/phishingKeywordDefault");

QString since(qint64 t)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(t).toLocalTime().date(), QLocale::ShortFormat);
}

QTreeWidget *entryList(QWidget *parent, const QStringList &columns, const QString &name)
{
    auto *list = new QTreeWidget(parent);
    list->setColumnCount(int(columns.size()));
    list->setHeaderLabels(columns);
    list->setRootIsDecorated(false);
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    list->setAccessibleName(name);
    list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return list;
}
} // namespace

AppSettings AppSettings::load(QSettings &s)
{
    AppSettings a;
    a.dnsServer = s.value(kDns).toString();
    a.smimeRootFiles = s.value(kRoots).toStringList();
    a.gnupgHome = s.value(kGnupg).toString();
    a.language = s.value(kLanguage).toString();
    a.phishingKeywordDefault = s.value(kPhishing, false).toBool();
    a.fileTrust = FileTrust::load(s);
    return a;
}

void AppSettings::store(QSettings &s) const
{
    s.setValue(kDns, dnsServer);
    s.setValue(kRoots, smimeRootFiles);
    s.setValue(kGnupg, gnupgHome);
    s.setValue(kLanguage, language);
    s.setValue(kPhishing, phishingKeywordDefault);
    fileTrust.store(s);
}

bool AppSettings::isValidDnsServer(const QString &server)
{
    QString addr = server.trimmed();
    const qsizetype at = addr.lastIndexOf(QLatin1Char('@'));
    if (at >= 0) {
        bool ok = false;
        const int port = addr.mid(at + 1).toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return false;
        addr = addr.left(at);
    }
    return !QHostAddress(addr).isNull();
}

verifier::Expected<VerificationSettings> AppSettings::toVerificationSettings() const
{
    if (!dnsServer.isEmpty() && !isValidDnsServer(dnsServer))
        return verifier::makeError("the DNS server must be an address, optionally with @port");
    ResolverOptions options;
    options.server = dnsServer.trimmed().toStdString();
    options.deferred = true; // built on a worker thread at the first query
    auto resolver = makeResolver(options);
    if (!resolver)
        return resolver.error();
    VerificationSettings s;
    s.resolver = *resolver;
    for (const QString &f : smimeRootFiles)
        s.signatures.caFiles.push_back(f.toStdString());
    s.signatures.gnupgHome = gnupgHome.toStdString();
    return s;
}

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent), m_systemDns(new QRadioButton(tr("Use the system's DNS resolvers"), this)),
      m_customDns(new QRadioButton(tr("Use this DNS server:"), this)), m_dnsServer(new QLineEdit(this)),
      m_roots(new QListWidget(this)), m_gnupgHome(new QLineEdit(this)), m_language(new QComboBox(this)),
      m_phishing(new QCheckBox(tr("Mark forged messages with $Phishing in new accounts"), this)),
      m_pages(new QTabWidget(this)),
      m_pins(entryList(this, {tr("Domain"), tr("Selector"), tr("Pinned since")}, tr("Pinned keys"))),
      m_alwaysSigns(entryList(this, {tr("Domain"), tr("Expected since")}, tr("Domains that always sign"))),
      m_signers(entryList(this, {tr("Signer"), tr("For mail from"), tr("Accepted since")}, tr("Accepted signers"))),
      m_removePin(new QPushButton(tr("Remove pin"), this)),
      m_removeAlwaysSigns(new QPushButton(tr("Remove expectation"), this)),
      m_removeSigner(new QPushButton(tr("Remove signer"), this)),
      m_known(entryList(this, {tr("Domain"), tr("Known because"), tr("Since")}, tr("Domains you know"))),
      m_knownEdit(new QLineEdit(this)), m_addKnown(new QPushButton(tr("Add domain"), this)),
      m_removeKnown(new QPushButton(tr("Remove domain"), this)), m_memoryNote(new QLabel(this)),
      m_fileTrust(new FileTrustPage(this))
{
    setWindowTitle(tr("Settings"));
    m_dnsServer->setPlaceholderText(tr("address, or address@port (e.g. 127.0.0.1@5353)"));
    m_systemDns->setChecked(true);
    m_dnsServer->setEnabled(false);
    connect(m_customDns, &QRadioButton::toggled, m_dnsServer, &QWidget::setEnabled);

    auto *dnsBox = new QGroupBox(tr("DNS"), this);
    auto *dnsLayout = new QVBoxLayout(dnsBox);
    dnsLayout->addWidget(m_systemDns);
    auto *custom = new QHBoxLayout;
    custom->addWidget(m_customDns);
    custom->addWidget(m_dnsServer, 1);
    dnsLayout->addLayout(custom);

    auto *sigBox = new QGroupBox(tr("Signatures"), this);
    auto *sigForm = new QFormLayout(sigBox);
    auto *rootButtons = new QHBoxLayout;
    auto *addRoot = new QPushButton(tr("Add…"), this);
    auto *removeRoot = new QPushButton(tr("Remove"), this);
    rootButtons->addWidget(addRoot);
    rootButtons->addWidget(removeRoot);
    rootButtons->addStretch(1);
    auto *rootPane = new QVBoxLayout;
    rootPane->addWidget(m_roots);
    rootPane->addLayout(rootButtons);
    sigForm->addRow(tr("Extra S/MIME roots (PEM):"), rootPane);
    auto *gpgRow = new QHBoxLayout;
    auto *browse = new QPushButton(tr("Choose…"), this);
    m_gnupgHome->setPlaceholderText(tr("GnuPG's default"));
    gpgRow->addWidget(m_gnupgHome, 1);
    gpgRow->addWidget(browse);
    sigForm->addRow(tr("GnuPG home:"), gpgRow);

    auto *generalBox = new QGroupBox(tr("General"), this);
    auto *generalForm = new QFormLayout(generalBox);
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    generalForm->addRow(tr("Language:"), m_language);
    auto *languageNote = new QLabel(tr("A new language is used from the next start."), this);
    generalForm->addRow(QString(), languageNote);
    generalForm->addRow(QString(), m_phishing);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *general = new QWidget(this);
    auto *generalPage = new QVBoxLayout(general);
    generalPage->addWidget(dnsBox);
    generalPage->addWidget(sigBox);
    generalPage->addWidget(generalBox);
    m_pages->addTab(general, tr("General"));
    m_pages->addTab(sendersPage(), tr("Senders and keys"));
    m_pages->addTab(m_fileTrust, tr("Opened files"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(addRoot, &QPushButton::clicked, this, [this] {
        for (const QString &f : QFileDialog::getOpenFileNames(this, tr("S/MIME root certificates"), QString(),
                                                              tr("PEM certificates (*.pem *.crt);;All files (*)")))
            m_roots->addItem(f);
    });
    connect(removeRoot, &QPushButton::clicked, this, [this] { delete m_roots->currentItem(); });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("GnuPG home"), m_gnupgHome->text());
        if (!d.isEmpty())
            m_gnupgHome->setText(d);
    });
    reloadMemory();
}

SettingsDialog::~SettingsDialog() = default;

QWidget *SettingsDialog::sendersPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    m_memoryNote->setWordWrap(true);
    m_memoryNote->setTextFormat(Qt::PlainText);
    layout->addWidget(m_memoryNote);
    auto group = [&](const QString &title, const QString &explanation, QTreeWidget *list, QPushButton *remove) -> QHBoxLayout * {
        auto *box = new QGroupBox(title, page);
        auto *v = new QVBoxLayout(box);
        auto *note = new QLabel(explanation, box);
        note->setWordWrap(true);
        v->addWidget(note);
        v->addWidget(list);
        auto *row = new QHBoxLayout;
        row->addStretch(1);
        row->addWidget(remove);
        v->addLayout(row);
        remove->setEnabled(false);
        connect(list, &QTreeWidget::currentItemChanged, remove,
                [remove](QTreeWidgetItem *current) { remove->setEnabled(current != nullptr); });
        connect(remove, &QPushButton::clicked, this, [this, list] { removeSelected(list); });
        layout->addWidget(box);
        return row;
    };
    // Known domains (issue 19): lookalikes of these, and addresses that hide them, are suspicious.
    QHBoxLayout *knownRow = group(tr("Domains you know"),
                                  tr("Sealcheck warns about lookalikes of these domains and about addresses that hide "
                                     "them. It learns the domains of your accounts and of authenticated senders you "
                                     "answer; it never learns a domain that imitates one of these."),
                                  m_known, m_removeKnown);
    m_knownEdit->setPlaceholderText(tr("e.g. mybank.example"));
    knownRow->insertWidget(0, m_knownEdit, 1);
    knownRow->insertWidget(1, m_addKnown);
    m_addKnown->setEnabled(false);
    connect(m_knownEdit, &QLineEdit::textChanged, m_addKnown,
            [this](const QString &text) { m_addKnown->setEnabled(!text.trimmed().isEmpty() && m_memory && m_memory->isOpen()); });
    connect(m_knownEdit, &QLineEdit::returnPressed, this, &SettingsDialog::addKnownDomain);
    connect(m_addKnown, &QPushButton::clicked, this, &SettingsDialog::addKnownDomain);
    group(tr("Pinned keys"), tr("A different DKIM key from one of these domains is shown as a warning."), m_pins, m_removePin);
    group(tr("Domains that always sign"),
          tr("A message from one of these domains without a valid signature by it is shown as suspicious."),
          m_alwaysSigns, m_removeAlwaysSigns);
    group(tr("Accepted signers"),
          tr("A valid signature by the signer authenticates mail from the sender domain (e.g. a newsletter "
             "sent by its mailing service), unless the sender's own policy says otherwise."),
          m_signers, m_removeSigner);
    return page;
}

bool SettingsDialog::setMemoryStorePath(const QString &path, QString *error)
{
    m_memory.reset();
    bool ok = true;
    if (!path.isEmpty()) {
        auto memory = std::make_unique<RememberedVerification>();
        if (auto opened = memory->open(path); opened) {
            m_memory = std::move(memory);
        } else {
            ok = false;
            if (error)
                *error = QString::fromStdString(opened.error().message);
        }
    }
    reloadMemory();
    return ok;
}

void SettingsDialog::reloadMemory()
{
    for (QTreeWidget *list : {m_pins, m_alwaysSigns, m_signers, m_known})
        list->clear();
    const bool open = m_memory && m_memory->isOpen();
    m_memoryNote->setText(open ? tr("Add entries from the Security tab of a message. Removing one takes effect at once.")
                               : tr("Nothing is remembered: there is no local store."));
    if (!open)
        return;
    for (const KeyPin &p : m_memory->keys()->pins()) {
        auto *item = new QTreeWidgetItem(m_pins, {p.domain, p.selector == QLatin1String("*") ? tr("every selector") : p.selector,
                                                  since(p.pinnedAt)});
        item->setData(0, Qt::UserRole, p.domain);
        item->setData(1, Qt::UserRole, p.selector);
    }
    for (const AlwaysSignsRecord &a : m_memory->expectations()->alwaysSigningDomains()) {
        auto *item = new QTreeWidgetItem(m_alwaysSigns, {a.domain, since(a.since)});
        item->setData(0, Qt::UserRole, a.domain);
    }
    for (const AcceptedSignerRecord &a : m_memory->expectations()->acceptedSigners()) {
        auto *item = new QTreeWidgetItem(m_signers, {a.signerDomain, a.fromDomain, since(a.acceptedAt)});
        item->setData(0, Qt::UserRole, a.signerDomain);
        item->setData(1, Qt::UserRole, a.fromDomain);
    }
    for (const KnownDomainRecord &k : m_memory->knownDomains()->list()) {
        const QString why = k.origin == KnownDomainOrigin::Account ? tr("your account")
                            : k.origin == KnownDomainOrigin::Learned ? tr("you answered its mail")
                                                                     : tr("you added it");
        auto *item = new QTreeWidgetItem(m_known, {QUrl::fromAce(k.domain.toLatin1()), why, since(k.addedAt)});
        item->setData(0, Qt::UserRole, k.domain);
    }
}

void SettingsDialog::addKnownDomain()
{
    const QString text = m_knownEdit->text().trimmed();
    if (text.isEmpty() || !m_memory || !m_memory->isOpen())
        return;
    const auto added = m_memory->knownDomains()->add(text, KnownDomainOrigin::User, QDateTime::currentSecsSinceEpoch());
    if (!added) {
        QMessageBox::warning(this, tr("Senders and keys"), tr("\"%1\" is not a domain name.").arg(text));
        return;
    }
    m_knownEdit->clear();
    reloadMemory();
    emit memoryChanged();
}

void SettingsDialog::removeSelected(QTreeWidget *list)
{
    QTreeWidgetItem *item = list->currentItem();
    if (!item || !m_memory || !m_memory->isOpen())
        return;
    const QString first = item->data(0, Qt::UserRole).toString();
    const QString second = item->data(1, Qt::UserRole).toString();
    bool removed = false;
    QString problem;
    if (list == m_pins) {
        removed = m_memory->keys()->unpin(first, second);
        problem = m_memory->keys()->lastError();
    } else if (list == m_alwaysSigns) {
        removed = m_memory->expectations()->removeAlwaysSigns(first);
        problem = m_memory->expectations()->lastError();
    } else if (list == m_known) {
        removed = m_memory->knownDomains()->remove(first);
        problem = m_memory->knownDomains()->lastError();
    } else {
        removed = m_memory->expectations()->removeAcceptedSigner(first, second);
        problem = m_memory->expectations()->lastError();
    }
    if (!removed) {
        QMessageBox::warning(this, tr("Senders and keys"), tr("The entry could not be removed: %1").arg(problem));
        return;
    }
    reloadMemory();
    emit memoryChanged();
}

void SettingsDialog::setSettings(const AppSettings &s)
{
    (s.dnsServer.isEmpty() ? m_systemDns : m_customDns)->setChecked(true);
    m_dnsServer->setText(s.dnsServer);
    m_roots->clear();
    m_roots->addItems(s.smimeRootFiles);
    m_gnupgHome->setText(s.gnupgHome);
    const int lang = m_language->findData(s.language);
    m_language->setCurrentIndex(lang < 0 ? 0 : lang);
    m_phishing->setChecked(s.phishingKeywordDefault);
    m_fileTrust->setTrust(s.fileTrust);
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s;
    s.dnsServer = m_customDns->isChecked() ? m_dnsServer->text().trimmed() : QString();
    for (int i = 0; i < m_roots->count(); ++i)
        s.smimeRootFiles << m_roots->item(i)->text();
    s.gnupgHome = m_gnupgHome->text().trimmed();
    s.language = m_language->currentData().toString();
    s.phishingKeywordDefault = m_phishing->isChecked();
    s.fileTrust = m_fileTrust->trust();
    return s;
}

void SettingsDialog::accept()
{
    const AppSettings s = settings();
    if (!s.dnsServer.isEmpty() && !AppSettings::isValidDnsServer(s.dnsServer)) {
        QMessageBox::warning(this, tr("Settings"),
                             tr("The DNS server must be an IP address, optionally followed by @ and a port."));
        return;
    }
    QDialog::accept();
}

} // namespace sealcheck::ui
