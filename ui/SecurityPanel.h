#pragma once
// The security panel: every check explained. What was signed and by whom, which DNS record
// said what, which Authentication-Results fields were trusted and why, which hop used TLS.
// Plain-text tree items only: nothing from a message is ever rendered as rich text.
//
// Key memory (issue 13): with a memory store set (setMemoryStorePath), each DKIM signature shows
// whether its key was remembered, changed or pinned, and offers one-click actions: "Pin this
// key" / "Unpin", "Always expect a signature from DOMAIN" (for a valid signature aligned with
// From) and "Accept DOMAIN as a signer for FROM-DOMAIN" (only on unauthenticated mail with a
// valid signature by another domain over the whole message, after a confirmation, issue 20). An action writes the store at once (KeyMemory, SenderExpectations, on this thread's
// own connection) and emits memoryChanged(): the owner verifies the message again.

#include "Report.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QTreeWidget;
class QTreeWidgetItem;
class QTableWidget;
class QTabWidget;
class QPlainTextEdit;
class QLabel;
class QPushButton;

namespace sealcheck {
class RememberedVerification;
}

namespace sealcheck::ui {

class PostureSection;

class SecurityPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SecurityPanel(QWidget *parent = nullptr);
    ~SecurityPanel() override;
    void showReport(const verifier::Report &report, const QByteArray &rawHeader);
    void clear();
    /// Above the report: "Verified under earlier settings; it will be checked again at the next
    /// sync." for a stale report (MessageRow::stale). Call after showReport(); clear() hides it.
    void setStale(bool stale);
    /// The notice shown by setStale(true) (hidden otherwise).
    QLabel *staleNotice() const { return m_staleNotice; }

    QTreeWidget *checksTree() const { return m_tree; }
    /// The summary above the details: one line per check, "✓ Signed by mybank.example".
    QLabel *summaryLabel() const { return m_summary; }
    /// Names the sender only claims (HELO), apart from the verified ones; hidden when none.
    QLabel *claimedLabel() const { return m_claimed; }
    QTableWidget *hopTable() const { return m_hops; }
    /// The "Sender domain" tab: the From domain's protection, checked when the user asks.
    PostureSection *postureSection() const { return m_posture; }
    /// The text of every item, for tests and "Copy".
    QString checksText() const;

    /// The store file whose key memory and sender expectations the actions write (opened on
    /// this thread); empty = no actions. False with @p error when it cannot be opened.
    bool setMemoryStorePath(const QString &path, QString *error = nullptr);
    QString memoryStorePath() const;
    /// The action buttons shown now, in tree order (object names "pinKey", "unpinKey",
    /// "alwaysSigns", "stopAlwaysSigns", "acceptSigner", "stopAcceptSigner").
    QList<QPushButton *> actionButtons() const;
    /// The question asked before accepting @p signer for @p fromDomain (for tests and the box).
    static QString acceptSignerQuestion(const QString &signer, const QString &fromDomain);
    /// What the last action did, in words (or why it failed).
    QString actionStatus() const;

signals:
    /// The user pinned or unpinned a key or changed an expectation: verify again.
    void memoryChanged();

private:
    void addMemoryRows(QTreeWidgetItem *signature, const verifier::DkimResult &d);
    bool addActions(QTreeWidgetItem *signature, const verifier::DkimResult &d);
    bool confirmAcceptSigner(const QString &signer, const QString &fromDomain);
    QPushButton *actionButton(QWidget *parent, const QString &name, const QString &text,
                              std::function<QString()> action);

    QTreeWidgetItem *section(const QString &title, const QString &summary);
    void add(QTreeWidgetItem *parent, const QString &name, const QString &value);

    QTabWidget *m_tabs;
    QTreeWidget *m_tree;
    QTableWidget *m_hops;
    QPlainTextEdit *m_header;
    PostureSection *m_posture;
    QLabel *m_actionStatus;
    QLabel *m_staleNotice;
    QLabel *m_summary;
    QLabel *m_claimed;
    std::unique_ptr<RememberedVerification> m_memory;
    std::optional<verifier::Report> m_report;
    QByteArray m_rawHeader;
};

} // namespace sealcheck::ui
