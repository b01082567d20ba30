// (a) In memory: the Ledger alone, as the shard thread drives it (takeBatch every 8,192 commands),
// without the runtime or storage. Commands are built before the clock starts.

#include "BenchSystem.h"
#include "EngineBenchPages.h"
#include "EngineBenchPhases.h"
#include "core/Random.h"
#include "ledger/Ledger.h"

#include <string>

namespace usher::bench {

namespace {

constexpr std::size_t kTakeBatchEvery = 8192;
constexpr std::size_t kLatencyGroup = 64; // commands per clock reading
constexpr ChannelId kOnline = 1;
constexpr EventId kEvent = 1;

// The seats in a seeded random order: online buyers pick seats all over the venue.
std::vector<SeatIndex> shuffledSeats(std::uint32_t count, Prng& rng)
{
    std::vector<SeatIndex> seats(count);
    for (std::uint32_t i = 0; i < count; ++i)
        seats[i] = i;
    for (std::uint32_t i = count; i > 1; --i)
        std::swap(seats[i - 1], seats[rng.below(i)]);
    return seats;
}

Command baseCommand(CommandKind kind, std::uint64_t buyer, Timestamp now, std::uint64_t seed, std::uint64_t serial)
{
    Command c;
    c.kind = kind;
    c.key = benchKey(seed, serial);
    c.actor = Actor { ActorKind::Buyer, buyer };
    c.channel = kOnline;
    c.now = now;
    return c;
}

// Runs `commands` through the ledger, timed, prefetching ahead (Ledger::prefetch) and closing a journal
// batch every kTakeBatchEvery commands, as the shard does. `consume(i, result)` sees every result (inside the timing: keeping
// a hold id is part of what a caller does). Neither inlined nor folded with another instantiation
// (-fipa-icf), so that a profile is cut per phase:
// valgrind --tool=callgrind --toggle-collect='*timeCommands*' --dump-after='*timeCommands*'.
template <typename Consume>
[[gnu::noinline, gnu::no_icf]] Throughput timeCommands(Ledger& ledger, const std::vector<Command>& commands, Consume&& consume)
{
    std::vector<double> perCommandNs;
    perCommandNs.reserve(commands.size() / kLatencyGroup + 1);
    std::uint64_t ok = 0;
    const std::uint64_t faultsBefore = threadMinorFaults();
    const ThreadCpu cpuBefore = threadCpu();
    const std::int64_t started = monotonicNs();
    std::int64_t groupStarted = started;
    for (std::size_t i = 0; i < commands.size(); ++i) {
        if (i + 8 < commands.size())
            prefetchCommand(commands[i + 8]);
        if (i + 4 < commands.size())
            ledger.prefetchEarly(commands[i + 4]);
        if (i + 2 < commands.size())
            ledger.prefetch(commands[i + 2]);
        const CommandResult result = ledger.execute(commands[i]);
        ok += result.ok() ? 1 : 0;
        consume(i, result);
        if ((i + 1) % kTakeBatchEvery == 0)
            ledger.takeBatch();
        if ((i + 1) % kLatencyGroup == 0) {
            const std::int64_t now = monotonicNs();
            perCommandNs.push_back(double(now - groupStarted) / double(kLatencyGroup));
            groupStarted = now;
        }
    }
    ledger.takeBatch();
    const std::int64_t finished = monotonicNs();
    const ThreadCpu cpuAfter = threadCpu();
    Throughput t;
    t.pageFaults = threadMinorFaults() - faultsBefore;
    t.cpuSeconds = cpuAfter.total - cpuBefore.total;
    t.systemSeconds = cpuAfter.system - cpuBefore.system;
    t.commands = ok;
    t.seconds = double(finished - started) / 1e9;
    t.p50Ns = percentile(perCommandNs, 0.50);
    t.p99Ns = percentile(perCommandNs, 0.99);
    return t;
}

std::vector<Command> holdCommands(const Venue& venue, const std::vector<SeatIndex>& order, Timestamp now,
                                  std::uint64_t seed, std::uint64_t* serial)
{
    std::vector<Command> commands;
    commands.reserve(order.size());
    for (SeatIndex s : order) {
        Command c = baseCommand(CommandKind::HoldSeats, s + 1, now, seed, (*serial)++);
        c.seats.push_back(venue.seats[s].id);
        commands.push_back(std::move(c));
    }
    return commands;
}

// Confirm or Release of every hold in `holds` (one per seat of `order`, same positions).
std::vector<Command> settleCommands(CommandKind kind, const std::vector<SeatIndex>& order,
                                    const std::vector<HoldId>& holds, Timestamp now, std::uint64_t seed,
                                    std::uint64_t* serial)
{
    std::vector<Command> commands;
    commands.reserve(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        Command c = baseCommand(kind, order[i] + 1, now, seed, (*serial)++);
        c.hold = holds[i];
        if (kind == CommandKind::Confirm)
            c.text = "psp-" + std::to_string(i); // the payment reference
        commands.push_back(std::move(c));
    }
    return commands;
}

void holdThenConfirmLedger(const EventSpec& spec, const std::vector<SeatIndex>& order, Timestamp now,
                           std::uint64_t seed, LedgerRun* run, std::vector<Command>* confirms);

std::string countsProblem(const Ledger& ledger, const char* when, std::uint32_t held, std::uint32_t sold)
{
    const LedgerCounts c = ledger.counts();
    const std::uint32_t seats = ledger.venue().seatCount();
    std::string problem;
    if (c.held != held || c.sold != sold || c.available != seats - held - sold || c.activeHolds > held
        || c.tickets != sold || c.blocked != 0)
        problem = std::string(when) + ": counts disagree (held " + std::to_string(c.held) + ", sold "
            + std::to_string(c.sold) + ", available " + std::to_string(c.available) + ", tickets "
            + std::to_string(c.tickets) + "; expected held " + std::to_string(held) + ", sold " + std::to_string(sold)
            + ")";
    if (problem.empty()) {
        const std::string violation = ledger.invariantViolation();
        if (!violation.empty())
            problem = std::string(when) + ": invariant violated: " + violation;
    }
    return problem;
}

// Hold every seat once, then confirm every hold; then the confirm floor on the same commands.
void holdThenConfirm(const EventSpec& spec, const std::vector<SeatIndex>& order, Timestamp now, std::uint64_t seed,
                     LedgerRun* run)
{
    std::vector<Command> confirmAll;
    holdThenConfirmLedger(spec, order, now, seed, run, &confirmAll);
    // After the ledger is gone: the floor's tables take the memory it leaves.
    const ConfirmFloorRun floor = runConfirmFloor(*spec.venue, order, confirmAll);
    run->confirmFloor = floor.withCode;
    run->confirmFloorMemory = floor.memoryOnly;
    if (!floor.failure.empty() && run->failure.empty())
        run->failure = floor.failure;
}

void holdThenConfirmLedger(const EventSpec& spec, const std::vector<SeatIndex>& order, Timestamp now,
                           std::uint64_t seed, LedgerRun* run, std::vector<Command>* confirms)
{
    const auto seats = static_cast<std::uint32_t>(order.size());
    Ledger ledger(spec, LedgerOptions { .verify = false });
    ledger.warm(); // as the shard does once the event serves: no first touch in the timed commands
    std::uint64_t serial = 0;
    std::vector<HoldId> holds(order.size(), 0);
    const std::vector<Command> holdAll = holdCommands(ledger.venue(), order, now, seed, &serial);
    if (verboseTables())
        printTablePages(stderr, ledger, "hold+confirm ledger, warm");
    run->hold = timeCommands(ledger, holdAll, [&](std::size_t i, const CommandResult& r) { holds[i] = r.hold; });
    if (run->hold.commands != seats && run->failure.empty())
        run->failure = "in-memory holds: " + std::to_string(seats - run->hold.commands) + " refused";
    if (std::string problem = countsProblem(ledger, "after the holds", seats, 0); !problem.empty())
        run->failure = problem;

    std::vector<Command>& confirmAll = *confirms;
    confirmAll = settleCommands(CommandKind::Confirm, order, holds, now, seed, &serial);
    run->confirm = timeCommands(ledger, confirmAll, [](std::size_t, const CommandResult&) {});
    if (verboseTables())
        printTablePages(stderr, ledger, "hold+confirm ledger, after the confirms");
    if (run->confirm.commands != seats && run->failure.empty())
        run->failure = "in-memory confirms: " + std::to_string(seats - run->confirm.commands) + " refused";
    if (std::string problem = countsProblem(ledger, "after the confirms", 0, seats); !problem.empty())
        run->failure = problem;
}

// Hold every seat once (not timed), then release every hold.
void holdThenRelease(const EventSpec& spec, const std::vector<SeatIndex>& order, Timestamp now, std::uint64_t seed,
                     LedgerRun* run)
{
    const auto seats = static_cast<std::uint32_t>(order.size());
    Ledger ledger(spec, LedgerOptions { .verify = false });
    ledger.warm(); // as the shard does once the event serves: no first touch in the timed commands
    std::uint64_t serial = 1ull << 40;
    std::vector<HoldId> holds(order.size(), 0);
    for (std::size_t i = 0; i < order.size(); ++i) {
        Command c = baseCommand(CommandKind::HoldSeats, order[i] + 1, now, seed, serial++);
        c.seats.push_back(ledger.venue().seats[order[i]].id);
        holds[i] = ledger.execute(c).hold;
        if ((i + 1) % kTakeBatchEvery == 0)
            ledger.takeBatch();
    }
    ledger.takeBatch();
    const std::vector<Command> releaseAll = settleCommands(CommandKind::Release, order, holds, now, seed, &serial);
    if (verboseTables())
        printTablePages(stderr, ledger, "release ledger, before the releases");
    run->release = timeCommands(ledger, releaseAll, [](std::size_t, const CommandResult&) {});
    if (run->release.commands != seats && run->failure.empty())
        run->failure = "in-memory releases: " + std::to_string(seats - run->release.commands) + " refused";
    if (std::string problem = countsProblem(ledger, "after the releases", 0, 0); !problem.empty())
        run->failure = problem;
}

// The holds again, in venue order: what the same commands cost when seat lookups hit the caches.
void holdInVenueOrder(const EventSpec& spec, Timestamp now, std::uint64_t seed, LedgerRun* run)
{
    Ledger ledger(spec, LedgerOptions { .verify = false });
    ledger.warm(); // as the shard does once the event serves: no first touch in the timed commands
    std::vector<SeatIndex> order(ledger.venue().seatCount());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<SeatIndex>(i);
    std::uint64_t serial = 3ull << 40;
    const std::vector<Command> holdAll = holdCommands(ledger.venue(), order, now, seed, &serial);
    run->holdInOrder = timeCommands(ledger, holdAll, [](std::size_t, const CommandResult&) {});
    if (std::string problem = countsProblem(ledger, "after the holds in venue order", std::uint32_t(order.size()), 0);
        !problem.empty())
        run->failure = problem;
}

// Best available, 2-4 seats in a random category, until about three quarters of the venue is held.
void holdBestAvailable(const EventSpec& spec, Timestamp now, std::uint64_t seed, Prng& rng, LedgerRun* run)
{
    Ledger ledger(spec, LedgerOptions { .verify = false });
    ledger.warm(); // as the shard does once the event serves: no first touch in the timed commands
    const std::uint32_t seats = ledger.venue().seatCount();
    const auto categories = static_cast<std::uint16_t>(ledger.venue().categories.size());
    std::uint64_t serial = 2ull << 40;
    std::vector<Command> commands;
    commands.reserve(seats / 4);
    for (std::uint32_t i = 0; i < seats / 4; ++i) {
        Command c = baseCommand(CommandKind::HoldBestAvailable, i + 1, now, seed, serial++);
        c.best.quantity = 2 + static_cast<std::uint32_t>(rng.below(3));
        c.best.category = static_cast<std::uint16_t>(rng.below(categories));
        commands.push_back(std::move(c));
    }
    std::uint64_t seatsHeld = 0;
    run->best = timeCommands(ledger, commands,
                             [&](std::size_t, const CommandResult& r) { seatsHeld += r.ok() ? r.seats.size() : 0; });
    run->bestSeats = seatsHeld;
    if (std::string problem = countsProblem(ledger, "after best available", std::uint32_t(seatsHeld), 0);
        !problem.empty())
        run->failure = problem;
}

} // namespace

LedgerRun runLedgerPhase(const VenuePtr& venue, std::uint64_t seed)
{
    const Timestamp t0 = 1'700'000'000'000;
    const EventSpec spec = makeBenchEvent(kEvent, venue, t0);
    const Timestamp now = t0 + 1000;
    Prng rng(seed);
    const std::vector<SeatIndex> order = shuffledSeats(venue->seatCount(), rng);
    LedgerRun run;
    holdThenConfirm(spec, order, now, seed, &run);
    holdThenRelease(spec, order, now, seed, &run);
    holdInVenueOrder(spec, now, seed, &run);
    holdBestAvailable(spec, now, seed, rng, &run);
    return run;
}

} // namespace usher::bench
