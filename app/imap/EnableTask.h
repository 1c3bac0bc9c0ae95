#pragma once
/// ENABLE (RFC 5161), e.g. CONDSTORE (RFC 7162 §3.1) or QRESYNC. Sent only for extensions the
/// server advertises; the result lists what the server actually enabled.

#include "ImapTask.h"

namespace imap {

class EnableTask final : public ImapTask
{
    Q_OBJECT
public:
    explicit EnableTask(const QList<QByteArray> &extensions, QObject *parent = nullptr);
    const QList<QByteArray> &enabled() const { return m_enabled; }

protected:
    void perform() override;
    bool handleUntagged(const ImapResponse &response) override;
    void handleTagged(const ImapResponse &response) override;

private:
    QList<QByteArray> m_wanted;
    QList<QByteArray> m_enabled;
};

} // namespace imap
