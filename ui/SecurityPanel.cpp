#include "SecurityPanel.h"

#include "ProviderProfiles.h"

#include <algorithm>
#include <climits>

#include "FindingText.h"
#include "KeyMemory.h"
#include "MessageColumns.h"
#include "PostureSection.h"
#include "RememberedVerification.h"
#include "SenderExpectations.h"
#include "VerdictStyle.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sealcheck::ui {

using namespace verifier;

namespace {

QString q(const std::string &s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }
QString q(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }
QString result(AuthResult r) { return q(rfc8601Token(r)); }
QString yesNo(bool b) { return b ? SecurityPanel::tr("yes") : SecurityPanel::tr("no"); }
QString when(const std::optional<int64_t> &t)
{
    return t ? QLocale().toString(QDateTime::fromSecsSinceEpoch(*t).toLocalTime(), QLocale::ShortFormat) : QString();
}
/// A day as the findings write it (2026-11-24, UTC).
QString day(int64_t t) { return QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd")); }

bool sameOrParent(const QString &child, const QString &parent)
{
    if (parent.isEmpty())
        return false;
    return child.compare(parent, Qt::CaseInsensitive) == 0 ||
           child.endsWith(QLatin1Char('.') + parent, Qt::CaseInsensitive);
}

} // namespace

SecurityPanel::SecurityPanel(QWidget *parent)
    : QWidget(parent), m_tabs(new QTabWidget(this)), m_tree(new QTreeWidget(this)), m_hops(new QTableWidget(this)),
      m_header(new QPlainTextEdit(this)), m_actionStatus(new QLabel(this)), m_staleNotice(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_staleNotice->setObjectName(QStringLiteral("staleNotice"));
    m_staleNotice->setWordWrap(true);
    m_staleNotice->setTextFormat(Qt::PlainText);
    m_staleNotice->setText(staleVerdictExplanation());
    m_staleNotice->setAccessibleName(tr("Verdict not yet re-checked"));
    m_staleNotice->setFrameShape(QFrame::StyledPanel);
    m_staleNotice->setMargin(4);
    m_staleNotice->setVisible(false);
    layout->addWidget(m_staleNotice);
    layout->addWidget(m_tabs);
    m_actionStatus->setWordWrap(true);
    m_actionStatus->setTextFormat(Qt::PlainText);
    m_actionStatus->setVisible(false);
    layout->addWidget(m_actionStatus);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Check"), tr("Result")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setWordWrap(true);
    m_tree->setUniformRowHeights(false);
    m_tree->setAccessibleName(tr("Security checks"));
    m_hops->setColumnCount(7);
    m_hops->setHorizontalHeaderLabels({tr("From"), tr("IP"), tr("By"), tr("Protocol"), tr("TLS"), tr("Time"), tr("Delay")});
    m_hops->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_hops->horizontalHeader()->setStretchLastSection(true);
    m_hops->setAccessibleName(tr("Delivery path"));
    m_header->setReadOnly(true);
    m_header->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_header->setAccessibleName(tr("Raw header"));
    m_tabs->addTab(m_tree, tr("Checks"));
    m_tabs->addTab(m_hops, tr("Delivery path"));
    m_tabs->addTab(m_header, tr("Raw header"));
    m_posture = new PostureSection(this);
    m_tabs->addTab(m_posture, tr("Sender domain"));
}

SecurityPanel::~SecurityPanel() = default;

void SecurityPanel::clear()
{
    m_tree->clear();
    m_hops->setRowCount(0);
    m_header->clear();
    m_posture->setDomain({});
    m_report.reset();
    m_rawHeader.clear();
    m_staleNotice->setVisible(false);
}

void SecurityPanel::setStale(bool stale) { m_staleNotice->setVisible(stale && m_report.has_value()); }

QTreeWidgetItem *SecurityPanel::section(const QString &title, const QString &summary)
{
    auto *item = new QTreeWidgetItem(m_tree, {title, summary});
    QFont f = item->font(0);
    f.setBold(true);
    item->setFont(0, f);
    item->setExpanded(true);
    return item;
}

void SecurityPanel::add(QTreeWidgetItem *parent, const QString &name, const QString &value)
{
    if (value.isEmpty())
        return;
    auto *item = new QTreeWidgetItem(parent, {name, value});
    item->setToolTip(1, value);
}

void SecurityPanel::showReport(const Report &r, const QByteArray &rawHeader)
{
    clear();
    m_posture->setDomain(QString::fromStdString(r.from.domain));
    m_report = r;
    m_rawHeader = rawHeader;
    // Verdict.
    const VerdictState state = stateOf(r.verdict);
    auto *v = section(tr("Verdict"), verdictWord(state));
    v->setIcon(0, verdictIcon(state));
    for (const Finding &f : r.reasons)
        add(v, tr("Reason"), findingText(f));
    for (const Finding &f : r.warnings)
        add(v, tr("Warning"), findingText(f));

    // Sender.
    auto *from = section(tr("Sender (From)"), r.from.address ? q(*r.from.address) : tr("not one readable address"));
    add(from, tr("As written"), q(r.from.header));
    add(from, tr("Name shown"), q(r.from.displayName));
    add(from, tr("Domain"), q(r.from.domain));
    add(from, tr("From fields"), QString::number(r.from.fieldCount));
    add(from, tr("Problem"), q(r.from.problem));

    // DMARC.
    if (r.dmarc) {
        const DmarcResult &d = *r.dmarc;
        auto *s = section(tr("DMARC"), result(d.result));
        add(s, tr("Domain"), q(d.domain));
        add(s, tr("Organisational domain"), q(d.orgDomain));
        add(s, tr("Record at"), q(d.recordDomain));
        add(s, tr("Record"), q(d.record));
        add(s, tr("Policy applied"), q(dmarcPolicyName(d.policy)));
        add(s, tr("DKIM aligned"), yesNo(d.dkimAligned));
        add(s, tr("SPF aligned"), yesNo(d.spfAligned));
        add(s, tr("Alignment"), tr("DKIM %1, SPF %2").arg(d.strictDkim ? tr("strict") : tr("relaxed"),
                                                          d.strictSpf ? tr("strict") : tr("relaxed")));
        if (d.testing)
            add(s, tr("Testing"), tr("the domain's policy is in test mode"));
        add(s, tr("Explanation"), q(d.reason));
        if (d.orgDomainPsl)
            add(s, tr("RFC 7489 reading"), tr("organisational domain %1 (public suffix list)").arg(q(*d.orgDomainPsl)));
    }

    // DKIM.
    auto *dk = section(tr("DKIM signatures"), r.dkim.empty() ? tr("none") : QString::number(r.dkim.size()));
    for (const DkimResult &d : r.dkim) {
        auto *s = new QTreeWidgetItem(dk, {tr("Signature by %1").arg(q(d.domain)), result(d.result)});
        s->setExpanded(true);
        add(s, tr("Selector"), q(d.selector));
        add(s, tr("Algorithm"), q(d.algorithm));
        if (d.keyBits > 0)
            add(s, tr("Key"), tr("%1, %2 bits").arg(q(d.keyType)).arg(d.keyBits));
        add(s, tr("Key protected by DNSSEC"), yesNo(d.dnssec));
        add(s, tr("Matches the sender"), yesNo(d.aligned));
        add(s, tr("Canonicalization"), q(d.canonicalization));
        QStringList signedFields;
        for (const auto &h : d.signedHeaders)
            signedFields << q(h);
        add(s, tr("Signed fields"), signedFields.join(QStringLiteral(", ")));
        QStringList unsignedFields;
        for (const auto &h : d.unsignedInstances)
            unsignedFields << q(h);
        add(s, tr("Not signed"), unsignedFields.join(QStringLiteral(", ")));
        if (d.bodyLengthLimit)
            add(s, tr("Body length (l=)"),
                tr("%1 of %n byte(s) signed", nullptr, int(std::min<qulonglong>(d.bodyLength, INT_MAX)))
                    .arg(qulonglong(*d.bodyLengthLimit)));
        add(s, tr("Signed at"), when(d.timestamp));
        add(s, tr("Expires"), when(d.expiration));
        add(s, tr("Explanation"), q(d.reason));
        add(s, tr("Key record"), q(d.keyRecord));
        addMemoryRows(s, d);
        addActions(s, d);
    }

    // SPF.
    if (r.spf) {
        const SpfResult &p = *r.spf;
        auto *s = section(tr("SPF"), p.evaluated ? result(p.result) : tr("not checked"));
        add(s, tr("Domain"), q(p.domain));
        add(s, tr("Client IP"), q(p.clientIp));
        add(s, tr("HELO"), q(p.helo));
        add(s, tr("MAIL FROM"), q(p.mailFrom));
        add(s, tr("Envelope from"), q(p.envelopeSource));
        add(s, tr("Record"), q(p.record));
        add(s, tr("Matched"), q(p.mechanism));
        add(s, tr("DNS lookups"), p.evaluated ? QString::number(p.dnsLookups) : QString());
        add(s, tr("Explanation"), q(p.reason));
        add(s, tr("Sender's explanation"), q(p.explanation));
    }

    // iprev: the reverse name of the sending server, beside SPF.
    if (r.iprev) {
        const IprevResult &i = *r.iprev;
        auto *s = section(tr("Reverse DNS (iprev)"), result(i.result));
        add(s, tr("Client IP"), q(i.clientIp));
        QStringList names;
        for (const auto &n : i.ptrNames)
            names << q(n);
        add(s, tr("Reverse names"), names.join(QStringLiteral(", ")));
        add(s, tr("Confirmed name"), q(i.confirmedName));
        add(s, tr("Explanation"), q(i.reason));
    }

    // ARC.
    if (r.arc && r.arc->instances > 0) {
        auto *s = section(tr("ARC (forwarding)"), result(r.arc->result));
        add(s, tr("Instances"), QString::number(r.arc->instances));
        add(s, tr("Explanation"), q(r.arc->reason));
        for (const ArcInstance &i : r.arc->chain)
            add(s, tr("Hop %1").arg(i.instance),
                tr("%1 (cv=%2, seal %3, signature %4)").arg(q(i.domain), q(i.cv), result(i.sealResult),
                                                            result(i.messageSignatureResult)));
    }

    // S/MIME and OpenPGP.
    auto signature = [&](const std::optional<SignatureResult> &sig, const QString &title) {
        if (!sig)
            return;
        auto *s = section(title, result(sig->result));
        add(s, tr("Signer"), q(sig->signer));
        add(s, tr("Name"), q(sig->signerName));
        add(s, tr("Trusted"), yesNo(sig->trusted));
        add(s, tr("Names the sender"), yesNo(sig->matchesFrom));
        add(s, tr("Covers the whole message"), yesNo(sig->coversWholeBody));
        QStringList parts;
        for (const auto &p : sig->unsignedParts)
            parts << q(p);
        add(s, tr("Not signed"), parts.join(QStringLiteral(", ")));
        add(s, tr("Fingerprint"), q(sig->fingerprint));
        add(s, tr("Issuer / validity"), q(sig->issuer));
        add(s, tr("Signed at"), when(sig->signingTime));
        add(s, tr("Explanation"), q(sig->reason));
    };
    signature(r.smime, tr("S/MIME signature"));
    signature(r.pgp, tr("OpenPGP signature"));

    // Vouch By Reference: reputation, never authentication.
    if (r.vbr) {
        const VbrResult &v = *r.vbr;
        auto *s = section(tr("Vouch By Reference (VBR)"), result(v.result));
        add(s, tr("Domain"), q(v.domain));
        add(s, tr("Category"), q(v.category));
        add(s, tr("Authenticated by"), q(v.authenticatedBy));
        add(s, tr("Vouching service"), q(v.voucher));
        add(s, tr("Explanation"), q(v.reason));
        add(s, tr("Note"), tr("A vouch is reputation, not proof of the sender; it never changes the verdict."));
    }

    // Historic methods: shown so that no header is left unexplained, never weighed.
    if (!r.domainKeys.empty() || !r.historic.empty()) {
        auto *s = section(tr("Historic methods"), tr("not used for the verdict"));
        for (const DomainKeysResult &d : r.domainKeys) {
            auto *k = new QTreeWidgetItem(s, {tr("DomainKeys signature by %1").arg(q(d.domain)), result(d.result)});
            add(k, tr("Selector"), q(d.selector));
            add(k, tr("Canonicalization"), q(d.canonicalization));
            add(k, tr("Sender"), q(d.sender));
            add(k, tr("Explanation"), q(d.reason));
            add(k, tr("Replaced by"), QStringLiteral("DKIM"));
        }
        for (const HistoricMethod &h : r.historic) {
            auto *k = new QTreeWidgetItem(s, {q(h.method), q(h.result)});
            add(k, tr("Reported by"), q(h.reportedBy));
            add(k, tr("Record"), q(h.record));
            add(k, tr("Meaning"), q(h.recordMeaning));
            add(k, tr("Replaced by"), q(h.replacedBy));
            add(k, tr("Explanation"), q(h.reason));
        }
    }

    // Authentication-Results.
    QString arSummary = r.authenticationResults.empty() ? tr("none") : QString::number(r.authenticationResults.size());
    if (!r.provider.empty()) {
        const auto profile = findProviderProfile(q(r.provider));
        arSummary += QStringLiteral(" · ") + tr("provider profile: %1").arg(profile ? q(profile->name) : q(r.provider));
    }
    auto *ar = section(tr("Authentication-Results"), arSummary);
    for (const AuthResultsHeader &h : r.authenticationResults) {
        const QString id = !h.parsed ? tr("(unreadable)") : h.authservId.empty() ? tr("(no authserv-id)") : q(h.authservId);
        auto *s = new QTreeWidgetItem(ar, {id, h.trusted ? tr("trusted") : tr("not trusted")});
        add(s, tr("Why"), q(h.trustReason));
        if (!h.parsed)
            add(s, tr("Parse error"), q(h.parseError));
        for (const AuthMethodResult &m : h.methods) {
            QStringList props;
            for (const auto &[k, val] : m.properties)
                props << q(k) + QLatin1Char('=') + q(val);
            add(s, q(m.method), q(m.result) + (props.isEmpty() ? QString() : QStringLiteral(" (") + props.join(QStringLiteral(", ")) + QLatin1Char(')')));
        }
        add(s, tr("As written"), q(h.raw));
    }

    // Hops.
    m_hops->setRowCount(int(r.received.size()));
    for (int i = 0; i < int(r.received.size()); ++i) {
        const ReceivedHop &h = r.received[size_t(i)];
        const QStringList cells = {q(h.from),
                                   q(h.ip),
                                   q(h.by),
                                   q(h.with),
                                   h.tls ? tr("yes") + (h.tlsDetail.empty() ? QString() : QStringLiteral(" (") + q(h.tlsDetail) + QLatin1Char(')'))
                                         : tr("no"),
                                   q(h.date),
                                   h.delaySeconds ? tr("%1 s").arg(*h.delaySeconds) : QString()};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (i == r.boundaryHop)
                item->setToolTip(tr("The trust boundary: the envelope for SPF comes from this hop."));
            if (!h.trusted && r.boundaryHop >= 0 && i > r.boundaryHop)
                item->setForeground(palette().color(QPalette::PlaceholderText));
            m_hops->setItem(i, c, item);
        }
    }
    m_hops->resizeColumnsToContents();

    m_header->setPlainText(QString::fromUtf8(rawHeader));
}

// ------------------------------------------------------------------------------- key memory

void SecurityPanel::addMemoryRows(QTreeWidgetItem *s, const DkimResult &d)
{
    if (d.rememberedKeySince) {
        const int64_t since = *d.rememberedKeySince;
        const int64_t last = d.rememberedKeyLastSeen.value_or(since);
        add(s, tr("Remembered key"),
            last > since ? tr("no longer published; verified with the key published on %1 (last seen %2)").arg(day(since), day(last))
                         : tr("no longer published; verified with the key published on %1").arg(day(since)));
    }
    if (d.keyChanged)
        add(s, tr("Key changed"), tr("yes: this key differs from the one Sealcheck saw for %1 before").arg(q(d.domain)));
    if (d.keyPinned)
        add(s, tr("Pinned key"), tr("matches the key you pinned"));
    if (d.pinnedKeyChanged)
        add(s, tr("Pinned key"), tr("CHANGED: this key differs from the key you pinned"));
    if (d.acceptedSigner && m_report)
        add(s, tr("Accepted signer"),
            tr("you accepted %1 as a signer for %2").arg(q(d.domain), q(m_report->from.domain)));
}

QPushButton *SecurityPanel::actionButton(QWidget *parent, const QString &name, const QString &text,
                                         std::function<QString()> action)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(name);
    b->setAutoDefault(false);
    connect(b, &QPushButton::clicked, this, [this, action = std::move(action)] {
        const QString status = action();
        m_actionStatus->setText(status);
        m_actionStatus->setVisible(!status.isEmpty());
        // The button that was clicked goes with the tree: rebuild once its handler returned.
        QTimer::singleShot(0, this, [this] {
            if (m_report) {
                const Report r = *m_report;
                const QByteArray header = m_rawHeader;
                showReport(r, header);
            }
            emit memoryChanged();
        });
    });
    return b;
}

void SecurityPanel::addActions(QTreeWidgetItem *s, const DkimResult &d)
{
    if (!m_memory || !m_memory->isOpen() || !m_report || d.domain.empty())
        return;
    KeyMemory &keys = *m_memory->keys();
    SenderExpectations &expectations = *m_memory->expectations();
    const QString domain = q(d.domain);
    const QString selector = q(d.selector);
    const QString record = q(d.keyRecord);
    const QString fromDomain = q(m_report->from.domain);
    const bool valid = d.result == AuthResult::Pass;

    auto *box = new QWidget;
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);

    if (const auto pin = keys.pinFor(domain, selector)) {
        const QString pinDomain = pin->domain;
        const QString pinSelector = pin->selector;
        row->addWidget(actionButton(box, QStringLiteral("unpinKey"), tr("Unpin"), [this, pinDomain, pinSelector] {
            if (!m_memory->keys()->unpin(pinDomain, pinSelector))
                return tr("The key could not be unpinned: %1").arg(m_memory->keys()->lastError());
            return tr("The key of %1 is no longer pinned.").arg(pinDomain);
        }));
    } else if (!record.isEmpty() && !d.selector.empty() && KeyMemory::hasPublicKey(d.keyRecord)) {
        row->addWidget(actionButton(box, QStringLiteral("pinKey"), tr("Pin this key"), [this, domain, selector, record] {
            auto pinned = m_memory->keys()->pin(domain, selector, record, QDateTime::currentSecsSinceEpoch());
            if (!pinned)
                return tr("The key could not be pinned: %1").arg(QString::fromStdString(pinned.error().message));
            return tr("The key of %1 (selector %2) is pinned: a different key later is a warning.").arg(domain, selector);
        }));
    }

    const bool aligned = d.aligned || sameOrParent(fromDomain, domain);
    if (!fromDomain.isEmpty() && aligned) {
        if (expectations.alwaysSigns(fromDomain)) {
            row->addWidget(actionButton(box, QStringLiteral("stopAlwaysSigns"),
                                        tr("Stop expecting a signature from %1").arg(fromDomain), [this, fromDomain] {
                                            if (!m_memory->expectations()->removeAlwaysSigns(fromDomain))
                                                return tr("Could not change the expectation: %1")
                                                    .arg(m_memory->expectations()->lastError());
                                            return tr("Mail from %1 is no longer expected to be signed.").arg(fromDomain);
                                        }));
        } else if (valid) {
            // From when: this message shows the domain signing, so mail that arrives from then on
            // is expected to be signed (its trusted arrival; the current time when unknown).
            qint64 since = QDateTime::currentSecsSinceEpoch();
            const Report &r = *m_report;
            if (r.boundaryHop >= 0 && size_t(r.boundaryHop) < r.received.size() && r.received[size_t(r.boundaryHop)].time)
                since = *r.received[size_t(r.boundaryHop)].time;
            row->addWidget(actionButton(box, QStringLiteral("alwaysSigns"),
                                        tr("Always expect a signature from %1").arg(fromDomain), [this, fromDomain, since] {
                                            auto set = m_memory->expectations()->setAlwaysSigns(fromDomain, since);
                                            if (!set)
                                                return tr("Could not save the expectation: %1")
                                                    .arg(QString::fromStdString(set.error().message));
                                            return tr("Mail from %1 is expected to be signed from now on; unsigned mail "
                                                      "from it will be shown as suspicious.")
                                                .arg(fromDomain);
                                        }));
        }
    }

    if (!fromDomain.isEmpty() && !aligned) {
        if (expectations.isAcceptedSigner(domain, fromDomain)) {
            row->addWidget(actionButton(box, QStringLiteral("stopAcceptSigner"),
                                        tr("Stop accepting %1 as a signer for %2").arg(domain, fromDomain),
                                        [this, domain, fromDomain] {
                                            if (!m_memory->expectations()->removeAcceptedSigner(domain, fromDomain))
                                                return tr("Could not change the accepted signers: %1")
                                                    .arg(m_memory->expectations()->lastError());
                                            return tr("%1 no longer vouches for mail from %2.").arg(domain, fromDomain);
                                        }));
        } else if (valid) {
            row->addWidget(actionButton(box, QStringLiteral("acceptSigner"),
                                        tr("Accept %1 as a signer for %2").arg(domain, fromDomain), [this, domain, fromDomain] {
                                            auto accepted = m_memory->expectations()->acceptSigner(
                                                domain, fromDomain, QDateTime::currentSecsSinceEpoch());
                                            if (!accepted)
                                                return tr("Could not save the accepted signer: %1")
                                                    .arg(QString::fromStdString(accepted.error().message));
                                            return tr("%1 is accepted as the sending service of %2.").arg(domain, fromDomain);
                                        }));
        }
    }

    if (row->count() == 0) {
        delete box;
        return;
    }
    row->addStretch(1);
    auto *item = new QTreeWidgetItem(s, {tr("Remember"), QString()});
    m_tree->setItemWidget(item, 1, box);
}

bool SecurityPanel::setMemoryStorePath(const QString &path, QString *error)
{
    if (m_memory && m_memory->path() == path && m_memory->isOpen())
        return true;
    m_memory.reset();
    if (!path.isEmpty()) {
        auto memory = std::make_unique<RememberedVerification>();
        if (auto opened = memory->open(path); !opened) {
            if (error)
                *error = QString::fromStdString(opened.error().message);
            return false;
        }
        m_memory = std::move(memory);
    }
    if (m_report) {
        const Report r = *m_report;
        const QByteArray header = m_rawHeader;
        showReport(r, header);
    }
    return true;
}

QString SecurityPanel::memoryStorePath() const { return m_memory ? m_memory->path() : QString(); }

QList<QPushButton *> SecurityPanel::actionButtons() const
{
    QList<QPushButton *> out;
    std::function<void(QTreeWidgetItem *)> walk = [&](QTreeWidgetItem *item) {
        if (QWidget *w = m_tree->itemWidget(item, 1)) {
            for (QPushButton *b : w->findChildren<QPushButton *>(Qt::FindDirectChildrenOnly))
                out << b;
        }
        for (int i = 0; i < item->childCount(); ++i)
            walk(item->child(i));
    };
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        walk(m_tree->topLevelItem(i));
    return out;
}

QString SecurityPanel::actionStatus() const { return m_actionStatus->text(); }

QString SecurityPanel::checksText() const
{
    QStringList lines;
    std::function<void(QTreeWidgetItem *, int)> walk = [&](QTreeWidgetItem *item, int depth) {
        QString value = item->text(1);
        if (QWidget *w = m_tree->itemWidget(item, 1)) { // action buttons: their labels
            QStringList labels;
            for (const QPushButton *b : w->findChildren<QPushButton *>(Qt::FindDirectChildrenOnly))
                labels << b->text();
            value = labels.join(QStringLiteral(" | "));
        }
        lines << QString(depth * 2, QLatin1Char(' ')) + item->text(0) + QStringLiteral(": ") + value;
        for (int i = 0; i < item->childCount(); ++i)
            walk(item->child(i), depth + 1);
    };
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        walk(m_tree->topLevelItem(i), 0);
    return lines.join(QLatin1Char('\n'));
}

} // namespace sealcheck::ui
