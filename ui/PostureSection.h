#pragma once
// The security panel's "Sender domain" section: how well the From domain of the message shown
// protects its mail (SPF, DMARC, DKIM, MTA-STS, TLS-RPT, DANE, BIMI; verifier::PostureAssessor
// through sealcheck::DomainPostureRunner). The check asks DNS and fetches the MTA-STS policy
// over HTTPS, so it runs only when the user presses "Check this domain's protection", on a
// worker thread, never on the UI thread; the section shows progress, then the grade, its
// reasons in plain words, every check with the DNSSEC status of its answer, and the records
// the domain owner should publish. Plain-text items only (nothing from DNS is rendered as rich
// text).

#include "DomainPosture.h"
#include "MtaStsFetcher.h"
#include "Resolver.h"

#include <QPointer>
#include <QString>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace sealcheck::ui {

class PostureSection : public QWidget
{
    Q_OBJECT
public:
    explicit PostureSection(QWidget *parent = nullptr);
    ~PostureSection() override;

    /// The resolver the program verifies with (MainWindow passes its own). When none is set,
    /// the check builds one from the saved settings (AppSettings) when the user asks. A
    /// ZoneResolver (the demo mailbox, zone files) means offline: the MTA-STS policy is then
    /// not fetched, as in `sealcheck-cli domain --dns-zone`, unless the fetch options map
    /// mta-sts.<domain> to an address (see setFetchOptions).
    void setResolver(std::shared_ptr<const verifier::Resolver> resolver);
    /// Options of the MTA-STS policy fetch (MtaStsFetcher, RFC 8461 §3.3), the same struct the
    /// command-line tool uses. Tests give extra trusted roots and a host override
    /// (mta-sts.<domain> → 127.0.0.1:port); the certificate is still verified strictly against
    /// mta-sts.<domain>, there is no way to turn that off. A host override also allows the fetch
    /// beside a ZoneResolver (the only address asked is the one given). Takes effect from the next
    /// check; nothing is fetched before the user presses the check button.
    void setFetchOptions(const MtaStsFetchOptions &options);

    /// The From domain of the message shown (A-label); empty when there is none (From is not
    /// exactly one mailbox): the section then says so and offers no check. Shows the last result
    /// again when it was for this domain; a check still running for another domain finishes
    /// unseen (its result is kept as the last one).
    void setDomain(const QString &domain);
    QString domain() const { return m_domain; }

    bool isRunning() const { return !m_runningDomain.isEmpty(); }
    QPushButton *checkButton() const { return m_check; }
    QLabel *gradeLabel() const { return m_grade; }
    QLabel *statusLabel() const { return m_status; }
    /// The grade's reasons, one per line ("• ..."), word-wrapped.
    QLabel *reasonsLabel() const { return m_reasons; }
    /// The records the domain owner should publish, one per line, selectable for copying.
    QPlainTextEdit *fixesView() const { return m_fixes; }
    QTreeWidget *resultTree() const { return m_tree; }
    /// The grade line, the reasons, the records to publish and every item of the check tree,
    /// one per line (for tests and copying).
    QString resultText() const;

public slots:
    /// Starts the check for domain() (no-op while one runs or without a domain).
    void startCheck();

signals:
    /// The check finished (shown, or failed with a message in statusLabel()).
    void checkFinished();

private:
    void showPosture(const verifier::DomainPosture &posture);
    void showFailure(const QString &message);
    void showProgress();
    /// Gives the keyboard focus back to the check button when it had it as the check started
    /// (disabling it moved the focus on) and the user has not moved it since.
    void restoreFocus();
    QTreeWidgetItem *addCheck(const QString &name, const verifier::PostureCheck &check, const std::string &record);

    QLabel *m_title;
    QPushButton *m_check;
    QProgressBar *m_busy;
    QLabel *m_status;
    QLabel *m_grade;
    QLabel *m_reasons;
    QLabel *m_fixesTitle;
    QPlainTextEdit *m_fixes;
    QTreeWidget *m_tree;
    std::shared_ptr<const verifier::Resolver> m_resolver;
    MtaStsFetchOptions m_fetch;
    QString m_domain;
    /// The domain being checked now ("" = none); one check at a time.
    QString m_runningDomain;
    /// The last result, shown again when its domain comes back (another message from it, or
    /// the panel redrawn after a memory action).
    std::optional<verifier::DomainPosture> m_last;
    /// Where the focus went when the running check disabled the focused button (restoreFocus()).
    QPointer<QWidget> m_focusWhileRunning;
    bool m_refocusButton = false;
};

} // namespace sealcheck::ui
