// AccountDialog, its layout: the four wizard pages, the folded "Advanced" section and Back/Next.
// Split from AccountDialog.cpp (which holds what the fields do) to keep both files short.
#include "AccountDialog.h"

#include "ProviderProfiles.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace sealcheck::ui {

namespace {

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

QString pageTitle(int page)
{
    switch (page) {
    case AccountDialog::AddressPage: return AccountDialog::tr("Step 1 of 4: your e-mail address");
    case AccountDialog::ServerPage: return AccountDialog::tr("Step 2 of 4: server and mail provider");
    case AccountDialog::SignInPage: return AccountDialog::tr("Step 3 of 4: sign in");
    case AccountDialog::TestPage: return AccountDialog::tr("Step 4 of 4: test the connection");
    default: break;
    }
    return {};
}

} // namespace

void AccountDialog::buildPages()
{
    m_pages = new QStackedWidget(this);

    // 1. The address and how the user signs in; discovery starts when the address is complete.
    auto *address = new QWidget(this);
    auto *addressForm = new QFormLayout(address);
    addressForm->addRow(tr("&E-mail address:"), m_email);
    addressForm->addRow(tr("&Name:"), m_name);
    m_name->setPlaceholderText(tr("Shown in the account list (optional)"));
    m_auth->addItem(tr("Password"), QString());
    m_auth->addItem(tr("Sign in with Google"), QStringLiteral("google"));
    m_auth->addItem(tr("Sign in with Microsoft"), QStringLiteral("microsoft"));
    addressForm->addRow(tr("&Sign in with:"), m_auth);
    // Check boxes do not wrap: a short label, the explanation in a wrapped note (the dialog must
    // fit a 1024-px screen).
    m_ispdb = new QCheckBox(tr("Also ask Thunderbird's central database"), this);
    addressForm->addRow(QString(), m_ispdb);
    addressForm->addRow(QString(), note(tr("Only if the domain publishes nothing. autoconfig.thunderbird.net then "
                                           "learns the domain and that of its mail provider, never the address."),
                                        this));
    addressForm->addRow(QString(), note(tr("Next, Sealcheck looks up the server for this address."), this));
    m_pages->addWidget(address);

    // 2. What discovery found, to check; the expert trust lists folded below.
    auto *server = new QWidget(this);
    auto *serverForm = new QFormLayout(server);
    serverForm->addRow(tr("&Server:"), m_host);
    serverForm->addRow(tr("&Port:"), m_port);
    serverForm->addRow(tr("Se&curity:"), m_security);
    m_provider = new QComboBox(this);
    m_provider->addItem(tr("None (only what is listed under Advanced)"), QString());
    for (const auto &p : providerProfiles())
        m_provider->addItem(QString::fromStdString(p.name), QString::fromStdString(p.id));
    m_provider->setToolTip(tr("The company that runs your mailbox. Sealcheck then believes the reports it writes "
                              "into your mail, where it writes them, and recognises its internal servers."));
    serverForm->addRow(tr("Mail &provider:"), m_provider);
    // What discovery could not use, and why (DNS failures first): under the result, not only in
    // a tooltip. Plain text: the reasons quote what servers sent.
    m_discoveryNotes = new QLabel(this);
    m_discoveryNotes->setObjectName(QStringLiteral("discoveryNotes"));
    m_discoveryNotes->setTextFormat(Qt::PlainText);
    m_discoveryNotes->setWordWrap(true);
    m_discoveryNotes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_discoveryNotes->setVisible(false);
    serverForm->addRow(QString(), m_discoveryNotes);

    m_advancedButton = new QToolButton(this);
    m_advancedButton->setText(tr("&Advanced: trusted servers and keywords"));
    m_advancedButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advancedButton->setArrowType(Qt::RightArrow);
    m_advancedButton->setCheckable(true);
    m_advancedButton->setAutoRaise(true);
    serverForm->addRow(m_advancedButton);
    m_advanced = new QWidget(this);
    auto *trustForm = new QFormLayout(m_advanced);
    trustForm->setContentsMargins(0, 0, 0, 0);
    trustForm->addRow(tr("Trusted authentication servers:"), m_authserv);
    trustForm->addRow(QString(), m_offerText);
    trustForm->addRow(QString(), m_offerButton);
    m_offerText->setVisible(false);
    m_offerButton->setVisible(false);
    trustForm->addRow(tr("Trusted relays:"), m_relays);
    trustForm->addRow(QString(), note(tr("The receiving servers of your provider. Filled from the topmost Received fields "
                                         "of your mail after the first synchronisation; edit it if it is wrong."),
                                      this));
    trustForm->addRow(tr("Trusted ARC sealers:"), m_arcSealers);
    trustForm->addRow(QString(), m_phishing);
    trustForm->addRow(QString(), note(tr("Off by default. When on, Sealcheck adds the keyword $Phishing to forged messages "
                                         "on the server, so other mail programs can warn too. Nothing else on the server "
                                         "is ever changed."),
                                      this));
    trustForm->addRow(QString(), m_verdictKeywords);
    trustForm->addRow(QString(), note(tr("Off by default. The keywords are $Sealcheck-Forged, $Sealcheck-Suspicious "
                                         "and $Sealcheck-Authenticated. Mail programs and server filters can then sort by verdict; "
                                         "Thunderbird shows them as tags. Only these keywords are added; nothing else on "
                                         "the server is ever changed."),
                                      this));
    m_advanced->setVisible(false);
    serverForm->addRow(m_advanced);
    // Unfolded, the expert section scrolls inside the page: the dialog never outgrows the screen.
    auto *serverScroll = new QScrollArea(this);
    serverScroll->setWidget(server);
    serverScroll->setWidgetResizable(true);
    serverScroll->setFrameShape(QFrame::NoFrame);
    serverScroll->setMinimumHeight(260); // the server fields stay in view when Advanced is open
    serverScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_pages->addWidget(serverScroll);
    connect(m_advancedButton, &QToolButton::toggled, this, [this](bool open) {
        m_advancedButton->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        m_advanced->setVisible(open);
    });

    // 3. Sign in: the user name and the password, or the provider's sign-in.
    auto *signIn = new QWidget(this);
    auto *signInForm = new QFormLayout(signIn);
    signInForm->addRow(tr("&User name:"), m_user);
    m_passwordLabel = new QLabel(tr("Pass&word:"), this);
    m_passwordLabel->setBuddy(m_password);
    signInForm->addRow(m_passwordLabel, m_password);
    m_passwordNote = note(tr("The password is kept in your system keychain, never in Sealcheck's files."), this);
    signInForm->addRow(QString(), m_passwordNote);
    m_signInRow = new QWidget(this);
    auto *signInLayout = new QVBoxLayout(m_signInRow);
    signInLayout->setContentsMargins(0, 0, 0, 0);
    auto *signInButtons = new QHBoxLayout;
    signInButtons->addWidget(m_signIn);
    signInButtons->addWidget(m_deviceCode, 1);
    signInLayout->addLayout(signInButtons);
    m_signInStatus->setWordWrap(true);
    m_signInStatus->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    m_signInStatus->setOpenExternalLinks(true);
    signInLayout->addWidget(m_signInStatus);
    signInForm->addRow(QString(), m_signInRow);
    m_clientIdLabel = new QLabel(tr("OAuth &client ID:"), this);
    m_clientIdLabel->setBuddy(m_clientId);
    m_clientId->setPlaceholderText(tr("Built in (leave empty)"));
    signInForm->addRow(m_clientIdLabel, m_clientId);
    m_pages->addWidget(signIn);

    // 4. The connection test, and the certificate offer when the server's is not trusted.
    auto *test = new QWidget(this);
    auto *testLayout = new QVBoxLayout(test);
    testLayout->addWidget(note(tr("Sealcheck connects and signs in once, read-only. You can also finish without "
                                  "testing: the first synchronisation shows any problem."),
                               this));
    testLayout->addWidget(m_test, 0, Qt::AlignLeft);
    auto *certLayout = new QVBoxLayout(m_certBox);
    certLayout->addWidget(m_certText);
    certLayout->addWidget(m_trustCert, 0, Qt::AlignLeft);
    certLayout->addWidget(m_pinLabel);
    m_certBox->setVisible(false);
    m_pinLabel->setVisible(false);
    testLayout->addWidget(m_certBox);
    testLayout->addStretch(1);
    m_pages->addWidget(test);

    m_pageTitle = new QLabel(this);
    QFont bold = m_pageTitle->font();
    bold.setBold(true);
    m_pageTitle->setFont(bold);
    m_back = new QPushButton(tr("< &Back"), this);
    m_next = new QPushButton(tr("&Next >"), this);
    m_finish = new QPushButton(tr("&Finish"), this);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_back, QDialogButtonBox::ActionRole);
    buttons->addButton(m_next, QDialogButtonBox::ActionRole);
    buttons->addButton(m_finish, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    // The status line (discovery, then the test) stays under every page.
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pageTitle);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_back, &QPushButton::clicked, this, [this] { showPage(currentPage() - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] {
        if (currentPage() == AddressPage) {
            if (m_email->text().trimmed().isEmpty() && m_host->text().isEmpty()) {
                m_status->setText(tr("Enter your e-mail address first."));
                m_email->setFocus();
                return;
            }
            if (m_discoveredFor != m_email->text().trimmed())
                discoverServer();
        }
        showPage(currentPage() + 1);
    });
    connect(m_email, &QLineEdit::textChanged, this, &AccountDialog::updateNavigation);
    showPage(AddressPage);
    setMinimumWidth(580);
    resize(640, 540);
}

int AccountDialog::currentPage() const { return m_pages->currentIndex(); }

void AccountDialog::showPage(int page)
{
    if (page < 0 || page >= PageCount)
        return;
    m_pages->setCurrentIndex(page);
    m_pageTitle->setText(pageTitle(page));
    updateNavigation();
    if (page == AddressPage)
        m_email->setFocus();
    else if (page == SignInPage)
        (m_password->isVisibleTo(this) ? m_password : m_user)->setFocus();
}

void AccountDialog::updateNavigation()
{
    const int page = currentPage();
    m_back->setEnabled(page > AddressPage);
    m_next->setVisible(page < TestPage);
    // A stored account can be saved from any page; a new one once its sign-in was entered.
    m_finish->setVisible(m_record.id != 0 || page >= SignInPage);
    m_finish->setDefault(m_finish->isVisible());
    m_next->setDefault(!m_finish->isVisible());
}

} // namespace sealcheck::ui
