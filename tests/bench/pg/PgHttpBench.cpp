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
#include <memory>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace usher::bench {

namespace {

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
    std::string failure;
};

// CPU seconds (user + system) of the processes whose command line contains `needle`.
double cpuSecondsOf(const std::string& needle)
{
    double seconds = 0;
    QDir proc(QStringLiteral("/proc"));
    for (const QString& entry : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool isPid = false;
        entry.toInt(&isPid);
        if (!isPid)
            continue;
        QFile cmdline(QStringLiteral("/proc/") + entry + QStringLiteral("/cmdline"));
        if (!cmdline.open(QIODevice::ReadOnly) || !cmdline.readAll().contains(QByteArray::fromStdString(needle)))
            continue;
        QFile stat(QStringLiteral("/proc/") + entry + QStringLiteral("/stat"));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const std::string text = stat.readAll().toStdString();
        const std::size_t close = text.rfind(')');
        if (close == std::string::npos)
            continue;
        std::istringstream fields(text.substr(close + 2));
        std::string field;
        unsigned long long utime = 0;
        unsigned long long stime = 0;
        for (int i = 3; i <= 15 && fields >> field; ++i) {
            if (i == 14)
                utime = std::stoull(field);
            if (i == 15)
                stime = std::stoull(field);
        }
        seconds += double(utime + stime) / double(sysconf(_SC_CLK_TCK));
    }
    return seconds;
}

// The nodes of one phase, started on their own database; n1 creates the demo events.
class Nodes {
public:
    bool start(PgCluster& cluster, const std::string& base, int count, std::string* error)
    {
        m_base = base;
        const std::string database = "http" + std::to_string(count);
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
        }
        // Placement: every event is owned by the node the hash ring prefers (n1 hands the others
        // their share).
        std::vector<std::string> ids;
        for (int i = 0; i < count; ++i)
            ids.push_back("n" + std::to_string(i + 1));
        const net::HashRing ring(ids);
        const std::string sql
            = "SELECT string_agg(e.id::text || '=' || coalesce(n.node_id, ''), ',' ORDER BY e.id) FROM events e"
              " LEFT JOIN pg_locks l ON l.locktype = 'advisory' AND l.objsubid = 1 AND l.granted"
              " AND ((l.classid::bigint << 32) | l.objid::bigint) = e.id LEFT JOIN usher_nodes n ON n.lock_pid = l.pid";
        std::string owners;
        for (int i = 0; i < 600; ++i) {
            bool settled = cluster.psql(database, sql, &owners) && !owners.empty();
            for (const QByteArray& pair : QByteArray::fromStdString(owners).split(',')) {
                const QList<QByteArray> parts = pair.split('=');
                settled = settled && parts.size() == 2
                    && ring.owner(EventId(parts[0].toULongLong())) == parts[1].toStdString();
            }
            if (settled) {
                std::this_thread::sleep_for(std::chrono::seconds(1)); // the last loads
                return true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        *error = "the events were not placed as the hash ring says within 60 s: " + owners;
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
    std::uint16_t port(std::size_t i) const { return m_processes[i]->port(); }
    const std::string& base() const { return m_base; }

private:
    std::string m_base;
    QStringList m_dirs;
    std::vector<std::unique_ptr<UsherdProcess>> m_processes;
};

std::vector<DemoEvent> demoEvents(std::uint16_t port)
{
    BlockingConnection connection(port);
    const SimpleResponse list = connection.request(httpRequest("GET", "/api/events", "", ""));
    std::vector<DemoEvent> events;
    for (const QJsonValue& value : QJsonDocument::fromJson(QByteArray::fromStdString(list.body))
                                       .object()
                                       .value(QLatin1String("events"))
                                       .toArray()) {
        const QJsonObject event = value.toObject();
        if (event.value(QLatin1String("seats")).toInt() > 0)
            events.push_back({ event.value(QLatin1String("id")).toInt(), event.value(QLatin1String("seats")).toInt() });
    }
    return events;
}

Result measure(std::uint16_t entry, const Nodes& nodes, const PgHttpBenchOptions& options, int run)
{
    Result result;
    const std::vector<DemoEvent> events = demoEvents(entry);
    if (events.empty()) {
        result.failure = "no demo event with seats";
        return result;
    }
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
    const double cpuBefore = cpuSecondsOf(nodes.base());
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
    const double cpu = cpuSecondsOf(nodes.base()) - cpuBefore;
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
    if (!nodes.start(cluster, dir.path(), count, &error))
        return Result { 0, 0, {}, {}, 0, error };
    PgClusterNginx proxy;
    std::uint16_t entry = nodes.port(0);
    if (nginx) {
        if (!proxy.start(options.nginxConfig, nodes.upstreams(), &error))
            return Result { 0, 0, {}, {}, 0, error };
        entry = std::uint16_t(proxy.port());
    }
    std::vector<Result> results;
    for (int run = 0; run < options.runs; ++run) {
        results.push_back(measure(entry, nodes, options, run + 1));
        if (!results.back().failure.empty())
            return results.back();
    }
    return median(results);
}

std::string rowText(const Result& r)
{
    char text[160];
    std::snprintf(text, sizeof text, "%s; p50 %.2f ms, p99 %.2f ms; usherd CPU %.0f us/req; other answers %.1f%%",
                  formatRate(r.perSecond).c_str(), r.latency.p50Ms, r.latency.p99Ms, r.cpuUsPerRequest,
                  r.otherShare * 100);
    return text + (r.others.empty() ? std::string() : " (" + r.others.substr(1) + ")");
}

} // namespace

int runPgHttpBench(const PgHttpBenchOptions& options)
{
    if (PgCluster::skipRequested()) {
        std::fprintf(stdout, "usher-bench pg --http: skipped (USHER_SKIP_PG=1)\n");
        return 0;
    }
    if (PgClusterNginx::binary().empty()) {
        std::fprintf(stderr, "usher-bench: FAILED: no nginx (scripts/install-deps installs it; or set USHER_NGINX)\n");
        return 1;
    }
    PgCluster cluster;
    std::string error;
    if (!cluster.start(&error, true)) {
        std::fprintf(stderr, "usher-bench: FAILED: cannot start a private PostgreSQL: %s\n", error.c_str());
        return 1;
    }
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
    BenchTable table;
    const std::string what = "hold requests (" + std::to_string(options.connections) + " keep-alive clients)";
    table.add("one node", what, rowText(single));
    table.add("3 nodes + nginx", what, rowText(three));
    table.add("3 nodes + nginx", "vs one node", formatCount(three.perSecond / std::max(1.0, single.perSecond)) + "x");
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
