#include "HttpBench.h"

#include "CeilingServer.h"
#include "LoadClient.h"

#include <algorithm>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <spawn.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace usher::bench {

namespace {

constexpr std::uint64_t kTheatre = 1;

struct Options {
    double seconds = 3;
    int runs = 3;
    std::vector<std::size_t> clients = { 64, 1000 };
    std::vector<std::size_t> subscribers = { 1000, 10000 };
    std::size_t changes = 30;
    int changeIntervalMs = 100;
    bool fsync = true;
    FanoutClock fanoutClock;
    bool holds = true; // --parts
    bool gets = true;
    bool fanout = true;
    std::string usherd = USHERD_PATH;
    std::string dir = "/tmp";
    bool ceiling = false; // --ceiling: a trivial Beast handler instead of usherd (CeilingServer.h)
    std::optional<Endpoint> target; // --target: a usherd started elsewhere (another machine), not spawned
};

void printUsage(std::FILE* out)
{
    std::fprintf(out,
                 "usage: usher-bench http [--seconds S] [--runs R] [--clients LIST] [--subscribers LIST] [--quick]\n"
                 "                        [--no-fsync] [--usherd PATH] [--dir PATH] [--parts LIST]\n"
                 "                        [--fanout-clock kernel|user] [--fanout-poll-us N] [--ceiling]\n"
                 "                        [--target A.B.C.D:PORT]\n\n"
                 "  --seconds S        length of each load run (default 3)\n"
                 "  --runs R           repeat each load run R times, report the median (default 3)\n"
                 "  --clients LIST     keep-alive hold clients, comma-separated (default 64,1000)\n"
                 "  --subscribers LIST WebSocket subscribers, comma-separated (default 1000,10000)\n"
                 "  --quick            a smoke run: 1 s, one run, 64 clients, 100 subscribers\n"
                 "  --no-fsync         usherd without fsync per commit (default: durable, fsync)\n"
                 "  --usherd PATH      the usherd binary (default: the one built with this benchmark)\n"
                 "  --dir PATH         where usherd's temporary data directory goes (default /tmp)\n"
                 "  --parts LIST       what to measure, comma-separated: holds,get,fanout (default all)\n"
                 "  --fanout-clock C   a delta's arrival time: user (when this client parsed it, reading at once;\n"
                 "                     default) or kernel (the socket's receive timestamp, sockets read every N us)\n"
                 "  --fanout-poll-us N kernel clock: the subscribers are read every N us (default 1000)\n"
                 "  --ceiling          the same holds and GETs against a trivial Boost.Beast keep-alive handler\n"
                 "                     (prebuilt answers, two network threads like usherd) instead of usherd: what\n"
                 "                     loopback HTTP allows on this machine (no fan-out)\n"
                 "  --target A.B.C.D:PORT  measure a usherd already running there (e.g. on another machine, so the\n"
                 "                     client does not share its cores) instead of starting one; start it with\n"
                 "                     `usherd --data DIR --listen 0.0.0.0:PORT --demo --demo-large 100000\n"
                 "                     --rate-limit 0` on a fresh DIR for every run (the holds fill event 100).\n"
                 "                     Its CPU time is not known here: the CPU column shows -\n");
}

std::vector<std::size_t> parseList(std::string_view text)
{
    std::vector<std::size_t> values;
    while (!text.empty()) {
        const std::size_t comma = text.find(',');
        std::size_t value = 0;
        const std::string_view item = text.substr(0, comma);
        if (std::from_chars(item.data(), item.data() + item.size(), value).ec != std::errc() || value == 0)
            return {};
        values.push_back(value);
        text = comma == std::string_view::npos ? std::string_view {} : text.substr(comma + 1);
    }
    return values;
}

std::optional<Options> parse(const std::vector<std::string_view>& args, bool* help)
{
    Options o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view a = args[i];
        const bool hasValue = i + 1 < args.size();
        if (a == "--help" || a == "-h") {
            *help = true;
        } else if (a == "--quick") {
            o.seconds = 1;
            o.runs = 1;
            o.clients = { 64 };
            o.subscribers = { 100 };
            o.changes = 10;
        } else if (a == "--ceiling") {
            o.ceiling = true;
        } else if (a == "--target" && hasValue) {
            Endpoint endpoint(0);
            if (!parseEndpoint(std::string(args[++i]), &endpoint))
                return std::nullopt;
            o.target = endpoint;
        } else if (a == "--no-fsync") {
            o.fsync = false;
        } else if (a == "--seconds" && hasValue) {
            o.seconds = std::atof(std::string(args[++i]).c_str());
            if (o.seconds <= 0 || o.seconds > 600)
                return std::nullopt;
        } else if (a == "--runs" && hasValue) {
            o.runs = std::atoi(std::string(args[++i]).c_str());
            if (o.runs < 1 || o.runs > 50)
                return std::nullopt;
        } else if (a == "--clients" && hasValue) {
            o.clients = parseList(args[++i]);
            if (o.clients.empty())
                return std::nullopt;
        } else if (a == "--subscribers" && hasValue) {
            o.subscribers = parseList(args[++i]);
            if (o.subscribers.empty())
                return std::nullopt;
        } else if (a == "--usherd" && hasValue) {
            o.usherd = args[++i];
        } else if (a == "--dir" && hasValue) {
            o.dir = args[++i];
        } else if (a == "--parts" && hasValue) {
            const std::string parts = "," + std::string(args[++i]) + ",";
            o.holds = parts.find(",holds,") != std::string::npos;
            o.gets = parts.find(",get,") != std::string::npos;
            o.fanout = parts.find(",fanout,") != std::string::npos;
            if (!o.holds && !o.gets && !o.fanout)
                return std::nullopt;
        } else if (a == "--fanout-clock" && hasValue) {
            const std::string_view clock = args[++i];
            if (clock != "kernel" && clock != "user")
                return std::nullopt;
            o.fanoutClock.kernelTimestamps = clock == "kernel";
        } else if (a == "--fanout-poll-us" && hasValue) {
            o.fanoutClock.pollIntervalUs = std::atoi(std::string(args[++i]).c_str());
            if (o.fanoutClock.pollIntervalUs < 1 || o.fanoutClock.pollIntervalUs > 100'000)
                return std::nullopt;
        } else {
            return std::nullopt;
        }
    }
    return o;
}

class Server {
public:
    // The trivial handler of --ceiling, in a child process like usherd (same CPU accounting).
    bool startCeiling()
    {
        std::uint16_t port = 0;
        const bool started = startCeilingServer(2, &m_pid, &port);
        m_endpoint = Endpoint(port);
        return started;
    }
    // A usherd started by someone else (--target): nothing to spawn, its CPU time unknown.
    bool attach(Endpoint endpoint)
    {
        m_endpoint = endpoint;
        return ready(nowNs() + 10'000'000'000);
    }
    bool start(const Options& options)
    {
        std::string pattern = options.dir + "/usher-bench-http-XXXXXX";
        if (!mkdtemp(pattern.data()))
            return false;
        m_dir = pattern;
        const std::string portFile = m_dir + "/port";
        std::vector<std::string> args
            = { options.usherd, "--data",       m_dir,    "--listen",     "127.0.0.1:0", "--port-file", portFile,
                "--demo",       "--demo-large", "100000", "--rate-limit", "0",           "--log-level", "warn" };
        if (!options.fsync)
            args.push_back("--no-fsync");
        std::vector<char*> argv;
        for (std::string& arg : args)
            argv.push_back(arg.data());
        argv.push_back(nullptr);
        if (posix_spawn(&m_pid, options.usherd.c_str(), nullptr, nullptr, argv.data(), environ) != 0)
            return false;
        const std::int64_t deadline = nowNs() + 180'000'000'000;
        while (nowNs() < deadline && m_endpoint.port == 0) {
            std::ifstream file(portFile);
            unsigned port = 0;
            if (file >> port)
                m_endpoint = Endpoint(std::uint16_t(port));
            else
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return m_endpoint.port != 0 && ready(deadline);
    }
    ~Server()
    {
        if (m_pid > 0) {
            kill(m_pid, SIGTERM);
            int status = 0;
            waitpid(m_pid, &status, 0);
        }
        if (!m_dir.empty())
            std::system(("rm -rf '" + m_dir + "'").c_str());
    }
    Endpoint endpoint() const { return m_endpoint; }
    bool cpuKnown() const { return m_pid > 0; }
    // usherd's CPU time so far (user + system), from /proc/<pid>/stat; 0 when unknown.
    double cpuSeconds() const
    {
        double user = 0;
        double system = 0;
        cpuSplit(&user, &system);
        return user + system;
    }
    // The same, user and system time apart; false (both 0) when unknown.
    bool cpuSplit(double* userSeconds, double* systemSeconds) const
    {
        *userSeconds = 0;
        *systemSeconds = 0;
        if (m_pid <= 0)
            return false;
        char path[64];
        std::snprintf(path, sizeof path, "/proc/%d/stat", int(m_pid));
        std::FILE* file = std::fopen(path, "r");
        if (!file)
            return false;
        char stat[4096] = {};
        const std::size_t size = std::fread(stat, 1, sizeof stat - 1, file);
        std::fclose(file);
        const char* close = std::strrchr(stat, ')'); // the command name may hold spaces
        if (size == 0 || !close)
            return false;
        unsigned long long user = 0;
        unsigned long long system = 0;
        // After ")": state (field 3) ... utime (14), stime (15).
        if (std::sscanf(close + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &user, &system) != 2)
            return false;
        *userSeconds = double(user) / double(sysconf(_SC_CLK_TCK));
        *systemSeconds = double(system) / double(sysconf(_SC_CLK_TCK));
        return true;
    }

private:
    bool ready(std::int64_t deadline) const
    {
        while (nowNs() < deadline) {
            BlockingConnection c(m_endpoint);
            if (c.request(httpRequest("GET", "/readyz", "", "")).status == 200)
                return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return false;
    }

    pid_t m_pid = 0;
    Endpoint m_endpoint { std::uint16_t(0) };
    std::string m_dir;
};

std::string field(const std::string& body, const std::string& name)
{
    const std::string key = "\"" + name + "\":\"";
    const std::size_t at = body.find(key);
    if (at == std::string::npos)
        return {};
    const std::size_t end = body.find('"', at + key.size());
    return body.substr(at + key.size(), end - at - key.size());
}

struct Row {
    double perSecond = 0;
    Percentiles latency;
    double okShare = 0;
    double cpuUsPerRequest = 0; // usherd's CPU time (user + system) per request
};

Row medianRow(std::vector<Row> rows)
{
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.perSecond < b.perSecond; });
    return rows[rows.size() / 2];
}

Row measure(const Server& server, std::size_t clients, double seconds, int okStatus,
            const std::function<std::string(std::size_t, std::uint64_t)>& make)
{
    const double cpuBefore = server.cpuSeconds();
    const LoadResult r = runClosedLoop(server.endpoint(), clients, seconds, make);
    Row row;
    row.cpuUsPerRequest
        = r.requests && server.cpuKnown() ? (server.cpuSeconds() - cpuBefore) * 1e6 / double(r.requests) : -1;
    row.perSecond = r.seconds > 0 ? double(r.requests) / r.seconds : 0;
    row.latency = percentiles(r.latenciesNs);
    auto it = r.statuses.find(okStatus);
    row.okShare = r.requests ? double(it == r.statuses.end() ? 0 : it->second) / double(r.requests) : 0;
    std::uint64_t bad = 0;
    for (const auto& [status, count] : r.statuses)
        if (status != 201 && status != 409 && status != 200 && status != 304)
            bad += count;
    if (bad || r.failedConnections)
        std::fprintf(stderr, "usher-bench: %llu unexpected answers, %llu failed connections\n",
                     static_cast<unsigned long long>(bad), static_cast<unsigned long long>(r.failedConnections));
    return row;
}

void printRow(const char* what, const Row& row, const char* okLabel)
{
    char cpu[32] = "-"; // unknown for a --target usherd
    if (row.cpuUsPerRequest >= 0)
        std::snprintf(cpu, sizeof cpu, "%.1f", row.cpuUsPerRequest);
    std::printf("%-44s %12.0f %9.2f %9.2f %9.2f %9s   %s %.0f%%\n", what, row.perSecond, row.latency.p50Ms,
                row.latency.p99Ms, row.latency.maxMs, cpu, okLabel, row.okShare * 100);
    std::fflush(stdout);
}

} // namespace

int runHttpBenchCommand(const std::vector<std::string_view>& arguments)
{
    bool help = false;
    const std::optional<Options> parsed = parse(arguments, &help);
    if (help) {
        printUsage(stdout);
        return 0;
    }
    if (!parsed) {
        printUsage(stderr);
        return 2;
    }
    const Options& o = *parsed;
    Server server;
    if (o.target && o.ceiling) {
        std::fprintf(stderr, "usher-bench: --target and --ceiling exclude each other\n");
        return 2;
    }
    if (o.target && !server.attach(*o.target)) {
        std::fprintf(stderr, "usher-bench: no usherd ready at the --target address (GET /readyz)\n");
        return 1;
    }
    if (!o.target && (o.ceiling ? !server.startCeiling() : !server.start(o))) {
        std::fprintf(stderr, "usher-bench: %s did not start (%s)\n", o.ceiling ? "the ceiling server" : "usherd",
                     o.usherd.c_str());
        return 1;
    }
    const Endpoint endpoint = server.endpoint();
    char where[32];
    std::snprintf(where, sizeof where, "%u.%u.%u.%u:%u", endpoint.address >> 24, (endpoint.address >> 16) & 255,
                  (endpoint.address >> 8) & 255, endpoint.address & 255, endpoint.port);
    const std::size_t sessionsWanted = std::max<std::size_t>(64, *std::max_element(o.clients.begin(), o.clients.end()));
    std::vector<std::string> sessions;
    if (o.ceiling) {
        sessions.assign(sessionsWanted, "Authorization: Bearer usb_ceiling\r\n"); // same request size, not checked
        std::printf("usher-bench http --ceiling: a trivial Boost.Beast keep-alive handler (prebuilt answers, 2 network "
                    "threads) on %s, %d run(s) of %.1f s, median shown\n\n",
                    where, o.runs, o.seconds);
    } else {
        BlockingConnection c(endpoint);
        for (std::size_t i = 0; i < sessionsWanted; ++i)
            sessions.push_back("Authorization: Bearer "
                               + field(c.request(httpRequest("POST", "/api/sessions", "", "")).body, "token") + "\r\n");
        std::printf("usher-bench http: usherd on %s, %s, %d run(s) of %.1f s, median shown\n\n", where,
                    o.target ? "started elsewhere" : o.fsync ? "fsync per commit" : "no fsync", o.runs, o.seconds);
    }
    std::printf("%-44s %12s %9s %9s %9s %9s\n", "measurement", "per second", "p50 ms", "p99 ms", "max ms",
                "CPU us/req");

    std::uint64_t epoch = 0;
    for (const std::size_t clients : o.holds ? o.clients : std::vector<std::size_t> {}) {
        std::vector<Row> rows;
        for (int run = 0; run < o.runs; ++run) {
            const std::uint64_t tag = ++epoch;
            std::vector<std::uint64_t> state(clients);
            for (std::size_t i = 0; i < clients; ++i)
                state[i] = 0x9E3779B97F4A7C15ull * (i + 1) + tag;
            rows.push_back(measure(server, clients, o.seconds, 201, [&](std::size_t conn, std::uint64_t n) {
                std::uint64_t& x = state[conn];
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                const std::uint64_t seat = 1 + x % 100'000;
                return httpRequest("POST", "/api/events/100/seats/" + std::to_string(seat) + "/hold", "",
                                   sessions[conn % sessions.size()] + "Idempotency-Key: b" + std::to_string(tag) + "-"
                                       + std::to_string(conn) + "-" + std::to_string(n) + "\r\n");
            }));
        }
        const std::string label = (o.ceiling ? "POST -> 201, " : "holds, ") + std::to_string(clients)
            + (o.ceiling ? " clients, trivial handler" : " clients, 100k-seat event");
        printRow(label.c_str(), medianRow(rows), "201:");
    }

    if (o.gets) {
        std::vector<Row> full;
        std::vector<Row> notModified;
        for (int run = 0; run < o.runs; ++run) {
            full.push_back(measure(server, 64, o.seconds, 200, [](std::size_t, std::uint64_t) {
                return httpRequest("GET", "/api/events/1/availability", "", "");
            }));
            notModified.push_back(measure(server, 64, o.seconds, 304, [](std::size_t, std::uint64_t) {
                return httpRequest("GET", "/api/events/1/availability", "", "If-None-Match: *\r\n");
            }));
        }
        printRow("availability GET 200 (510 seats), 64 clients", medianRow(full), "200:");
        printRow("availability GET 304, 64 clients", medianRow(notModified), "304:");
    }

    if (!o.fanout || o.ceiling)
        return 0;
    std::printf("\n%-44s %12s %9s %9s %9s   (arrival: %s)\n", "WebSocket fan-out (hold -> last subscriber)",
                "subscribers", "p50 ms", "p99 ms", "max ms",
                o.fanoutClock.kernelTimestamps ? "socket receive timestamp, subscribers read every --fanout-poll-us"
                                               : "parsed by the client, read at once");
    if (!server.cpuKnown())
        std::printf("(usherd's CPU is not measured with --target: its per-delta figures read 0)\n");
    std::uint32_t nextSeat = 300; // the theatre's seats 300.. (510 seats)
    BlockingConnection driver(endpoint);
    const std::string buyer = sessions.front();
    for (const std::size_t subscribers : o.subscribers) {
        const std::uint32_t first = nextSeat;
        nextSeat += std::uint32_t(o.changes);
        const double cpuBefore = server.cpuSeconds();
        // usherd's and this process's CPU over the deltas alone (from the first change to the
        // last arrival, without connects, snapshots and disconnects): per delivered message.
        double userAt[2] = {};
        double systemAt[2] = {};
        double selfAt[2] = {};
        const auto selfCpu = [] {
            rusage usage {};
            getrusage(RUSAGE_SELF, &usage);
            return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
                + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
        };
        const FanoutResult r = runFanout(
            endpoint, subscribers, kTheatre, o.changes, o.changeIntervalMs, first,
            [&](std::uint32_t seat) {
                driver.request(httpRequest("POST", "/api/events/1/seats/" + std::to_string(seat) + "/hold", "",
                                           buyer + "Idempotency-Key: fan-" + std::to_string(seat) + "\r\n"));
            },
            [&](bool start) {
                server.cpuSplit(&userAt[start ? 0 : 1], &systemAt[start ? 0 : 1]);
                selfAt[start ? 0 : 1] = selfCpu();
            },
            o.fanoutClock);
        const Percentiles p = percentiles(r.lastArrivalNs);
        const double cpu = server.cpuSeconds() - cpuBefore;
        const double deliveries = double(r.connected) * double(o.changes);
        const auto perDelivery = [deliveries](double seconds) { return deliveries > 0 ? seconds * 1e6 / deliveries : 0.0; };
        std::printf("%-44s %12zu %9.2f %9.2f %9.2f   connected %zu, changes complete %zu/%zu, connect %.1f s, "
                    "usherd CPU %.2f s; per delivered delta: usherd %.2f us user + %.2f us system, "
                    "usher-bench %.2f us\n",
                    "fan-out", subscribers, p.p50Ms, p.p99Ms, p.maxMs, r.connected, r.lastArrivalNs.size(), o.changes,
                    r.connectSeconds, cpu, perDelivery(userAt[1] - userAt[0]), perDelivery(systemAt[1] - systemAt[0]),
                    perDelivery(selfAt[1] - selfAt[0]));
        // Where the time went, per change: the hold's answer (its commit included), the first
        // subscriber, and the spread of the sends from the first subscriber to the last.
        std::vector<std::int64_t> spread(r.lastArrivalNs.size());
        for (std::size_t k = 0; k < spread.size(); ++k)
            spread[k] = r.lastArrivalNs[k] - r.firstArrivalNs[k];
        const Percentiles answered = percentiles(r.answeredNs);
        const Percentiles firstArrival = percentiles(r.firstArrivalNs);
        const Percentiles sends = percentiles(spread);
        std::printf("%-44s %12s %9.2f %9.2f %9.2f   hold answered (commit included)\n", "  of which", "",
                    answered.p50Ms, answered.p99Ms, answered.maxMs);
        std::printf("%-44s %12s %9.2f %9.2f %9.2f   first subscriber\n", "", "", firstArrival.p50Ms, firstArrival.p99Ms,
                    firstArrival.maxMs);
        std::printf("%-44s %12s %9.2f %9.2f %9.2f   first to last subscriber\n", "", "", sends.p50Ms, sends.p99Ms,
                    sends.maxMs);
        std::fflush(stdout);
    }
    return 0;
}

} // namespace usher::bench
