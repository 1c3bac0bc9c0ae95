#include "PostureSection.h"

#include "DomainPostureRunner.h"
#include "SettingsDialog.h"
#include "ZoneResolver.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <functional>
#include <optional>

namespace sealcheck::ui {

using namespace verifier;

namespace {

QString q(const std::string &s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

QString ratingText(PostureRating rating)
{
    switch (rating) {
    case PostureRating::Good:
        return PostureSection::tr("good");
    case PostureRating::Weak:
        return PostureSection::tr("weak");
    case PostureRating::Missing:
        return PostureSection::tr("missing");
    case PostureRating::Broken:
        return PostureSection::tr("broken");
    case PostureRating::Unknown:
        return PostureSection::tr("not checked");
    }
    return {};
}

// What the grade means for someone who receives mail from the domain.
/// The engine's grade reasons in the user's language (its English stays for the CLI).
QString gradeReasonText(const GradeReason &r)
{
    auto a = [&](size_t i) { return i < r.args.size() ? q(r.args[i]) : QString(); };
    switch (r.code) {
    case GradeReasonCode::DmarcReject:
        return PostureSection::tr("DMARC reject applies to all mail that fails: receivers refuse spoofed mail.");
    case GradeReasonCode::DmarcQuarantine:
        return PostureSection::tr("DMARC quarantine applies to all mail that fails: spoofed mail goes to the spam folder, "
                                  "where people still find it (reject would refuse it).");
    case GradeReasonCode::DmarcPartial:
        return PostureSection::tr("DMARC %1 is only partly applied (pct or t=y): some spoofed mail is delivered.").arg(a(0));
    case GradeReasonCode::DmarcMonitorOnly:
        return PostureSection::tr("DMARC p=none: spoofed mail is only reported, not stopped.");
    case GradeReasonCode::DmarcUnknown: return PostureSection::tr("DMARC could not be checked.");
    case GradeReasonCode::DmarcMissing:
        return PostureSection::tr("No working DMARC policy: nothing asks receivers to stop spoofed mail.");
    case GradeReasonCode::SpfWorks: return PostureSection::tr("SPF works and ends in %1.").arg(a(0));
    case GradeReasonCode::SpfPlusAll:
        return PostureSection::tr("SPF +all lets any server pass SPF, and through it DMARC.");
    case GradeReasonCode::SpfNotWorking:
        return PostureSection::tr("SPF does not work, so nothing lists the servers allowed to send for the domain.");
    case GradeReasonCode::TransportProtected:
        return PostureSection::tr("Mail to the domain is protected in transit (%1).").arg(a(0));
    case GradeReasonCode::TransportMissing:
        return PostureSection::tr("Mail to the domain is not protected in transit (no MTA-STS in enforce mode, no "
                                  "DNSSEC-validated DANE); this does not change the grade.");
    case GradeReasonCode::NullMx: return PostureSection::tr("The domain accepts no mail (null MX).");
    case GradeReasonCode::MtaStsBroken: return PostureSection::tr("One grade lower: the MTA-STS setup is broken.");
    case GradeReasonCode::DkimBroken: return PostureSection::tr("One grade lower: a DKIM key checked is broken.");
    case GradeReasonCode::DomainMissing: return PostureSection::tr("The domain does not exist in DNS.");
    }
    return {};
}

QString gradeMeaning(PostureGrade grade)
{
    switch (grade) {
    case PostureGrade::A:
        return PostureSection::tr("Well protected: receivers refuse mail that pretends to come from this domain.");
    case PostureGrade::B:
        return PostureSection::tr("Protected against spoofing: mail that pretends to come from this domain goes to the spam "
                                  "folder.");
    case PostureGrade::C:
        return PostureSection::tr("Partly protected: some mail that pretends to come from this domain still gets through.");
    case PostureGrade::D:
        return PostureSection::tr("Weak: mail that pretends to come from this domain is delivered as usual.");
    case PostureGrade::F:
        return PostureSection::tr("Unprotected: nothing stops others from sending mail in this domain's name.");
    }
    return {};
}

QString dnssecText(bool secure)
{
    return secure ? PostureSection::tr("DNSSEC-validated") : PostureSection::tr("not DNSSEC-validated");
}

// Why the MTA-STS policy was not used, in the user's language (RFC 8461 §3.3: HTTPS with a valid
// certificate for mta-sts.DOMAIN, status 200, no redirect, text/plain).
QString fetchFailureText(const DomainPosture &p)
{
    const QString host = QStringLiteral("mta-sts.") + q(p.domain);
    switch (p.mtaSts.fetchFailure) {
    case MtaStsFetchFailure::Certificate:
        return PostureSection::tr("Not used: the certificate of %1 was not accepted, so the policy could not be fetched "
                                  "securely.").arg(host);
    case MtaStsFetchFailure::Connection:
        return PostureSection::tr("Not used: the web server %1 could not be reached.").arg(host);
    case MtaStsFetchFailure::Timeout:
        return PostureSection::tr("Not used: the web server %1 did not answer in time.").arg(host);
    case MtaStsFetchFailure::HttpStatus:
        return PostureSection::tr("Not used: %1 has no policy at the address MTA-STS prescribes (the server answered "
                                  "with an error).").arg(host);
    case MtaStsFetchFailure::Redirect:
        return PostureSection::tr("Not used: %1 redirects the request elsewhere, which MTA-STS forbids.").arg(host);
    case MtaStsFetchFailure::ContentType:
        return PostureSection::tr("Not used: the policy is not served as plain text (text/plain), as MTA-STS requires.");
    case MtaStsFetchFailure::TooLarge:
        return PostureSection::tr("Not used: the policy file is larger than MTA-STS allows.");
    case MtaStsFetchFailure::InvalidDomain:
    case MtaStsFetchFailure::None:
        break;
    }
    return PostureSection::tr("Not used: the policy could not be fetched.");
}

struct Outcome
{
    std::optional<DomainPosture> posture;
    QString error;
};

} // namespace

PostureSection::PostureSection(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_check(new QPushButton(tr("Check this domain's protection"), this)),
      m_busy(new QProgressBar(this)), m_status(new QLabel(this)), m_grade(new QLabel(this)), m_reasons(new QLabel(this)),
      m_fixesTitle(new QLabel(tr("Records the domain owner should publish:"), this)), m_fixes(new QPlainTextEdit(this)),
      m_tree(new QTreeWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    for (QLabel *l : {m_title, m_status, m_grade, m_reasons, m_fixesTitle}) {
        l->setTextFormat(Qt::PlainText); // domain names and DNS text are never rich text
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(l);
    }
    layout->insertWidget(1, m_check);
    layout->insertWidget(2, m_busy);
    QFont f = m_grade->font();
    f.setBold(true);
    m_grade->setFont(f);
    m_busy->setRange(0, 0); // busy indicator: DNS and HTTPS give no percentage
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(8);
    m_busy->setAccessibleName(tr("Checking the domain"));
    m_check->setToolTip(tr("Asks DNS for the domain's SPF, DMARC, MTA-STS, TLS-RPT, DANE and BIMI records and fetches "
                           "its MTA-STS policy over HTTPS."));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Check"), tr("Result")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setWordWrap(true);
    m_tree->setUniformRowHeights(false);
    m_tree->setAccessibleName(tr("Sender domain checks"));
    m_fixes->setReadOnly(true);
    m_fixes->setAccessibleName(tr("Records to publish"));
    m_fixes->setMaximumHeight(fontMetrics().lineSpacing() * 7);
    layout->addWidget(m_fixes);
    layout->addWidget(m_tree, 1);
    // Compact (issue 20): the labels keep their height, the tree takes what is left, and
    // before a check the widgets sit at the top instead of spreading over the whole tab.
    layout->setSpacing(4);
    layout->addStretch(0); // grows only while the tree (stretch 1) is hidden
    connect(m_check, &QPushButton::clicked, this, &PostureSection::startCheck);
    setDomain({});
}

PostureSection::~PostureSection() = default;

void PostureSection::setResolver(std::shared_ptr<const Resolver> resolver) { m_resolver = std::move(resolver); }

void PostureSection::setFetchOptions(const MtaStsFetchOptions &options) { m_fetch = options; }

void PostureSection::setDomain(const QString &domain)
{
    // The same sender again (the message verified anew, or another message of theirs): keep
    // what is shown, scroll position and all.
    if (!domain.isEmpty() && domain == m_domain && !m_check->isHidden())
        return;
    m_domain = domain;
    m_busy->setVisible(false);
    m_grade->clear();
    m_grade->setVisible(false);
    m_reasons->clear();
    m_reasons->setVisible(false);
    m_fixesTitle->setVisible(false);
    m_fixes->clear();
    m_fixes->setVisible(false);
    m_tree->clear();
    m_tree->setVisible(false);
    m_status->clear();
    if (domain.isEmpty()) {
        m_title->setText(tr("Sender domain: none (the message has no single From address)."));
        m_check->setVisible(false);
        return;
    }
    m_title->setText(tr("Sender domain: %1").arg(domain));
    m_check->setVisible(true);
    m_check->setText(tr("Check this domain's protection"));
    if (!m_runningDomain.isEmpty() && m_runningDomain == domain) {
        showProgress();
        return;
    }
    m_check->setEnabled(m_runningDomain.isEmpty());
    if (m_last && q(m_last->domain) == domain) {
        showPosture(*m_last); // the same sender again (another message, or the panel redrawn)
        return;
    }
    m_status->setText(tr("Not checked yet. The check asks DNS and the domain's web server, so it runs only when you ask."));
}

void PostureSection::showProgress()
{
    m_check->setEnabled(false);
    m_busy->setVisible(true);
    m_grade->setVisible(false);
    m_reasons->setVisible(false);
    m_fixesTitle->setVisible(false);
    m_fixes->setVisible(false);
    m_tree->clear();
    m_tree->setVisible(false);
    m_status->setText(tr("Checking %1: asking DNS and fetching the MTA-STS policy…").arg(m_domain));
}

void PostureSection::startCheck()
{
    if (!m_runningDomain.isEmpty() || m_domain.isEmpty())
        return;
    std::shared_ptr<const Resolver> resolver = m_resolver;
    if (!resolver) {
        QSettings qs;
        auto settings = AppSettings::load(qs).toVerificationSettings(); // deferred: no network here
        if (!settings) {
            showFailure(tr("DNS cannot be used: %1").arg(q(settings.error().message)));
            return;
        }
        resolver = settings->resolver;
    }
    m_runningDomain = m_domain;
    // Disabling the focused button moves the keyboard focus on; it comes back with the result
    // unless the user has moved it meanwhile.
    const bool buttonHadFocus = m_check->hasFocus();
    showProgress();
    m_focusWhileRunning = buttonHadFocus ? QApplication::focusWidget() : nullptr;
    m_refocusButton = buttonHadFocus;

    DomainPostureRequest request;
    request.domain = m_domain;
    request.posture.now = QDateTime::currentSecsSinceEpoch(); // only to suggest an MTA-STS id=
    request.fetch = m_fetch;
    // A zone (the demo mailbox, zone files) means offline, as `sealcheck-cli domain --dns-zone`:
    // its names need not exist on the Internet, so mta-sts.<domain> is looked up nowhere. The
    // policy is then fetched only when the fetch options name the address to connect to.
    const bool offline = dynamic_cast<const ZoneResolver *>(resolver.get()) != nullptr;
    request.fetchMtaStsPolicy = !offline || m_fetch.hostOverrides.contains(QStringLiteral("mta-sts.") + m_domain.toLower());
    QPointer<PostureSection> self(this);
    const QString domain = m_domain;
    QThread *thread = QThread::create([self, resolver, request, domain] {
        Outcome outcome;
        auto posture = DomainPostureRunner::run(request, *resolver);
        if (posture)
            outcome.posture = std::move(*posture);
        else
            outcome.error = q(posture.error().message);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, domain, outcome] {
                if (!self)
                    return;
                self->m_runningDomain.clear();
                if (outcome.posture)
                    self->m_last = outcome.posture;
                if (self->m_domain != domain) { // the user moved on to another sender
                    self->m_check->setEnabled(!self->m_domain.isEmpty());
                    return;
                }
                if (outcome.posture)
                    self->showPosture(*outcome.posture);
                else
                    self->showFailure(outcome.error);
                self->restoreFocus();
                emit self->checkFinished();
            },
            Qt::QueuedConnection);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void PostureSection::restoreFocus()
{
    const bool refocus = m_refocusButton && QApplication::focusWidget() == m_focusWhileRunning.data();
    m_refocusButton = false;
    m_focusWhileRunning = nullptr;
    if (refocus && m_check->isVisible() && m_check->isEnabled())
        m_check->setFocus(Qt::OtherFocusReason);
}

void PostureSection::showFailure(const QString &message)
{
    m_busy->setVisible(false);
    m_check->setEnabled(true);
    m_status->setText(tr("The domain could not be checked: %1").arg(message));
}

QTreeWidgetItem *PostureSection::addCheck(const QString &name, const PostureCheck &check, const std::string &record)
{
    auto *item = new QTreeWidgetItem(m_tree, {name, ratingText(check.rating) + QStringLiteral(": ") + q(check.summary)});
    item->setToolTip(1, item->text(1));
    QFont f = item->font(0);
    f.setBold(true);
    item->setFont(0, f);
    auto add = [item](const QString &label, const QString &value) {
        auto *child = new QTreeWidgetItem(item, {label, value});
        child->setToolTip(1, value);
        return child;
    };
    if (!record.empty())
        add(tr("Record"), q(record));
    if (check.rating != PostureRating::Unknown || !record.empty())
        add(tr("DNS answer"), dnssecText(check.dnssec));
    for (const std::string &n : check.notes)
        add(tr("Note"), q(n));
    for (const std::string &fix : check.fixes)
        add(tr("Publish"), q(fix));
    item->setExpanded(check.rating != PostureRating::Good);
    return item;
}

void PostureSection::showPosture(const DomainPosture &p)
{
    m_busy->setVisible(false);
    m_check->setEnabled(true);
    m_check->setText(tr("Check again"));
    m_status->setText(p.domainExists ? QString() : tr("%1 does not exist in DNS.").arg(q(p.domain)));
    m_grade->setText(tr("Grade %1 — %2").arg(q(std::string(postureGradeName(p.grade))), gradeMeaning(p.grade)));
    m_grade->setVisible(true);
    m_tree->clear();

    QStringList reasons;
    for (const GradeReason &r : p.gradeReasonCodes)
        reasons << QStringLiteral("• ") + gradeReasonText(r);
    m_reasons->setText(reasons.join(QLatin1Char('\n')));
    m_reasons->setVisible(!reasons.isEmpty());

    QString mx;
    if (p.nullMx)
        mx = tr("none: the domain accepts no mail (null MX)");
    for (const PostureMxHost &h : p.mx)
        mx += (mx.isEmpty() ? QString() : QStringLiteral(", ")) + q(h.host);
    auto *mxItem = new QTreeWidgetItem(m_tree, {tr("Mail servers (MX)"), mx.isEmpty() ? tr("none") : mx});
    new QTreeWidgetItem(mxItem, {tr("DNS answer"), dnssecText(p.mxSecure)});

    QTreeWidgetItem *spf = addCheck(tr("SPF"), p.spf, p.spf.record);
    if (p.spf.valid) {
        new QTreeWidgetItem(spf, {tr("DNS lookups"), tr("%1 of %2").arg(p.spf.dnsLookups).arg(p.spf.lookupLimit)});
        new QTreeWidgetItem(spf, {tr("all"), p.spf.all.empty() ? tr("none (neutral)") : q(p.spf.all)});
    }
    QTreeWidgetItem *dmarc = addCheck(tr("DMARC"), p.dmarc, p.dmarc.record);
    if (!p.dmarc.record.empty()) {
        const auto policyOrDash = [](const std::string &s) { return s.empty() ? tr("not set") : q(s); };
        new QTreeWidgetItem(dmarc, {tr("Policy (p=)"), policyOrDash(p.dmarc.policy)});
        new QTreeWidgetItem(dmarc, {tr("Subdomains (sp=)"), policyOrDash(p.dmarc.subdomainPolicy)});
        new QTreeWidgetItem(dmarc, {tr("Non-existent subdomains (np=)"),
                                    p.dmarc.nonExistentPolicy.empty()
                                        ? tr("not set (%1 applies)").arg(q(p.dmarc.nonExistentEffectivePolicy))
                                        : q(p.dmarc.nonExistentPolicy)});
        if (p.dmarc.pct)
            new QTreeWidgetItem(dmarc, {tr("pct="), QString::number(*p.dmarc.pct)});
        new QTreeWidgetItem(dmarc, {tr("Alignment"), tr("DKIM %1, SPF %2").arg(q(p.dmarc.dkimAlignment), q(p.dmarc.spfAlignment))});
        QStringList reports;
        for (const std::string &r : p.dmarc.rua)
            reports << q(r);
        new QTreeWidgetItem(dmarc, {tr("Reports to"), reports.isEmpty() ? tr("nobody") : reports.join(QStringLiteral(", "))});
    }
    if (!p.dkim.selectors.empty())
        addCheck(tr("DKIM"), p.dkim, {});
    QTreeWidgetItem *sts = addCheck(tr("MTA-STS"), p.mtaSts, p.mtaSts.record);
    // The policy's state comes right after the record and its DNS answer, before notes and fixes.
    int policyRow = 0;
    while (policyRow < sts->childCount()
           && (sts->child(policyRow)->text(0) == tr("Record") || sts->child(policyRow)->text(0) == tr("DNS answer")))
        ++policyRow;
    const auto addPolicyDetail = [sts, &policyRow](const QString &label, const QString &value) {
        auto *item = new QTreeWidgetItem({label, value});
        item->setToolTip(1, value);
        sts->insertChild(policyRow++, item);
    };
    switch (p.mtaSts.fetch) {
    case MtaStsPosture::Fetch::NotAttempted:
        if (p.mtaSts.recordValid)
            addPolicyDetail(tr("Policy"), tr("Not fetched: the DNS answers come from a zone file, so the domain's web "
                                             "server is not asked."));
        break;
    case MtaStsPosture::Fetch::Failed:
        // Nothing the server sent is used (RFC 8461 §3.3): say so, and why, first.
        addPolicyDetail(tr("Policy"), fetchFailureText(p) + QLatin1Char(' ')
                                          + tr("Senders act as if the domain had no MTA-STS policy."));
        if (!p.mtaSts.fetchError.empty())
            addPolicyDetail(tr("Details"), q(p.mtaSts.fetchError));
        break;
    case MtaStsPosture::Fetch::Fetched:
        if (p.mtaSts.policyValid) {
            QStringList patterns;
            for (const std::string &m : p.mtaSts.mxPatterns)
                patterns << q(m);
            addPolicyDetail(tr("Policy"), tr("mode %1, mx %2").arg(q(p.mtaSts.mode), patterns.join(QStringLiteral(", "))));
            QStringList unmatched;
            for (const std::string &h : p.mtaSts.unmatchedMx)
                unmatched << q(h);
            if (!unmatched.isEmpty())
                addPolicyDetail(tr("MX hosts"), tr("Not matched by any mx line of the policy: %1")
                                                    .arg(unmatched.join(QStringLiteral(", "))));
            else if (!p.mx.empty())
                addPolicyDetail(tr("MX hosts"), tr("All match the policy: %1").arg(mx));
        }
        break;
    }
    // The one answer from the web: unfolded when there is one, so which MX hosts match is in view.
    if (p.mtaSts.fetch != MtaStsPosture::Fetch::NotAttempted)
        sts->setExpanded(true);
    addCheck(tr("TLS-RPT"), p.tlsRpt, p.tlsRpt.record);
    QTreeWidgetItem *dane = addCheck(tr("DANE"), p.dane, {});
    for (const DaneHostPosture &h : p.dane.hosts) {
        new QTreeWidgetItem(dane, {q(h.host), h.tlsaRecords == 0 ? tr("no TLSA records")
                                                                 : tr("%n TLSA record(s), %1", nullptr, h.tlsaRecords)
                                                                       .arg(dnssecText(h.secure))});
    }
    // BIMI only counts with an enforcing DMARC policy (without it no client shows the logo, and
    // the DMARC fix comes first).
    if (p.dmarc.enforcing)
        addCheck(tr("BIMI"), p.bimi, p.bimi.record);

    QStringList fixes;
    for (const PostureCheck *c : {static_cast<const PostureCheck *>(&p.spf), static_cast<const PostureCheck *>(&p.dmarc),
                                  static_cast<const PostureCheck *>(&p.dkim), static_cast<const PostureCheck *>(&p.mtaSts),
                                  static_cast<const PostureCheck *>(&p.tlsRpt), static_cast<const PostureCheck *>(&p.dane),
                                  static_cast<const PostureCheck *>(&p.bimi)}) {
        if (c == &p.bimi && !p.dmarc.enforcing)
            continue;
        for (const std::string &f : c->fixes)
            fixes << q(f);
    }
    m_fixes->setPlainText(fixes.join(QLatin1Char('\n')));
    m_fixesTitle->setVisible(!fixes.isEmpty());
    m_fixes->setVisible(!fixes.isEmpty());
    m_tree->setVisible(true);
}

QString PostureSection::resultText() const
{
    QStringList lines;
    if (!m_grade->text().isEmpty())
        lines << m_grade->text();
    if (!m_reasons->text().isEmpty())
        lines << m_reasons->text();
    if (!m_fixes->toPlainText().isEmpty())
        lines << m_fixesTitle->text() << m_fixes->toPlainText();
    std::function<void(QTreeWidgetItem *, int)> walk = [&](QTreeWidgetItem *item, int depth) {
        lines << QString(depth * 2, QLatin1Char(' ')) + item->text(0) + QStringLiteral("\t") + item->text(1);
        for (int i = 0; i < item->childCount(); ++i)
            walk(item->child(i), depth + 1);
    };
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        walk(m_tree->topLevelItem(i), 0);
    return lines.join(QLatin1Char('\n'));
}

} // namespace sealcheck::ui
