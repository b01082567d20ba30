#pragma once

// Time travel: an event's state right after a given journal seq, rebuilt by the ledger's own
// replay (Ledger::replay over the stored batches; the batch that holds the seq is cut right after
// it). No ledger rule is repeated here.
//
// For a slider, three things keep it fast:
// * a cursor: the ledger of the last request is kept, and a later seq replays only what is between;
// * checkpoints: while replaying, a Ledger::snapshot() is kept every `checkpointEveryRecords`
//   records; an earlier seq restores one before it instead of replaying from seq 1.
//   When there are more than `checkpointsMax`, every other one goes and the spacing doubles, so
//   memory stays bounded however long the journal is;
// * restore or replay by cost: a restore costs as much as replaying `restoreCostRecords` records
//   plus one per `restoreBodyBytesPerRecord` bytes of its deflated body (measured at 10M records:
//   the newest 17 MB body costs ~0.9 s CPU to inflate and restore, ~900K records replayed), so
//   the start with the least estimated cost is taken: a slider stepped forward replays from the
//   cursor, a far jump restores; a seq before the cursor never replays backwards (a checkpoint or
//   the start);
// * persisted checkpoints: with `checkpointPath` (the audit index, audit.db), every checkpoint is
//   also stored there and the next session reads their positions, and a body only when that
//   checkpoint is restored, so only the very first replay of an event ever starts from seq 1
//   (and AuditWorker warms that in the background); after the first request, readAhead() reads
//   the other bodies one per call, between requests, so later jumps find them in memory;
// * deflated bodies: a checkpoint is kept (in memory and in audit.db) as its snapshot deflated,
//   several times smaller than the snapshot; a restore inflates it;
// * its own connection to usher.db, so it runs on a worker thread beside the engine.
// One thread at a time.

#include "audit/AuditSql.h"
#include "ledger/Ledger.h"
#include "storage/Storage.h"

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace usher::audit {

struct AuditReplayOptions {
    std::string journalPath; // the engine's usher.db
    LedgerOptions ledger;    // as the engine's (hold table size); idempotency is not needed
    std::uint64_t checkpointEveryRecords = 50'000;
    std::size_t checkpointsMax = 96; // deflated bodies (session 9): twice the 48 of before, less memory
    std::string checkpointPath;      // audit.db (schema 2): checkpoints kept across sessions; empty: memory only
    // What restoring a checkpoint costs, in records replayed: restoreCostRecords + its deflated body's
    // bytes / restoreBodyBytesPerRecord (0: bytes cost nothing). Measured by `usher-bench audit
    // --only replay` ("restore vs replay"), CPU time, 10M records of the sample arena (session 10).
    // Session 10, 90 checkpoints of 0.9-17 MB: restore CPU ~ 65 ms per MB of body (fixed part ~0),
    // replay 1.08 us CPU per record: one record per ~17 body bytes; 20 leans towards restoring
    // (replaying a cold journal is slower), 10,000 covers a restore's fixed part on small bodies.
    std::uint64_t restoreCostRecords = 10'000;
    std::uint64_t restoreBodyBytesPerRecord = 20;
};

struct AuditReplayStats {
    std::uint64_t recordsReplayed = 0; // by the last stateAt
    bool fromCheckpoint = false;
    bool fromStoredCheckpoint = false; // one read back from checkpointPath
    bool fromCursor = false;
    std::size_t checkpoints = 0;
    std::size_t checkpointBodiesRead = 0; // stored checkpoints read back from checkpointPath
    std::uint64_t restoreCostRecords = 0; // the estimated cost of the restore (fromCheckpoint), in records
};

class AuditReplay {
public:
    static std::unique_ptr<AuditReplay> open(const AuditReplayOptions& options, std::string* error);
    ~AuditReplay();
    AuditReplay(const AuditReplay&) = delete;
    AuditReplay& operator=(const AuditReplay&) = delete;

    // Calls `reader` with the ledger of `event` right after record `seq` (0: before the first
    // record). A seq beyond the journal gives the newest state (*reached says which seq that was).
    // EventNotFound for an unknown event; StorageFailed when the journal does not replay.
    Status stateAt(EventId event, Seq seq, const std::function<void(const Ledger&)>& reader, std::string* error,
                   Seq* reached = nullptr);
    const AuditReplayStats& lastStats() const { return m_stats; }
    // Where a replay to `seq` would start (the cursor's or a checkpoint's seq, 0 from the start):
    // a caller can walk a long way in steps (and give up between them when the target changes).
    Seq startSeqFor(EventId event, Seq seq) const;
    // Forgets cursors and checkpoints (after the index was rebuilt from another journal), the
    // stored ones too.
    void clear();
    // Replays `event` forward by up to `records` from its furthest checkpoint or cursor, keeping
    // checkpoints: call until it sets *done, between other requests (a background warm-up).
    Status warm(EventId event, std::uint64_t records, bool* done, std::string* error);
    // Reads the body of one stored checkpoint of `event` not read yet (the nearest to the cursor),
    // so a later jump near it restores without a cold read: call between requests until it sets
    // *done (one body, tens of MB on a long journal, per call). Bodies read stay in memory, as
    // many as checkpointsMax, as if all were read up front.
    Status readAhead(EventId event, bool* done, std::string* error);
    // The bytes of `event`'s checkpoint bodies in memory (deflated snapshots; unread ones count 0).
    std::uint64_t checkpointBytes(EventId event) const;
    // Stored checkpoints of `event` whose bodies are not read yet (0 for an event not asked for).
    std::size_t unreadCheckpoints(EventId event) const;
    // Bodies of stored checkpoints read back since open(), by requests and readAhead().
    std::size_t checkpointBodiesReadTotal() const { return m_bodiesReadTotal; }
    // The checkpoints of `event` (seq, deflated body bytes), in seq order; empty for an event not asked for.
    std::vector<std::pair<Seq, std::uint64_t>> checkpointPositions(EventId event) const;
    // Checkpoints restored since open() (every stateAt that started from one).
    std::size_t restoresTotal() const { return m_restoresTotal; }
    // What restoring the checkpoint of `event` at `at` (or the nearest before) is estimated to
    // cost, in records replayed; 0 without one.
    std::uint64_t restoreCostAt(EventId event, Seq at) const;
    // The journal connection, for the detail pane's reads on the same thread.
    Storage& journal() { return *m_journal; }

private:
    struct Checkpoint {
        std::shared_ptr<const std::vector<std::uint8_t>> body; // null: stored in checkpointPath, read when restored
        std::uint64_t bytes = 0;                               // the body's size, also before it is read
    };
    using Checkpoints = std::map<Seq, Checkpoint>;
    struct EventState {
        std::shared_ptr<const EventSpec> spec;
        std::unique_ptr<Ledger> cursor;
        Checkpoints checkpoints;
        std::uint64_t spacing = 0;
        std::set<Seq> loaded; // checkpoints read back from checkpointPath (an earlier session)
    };

    explicit AuditReplay(const AuditReplayOptions& options);
    Status eventState(EventId event, EventState** state, std::string* error);
    Status startFor(EventState& state, Seq seq, std::string* error);
    // The checkpoint to restore for `seq` (end() to keep the cursor or start afresh).
    Checkpoints::const_iterator checkpointFor(const EventState& state, Seq seq) const;
    std::uint64_t restoreCost(const Checkpoint& checkpoint) const;
    Status replayTo(EventState& state, Seq seq, std::string* error);
    void keepCheckpoint(EventState& state);
    void thinCheckpoints(EventState& state);
    void loadStoredCheckpoints(EventState& state);
    std::shared_ptr<const std::vector<std::uint8_t>> readStoredCheckpoint(EventId event, Seq seq);
    void storeCheckpoint(EventId event, Seq seq, const std::vector<std::uint8_t>& snapshot);
    void forgetStoredCheckpoint(EventId event, Seq seq);

    AuditReplayOptions m_options;
    std::unique_ptr<Storage> m_journal;
    std::unique_ptr<AuditDb> m_checkpointDb; // null: memory only
    std::map<EventId, EventState> m_events;
    AuditReplayStats m_stats;
    std::size_t m_bodiesReadTotal = 0;
    std::size_t m_restoresTotal = 0;
};

// The first `records` records of a verified batch as a batch of their own (header and CRC redone).
BatchPtr truncateBatch(const BatchBytes& batch, std::uint32_t records);

} // namespace usher::audit
