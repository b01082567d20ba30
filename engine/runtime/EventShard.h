#pragma once

// One event's single writer: a thread that owns the event's Ledger. Commands arrive through a
// bounded queue; the thread applies them in batches and hands each batch to the Committer, going
// on with the next batch while the previous one is made durable. Results are released only after
// their batch is durable, in order. See docs/design/engine.md.

#include "ledger/Ledger.h"
#include "runtime/Clock.h"
#include "runtime/CommitListener.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace usher {

class Committer;

struct ShardOptions {
    std::size_t queueCommandsMax = 65'536;  // commands waiting; beyond: QueueFull
    std::size_t batchCommandsMax = 16'384;  // commands applied per batch
    std::size_t inflightBatchesMax = 4;     // batches applied but not yet durable
    std::uint64_t snapshotEveryRecords = 1'000'000;
    std::int64_t tickMs = 200;              // expiry runs at least this often
    LedgerOptions ledger;
    Clock clock;                            // default: systemClockNow
};

// Seat and GA changes that became durable, for the seat map, caches and sync. `reset` means the
// shard rebuilt its state after a storage failure: re-read everything.
struct Published {
    EventId event = 0;
    Seq lastSeq = 0;
    bool reset = false;
    std::vector<SeatDelta> seats;
    std::vector<AreaDelta> areas;
};
using Subscriber = std::function<void(const Published&)>;

struct ShardStats {
    std::uint64_t commands = 0;
    std::uint64_t batches = 0;
    std::uint64_t rejectedQueueFull = 0;
    std::uint64_t storageFailures = 0;
    std::uint64_t recoveries = 0;
    std::uint64_t expiredHolds = 0; // holds released by expiry (counted when applied, before durable)
    std::size_t queued = 0;
    bool failed = false;
};

class EventShard final : public CommitListener {
public:
    EventShard(std::unique_ptr<Ledger> ledger, Committer& committer, const ShardOptions& options);
    ~EventShard() override;
    EventShard(const EventShard&) = delete;
    EventShard& operator=(const EventShard&) = delete;

    EventId id() const { return m_id; }
    // The spec as last made durable. The reference stays valid (and unchanged) for the shard's
    // life even after updateSpec(): every revision is kept, so callers on other threads may hold it.
    const EventSpec& spec() const;

    // Changes the running event's spec (see Ledger::updateSpec for what may change and the
    // refusals). Ordered with the commands: it runs on the shard thread between commands, and
    // returns once the change is durable (journaled, and the stored spec replaced in the same
    // transaction) or refused, with the reason in *error. Blocks; never call it from a Completion.
    // `spec` must have passed finalize().
    Status updateSpec(EventSpec spec, const Actor& actor, std::string* error);

    // Queues commands; `done` gets one result per command, in order, once they are durable (or
    // failed). Returns QueueFull or ShuttingDown without queuing anything, else Ok.
    Status submit(std::vector<Command> commands, Completion done);
    // Blocking conveniences for callers that can wait (tests, tools). Never call them from a
    // Completion or Subscriber.
    std::vector<CommandResult> execute(std::vector<Command> commands);
    CommandResult execute(Command command);
    // Runs `reader` on the shard thread between batches. The state it sees may include changes
    // whose batch is not durable yet. Blocks; returns false when the shard is stopped.
    bool read(const std::function<void(const Ledger&)>& reader);

    // Subscribers are called on the committer thread, one publication at a time and in commit
    // order, so lastSeq only grows (except that a reset may lower it). To start from a consistent
    // state: subscribe, then read(), then ignore publications with lastSeq <= the ledger's lastSeq()
    // seen by the read. unsubscribe() waits for a callback that is running, so after it returns
    // the subscriber is never called again.
    int subscribe(Subscriber subscriber);
    void unsubscribe(int id);

    // Stops taking commands, finishes everything queued and in flight, writes a final snapshot.
    void stop();
    // usherd on several nodes (net/Cluster.h): another node owns the event now. Until resume(),
    // commands are refused with StorageUnavailable, no expiry runs and stop() writes no snapshot.
    void suspend();
    // This node owns the event again: the ledger is rebuilt from storage before the next batch.
    void resume();
    ShardStats stats() const;

    // CommitListener (called on the committer thread).
    void committed(CommitWork&& work) override;
    void commitFailed(CommitWork&& work, Status status, const std::string& error) override;
    bool epochFailed(std::uint64_t epoch) const override;

private:
    struct SpecUpdate;
    struct Request {
        std::vector<Command> commands;
        Completion done;
        std::function<void(const Ledger&)> reader;
        std::shared_ptr<SpecUpdate> update;
    };

    void loop();
    bool takeWork(std::deque<Request>* work);
    void waitForInflight(std::size_t below);
    void processBatch(std::deque<Request>& work, bool final);
    void applySpecUpdate(Request& request, Timestamp at, CommitWork& commit);
    void runExpiry(Timestamp now);
    void recover();
    void rejectAll(std::deque<Request>& work, Status status);
    void publish(const Published& published);
    Timestamp now();

    const EventId m_id;
    std::shared_ptr<const EventSpec> m_spec;                    // guarded by m_mutex
    std::vector<std::shared_ptr<const EventSpec>> m_specRevisions; // kept alive for spec()'s callers
    Committer& m_committer;
    const ShardOptions m_options;

    std::unique_ptr<Ledger> m_ledger; // shard thread only
    bool m_ledgerWarm = false;        // Ledger::warm() done (shard thread only)
    Seq m_lastSnapshotSeq = 0;
    std::uint64_t m_journalBytesSinceSnapshot = 0; // journal bytes batched since the last snapshot
    std::uint64_t m_lastSnapshotBytes = 0;         // its size: the next waits until as much journal followed
    Timestamp m_lastNow = 0;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;     // new work or stop
    std::condition_variable m_drained;  // an in-flight batch finished
    std::deque<Request> m_queue;
    std::size_t m_queuedCommands = 0;
    std::size_t m_inflight = 0;
    bool m_stopping = false;
    bool m_suspended = false;
    bool m_stopped = false;
    std::uint64_t m_epoch = 1;
    std::uint64_t m_failedEpoch = 0;
    ShardStats m_stats;

    std::mutex m_subscribersMutex;
    std::map<int, Subscriber> m_subscribers;
    int m_nextSubscriber = 1;

    std::thread m_thread;
};

} // namespace usher
