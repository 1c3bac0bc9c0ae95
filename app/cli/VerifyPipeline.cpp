#include "VerifyPipeline.h"

#include "OverLimit.h"

#include "Message.h"
#include "MessageStream.h"
#include "RememberedVerification.h"

#include <sched.h>

#include <algorithm>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sealcheck::cli {

namespace {

std::string toStd(const QString &s)
{
    const QByteArray utf8 = s.toUtf8();
    return std::string(utf8.constData(), size_t(utf8.size()));
}

/// One message on its way through: read, verified, formatted, then written in its turn.
struct Job
{
    StreamedMessage input;
    std::shared_ptr<MessageStream> stream; // to release the input once written
    std::string output;
    std::string errors;
    bool inputError = false;
    int verdict = -1;
    bool done = false;
    size_t bytes = 0;
};

/// What each verifying thread owns: its context (source set per message) and its connection
/// to the --memory store (SQLite: one connection per thread).
class Worker
{
public:
    Worker(const CommonOptions &options, const verifier::VerifyContext &context)
        : m_options(options), m_context(context)
    {
        if (!options.memoryPath.isEmpty()) {
            if (auto opened = m_memory.open(options.memoryPath); !opened)
                m_openError = "sealcheck-cli verify: --memory: " + opened.error().message + "\n";
        }
    }

    void process(Job &job)
    {
        if (!m_openError.empty()) { // said once, on this thread's first message
            job.errors += m_openError;
            m_openError.clear();
        }
        if (!job.input.error.empty()) {
            fail(job, job.input.error);
            return;
        }
        std::string limit;
        auto message = verifier::Message::parseShared(job.input.bytes, std::move(job.input.owner), {}, &limit);
        job.input.bytes = {};
        if (!message) {
            fail(job, message.error().message);
            // Over a limit: also reported as not checked, as the desktop program shows it (issue 24).
            if (!limit.empty()) {
                const verifier::Report report = verifier::overLimitReport(job.input.source, limit);
                appendReport(report, m_options, job.output);
                job.verdict = int(report.verdict);
            }
            return;
        }
        m_context.source = job.input.source;
        std::string memoryError;
        const verifier::Report report = m_memory.verify(*message, m_context, &memoryError);
        if (!memoryError.empty()) // the report stands; only the memory was not updated
            job.errors += "sealcheck-cli verify: --memory: " + memoryError + "\n";
        appendReport(report, m_options, job.output);
        job.verdict = int(report.verdict);
    }

private:
    static void fail(Job &job, const std::string &what)
    {
        job.errors += "sealcheck-cli verify: " + job.input.source + ": " + what + "\n";
        job.inputError = true;
    }

    const CommonOptions &m_options;
    verifier::VerifyContext m_context;
    RememberedVerification m_memory;
    std::string m_openError;
};

class Pipeline
{
public:
    Pipeline(const CommonOptions &options, const verifier::VerifyContext &context, const PipelineSettings &settings,
             FILE *out, FILE *err)
        : m_options(options), m_context(context), m_settings(settings), m_out(out), m_err(err)
    {
        m_window = settings.window > 0 ? settings.window : size_t(settings.jobs) * 16;
        if (settings.jobs > 1) {
            m_slots.resize(m_window);
            for (int i = 0; i < settings.jobs; ++i)
                m_threads.emplace_back([this] { work(); });
        } else {
            m_inline = std::make_unique<Worker>(options, context);
        }
    }

    ~Pipeline() { finish(); }

    /// Hands @p job on; returns when it is in the window (or, with one job, written).
    void submit(Job &&job)
    {
        if (m_inline) {
            if (!job.done)
                m_inline->process(job);
            write(job);
            return;
        }
        std::unique_lock<std::mutex> lock(m_mutex);
        while (m_submitted - m_written >= m_window
               || (m_submitted > m_written && m_bytesInFlight + job.bytes > m_settings.windowBytes)) {
            if (!writeReady(lock)) {
                lock.unlock();
                std::fflush(m_out); // what is done is seen while we wait
                lock.lock();
                m_jobDone.wait(lock, [this] { return m_slots[m_written % m_window].done; });
            }
        }
        m_bytesInFlight += job.bytes;
        m_slots[m_submitted % m_window] = std::move(job);
        ++m_submitted;
        lock.unlock();
        m_workAvailable.notify_one();
        lock.lock();
        writeReady(lock);
    }

    /// Waits for every job, writes the rest, stops the threads.
    void finish()
    {
        if (!m_threads.empty()) {
            std::unique_lock<std::mutex> lock(m_mutex);
            while (m_written < m_submitted) {
                if (!writeReady(lock))
                    m_jobDone.wait(lock, [this] { return m_slots[m_written % m_window].done; });
            }
            m_closing = true;
            lock.unlock();
            m_workAvailable.notify_all();
            for (std::thread &t : m_threads)
                t.join();
            m_threads.clear();
        }
        std::fflush(m_out);
    }

    const VerifyTally &tally() const { return m_tally; }

private:
    void work()
    {
        Worker worker(m_options, m_context);
        std::unique_lock<std::mutex> lock(m_mutex);
        while (true) {
            m_workAvailable.wait(lock, [this] { return m_closing || m_taken < m_submitted; });
            if (m_taken == m_submitted)
                return; // closing, nothing left
            Job &job = m_slots[m_taken++ % m_window];
            const bool ready = job.done; // an error found while reading: nothing to verify
            lock.unlock();
            if (!ready)
                worker.process(job); // the slot is this thread's alone until done
            lock.lock();
            job.done = true;
            m_jobDone.notify_all();
        }
    }

    /// Writes the finished jobs at the head of the window, in order; false when the head is
    /// not done yet. Writes with the lock released.
    bool writeReady(std::unique_lock<std::mutex> &lock)
    {
        bool any = false;
        while (m_written < m_submitted && m_slots[m_written % m_window].done) {
            Job job = std::move(m_slots[m_written % m_window]);
            m_slots[m_written % m_window] = Job{};
            lock.unlock();
            write(job);
            lock.lock();
            m_bytesInFlight -= job.bytes;
            ++m_written;
            any = true;
        }
        return any;
    }

    void write(Job &job)
    {
        if (!job.errors.empty()) {
            std::fflush(m_out); // keep reports and errors in input order on a terminal
            std::fputs(job.errors.c_str(), m_err);
        }
        if (!job.output.empty())
            std::fwrite(job.output.data(), 1, job.output.size(), m_out);
        if (job.inputError)
            ++m_tally.inputErrors;
        if (job.verdict >= 0) {
            ++m_tally.reported;
            ++m_tally.verdicts[size_t(job.verdict) % m_tally.verdicts.size()];
        }
        if (job.stream)
            job.stream->release(job.input.end);
    }

    const CommonOptions &m_options;
    const verifier::VerifyContext &m_context;
    PipelineSettings m_settings;
    FILE *m_out;
    FILE *m_err;
    size_t m_window = 1;
    std::unique_ptr<Worker> m_inline;

    std::mutex m_mutex;
    std::condition_variable m_workAvailable;
    std::condition_variable m_jobDone;
    std::vector<Job> m_slots; // a ring of m_window jobs
    uint64_t m_submitted = 0; // jobs handed in
    uint64_t m_taken = 0;     // jobs a thread has started
    uint64_t m_written = 0;   // jobs written (the head of the window)
    size_t m_bytesInFlight = 0;
    bool m_closing = false;
    std::vector<std::thread> m_threads;
    VerifyTally m_tally; // touched only by the writing (calling) thread
};

} // namespace

int availableCores()
{
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0)
        return std::max(1, CPU_COUNT(&set));
    return int(std::max(1u, std::thread::hardware_concurrency()));
}

VerifyTally runVerifyPipeline(const QStringList &files, const CommonOptions &options,
                              const verifier::VerifyContext &context, const PipelineSettings &settings, FILE *out,
                              FILE *err)
{
    Pipeline pipeline(options, context, settings, out, err);
    for (const QString &file : files) {
        auto opened = MessageStream::open(toStd(file));
        if (!opened) {
            Job job;
            job.errors = "sealcheck-cli verify: " + opened.error().message + "\n";
            job.inputError = true;
            job.done = true;
            pipeline.submit(std::move(job));
            continue;
        }
        std::shared_ptr<MessageStream> stream = std::move(*opened);
        StreamedMessage message;
        while (true) {
            if (!stream->isMapped() && settings.jobs <= 1)
                std::fflush(out); // reading a pipe may block: show what is done
            if (!stream->next(message))
                break;
            Job job;
            job.bytes = message.bytes.size();
            job.input = std::move(message);
            job.stream = stream;
            pipeline.submit(std::move(job));
        }
        if (!stream->readError().empty()) {
            Job job;
            job.errors = "sealcheck-cli verify: " + stream->readError() + " (after " +
                         std::to_string(stream->count()) + " messages; the rest was not verified)\n";
            job.inputError = true;
            job.done = true;
            pipeline.submit(std::move(job));
        }
    }
    pipeline.finish();
    return pipeline.tally();
}

} // namespace sealcheck::cli
