#pragma once
// Runs the verifier on a thread pool, never on the UI thread. The message the user selected
// goes first (prioritize()); progress is "n of m"; cancel() drops what has not started, and
// results of a cancelled generation are never delivered.
//
// Key memory (issue 13): with VerificationSettings::memoryStorePath set, each worker thread opens
// its own connection to that store file (RememberedVerification) and verifies with
// verifyWithMemory(): remembered, changed and pinned DKIM keys and the user's sender
// expectations. Empty = verifier::verify() alone, nothing is written anywhere.

#include "Report.h"
#include "Verifier.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <deque>
#include <memory>

namespace sealcheck {

struct VerificationSettings
{
    std::shared_ptr<const verifier::Resolver> resolver;
    verifier::TrustPolicy trust;
    verifier::SignatureSettings signatures;
    verifier::VerifierLimits limits;
    /// Unix seconds to verify at; 0 = the current time when each job runs.
    qint64 fixedNow = 0;
    /// The store file that holds the key memory and sender expectations (MessageStore); empty =
    /// verify without memory. Demo mode and tests leave it empty or point it at their own file.
    QString memoryStorePath;

    /// The context one message is verified in: these settings, @p source as the report's source,
    /// now = fixedNow or the current time, and the steady clock for the DNS time budget.
    verifier::VerifyContext contextFor(const QString &source) const;
};

class VerificationScheduler : public QObject
{
    Q_OBJECT
public:
    explicit VerificationScheduler(QObject *parent = nullptr);
    ~VerificationScheduler() override;

    void setSettings(const VerificationSettings &settings);
    void setMaxThreads(int threads);

    /// Queues a message; @p key identifies it in the results (a store id, or a file index).
    void enqueue(qint64 key, const QByteArray &raw, const QString &source);
    /// Moves a queued message to the front.
    void prioritize(qint64 key);
    /// Drops everything not yet started; running jobs finish but are not reported.
    void cancel();
    /// Waits for running jobs (for tests and shutdown).
    bool waitForDone(int msecs = -1);

    int pending() const;
    int total() const { return m_total; }
    int done() const { return m_done; }

signals:
    void reportReady(qint64 key, const verifier::Report &report);
    void failed(qint64 key, const QString &error);
    /// The key memory could not be opened or written; the report was still delivered (without
    /// memory where it could not be read).
    void memoryProblem(const QString &error);
    void progress(int done, int total);
    void finished();

private:
    struct Job
    {
        qint64 key;
        QByteArray raw;
        QString source;
        quint64 generation;
    };
    void startWorkers();
    void runWorker();
    void deliver(quint64 generation, qint64 key, const verifier::Report &report, const QString &error);

    mutable QMutex m_mutex;
    std::deque<Job> m_queue;
    VerificationSettings m_settings;
    quint64 m_generation = 0;
    int m_running = 0;
    int m_total = 0;
    int m_done = 0;
    QThreadPool m_pool;
};

} // namespace sealcheck

Q_DECLARE_METATYPE(verifier::Report)
