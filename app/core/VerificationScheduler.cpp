#include "VerificationScheduler.h"

#include "OverLimit.h"
#include "ResolverSetup.h"

#include "Message.h"
#include "RememberedVerification.h"

#include <QDateTime>
#include <QMetaObject>

namespace sealcheck {

verifier::VerifyContext VerificationSettings::contextFor(const QString &source) const
{
    verifier::VerifyContext context;
    context.resolver = resolver.get();
    context.now = fixedNow ? fixedNow : QDateTime::currentSecsSinceEpoch();
    context.trust = trust;
    context.signatures = signatures;
    context.limits = limits;
    context.dnsClock = steadyMillisClock();
    const QByteArray utf8 = source.toUtf8();
    context.source = std::string(utf8.constData(), size_t(utf8.size()));
    return context;
}

VerificationScheduler::VerificationScheduler(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<verifier::Report>("verifier::Report");
    m_pool.setMaxThreadCount(QThread::idealThreadCount());
}

VerificationScheduler::~VerificationScheduler()
{
    cancel();
    m_pool.waitForDone();
}

void VerificationScheduler::setSettings(const VerificationSettings &settings)
{
    QMutexLocker lock(&m_mutex);
    m_settings = settings;
}

void VerificationScheduler::setMaxThreads(int threads) { m_pool.setMaxThreadCount(qMax(1, threads)); }

void VerificationScheduler::enqueue(qint64 key, const QByteArray &raw, const QString &source)
{
    {
        QMutexLocker lock(&m_mutex);
        m_queue.push_back(Job{key, raw, source, m_generation});
        ++m_total;
    }
    emit progress(m_done, m_total);
    startWorkers();
}

void VerificationScheduler::prioritize(qint64 key)
{
    QMutexLocker lock(&m_mutex);
    for (auto it = m_queue.begin(); it != m_queue.end(); ++it) {
        if (it->key == key) {
            Job j = std::move(*it);
            m_queue.erase(it);
            m_queue.push_front(std::move(j));
            return;
        }
    }
}

void VerificationScheduler::cancel()
{
    QMutexLocker lock(&m_mutex);
    m_queue.clear();
    ++m_generation;
    m_total = m_done = 0;
}

bool VerificationScheduler::waitForDone(int msecs) { return m_pool.waitForDone(msecs); }

int VerificationScheduler::pending() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_queue.size());
}

void VerificationScheduler::startWorkers()
{
    QMutexLocker lock(&m_mutex);
    while (m_running < m_pool.maxThreadCount() && m_running < int(m_queue.size())) {
        ++m_running;
        m_pool.start([this] { runWorker(); });
    }
}

void VerificationScheduler::runWorker()
{
    // This thread's own connection to the memory store, opened at the first job that needs it
    // and closed when the worker returns (a pool thread may later run another worker).
    std::unique_ptr<RememberedVerification> memory;
    for (;;) {
        Job job;
        VerificationSettings settings;
        {
            QMutexLocker lock(&m_mutex);
            if (m_queue.empty()) {
                --m_running;
                return;
            }
            job = std::move(m_queue.front());
            m_queue.pop_front();
            settings = m_settings;
        }
        verifier::Report report;
        QString error;
        std::string limit;
        auto message = verifier::Message::parse(std::string(job.raw.constData(), size_t(job.raw.size())), {}, &limit);
        if (!message && !limit.empty()) {
            // Over a limit: not checked, the same report the CLI prints (issue 24 item 13).
            report = verifier::overLimitReport(job.source.toStdString(), limit);
        } else if (!message) {
            error = QString::fromStdString(message.error().message);
        } else {
            const verifier::VerifyContext context = settings.contextFor(job.source);
            QString memoryError;
            if (!settings.memoryStorePath.isEmpty() && (!memory || memory->path() != settings.memoryStorePath)) {
                memory = std::make_unique<RememberedVerification>();
                if (auto opened = memory->open(settings.memoryStorePath); !opened)
                    memoryError = QString::fromStdString(opened.error().message);
            }
            if (!settings.memoryStorePath.isEmpty() && memory->isOpen()) {
                std::string storeError;
                report = memory->verify(*message, context, &storeError);
                if (!storeError.empty())
                    memoryError = QString::fromStdString(storeError);
            } else {
                report = verifier::verify(*message, context);
            }
            if (!memoryError.isEmpty())
                QMetaObject::invokeMethod(this, [this, memoryError] { emit memoryProblem(memoryError); }, Qt::QueuedConnection);
        }
        QMetaObject::invokeMethod(
            this, [this, g = job.generation, key = job.key, report, error] { deliver(g, key, report, error); },
            Qt::QueuedConnection);
    }
}

void VerificationScheduler::deliver(quint64 generation, qint64 key, const verifier::Report &report,
                                    const QString &error)
{
    bool last = false;
    {
        QMutexLocker lock(&m_mutex);
        if (generation != m_generation)
            return;
        ++m_done;
        last = m_done == m_total;
    }
    if (error.isEmpty())
        emit reportReady(key, report);
    else
        emit failed(key, error);
    emit progress(m_done, m_total);
    if (last)
        emit finished();
}

} // namespace sealcheck
