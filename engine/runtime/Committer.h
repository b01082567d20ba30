#pragma once

// The storage thread. It owns the Storage, takes every batch waiting from every shard and writes
// them in one transaction (group commit), then releases their results in order. Storage work that
// is not a batch (loading a ledger, creating an event, queries) runs here too, as a job, so the
// Storage is only ever used by this thread.

#include "runtime/CommitListener.h"
#include "storage/Storage.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace usher {

struct CommitterStats {
    std::uint64_t transactions = 0;
    std::uint64_t batches = 0;
    std::uint64_t records = 0;
    std::uint64_t failures = 0;
    std::uint64_t commitNsTotal = 0;
    std::uint64_t commitNsMax = 0;
};

class Committer {
public:
    explicit Committer(std::unique_ptr<Storage> storage);
    ~Committer();
    Committer(const Committer&) = delete;
    Committer& operator=(const Committer&) = delete;

    void enqueue(CommitWork&& work);
    // Runs `job` on the committer thread after everything enqueued before it; blocks until done.
    void run(const std::function<void(Storage&)>& job);
    void stop(); // finishes everything queued, then ends the thread
    CommitterStats stats() const;

private:
    struct Item {
        CommitWork work;
        std::function<void(Storage&)> job;
        bool isJob = false;
    };

    void loop();
    void commitGroup(std::vector<CommitWork>& group);

    std::unique_ptr<Storage> m_storage;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Item> m_queue;
    bool m_stopping = false;
    CommitterStats m_stats;
    std::thread m_thread;
};

} // namespace usher
