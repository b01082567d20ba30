#pragma once

// The phases of `usher-bench engine`, one function per phase and one result per run. EngineBench
// runs them, repeats them and turns their medians into the table. Each phase verifies its own
// outcome and reports a broken check in `failure` (the program then exits 1).

#include "core/Prefetch.h"
#include "core/Types.h"
#include "event/EventSpec.h"
#include "ledger/Command.h"
#include "runtime/Committer.h"
#include "runtime/Engine.h"
#include "venue/Venue.h"

#include <QTemporaryDir>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace usher::bench {

// The event every phase uses: the demo prices and channels on `venue`, on sale from `now`, holds
// that outlive any run, up to 10 tickets per order.
EventSpec makeBenchEvent(EventId id, VenuePtr venue, Timestamp now);

// A fresh data directory under `baseDirectory` with an Engine on it and the bench event (id 1) on
// sale from a minute ago (the shard stamps commands with the system clock). The durable and
// contention phases start this way. Empty on success, else what failed.
struct BenchEngine {
    std::unique_ptr<QTemporaryDir> directory;
    std::unique_ptr<Engine> engine;
    EventShard* shard = nullptr;
};
std::string openBenchEngine(const VenuePtr& venue, const std::string& baseDirectory, const std::string& phase,
                            bool synchronousFull, BenchEngine* out);

// Loads a command the loop reaches soon (its five cache lines): commands are built before the clock
// starts, 30 MB for 100,000 of them, so they are out of the cache when the loop reaches them, where
// a shard's arrive shortly before it executes them. The ledger loops and the floor call it 8 ahead.
inline void prefetchCommand(const Command& c)
{
    const auto* at = reinterpret_cast<const char*>(&c);
    for (std::size_t offset = 0; offset < sizeof(Command); offset += 64)
        prefetchLine(at + offset);
}

// A fresh, unguessable-looking idempotency key (never null).
IdempotencyKey benchKey(std::uint64_t seed, std::uint64_t serial);

// Throughput and latency of one timed stream of commands.
struct Throughput {
    std::uint64_t commands = 0; // acknowledged with Ok
    double seconds = 0;
    double p50Ns = 0; // per command (in memory) or per request (durable)
    double p99Ns = 0;
    std::uint64_t pageFaults = 0; // minor faults of the timing thread (in memory only)
    double cpuSeconds = 0; // CPU time of the timing thread (in memory only)
    double systemSeconds = 0; // the part in the kernel (page faults, mostly; sampled, rough)
    double perSecond() const { return seconds > 0 ? double(commands) / seconds : 0; }
    double nsPerCommand() const { return commands > 0 ? seconds * 1e9 / double(commands) : 0; }
    double cpuNsPerCommand() const { return commands > 0 ? cpuSeconds * 1e9 / double(commands) : 0; }
};

// (a) The Ledger alone, no runtime, no storage.
struct LedgerRun {
    Throughput hold; // single-seat HoldSeats, each seat once
    Throughput confirm; // Confirm of those holds
    Throughput release; // Release of a second round of holds
    Throughput best; // HoldBestAvailable, 2-4 seats
    Throughput holdInOrder; // as `hold`, seats in venue order: the same work with few cache misses
    Throughput confirmFloor; // the confirm floor (runConfirmFloor) on the same commands, with the code
    Throughput confirmFloorMemory; // the same without the code and the fingerprint: memory work alone
    std::uint64_t bestSeats = 0;
    std::string failure;
};
LedgerRun runLedgerPhase(const VenuePtr& venue, std::uint64_t seed);

// The confirm floor (EngineBenchFloor.cpp): the least memory work a confirm of one seat must do,
// on tables sized like the ledger's, without the ledger. `confirms` are the confirm commands of
// holds made of the seats `order` in that order (hold i in slot i). Not an alternative to the
// ledger: a bound for judging it.
struct ConfirmFloorRun {
    Throughput withCode; // AES-128 ticket code and commandFingerprint, as the ledger
    Throughput memoryOnly; // neither: the memory work alone
    std::string failure;
};
ConfirmFloorRun runConfirmFloor(const Venue& venue, const std::vector<SeatIndex>& order,
                                const std::vector<Command>& confirms);

// (b) The durable engine: EventShard + Committer + SQLite, fsync per commit or not.
struct DurableRun {
    Throughput hold; // p50/p99 per request of kDurableRequestCommands commands
    Throughput confirm;
    CommitterStats holdCommits; // deltas over the phase (commitNsMax: the whole run so far)
    CommitterStats confirmCommits;
    std::uint64_t queueFullRetries = 0;
    std::string failure;
};
constexpr std::size_t kDurableRequestCommands = 256;
constexpr std::size_t kDurableSubmitters = 2;
constexpr std::size_t kDurableOutstandingPerSubmitter = 64;
DurableRun runDurablePhase(const VenuePtr& venue, bool synchronousFull, const std::string& baseDirectory,
                           std::uint64_t seed);

// (c) 1,000 buyers on 100 hot seats through the durable engine.
struct ContentionRun {
    Throughput all; // every acknowledged command (Ok or conflict); p50/p99 per request
    std::uint64_t holdsOk = 0;
    std::uint64_t conflicts = 0; // HoldSeats answered SeatUnavailable
    std::uint64_t confirms = 0;
    std::uint64_t releases = 0;
    std::uint64_t seatsSold = 0;
    std::uint32_t windows = 0; // sets of hot seats sold out and replaced
    std::uint64_t oversells = 0;
    std::string failure;
};
constexpr std::uint32_t kContentionBuyers = 1000;
constexpr std::uint32_t kContentionHotSeats = 100;
ContentionRun runContentionPhase(const VenuePtr& venue, double seconds, const std::string& baseDirectory,
                                 std::uint64_t seed);

// (d) A journal written once, then read back by cold starts and by in-memory replays.
struct ReplayJournal {
    std::string directory; // an engine data directory holding only this journal (no snapshot)
    EventId event = 0;
    std::uint64_t events = 0; // journal events (SEAT_HELD...), counted while writing
    std::uint64_t records = 0; // command records
    std::uint64_t batches = 0;
    std::uint64_t bytes = 0;
    std::uint32_t holdReleaseCycles = 0;
};
// Writes into `directory` (which must be empty).
bool buildReplayJournal(const VenuePtr& venue, std::uint64_t eventsMin, const std::string& directory,
                        std::uint64_t seed, ReplayJournal* journal, std::string* error);

struct ReplayRun {
    double coldStartSeconds = 0; // Engine::startup().seconds
    double coldStartWallSeconds = 0; // around Engine::open
    double specLoadSeconds = 0; // Storage::listEvents (event spec + venue JSON)
    double storageReadSeconds = 0; // Storage::readJournal alone (SQLite + CRC check)
    double memoryReplaySeconds = 0; // a new Ledger + Ledger::replay of batches already in memory
    std::string failure;
};
ReplayRun runReplayPhase(const ReplayJournal& journal);

// Cold start after a clean shutdown: the final snapshot makes replay apply nothing, but the
// journal is still scanned to rebuild the idempotency index. Run once, after the replay runs.
struct SnapshotStartRun {
    double coldStartSeconds = 0;
    std::uint64_t bytesScanned = 0; // journal bytes read to rebuild the idempotency index
    std::string failure;
};
SnapshotStartRun runSnapshotStart(const ReplayJournal& journal);

} // namespace usher::bench
