#include "EngineBench.h"

#include "BenchSystem.h"
#include "EngineBenchPages.h"
#include "EngineBenchPhases.h"
#include "core/Assert.h"
#include "core/Limits.h"
#include "core/Mix64.h"
#include "event/EventSpecJson.h"
#include "ledger/Ledger.h"
#include "venue/VenueGenerator.h"

#include <QDir>
#include <QString>
#include <QTemporaryDir>
#include <QtGlobal>

#include <algorithm>
#include <cstdarg>
#include <functional>
#include <sqlite3.h>
#include <sys/utsname.h>
#include <unistd.h>

#ifndef USHER_BENCH_BUILD_TYPE
#define USHER_BENCH_BUILD_TYPE "unknown"
#endif

namespace usher::bench {

const std::vector<std::string> kEngineBenchPhases = { "memory", "in-memory", "durable", "contention", "replay" };

EventSpec makeBenchEvent(EventId id, VenuePtr venue, Timestamp now)
{
    EventSpec spec = makeDemoEvent(id, "Benchmark", std::move(venue), now);
    // Nothing may expire in the middle of a run.
    spec.holdSeconds = static_cast<std::uint32_t>(limits::holdSecondsMax);
    spec.holdLifetimeSecondsMax = spec.holdSeconds;
    spec.ticketsPerOrderMax = 10;
    const std::string problem = spec.finalize();
    USHER_ASSERT(problem.empty());
    return spec;
}

std::string openBenchEngine(const VenuePtr& venue, const std::string& baseDirectory, const std::string& phase,
                            bool synchronousFull, BenchEngine* out)
{
    out->directory
        = std::make_unique<QTemporaryDir>(QString::fromStdString(baseDirectory + "/usher-bench-" + phase + "-XXXXXX"));
    if (!out->directory->isValid())
        return "cannot create a directory in " + baseDirectory;
    EngineOptions options;
    options.dataDirectory = out->directory->path().toStdString();
    options.synchronousFull = synchronousFull;
    std::string error;
    out->engine = Engine::open(options, &error);
    if (out->engine == nullptr)
        return "Engine::open: " + error;
    constexpr EventId kEvent = 1;
    if (out->engine->createEvent(makeBenchEvent(kEvent, venue, systemClockNow() - 60'000), &error) != Status::Ok)
        return "createEvent: " + error;
    out->shard = out->engine->event(kEvent);
    return {};
}

IdempotencyKey benchKey(std::uint64_t seed, std::uint64_t serial)
{
    // splitmix64 of (seed, serial): looks like the BLAKE2b keys the edge makes, costs nothing.
    const auto mix = [](std::uint64_t z) { return mix64(z + 0x9e3779b97f4a7c15ull); };
    IdempotencyKey key { mix(seed ^ mix(serial)), mix(serial ^ 0x5bd1e995u) };
    if (key.isNull())
        key.lo = 1;
    return key;
}

namespace {

constexpr double kMemoryCommandsTarget = 5e6;
constexpr double kDurableHoldsTarget = 500e3;
constexpr double kReplayEventsTarget = 2e6;
constexpr std::uint64_t kSeed = 0x05e7b3c4;
constexpr std::uint32_t kSmallIndexKeys = 16'384;

template <typename Run>
double medianOf(const std::vector<Run>& runs, const std::function<double(const Run&)>& get)
{
    std::vector<double> values;
    for (const Run& run : runs)
        values.push_back(get(run));
    return median(values);
}

std::string slash(const std::string& a, const std::string& b)
{
    return a + " / " + b;
}

std::string commitSummary(const std::vector<CommitterStats>& stats)
{
    std::vector<double> transactions;
    std::vector<double> recordsPerTransaction;
    std::vector<double> meanNs;
    std::vector<double> maxNs;
    for (const CommitterStats& s : stats) {
        transactions.push_back(double(s.transactions));
        recordsPerTransaction.push_back(s.transactions > 0 ? double(s.records) / double(s.transactions) : 0);
        meanNs.push_back(s.transactions > 0 ? double(s.commitNsTotal) / double(s.transactions) : 0);
        maxNs.push_back(double(s.commitNsMax));
    }
    return formatCount(median(transactions)) + " txn, " + formatCount(median(recordsPerTransaction))
        + " records/txn, commit mean " + formatNs(median(meanNs)) + ", max " + formatNs(median(maxNs));
}

std::string baseDirectory(const std::string& wanted)
{
    return wanted.empty() ? QDir::tempPath().toStdString() : wanted;
}

} // namespace

EngineBench::EngineBench(EngineBenchOptions options)
    : m_options(std::move(options))
{
    USHER_ASSERT(m_options.seats > 0 && m_options.runs > 0 && m_options.contentionSeconds > 0);
}

bool EngineBench::wanted(const std::string& phase) const
{
    return m_options.phases.empty()
        || std::find(m_options.phases.begin(), m_options.phases.end(), phase) != m_options.phases.end();
}

void EngineBench::note(const char* format, ...) const
{
    if (m_progress == nullptr)
        return;
    std::va_list args;
    va_start(args, format);
    std::fprintf(m_progress, "usher-bench: ");
    std::vfprintf(m_progress, format, args);
    std::fprintf(m_progress, "\n");
    std::fflush(m_progress);
    va_end(args);
}

void EngineBench::fail(const std::string& what)
{
    m_failures.push_back(what);
    note("FAILED: %s", what.c_str());
}

int EngineBench::run(std::FILE* out, std::FILE* progress)
{
    m_progress = progress;
    const std::int64_t started = monotonicNs();
    const char* const tablePages = applyTablePagesFromEnvironment(); // before any table exists
    if (verboseTables())
        note("ledger tables: %s pages", tablePages);
    m_loadAtStart = loadAverage();
    m_firstTouchNs = firstTouchNsPerPage();
    m_ghzAtStart = effectiveCpuGhz();
    m_memoryLatencyNs = memoryLatencyNs();
    if (m_loadAtStart > 0.5 * cpuCount())
        note("warning: load average %.1f on %u CPUs; the figures will be low", m_loadAtStart, cpuCount());
    if (wanted("memory"))
        measureMemory(); // first, while the heap is fresh: it also generates the venue
    else
        m_venue = generateVenueWithSeats(m_options.seats);
    USHER_ASSERT(m_venue != nullptr);
    // Every phase starts in a process that has created and dropped one event already, whichever
    // phases run: glibc then serves later tables from memory it keeps instead of fresh pages, and
    // the figures do not depend on --phases. What fresh memory still costs is reported apart.
    {
        Ledger warmUp(makeBenchEvent(1, m_venue, 1'700'000'000'000), LedgerOptions {});
        warmUp.warm();
    }
    if (wanted("in-memory"))
        measureLedger();
    if (wanted("durable")) {
        measureDurable(true);
        measureDurable(false);
    }
    if (wanted("contention"))
        measureContention();
    if (wanted("replay"))
        measureReplay();

    std::fprintf(out, "usher-bench engine%s: %u seats, median of %d run%s\n\n", m_options.quick ? " --quick" : "",
                 m_venue->seatCount(), m_options.runs, m_options.runs == 1 ? "" : "s");
    m_table.print(out);
    std::fprintf(out, "\n");
    if (m_contentionRan)
        std::fprintf(out, "oversells: %llu\n", static_cast<unsigned long long>(m_oversells));
    printFacts(out);
    std::fflush(out);
    note("done in %.1f s", double(monotonicNs() - started) / 1e9);
    for (const std::string& failure : m_failures)
        std::fprintf(stderr, "usher-bench: FAILED: %s\n", failure.c_str());
    return m_failures.empty() && !m_table.failed() ? 0 : 1;
}

// (e) What an idle event costs: the ledger's own accounting, and the process's resident memory
// around the ledger's construction and warm() (the tables are touched then, so they are resident).
void EngineBench::measureMemory()
{
    note("memory: generating a %u-seat venue", m_options.seats);
    const std::size_t beforeVenue = residentBytes();
    m_venue = generateVenueWithSeats(m_options.seats);
    USHER_ASSERT(m_venue != nullptr);
    const std::size_t beforeLedger = residentBytes();
    const EventSpec spec = makeBenchEvent(1, m_venue, 1'700'000'000'000);
    const ThreadCpu cpuBefore = threadCpu();
    const std::int64_t wallBefore = monotonicNs();
    auto ledger = std::make_unique<Ledger>(spec, LedgerOptions {});
    const ThreadCpu cpuCreated = threadCpu();
    const std::int64_t wallCreated = monotonicNs();
    ledger->warm();
    const ThreadCpu cpuWarmed = threadCpu();
    const std::int64_t wallWarmed = monotonicNs();
    const std::size_t afterLedger = residentBytes();
    const double seats = m_venue->seatCount();
    const double ledgerBytes = double(ledger->memoryBytes());
    const double ledgerResident = double(afterLedger > beforeLedger ? afterLedger - beforeLedger : 0);
    const double venueResident = double(beforeLedger > beforeVenue ? beforeLedger - beforeVenue : 0);
    ledger.reset();
    // The idempotency window is sized per seat and allocated up front; show the ledger without it.
    // The journal arena likewise (batch buffers touched by Ledger::warm, LedgerOptions::journalArenaBytes).
    Ledger small(spec, LedgerOptions { .idempotencyKeysMax = kSmallIndexKeys, .journalArenaBytes = 0 });
    small.warm();
    const double smallBytes = double(small.memoryBytes());
    Ledger noArena(spec, LedgerOptions { .journalArenaBytes = 0 });
    noArena.warm();
    const double noArenaBytes = double(noArena.memoryBytes());
    m_table.add("memory", "ledger bytes/seat, idle (Ledger::memoryBytes)", formatBytes(ledgerBytes / seats));
    m_table.add("memory", "  without the idempotency window (16K keys) and arena", formatBytes(smallBytes / seats));
    m_table.add("memory", "  of which the journal arena (touched by Ledger::warm)",
                formatBytes((ledgerBytes - noArenaBytes) / seats));
    m_table.add("memory", "ledger RSS growth/seat (/proc/self/statm)", formatBytes(ledgerResident / seats));
    // A cold start pays for the creation; Ledger::warm runs once the event serves, between batches.
    m_table.add("memory", "ledger creation, CPU (system) / wall",
                formatNs((cpuCreated.total - cpuBefore.total) * 1e9) + " ("
                    + formatNs((cpuCreated.system - cpuBefore.system) * 1e9) + ") / "
                    + formatNs(double(wallCreated - wallBefore)));
    m_table.add("memory", "  then Ledger::warm, CPU (system) / wall",
                formatNs((cpuWarmed.total - cpuCreated.total) * 1e9) + " ("
                    + formatNs((cpuWarmed.system - cpuCreated.system) * 1e9) + ") / "
                    + formatNs(double(wallWarmed - wallCreated)));
    m_table.add("memory", "venue snapshot RSS/seat (shared, immutable)", formatBytes(venueResident / seats));
}

void EngineBench::measureLedger()
{
    std::vector<LedgerRun> runs;
    for (int r = 0; r < m_options.runs; ++r) {
        note("in-memory: run %d/%d", r + 1, m_options.runs);
        runs.push_back(runLedgerPhase(m_venue, kSeed + std::uint64_t(r)));
        if (!runs.back().failure.empty())
            fail(runs.back().failure);
        // Each run's own figures: whether a slow invocation is slow throughout or in one run.
        const LedgerRun& done = runs.back();
        const auto perSecond = [](const Throughput& t) { return t.cpuNsPerCommand() > 0 ? 1e3 / t.cpuNsPerCommand() : 0.0; };
        note("in-memory: run %d/%d: holds %.2fM/s, confirms %.2fM/s, releases %.2fM/s, confirm floor %.1fM/s (CPU time)",
             r + 1, m_options.runs, perSecond(done.hold), perSecond(done.confirm), perSecond(done.release),
             perSecond(done.confirmFloor));
    }
    // Fresh memory is the journal's, the idempotency index's and the order tables' growth; what it
    // costs depends on the machine (see the cpu check line), so it is shown apart.
    // Counted by the kernel for pages the journal maps ahead in one call too (Ledger.cpp,
    // populateAhead), which cost a fraction of a first touch: the time is an upper bound.
    const char* const kFaults = "  page faults /1K cmds (time if each a first touch)";
    struct Kind {
        const char* rate;
        const char* latency;
        const char* faults;
        Throughput LedgerRun::*field;
        bool targeted;
    };
    const Kind kinds[] = {
        { "holds/s (HoldSeats, 1 seat, each seat once)", "  hold latency p50 / p99", kFaults, &LedgerRun::hold, true },
        { "confirms/s (Confirm of those holds)", "  confirm latency p50 / p99", kFaults, &LedgerRun::confirm, true },
        { "releases/s (Release of fresh holds)", "  release latency p50 / p99", kFaults, &LedgerRun::release, true },
        { "holds/s, seats in venue order (cache-friendly)", "  in-order hold latency p50 / p99", kFaults,
          &LedgerRun::holdInOrder, false },
        { "best-available holds/s (2-4 seats)", "  best-available latency p50 / p99", kFaults, &LedgerRun::best,
          false },
    };
    for (const Kind& kind : kinds) {
        const auto field = kind.field;
        const double rate = medianOf<LedgerRun>(runs, [&](const LedgerRun& r) { return (r.*field).perSecond(); });
        const double ns = medianOf<LedgerRun>(runs, [&](const LedgerRun& r) { return (r.*field).nsPerCommand(); });
        const double p50 = medianOf<LedgerRun>(runs, [&](const LedgerRun& r) { return (r.*field).p50Ns; });
        const double p99 = medianOf<LedgerRun>(runs, [&](const LedgerRun& r) { return (r.*field).p99Ns; });
        const std::string value = formatRate(rate) + " (" + formatNs(ns) + "/cmd)";
        if (kind.targeted)
            m_table.addAtLeast("in-memory", kind.rate, rate, kMemoryCommandsTarget, value, "5M/s");
        else
            m_table.add("in-memory", kind.rate, value);
        m_table.add("in-memory", kind.latency, slash(formatNs(p50), formatNs(p99)));
        const double faults = medianOf<LedgerRun>(runs, [&](const LedgerRun& r) {
            return (r.*field).commands > 0 ? double((r.*field).pageFaults) / double((r.*field).commands) : 0;
        });
        m_table.add("in-memory", kind.faults,
                    formatCount(faults * 1000) + " (~" + formatNs(faults * m_firstTouchNs) + "/cmd)");
    }
    // Not the ledger: the least a one-seat confirm must do in memory on this machine (hold, seat and
    // key slots, order + ticket, journal record + CRC), so the confirm row can be judged against it.
    const auto floorOf = [&](Throughput LedgerRun::*field) {
        const double rate = medianOf<LedgerRun>(runs, [&](const LedgerRun& r) { return (r.*field).perSecond(); });
        const double ns = medianOf<LedgerRun>(runs, [&](const LedgerRun& r) { return (r.*field).nsPerCommand(); });
        return std::make_pair(rate, formatRate(rate) + " (" + formatNs(ns) + "/cmd)");
    };
    const auto [floorRate, floorText] = floorOf(&LedgerRun::confirmFloor);
    const auto [memoryRate, memoryText] = floorOf(&LedgerRun::confirmFloorMemory);
    const double confirmRate = medianOf<LedgerRun>(runs, [](const LedgerRun& r) { return r.confirm.perSecond(); });
    m_table.add("confirm floor", "FLOOR, not the ledger: confirms/s, least work + code", floorText);
    m_table.add("confirm floor", "  memory work alone (no code, no fingerprint)", memoryText);
    m_table.add("confirm floor", "  ledger confirm time / floor time",
                confirmRate > 0 ? formatCount(floorRate / confirmRate) + "x" : "-");
    // One line to compare invocations by (and with the 5M/s target), with the CPU time beside the
    // wall time: on a busy machine the wall time says little.
    const auto cpuNs = [&](Throughput LedgerRun::*field) {
        return formatNs(medianOf<LedgerRun>(runs, [&](const LedgerRun& r) { return (r.*field).cpuNsPerCommand(); }));
    };
    const auto rate = [&](Throughput LedgerRun::*field) {
        return formatRate(medianOf<LedgerRun>(runs, [&](const LedgerRun& r) { return (r.*field).perSecond(); }));
    };
    m_inMemorySummary = "in memory, median of " + std::to_string(runs.size()) + " run(s) (CPU time per command): holds "
        + rate(&LedgerRun::hold) + " (" + cpuNs(&LedgerRun::hold) + "), confirms " + rate(&LedgerRun::confirm) + " ("
        + cpuNs(&LedgerRun::confirm) + "), releases " + rate(&LedgerRun::release) + " (" + cpuNs(&LedgerRun::release)
        + "); confirm floor " + rate(&LedgerRun::confirmFloor) + " (" + cpuNs(&LedgerRun::confirmFloor) + ")";
}

void EngineBench::measureDurable(bool synchronousFull)
{
    const char* mode = synchronousFull ? "fsync" : "no fsync";
    const std::string phase = synchronousFull ? "durable, fsync/commit" : "durable, sync=NORMAL";
    if (synchronousFull) {
        // The floor under every durable figure: one fsync of the disk the data directory is on.
        const std::vector<double> fsyncs = fsyncLatencies(baseDirectory(m_options.directory), 50);
        m_table.add(phase, "fsync of 4 KiB on the data disk, p50 / p99",
                    fsyncs.empty() ? "n/a"
                                   : slash(formatNs(percentile(fsyncs, 0.5)), formatNs(percentile(fsyncs, 0.99))));
    }
    std::vector<DurableRun> runs;
    for (int r = 0; r < m_options.runs; ++r) {
        note("durable (%s): run %d/%d", mode, r + 1, m_options.runs);
        runs.push_back(
            runDurablePhase(m_venue, synchronousFull, baseDirectory(m_options.directory), kSeed + std::uint64_t(r)));
        if (!runs.back().failure.empty())
            fail(runs.back().failure);
    }
    const double holds = medianOf<DurableRun>(runs, [](const DurableRun& r) { return r.hold.perSecond(); });
    const double confirms = medianOf<DurableRun>(runs, [](const DurableRun& r) { return r.confirm.perSecond(); });
    const std::string holdsMetric = "holds/s (1 seat; " + std::to_string(kDurableSubmitters) + " submitters x "
        + std::to_string(kDurableOutstandingPerSubmitter) + " requests x " + std::to_string(kDurableRequestCommands)
        + ")";
    if (synchronousFull)
        m_table.addAtLeast(phase, holdsMetric, holds, kDurableHoldsTarget, formatRate(holds), "500K/s");
    else
        m_table.add(phase, holdsMetric, formatRate(holds), "- (not power-loss safe)");
    m_table.add(phase, "  hold request latency p50 / p99 (256 cmds)",
                slash(formatNs(medianOf<DurableRun>(runs, [](const DurableRun& r) { return r.hold.p50Ns; })),
                      formatNs(medianOf<DurableRun>(runs, [](const DurableRun& r) { return r.hold.p99Ns; }))));
    std::vector<CommitterStats> holdCommits;
    std::vector<CommitterStats> confirmCommits;
    std::uint64_t retries = 0;
    for (const DurableRun& r : runs) {
        holdCommits.push_back(r.holdCommits);
        confirmCommits.push_back(r.confirmCommits);
        retries += r.queueFullRetries;
    }
    m_table.add(phase, "  group commit, holds", commitSummary(holdCommits));
    m_table.add(phase, "confirms/s (Confirm: order + ticket rows)", formatRate(confirms));
    m_table.add(phase, "  confirm request latency p50 / p99 (256 cmds)",
                slash(formatNs(medianOf<DurableRun>(runs, [](const DurableRun& r) { return r.confirm.p50Ns; })),
                      formatNs(medianOf<DurableRun>(runs, [](const DurableRun& r) { return r.confirm.p99Ns; }))));
    m_table.add(phase, "  group commit, confirms", commitSummary(confirmCommits));
    if (retries != 0)
        m_table.add(phase, "  QueueFull answers (retried)", formatCount(double(retries)));
}

void EngineBench::measureContention()
{
    std::vector<ContentionRun> runs;
    for (int r = 0; r < m_options.runs; ++r) {
        note("contention: run %d/%d (%.1f s)", r + 1, m_options.runs, m_options.contentionSeconds);
        runs.push_back(runContentionPhase(m_venue, m_options.contentionSeconds, baseDirectory(m_options.directory),
                                          kSeed + std::uint64_t(r)));
        if (!runs.back().failure.empty())
            fail(runs.back().failure);
        m_oversells += runs.back().oversells;
    }
    m_contentionRan = true;
    const auto med
        = [&](const std::function<double(const ContentionRun&)>& get) { return medianOf<ContentionRun>(runs, get); };
    const std::string phase = "contention, fsync";
    m_table.add(phase, "commands/s (1,000 buyers, 100 hot seats)",
                formatRate(med([](const ContentionRun& r) { return r.all.perSecond(); })));
    m_table.add(phase, "  request latency p50 / p99",
                slash(formatNs(med([](const ContentionRun& r) { return r.all.p50Ns; })),
                      formatNs(med([](const ContentionRun& r) { return r.all.p99Ns; }))));
    m_table.add(phase, "  holds ok / conflicts (per run)",
                slash(formatCount(med([](const ContentionRun& r) { return double(r.holdsOk); })),
                      formatCount(med([](const ContentionRun& r) { return double(r.conflicts); }))));
    m_table.add(phase, "  confirms / releases (per run)",
                slash(formatCount(med([](const ContentionRun& r) { return double(r.confirms); })),
                      formatCount(med([](const ContentionRun& r) { return double(r.releases); }))));
    m_table.add(phase, "  seats sold / hot sets sold out (per run)",
                slash(formatCount(med([](const ContentionRun& r) { return double(r.seatsSold); })),
                      formatCount(med([](const ContentionRun& r) { return double(r.windows); }))));
    m_table.add(phase, "oversells (all runs)", std::to_string(m_oversells), "0",
                m_oversells == 0 ? Verdict::Pass : Verdict::Fail);
}

void EngineBench::measureReplay()
{
    const std::string base = baseDirectory(m_options.directory);
    QTemporaryDir directory(QString::fromStdString(base + "/usher-bench-journal-XXXXXX"));
    if (!directory.isValid()) {
        fail("cannot create a directory in " + base);
        return;
    }
    note("replay: writing a journal of at least %llu events",
         static_cast<unsigned long long>(m_options.journalEventsMin));
    ReplayJournal journal;
    std::string error;
    if (!buildReplayJournal(m_venue, m_options.journalEventsMin, directory.path().toStdString(), kSeed, &journal,
                            &error)) {
        fail("building the journal: " + error);
        return;
    }
    std::vector<ReplayRun> runs;
    for (int r = 0; r < m_options.runs; ++r) {
        note("replay: run %d/%d", r + 1, m_options.runs);
        runs.push_back(runReplayPhase(journal));
        if (!runs.back().failure.empty())
            fail(runs.back().failure);
    }
    note("replay: cold start after a clean shutdown");
    const SnapshotStartRun snapshotStart = runSnapshotStart(journal);
    if (!snapshotStart.failure.empty())
        fail(snapshotStart.failure);

    const auto med = [&](const std::function<double(const ReplayRun&)>& get) { return medianOf<ReplayRun>(runs, get); };
    const double events = double(journal.events);
    const double coldStart = med([](const ReplayRun& r) { return r.coldStartSeconds; });
    const double inMemory = med([](const ReplayRun& r) { return r.memoryReplaySeconds; });
    m_table.add("replay", "journal (events counted while writing)",
                formatCount(events) + " events, " + formatCount(double(journal.records)) + " records, "
                    + formatBytes(double(journal.bytes)));
    m_table.add("replay", "cold start, Engine::open (no snapshot)",
                formatSeconds(coldStart) + " (wall "
                    + formatSeconds(med([](const ReplayRun& r) { return r.coldStartWallSeconds; })) + ")");
    m_table.addAtLeast("replay", "  events/s in cold start (SQLite read + apply)", events / coldStart,
                       kReplayEventsTarget, formatRate(events / coldStart), "2M/s");
    m_table.add("replay", "  of which: spec+venue load / journal read",
                slash(formatSeconds(med([](const ReplayRun& r) { return r.specLoadSeconds; })),
                      formatSeconds(med([](const ReplayRun& r) { return r.storageReadSeconds; }))));
    m_table.addAtLeast("replay", "events/s, Ledger::replay in memory", events / inMemory, kReplayEventsTarget,
                       formatRate(events / inMemory) + " (" + formatSeconds(inMemory) + ")", "2M/s");
    m_table.add("replay", "cold start after clean shutdown (snapshot)",
                formatSeconds(snapshotStart.coldStartSeconds) + ", scans "
                    + formatBytes(double(snapshotStart.bytesScanned)));
}

void EngineBench::printFacts(std::FILE* out) const
{
    utsname system {};
    uname(&system);
    const double ramBytes = double(sysconf(_SC_PHYS_PAGES)) * double(sysconf(_SC_PAGESIZE));
    const std::string base = baseDirectory(m_options.directory);
    std::fprintf(out,
                 "machine: nproc %u, %s, %s RAM, Linux %s; data in %s (%s); load average %.2f at start, %.2f at end\n",
                 cpuCount(), cpuModel().c_str(), formatBytes(ramBytes).c_str(), system.release, base.c_str(),
                 fileSystemType(base).c_str(), m_loadAtStart, loadAverage());
    std::fprintf(out,
                 "cpu check: a dependent multiply-add chain ran at %.2f GHz at start, %.2f GHz at end; a cache-missing "
                 "load took %s; first touch of a fresh 4 KiB page cost %s\n",
                 m_ghzAtStart, effectiveCpuGhz(), formatNs(m_memoryLatencyNs).c_str(),
                 formatNs(m_firstTouchNs).c_str());
#ifdef __OPTIMIZE__
    const char* optimized = "optimized";
#else
    const char* optimized = "NOT optimized: every figure above is meaningless, build with -DCMAKE_BUILD_TYPE=Release "
                            "or RelWithDebInfo";
#endif
    std::fprintf(out, "build: %s (%s), g++ %s, Qt %s, SQLite %s\n", USHER_BENCH_BUILD_TYPE, optimized, __VERSION__,
                 qVersion(), sqlite3_libversion());
    if (!m_inMemorySummary.empty())
        std::fprintf(out, "%s\n", m_inMemorySummary.c_str());
}

} // namespace usher::bench
