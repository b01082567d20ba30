// (b) Durable: single-seat holds, then confirms, through EventShard::submit into the group-
// committing Committer and SQLite. Two submitter threads send requests of 256 commands and keep
// at most kDurableOutstandingPerSubmitter requests each in flight (2 x 64 x 256 = 32,768
// commands: two of the shard's 16,384-command batches, so that one is applied while the other
// is being made durable). A QueueFull answer is retried after a yield.

#include "BenchSystem.h"
#include "EngineBenchPhases.h"
#include "core/Random.h"
#include "runtime/Engine.h"

#include <QString>

#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <sys/resource.h>
#include <thread>

namespace usher::bench {

namespace {

constexpr ChannelId kOnline = 1;
constexpr std::uint64_t kConfirmSerials = 1ull << 40;

struct Lane {
    std::mutex mutex;
    std::condition_variable changed;
    std::size_t outstanding = 0;
};

struct RequestOutcome {
    std::int64_t submittedNs = 0;
    std::int64_t completedNs = 0;
    std::uint32_t ok = 0;
    Status firstFailure = Status::Ok;
};

struct Drive {
    std::vector<RequestOutcome> outcomes;
    std::atomic<std::uint64_t> queueFullRetries { 0 };
    std::atomic<int> submitFailure { int(Status::Ok) };
    std::int64_t startedNs = 0;
};

using Rebuild = std::function<std::vector<Command>(std::size_t request)>;
// Runs on the committer thread, once per request, before the request counts as done.
using OnResults = std::function<void(std::size_t request, const std::vector<CommandResult>& results)>;

void submitLane(EventShard& shard, std::vector<std::vector<Command>>& requests, std::size_t laneIndex, Lane* lane,
                Drive& drive, const Rebuild& rebuild, const OnResults& onResults)
{
    for (std::size_t i = laneIndex; i < requests.size(); i += kDurableSubmitters) {
        {
            std::unique_lock lock(lane->mutex);
            lane->changed.wait(lock, [&] { return lane->outstanding < kDurableOutstandingPerSubmitter; });
            ++lane->outstanding;
        }
        drive.outcomes[i].submittedNs = monotonicNs();
        std::vector<Command> commands = std::move(requests[i]);
        for (;;) {
            const Status status = shard.submit(std::move(commands), [&drive, &onResults, lane, i](auto&& results) {
                RequestOutcome& outcome = drive.outcomes[i];
                outcome.completedNs = monotonicNs();
                for (const CommandResult& r : results) {
                    outcome.ok += r.ok() ? 1 : 0;
                    if (!r.ok() && outcome.firstFailure == Status::Ok)
                        outcome.firstFailure = r.status;
                }
                onResults(i, results);
                std::lock_guard lock(lane->mutex);
                --lane->outstanding;
                lane->changed.notify_all();
            });
            if (status == Status::Ok)
                break;
            if (status == Status::QueueFull) {
                // submit() consumed the vector; build the same request again (same keys).
                ++drive.queueFullRetries;
                commands = rebuild(i);
                std::this_thread::yield();
                continue;
            }
            drive.submitFailure = int(status);
            drive.outcomes[i].completedNs = drive.outcomes[i].submittedNs;
            std::lock_guard lock(lane->mutex);
            --lane->outstanding;
            break;
        }
    }
    std::unique_lock lock(lane->mutex);
    lane->changed.wait(lock, [&] { return lane->outstanding == 0; });
}

// Submits every request from kDurableSubmitters threads and waits until all are answered.
Throughput driveRequests(EventShard& shard, std::vector<std::vector<Command>> requests, const Rebuild& rebuild,
                         const OnResults& onResults, std::uint64_t* retries, std::string* failure)
{
    Drive drive;
    drive.outcomes.resize(requests.size());
    std::array<Lane, kDurableSubmitters> lanes;
    drive.startedNs = monotonicNs();
    std::vector<std::thread> threads;
    for (std::size_t t = 1; t < kDurableSubmitters; ++t)
        threads.emplace_back([&, t] { submitLane(shard, requests, t, &lanes[t], drive, rebuild, onResults); });
    submitLane(shard, requests, 0, &lanes[0], drive, rebuild, onResults);
    for (std::thread& thread : threads)
        thread.join();

    Throughput t;
    std::int64_t finishedNs = drive.startedNs;
    std::vector<double> latencies;
    latencies.reserve(drive.outcomes.size());
    for (const RequestOutcome& outcome : drive.outcomes) {
        finishedNs = std::max(finishedNs, outcome.completedNs);
        latencies.push_back(double(outcome.completedNs - outcome.submittedNs));
        t.commands += outcome.ok;
        if (outcome.firstFailure != Status::Ok && failure->empty())
            *failure = std::string("a command was refused: ") + statusName(outcome.firstFailure);
    }
    if (drive.submitFailure != int(Status::Ok) && failure->empty())
        *failure = std::string("submit failed: ") + statusName(Status(drive.submitFailure.load()));
    t.seconds = double(finishedNs - drive.startedNs) / 1e9;
    t.p50Ns = percentile(latencies, 0.50);
    t.p99Ns = percentile(latencies, 0.99);
    *retries += drive.queueFullRetries;
    return t;
}

CommitterStats delta(const CommitterStats& before, const CommitterStats& after)
{
    CommitterStats d;
    d.transactions = after.transactions - before.transactions;
    d.batches = after.batches - before.batches;
    d.records = after.records - before.records;
    d.failures = after.failures - before.failures;
    d.commitNsTotal = after.commitNsTotal - before.commitNsTotal;
    d.commitNsMax = after.commitNsMax;
    return d;
}

Command durableCommand(CommandKind kind, SeatIndex seat, std::uint64_t seed, std::uint64_t serial)
{
    Command c;
    c.kind = kind;
    c.key = benchKey(seed, serial);
    c.actor = Actor { ActorKind::Buyer, std::uint64_t(seat) + 1 };
    c.channel = kOnline;
    return c;
}

// Request `r` of the holds: the seats order[r * 256, ...).
std::vector<Command> holdRequest(const Venue& venue, const std::vector<SeatIndex>& order, std::size_t r,
                                 std::uint64_t seed)
{
    std::vector<Command> commands;
    const std::size_t end = std::min(order.size(), (r + 1) * kDurableRequestCommands);
    for (std::size_t i = r * kDurableRequestCommands; i < end; ++i) {
        Command c = durableCommand(CommandKind::HoldSeats, order[i], seed, i);
        c.seats.push_back(venue.seats[order[i]].id);
        commands.push_back(std::move(c));
    }
    return commands;
}

std::vector<Command> confirmRequest(const std::vector<SeatIndex>& order, const std::vector<HoldId>& holds,
                                    std::size_t r, std::uint64_t seed)
{
    std::vector<Command> commands;
    const std::size_t end = std::min(order.size(), (r + 1) * kDurableRequestCommands);
    for (std::size_t i = r * kDurableRequestCommands; i < end; ++i) {
        Command c = durableCommand(CommandKind::Confirm, order[i], seed, kConfirmSerials + i);
        c.hold = holds[i];
        c.text = "psp-" + std::to_string(i);
        commands.push_back(std::move(c));
    }
    return commands;
}

std::vector<SeatIndex> shuffled(std::uint32_t count, std::uint64_t seed)
{
    Prng rng(seed);
    std::vector<SeatIndex> seats(count);
    for (std::uint32_t i = 0; i < count; ++i)
        seats[i] = i;
    for (std::uint32_t i = count; i > 1; --i)
        std::swap(seats[i - 1], seats[rng.below(i)]);
    return seats;
}

std::string verifySold(EventShard& shard, std::uint32_t seats)
{
    std::string problem;
    shard.read([&](const Ledger& ledger) {
        const LedgerCounts c = ledger.counts();
        if (c.sold != seats || c.tickets != seats || c.held != 0 || c.activeHolds != 0)
            problem = "durable: expected every seat sold once; sold " + std::to_string(c.sold) + ", tickets "
                + std::to_string(c.tickets) + ", held " + std::to_string(c.held);
        else
            problem = ledger.invariantViolation();
    });
    return problem;
}

// CPU time of the whole process so far (every thread: submitters, shard, committer), in seconds.
double processCpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

void holdsAndConfirms(Engine& engine, EventShard& shard, const Venue& venue, std::uint64_t seed, DurableRun* run)
{
    const double cpuStart = processCpuSeconds();
    const std::vector<SeatIndex> order = shuffled(venue.seatCount(), seed);
    const std::size_t requestCount = (order.size() + kDurableRequestCommands - 1) / kDurableRequestCommands;
    std::vector<HoldId> holds(order.size(), 0);

    std::vector<std::vector<Command>> requests;
    for (std::size_t r = 0; r < requestCount; ++r)
        requests.push_back(holdRequest(venue, order, r, seed));
    const CommitterStats beforeHolds = engine.committerStats();
    run->hold = driveRequests(
        shard, std::move(requests), [&](std::size_t r) { return holdRequest(venue, order, r, seed); },
        [&](std::size_t r, const std::vector<CommandResult>& results) {
            for (std::size_t j = 0; j < results.size(); ++j)
                holds[r * kDurableRequestCommands + j] = results[j].hold;
        },
        &run->queueFullRetries, &run->failure);
    const CommitterStats afterHolds = engine.committerStats();
    run->holdCommits = delta(beforeHolds, afterHolds);
    const double cpuHolds = processCpuSeconds();

    requests.clear();
    for (std::size_t r = 0; r < requestCount; ++r)
        requests.push_back(confirmRequest(order, holds, r, seed));
    run->confirm = driveRequests(
        shard, std::move(requests), [&](std::size_t r) { return confirmRequest(order, holds, r, seed); },
        [](std::size_t, const std::vector<CommandResult>&) {}, &run->queueFullRetries, &run->failure);
    run->confirmCommits = delta(afterHolds, engine.committerStats());
    // On stderr, beside the table: on a busy machine the CPU time per command still compares two
    // builds when the wall-clock rates do not.
    const double count = double(std::max<std::size_t>(order.size(), 1));
    std::fprintf(
        stderr, "usher-bench engine: durable, CPU per command (process, every thread): hold %.2f us, confirm %.2f us\n",
        (cpuHolds - cpuStart) / count * 1e6, (processCpuSeconds() - cpuHolds) / count * 1e6);
}

} // namespace

DurableRun runDurablePhase(const VenuePtr& venue, bool synchronousFull, const std::string& baseDirectory,
                           std::uint64_t seed)
{
    DurableRun run;
    BenchEngine bench;
    run.failure = openBenchEngine(venue, baseDirectory, "durable", synchronousFull, &bench);
    if (!run.failure.empty())
        return run;
    Engine* engine = bench.engine.get();
    EventShard* shard = bench.shard;
    holdsAndConfirms(*engine, *shard, *venue, seed, &run);
    if (std::string problem = verifySold(*shard, venue->seatCount()); !problem.empty() && run.failure.empty())
        run.failure = problem;
    engine->close();
    return run;
}

} // namespace usher::bench
