#include "PgHttpBench.h"

#include "BenchSystem.h"
#include "BenchTable.h"
#include "LoadClient.h"
#include "ServerTestSupport.h"
#include "net/Cluster.h"
#include "support/PgCluster.h"
#include "support/PgClusterNginx.h"
#include "support/TempDir.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace usher::bench {

namespace {

using test::HttpClient;
using test::HttpResult;
using test::PgCluster;
using test::PgClusterNginx;
using test::UsherdProcess;

struct DemoEvent {
    int id = 0;
    int seats = 0;
};

struct Result {
    double perSecond = 0;  // answers from the owner (201 or 409)
    double otherShare = 0; // other answers (none expected)
    std::string others;    // "status:count ..." of the other answers
    Percentiles latency;
    double cpuUsPerRequest = 0; // every node's usherd, user + system
    // Where the CPU went (us per request, user + system): each node, the nodes' ClusterFeed threads
    // (replaying the others' changes), nginx (master and workers), PostgreSQL (every process of the
    // private cluster). And how the requests reached their owner.
    std::vector<double> nodeUs;
    double feedUs = 0;
    double nginxUs = 0;
    double postgresUs = 0;
    double redirectShare = 0; // requests answered 307 by a node that does not own the event
    std::string failure;
};

// One process's (or thread's) /proc/.../stat: parent pid, name, CPU seconds (user + system).
struct ProcStat {
    int ppid = 0;
    std::string comm;
    double cpu = 0;
};

bool readStat(const QString& path, ProcStat* out)
{
    QFile stat(path);
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const std::string text = stat.readAll().toStdString();
    const std::size_t open = text.find('(');
    const std::size_t close = text.rfind(')');
    if (open == std::string::npos || close == std::string::npos || close + 2 > text.size())
        return false;
    out->comm = text.substr(open + 1, close - open - 1);
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    unsigned long long utime = 0;
    unsigned long long stime = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i) {
        if (i == 4)
            out->ppid = std::atoi(field.c_str());
        if (i == 14)
            utime = std::stoull(field);
        if (i == 15)
            stime = std::stoull(field);
    }
    out->cpu = double(utime + stime) / double(sysconf(_SC_CLK_TCK));
    return true;
}

// CPU seconds so far of the processes of one phase, by part.
struct CpuSample {
    std::vector<double> nodes; // per node data directory
    double feed = 0;           // threads named usher-feed (net/ClusterFeed) in those nodes
    double nginx = 0;
    double postgres = 0;
};

CpuSample sampleCpu(const std::vector<std::string>& nodeDirs, int nginxPid, const std::string& pgDir)
{
    CpuSample sample;
    sample.nodes.assign(nodeDirs.size(), 0);
    int postmaster = 0;
    std::vector<std::pair<int, ProcStat>> all;
    QDir proc(QStringLiteral("/proc"));
    for (const QString& entry : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool isPid = false;
        const int pid = entry.toInt(&isPid);
        ProcStat stat;
        if (!isPid || !readStat(QStringLiteral("/proc/") + entry + QStringLiteral("/stat"), &stat))
            continue;
        QFile cmdlineFile(QStringLiteral("/proc/") + entry + QStringLiteral("/cmdline"));
        const QByteArray cmdline = cmdlineFile.open(QIODevice::ReadOnly) ? cmdlineFile.readAll() : QByteArray();
        for (std::size_t i = 0; i < nodeDirs.size(); ++i) {
            if (!cmdline.contains(QByteArray::fromStdString(nodeDirs[i]) + '\0'))
                continue;
            sample.nodes[i] += stat.cpu;
            QDir tasks(QStringLiteral("/proc/") + entry + QStringLiteral("/task"));
            for (const QString& task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
                ProcStat thread;
                if (readStat(tasks.filePath(task) + QStringLiteral("/stat"), &thread) && thread.comm == "usher-feed")
                    sample.feed += thread.cpu;
            }
        }
        if (pid == nginxPid)
            sample.nginx += stat.cpu;
        if (!pgDir.empty() && stat.comm == "postgres" && cmdline.contains(QByteArray::fromStdString(pgDir)))
            postmaster = pid;
        all.emplace_back(pid, stat);
    }
    for (const auto& [pid, stat] : all) {
        if (nginxPid != 0 && stat.ppid == nginxPid)
            sample.nginx += stat.cpu;
        if (postmaster != 0 && (pid == postmaster || stat.ppid == postmaster))
            sample.postgres += stat.cpu;
    }
    return sample;
}

// A node's count of answers to hold requests with `status` (its /metrics; "307" are the redirects
// to the event's owner).
double answersOf(std::uint16_t port, const std::string& status)
{
    BlockingConnection connection(port);
    const SimpleResponse metrics = connection.request(httpRequest("GET", "/metrics", "", ""));
    const std::string prefix = "usherd_http_requests_total{";
    const std::string labels = "route=\"/api/events/{id}/holds\",status=\"" + status + "\"}";
    double count = 0;
    std::istringstream lines(metrics.body);
    for (std::string line; std::getline(lines, line);) {
        if (line.compare(0, prefix.size(), prefix) != 0 || line.find(labels) == std::string::npos)
            continue;
        count += std::atof(line.c_str() + line.rfind(' ') + 1);
    }
    return count;
}

// The nodes of one phase, started on their own database; n1 creates the demo events.
class Nodes {
public:
    bool start(PgCluster& cluster, const std::string& base, int count, const std::string& database,
               std::string* error)
    {
        m_database = database;
        if (!cluster.createDatabase(database, error))
            return false;
        const QString store = QString::fromStdString(cluster.uri(database));
        for (int i = 0; i < count; ++i) {
            const QString dir = QString::fromStdString(base) + QStringLiteral("/n") + QString::number(i + 1);
            QDir().mkpath(dir);
            if (i == 0 && UsherdProcess::createToken(dir, QStringLiteral("admin")).isEmpty()) {
                *error = "usherd token create failed";
                return false;
            }
            if (i > 0) // one token store for the cluster, as a deployment has
                for (const QString& name :
                     QDir(m_dirs[0]).entryList({ QStringLiteral("usherd-tokens.db*") }, QDir::Files))
                    QFile::copy(m_dirs[0] + QLatin1Char('/') + name, dir + QLatin1Char('/') + name);
            m_dirs.push_back(dir);
            m_dirPaths.push_back(dir.toStdString());
            auto process = std::make_unique<UsherdProcess>(dir);
            QStringList arguments = { QStringLiteral("--store"),           store,
                                      QStringLiteral("--node-id"),         QStringLiteral("n") + QString::number(i + 1),
                                      QStringLiteral("--rate-limit"),      QStringLiteral("0"),
                                      QStringLiteral("--payment-gateway"), QStringLiteral("demo") };
            if (i == 0)
                arguments << QStringLiteral("--demo");
            if (!process->start(arguments)) {
                *error = "usherd did not start: " + process->log().toStdString();
                return false;
            }
            m_processes.push_back(std::move(process));
            arguments.removeAll(QStringLiteral("--demo")); // a restart loads the events n1 made
            m_arguments.push_back(arguments);
        }
        if (!waitForPlacement(cluster, error))
            return false;
        waitUntilIdle();
        return true;
    }
    // Placement: every event is owned by the node the hash ring prefers (n1 hands the others
    // their share); at most 60 s.
    bool waitForPlacement(PgCluster& cluster, std::string* error) const
    {
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < m_processes.size(); ++i)
            ids.push_back("n" + std::to_string(i + 1));
        const net::HashRing ring(ids);
        const std::string sql = "SELECT string_agg(e.id::text || '=' || coalesce(n.node_id, ''), ',' ORDER BY e.id) "
                                "FROM events e LEFT JOIN "
            + std::string(kOwnerJoin);
        std::string owners;
        for (int i = 0; i < 600; ++i) {
            bool settled = cluster.psql(m_database, sql, &owners) && !owners.empty();
            for (const QByteArray& pair : QByteArray::fromStdString(owners).split(',')) {
                const QList<QByteArray> parts = pair.split('=');
                settled = settled && parts.size() == 2
                    && ring.owner(EventId(parts[0].toULongLong())) == parts[1].toStdString();
            }
            if (settled)
                return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        *error = "the events were not placed as the hash ring says within 60 s: " + owners;
        return false;
    }
    // The index of the node that holds `event`'s lock now; size() when none does.
    std::size_t ownerOf(PgCluster& cluster, int event) const
    {
        std::string owner;
        const std::string sql = "SELECT n.node_id FROM events e JOIN " + std::string(kOwnerJoin)
            + " WHERE e.id = " + std::to_string(event);
        if (!cluster.psql(m_database, sql, &owner))
            return size();
        for (std::size_t i = 0; i < size(); ++i)
            if (owner == "n" + std::to_string(i + 1))
                return i;
        return size();
    }
    // SIGKILL; returns once the process is gone.
    void kill(std::size_t i) { m_processes[i]->kill(); }
    // Starts a killed node again on its data directory (a new port).
    bool restart(std::size_t i, std::string* error)
    {
        if (m_processes[i]->start(m_arguments[i]))
            return true;
        *error = "usherd n" + std::to_string(i + 1) + " did not restart: " + m_processes[i]->log().toStdString();
        return false;
    }
    ~Nodes()
    {
        for (auto& process : m_processes)
            process->terminate();
    }
    std::vector<PgClusterNginx::Node> upstreams() const
    {
        std::vector<PgClusterNginx::Node> nodes;
        for (const auto& process : m_processes)
            nodes.push_back({ int(process->port()), false });
        return nodes;
    }
    // The last loads (and the followers' first reads) done: the nodes use under 5% of a core
    // over half a second (at most 30 s), so that they do not count in the measured CPU.
    void waitUntilIdle() const
    {
        for (int i = 0; i < 60; ++i) {
            const CpuSample before = sampleCpu(m_dirPaths, 0, {});
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            const CpuSample after = sampleCpu(m_dirPaths, 0, {});
            double used = 0;
            for (std::size_t n = 0; n < after.nodes.size(); ++n)
                used += after.nodes[n] - before.nodes[n];
            if (used < 0.025)
                return;
        }
    }
    std::uint16_t port(std::size_t i) const { return m_processes[i]->port(); }
    std::size_t size() const { return m_processes.size(); }
    const std::vector<std::string>& dirs() const { return m_dirPaths; }

private:
    // An event's lock holder (pg_locks, the advisory lock on the event id) and its node row.
    static constexpr const char* kOwnerJoin
        = "pg_locks l ON l.locktype = 'advisory' AND l.objsubid = 1 AND l.granted"
          " AND ((l.classid::bigint << 32) | l.objid::bigint) = e.id LEFT JOIN usher_nodes n ON n.lock_pid = l.pid";

    std::string m_database;
    std::vector<QStringList> m_arguments; // per node, for a restart
    std::vector<std::string> m_dirPaths;
    QStringList m_dirs;
    std::vector<std::unique_ptr<UsherdProcess>> m_processes;
};

// The demo events with seats; none (and `why`: the answer) when the list cannot be read.
// The demo events with seats, as `GET /api/events` lists them. Asked again for up to 5 s while the
// answer has none (seen once, at load 10, through nginx right after the nodes started; the cause is
// not known), and said on stderr when that happened, so that it stays visible.
std::vector<DemoEvent> demoEvents(std::uint16_t port, std::string* why)
{
    std::vector<DemoEvent> events;
    for (int attempt = 1; attempt <= 20 && events.empty(); ++attempt) {
        if (attempt > 1) {
            std::fprintf(stderr, "usher-bench: %s; asking again\n", why->c_str());
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
        }
        BlockingConnection connection(port);
        const SimpleResponse list = connection.request(httpRequest("GET", "/api/events", "", ""));
        *why = "no demo event with seats: GET /api/events -> " + std::to_string(list.status) + " "
            + list.body.substr(0, 200);
        for (const QJsonValue& value : QJsonDocument::fromJson(QByteArray::fromStdString(list.body))
                                           .object()
                                           .value(QLatin1String("events"))
                                           .toArray()) {
            const QJsonObject event = value.toObject();
            if (event.value(QLatin1String("seats")).toInt() > 0)
                events.push_back(
                    { event.value(QLatin1String("id")).toInt(), event.value(QLatin1String("seats")).toInt() });
        }
    }
    return events;
}

Result measure(std::uint16_t entry, const Nodes& nodes, int nginxPid, const std::string& pgDir,
               const PgHttpBenchOptions& options, int run)
{
    Result result;
    const std::vector<DemoEvent> events = demoEvents(entry, &result.failure);
    if (events.empty())
        return result;
    result.failure.clear();
    std::vector<std::string> sessions;
    {
        BlockingConnection connection(entry);
        for (std::size_t i = 0; i < options.connections; ++i) {
            const SimpleResponse session = connection.request(httpRequest("POST", "/api/sessions", "", ""));
            const QByteArray token = QJsonDocument::fromJson(QByteArray::fromStdString(session.body))
                                         .object()
                                         .value(QLatin1String("token"))
                                         .toString()
                                         .toUtf8();
            if (token.isEmpty()) {
                result.failure = "no buyer session: " + std::to_string(session.status) + " " + session.body;
                return result;
            }
            sessions.push_back("Authorization: Bearer " + token.toStdString() + "\r\n");
        }
    }
    std::vector<std::uint64_t> state(options.connections);
    for (std::size_t i = 0; i < state.size(); ++i)
        state[i] = 0x9E3779B97F4A7C15ull * (i + 1) + std::uint64_t(run);
    const CpuSample before = sampleCpu(nodes.dirs(), nginxPid, pgDir);
    double redirectsBefore = 0;
    double answersBefore = 0;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        redirectsBefore += answersOf(nodes.port(i), "307");
        answersBefore += answersOf(nodes.port(i), "201") + answersOf(nodes.port(i), "409");
    }
    const LoadResult load
        = runClosedLoop(entry, options.connections, options.seconds, [&](std::size_t c, std::uint64_t n) {
              std::uint64_t& x = state[c];
              x ^= x << 13;
              x ^= x >> 7;
              x ^= x << 17;
              const DemoEvent& event = events[x % events.size()];
              const std::uint64_t seat = 1 + (x >> 20) % std::uint64_t(event.seats);
              return httpRequest("POST", "/api/events/" + std::to_string(event.id) + "/holds",
                                 "{\"seats\":[" + std::to_string(seat) + "]}",
                                 sessions[c] + "Idempotency-Key: h" + std::to_string(run) + "-" + std::to_string(c)
                                     + "-" + std::to_string(n) + "\r\n");
          });
    const CpuSample after = sampleCpu(nodes.dirs(), nginxPid, pgDir);
    double redirects = -redirectsBefore;
    double answers = -answersBefore;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        redirects += answersOf(nodes.port(i), "307");
        answers += answersOf(nodes.port(i), "201") + answersOf(nodes.port(i), "409");
    }
    double cpu = 0;
    const double perRequest = load.requests > 0 ? 1e6 / double(load.requests) : 0;
    for (std::size_t i = 0; i < after.nodes.size(); ++i) {
        cpu += after.nodes[i] - before.nodes[i];
        result.nodeUs.push_back((after.nodes[i] - before.nodes[i]) * perRequest);
    }
    result.feedUs = (after.feed - before.feed) * perRequest;
    result.nginxUs = (after.nginx - before.nginx) * perRequest;
    result.postgresUs = (after.postgres - before.postgres) * perRequest;
    result.redirectShare = answers > 0 ? redirects / answers : 0;
    std::uint64_t answered = 0;
    for (const auto& [status, count] : load.statuses) {
        if (status == 201 || status == 409)
            answered += count;
        else
            result.others += " " + std::to_string(status) + ":" + std::to_string(count);
    }
    result.perSecond = load.seconds > 0 ? double(answered) / load.seconds : 0;
    result.otherShare = load.requests > 0 ? double(load.requests - answered) / double(load.requests) : 1;
    result.latency = percentiles(load.latenciesNs);
    result.cpuUsPerRequest = load.requests > 0 ? cpu * 1e6 / double(load.requests) : 0;
    if (answered == 0)
        result.failure = "no hold answered by an owner";
    return result;
}

Result median(std::vector<Result> results)
{
    std::sort(results.begin(), results.end(),
              [](const Result& a, const Result& b) { return a.perSecond < b.perSecond; });
    return results[results.size() / 2];
}

// One phase: `count` nodes; the clients go to nginx when `nginx`, else to the one node.
Result phase(PgCluster& cluster, const PgHttpBenchOptions& options, int count, bool nginx)
{
    test::TempDir dir;
    Nodes nodes;
    std::string error;
    if (!nodes.start(cluster, dir.path(), count, "http" + std::to_string(count), &error)) {
        Result failed;
        failed.failure = error;
        return failed;
    }
    PgClusterNginx proxy;
    std::uint16_t entry = nodes.port(0);
    if (nginx) {
        if (!proxy.start(options.nginxConfig, nodes.upstreams(), &error)) {
            Result failed;
            failed.failure = error;
            return failed;
        }
        entry = std::uint16_t(proxy.port());
    }
    std::vector<Result> results;
    for (int run = 0; run < options.runs; ++run) {
        results.push_back(measure(entry, nodes, nginx ? proxy.pid() : 0, cluster.directory(), options, run + 1));
        if (!results.back().failure.empty())
            return results.back();
    }
    return median(results);
}

// One buyer's hold requests to the nodes, following the 307s to the owner (at most 3 hops), on
// keep-alive connections (one per node port).
class Holder {
public:
    explicit Holder(QByteArray bearer)
        : m_bearer(std::move(bearer))
    {
    }
    // The final answer; status 0 when a node did not answer (down, or closed the connection).
    HttpResult request(std::uint16_t port, const QByteArray& method, const QByteArray& path, const QByteArray& body,
                       int timeoutMs)
    {
        QByteArray target = path;
        const std::vector<std::pair<QByteArray, QByteArray>> headers
            = { { "Idempotency-Key", "f" + QByteArray::number(++m_requests) } };
        for (int hop = 0; hop < 4; ++hop) {
            std::unique_ptr<HttpClient>& client = m_clients[port];
            if (!client || !client->connected()) {
                client = std::make_unique<HttpClient>(port);
                if (!client->connect()) {
                    client.reset();
                    return {};
                }
            }
            client->bearer = m_bearer;
            HttpResult result = client->request(method, target, body, headers, timeoutMs);
            if (result.status == 0)
                client.reset();
            if (result.status != 307 || hop == 3)
                return result;
            if (!result.location(&port, &target))
                return result;
        }
        return {};
    }

private:
    QByteArray m_bearer;
    std::map<std::uint16_t, std::unique_ptr<HttpClient>> m_clients;
    std::uint64_t m_requests = 0;
};

struct Failover {
    std::vector<double> seconds; // per run, kill to the first 201
    std::string failure;
};

// Three nodes; per run: holds through a node that does not own the event, SIGKILL the owner, time
// to the first 201, restart it and wait for the placement to settle.
Failover failoverPhase(PgCluster& cluster, const PgHttpBenchOptions& options)
{
    constexpr auto kPace = std::chrono::milliseconds(5); // one hold request started every 5 ms
    constexpr auto kBound = std::chrono::seconds(15);
    Failover result;
    test::TempDir dir;
    Nodes nodes;
    if (!nodes.start(cluster, dir.path(), 3, "failover", &result.failure))
        return result;
    const std::vector<DemoEvent> events = demoEvents(nodes.port(0), &result.failure);
    if (events.empty())
        return result;
    result.failure.clear();
    const DemoEvent event = *std::max_element(events.begin(), events.end(),
                                              [](const DemoEvent& a, const DemoEvent& b) { return a.seats < b.seats; });
    BlockingConnection connection(nodes.port(0));
    const SimpleResponse session = connection.request(httpRequest("POST", "/api/sessions", "", ""));
    const QByteArray token
        = QJsonDocument::fromJson(QByteArray::fromStdString(session.body)).object().value(QLatin1String("token")).toString().toUtf8();
    if (token.isEmpty()) {
        result.failure = "no buyer session: " + std::to_string(session.status) + " " + session.body;
        return result;
    }
    Holder holder(token);
    const QByteArray path = "/api/events/" + QByteArray::number(event.id) + "/holds";
    std::uint64_t seat = 0;
    QByteArrayList held; // released after each run, so that the seats last for any number of runs
    using Clock = std::chrono::steady_clock;
    // Paced holds through `entry` until `wanted` 201s or the deadline; the time of the first 201.
    std::map<int, int> answers; // per status (0: no answer), in the last holdUntil
    auto holdUntil = [&](std::uint16_t entry, int wanted, Clock::time_point deadline) -> std::optional<Clock::time_point> {
        answers.clear();
        std::optional<Clock::time_point> first;
        Clock::time_point next = Clock::now();
        while (wanted > 0 && Clock::now() < deadline) {
            std::this_thread::sleep_until(next);
            next = std::max(next + kPace, Clock::now());
            const QByteArray body = "{\"seats\":[" + QByteArray::number(1 + seat++ % std::uint64_t(event.seats)) + "]}";
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
            const HttpResult answer = holder.request(entry, "POST", path, body, int(std::max<long long>(1000, left)));
            ++answers[answer.status];
            if (answer.status != 201)
                continue; // 0 (the owner is gone), 503 (nobody owns it yet), 409 (a seat still held)
            if (!first)
                first = Clock::now();
            --wanted;
            held.push_back(answer.json().value(QLatin1String("holdId")).toString().toUtf8());
        }
        return wanted == 0 ? first : std::nullopt;
    };
    for (int run = 0; run < options.runs; ++run) {
        const std::size_t victim = nodes.ownerOf(cluster, event.id);
        if (victim >= nodes.size()) {
            result.failure = "event " + std::to_string(event.id) + " has no owner";
            return result;
        }
        const std::uint16_t entry = nodes.port((victim + 1) % nodes.size());
        if (!holdUntil(entry, 10, Clock::now() + kBound)) {
            result.failure = "the holds did not succeed before the kill (event " + std::to_string(event.id) + ")";
            return result;
        }
        nodes.kill(victim);
        const Clock::time_point killed = Clock::now();
        const std::optional<Clock::time_point> first = holdUntil(entry, 1, killed + kBound);
        if (!first) {
            result.failure = "no hold succeeded within 15 s of the kill of n" + std::to_string(victim + 1) + " (run "
                + std::to_string(run + 1) + ")";
            return result;
        }
        result.seconds.push_back(std::chrono::duration<double>(*first - killed).count());
        std::string seen;
        for (const auto& [status, count] : answers)
            seen += " " + std::to_string(status) + ":" + std::to_string(count);
        std::fprintf(stderr, "usher-bench: failover run %d: %.2f s (n%zu killed, holds via n%zu, new owner n%zu; answers%s)\n",
                     run + 1, result.seconds.back(), victim + 1, (victim + 1) % nodes.size() + 1,
                     nodes.ownerOf(cluster, event.id) + 1, seen.c_str());
        if (run + 1 == options.runs)
            break; // no restart after the last run
        if (!nodes.restart(victim, &result.failure) || !nodes.waitForPlacement(cluster, &result.failure))
            return result;
        for (const QByteArray& hold : held)
            holder.request(nodes.port(victim), "DELETE", "/api/holds/" + hold, {}, 10'000);
        held.clear();
    }
    return result;
}

std::string failoverText(std::vector<double> seconds)
{
    std::string runs;
    char part[32];
    for (double s : seconds) {
        std::snprintf(part, sizeof part, "%s%.2f", runs.empty() ? "" : ", ", s);
        runs += part;
    }
    std::sort(seconds.begin(), seconds.end());
    std::snprintf(part, sizeof part, "%.2f s", seconds[seconds.size() / 2]);
    return part + (" (run" + std::string(seconds.size() == 1 ? "" : "s") + ": " + runs + ")");
}

std::string rowText(const Result& r)
{
    char text[160];
    std::snprintf(text, sizeof text, "%s; p50 %.2f ms, p99 %.2f ms; usherd CPU %.0f us/req; other answers %.1f%%",
                  formatRate(r.perSecond).c_str(), r.latency.p50Ms, r.latency.p99Ms, r.cpuUsPerRequest,
                  r.otherShare * 100);
    return text + (r.others.empty() ? std::string() : " (" + r.others.substr(1) + ")");
}

std::string breakdownText(const Result& r)
{
    std::string text = "usherd";
    char part[96];
    for (std::size_t i = 0; i < r.nodeUs.size(); ++i) {
        std::snprintf(part, sizeof part, "%s n%zu %.0f", i ? "," : "", i + 1, r.nodeUs[i]);
        text += part;
    }
    std::snprintf(part, sizeof part, " (feed threads %.0f); nginx %.0f; PostgreSQL %.0f us/req; %.0f%% redirected",
                  r.feedUs, r.nginxUs, r.postgresUs, r.redirectShare * 100);
    return text + part;
}

} // namespace

int runPgHttpBench(const PgHttpBenchOptions& options)
{
    if (PgCluster::skipRequested()) {
        std::fprintf(stdout, "usher-bench pg --http: skipped (USHER_SKIP_PG=1)\n");
        return 0;
    }
    if (!options.failoverOnly && PgClusterNginx::binary().empty()) {
        std::fprintf(stderr, "usher-bench: FAILED: no nginx (scripts/install-deps installs it; or set USHER_NGINX)\n");
        return 1;
    }
    PgCluster cluster;
    std::string error;
    if (!cluster.start(&error, true)) {
        std::fprintf(stderr, "usher-bench: FAILED: cannot start a private PostgreSQL: %s\n", error.c_str());
        return 1;
    }
    BenchTable table;
    if (!options.failoverOnly) {
        std::fprintf(stderr, "usher-bench: one node\n");
        const Result single = phase(cluster, options, 1, false);
        if (!single.failure.empty()) {
            std::fprintf(stderr, "usher-bench: FAILED (one node): %s\n", single.failure.c_str());
            return 1;
        }
        std::fprintf(stderr, "usher-bench: three nodes behind nginx\n");
        const Result three = phase(cluster, options, 3, true);
        if (!three.failure.empty()) {
            std::fprintf(stderr, "usher-bench: FAILED (three nodes): %s\n", three.failure.c_str());
            return 1;
        }
        const std::string what = "hold requests (" + std::to_string(options.connections) + " keep-alive clients)";
        table.add("one node", what, rowText(single));
        table.add("3 nodes + nginx", what, rowText(three));
        table.add("one node", "CPU breakdown", breakdownText(single));
        table.add("3 nodes + nginx", "CPU breakdown", breakdownText(three));
        table.add("3 nodes + nginx", "vs one node",
                  formatCount(three.perSecond / std::max(1.0, single.perSecond)) + "x");
    }
    std::fprintf(stderr, "usher-bench: failover (three nodes, the owner SIGKILLed)\n");
    const Failover failover = failoverPhase(cluster, options);
    if (!failover.failure.empty()) {
        std::fprintf(stderr, "usher-bench: FAILED (failover): %s\n", failover.failure.c_str());
        return 1;
    }
    table.add("3 nodes", "failover: kill -> first hold", failoverText(failover.seconds));
    if (options.failoverOnly)
        std::fprintf(stdout, "usher-bench pg --failover-only: %d run%s, PostgreSQL private cluster on loopback\n\n",
                     options.runs, options.runs == 1 ? "" : "s");
    else
        std::fprintf(stdout,
                     "usher-bench pg --http: %.1f s per run, median of %d run%s, PostgreSQL private cluster on "
                     "loopback (fsync on)\n\n",
                     options.seconds, options.runs, options.runs == 1 ? "" : "s");
    table.print(stdout);
    std::fprintf(stdout, "\nmachine: %s, %u CPUs, load average %.2f (a loaded machine gives lower figures)\n",
                 cpuModel().c_str(), cpuCount(), loadAverage());
    return 0;
}

} // namespace usher::bench
