#pragma once
// The first thing a new user sees (issue 20, point 8): in place of the empty message list, while
// there is no account and no opened file, three ways to start — add an account, open a file, try
// the demo mailbox. The buttons only signal; the window does what its menu items do.

#include <QWidget>

class QPushButton;

namespace sealcheck::ui {

class WelcomePane : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePane(QWidget *parent = nullptr);

    QPushButton *addAccountButton() const { return m_addAccount; }
    QPushButton *openFileButton() const { return m_openFile; }
    QPushButton *demoButton() const { return m_demo; }

signals:
    void addAccountRequested();
    void openFileRequested();
    void demoRequested();

private:
    QPushButton *m_addAccount;
    QPushButton *m_openFile;
    QPushButton *m_demo;
};

} // namespace sealcheck::ui
