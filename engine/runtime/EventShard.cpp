#include "runtime/EventShard.h"

#include "core/Assert.h"
#include "runtime/Committer.h"
#include "runtime/LedgerLoader.h"

#include <algorithm>
#include <chrono>
#include <future>

namespace usher {

EventShard::EventShard(std::unique_ptr<Ledger> ledger, Committer& committer, const ShardOptions& options)
    : m_id(ledger->spec().id)
    , m_spec(std::make_shared<const EventSpec>(ledger->spec()))
    , m_committer(committer)
    , m_options(options)
    , m_ledger(std::move(ledger))
{
    USHER_ASSERT(m_options.batchCommandsMax > 0 && m_options.queueCommandsMax >= m_options.batchCommandsMax);
    USHER_ASSERT(m_options.inflightBatchesMax > 0 && m_options.tickMs > 0);
    m_lastSnapshotSeq = m_ledger->lastSeq();
    m_specRevisions.push_back(m_spec);
    m_thread = std::thread([this] { loop(); });
}

EventShard::~EventShard()
{
    stop();
}

Timestamp EventShard::now()
{
    // Monotonic per shard: a clock stepping back must not make holds live longer or shorter.
    const Timestamp reading = m_options.clock ? m_options.clock() : systemClockNow();
    m_lastNow = std::max(m_lastNow, reading);
    return m_lastNow;
}

const EventSpec& EventShard::spec() const
{
    std::lock_guard lock(m_mutex);
    return *m_spec;
}

struct EventShard::SpecUpdate {
    EventSpec spec;
    Actor actor;
    std::string error;
    std::promise<Status> done;
};

Status EventShard::updateSpec(EventSpec spec, const Actor& actor, std::string* error)
{
    USHER_ASSERT(error != nullptr);
    auto update = std::make_shared<SpecUpdate>();
    update->spec = std::move(spec);
    update->actor = actor;
    auto future = update->done.get_future();
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping) {
            *error = "the event is shutting down";
            return Status::ShuttingDown;
        }
        m_queue.push_back(Request{{}, {}, {}, update});
    }
    m_wake.notify_one();
    const Status status = future.get();
    *error = update->error;
    return status;
}

Status EventShard::submit(std::vector<Command> commands, Completion done)
{
    USHER_ASSERT(done != nullptr);
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return Status::ShuttingDown;
        if (m_queuedCommands + commands.size() > m_options.queueCommandsMax) {
            ++m_stats.rejectedQueueFull;
            return Status::QueueFull;
        }
        m_queuedCommands += commands.size();
        m_queue.push_back(Request{std::move(commands), std::move(done), {}, {}});
    }
    m_wake.notify_one();
    return Status::Ok;
}

std::vector<CommandResult> EventShard::execute(std::vector<Command> commands)
{
    std::promise<std::vector<CommandResult>> promise;
    auto future = promise.get_future();
    const std::size_t count = commands.size();
    std::vector<CommandKind> kinds;
    for (const Command& c : commands)
        kinds.push_back(c.kind);
    const Status status = submit(std::move(commands), [&](std::vector<CommandResult>&& results) {
        promise.set_value(std::move(results));
    });
    if (status != Status::Ok) {
        std::vector<CommandResult> refused(count);
        for (std::size_t i = 0; i < count; ++i)
            refused[i].status = status, refused[i].kind = kinds[i];
        return refused;
    }
    return future.get();
}

CommandResult EventShard::execute(Command command)
{
    std::vector<Command> one;
    one.push_back(std::move(command));
    return execute(std::move(one)).front();
}

bool EventShard::read(const std::function<void(const Ledger&)>& reader)
{
    std::promise<void> promise;
    auto future = promise.get_future();
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return false;
        m_queue.push_back(Request{{}, {}, [&](const Ledger& ledger) {
                                      reader(ledger);
                                      promise.set_value();
                                  }, {}});
    }
    m_wake.notify_one();
    future.wait();
    return true;
}

int EventShard::subscribe(Subscriber subscriber)
{
    std::lock_guard lock(m_subscribersMutex);
    const int id = m_nextSubscriber++;
    m_subscribers.emplace(id, std::move(subscriber));
    return id;
}

void EventShard::unsubscribe(int id)
{
    std::lock_guard lock(m_subscribersMutex);
    m_subscribers.erase(id);
}

void EventShard::publish(const Published& published)
{
    std::lock_guard lock(m_subscribersMutex);
    for (const auto& [id, subscriber] : m_subscribers)
        subscriber(published);
}

void EventShard::stop()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopped)
            return;
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
    std::lock_guard lock(m_mutex);
    m_stopped = true;
}

ShardStats EventShard::stats() const
{
    std::lock_guard lock(m_mutex);
    ShardStats stats = m_stats;
    stats.queued = m_queuedCommands;
    stats.failed = m_failedEpoch == m_epoch;
    return stats;
}

// ---- the shard thread ----------------------------------------------------------------------------

void EventShard::loop()
{
    for (;;) {
        // The memory an onsale writes (journal arena, order and ticket room) is touched once the
        // event serves, a few MiB between batches, not while it loads: a cold start stays short.
        if (!m_ledgerWarm)
            m_ledgerWarm = m_ledger->warm(4u << 20);
        std::deque<Request> work;
        const bool running = takeWork(&work);
        if (!running && work.empty())
            break;
        waitForInflight(m_options.inflightBatchesMax);
        bool failed = false;
        bool suspended = false;
        {
            std::lock_guard lock(m_mutex);
            failed = m_failedEpoch == m_epoch;
            suspended = m_suspended;
        }
        if (suspended) {
            rejectAll(work, Status::StorageUnavailable);
            continue;
        }
        if (failed) {
            recover();
            std::lock_guard lock(m_mutex);
            failed = m_failedEpoch == m_epoch;
        }
        if (failed)
            rejectAll(work, Status::StorageUnavailable);
        else
            processBatch(work, false);
    }
    // Final snapshot, so the next start replays nothing.
    waitForInflight(1);
    bool failed = false;
    {
        std::lock_guard lock(m_mutex);
        failed = m_failedEpoch == m_epoch || m_suspended;
    }
    std::deque<Request> none;
    if (!failed && m_ledger->lastSeq() != m_lastSnapshotSeq)
        processBatch(none, true);
    waitForInflight(1);
}

// Takes up to batchCommandsMax commands' worth of requests (at least one request). Returns false
// once stopping with nothing left to do.
bool EventShard::takeWork(std::deque<Request>* work)
{
    std::unique_lock lock(m_mutex);
    // An idle event that is still warming up does not wait a tick per step.
    m_wake.wait_for(lock, std::chrono::milliseconds(m_ledgerWarm ? m_options.tickMs : 0),
                    [this] { return m_stopping || !m_queue.empty(); });
    std::size_t commands = 0;
    while (!m_queue.empty()) {
        const std::size_t size = m_queue.front().commands.size();
        if (!work->empty() && commands + size > m_options.batchCommandsMax)
            break;
        commands += size;
        work->push_back(std::move(m_queue.front()));
        m_queue.pop_front();
    }
    m_queuedCommands -= commands;
    return !(m_stopping && m_queue.empty() && work->empty());
}

void EventShard::waitForInflight(std::size_t below)
{
    std::unique_lock lock(m_mutex);
    m_drained.wait(lock, [&] { return m_inflight < below; });
}

void EventShard::suspend()
{
    std::lock_guard lock(m_mutex);
    m_suspended = true;
}

void EventShard::resume()
{
    {
        std::lock_guard lock(m_mutex);
        m_suspended = false;
        m_failedEpoch = m_epoch; // the loop recovers (rebuilds from storage) before its next batch
    }
    m_wake.notify_one();
}

void EventShard::runExpiry(Timestamp at)
{
    Command expire;
    expire.kind = CommandKind::Expire;
    expire.actor = Actor{ActorKind::System, 0};
    expire.now = at;
    // Each Expire releases a bounded number of holds; repeat until one releases nothing.
    std::uint64_t expired = 0;
    for (;;) {
        const std::uint32_t released = m_ledger->execute(expire).count;
        if (released == 0)
            break;
        expired += released;
    }
    if (expired > 0) {
        // Counted when applied: a batch whose commit fails is rolled back and its holds expire
        // again, counted twice. The figure feeds a dashboard, not the books.
        std::lock_guard lock(m_mutex);
        m_stats.expiredHolds += expired;
    }
}

void EventShard::processBatch(std::deque<Request>& work, bool final)
{
    const Timestamp at = now();
    runExpiry(at);
    CommitWork commit;
    commit.shard = this;
    commit.event = m_id;
    std::size_t commands = 0;
    for (Request& request : work) {
        if (request.reader) {
            request.reader(*m_ledger);
            continue;
        }
        if (request.update) {
            applySpecUpdate(request, at, commit);
            continue;
        }
        PendingRequest pending;
        pending.done = std::move(request.done);
        pending.results.reserve(request.commands.size());
        // A cache miss costs about as much as a whole command: look ahead (see Ledger::prefetch).
        for (std::size_t i = 0; i < request.commands.size(); ++i) {
            if (i + 4 < request.commands.size())
                m_ledger->prefetchEarly(request.commands[i + 4]);
            if (i + 2 < request.commands.size())
                m_ledger->prefetch(request.commands[i + 2]);
            request.commands[i].now = at;
            pending.results.push_back(m_ledger->execute(request.commands[i]));
        }
        commands += request.commands.size();
        commit.requests.push_back(std::move(pending));
    }
    commit.batch = m_ledger->takeBatch();
    if (commit.batch.bytes != nullptr)
        m_journalBytesSinceSnapshot += commit.batch.bytes->size();
    // Due every snapshotEveryRecords, but never before as many journal bytes followed the last
    // snapshot as it had itself: snapshots then cost at most as much as the journal, at any event
    // size, and a start replays at most about one snapshot's worth of journal.
    const bool snapshotDue = m_ledger->lastSeq() - m_lastSnapshotSeq >= m_options.snapshotEveryRecords
        && m_journalBytesSinceSnapshot >= m_lastSnapshotBytes;
    if ((snapshotDue || final) && m_ledger->lastSeq() != m_lastSnapshotSeq) {
        commit.snapshot = std::make_shared<const std::vector<std::uint8_t>>(m_ledger->snapshot());
        commit.snapshotSeq = m_ledger->lastSeq();
        m_lastSnapshotSeq = commit.snapshotSeq;
        m_lastSnapshotBytes = commit.snapshot->size();
        m_journalBytesSinceSnapshot = 0;
    }
    const bool nothing = commit.requests.empty() && commit.batch.empty() && commit.snapshot == nullptr
                         && commit.batch.seatDeltas.empty() && commit.batch.areaDeltas.empty();
    if (nothing)
        return;
    {
        std::lock_guard lock(m_mutex);
        commit.epoch = m_epoch;
        ++m_inflight;
        m_stats.commands += commands;
        ++m_stats.batches;
    }
    m_committer.enqueue(std::move(commit));
}

// A spec change goes into the batch like a command: journaled in order, answered once durable,
// and the stored spec is replaced in the same transaction (CommitWork::spec).
void EventShard::applySpecUpdate(Request& request, Timestamp at, CommitWork& commit)
{
    const std::shared_ptr<SpecUpdate> update = request.update;
    const Seq before = m_ledger->lastSeq();
    CommandResult result = m_ledger->updateSpec(std::move(update->spec), update->actor, at, &update->error);
    if (!result.ok() || m_ledger->lastSeq() == before) {
        update->done.set_value(result.status); // refused, or nothing changed: nothing to make durable
        return;
    }
    commit.spec = std::make_shared<const EventSpec>(m_ledger->spec());
    PendingRequest pending;
    pending.results.push_back(std::move(result));
    pending.done = [update](std::vector<CommandResult>&& results) {
        const Status status = results.front().status;
        if (status != Status::Ok)
            update->error = std::string("the change could not be made durable (") + statusName(status)
                + "); it may or may not have been stored: read the event back, or repeat the change";
        update->done.set_value(status);
    };
    commit.requests.push_back(std::move(pending));
}

void EventShard::rejectAll(std::deque<Request>& work, Status status)
{
    for (Request& request : work) {
        if (request.reader) {
            request.reader(*m_ledger);
            continue;
        }
        if (request.update) {
            request.update->error = "the event's storage is unavailable";
            request.update->done.set_value(status);
            continue;
        }
        std::vector<CommandResult> results(request.commands.size());
        for (std::size_t i = 0; i < results.size(); ++i)
            results[i].status = status, results[i].kind = request.commands[i].kind;
        request.done(std::move(results));
    }
}

// Throws away the in-memory state (it holds effects that never became durable) and rebuilds it
// from storage. On failure the shard stays failed and tries again on the next batch, after a
// pause that grows to two seconds.
void EventShard::recover()
{
    waitForInflight(1);
    std::unique_ptr<Ledger> rebuilt;
    Status status = Status::Ok;
    std::string error;
    m_committer.run([&](Storage& storage) {
        LoadStats stats;
        status = loadLedger(storage, spec(), m_options.ledger, &rebuilt, &stats, &error);
    });
    if (status != Status::Ok) {
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, std::chrono::milliseconds(std::min<std::int64_t>(2000, 10 * m_options.tickMs)),
                        [this] { return m_stopping; });
        return;
    }
    m_ledger = std::move(rebuilt);
    m_ledgerWarm = false;
    m_lastSnapshotSeq = 0; // unknown; the next snapshot is due by record count anyway
    m_journalBytesSinceSnapshot = 0;
    {
        std::lock_guard lock(m_mutex);
        ++m_epoch;
        ++m_stats.recoveries;
    }
    Published reset;
    reset.event = m_id;
    reset.lastSeq = m_ledger->lastSeq();
    reset.reset = true;
    publish(reset);
}

// ---- committer callbacks -------------------------------------------------------------------------

void EventShard::committed(CommitWork&& work)
{
    if (work.spec != nullptr) {
        // Before any answer: whoever learns that the change is durable sees it in spec().
        std::lock_guard lock(m_mutex);
        m_spec = work.spec;
        m_specRevisions.push_back(work.spec);
    }
    // Publish first: whoever learns of their own result can already see it on the seat map.
    if (!work.batch.seatDeltas.empty() || !work.batch.areaDeltas.empty()) {
        Published published;
        published.event = m_id;
        published.lastSeq = work.batch.lastSeq;
        published.seats = std::move(work.batch.seatDeltas);
        published.areas = std::move(work.batch.areaDeltas);
        publish(published);
    }
    for (PendingRequest& request : work.requests)
        request.done(std::move(request.results));
    std::lock_guard lock(m_mutex);
    USHER_ASSERT(m_inflight > 0);
    --m_inflight;
    m_drained.notify_all();
}

void EventShard::commitFailed(CommitWork&& work, Status status, const std::string& error)
{
    (void)error;
    {
        std::lock_guard lock(m_mutex);
        m_failedEpoch = std::max(m_failedEpoch, work.epoch);
        ++m_stats.storageFailures;
    }
    for (PendingRequest& request : work.requests) {
        for (CommandResult& result : request.results) {
            const CommandKind kind = result.kind;
            result = CommandResult{};
            result.status = status, result.kind = kind;
        }
        request.done(std::move(request.results));
    }
    std::lock_guard lock(m_mutex);
    USHER_ASSERT(m_inflight > 0);
    --m_inflight;
    m_drained.notify_all();
}

bool EventShard::epochFailed(std::uint64_t epoch) const
{
    std::lock_guard lock(m_mutex);
    return m_failedEpoch >= epoch;
}

} // namespace usher
