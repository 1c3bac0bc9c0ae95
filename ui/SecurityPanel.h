#pragma once
// The security panel: every check explained. What was signed and by whom, which DNS record
// said what, which Authentication-Results fields were trusted and why, which hop used TLS.
// Plain-text tree items only: nothing from a message is ever rendered as rich text.

#include "Report.h"

#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;
class QTableWidget;
class QTabWidget;
class QPlainTextEdit;

namespace sealcheck::ui {

class SecurityPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SecurityPanel(QWidget *parent = nullptr);
    void showReport(const verifier::Report &report, const QByteArray &rawHeader);
    void clear();

    QTreeWidget *checksTree() const { return m_tree; }
    QTableWidget *hopTable() const { return m_hops; }
    /// The text of every item, for tests and "Copy".
    QString checksText() const;

private:
    QTreeWidgetItem *section(const QString &title, const QString &summary);
    void add(QTreeWidgetItem *parent, const QString &name, const QString &value);

    QTabWidget *m_tabs;
    QTreeWidget *m_tree;
    QTableWidget *m_hops;
    QPlainTextEdit *m_header;
};

} // namespace sealcheck::ui
