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

Q_SIGNALS:
    void busyChanged(bool busy);

private:
    QThread m_thread;
    QObject* m_context = nullptr; // lives on m_thread
    bool m_busy = false;
};

} // namespace usher::ui
