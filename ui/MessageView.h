#pragma once
// One message: the verdict banner (a native widget, above and apart from the content), the
// body as plain text (no HTML rendering, so no remote content can ever load), and the
// security panel.
//
// The body text is made off the UI thread (MIME decoding, HTML reduced to text by
// htmlToText(), which never opens anything a message names) and shown bounded (issue 24): the
// first kInitialChars characters, with lines longer than kMaxLineChars broken for display, so a
// small hostile message cannot freeze the window. "Show the whole message" adds the rest in
// steps of kStepChars, one step per turn of the event loop.

#include "Report.h"

#include <QWidget>

#include <optional>

class QPlainTextEdit;
class QTabWidget;
class QPushButton;
class QLabel;

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
    /// to text. Never loads anything. Any thread.
    static QString displayText(const QByteArray &raw);
    /// @p text with a line break inserted after every @p maxLineChars characters of a longer line.
    static QString breakLongLines(const QString &text, int maxLineChars = kMaxLineChars);

    static constexpr int kInitialChars = 256 * 1024;
    static constexpr int kStepChars = 1024 * 1024;
    static constexpr int kMaxLineChars = 2000;

    /// True while the body text is being made or added.
    bool bodyLoading() const { return m_loading; }
    /// Characters of the body shown / in the whole body (after breaking long lines).
    qsizetype shownChars() const { return m_shown; }
    qsizetype totalChars() const { return m_fullText.size(); }
    QPushButton *showWholeButton() const { return m_showWhole; }

signals:
    /// The body text (or its first part) is in bodyView().
    void bodyShown();

public slots:
    void copyReport();
    void showWholeMessage();

private:
    void setBodyText(quint64 generation, const QString &text);
    void appendStep();
    void updateMoreBar();

    VerdictBanner *m_banner;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_body;
    SecurityPanel *m_panel;
    QPushButton *m_copy;
    QLabel *m_moreLabel;
    QPushButton *m_showWhole;
    std::optional<verifier::Report> m_report;
    QByteArray m_raw;     ///< the message whose text is shown
    QString m_fullText;   ///< null until that text is made
    qsizetype m_shown = 0;
    quint64 m_generation = 0; ///< results of an earlier showMessage() are dropped
    bool m_loading = false;
};

} // namespace sealcheck::ui
