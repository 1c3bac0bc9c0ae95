#pragma once
// A non-modal bar above the message list for one thing the user should know now (issue 20):
// files refused because they are not mail, many messages not checked because DNS did not
// answer, settings changed. Plain words, an optional action ("Check again") and a close button.

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace sealcheck::ui {

class NoticeBar : public QFrame
{
    Q_OBJECT
public:
    explicit NoticeBar(QWidget *parent = nullptr);

    /// Shows @p text; with @p actionText, a button that emits actionTriggered() and closes the bar.
    void showNotice(const QString &text, const QString &actionText = {});
    QString text() const;
    QPushButton *actionButton() const { return m_action; }

signals:
    void actionTriggered();

private:
    QLabel *m_text;
    QPushButton *m_action;
    QToolButton *m_close;
};

} // namespace sealcheck::ui
