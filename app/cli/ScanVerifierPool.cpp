#include "ScanVerifierPool.h"

#include "Message.h"
#include "OverLimit.h"
#include "RememberedVerification.h"

#include <algorithm>
#include <cstdio>

namespace sealcheck::cli {

ScanVerifierPool::ScanVerifierPool(const verifier::VerifyContext &context, const CommonOptions &options,
                                   int threads, QString accountUser)
    : m_context(context), m_options(options), m_accountUser(std::move(accountUser))
{
    m_maxQueued = size_t(std::max(4, threads * 4));
    for (int i = 0; i < threads; ++i)
        m_workers.emplace_back([this] { work(); });
}

ScanVerifierPool::~ScanVerifierPool()
{
    finish();
}

void ScanVerifierPool::submit(std::string bytes, std::string source, quint32 uid, QString flags)
{
    std::unique_lock lock(m_mutex);
    m_spaceFree.wait(lock, [this] { return m_queue.size() < m_maxQueued; });
    m_queue.push_back(Job{m_nextSeq++, std::move(bytes), std::move(source), std::move(flags), uid});
    m_workAvailable.notify_one();
}

void ScanVerifierPool::finish()
{
    {
        std::lock_guard lock(m_mutex);
        m_closing = true;
    }
    m_workAvailable.notify_all();
    for (std::thread &t : m_workers)
        t.join();
    m_workers.clear();
}

void ScanVerifierPool::work()
{
    verifier::VerifyContext context = m_context;
    RememberedVerification memory; // --memory: this thread's own store connection
    if (!m_options.memoryPath.isEmpty())
        (void)memory.open(m_options.memoryPath); // checked by readCommonOptions; else no memory
    if (memory.isOpen() && !m_accountUser.isEmpty())
        (void)memory.knownDomains()->addAccountDomain(m_accountUser, context.now);
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_workAvailable.wait(lock, [this] { return m_closing || !m_queue.empty(); });
            if (m_queue.empty())
                return;
            job = std::move(m_queue.front());
            m_queue.pop_front();
        }
        m_spaceFree.notify_one();
        Outcome outcome;
        outcome.uid = job.uid;
        std::string limit;
        auto message = verifier::Message::parse(std::move(job.bytes), {}, &limit);
        if (message) {
            context.source = job.source;
            outcome.report = memory.verify(*message, context);
            if (memory.isOpen())
                memory.knownDomains()->learn(*outcome.report, job.flags, context.now);
        } else if (!limit.empty()) {
            // Over a limit: not checked (issue 24), printed in order like the others.
            outcome.report = verifier::overLimitReport(job.source, limit);
        } else {
            outcome.error = job.source + ": " + message.error().message;
        }
        std::lock_guard lock(m_printMutex);
        m_done.emplace(job.seq, std::move(outcome));
        printReady();
    }
}

void ScanVerifierPool::printReady()
{
    for (auto it = m_done.find(m_nextToPrint); it != m_done.end(); it = m_done.find(m_nextToPrint)) {
        if (it->second.report) {
            printReport(*it->second.report, m_options, stdout);
            m_verdicts.emplace_back(it->second.uid, it->second.report->verdict);
        } else {
            std::fprintf(stderr, "sealcheck-cli scan: %s\n", it->second.error.c_str());
            m_failed = true;
        }
        m_done.erase(it);
        ++m_nextToPrint;
    }
}

} // namespace sealcheck::cli
