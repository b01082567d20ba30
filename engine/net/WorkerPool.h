#pragma once

// A few threads for work that may block (ledger reads, storage queries, file writes), so that
// network threads never do. Bounded queue: post() returns false when it is full.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace usher::net {

class WorkerPool {
public:
    WorkerPool(std::size_t threads, std::size_t queueMax);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    bool post(std::function<void()> job);
    void stop(); // finishes queued jobs, then joins

private:
    void loop();

    const std::size_t m_queueMax;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_queue;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

} // namespace usher::net
