// usher-bench: benchmark programs that print tables. main() parses the arguments and dispatches to
// a subcommand; the measuring code lives in tests/bench. Exit status: 0 measured, 1 a correctness
// check failed (an oversell, a broken invariant), 2 a usage error.

#include "EngineBench.h"
#ifdef USHER_BENCH_SEATMAP
#include "SeatMapBench.h"
#endif
#include "HttpBench.h"
#include "WaitingRoomBench.h"
#ifdef USHER_BENCH_SEARCH
#include "SearchBench.h"
#endif
#ifdef USHER_BENCH_AUDIT
#include "AuditBench.h"
#endif
#ifdef USHER_BENCH_PG
#include "PgBench.h"
#endif
#ifdef USHER_BENCH_SYNC
#include "SyncBench.h"
#endif
#ifdef USHER_BENCH_SYNC_LATENCY
#include "SyncLatencyBench.h"
#endif

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;

using Arguments = std::vector<std::string_view>;

struct Subcommand {
    std::string_view name;
    std::string_view summary;
    int (*run)(const Arguments& arguments); // the arguments after the subcommand's name
};

int runEngine(const Arguments& arguments);
#ifdef USHER_BENCH_SEATMAP
int runSeatMap(const Arguments& arguments)
{
    return usher::bench::runSeatMapBench(std::vector<std::string>(arguments.begin(), arguments.end()), stdout, stderr);
}
#endif

// Later benchmarks (seatmap, http) add a line here.
constexpr Subcommand kSubcommands[] = {
    { "engine", "the reservation engine: commands/s, latency, contention, journal replay, memory", runEngine },
#ifdef USHER_BENCH_SEATMAP
    { "seatmap", "the seat-map widget: repaint, hit-test, 10,000 live changes, memory; vs QGraphicsView", runSeatMap },
#endif
    { "http", "usherd over loopback: holds/s, cached GETs/s, WebSocket fan-out", usher::bench::runHttpBenchCommand },
    { "waitroom", "the waiting room: 1M queued sessions (memory, joins/s, position query), drain precision",
      usher::bench::runWaitingRoomBenchCommand },
#ifdef USHER_BENCH_SEARCH
    { "search", "event search: 1M events, index build, query p50/p99 (text, facets), HTTP req/s",
      usher::bench::runSearchBenchCommand },
#endif
#ifdef USHER_BENCH_SYNC
    { "sync", "box office sync: a 100,000-sale offline backlog uploaded to usherd over loopback, ops/s",
      usher::bench::runSyncBenchCommand },
#endif
#ifdef USHER_BENCH_SYNC_LATENCY
    { "sync-latency", "box office live seats: a seat change on usherd until the box office's model has it, p99",
      usher::bench::runSyncLatencyBenchCommand },
#endif
#ifdef USHER_BENCH_AUDIT
    { "audit", "the audit log: 10M journal records, index catch-up, page and filter p50/p99, time travel",
      usher::bench::runAuditBenchCommand },
#endif
#ifdef USHER_BENCH_PG
    { "pg", "the durable engine on PostgreSQL: group-committed holds/s and confirms/s vs the SQL baselines",
      usher::bench::runPgBenchCommand },
#endif
};

void printUsage(std::FILE* out)
{
    std::fprintf(out,
                 "usage: usher-bench <benchmark> [options]\n"
                 "       usher-bench --help\n\n"
                 "benchmarks:\n");
    for (const Subcommand& subcommand : kSubcommands)
        std::fprintf(out, "  %-10.*s %.*s\n", int(subcommand.name.size()), subcommand.name.data(),
                     int(subcommand.summary.size()), subcommand.summary.data());
    std::fprintf(out,
                 "\n'usher-bench <benchmark> --help' lists a benchmark's options.\n"
                 "Exit status: 0 measured, 1 a correctness check failed, 2 usage error.\n");
}

int usageError(const std::string& message)
{
    std::fprintf(stderr, "usher-bench: %s\n\n", message.c_str());
    printUsage(stderr);
    return kExitUsage;
}

// ---- engine ----------------------------------------------------------------------------------------

void printEngineUsage(std::FILE* out)
{
    std::fprintf(out,
                 "usage: usher-bench engine [--seats N] [--runs R] [--seconds S] [--quick] [--phases LIST] "
                 "[--dir PATH]\n\n"
                 "  --seats N      seats of the event (default 100000; --quick: 10000)\n"
                 "  --runs R       repeat each measurement R times, report the median (default 3; --quick: 1)\n"
                 "  --seconds S    length of each contention run (default 2; --quick: 0.5)\n"
                 "  --quick        a smoke run of a few seconds: fewer seats, one run, a 100,000-event journal\n"
                 "  --phases LIST  a comma-separated subset of memory,in-memory,durable,contention,replay\n"
                 "  --dir PATH     where the temporary data directories go (default: the system temp\n"
                 "                 directory); it must be a real disk, fsync on tmpfs costs nothing\n");
}

template <typename Number>
std::optional<Number> parseNumber(std::string_view text, Number low, Number high)
{
    Number value {};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < low || value > high)
        return std::nullopt;
    return value;
}

std::vector<std::string> splitList(std::string_view text)
{
    std::vector<std::string> items;
    while (!text.empty()) {
        const std::size_t comma = text.find(',');
        items.emplace_back(text.substr(0, comma));
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    }
    return items;
}

struct EngineArguments {
    usher::bench::EngineBenchOptions options;
    std::optional<std::uint32_t> seats;
    std::optional<int> runs;
    std::optional<double> seconds;
    bool help = false;
};

// Parses one option at arguments[*i] (moving *i past its value). An empty string means it parsed.
std::string parseEngineOption(const Arguments& arguments, std::size_t* i, EngineArguments* parsed)
{
    std::string_view name = arguments[*i];
    std::optional<std::string_view> value;
    if (const std::size_t equals = name.find('='); name.starts_with("--") && equals != std::string_view::npos) {
        value = name.substr(equals + 1);
        name = name.substr(0, equals);
    }
    const auto takeValue = [&]() -> std::optional<std::string_view> {
        if (!value && *i + 1 < arguments.size())
            value = arguments[++*i];
        return value;
    };
    if (name == "-h" || name == "--help") {
        parsed->help = true;
    } else if (name == "--quick") {
        parsed->options.quick = true;
    } else if (name == "--seats") {
        parsed->seats = parseNumber<std::uint32_t>(takeValue().value_or(""), 100, 2'000'000);
        if (!parsed->seats)
            return "--seats takes a number of seats from 100 to 2000000";
    } else if (name == "--runs") {
        parsed->runs = parseNumber<int>(takeValue().value_or(""), 1, 100);
        if (!parsed->runs)
            return "--runs takes a number from 1 to 100";
    } else if (name == "--seconds") {
        parsed->seconds = parseNumber<double>(takeValue().value_or(""), 0.05, 3600);
        if (!parsed->seconds)
            return "--seconds takes a duration from 0.05 to 3600";
    } else if (name == "--phases") {
        parsed->options.phases = splitList(takeValue().value_or(""));
        for (const std::string& phase : parsed->options.phases) {
            if (std::find(usher::bench::kEngineBenchPhases.begin(), usher::bench::kEngineBenchPhases.end(), phase)
                == usher::bench::kEngineBenchPhases.end())
                return "--phases: unknown phase '" + phase + "'";
        }
        if (parsed->options.phases.empty())
            return "--phases takes a comma-separated list";
    } else if (name == "--dir") {
        parsed->options.directory = std::string(takeValue().value_or(""));
        if (parsed->options.directory.empty())
            return "--dir takes a directory";
    } else {
        return "engine: unknown option '" + std::string(arguments[*i]) + "'";
    }
    return {};
}

int runEngine(const Arguments& arguments)
{
    EngineArguments parsed;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        if (const std::string problem = parseEngineOption(arguments, &i, &parsed); !problem.empty()) {
            std::fprintf(stderr, "usher-bench: %s\n\n", problem.c_str());
            printEngineUsage(stderr);
            return kExitUsage;
        }
    }
    if (parsed.help) {
        printEngineUsage(stdout);
        return kExitOk;
    }
    usher::bench::EngineBenchOptions& options = parsed.options;
    if (options.quick) {
        options.seats = 10'000;
        options.runs = 1;
        options.contentionSeconds = 0.5;
        options.journalEventsMin = 100'000;
    }
    options.seats = parsed.seats.value_or(options.seats);
    options.runs = parsed.runs.value_or(options.runs);
    options.contentionSeconds = parsed.seconds.value_or(options.contentionSeconds);
    usher::bench::EngineBench bench(options);
    return bench.run(stdout, stderr);
}

} // namespace

int main(int argc, char** argv)
{
    const Arguments all(argv + 1, argv + argc);
    if (all.empty())
        return usageError("which benchmark?");
    if (all.front() == "-h" || all.front() == "--help") {
        printUsage(stdout);
        return kExitOk;
    }
    for (const Subcommand& subcommand : kSubcommands) {
        if (subcommand.name == all.front())
            return subcommand.run(Arguments(all.begin() + 1, all.end()));
    }
    return usageError("unknown benchmark '" + std::string(all.front()) + "'");
}
