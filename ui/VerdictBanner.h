#pragma once
// The verdict shown above the message, as a native widget (never inside message content):
// icon, word, one headline and the reasons in plain words.

#include "Report.h"
#include "VerdictStyle.h"

#include <QFrame>

class QLabel;

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
    QStringList reasons() const { return m_reasonTexts; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void apply(VerdictState state, const QStringList &reasons, const QStringList &warnings);

    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_details;
    VerdictState m_state = VerdictState::Pending;
    QStringList m_reasonTexts;
    QStringList m_warningTexts;
};

} // namespace sealcheck::ui
