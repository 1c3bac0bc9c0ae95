#pragma once
// The verdict shown above the message, as a native widget (never inside message content):
// icon, who is authenticated (VerdictLabel.h), one headline and the reasons in plain words.
// Only what decides the verdict is listed; warnings that are on nearly every message (DNSSEC,
// untrusted Authentication-Results, iprev, ...) wait behind "N technical notes" (issue 20).
// A message that could not be checked (Verdict::NotChecked) shows its cause and a Retry button.

#include "Report.h"
#include "VerdictStyle.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace sealcheck::ui {

class VerdictBanner : public QFrame
{
    Q_OBJECT
public:
    explicit VerdictBanner(QWidget *parent = nullptr);
    void showReport(const verifier::Report &report);
    void showPending();
    void showError(const QString &error);
    void clear();

    QString headline() const;
    /// The lines under the headline: reasons, then warnings that matter ("⚠ ...").
    QStringList reasons() const { return m_reasonTexts; }
    /// The warnings folded behind the technical-notes button.
    QStringList technicalNotes() const { return m_noteTexts; }
    /// "N technical notes" (hidden when there are none); toggles the notes.
    QToolButton *notesButton() const { return m_notesButton; }
    QLabel *notesLabel() const { return m_notes; }
    /// Shown for a message that could not be checked; emits retryRequested().
    QPushButton *retryButton() const { return m_retry; }

signals:
    void retryRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void apply(VerdictState state, const QStringList &reasons, const QStringList &warnings);
    void applyTexts(VerdictState state, const QStringList &reasons, const QStringList &warnings);

    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_details;
    QToolButton *m_notesButton;
    QLabel *m_notes;
    QPushButton *m_retry;
    VerdictState m_state = VerdictState::Pending;
    QStringList m_reasonTexts;
    QStringList m_warningTexts;
    QStringList m_noteTexts;
    QString m_label;    ///< VerdictLabel.h: "✓ mybank.example"; empty: the verdict word
    QString m_sentence; ///< empty: verdictHeadline()
    bool m_exception = false;
};

} // namespace sealcheck::ui
