// (d) Journal replay and cold start. The journal is written once through a Ledger straight into
// SqliteStorage, with no snapshot, so that opening the engine must replay every event. Its
// workload: holds of 4 seats over the whole venue, released again, for as many cycles as needed,
// then every seat held and confirmed (ORDER_CREATED + 4 SEAT_CONFIRMED per order).

#include "BenchSystem.h"
#include "EngineBenchPhases.h"
#include "journal/JournalFormat.h"
#include "ledger/Ledger.h"
#include "runtime/Engine.h"
#include "storage/SqliteStorage.h"

#include <algorithm>

namespace usher::bench {

namespace {

constexpr ChannelId kOnline = 1;
constexpr std::uint32_t kSeatsPerHold = 4;
constexpr std::size_t kRecordsPerBatch = 8192; // as the shard's batches under load

std::string databasePath(const std::string& directory)
{
    return directory + "/usher.db"; // where Engine::open looks
}

class JournalWriter {
public:
    JournalWriter(Storage& storage, const EventSpec& spec, std::uint64_t seed, ReplayJournal* journal)
        : m_storage(storage)
        , m_ledger(spec, LedgerOptions { .verify = false })
        , m_seed(seed)
        , m_journal(journal)
        , m_now(spec.channels.front().onsaleAt + 1000)
    {
    }

    // Holds every seat in groups of four; returns the hold ids (0 where a hold failed).
    std::vector<HoldId> holdAll()
    {
        const std::uint32_t seats = m_ledger.venue().seatCount();
        std::vector<HoldId> holds;
        for (std::uint32_t first = 0; first < seats; first += kSeatsPerHold) {
            Command c = command(CommandKind::HoldSeats, first);
            for (std::uint32_t s = first; s < std::min(seats, first + kSeatsPerHold); ++s)
                c.seats.push_back(m_ledger.venue().seats[s].id);
            holds.push_back(execute(c).hold);
        }
        return holds;
    }

    // Releases or confirms every hold; returns how many were refused.
    std::size_t settleAll(CommandKind kind, const std::vector<HoldId>& holds)
    {
        std::size_t refused = 0;
        for (std::size_t i = 0; i < holds.size(); ++i) {
            Command c = command(kind, static_cast<std::uint32_t>(i * kSeatsPerHold));
            c.hold = holds[i];
            if (kind == CommandKind::Confirm)
                c.text = "psp-" + std::to_string(i);
            refused += execute(c).ok() ? 0 : 1;
        }
        return refused;
    }

    bool flush(std::string* error)
    {
        const JournalBatch batch = m_ledger.takeBatch();
        if (batch.empty())
            return true;
        const bool decoded = forEachRecord(*batch.bytes, [&](const RecordView& record) {
            m_journal->events += record.header.eventCount;
            return true;
        });
        if (!decoded) {
            *error = "a journal batch does not decode";
            return false;
        }
        m_journal->records += batch.records;
        m_journal->bytes += batch.bytes->size();
        ++m_journal->batches;
        const CommitItem items[] = { CommitItem { m_journal->event, &batch, nullptr, 0, nullptr } };
        return m_storage.commit(items, error) == Status::Ok;
    }

    const Ledger& ledger() const { return m_ledger; }
    // The first failed flush while commands ran, or an empty string.
    const std::string& failure() const { return m_failure; }

private:
    Command command(CommandKind kind, std::uint32_t buyer)
    {
        Command c;
        c.kind = kind;
        c.key = benchKey(m_seed, m_serial++);
        c.actor = Actor { ActorKind::Buyer, std::uint64_t(buyer) + 1 };
        c.channel = kOnline;
        c.now = m_now;
        return c;
    }

    CommandResult execute(const Command& c)
    {
        CommandResult result = m_ledger.execute(c);
        if (m_ledger.openBatchRecords() >= kRecordsPerBatch) {
            std::string error;
            if (!flush(&error) && m_failure.empty())
                m_failure = error.empty() ? "a commit failed" : error;
        }
        return result;
    }

    Storage& m_storage;
    Ledger m_ledger;
    const std::uint64_t m_seed;
    ReplayJournal* m_journal;
    const Timestamp m_now;
    std::uint64_t m_serial = 0;
    std::string m_failure;
};

double secondsSince(std::int64_t startedNs)
{
    return double(monotonicNs() - startedNs) / 1e9;
}

std::string soldEverything(const Ledger& ledger)
{
    const LedgerCounts c = ledger.counts();
    if (c.sold != ledger.venue().seatCount() || c.held != 0)
        return "replayed ledger: " + std::to_string(c.sold) + " sold, " + std::to_string(c.held) + " held of "
            + std::to_string(ledger.venue().seatCount()) + " seats";
    return ledger.invariantViolation();
}

void timeColdStart(const ReplayJournal& journal, ReplayRun* run)
{
    EngineOptions options;
    options.dataDirectory = journal.directory;
    options.shard.snapshotEveryRecords = ~std::uint64_t(0);
    std::string error;
    const std::int64_t started = monotonicNs();
    std::unique_ptr<Engine> engine = Engine::open(options, &error);
    run->coldStartWallSeconds = secondsSince(started);
    if (engine == nullptr) {
        run->failure = "Engine::open: " + error;
        return;
    }
    run->coldStartSeconds = engine->startup().seconds;
    if (engine->startup().recordsReplayed != journal.records)
        run->failure = "cold start replayed " + std::to_string(engine->startup().recordsReplayed) + " records, not "
            + std::to_string(journal.records) + " (was a snapshot written?)";
    EventShard* shard = engine->event(journal.event);
    if (shard == nullptr && run->failure.empty())
        run->failure = "cold start: the event is missing";
    if (shard != nullptr)
        shard->read([&](const Ledger& ledger) {
            if (std::string problem = soldEverything(ledger); !problem.empty() && run->failure.empty())
                run->failure = "cold start: " + problem;
        });
    engine->close();
}

void timeStorageAndMemory(const ReplayJournal& journal, ReplayRun* run)
{
    std::string error;
    SqliteStorageOptions options;
    options.path = databasePath(journal.directory);
    std::unique_ptr<SqliteStorage> storage = SqliteStorage::open(options, &error);
    if (storage == nullptr) {
        run->failure = "SqliteStorage::open: " + error;
        return;
    }
    std::vector<EventSpec> specs;
    std::int64_t started = monotonicNs();
    if (storage->listEvents(&specs, &error) != Status::Ok || specs.size() != 1) {
        run->failure = "listEvents: " + error;
        return;
    }
    run->specLoadSeconds = secondsSince(started);
    std::vector<BatchPtr> batches;
    started = monotonicNs();
    const Status read = storage->readJournal(
        journal.event, 1,
        [&](const BatchPtr& batch) {
            batches.push_back(batch);
            return true;
        },
        &error);
    run->storageReadSeconds = secondsSince(started);
    if (read != Status::Ok || batches.size() != journal.batches) {
        run->failure = "readJournal: " + error;
        return;
    }
    Ledger ledger(specs.front(), LedgerOptions {});
    started = monotonicNs();
    bool replayed = true;
    for (const BatchPtr& batch : batches)
        replayed = replayed && ledger.replay(batch);
    run->memoryReplaySeconds = secondsSince(started);
    if (!replayed || ledger.lastSeq() != journal.records)
        run->failure = "Ledger::replay refused a batch";
    else if (std::string problem = soldEverything(ledger); !problem.empty())
        run->failure = problem;
}

} // namespace

bool buildReplayJournal(const VenuePtr& venue, std::uint64_t eventsMin, const std::string& directory,
                        std::uint64_t seed, ReplayJournal* journal, std::string* error)
{
    *journal = ReplayJournal {};
    journal->directory = directory;
    journal->event = 1;
    SqliteStorageOptions options;
    options.path = databasePath(directory);
    options.synchronousFull = false; // writing the journal is not what is measured
    std::unique_ptr<SqliteStorage> storage = SqliteStorage::open(options, error);
    if (storage == nullptr)
        return false;
    const EventSpec spec = makeBenchEvent(journal->event, venue, systemClockNow() - 3'600'000);
    if (storage->createEvent(spec, error) != Status::Ok)
        return false;

    const std::uint64_t seats = venue->seatCount();
    const std::uint64_t holds = (seats + kSeatsPerHold - 1) / kSeatsPerHold;
    const std::uint64_t finalEvents = 2 * seats + holds; // held, confirmed, one ORDER_CREATED per hold
    const std::uint64_t cycleEvents = 2 * seats; // held, released
    const std::uint64_t missing = eventsMin > finalEvents ? eventsMin - finalEvents : 0;
    journal->holdReleaseCycles = static_cast<std::uint32_t>((missing + cycleEvents - 1) / cycleEvents);

    JournalWriter writer(*storage, spec, seed, journal);
    std::size_t refused = 0;
    for (std::uint32_t cycle = 0; cycle < journal->holdReleaseCycles; ++cycle)
        refused += writer.settleAll(CommandKind::Release, writer.holdAll());
    refused += writer.settleAll(CommandKind::Confirm, writer.holdAll());
    if (!writer.failure().empty() || !writer.flush(error)) {
        *error = "writing the journal failed: " + (writer.failure().empty() ? *error : writer.failure());
        return false;
    }
    if (refused != 0 || !soldEverything(writer.ledger()).empty()) {
        *error = "building the journal: " + std::to_string(refused) + " commands refused; "
            + soldEverything(writer.ledger());
        return false;
    }
    return true;
}

ReplayRun runReplayPhase(const ReplayJournal& journal)
{
    ReplayRun run;
    timeColdStart(journal, &run);
    if (run.failure.empty())
        timeStorageAndMemory(journal, &run);
    return run;
}

SnapshotStartRun runSnapshotStart(const ReplayJournal& journal)
{
    SnapshotStartRun run;
    EngineOptions options;
    options.dataDirectory = journal.directory;
    std::string error;
    {
        // One more command, so that the clean shutdown has something to snapshot.
        std::unique_ptr<Engine> engine = Engine::open(options, &error);
        EventShard* shard = engine != nullptr ? engine->event(journal.event) : nullptr;
        if (shard == nullptr) {
            run.failure = "Engine::open: " + error;
            return run;
        }
        Command c;
        c.kind = CommandKind::HoldSeats;
        c.key = benchKey(~journal.records, 1);
        c.actor = Actor { ActorKind::Buyer, 1 };
        c.channel = kOnline;
        c.seats.push_back(shard->spec().venue->seats.front().id);
        if (shard->execute(c).status != Status::SeatUnavailable)
            run.failure = "a hold on a sold seat was not refused";
        engine->close();
    }
    std::unique_ptr<Engine> engine = Engine::open(options, &error);
    if (engine == nullptr) {
        run.failure = "Engine::open: " + error;
        return run;
    }
    run.coldStartSeconds = engine->startup().seconds;
    run.bytesScanned = engine->startup().bytesReplayed;
    if (engine->startup().recordsReplayed != 0 && run.failure.empty())
        run.failure = "no snapshot after a clean shutdown: " + std::to_string(engine->startup().recordsReplayed)
            + " records applied";
    engine->close();
    return run;
}

} // namespace usher::bench
