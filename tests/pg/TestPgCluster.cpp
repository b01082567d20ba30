// Several usherd nodes on one PostgreSQL (issue 9): each event is owned by exactly one node (an
// advisory lock on the event's id, held by the node's ownership session), the others redirect to
// it, a node that loses its session stops serving, and the others take its events over.
//
// * ownershipLossStopsServing: two nodes; the second redirects to the first; the first's ownership
//   session is terminated with SQL: it stops serving, the second takes the events over, and a hold
//   made before survives (it is bought through the second node).
// * stormSurvivesKill: three nodes; a storm of buyers through all three (following redirects);
//   the owner of the stormed event is SIGKILLed mid-storm and restarted. At the end: every 200
//   purchase is there, no seat sold twice, each event exactly one owner, and the time from the kill
//   to the first successful hold on the new owner within the default failover bound (10 s).
//
// FAILS when PostgreSQL cannot be started; USHER_SKIP_PG=1 skips it.

#include "ServerTestSupport.h"
#include "support/PgCluster.h"
#include "support/TempDir.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTest>
#include <QThread>
#include <QUrl>

#include <array>
#include <atomic>
#include <chrono>
#include <mutex>
#include <random>
#include <thread>

using namespace usher::test;

namespace {

constexpr int kSeats = 2500; // event 2, the demo concert hall

// Every event that has not exactly one registered node holding its lock.
const char* const kOwnerProblemsSql
    = "SELECT count(*) FROM events e WHERE (SELECT count(*) FROM pg_locks l JOIN usher_nodes n ON n.lock_pid = l.pid"
      " WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.granted"
      " AND ((l.classid::bigint << 32) | l.objid::bigint) = e.id) <> 1";

std::string ownerOf(const PgCluster& cluster, int event)
{
    std::string output;
    const std::string sql = "SELECT n.node_id FROM pg_locks l JOIN usher_nodes n ON n.lock_pid = l.pid"
                            " WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.granted"
                            " AND ((l.classid::bigint << 32) | l.objid::bigint) = "
        + std::to_string(event);
    if (!cluster.psql("usherd", sql, &output))
        return {};
    return output;
}

// HTTP clients to several nodes that follow 307 redirects (at most 3 hops).
class Router {
public:
    HttpResult request(quint16 port, const QByteArray& bearer, const QByteArray& method, const QByteArray& path,
                       const QByteArray& body = {}, const std::vector<std::pair<QByteArray, QByteArray>>& headers = {},
                       int* redirects = nullptr)
    {
        QByteArray target = path;
        for (int hop = 0; hop < 4; ++hop) {
            std::unique_ptr<HttpClient>& client = m_clients[port];
            if (!client || !client->connected()) {
                client = std::make_unique<HttpClient>(port);
                if (!client->connect()) {
                    client.reset();
                    return {};
                }
            }
            client->bearer = bearer;
            HttpResult result = client->request(method, target, body, headers, 3000);
            if (result.status == 0)
                client.reset();
            if (result.status != 307)
                return result;
            if (redirects)
                ++*redirects;
            const QUrl location(QString::fromUtf8(result.header("location")));
            if (!location.isValid() || location.port() <= 0)
                return result;
            port = quint16(location.port());
            target = location.path(QUrl::FullyEncoded).toUtf8();
            if (location.hasQuery())
                target += "?" + location.query(QUrl::FullyEncoded).toUtf8();
        }
        return {};
    }

private:
    std::map<quint16, std::unique_ptr<HttpClient>> m_clients;
};

struct Node {
    QString id;
    QString data;
    std::unique_ptr<UsherdProcess> process;
};

QStringList nodeArguments(const QString& store, const QString& id, bool demo)
{
    QStringList arguments = { QStringLiteral("--store"),     store,
                              QStringLiteral("--node-id"),   id,
                              QStringLiteral("--payment-gateway"), QStringLiteral("demo"),
                              QStringLiteral("--rate-limit"), QStringLiteral("0") };
    if (demo)
        arguments << QStringLiteral("--demo");
    return arguments;
}

// The buyer sessions are signed with a secret in <data>/usherd-tokens.db: every node gets the same
// one, as a deployment would (one token store per cluster).
bool shareTokenStore(const QString& from, const std::vector<QString>& to)
{
    if (UsherdProcess::createToken(from, QStringLiteral("admin")).isEmpty())
        return false;
    for (const QString& dir : to) {
        if (!QDir().mkpath(dir))
            return false;
        for (const QString& name : QDir(from).entryList({ QStringLiteral("usherd-tokens.db*") }, QDir::Files))
            if (!QFile::copy(from + QLatin1Char('/') + name, dir + QLatin1Char('/') + name))
                return false;
    }
    return true;
}

// Polls `condition` (pumping the event loop, so that the children's output is read) until it holds.
template <typename Condition>
bool waitFor(Condition condition, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(20);
    }
    return true;
}

} // namespace

class TestPgCluster : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void ownershipLossStopsServing();
    void stormSurvivesKill();

private:
    bool startCluster(PgCluster* cluster, QString* store);
};

void TestPgCluster::initTestCase()
{
    if (PgCluster::skipRequested())
        QSKIP("USHER_SKIP_PG=1: the PostgreSQL tests are skipped");
}

bool TestPgCluster::startCluster(PgCluster* cluster, QString* store)
{
    std::string error;
    if (!cluster->start(&error, false)) {
        qWarning("cannot start a private PostgreSQL cluster (set USHER_SKIP_PG=1 to skip these tests): %s",
                 error.c_str());
        return false;
    }
    if (!cluster->createDatabase("usherd", &error)) {
        qWarning("%s", error.c_str());
        return false;
    }
    *store = QString::fromStdString(cluster->uri("usherd"));
    return true;
}

void TestPgCluster::ownershipLossStopsServing()
{
    PgCluster cluster;
    QString store;
    QVERIFY(startCluster(&cluster, &store));
    TempDir dir;
    const QString base = QString::fromStdString(dir.path());
    Node a { QStringLiteral("a"), base + QStringLiteral("/a"), nullptr };
    Node b { QStringLiteral("b"), base + QStringLiteral("/b"), nullptr };
    QVERIFY(shareTokenStore(a.data, { b.data }));
    a.process = std::make_unique<UsherdProcess>(a.data);
    QVERIFY2(a.process->start(nodeArguments(store, a.id, true)), a.process->log().constData());
    b.process = std::make_unique<UsherdProcess>(b.data);
    QVERIFY2(b.process->start(nodeArguments(store, b.id, false)), b.process->log().constData());

    // The first node owns every event; the second redirects to it, with the same target.
    std::string output;
    QVERIFY2(cluster.psql("usherd", kOwnerProblemsSql, &output), output.c_str());
    QCOMPARE(output, std::string("0"));
    QCOMPARE(ownerOf(cluster, 2), std::string("a"));
    const QByteArray buyer = newBuyerSession(a.process->port());
    QVERIFY(!buyer.isEmpty());
    HttpClient toB(b.process->port());
    QVERIFY(toB.connect());
    toB.bearer = buyer;
    HttpResult redirected = toB.request("POST", "/api/events/2/holds", R"({"seats":[11,12]})");
    QCOMPARE(redirected.status, 307);
    QCOMPARE(redirected.header("location"),
             "http://127.0.0.1:" + QByteArray::number(a.process->port()) + "/api/events/2/holds");
    QCOMPARE(redirected.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("event_elsewhere"));
    // An unknown event is still a 404 (no node owns it).
    QCOMPARE(toB.request("GET", "/api/events/999999").status, 404);

    // A hold through the second node, following the redirect, is made on the first.
    Router router;
    int redirects = 0;
    const HttpResult held = router.request(b.process->port(), buyer, "POST", "/api/events/2/holds",
                                           R"({"seats":[21,22]})", { { "Idempotency-Key", "loss-1" } }, &redirects);
    QVERIFY2(held.status == 201, held.body.constData());
    QCOMPARE(redirects, 1);
    const QByteArray holdId = held.json().value(QLatin1String("holdId")).toString().toUtf8();

    // The first node loses its ownership session: it stops serving its events at once (503 or
    // a redirect, never a 201), and the second takes them over within the failover bound.
    QVERIFY2(cluster.psql("usherd",
                          "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                          " WHERE application_name = 'usherd-ownership/a'",
                          &output),
             output.c_str());
    QCOMPARE(output, std::string("1"));
    HttpClient toA(a.process->port());
    QVERIFY(toA.connect());
    toA.bearer = buyer;
    int lastStatus = 0;
    QVERIFY2(waitFor(
                 [&] {
                     lastStatus = toA.request("POST", "/api/events/2/holds", R"({"seats":[31,32]})",
                                              { { "Idempotency-Key", "loss-2" } })
                                      .status;
                     return lastStatus == 503 || lastStatus == 307;
                 },
                 5000),
             QByteArray::number(lastStatus).constData());
    QElapsedTimer takeover;
    takeover.start();
    // Taken over once node b serves it (it answers 503 between taking the lock and having loaded it).
    QVERIFY2(waitFor(
                 [&] {
                     return router.request(b.process->port(), buyer, "GET", "/api/events/2/availability").status
                         == 200;
                 },
                 10'000),
             b.process->log().constData());
    QCOMPARE(ownerOf(cluster, 2), std::string("b"));
    qInfo("event 2 taken over by node b %lld ms after node a lost its session", qint64(takeover.elapsed()));
    QVERIFY2(waitFor([&] { return toA.request("GET", "/api/events/2/availability").status == 307; }, 5000),
             a.process->log().constData());
    QVERIFY(a.process->log().contains("stops serving"));

    // The hold made on the first node survived: it is bought through the second.
    const HttpResult bought = router.request(a.process->port(), buyer, "POST", "/api/holds/" + holdId + "/purchase",
                                             R"({"payment":{"token":"t"}})");
    QVERIFY2(bought.status == 200, bought.body.constData());
    QCOMPARE(ticketSeats(bought.json()), (std::vector<int> { 21, 22 }));
    // Each event has exactly one owner once node b has taken them all; node a never took them back.
    QVERIFY2(waitFor([&] { return cluster.psql("usherd", kOwnerProblemsSql, &output) && output == "0"; }, 20'000),
             output.c_str());
    QVERIFY2(cluster.psql("usherd",
                          "SELECT count(*) FROM pg_locks l JOIN usher_nodes n ON n.lock_pid = l.pid"
                          " WHERE l.locktype = 'advisory' AND n.node_id = 'a'",
                          &output),
             output.c_str());
    QCOMPARE(output, std::string("0"));
    QVERIFY(a.process->terminate());
    QVERIFY(b.process->terminate());
}

void TestPgCluster::stormSurvivesKill()
{
    PgCluster cluster;
    QString store;
    QVERIFY(startCluster(&cluster, &store));
    TempDir dir;
    const QString base = QString::fromStdString(dir.path());
    std::array<Node, 3> nodes { Node { QStringLiteral("n1"), base + QStringLiteral("/n1"), nullptr },
                                Node { QStringLiteral("n2"), base + QStringLiteral("/n2"), nullptr },
                                Node { QStringLiteral("n3"), base + QStringLiteral("/n3"), nullptr } };
    QVERIFY(shareTokenStore(nodes[0].data, { nodes[1].data, nodes[2].data }));
    std::array<std::atomic<quint16>, 3> ports {};
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        nodes[i].process = std::make_unique<UsherdProcess>(nodes[i].data);
        QVERIFY2(nodes[i].process->start(nodeArguments(store, nodes[i].id, i == 0)),
                 nodes[i].process->log().constData());
        ports[i] = nodes[i].process->port();
    }

    // The storm: eight buyers, each request sent to the next node in turn, redirects followed.
    std::mutex mutex;
    std::vector<AcknowledgedSale> sales;
    std::atomic<bool> stop { false };
    std::atomic<int> requests { 0 };
    std::atomic<int> redirects { 0 };
    std::atomic<std::int64_t> killedAtNs { 0 };
    std::atomic<std::int64_t> firstHoldAfterKillNs { 0 };
    const auto nowNs = [] {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
            .count();
    };
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            std::mt19937 random(std::uint32_t(t * 7919 + 17));
            const QByteArray buyer = newBuyerSession(ports[std::size_t(t) % 3]);
            if (buyer.isEmpty())
                return;
            Router router;
            for (int i = 0; !stop.load(); ++i) {
                const quint16 entry = ports[std::size_t(t + i) % 3].load();
                const int first = 1 + int(random() % kSeats);
                const QByteArray body = "{\"seats\":[" + QByteArray::number(first) + ","
                    + QByteArray::number(first % kSeats + 1) + "]}";
                const QByteArray key = "cluster-" + QByteArray::number(t) + "-" + QByteArray::number(i);
                int hops = 0;
                const HttpResult held = router.request(entry, buyer, "POST", "/api/events/2/holds", body,
                                                       { { "Idempotency-Key", key } }, &hops);
                ++requests;
                redirects += hops;
                if (held.status == 0 || held.status == 503) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(20)); // a node is down, or failing over
                    continue;
                }
                if (held.status != 201)
                    continue;
                std::int64_t expected = 0;
                const std::int64_t now = nowNs();
                if (killedAtNs.load() != 0 && now > killedAtNs.load())
                    firstHoldAfterKillNs.compare_exchange_strong(expected, now);
                const QByteArray holdId = held.json().value(QLatin1String("holdId")).toString().toUtf8();
                const HttpResult bought = router.request(ports[std::size_t(t + i + 1) % 3].load(), buyer, "POST",
                                                         "/api/holds/" + holdId + "/purchase",
                                                         R"({"payment":{"token":"t"}})");
                if (bought.status != 200)
                    continue;
                AcknowledgedSale sale = acknowledgedSale(buyer, bought);
                std::lock_guard lock(mutex);
                sales.push_back(std::move(sale));
            }
        });
    }
    const auto pump = [](int ms) {
        const QDeadlineTimer until(ms);
        while (!until.hasExpired()) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            QThread::msleep(5);
        }
    };
    pump(2500);
    std::size_t salesBeforeKill = 0;
    {
        std::lock_guard lock(mutex);
        salesBeforeKill = sales.size();
    }

    // SIGKILL the owner of the stormed event, mid-storm.
    const std::string victimId = ownerOf(cluster, 2);
    std::size_t victim = nodes.size();
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].id.toStdString() == victimId)
            victim = i;
    QVERIFY2(victim < nodes.size(), victimId.c_str());
    killedAtNs = nowNs();
    nodes[victim].process->kill();
    const bool failedOver = waitFor([&] { return firstHoldAfterKillNs.load() != 0; }, 15'000);
    const double failoverSeconds = double(firstHoldAfterKillNs.load() - killedAtNs.load()) / 1e9;

    // Restart it (same node id and data) while the storm goes on.
    nodes[victim].process = std::make_unique<UsherdProcess>(nodes[victim].data);
    const bool restarted = nodes[victim].process->start(nodeArguments(store, nodes[victim].id, false));
    if (restarted)
        ports[victim] = nodes[victim].process->port();
    pump(2000);
    stop = true;
    for (std::thread& thread : threads)
        thread.join();
    QVERIFY2(failedOver, "no hold succeeded within 15 s of the kill");
    QVERIFY2(restarted, nodes[victim].process->log().constData());
    qInfo("storm: %d requests, %d redirects, %zu sales (%zu before the kill); failover (kill to the first "
          "successful hold on the new owner): %.2f s",
          requests.load(), redirects.load(), sales.size(), salesBeforeKill, failoverSeconds);
    // The goal is 10 s (the default failover timeout); 15 leaves room for a loaded CI machine.
    QVERIFY2(failoverSeconds < 15.0, QByteArray::number(failoverSeconds).constData());
    QVERIFY2(salesBeforeKill > 10, QByteArray::number(qsizetype(salesBeforeKill)).constData());
    QVERIFY2(sales.size() > salesBeforeKill, "nothing was sold after the kill");

    // Each event has exactly one owner (the survivors take the victim's events one after the other;
    // the restarted node takes whatever is still orphaned when it starts), and event 2 moved.
    std::string output;
    QVERIFY2(waitFor([&] { return cluster.psql("usherd", kOwnerProblemsSql, &output) && output == "0"; }, 20'000),
             output.c_str());
    const std::string owner = ownerOf(cluster, 2);
    QVERIFY(owner != victimId);

    // Every 200 purchase is there, with its seats, on the owner; no seat was sold twice.
    quint16 ownerPort = 0;
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].id.toStdString() == owner)
            ownerPort = nodes[i].process->port();
    QVERIFY(ownerPort != 0);
    const QByteArray problem = checkSalesSurvived(ownerPort, sales);
    QVERIFY2(problem.isEmpty(), problem.constData());
    const QByteArray pgProblem = checkPgSalesSurvived(cluster, sales.size());
    QVERIFY2(pgProblem.isEmpty(), pgProblem.constData());
    for (Node& node : nodes)
        QVERIFY2(node.process->terminate(), node.process->log().constData());
    // A clean shutdown releases every lock and deregisters the node.
    QVERIFY2(cluster.psql("usherd", "SELECT count(*) FROM usher_nodes", &output), output.c_str());
    QCOMPARE(output, std::string("0"));
}

QTEST_GUILESS_MAIN(TestPgCluster)
#include "TestPgCluster.moc"
