// SIGKILL usherd under load and restart it: every purchase that got a 200 is still there, and no
// seat was sold twice.

#include "ServerTestSupport.h"
#include "support/TempDir.h"

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

constexpr int kEvent = 2; // the demo concert hall, about 2,500 seats
constexpr int kSeats = 2500;

} // namespace

class TestServerCrash : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void killUnderLoadLosesNoSale();
};

void TestServerCrash::killUnderLoadLosesNoSale()
{
    TempDir dir;
    const QString data = QString::fromStdString(dir.path());
    std::vector<Sale> sales;
    for (int round = 0; round < 2; ++round) {
        UsherdProcess usherd(data);
        QVERIFY2(usherd.start({ QStringLiteral("--demo"), QStringLiteral("--rate-limit"), QStringLiteral("0") }),
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
    QVERIFY2(usherd.start(), usherd.log().constData());
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
}

QTEST_GUILESS_MAIN(TestServerCrash)
#include "TestServerCrash.moc"
