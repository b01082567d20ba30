#include "counter/CounterWorker.h"

#include "core/Assert.h"


namespace usher::ui {

CounterWorker::CounterWorker(QObject* parent)
    : QObject(parent)
    , m_context(new QObject)
{
    m_thread.setObjectName(QStringLiteral("counter-worker"));
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

CounterWorker::~CounterWorker()
{
    m_thread.quit();
    m_thread.wait();
}

bool CounterWorker::run(std::function<void()> job, std::function<void()> done)
{
    USHER_ASSERT(job != nullptr);
    if (m_busy)
        return false;
    m_busy = true;
    Q_EMIT busyChanged(true);
    // The destructor waits for the thread, so `worker` outlives the job; the answer is posted to the
    // worker on the GUI thread and dropped if it is deleted before it runs.
    CounterWorker* worker = this;
    QMetaObject::invokeMethod(
        m_context,
        [worker, job = std::move(job), done = std::move(done)] {
            job();
            QMetaObject::invokeMethod(
                worker,
                [worker, done] {
                    worker->m_busy = false;
                    if (done)
                        done();
                    if (!worker->m_busy)
                        Q_EMIT worker->busyChanged(false);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    return true;
}

} // namespace usher::ui
