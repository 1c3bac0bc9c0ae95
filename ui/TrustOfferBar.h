#pragma once
// A non-modal bar above the message list that offers, after the first sync of an account with
// no trusted authserv-id, to trust the authserv-id of the topmost Authentication-Results field
// (ARCHITECTURE.md: the trusted list starts empty until the user confirms one). Plain words,
// two buttons: Trust and Not now. The bar only asks; MainWindow records the answer.

#include <QFrame>

class QLabel;
class QPushButton;

namespace sealcheck::ui {

class TrustOfferBar : public QFrame
{
    Q_OBJECT
public:
    explicit TrustOfferBar(QWidget *parent = nullptr);

    /// Shows the offer for @p authservId of @p accountName's account.
    void offer(qint64 accountId, const QString &accountName, const QString &authservId);
    qint64 accountId() const { return m_accountId; }
    QString authservId() const { return m_authservId; }
    /// The explanation the user reads.
    QString text() const;
    QPushButton *trustButton() const { return m_trust; }
    QPushButton *notNowButton() const { return m_notNow; }

signals:
    void trustAccepted(qint64 accountId, const QString &authservId);
    void declined(qint64 accountId);

private:
    QLabel *m_text;
    QPushButton *m_trust;
    QPushButton *m_notNow;
    qint64 m_accountId = 0;
    QString m_authservId;
};

} // namespace sealcheck::ui
