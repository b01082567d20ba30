#pragma once

// One worker thread for the counter's blocking calls (engine round trips, the card terminal,
// argon2id sign-ins, boxoffice.db). Jobs run one at a time, in order, so a CounterSale is only ever
// used by one thread at a time; their answers come back on the GUI thread. While a job runs the
// worker is busy and refuses another one: the UI greys its actions out and a second key press
// cannot submit the same payment twice.

#include <QObject>
#include <QThread>

#include <functional>

namespace usher::ui {

class CounterWorker final : public QObject {
    Q_OBJECT

public:
    explicit CounterWorker(QObject* parent = nullptr);
    ~CounterWorker() override; // waits for a running job

    // Runs `job` on the worker thread, then `done` on this object's (the GUI) thread. False, and
    // nothing runs, while another job is in progress.
    bool run(std::function<void()> job, std::function<void()> done);
    bool isBusy() const { return m_busy; }
    // Runs `job` on a second thread, beside the one in progress: for the few calls that must reach
    // a device while the worker waits on it (CounterSale::cancelCardPayment() during payCard()).
    // One at a time: false, and nothing runs, while another is in progress. `done` as for run().
    bool runAside(std::function<void()> job, std::function<void()> done);
    bool isAsideBusy() const { return m_asideBusy; }

Q_SIGNALS:
    void busyChanged(bool busy);

private:
    static void post(QObject* context, CounterWorker* worker, bool CounterWorker::*busy, std::function<void()> job,
                     std::function<void()> done);

    QThread m_thread;
    QObject* m_context = nullptr; // lives on m_thread
    bool m_busy = false;
    QThread m_asideThread;
    QObject* m_asideContext = nullptr; // lives on m_asideThread
    bool m_asideBusy = false;
};

} // namespace usher::ui
