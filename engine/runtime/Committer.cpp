#include "runtime/Committer.h"

#include "core/Assert.h"

#include <chrono>
#include <future>

namespace usher {

namespace {
std::int64_t monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
} // namespace

Committer::Committer(std::unique_ptr<Storage> storage) : m_storage(std::move(storage))
{
    USHER_ASSERT(m_storage != nullptr);
    m_thread = std::thread([this] { loop(); });
}

Committer::~Committer()
{
    stop();
}

void Committer::enqueue(CommitWork&& work)
{
    USHER_ASSERT(work.shard != nullptr);
    work.enqueuedNs = monotonicNs();
    {
        std::lock_guard lock(m_mutex);
        USHER_ASSERT(!m_stopping);
        m_queue.push_back(Item{std::move(work), {}, false});
    }
    m_wake.notify_one();
}

void Committer::run(const std::function<void(Storage&)>& job)
{
    std::promise<void> done;
    auto finished = done.get_future();
    {
        std::lock_guard lock(m_mutex);
        USHER_ASSERT(!m_stopping);
        m_queue.push_back(Item{CommitWork{}, [&](Storage& storage) {
                                   job(storage);
                                   done.set_value();
                               },
                               true});
    }
    m_wake.notify_one();
    finished.wait();
}

void Committer::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

CommitterStats Committer::stats() const
{
    std::lock_guard lock(m_mutex);
    return m_stats;
}

void Committer::loop()
{
    for (;;) {
        std::vector<CommitWork> group;
        std::function<void(Storage&)> job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return; // stopping, and everything is done
            // Everything queued up to the next job goes into one transaction.
            while (!m_queue.empty() && !m_queue.front().isJob) {
                group.push_back(std::move(m_queue.front().work));
                m_queue.pop_front();
            }
            if (group.empty()) {
                job = std::move(m_queue.front().job);
                m_queue.pop_front();
            }
        }
        if (!group.empty())
            commitGroup(group);
        else
            job(*m_storage);
    }
}

void Committer::commitGroup(std::vector<CommitWork>& group)
{
    // Batches behind a failed one of the same shard and epoch must not be written: the shard's
    // state that produced them is being thrown away.
    std::vector<CommitWork> doomed;
    std::vector<CommitWork> live;
    for (CommitWork& work : group)
        (work.shard->epochFailed(work.epoch) ? doomed : live).push_back(std::move(work));
    for (CommitWork& work : doomed)
        work.shard->commitFailed(std::move(work), Status::StorageFailed, "an earlier batch of this event failed");

    std::vector<CommitItem> items;
    std::uint64_t records = 0;
    for (const CommitWork& work : live) {
        if (work.batch.empty() && work.snapshot == nullptr)
            continue;
        items.push_back(CommitItem{work.event, &work.batch, work.snapshot, work.snapshotSeq, work.spec});
        records += work.batch.records;
    }
    std::string error;
    const std::int64_t started = monotonicNs();
    const Status status = items.empty() ? Status::Ok : m_storage->commit(items, &error);
    const auto elapsed = static_cast<std::uint64_t>(monotonicNs() - started);
    {
        std::lock_guard lock(m_mutex);
        m_stats.transactions += items.empty() ? 0 : 1;
        m_stats.batches += items.size();
        m_stats.records += status == Status::Ok ? records : 0;
        m_stats.failures += status == Status::Ok ? 0 : 1;
        m_stats.commitNsTotal += elapsed;
        m_stats.commitNsMax = std::max(m_stats.commitNsMax, elapsed);
    }
    for (CommitWork& work : live) {
        if (status == Status::Ok)
            work.shard->committed(std::move(work));
        else
            work.shard->commitFailed(std::move(work), status, error);
    }
}

} // namespace usher
