// usherd on PostgreSQL (issue 9): SIGKILL usherd under load and restart it on the same database:
// every purchase that got a 200 is still there, and no seat was sold twice. The shape of
// tests/server/TestServerCrash, with `--store postgresql://...` on a private cluster.
//
// FAILS when PostgreSQL cannot be started; USHER_SKIP_PG=1 skips it.

#include "ServerTestSupport.h"
#include "support/PgCluster.h"
#include "support/TempDir.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

#include <atomic>
#include <mutex>
#include <random>
#include <set>
#include <thread>

using namespace usher::test;

namespace {

struct Sale {
    QByteArray buyer;
    QByteArray orderId;
    std::vector<int> seats;
};

constexpr int kSeats = 2500; // event 2, the demo concert hall

} // namespace

class TestPgServer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void killUnderLoadLosesNoSale();
};

void TestPgServer::killUnderLoadLosesNoSale()
{
    if (PgCluster::skipRequested())
        QSKIP("USHER_SKIP_PG=1: the PostgreSQL tests are skipped");
    PgCluster cluster;
    std::string error;
    if (!cluster.start(&error, false))
        QFAIL(("cannot start a private PostgreSQL cluster (set USHER_SKIP_PG=1 to skip these tests): " + error).c_str());
    QVERIFY2(cluster.createDatabase("usherd", &error), error.c_str());
    const QString store = QString::fromStdString(cluster.uri("usherd"));
    TempDir dir;
    const QString data = QString::fromStdString(dir.path());
    std::vector<Sale> sales;
    for (int round = 0; round < 2; ++round) {
        UsherdProcess usherd(data);
        QVERIFY2(usherd.start({ QStringLiteral("--store"), store, QStringLiteral("--demo"), QStringLiteral("--rate-limit"), QStringLiteral("0") }),
                 usherd.log().constData());
        const quint16 port = usherd.port();
        std::mutex mutex;
        std::atomic<bool> stop { false };
        std::atomic<int> requests { 0 };
        std::vector<std::thread> threads;
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back([&, t] {
                std::mt19937 random(std::uint32_t(t * 7919 + round));
                const QByteArray buyer = newBuyerSession(port);
                HttpClient client(port);
                if (buyer.isEmpty() || !client.connect())
                    return;
                client.bearer = buyer;
                for (int i = 0; !stop.load(); ++i) {
                    const int first = 1 + int(random() % kSeats);
                    const QByteArray body = "{\"seats\":[" + QByteArray::number(first) + ","
                        + QByteArray::number(first % kSeats + 1) + "]}";
                    const QByteArray key = "crash-" + QByteArray::number(round) + "-" + QByteArray::number(t) + "-"
                        + QByteArray::number(i);
                    const HttpResult held
                        = client.request("POST", "/api/events/2/holds", body, { { "Idempotency-Key", key } }, 3000);
                    ++requests;
                    if (held.status == 0)
                        return; // the server is gone
                    if (held.status != 201)
                        continue;
                    const QByteArray holdId = held.json().value(QLatin1String("holdId")).toString().toUtf8();
                    const HttpResult bought = client.request("POST", "/api/holds/" + holdId + "/purchase",
                                                             R"({"payment":{"token":"t"}})", {}, 3000);
                    if (bought.status == 0)
                        return;
                    if (bought.status != 200)
                        continue;
                    Sale sale;
                    sale.buyer = buyer;
                    sale.orderId = bought.json().value(QLatin1String("orderId")).toString().toUtf8();
                    for (const QJsonValue& ticket : bought.json().value(QLatin1String("tickets")).toArray())
                        sale.seats.push_back(ticket.toObject().value(QLatin1String("seat")).toInt());
                    std::lock_guard lock(mutex);
                    sales.push_back(std::move(sale));
                }
            });
        }
        QTest::qWait(2500);
        usherd.kill(); // SIGKILL, mid-flight
        stop = true;
        for (auto& thread : threads)
            thread.join();
        QVERIFY(requests.load() > 50);
    }
    QVERIFY2(sales.size() > 20, QByteArray::number(qsizetype(sales.size())).constData());

    // Restart: every acknowledged sale is there, with its seats, and no seat was sold twice.
    UsherdProcess usherd(data);
    QVERIFY2(usherd.start({ QStringLiteral("--store"), store }), usherd.log().constData());
    QVERIFY2(usherd.log().contains("PostgreSQL"), usherd.log().constData());
    HttpClient client(usherd.port());
    QVERIFY(client.connect());
    std::set<int> sold;
    for (const Sale& sale : sales) {
        client.bearer = sale.buyer;
        const HttpResult order = client.request("GET", "/api/orders/" + sale.orderId);
        QVERIFY2(order.status == 200, sale.orderId.constData());
        std::vector<int> seats;
        for (const QJsonValue& ticket : order.json().value(QLatin1String("tickets")).toArray())
            seats.push_back(ticket.toObject().value(QLatin1String("seat")).toInt());
        QCOMPARE(seats, sale.seats);
        for (int seat : seats)
            QVERIFY2(sold.insert(seat).second, QByteArray::number(seat).constData());
    }
    const QString states
        = client.request("GET", "/api/events/2/availability").json().value(QLatin1String("seats")).toString();
    for (int seat : sold)
        QCOMPARE(states.at(seat - 1), QLatin1Char('2'));
    QVERIFY(usherd.terminate());

    // The same, seen in PostgreSQL itself: the orders are there, and no seat has two valid tickets.
    std::string output;
    QVERIFY2(cluster.psql("usherd", "SELECT count(*) FROM orders WHERE event_id = 2", &output), output.c_str());
    QVERIFY2(std::stoll(output) >= std::int64_t(sales.size()), output.c_str());
    QVERIFY2(cluster.psql("usherd",
                          "SELECT count(*) FROM (SELECT seat_id FROM tickets WHERE event_id = 2 AND status = 1"
                          " AND area_id = 0 GROUP BY seat_id HAVING count(*) > 1) AS doubles",
                          &output),
             output.c_str());
    QCOMPARE(output, std::string("0"));
    // And the SQLite store in the data directory was never created: the engine ran on PostgreSQL.
    QVERIFY(!QFile::exists(data + QStringLiteral("/usher.db")));
}

QTEST_GUILESS_MAIN(TestPgServer)
#include "TestPgServer.moc"
