#pragma once
/// CAPABILITY (RFC 9051 §6.1.1). The connection records the result; capabilities() copies it.

#include "ImapTask.h"

namespace imap {

class CapabilityTask final : public ImapTask
{
    Q_OBJECT
public:
    using ImapTask::ImapTask;
    const QList<QByteArray> &capabilities() const { return m_capabilities; }

protected:
    void perform() override;
    void handleTagged(const ImapResponse &response) override;

private:
    QList<QByteArray> m_capabilities;
};

} // namespace imap
