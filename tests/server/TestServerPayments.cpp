// usherd against usher-fakepay over HTTP (HttpPaymentGateway): a sale, a decline, and an outage
// that opens the circuit breaker, keeps the hold, and sells once the gateway is back.

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

private:
    QByteArray holdSeat(HttpClient& client, int seat);
    HttpResult control(const QByteArray& json);

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

HttpResult TestServerPayments::control(const QByteArray& json)
{
    HttpClient client(m_fakepayPort);
    if (!client.connect())
        return {};
    return client.request("POST", "/control", json);
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

QTEST_GUILESS_MAIN(TestServerPayments)
#include "TestServerPayments.moc"
