#include "PgBench.h"
#include "PgHttpBench.h"

#include "BenchSystem.h"
#include "BenchTable.h"
#include "EngineBenchPhases.h"
#include "pgstore/PgStorage.h"
#include "runtime/Clock.h"
#include "runtime/Engine.h"
#include "support/PgCluster.h"
#include "venue/VenueGenerator.h"

#include <QTemporaryDir>

#include <algorithm>
#include <array>
#include <charconv>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <random>
#include <thread>

namespace usher::bench {

namespace {

constexpr double kSelectForUpdateTps = 3'400;  // ../shared/DESIGN.md, PostgreSQL 15, 16 clients
constexpr double kOptimisticUpdateTps = 10'000; // 8.8-11.4K TPS there
constexpr double kTarget = 10 * kOptimisticUpdateTps;
constexpr std::size_t kRequestCommands = 256;
constexpr std::size_t kSubmitters = 2;
constexpr std::size_t kOutstandingPerSubmitter = 64;

struct Options {
    std::uint32_t seats = 100'000;
    int runs = 3;
    bool quick = false;
    std::string store; // empty: a private cluster
    bool http = false; // --http: PgHttpBench instead
    PgHttpBenchOptions httpOptions;
};

struct Phase {
    double perSecond = 0;
    double p50Ns = 0;
    double p99Ns = 0;
    CommitterStats commits;
};

struct Run {
    Phase hold;
    Phase confirm;
    std::string failure;
};

Command command(CommandKind kind, SeatIndex seat, std::uint64_t seed, std::uint64_t serial)
{
    Command c;
    c.kind = kind;
    c.key = benchKey(seed, serial);
    c.actor = Actor { ActorKind::Buyer, std::uint64_t(seat) + 1 };
    c.channel = 1;
    return c;
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

// Submits the requests from kSubmitters threads, each with at most kOutstandingPerSubmitter in
// flight; QueueFull is retried with the same request rebuilt (same keys).
Phase drive(Engine& engine, EventShard& shard, std::size_t requestCount,
            const std::function<std::vector<Command>(std::size_t)>& build,
            const std::function<void(std::size_t, const std::vector<CommandResult>&)>& onResults, std::string* failure)
{
    struct Lane {
        std::mutex mutex;
        std::condition_variable changed;
        std::size_t outstanding = 0;
    };
    std::array<Lane, kSubmitters> lanes;
    std::vector<std::int64_t> submitted(requestCount, 0);
    std::vector<std::int64_t> completed(requestCount, 0);
    std::mutex failureMutex;
    std::uint64_t ok = 0;
    const CommitterStats before = engine.committerStats();
    const std::int64_t started = monotonicNs();
    auto lane = [&](std::size_t index) {
        Lane& l = lanes[index];
        for (std::size_t r = index; r < requestCount; r += kSubmitters) {
            {
                std::unique_lock lock(l.mutex);
                l.changed.wait(lock, [&] { return l.outstanding < kOutstandingPerSubmitter; });
                ++l.outstanding;
            }
            submitted[r] = monotonicNs();
            for (;;) {
                const Status status = shard.submit(build(r), [&, r](std::vector<CommandResult>&& results) {
                    completed[r] = monotonicNs();
                    {
                        std::lock_guard lock(failureMutex);
                        for (const CommandResult& result : results) {
                            ok += result.ok() ? 1 : 0;
                            if (!result.ok() && failure->empty())
                                *failure = std::string("a command was refused: ") + statusName(result.status);
                        }
                    }
                    onResults(r, results);
                    std::lock_guard lock(l.mutex);
                    --l.outstanding;
                    l.changed.notify_all();
                });
                if (status == Status::Ok)
                    break;
                if (status == Status::QueueFull) {
                    std::this_thread::yield();
                    continue;
                }
                std::lock_guard lock(failureMutex);
                *failure = std::string("submit failed: ") + statusName(status);
                completed[r] = submitted[r];
                std::lock_guard laneLock(l.mutex);
                --l.outstanding;
                break;
            }
        }
        std::unique_lock lock(l.mutex);
        l.changed.wait(lock, [&] { return l.outstanding == 0; });
    };
    std::vector<std::thread> threads;
    for (std::size_t t = 1; t < kSubmitters; ++t)
        threads.emplace_back(lane, t);
    lane(0);
    for (std::thread& thread : threads)
        thread.join();
    std::int64_t finished = started;
    std::vector<double> latencies;
    for (std::size_t r = 0; r < requestCount; ++r) {
        finished = std::max(finished, completed[r]);
        latencies.push_back(double(completed[r] - submitted[r]));
    }
    Phase phase;
    const double seconds = double(finished - started) / 1e9;
    phase.perSecond = seconds > 0 ? double(ok) / seconds : 0;
    phase.p50Ns = percentile(latencies, 0.5);
    phase.p99Ns = percentile(latencies, 0.99);
    phase.commits = delta(before, engine.committerStats());
    return phase;
}

Run runOnce(const VenuePtr& venue, const std::string& conninfo, std::uint64_t seed)
{
    Run run;
    QTemporaryDir directory;
    EngineOptions options;
    options.dataDirectory = directory.path().toStdString();
    options.storageFactory = [conninfo](std::string* why) -> std::unique_ptr<Storage> {
        PgStorageOptions pg;
        pg.conninfo = conninfo;
        pg.applicationName = "usher-bench";
        return PgStorage::open(pg, why);
    };
    std::string error;
    auto engine = Engine::open(options, &error);
    if (engine == nullptr) {
        run.failure = "Engine::open: " + error;
        return run;
    }
    const EventId event = EventId(1000 + seed);
    if (engine->createEvent(makeBenchEvent(event, venue, systemClockNow() - 60'000), &error) != Status::Ok) {
        run.failure = "createEvent: " + error;
        return run;
    }
    EventShard& shard = *engine->event(event);
    const std::uint32_t seats = venue->seatCount();
    std::vector<SeatIndex> order(seats);
    for (std::uint32_t i = 0; i < seats; ++i)
        order[i] = i;
    std::mt19937_64 random(seed);
    std::shuffle(order.begin(), order.end(), random);
    const std::size_t requestCount = (seats + kRequestCommands - 1) / kRequestCommands;
    std::vector<HoldId> holds(seats, 0);
    run.hold = drive(
        *engine, shard, requestCount,
        [&](std::size_t r) {
            std::vector<Command> commands;
            for (std::size_t i = r * kRequestCommands; i < std::min<std::size_t>(seats, (r + 1) * kRequestCommands); ++i) {
                Command c = command(CommandKind::HoldSeats, order[i], seed, i);
                c.seats.push_back(venue->seats[order[i]].id);
                commands.push_back(std::move(c));
            }
            return commands;
        },
        [&](std::size_t r, const std::vector<CommandResult>& results) {
            for (std::size_t j = 0; j < results.size(); ++j)
                holds[r * kRequestCommands + j] = results[j].hold;
        },
        &run.failure);
    run.confirm = drive(
        *engine, shard, requestCount,
        [&](std::size_t r) {
            std::vector<Command> commands;
            for (std::size_t i = r * kRequestCommands; i < std::min<std::size_t>(seats, (r + 1) * kRequestCommands); ++i) {
                Command c = command(CommandKind::Confirm, order[i], seed, (1ull << 40) + i);
                c.hold = holds[i];
                c.text = "psp-" + std::to_string(i);
                commands.push_back(std::move(c));
            }
            return commands;
        },
        [](std::size_t, const std::vector<CommandResult>&) {}, &run.failure);
    shard.read([&](const Ledger& ledger) {
        const LedgerCounts c = ledger.counts();
        if ((c.sold != seats || c.tickets != seats || c.held != 0) && run.failure.empty())
            run.failure = "expected every seat sold once; sold " + std::to_string(c.sold);
    });
    // And PostgreSQL has every order (read back through the storage).
    engine->withStorage([&](Storage& storage) {
        StoredOrder stored;
        std::string why;
        for (SeatIndex s : { order.front(), order.back() }) {
            if (storage.findOrderBySeat(event, venue->seats[s].id, &stored, &why) != Status::Ok && run.failure.empty())
                run.failure = "an order is missing in PostgreSQL: " + why;
        }
    });
    engine->close();
    return run;
}

std::string perRecordText(const CommitterStats& c)
{
    if (c.transactions == 0)
        return "-";
    return formatCount(double(c.transactions)) + " txn, " + formatCount(double(c.records) / double(c.transactions))
        + " records/txn, commit mean " + formatNs(double(c.commitNsTotal) / double(c.transactions));
}

bool parse(const std::vector<std::string_view>& arguments, Options* options, std::string* problem)
{
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string_view name = arguments[i];
        auto value = [&]() -> std::string_view { return i + 1 < arguments.size() ? arguments[++i] : std::string_view(); };
        auto number = [&](auto* target) {
            const std::string_view text = value();
            const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *target);
            if (ec != std::errc() || end != text.data() + text.size() || text.empty()) {
                *problem = std::string(name) + " takes a number";
                return false;
            }
            return true;
        };
        if (name == "--quick") {
            options->quick = true;
            options->seats = 10'000;
            options->runs = 1;
            options->httpOptions.runs = 1;
            options->httpOptions.seconds = 2;
        } else if (name == "--seats") {
            if (!number(&options->seats) || options->seats == 0)
                return false;
        } else if (name == "--runs") {
            if (!number(&options->runs) || options->runs < 1)
                return false;
            options->httpOptions.runs = options->runs;
        } else if (name == "--http") {
            options->http = true;
        } else if (name == "--failover-only") {
            options->http = true;
            options->httpOptions.failoverOnly = true;
        } else if (name == "--seconds") {
            if (!number(&options->httpOptions.seconds) || options->httpOptions.seconds <= 0)
                return false;
        } else if (name == "--connections") {
            if (!number(&options->httpOptions.connections) || options->httpOptions.connections == 0)
                return false;
        } else if (name == "--store") {
            options->store = std::string(value());
            if (options->store.empty()) {
                *problem = "--store takes a libpq connection string";
                return false;
            }
        } else {
            *problem = "pg: unknown option '" + std::string(name) + "'";
            return false;
        }
    }
    return true;
}

} // namespace

int runPgBenchCommand(const std::vector<std::string_view>& arguments)
{
    Options options;
    std::string problem;
    if (!parse(arguments, &options, &problem)) {
        std::fprintf(stderr,
                     "usher-bench: %s\n\nusage: usher-bench pg [--seats N] [--runs R] [--quick] [--store CONNINFO]\n"
                     "       usher-bench pg --http [--seconds S] [--connections C] [--runs R] [--quick]\n"
                     "       usher-bench pg --failover-only [--runs R] [--quick]\n"
                     "  --store   an existing PostgreSQL (an empty database); default: a private cluster, fsync on\n"
                     "  --http    HTTP hold requests/s: three usherd nodes behind nginx vs one node\n"
                     "            (nginx config: packaging/nginx/usherd-cluster.conf, or $USHER_NGINX_CONF),\n"
                     "            then the failover time: SIGKILL an event's owner (3 nodes), time to the first hold\n"
                     "  --failover-only  just the failover phase of --http (no nginx needed)\n",
                     problem.c_str());
        return 2;
    }
    if (options.http) {
        const char* conf = std::getenv("USHER_NGINX_CONF"); // another config to compare with
        options.httpOptions.nginxConfig = conf != nullptr && *conf != '\0' ? conf : USHER_NGINX_CONF;
        return runPgHttpBench(options.httpOptions);
    }
    std::unique_ptr<test::PgCluster> cluster;
    if (options.store.empty()) {
        if (test::PgCluster::skipRequested()) {
            std::fprintf(stdout, "usher-bench pg: skipped (USHER_SKIP_PG=1)\n");
            return 0;
        }
        cluster = std::make_unique<test::PgCluster>();
        std::string error;
        if (!cluster->start(&error, true)) {
            std::fprintf(stderr, "usher-bench: FAILED: cannot start a private PostgreSQL: %s\n", error.c_str());
            return 1;
        }
    }
    std::fprintf(stderr, "usher-bench: generating a venue of %u seats\n", options.seats);
    const VenuePtr venue = generateVenueWithSeats(options.seats);
    std::vector<Run> runs;
    for (int r = 0; r < options.runs; ++r) {
        std::string conninfo = options.store;
        if (cluster != nullptr) {
            const std::string database = "bench_" + std::to_string(r);
            std::string error;
            if (!cluster->createDatabase(database, &error)) {
                std::fprintf(stderr, "usher-bench: FAILED: %s\n", error.c_str());
                return 1;
            }
            conninfo = cluster->conninfo(database);
        }
        std::fprintf(stderr, "usher-bench: run %d of %d\n", r + 1, options.runs);
        runs.push_back(runOnce(venue, conninfo, std::uint64_t(r + 1)));
        if (!runs.back().failure.empty()) {
            std::fprintf(stderr, "usher-bench: FAILED: %s\n", runs.back().failure.c_str());
            return 1;
        }
    }
    auto med = [&](const std::function<double(const Run&)>& get) {
        std::vector<double> values;
        for (const Run& run : runs)
            values.push_back(get(run));
        return median(values);
    };
    const std::size_t middle = runs.size() / 2;
    BenchTable table;
    const std::string targetText = formatRate(kTarget) + " (10x optimistic UPDATE)";
    table.addAtLeast("pg durable", "holds/s", med([](const Run& r) { return r.hold.perSecond; }), kTarget,
                     formatRate(med([](const Run& r) { return r.hold.perSecond; })), targetText);
    table.add("pg durable", "hold request p50/p99 (256 cmds)",
              formatNs(med([](const Run& r) { return r.hold.p50Ns; })) + " / "
                  + formatNs(med([](const Run& r) { return r.hold.p99Ns; })));
    table.add("pg durable", "hold commits", perRecordText(runs[middle].hold.commits));
    table.addAtLeast("pg durable", "confirms/s", med([](const Run& r) { return r.confirm.perSecond; }), kTarget,
                     formatRate(med([](const Run& r) { return r.confirm.perSecond; })), targetText);
    table.add("pg durable", "confirm request p50/p99 (256 cmds)",
              formatNs(med([](const Run& r) { return r.confirm.p50Ns; })) + " / "
                  + formatNs(med([](const Run& r) { return r.confirm.p99Ns; })));
    table.add("pg durable", "confirm commits", perRecordText(runs[middle].confirm.commits));
    table.add("baseline", "SELECT ... FOR UPDATE (DESIGN.md)", formatRate(kSelectForUpdateTps));
    table.add("baseline", "optimistic UPDATE (DESIGN.md)", formatRate(kOptimisticUpdateTps) + " (8.8-11.4K)");
    table.add("pg durable", "holds/s vs optimistic UPDATE",
              formatCount(med([](const Run& r) { return r.hold.perSecond; }) / kOptimisticUpdateTps) + "x");
    table.add("pg durable", "confirms/s vs optimistic UPDATE",
              formatCount(med([](const Run& r) { return r.confirm.perSecond; }) / kOptimisticUpdateTps) + "x");
    std::fprintf(stdout, "usher-bench pg%s: %u seats, median of %d run%s, PostgreSQL %s\n\n",
                 options.quick ? " --quick" : "", options.seats, options.runs, options.runs == 1 ? "" : "s",
                 cluster != nullptr ? "private cluster on loopback (fsync on, synchronous_commit on)" : "given by --store");
    table.print(stdout);
    std::fprintf(stdout, "\nmachine: %s, %u CPUs, load average %.2f (a loaded machine gives lower figures)\n",
                 cpuModel().c_str(), cpuCount(), loadAverage());
    return table.failed() ? 1 : 0;
}

} // namespace usher::bench
