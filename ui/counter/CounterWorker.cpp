#include "counter/CounterWorker.h"

#include "core/Assert.h"


namespace usher::ui {

CounterWorker::CounterWorker(QObject* parent)
    : QObject(parent)
    , m_context(new QObject)
    , m_asideContext(new QObject)
{
    m_thread.setObjectName(QStringLiteral("counter-worker"));
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
    m_asideThread.setObjectName(QStringLiteral("counter-aside"));
    m_asideContext->moveToThread(&m_asideThread);
    connect(&m_asideThread, &QThread::finished, m_asideContext, &QObject::deleteLater);
    m_asideThread.start();
}

CounterWorker::~CounterWorker()
{
    m_asideThread.quit();
    m_thread.quit();
    m_asideThread.wait();
    m_thread.wait();
}

bool CounterWorker::run(std::function<void()> job, std::function<void()> done)
{
    USHER_ASSERT(job != nullptr);
    if (m_busy)
        return false;
    m_busy = true;
    Q_EMIT busyChanged(true);
    post(m_context, this, &CounterWorker::m_busy, std::move(job), std::move(done));
    return true;
}

bool CounterWorker::runAside(std::function<void()> job, std::function<void()> done)
{
    USHER_ASSERT(job != nullptr);
    if (m_asideBusy)
        return false;
    m_asideBusy = true;
    post(m_asideContext, this, &CounterWorker::m_asideBusy, std::move(job), std::move(done));
    return true;
}

void CounterWorker::post(QObject* context, CounterWorker* worker, bool CounterWorker::*busy,
                         std::function<void()> job, std::function<void()> done)
{
    // The destructor waits for the threads, so `worker` outlives the job; the answer is posted to
    // the worker on the GUI thread and dropped if it is deleted before it runs.
    QMetaObject::invokeMethod(
        context,
        [worker, busy, job = std::move(job), done = std::move(done)] {
            job();
            QMetaObject::invokeMethod(
                worker,
                [worker, busy, done] {
                    worker->*busy = false;
                    if (done)
                        done();
                    if (busy == &CounterWorker::m_busy && !worker->m_busy)
                        Q_EMIT worker->busyChanged(false);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace usher::ui
