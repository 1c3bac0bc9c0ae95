#pragma once
// One message: the verdict banner (a native widget, above and apart from the content), the
// body as plain text (no HTML rendering, so no remote content can ever load), and the
// security panel.

#include "Report.h"

#include <QWidget>

#include <optional>

class QPlainTextEdit;
class QTabWidget;
class QPushButton;

namespace sealcheck::ui {

class VerdictBanner;
class SecurityPanel;

class MessageView : public QWidget
{
    Q_OBJECT
public:
    explicit MessageView(QWidget *parent = nullptr);
    /// @p stale: the report was made under earlier settings (MessageRow::stale); the security
    /// panel says so above it.
    void showMessage(const QByteArray &raw, const std::optional<verifier::Report> &report, const QString &error = {},
                     bool stale = false);
    void clear();

    VerdictBanner *banner() const { return m_banner; }
    SecurityPanel *securityPanel() const { return m_panel; }
    QPlainTextEdit *bodyView() const { return m_body; }
    /// The plain-text report ("Copy report").
    QString reportText() const;

    /// The text a reader is shown for a message: its text/plain part, or an HTML part reduced
    /// to text. Never loads anything.
    static QString displayText(const QByteArray &raw);

public slots:
    void copyReport();

private:
    VerdictBanner *m_banner;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_body;
    SecurityPanel *m_panel;
    QPushButton *m_copy;
    std::optional<verifier::Report> m_report;
};

} // namespace sealcheck::ui
