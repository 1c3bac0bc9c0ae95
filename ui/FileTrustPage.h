#pragma once
// Settings › Opened files (issue 20, point 8): what is trusted when verifying opened .eml and
// mbox files, which have no account to hold it — the authentication servers whose
// Authentication-Results fields are believed, the receiving relays, the ARC sealers and the mail
// provider (FileTrust). The domains the user knows are on "Senders and keys" and count for files
// too; the page says so.

#include "FileTrust.h"

#include <QWidget>

class QComboBox;
class QPlainTextEdit;

namespace sealcheck::ui {

class FileTrustPage : public QWidget
{
    Q_OBJECT
public:
    explicit FileTrustPage(QWidget *parent = nullptr);

    void setTrust(const FileTrust &trust);
    FileTrust trust() const;

    QPlainTextEdit *authservEdit() const { return m_authserv; }
    QPlainTextEdit *relaysEdit() const { return m_relays; }
    QPlainTextEdit *arcSealersEdit() const { return m_arcSealers; }
    QComboBox *providerBox() const { return m_provider; }

private:
    QPlainTextEdit *m_authserv;
    QPlainTextEdit *m_relays;
    QPlainTextEdit *m_arcSealers;
    QComboBox *m_provider;
};

} // namespace sealcheck::ui
