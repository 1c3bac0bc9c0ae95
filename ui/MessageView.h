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
//
// What was signed is shown with the text (issue 20, point 4; app/core/ShownText.h): text past a
// DKIM l= or outside an S/MIME or OpenPGP signed part goes below the signed text, in a box of its
// own under a native banner ("Added after signing — not from bank.example"), never inside the
// message text where a sender could imitate it. Above the text, the header fields a reader
// looks at, every copy of a duplicated one.

#include "Report.h"
#include "ShownText.h"

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
    /// The text not covered by the signature (hidden when there is none), and its banner.
    QPlainTextEdit *unsignedView() const { return m_unsignedBody; }
    QLabel *unsignedBanner() const { return m_unsignedBanner; }
    /// Above the signed text when the message has text that is not covered ("Signed by ...").
    QLabel *signedLabel() const { return m_signedLabel; }
    /// From, To, Cc, Subject and Date, one line per copy.
    QLabel *fieldsLabel() const { return m_fields; }
    /// The plain-text report ("Copy report").
    QString reportText() const;

    /// The text a reader is shown for a message: its text/plain part, or an HTML part reduced
    /// to text. Never loads anything. Any thread.
    static QString displayText(const QByteArray &raw);
    /// The main text of @p shown with the notes a reader needs (no text part, HTML cut short).
    static QString withNotes(const ShownText &shown);
    /// One line per header field copy, then a warning per duplicated name.
    static QString fieldsText(const QList<ShownField> &fields);
    /// @p text with a line break inserted after every @p maxLineChars characters of a longer line.
    static QString breakLongLines(const QString &text, int maxLineChars = kMaxLineChars);

    static constexpr int kInitialChars = 256 * 1024;
    static constexpr int kStepChars = 1024 * 1024;
    static constexpr int kMaxLineChars = 2000;

    /// True while the body text is being made or added.
    bool bodyLoading() const { return m_loading; }
    /// Characters of the body shown / in the whole body (after breaking long lines), the text
    /// not covered by the signature included.
    qsizetype shownChars() const { return m_shown + m_unsignedShown; }
    qsizetype totalChars() const { return m_fullText.size() + m_unsignedFull.size(); }
    QPushButton *showWholeButton() const { return m_showWhole; }

signals:
    /// The body text (or its first part) is in bodyView().
    void bodyShown();

public slots:
    void copyReport();
    void showWholeMessage();

protected:
    void changeEvent(QEvent *event) override;

private:
    void recolour();
    void setBodyText(quint64 generation, const ShownText &shown, const QString &fields);
    void showCoverage(const ShownText &shown);
    /// Where the first part of @p text shown at once ends.
    static qsizetype firstCut(const QString &text);
    static QString fieldName(const QString &name);
    void appendStep();
    void updateMoreBar();

    VerdictBanner *m_banner;
    QTabWidget *m_tabs;
    QLabel *m_fields;
    QLabel *m_signedLabel;
    QPlainTextEdit *m_body;
    QLabel *m_unsignedBanner;
    QPlainTextEdit *m_unsignedBody;
    SecurityPanel *m_panel;
    QPushButton *m_copy;
    QLabel *m_moreLabel;
    QPushButton *m_showWhole;
    std::optional<verifier::Report> m_report;
    QByteArray m_raw;     ///< the message whose text is shown
    QString m_fullText;   ///< null until that text is made
    qsizetype m_shown = 0;
    QString m_unsignedFull; ///< the text not covered, broken for display
    qsizetype m_unsignedShown = 0;
    BodyCoverage m_coverage; ///< what m_fullText was split by
    quint64 m_generation = 0; ///< results of an earlier showMessage() are dropped
    bool m_loading = false;
};

} // namespace sealcheck::ui
