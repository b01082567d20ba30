// usherd against usher-fakepay over HTTP (HttpPaymentGateway): a sale, a decline, and an outage
// that opens the circuit breaker, keeps the hold, and sells once the gateway is back. Then crashes:
// usherd killed (SIGKILL) while a charge is in flight finishes the purchase at start-up (sold when
// the gateway took the money, released when it did not), and a purchase retried after a restart
// gets the same order.

#include "ServerTestSupport.h"
#include "support/TempDir.h"

#include <QJsonArray>
#include <QProcess>
#include <QTest>

using namespace usher::test;

class TestServerPayments : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void saleThroughTheGateway();
    void declineIs402();
    void outageKeepsTheHoldAndOpensTheCircuit();
    void crashAfterTheChargeSellsAtStartup();
    void crashBeforeTheChargeReleasesAtStartup();

private:
    QJsonObject fakepayCharge(const QByteArray& key);
    static QChar seatState(quint16 port, int seat);
    QStringList gatewayArguments() const;
    QByteArray holdSeat(HttpClient& client, int seat);
    HttpResult control(const QByteArray& json, const QByteArray& path = "/control");

    std::unique_ptr<TempDir> m_dir;
    QProcess m_fakepay;
    quint16 m_fakepayPort = 0;
    std::unique_ptr<UsherdProcess> m_usherd;
    quint16 m_port = 0;
};

void TestServerPayments::initTestCase()
{
    m_fakepay.start(QStringLiteral(USHER_FAKEPAY_PATH), { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0") });
    QVERIFY(m_fakepay.waitForStarted(5000));
    QVERIFY(m_fakepay.waitForReadyRead(10'000));
    m_fakepayPort = quint16(m_fakepay.readLine().trimmed().toUInt());
    QVERIFY(m_fakepayPort != 0);
    m_dir = std::make_unique<TempDir>();
    m_usherd = std::make_unique<UsherdProcess>(QString::fromStdString(m_dir->path()));
    QVERIFY2(m_usherd->start({ QStringLiteral("--demo"), QStringLiteral("--no-fsync"), QStringLiteral("--rate-limit"),
                               QStringLiteral("0"), QStringLiteral("--payment-gateway"),
                               QStringLiteral("http://127.0.0.1:%1").arg(m_fakepayPort) }),
             m_usherd->log().constData());
    m_port = m_usherd->port();
}

void TestServerPayments::cleanupTestCase()
{
    if (m_usherd)
        QVERIFY2(m_usherd->terminate(), m_usherd->log().constData());
    m_fakepay.kill();
    m_fakepay.waitForFinished(5000);
}

QByteArray TestServerPayments::holdSeat(HttpClient& client, int seat)
{
    const HttpResult held = client.request("POST", "/api/events/1/seats/" + QByteArray::number(seat) + "/hold", {},
                                           { { "Idempotency-Key", "p-" + QByteArray::number(seat) } });
    return held.status == 201 ? held.json().value(QLatin1String("holdId")).toString().toUtf8() : QByteArray();
}

HttpResult TestServerPayments::control(const QByteArray& json, const QByteArray& path)
{
    HttpClient client(m_fakepayPort);
    if (!client.connect())
        return {};
    return client.request("POST", path, json);
}

void TestServerPayments::saleThroughTheGateway()
{
    HttpClient client(m_port);
    QVERIFY(client.connect());
    client.bearer = newBuyerSession(m_port);
    const QByteArray hold = holdSeat(client, 5);
    QVERIFY(!hold.isEmpty());
    const HttpResult bought
        = client.request("POST", "/api/holds/" + hold + "/purchase", R"({"payment":{"token":"tok_visa"}})");
    QCOMPARE(bought.status, 200);
    QVERIFY(!bought.json().value(QLatin1String("paymentId")).toString().isEmpty());
    QCOMPARE(bought.json().value(QLatin1String("tickets")).toArray().size(), 1);
}

void TestServerPayments::declineIs402()
{
    HttpClient client(m_port);
    QVERIFY(client.connect());
    client.bearer = newBuyerSession(m_port);
    const QByteArray hold = holdSeat(client, 6);
    QVERIFY(!hold.isEmpty());
    QCOMPARE(
        client.request("POST", "/api/holds/" + hold + "/purchase", R"({"payment":{"token":"tok_decline"}})").status,
        402);
}

void TestServerPayments::outageKeepsTheHoldAndOpensTheCircuit()
{
    QCOMPARE(control(R"({"errorRate":1})").status, 200);
    HttpClient client(m_port);
    QVERIFY(client.connect());
    client.bearer = newBuyerSession(m_port);
    std::vector<QByteArray> holds;
    for (int seat = 10; seat < 17; ++seat) {
        holds.push_back(holdSeat(client, seat));
        QVERIFY(!holds.back().isEmpty());
        const HttpResult result = client.request("POST", "/api/holds/" + holds.back() + "/purchase", "{}", {}, 30'000);
        QCOMPARE(result.status, 503);
        QVERIFY(!result.header("retry-after").isEmpty());
    }
    HttpClient metrics(m_port);
    QVERIFY(metrics.connect());
    QVERIFY2(metrics.request("GET", "/metrics").body.contains("usherd_payment_circuit_state 1"),
             "the circuit should be open");
    // The holds are kept (payment pending): nobody else can take the seat.
    HttpClient other(m_port);
    QVERIFY(other.connect());
    other.bearer = newBuyerSession(m_port);
    QCOMPARE(other.request("POST", "/api/events/1/seats/10/hold", {}, { { "Idempotency-Key", "o-10" } }).status, 409);

    // The gateway comes back; once the breaker probes (half-open) the retried purchase sells.
    QCOMPARE(control(R"({"errorRate":0})").status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(
        client.request("POST", "/api/holds/" + holds.front() + "/purchase", "{}", {}, 30'000).status, 200, 40'000);
    QTRY_VERIFY_WITH_TIMEOUT(metrics.request("GET", "/metrics").body.contains("usherd_payment_circuit_state 0"),
                             20'000);
}

// The seat's state in event 1's availability ('0' available, '1' held, '2' sold), '?' on no answer.
QChar TestServerPayments::seatState(quint16 port, int seat)
{
    HttpClient client(port);
    if (!client.connect())
        return QLatin1Char('?');
    const QString seats
        = client.request("GET", "/api/events/1/availability").json().value(QLatin1String("seats")).toString();
    return seat >= 1 && seat <= seats.size() ? seats.at(seat - 1) : QLatin1Char('?');
}

QStringList TestServerPayments::gatewayArguments() const
{
    return { QStringLiteral("--demo"),
             QStringLiteral("--no-fsync"),
             QStringLiteral("--rate-limit"),
             QStringLiteral("0"),
             QStringLiteral("--payment-gateway"),
             QStringLiteral("http://127.0.0.1:%1").arg(m_fakepayPort) };
}

// The fake gateway's charge under an idempotency key, or an empty object.
QJsonObject TestServerPayments::fakepayCharge(const QByteArray& key)
{
    HttpClient client(m_fakepayPort);
    if (!client.connect())
        return {};
    for (const QJsonValue& charge :
         client.request("GET", "/control/ledger").json().value(QLatin1String("charges")).toArray())
        if (charge.toObject().value(QLatin1String("idempotencyKey")).toString().toUtf8() == key)
            return charge.toObject();
    return {};
}

void TestServerPayments::crashAfterTheChargeSellsAtStartup()
{
    // Each data directory numbers its holds from the start, so keys repeat across tests.
    QCOMPARE(control("{}", "/control/reset").status, 200);
    TempDir dir;
    const QString data = QString::fromStdString(dir.path());
    QByteArray buyer;
    QByteArray hold;
    {
        UsherdProcess usherd(data);
        QVERIFY2(usherd.start(gatewayArguments()), usherd.log().constData());
        HttpClient client(usherd.port());
        QVERIFY(client.connect());
        buyer = client.bearer = newBuyerSession(usherd.port());
        hold = holdSeat(client, 30);
        QVERIFY(!hold.isEmpty());
        // The gateway takes the money but answers only a minute later: usherd dies waiting.
        QCOMPARE(control(R"({"timeoutRate":1,"timeoutDelayMs":60000})").status, 200);
        const QByteArray purchase
            = R"({"payment":{"token":"tok_visa"},"buyer":{"name":"Ada","email":"ada@example.org"}})";
        QCOMPARE(client.request("POST", "/api/holds/" + hold + "/purchase", purchase, {}, 200).status, 0);
        QTRY_VERIFY_WITH_TIMEOUT(!fakepayCharge("usher-" + hold).isEmpty(), 10'000);
        usherd.kill();
        QCOMPARE(control(R"({"timeoutRate":0})").status, 200);
    }
    const QJsonObject charge = fakepayCharge("usher-" + hold);
    QCOMPARE(charge.value(QLatin1String("status")).toString(), QStringLiteral("approved"));

    // Start-up looks the charge up and issues the tickets without any client asking.
    QByteArray order;
    {
        UsherdProcess usherd(data);
        QVERIFY2(usherd.start(gatewayArguments()), usherd.log().constData());
        HttpClient client(usherd.port());
        QVERIFY(client.connect());
        QTRY_COMPARE_WITH_TIMEOUT(seatState(usherd.port(), 30), QLatin1Char('2'), 20'000);
        client.bearer = buyer;
        const HttpResult bought = client.request("POST", "/api/holds/" + hold + "/purchase", "{}");
        QCOMPARE(bought.status, 200);
        QCOMPARE(bought.json().value(QLatin1String("paymentId")), charge.value(QLatin1String("id")));
        QCOMPARE(bought.json().value(QLatin1String("tickets")).toArray().size(), 1);
        order = bought.body;
        const HttpResult stored
            = client.request("GET", "/api/orders/" + bought.json().value(QLatin1String("orderId")).toString().toUtf8());
        QCOMPARE(stored.status, 200);
        QCOMPARE(stored.json().value(QLatin1String("buyer")).toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("Ada")); // the buyer's details survived the crash
        QVERIFY2(usherd.terminate(), usherd.log().constData());
    }
    // After a clean restart (nothing in memory) the same retry gets the same order, and no charge.
    {
        UsherdProcess usherd(data);
        QVERIFY2(usherd.start(gatewayArguments()), usherd.log().constData());
        HttpClient client(usherd.port());
        QVERIFY(client.connect());
        client.bearer = buyer;
        const HttpResult again = client.request("POST", "/api/holds/" + hold + "/purchase", "{}");
        QCOMPARE(again.status, 200);
        QCOMPARE(again.body, order);
        client.bearer = newBuyerSession(usherd.port()); // someone else gets nothing
        QCOMPARE(client.request("POST", "/api/holds/" + hold + "/purchase", "{}").status, 404);
        QVERIFY2(usherd.terminate(), usherd.log().constData());
    }
    QCOMPARE(fakepayCharge("usher-" + hold).value(QLatin1String("id")), charge.value(QLatin1String("id")));
}

void TestServerPayments::crashBeforeTheChargeReleasesAtStartup()
{
    // Each data directory numbers its holds from the start, so keys repeat across tests.
    QCOMPARE(control("{}", "/control/reset").status, 200);
    TempDir dir;
    const QString data = QString::fromStdString(dir.path());
    QByteArray hold;
    {
        UsherdProcess usherd(data);
        QVERIFY2(usherd.start(gatewayArguments()), usherd.log().constData());
        HttpClient client(usherd.port());
        QVERIFY(client.connect());
        client.bearer = newBuyerSession(usherd.port());
        hold = holdSeat(client, 31);
        QVERIFY(!hold.isEmpty());
        // The gateway swallows the charge without recording it: usherd dies not knowing.
        HttpClient gateway(m_fakepayPort);
        QVERIFY(gateway.connect());
        const auto hangs = [&] {
            return gateway.request("GET", "/control")
                .json()
                .value(QLatin1String("counters"))
                .toObject()
                .value(QLatin1String("injectedHangs"))
                .toInt();
        };
        const int hangsBefore = hangs();
        QCOMPARE(control(R"({"hangRate":1,"hangMs":60000})").status, 200);
        QCOMPARE(client.request("POST", "/api/holds/" + hold + "/purchase", "{}", {}, 200).status, 0);
        QTRY_VERIFY_WITH_TIMEOUT(hangs() > hangsBefore, 10'000);
        // The seat is payment-pending: nobody else can take it.
        QCOMPARE(seatState(usherd.port(), 31), QLatin1Char('1'));
        usherd.kill();
        QCOMPARE(control(R"({"hangRate":0})").status, 200);
    }
    UsherdProcess usherd(data);
    QVERIFY2(usherd.start(gatewayArguments()), usherd.log().constData());
    // No charge under the key: the hold is released at start-up, long before it would expire.
    QTRY_COMPARE_WITH_TIMEOUT(seatState(usherd.port(), 31), QLatin1Char('0'), 20'000);
    // The gateway never took the money, and the key is fenced: a late charge can no longer land.
    QCOMPARE(fakepayCharge("usher-" + hold).value(QLatin1String("status")).toString(), QStringLiteral("voided"));
    QVERIFY2(usherd.terminate(), usherd.log().constData());
}

QTEST_GUILESS_MAIN(TestServerPayments)
#include "TestServerPayments.moc"
