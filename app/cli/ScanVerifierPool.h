// The verifier threads of `sealcheck-cli scan`: messages are verified as they arrive from the
// server, and the reports are printed in UID order as soon as each one and all before it are
// ready, so a connection lost in the middle still leaves every message already received verified
// and printed. The queue is bounded, so memory does not grow with the size of the mailbox.
#pragma once

#include "VerifyCommand.h"

#include "Verifier.h"

#include <QString>

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace sealcheck::cli {

/// Verifies messages on worker threads and prints the reports in submission order, each as soon
/// as it and all before it are done. submit() blocks while the queue is full (bounded memory).
class ScanVerifierPool
{
public:
    ScanVerifierPool(const verifier::VerifyContext &context, const CommonOptions &options, int threads,
                     QString accountUser = {});
    ~ScanVerifierPool();
    ScanVerifierPool(const ScanVerifierPool &) = delete;
    ScanVerifierPool &operator=(const ScanVerifierPool &) = delete;

    /// @p flags: the message's IMAP flags (space-separated); with --memory, an answered
    /// authenticated message teaches its domain (KnownDomains::learn). @p uid: for --set-keywords.
    void submit(std::string bytes, std::string source, quint32 uid, QString flags = {});

    /// Waits until every submitted message is verified and printed.
    void finish();

    bool anyFailed() const { return m_failed; }
    /// UID and verdict of every message verified, in UID order (after finish()).
    const std::vector<std::pair<quint32, verifier::Verdict>> &verdicts() const { return m_verdicts; }

private:
    struct Job
    {
        quint64 seq;
        std::string bytes;
        std::string source;
        QString flags;
        quint32 uid = 0;
    };
    struct Outcome
    {
        std::optional<verifier::Report> report;
        std::string error;
        quint32 uid = 0;
    };

    void work();
    /// Prints every finished outcome whose turn has come; called with m_printMutex held.
    void printReady();

    const verifier::VerifyContext m_context;
    const CommonOptions &m_options;
    const QString m_accountUser;
    std::mutex m_mutex;
    std::condition_variable m_workAvailable;
    std::condition_variable m_spaceFree;
    std::deque<Job> m_queue;
    size_t m_maxQueued = 8;
    quint64 m_nextSeq = 0;
    bool m_closing = false;
    std::vector<std::thread> m_workers;
    std::mutex m_printMutex;
    std::map<quint64, Outcome> m_done;
    quint64 m_nextToPrint = 0;
    bool m_failed = false;
    std::vector<std::pair<quint32, verifier::Verdict>> m_verdicts;
};

} // namespace sealcheck::cli
